#!/bin/sh
# Every renderer's output over the corpus is pinned in corpus/expected
# (tools/expected.sh): a change shows here as a diff, to be reviewed and
# accepted with `make expected`.
set -eu
B=${BUILD:-build}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
tools/expected.sh "$B/plan" "$tmp"
n=0
for f in "$tmp"/*; do
  name=$(basename "$f")
  n=$((n + 1))
  if ! cmp -s "$f" "corpus/expected/$name"; then
    diff -u "corpus/expected/$name" "$f" | head -20
    echo "corpus/expected/$name differs: review the change, then run make expected"
    exit 1
  fi
done
[ "$(ls corpus/expected | wc -l)" -eq "$n" ] || { echo "corpus/expected holds files no renderer writes"; exit 1; }
echo "expected: $n outputs of 7 renderers over the corpus unchanged"
