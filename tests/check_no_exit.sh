#!/bin/sh
# The library never prints, exits or aborts: none of its objects calls
# these functions (the CLI and tests may).
set -eu
B=${BUILD:-build}
bad=$(nm -u "$B"/lib/*/*.o 2>/dev/null | grep -wE 'abort|exit|_exit|printf|fprintf|puts|fputs|perror|putchar|vfprintf|assert|__assert_fail' | sort -u || true)
[ -z "$bad" ] || { echo "the library calls: $bad"; exit 1; }
