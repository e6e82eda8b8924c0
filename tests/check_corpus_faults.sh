#!/bin/sh
# plan corpus when the disk fills, when inputs change under it and when two
# runs share an output folder:
# a full disk (a small tmpfs, where this test may mount one) ends the run
# with status 3, each failed file named with its reason, and leaves the
# previous run's documents.jsonl and index whole; a second run on a folder
# another live run holds is refused, a stale lock taken over.
set -eu
B=${BUILD:-build}
plan=$B/plan
tmp=$(mktemp -d /tmp/plan-faults.XXXXXX)
cleanup() { umount "$tmp/disk" 2>/dev/null || true; rm -rf "$tmp"; }
trap cleanup EXIT
fail() { echo "check_corpus_faults: $*"; exit 1; }
mkdir -p "$tmp/in" "$tmp/disk"
cp corpus/*.txt "$tmp/in/"

# two runs, one folder
mkdir -p "$tmp/out"
sleep 60 & holder=$!
echo "$holder" > "$tmp/out/.lock"
rc=0; $plan corpus -q -o "$tmp/out" "$tmp/in" 2>"$tmp/err" || rc=$?
kill "$holder" 2>/dev/null || true
[ $rc -eq 3 ] && grep -q "is being written by another run (process $holder)" "$tmp/err" || fail "a held folder was written (exit $rc)"
wait "$holder" 2>/dev/null || true
echo 2147483646 > "$tmp/out/.lock" # no such process: a run that was killed
$plan corpus -q -o "$tmp/out" "$tmp/in" 2>"$tmp/err" || fail "a stale lock was not taken over: $(cat "$tmp/err")"
[ ! -e "$tmp/out/.lock" ] || fail "the lock was left behind"

# inputs deleted or rewritten between reading and comparing fail, named
mkdir -p "$tmp/in2"
cp corpus/binh-dinh-2021-kh-1472.txt corpus/bac-kan-2021-qd-145.txt corpus/hai-phong-2021-kh-03.txt "$tmp/in2/"
rc=0
PLAN_CORPUS_PAUSE=3 $plan corpus -j 1 -o "$tmp/out2" "$tmp/in2" 2>"$tmp/err" &
run=$!
# wait until the run has read everything and pauses (a slow machine takes longer)
i=0; until grep -q 'pausing' "$tmp/err" 2>/dev/null; do i=$((i + 1)); [ $i -lt 300 ] || fail "the run never paused"; sleep 0.1; done
rm "$tmp/in2/hai-phong-2021-kh-03.txt"
sed -i 's/Bắc Kạn/Cao Bằng/' "$tmp/in2/bac-kan-2021-qd-145.txt"
wait $run || rc=$?
[ $rc -eq 1 ] || fail "inputs changed during the run, yet exit $rc: $(cat "$tmp/err")"
grep -q "2 failed" "$tmp/err" || fail "the summary does not count them: $(cat "$tmp/err")"
grep -q "skipped $tmp/in2/bac-kan-2021-qd-145.txt: changed during the run" "$tmp/err" || fail "the rewritten file is not named"
grep -q "skipped $tmp/in2/hai-phong-2021-kh-03.txt: cannot read" "$tmp/err" || fail "the deleted file is not named"

# a run stopped between a group's new reports and its member list leaves
# no list: the next run compares the group again rather than reuse them
$plan corpus -q -o "$tmp/out3" "$tmp/in" 2>/dev/null || fail "the run to stop failed"
g=$(ls -d "$tmp"/out3/groups/* | head -1)
cp "$g/report.json" "$tmp/report-before.json"
sed 's/Bắc Kạn/Lạng Sơn/g; s/BẮC KẠN/LẠNG SƠN/g' corpus/bac-kan-2021-qd-145.txt > "$tmp/in/lang-son.txt"
PLAN_CORPUS_PAUSE_REPORTS=30 $plan corpus -q -j 1 -o "$tmp/out3" "$tmp/in" 2>/dev/null &
run=$!
# wait until the six plans' reports are written (the member list is not: the run pauses)
i=0; while cmp -s "$tmp/report-before.json" "$g/report.json"; do
  i=$((i + 1)); [ $i -lt 300 ] || fail "the run never replaced the reports"; sleep 0.1; done
sleep 0.5 # the report files are renamed into place one after another
kill -9 $run; wait $run 2>/dev/null || true
rm -f "$tmp/out3/.lock" "$tmp/in/lang-son.txt" # back to the first run's members
rc=0; $plan corpus -o "$tmp/out3" "$tmp/in" 2>"$tmp/err" || rc=$?
[ $rc -eq 0 ] || fail "the run after kill -9 ended with $rc: $(cat "$tmp/err")"
cmp -s "$tmp/report-before.json" "$g/report.json" || fail "a report of the killed run's members was kept"

# a full disk: a small tmpfs where this test may mount one, else an
# LD_PRELOAD shim whose fsync fails with ENOSPC under the output folder
# (tests/shims/enospc.c; not under the sanitizers, whose runtime must come
# first)
full_disk=tmpfs
if ! mount -t tmpfs -o size=2m tmpfs "$tmp/disk" 2>/dev/null; then
  case $B in *sanitize*)
    echo "check_corpus_faults: full disk skipped (no tmpfs without root, no shim under the sanitizers)"
    exit 0 ;;
  esac
  ${CC:-cc} -shared -fPIC -O1 -o "$tmp/enospc.so" tests/shims/enospc.c -ldl || fail "the ENOSPC shim does not build"
  full_disk=shim
fi
$plan corpus -q -o "$tmp/disk/out" "$tmp/in" 2>"$tmp/err" || fail "the first run failed: $(cat "$tmp/err")"
cp "$tmp/disk/out/documents.jsonl" "$tmp/first.jsonl"
cp "$tmp/disk/out/index.html" "$tmp/first.html"
sed 's/Bắc Kạn/Cao Bằng/g; s/BẮC KẠN/CAO BẰNG/g' corpus/bac-kan-2021-qd-145.txt > "$tmp/in/cao-bang.txt"
rc=0
if [ $full_disk = tmpfs ]; then
  # fill the disk, then give the run more to write
  dd if=/dev/zero of="$tmp/disk/filler" bs=4k 2>/dev/null || true
  truncate -s -16K "$tmp/disk/filler" # room for the lock and a little more, not for the outputs
  $plan corpus -q -o "$tmp/disk/out" "$tmp/in" 2>"$tmp/err" || rc=$?
else
  LD_PRELOAD="$tmp/enospc.so" PLAN_ENOSPC_DIR="$tmp/disk/out" \
    $plan corpus -q -o "$tmp/disk/out" "$tmp/in" 2>"$tmp/err" || rc=$?
fi
[ $rc -eq 3 ] || fail "a full disk ended with status $rc, want 3"
grep -q "cannot write $tmp/disk/out/.*: No space left on device" "$tmp/err" || fail "no path and reason: $(cat "$tmp/err")"
cmp -s "$tmp/first.jsonl" "$tmp/disk/out/documents.jsonl" || fail "documents.jsonl was not left whole"
cmp -s "$tmp/first.html" "$tmp/disk/out/index.html" || fail "index.html was not left whole"
python3 -c "
import json
for line in open('$tmp/disk/out/documents.jsonl', encoding='utf-8'): json.loads(line)" || fail "documents.jsonl is not JSON Lines"
echo "check_corpus_faults: two runs on one folder, a stale lock, inputs deleted and rewritten mid-run, kill -9 between reports and member list, a full disk ($full_disk): ok"
