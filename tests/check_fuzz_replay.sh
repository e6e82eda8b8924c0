#!/bin/sh
# The fuzz targets, built with a plain main(), replayed over their seeds:
# the corpus, fuzz/seeds/ and fuzz/regressions/ (every crash found stays
# there).  `make fuzz` builds the libFuzzer versions.
set -eu
B=${BUILD:-build}
for t in normalize parse compare words text html docx legacy; do
  "$B/fuzz/replay_$t" corpus fuzz/seeds fuzz/regressions >/dev/null
done
