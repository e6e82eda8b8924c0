"""The package is pure Python over the C library (ctypes).  Built from the
source tree after `make`, the wheel carries the shared library built
alongside (build/libplan.so.*), so `pip install bindings/python` works
without installing the library; otherwise the installed one is used
(`make install`, or LIBPLAN_LIBRARY)."""
import glob
import os
import shutil

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = os.path.dirname(os.path.abspath(__file__))


class build_py_with_library(build_py):
    def run(self):
        super().run()
        built = sorted(glob.glob(os.path.join(HERE, "..", "..", "build", "libplan.so.*.*.*")))
        if built and not self.dry_run:
            shutil.copyfile(built[-1], os.path.join(self.build_lib, "libplan", "libplan.so.1"))


setup(cmdclass={"build_py": build_py_with_library})
