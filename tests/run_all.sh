#!/bin/sh
# Runs every cmocka test program and every shell check, then prints one
# summary line: "N passed, N failed".
# Usage: tests/run_all.sh BUILD_DIR TEST_PROGRAM...
B=$1; shift
passed=0; failed=0; failures=""
for t in "$@"; do
  out=$("$t" 2>&1); rc=$?
  printf '%s\n' "$out"
  p=$(printf '%s\n' "$out" | sed -n 's/^\[  PASSED  \] \([0-9]*\) test.*/\1/p' | tail -1)
  f=$(printf '%s\n' "$out" | sed -n 's/^\[  FAILED  \] \([0-9]*\) test.*/\1/p' | tail -1)
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0}))
  if [ "$rc" -ne 0 ] && [ -z "$f" ]; then failed=$((failed + 1)); failures="$failures $t"; fi
  [ -n "$f" ] && [ "$f" -gt 0 ] && failures="$failures $t"
done
for s in tests/check_*.sh; do
  if out=$(BUILD="$B" sh "$s" 2>&1); then
    echo "[ SHELL OK ] $s"; passed=$((passed + 1))
  else
    printf '%s\n' "$out"; echo "[ SHELL FAIL ] $s"
    failed=$((failed + 1)); failures="$failures $s"
  fi
done
[ -n "$failures" ] && echo "failing:$failures"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
