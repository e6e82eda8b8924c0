#!/bin/sh
# plan corpus killed (SIGKILL, as kill -9) at each phase, then run again:
# the outputs are those of a run that was never stopped.  The killed run
# follows a complete run on other inputs (a plan changed, one added, one
# gone), so stale reports, member lists and cache entries are about.  The
# kill points (PLAN_CORPUS_KILL_AT, tools/corpus.c): parsing (half the
# documents parsed and cached), comparing (a group half compared), reporting
# (a group's HTML written, not its CSV and JSON), members (the reports
# written, not the member list), jsonl (documents.jsonl written, not renamed),
# index (all but the index).
set -eu
B=${BUILD:-build}
plan=$B/plan
tmp=$(mktemp -d /tmp/plan-kill.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "check_corpus_kill: $*"; exit 1; }

# inputs A: the corpus, the annotated wild plans, and twelve provinces'
# versions of one plan (a group of more than ten: the summary report)
mkdir -p "$tmp/a"
cp corpus/*.txt corpus/wild/*.md "$tmp/a/"
for p in "Hà Giang" "Cao Bằng" "Lào Cai" "Yên Bái" "Sơn La" "Điện Biên" "Lai Châu" "Hòa Bình" \
         "Tuyên Quang" "Thái Nguyên" "Lạng Sơn" "Bắc Giang"; do
  sed "s/Hải Phòng/$p/g" corpus/hai-phong-2021-kh-03.txt > "$tmp/a/$(echo "$p" | tr -dc 'a-zA-Z')-variant.txt"
done
# inputs B: one plan changed, one added, one gone
cp -r "$tmp/a" "$tmp/b"
sed -i 's/Bắc Kạn/Cao Bằng/g' "$tmp/b/bac-kan-2021-qd-145.txt"
sed 's/Hải Phòng/Quảng Ninh/g' corpus/hai-phong-2021-kh-03.txt > "$tmp/b/QuangNinh-variant.txt"
rm "$tmp/b/LaiChu-variant.txt" 2>/dev/null || rm "$(ls "$tmp"/b/*-variant.txt | head -1)"

$plan corpus -q -j 2 -o "$tmp/ref" "$tmp/b" 2>/dev/null || fail "the reference run failed"
summary=0
for r in "$tmp"/ref/groups/*/report.json; do grep -q '"detail":"summary"' "$r" && summary=1; done
[ $summary -eq 1 ] || fail "no group large enough for the summary report"

same() { # the outputs of two runs, the cache aside
  diff -r -x cache -x .lock "$1" "$2" >/dev/null
}
for point in parsing comparing reporting members jsonl index; do
  out="$tmp/out-$point"
  $plan corpus -q -j 2 -o "$out" "$tmp/a" 2>/dev/null || fail "$point: the first run failed"
  rc=0; PLAN_CORPUS_KILL_AT=$point $plan corpus -q -j 2 -o "$out" "$tmp/b" 2>/dev/null || rc=$?
  [ $rc -eq 137 ] || fail "$point: the run was not killed there (exit $rc)"
  rc=0; $plan corpus -q -j 2 -o "$out" "$tmp/b" 2>"$tmp/err" || rc=$?
  [ $rc -eq 0 ] || fail "$point: the run after the kill ended with $rc: $(cat "$tmp/err")"
  same "$tmp/ref" "$out" || { diff -r -x cache -x .lock "$tmp/ref" "$out" | head -5; fail "$point: the outputs differ from an uninterrupted run's"; }
  # and once more from what the kill left, twice killed
  PLAN_CORPUS_KILL_AT=$point $plan corpus -q -j 2 -o "$out" "$tmp/a" 2>/dev/null || true
  $plan corpus -q -j 2 -o "$out" "$tmp/b" 2>/dev/null || fail "$point: the second run after a kill failed"
  same "$tmp/ref" "$out" || fail "$point: the outputs differ after a kill on the other inputs"
done
echo "check_corpus_kill: killed while parsing, comparing, reporting, before the member list, before documents.jsonl and before the index: each rerun gives an uninterrupted run's outputs"
