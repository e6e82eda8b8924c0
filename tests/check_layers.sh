#!/bin/sh
# The stages of lib/ depend one way (tools/layers.py says how), and the
# check would see a breach: an upward include, a private header reached
# across, and a cycle, each planted in a copy of the tree, must fail it.
set -eu
python3 tools/layers.py . || { echo "lib/ breaks the layer rule"; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
plant() { # name file line expected-message
  rm -rf "$tmp/t"; mkdir "$tmp/t"; cp Makefile "$tmp/t/"; cp -R lib "$tmp/t/lib"
  printf '%s\n' "$3" >> "$tmp/t/lib/$2"
  if out=$(python3 tools/layers.py "$tmp/t"); then echo "layer check missed $1"; exit 1; fi
  printf '%s\n' "$out" | grep -q "$4" || { echo "layer check said, for $1: $out"; exit 1; }
}
plant "an upward include" segment/lines.c '#include "assign/assign.h"' 'upward'
plant "a private header across" assign/assign.c '#include "segment/frame.h"' 'interface header'
plant "a cycle" segment/segment.h '#include "frame.h"' 'include cycle'
plant "a stray source" ../lib/stray.c '' 'outside every stage'
echo "layers: $(sed -n 's/^STAGES *= *//p' Makefile), one way, no cycle"
