#!/bin/sh
# Writes every renderer's output over the corpus into OUT (default
# corpus/expected): for each plan, its parse as text, JSON and XML; for the
# five plans compared together, the comparison as text, JSON, CSV and HTML;
# and the diagnostics the parse said.  `make expected` runs it into
# corpus/expected, to be reviewed as a diff and committed;
# tests/check_expected.sh runs it into a temporary folder and fails on any
# difference.
# Usage: tools/expected.sh PLAN_BINARY [OUT]
set -eu
plan=$1
out=${2:-corpus/expected}
mkdir -p "$out"
set -- corpus/*.txt
for f in "$@"; do
  name=$(basename "$f" .txt)
  for fmt in text json xml; do
    "$plan" parse -q --format=$fmt "$f" > "$out/$name.$fmt"
  done
  "$plan" parse --format=json "$f" 2> "$out/$name.diagnostics" > /dev/null
done
for fmt in text json csv html; do
  "$plan" compare --color=never --format=$fmt "$@" > "$out/compare.$fmt"
done
