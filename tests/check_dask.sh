#!/bin/sh
# The Dask path (examples/dask_corpus.py) on a local cluster of two workers
# gives what plan corpus gives on the same inputs: documents.jsonl, every
# group's reports and member list and the index, byte for byte, and the
# same exit status.  The inputs: the corpus, the wild documents
# (../shared/corpus/wild when it is there, else the annotated ones in
# corpus/wild), a JSON Lines file with an empty record and a plan that names
# no province, twelve provinces' versions of one plan (a group of more
# than ten: the summary) and five of another (a group of eight, reported
# in detail: more plans than --block-plans=5 below, yet one task, since
# blocks' parts carry no pairs).  Needs Debian's python3-dask and
# python3-distributed (tools/install-deps.sh); skipped with PLAN_SKIP_PYTHON.
set -eu
B=${1:-build}
[ -z "${PLAN_SKIP_PYTHON:-}" ] || { echo "check_dask: skipped (PLAN_SKIP_PYTHON)"; exit 0; }
py=$(test -x /usr/bin/python3 && echo /usr/bin/python3 || echo python3)
$py -c 'import dask.distributed' 2>/dev/null || {
  echo "check_dask: python3-dask and python3-distributed are missing: run tools/install-deps.sh"; exit 1; }
tmp=$(mktemp -d /tmp/plan-dask.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "check_dask: $*"; exit 1; }
mkdir -p "$tmp/in/wild"
cp corpus/*.txt "$tmp/in/"
if [ -d ../shared/corpus/wild ]; then cp ../shared/corpus/wild/*.md "$tmp/in/wild/"; else cp corpus/wild/*.md "$tmp/in/wild/"; fi
rm -f "$tmp/in/wild/README.md"
for p in "Hà Giang" "Cao Bằng" "Lào Cai" "Yên Bái" "Sơn La" "Điện Biên" "Lai Châu" "Hòa Bình" \
         "Tuyên Quang" "Thái Nguyên" "Lạng Sơn" "Bắc Giang"; do
  sed "s/Hải Phòng/$p/g" corpus/hai-phong-2021-kh-03.txt > "$tmp/in/$(echo "$p" | tr -dc 'a-zA-Z')-variant.txt"
done
for p in "Bình Dương:BÌNH DƯƠNG" "Tây Ninh:TÂY NINH" "Long An:LONG AN" "Lâm Đồng:LÂM ĐỒNG" "Đắk Nông:ĐẮK NÔNG"; do
  sed "s/Bình Phước/${p%%:*}/g; s/BÌNH PHƯỚC/${p#*:}/g" corpus/binh-phuoc-2024-kh-ct28.txt \
    > "$tmp/in/$(echo "${p%%:*}" | tr -dc 'a-zA-Z')-ct28.txt"
done
$py - "$tmp/in/records.jsonl" <<'PY'
import json, sys
with open(sys.argv[1], "w", encoding="utf-8") as f:
    text = open("corpus/binh-phuoc-2024-kh-ct28.txt", encoding="utf-8").read()
    f.write(json.dumps({"id": "dong-nai", "text": text.replace("Bình Phước", "Đồng Nai").replace("BÌNH PHƯỚC", "ĐỒNG NAI")}, ensure_ascii=False) + "\n")
    f.write(json.dumps({"id": "empty", "text": ""}) + "\n")
    f.write(json.dumps({"id": "nowhere", "text": text.replace("Bình Phước", "").replace("BÌNH PHƯỚC", "")}, ensure_ascii=False) + "\n")
PY
rc_ref=0; $B/plan corpus -q -o "$tmp/ref" "$tmp/in" 2>/dev/null || rc_ref=$?
rc=0
PYTHONPATH=bindings/python LIBPLAN_LIBRARY=$B/libplan.so PLAN=$B/plan \
  $py examples/dask_corpus.py -q -o "$tmp/out" "$tmp/in" > "$tmp/log" 2>&1 || rc=$?
[ $rc -eq $rc_ref ] || { cat "$tmp/log"; fail "exit $rc, plan corpus $rc_ref"; }
[ $rc_ref -eq 1 ] || fail "the empty record should fail the run (plan corpus: exit $rc_ref)"
grep -q 'failed' "$tmp/log" && { cat "$tmp/log"; fail "a task failed on the cluster"; }
diff -r -x cache "$tmp/ref" "$tmp/out" > "$tmp/diff" || { head -c 2000 "$tmp/diff"; fail "the outputs differ from plan corpus's"; }
# large groups split into blocks of rows (here every group of more than 5
# plans), their parts merged: the same outputs again
rc=0
PYTHONPATH=bindings/python LIBPLAN_LIBRARY=$B/libplan.so PLAN=$B/plan \
  $py examples/dask_corpus.py --block-plans=5 -o "$tmp/blocks" "$tmp/in" > "$tmp/log3" 2>&1 || rc=$?
grep -q 'groups to compare, [1-9][0-9]* of them in [1-9][0-9]* blocks of rows' "$tmp/log3" || { cat "$tmp/log3"; fail "no group was split"; }
[ $rc -eq $rc_ref ] || { cat "$tmp/log3"; fail "in blocks: exit $rc, plan corpus $rc_ref"; }
diff -r -x cache "$tmp/ref" "$tmp/blocks" > "$tmp/diff" || { head -c 2000 "$tmp/diff"; fail "in blocks, the outputs differ from plan corpus's"; }
# the run did its work on the cluster: the reports were current when the last step came
groups=$(ls -d "$tmp"/out/groups/* | wc -l)
[ "$groups" -ge 3 ] || fail "only $groups groups"
grep -q '"detail":"summary"' "$tmp"/out/groups/*/report.json || fail "no summary report"
PYTHONPATH=bindings/python LIBPLAN_LIBRARY=$B/libplan.so PLAN=$B/plan \
  $py examples/dask_corpus.py -o "$tmp/out2" "$tmp/in" > "$tmp/log2" 2>&1 || true
grep -q "([0-9]* parsed, [0-9]* from the cache" "$tmp/log2" || { cat "$tmp/log2"; fail "no summary of the last step"; }
summary=$(grep '^plan corpus:' "$tmp/log2")
echo "$summary" | grep -q '(0 parsed,' || fail "the last step parsed again: $summary"
n=$(echo "$summary" | sed -n 's/.*; \([0-9]*\) groups (\([0-9]*\) reused).*/\1 \2/p')
set -- $n
[ "$1" = "$2" ] || fail "the last step compared again: $summary"
echo "check_dask: the Dask path on two workers gives plan corpus's outputs and exit status ($groups groups)"
