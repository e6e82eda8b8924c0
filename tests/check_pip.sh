#!/bin/sh
# `pip install bindings/python` into a fresh virtual environment, offline,
# then an import and a comparison from outside the source tree: the wheel
# carries the library built alongside, and its typed records work.
set -eu
B=${BUILD:-build}
if [ -n "${PLAN_SKIP_PYTHON:-}" ]; then echo "pip: skipped (PLAN_SKIP_PYTHON)"; exit 0; fi
PY=$(test -x /usr/bin/python3 && echo /usr/bin/python3 || echo python3)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp" bindings/python/build bindings/python/*.egg-info' EXIT
# the system's setuptools serve the build: no network, no build isolation
"$PY" -m venv --system-site-packages "$tmp/venv"
"$tmp/venv/bin/python" -m pip install -q --no-index --no-build-isolation bindings/python >"$tmp/pip.log" 2>&1 ||
  { cat "$tmp/pip.log"; echo "pip install bindings/python failed"; exit 1; }
root=$(pwd)
cd "$tmp"
env -u LIBPLAN_LIBRARY "$tmp/venv/bin/python" - "$root" <<'PY'
import os, sys
import libplan
root = sys.argv[1]
assert libplan.__file__.startswith(os.path.dirname(os.path.dirname(sys.executable))), libplan.__file__
docs = [libplan.parse_file(os.path.join(root, "corpus", n))
        for n in ("bac-kan-2021-qd-145.txt", "binh-dinh-2021-kh-1472.txt")]
cmp = libplan.compare(docs)
assert isinstance(docs[0].assignments[0], libplan.Assignment)
assert cmp.groups("doh") and cmp.to_records()
assert os.path.exists(os.path.join(os.path.dirname(libplan.__file__), "py.typed"))
print(f"pip: installed libplan {libplan.version()} into a fresh venv; import and compare work")
PY
