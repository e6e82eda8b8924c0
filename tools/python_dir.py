"""Prints where `make install` puts the Python package for a PREFIX: the
first directory under PREFIX this Python already searches (Debian's
dist-packages), else the standard site-packages path for PREFIX."""
import sys
import sysconfig

prefix = sys.argv[1].rstrip("/")
version = f"python{sys.version_info.major}.{sys.version_info.minor}"
candidates = [f"{prefix}/lib/{version}/dist-packages", f"{prefix}/lib/python3/dist-packages",
              f"{prefix}/lib/{version}/site-packages"]
for path in candidates:
    if path in sys.path:
        print(path)
        break
else:
    print(sysconfig.get_path("purelib", "posix_prefix", vars={"base": prefix, "platbase": prefix}))
