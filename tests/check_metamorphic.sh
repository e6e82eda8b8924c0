#!/bin/sh
# Layout changes that must not change the parse (tools/metamorph.py):
# re-wrapping at 50, 72 and 100 columns, the header moved into a pipe
# table, a web portal's furniture (synthetic, and a real page's start) put
# before the text.  Not every document holds under every change yet: the
# floors are the figures reached, so a change that makes any of them fall
# fails here (raise them as they rise).
set -eu
B=${BUILD:-build}
python3 tools/metamorph.py --plan "$B/plan" --show 3 \
  --floor wrap50=5,wrap72=5,wrap100=5,header-table=4,furniture=5,portal-page=5 corpus
wild=../shared/corpus/wild
if [ -d "$wild" ]; then
  python3 tools/metamorph.py --plan "$B/plan" \
    --floor wrap50=119,wrap72=125,wrap100=127,header-table=55,furniture=127,portal-page=127 "$wild"
else
  echo "$wild not found: the wild documents were not checked"
fi
