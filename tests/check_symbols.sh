#!/bin/sh
# The shared library exports exactly the functions plan.h declares, all
# prefixed plan_.
set -eu
B=${BUILD:-build}
so=$(ls "$B"/libplan.so.*.*.* | head -1)
exported=$(nm -D --defined-only "$so" | awk '$2 ~ /^[TDBRVW]$/ {print $3}' | sed 's/@.*//' | sort -u)
declared=$(sed -n 's/^PLAN_API[^(]*[ *]\(plan_[a-z0-9_]*\)(.*/\1/p' include/plan.h | sort -u)
bad=$(printf '%s\n' "$exported" | grep -v '^plan_' || true)
[ -z "$bad" ] || { echo "non-plan_ symbols exported: $bad"; exit 1; }
[ "$exported" = "$declared" ] || {
  echo "exported and declared symbols differ:"
  printf '%s\n' "$exported" > /tmp/plan-exported.$$; printf '%s\n' "$declared" > /tmp/plan-declared.$$
  diff /tmp/plan-exported.$$ /tmp/plan-declared.$$ || true; rm -f /tmp/plan-*.$$; exit 1; }
echo "$(printf '%s\n' "$exported" | wc -l) symbols, all plan_ and all declared"
