#!/bin/sh
# The Dask example (examples/dask_corpus.py) on a local cluster: a JSON
# Lines corpus parsed as a map step, grouped, each group compared as a task.
# Needs Debian's python3-dask and python3-distributed (tools/install-deps.sh
# installs them); skipped with PLAN_SKIP_PYTHON, as the Python suite is.
set -eu
B=${1:-build}
[ -z "${PLAN_SKIP_PYTHON:-}" ] || { echo "check_dask: skipped (PLAN_SKIP_PYTHON)"; exit 0; }
py=$(test -x /usr/bin/python3 && echo /usr/bin/python3 || echo python3)
$py -c 'import dask.bag, dask.distributed' 2>/dev/null || {
  echo "check_dask: python3-dask and python3-distributed are missing: run tools/install-deps.sh"; exit 1; }
tmp=$(mktemp -d /tmp/plan-dask.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
$py - "$tmp/records.jsonl" <<'PY'
import json, sys
names = ["bac-kan-2021-qd-145", "binh-dinh-2021-kh-1472", "binh-phuoc-2024-kh-ct28",
         "hai-phong-2021-kh-03", "quang-ngai-2020-cv-4040"]
with open(sys.argv[1], "w", encoding="utf-8") as f:
    for name in names:
        text = open(f"corpus/{name}.txt", encoding="utf-8").read()
        f.write(json.dumps({"id": name, "text": text}, ensure_ascii=False) + "\n")
    text = open("corpus/binh-phuoc-2024-kh-ct28.txt", encoding="utf-8").read()
    text = text.replace("Bình Phước", "Đồng Nai").replace("BÌNH PHƯỚC", "ĐỒNG NAI")
    f.write(json.dumps({"id": "dong-nai", "text": text}, ensure_ascii=False) + "\n")
    f.write(json.dumps({"id": "empty", "text": ""}) + "\n")
    # a plan that names no province (it once stopped the summary)
    text = open("corpus/binh-phuoc-2024-kh-ct28.txt", encoding="utf-8").read()
    text = text.replace("Bình Phước", "").replace("BÌNH PHƯỚC", "")
    f.write(json.dumps({"id": "nowhere", "text": text}, ensure_ascii=False) + "\n")
PY
PYTHONPATH=bindings/python LIBPLAN_LIBRARY=$B/libplan.so $py examples/dask_corpus.py \
  "$tmp/records.jsonl" "$tmp/out" > "$tmp/log" 2>&1 || { cat "$tmp/log"; exit 1; }
grep -q '^1472/QĐ-TTg: 4 plans (Bắc Kạn, Bình Định, Hải Phòng, Quảng Ngãi)' "$tmp/log"
grep -q '^28-CT/TW: 3 plans (.*(province unknown)' "$tmp/log" || { cat "$tmp/log"; echo "a plan without a province"; exit 1; }
grep -q '^8 documents, 2 groups, 1 failed' "$tmp/log" || { cat "$tmp/log"; exit 1; }
[ "$(wc -l < "$tmp/out/documents.jsonl")" -eq 8 ]
grep -q '"error": "PLAN_EEMPTY"' "$tmp/out/documents.jsonl"
head -c 15 "$tmp/out/28-ct-tw.html" | grep -q '<!DOCTYPE html>'
