#!/bin/sh
# The committed generated tables match data/ (run `make gen` after editing data/).
set -eu
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
tools/gen_tables.sh data "$tmp"
for f in "$tmp"/*.c; do
  cmp -s "$f" "lib/data/$(basename "$f")" || { echo "lib/data/$(basename "$f") is out of date: run make gen"; exit 1; }
done
tools/gen_statuses.sh "$tmp/statuses.c"
cmp -s "$tmp/statuses.c" lib/core/statuses.c || { echo "lib/core/statuses.c is out of date: run make gen"; exit 1; }
tools/gen_api_doc.sh "$tmp/API.md"
cmp -s "$tmp/API.md" docs/API.md || { echo "docs/API.md is out of date: run make docs"; exit 1; }
# every public function is documented there
for f in $(sed -n 's/^PLAN_API[^(]*[ *]\(plan_[a-z0-9_]*\)(.*/\1/p' include/plan.h); do
  grep -q "$f(" docs/API.md || { echo "$f is missing from docs/API.md"; exit 1; }
done
# the Python package's version is the header's
v=$(sed -n 's/^#define PLAN_VERSION_STRING "\(.*\)"/\1/p' include/plan.h)
grep -q "^version = \"$v\"" bindings/python/pyproject.toml || { echo "bindings/python/pyproject.toml's version is not $v"; exit 1; }
