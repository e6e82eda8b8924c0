#!/bin/sh
# The API reference's examples (docs/examples/*.c, inlined in docs/API.md)
# build as a user's program would, against plan.h and the library alone,
# with every warning an error, and run cleanly on the corpus.
set -eu
B=${BUILD:-build}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
CC=${CC:-cc}
libs=$(pkg-config --libs libxml-2.0 libpcre2-8 libutf8proc libzip)
n=0
for f in docs/examples/*.c; do
  name=$(basename "$f" .c)
  # CC, CFLAGS and LDFLAGS as the build had them (make check-sanitize sets them)
  $CC -std=c11 -Wall -Wextra -Wpedantic -Werror -Iinclude ${CFLAGS:-} -o "$tmp/$name" "$f" \
    "$B/libplan.a" $libs -lm -pthread ${LDFLAGS:-} || { echo "$f does not build"; exit 1; }
  if ! "$tmp/$name" corpus/hai-phong-2021-kh-03.txt corpus/binh-dinh-2021-kh-1472.txt \
       corpus/bac-kan-2021-qd-145.txt > "$tmp/$name.out" 2>&1; then
    cat "$tmp/$name.out"; echo "$f failed"; exit 1
  fi
  [ -s "$tmp/$name.out" ] || { echo "$f printed nothing"; exit 1; }
  n=$((n + 1))
done
grep -q 'docs/examples/comparison.c' docs/API.md || { echo "docs/API.md lacks its examples: run make docs"; exit 1; }
echo "examples: $n programs of docs/API.md build and run"
