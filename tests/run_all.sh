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
# The Python binding's unittest suite (needs only python3's standard library).
if [ -n "${PLAN_SKIP_PYTHON:-}" ]; then
  echo "Python tests skipped (PLAN_SKIP_PYTHON)"
elif command -v python3 >/dev/null 2>&1; then
  out=$(LIBPLAN_LIBRARY="$B/libplan.so" python3 bindings/python/tests/test_libplan.py 2>&1); rc=$?
  printf '%s\n' "$out" | tail -4
  ran=$(printf '%s\n' "$out" | sed -n 's/^Ran \([0-9]*\) test.*/\1/p')
  bad=$(printf '%s\n' "$out" | sed -n 's/^FAILED (\(.*\))/\1/p' | tr ',' '\n' | sed 's/[^0-9]//g' | awk '{s+=$1} END {print s+0}')
  if [ "$rc" -eq 0 ]; then passed=$((passed + ${ran:-0}))
  else failed=$((failed + ${bad:-1})); passed=$((passed + ${ran:-0} - ${bad:-0})); failures="$failures python"; fi
else
  echo "python3 not found: the Python binding's tests did not run"; failed=$((failed + 1)); failures="$failures python"
fi
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
