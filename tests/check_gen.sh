#!/bin/sh
# The committed generated tables match data/ (run `make gen` after editing data/).
set -eu
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
tools/gen_tables.sh data "$tmp"
for f in "$tmp"/*.c; do
  cmp -s "$f" "lib/$(basename "$f")" || { echo "lib/$(basename "$f") is out of date: run make gen"; exit 1; }
done
