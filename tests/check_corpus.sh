#!/bin/sh
# plan corpus on a folder made here from the bundled documents and variants
# of them: provinces renamed, duties perturbed, a broken file, a duplicate,
# JSON Lines records (one of them bad).  Checks the groups, the comparisons,
# the skipped files' reasons, and that later runs reuse the cache.
set -eu
B=${1:-build}
plan=$B/plan
tmp=$(mktemp -d /tmp/plan-corpus.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
in=$tmp/in
out=$tmp/out
mkdir -p "$in/sub"
cp corpus/*.txt "$in/"
sed 's/Bình Định/Phú Yên/g; s/BÌNH ĐỊNH/PHÚ YÊN/g' corpus/binh-dinh-2021-kh-1472.txt > "$in/sub/phu-yen.txt"
sed 's/Bình Phước/Đồng Nai/g; s/BÌNH PHƯỚC/ĐỒNG NAI/g' corpus/binh-phuoc-2024-kh-ct28.txt > "$in/sub/dong-nai.txt"
# perturbed: another province, every fifth bullet dropped, words changed
sed 's/Hải Phòng/Hải Dương/g; s/HẢI PHÒNG/HẢI DƯƠNG/g; s/tuyên truyền/truyền thông/g' corpus/hai-phong-2021-kh-03.txt |
  awk '/^- / && ++n % 5 == 0 { next } { print }' > "$in/sub/hai-duong.txt"
cp corpus/bac-kan-2021-qd-145.txt "$in/sub/copy-of-bac-kan.txt"
printf 'PK\003\004 not really a zip' > "$in/broken.docx"
printf '\001\002\003\004\005\006\007\010 binary' > "$in/junk.txt"
# what a folder of downloads also holds: none of it is read as a plan
cp corpus/README.md "$in/README.md"
cp corpus/gold/bac-kan-2021-qd-145.json "$in/sub/notes.json"
printf 'not a plan' > "$in/sub/picture.png"
ln -s .. "$in/sub/up"                       # a loop
ln -s "$in" "$in/sub/again"                  # another way round
ln -s bac-kan-2021-qd-145.txt "$in/link.txt" # the same file twice
mkfifo "$in/pipe"                            # would block a reader forever
python3 - "$in/records.jsonl" <<'PY'
import json, sys
text = open("corpus/quang-ngai-2020-cv-4040.txt", encoding="utf-8").read().replace("Quảng Ngãi", "Quảng Nam").replace("QUẢNG NGÃI", "QUẢNG NAM")
with open(sys.argv[1], "w", encoding="utf-8") as f:
    f.write(json.dumps({"id": "quang-nam", "text": text}, ensure_ascii=False) + "\n")
    f.write(json.dumps({"id": "no-text"}) + "\n")
PY

fail() { echo "check_corpus: $*"; exit 1; }
summary() { grep '^plan corpus:' "$tmp/err"; }

# first run: everything parsed, one duplicate, three failures
rc=0; $plan corpus -j 2 -o "$out" "$in" 2> "$tmp/err" || rc=$?
[ $rc -eq 1 ] || fail "exit $rc, want 1 (some inputs failed)"
summary | grep -q '13 documents (11 parsed, 0 from the cache, 1 duplicates, 3 failed; 7 other files passed over); 2 groups (0 reused), 0 implementing' ||
  fail "first summary: $(summary)"
grep -q "skipped $in/junk.txt: PLAN_EFORMAT" "$tmp/err" || fail "no reason for junk.txt"
grep -q "$in/pipe: skipped: a FIFO" "$tmp/err" || fail "the FIFO was not said"
grep -q "$in/sub/up: skipped: a folder met before" "$tmp/err" || fail "the loop was not said"
grep -q "$in/link.txt: skipped: the same file" "$tmp/err" || fail "the link was not said"
if grep -q "README\|notes.json\|picture.png" "$tmp/err"; then fail "a file that is no plan was read"; fi
grep -q "skipped $in/broken.docx: PLAN_EFORMAT.*not a DOCX" "$tmp/err" || fail "no reason for broken.docx"
grep -q "skipped $in/records.jsonl#no-text: not a JSON object" "$tmp/err" || fail "no reason for the bad record"
[ "$(wc -l < "$out/documents.jsonl")" -eq 9 ] || fail "documents.jsonl lines"
python3 - "$out" <<'PY' || fail "group reports"
import json, sys
out = sys.argv[1]
def provinces(key):
    r = json.load(open(f"{out}/groups/{key}/report.json", encoding="utf-8"))
    return sorted(d["province"] for d in r["documents"])
assert provinces("1472-qd-ttg") == sorted(["Bắc Kạn", "Bình Định", "Hải Phòng", "Quảng Ngãi",
                                          "Phú Yên", "Hải Dương", "Quảng Nam"]), provinces("1472-qd-ttg")
assert provinces("28-ct-tw") == ["Bình Phước", "Đồng Nai"]
r = json.load(open(f"{out}/groups/28-ct-tw/report.json", encoding="utf-8"))
assert any(p["matches"] for a in r["agencies"] for p in a["pairs"]), "no aligned duties"
csv = open(f"{out}/groups/1472-qd-ttg/report.csv", encoding="utf-8").read().splitlines()
assert len(csv[0].split(",")) >= 7 and len(csv) > 10
index = open(f"{out}/index.html", encoding="utf-8").read()
for word in ("1472/QĐ-TTg", "121/2020/QH14", "28-CT/TW", "Phú Yên", "junk.txt", "copy-of-bac-kan.txt",
             'href="groups/28-ct-tw/report.html"'):
    assert word in index, word
PY

# second run: nothing changed, everything from the cache
rc=0; $plan corpus -j 2 -o "$out" "$in" 2> "$tmp/err" || rc=$?
summary | grep -q '(0 parsed, 11 from the cache, 1 duplicates, 3 failed; 7 other files passed over); 2 groups (2 reused)' ||
  fail "second summary: $(summary)"

# a new plan: it alone is parsed, its group alone compared again
sed 's/Bắc Kạn/Cao Bằng/g; s/BẮC KẠN/CAO BẰNG/g' corpus/bac-kan-2021-qd-145.txt > "$in/sub/cao-bang.txt"
rc=0; $plan corpus -j 1 -o "$out" "$in" 2> "$tmp/err" || rc=$?
summary | grep -q '14 documents (1 parsed, 11 from the cache, 1 duplicates, 3 failed; 7 other files passed over); 2 groups (1 reused)' ||
  fail "third summary: $(summary)"
rc=0; $plan corpus -q -j 1 -o "$out" "$in" 2> "$tmp/err" || rc=$?
[ $rc -eq 1 ] && [ ! -s "$tmp/err" ] || fail "quiet run printed or exited $rc"
python3 -c "
import json,sys; r=json.load(open('$out/groups/1472-qd-ttg/report.json', encoding='utf-8'))
assert 'Cao Bằng' in [d['province'] for d in r['documents']]" || fail "the new plan is not compared"

# damaged cache entries (one cut short, one with a byte changed) are parsed
# again and said, never trusted: documents.jsonl stays valid JSON Lines
# (the entries of two plans still in the folder: an entry is the name's and the content's)
set -- $(grep -l "\"source\":\"$in/bac-kan-2021-qd-145.txt\"" "$out"/cache/*.doc) \
       $(grep -l "\"source\":\"$in/hai-phong-2021-kh-03.txt\"" "$out"/cache/*.doc)
[ $# -eq 2 ] || fail "no cache entry for two of the plans: $*"
head -c 100 "$1" > "$tmp/cut" && cat "$tmp/cut" > "$1"
python3 - "$2" <<'PY'
import sys
p = sys.argv[1]
b = bytearray(open(p, "rb").read())
b[len(b) // 2] ^= 0x20
open(p, "wb").write(b)
PY
rc=0; $plan corpus -j 2 -o "$out" "$in" 2> "$tmp/err" || rc=$?
[ "$(grep -c 'its cache entry was damaged: parsed again' "$tmp/err")" -eq 2 ] || fail "damaged entries not said: $(cat "$tmp/err")"
summary | grep -q '(2 parsed, 10 from the cache' || fail "damaged entries not parsed again: $(summary)"
python3 -c "
import json, sys
for line in open('$out/documents.jsonl', encoding='utf-8'):
    json.loads(line)" || fail "documents.jsonl is not JSON Lines after damaged entries"

# a progress bar on a terminal (script(1) gives the command one), none when piped
if command -v script >/dev/null 2>&1; then
  script -qec "$plan corpus -j 1 -o $tmp/tty $in" /dev/null > "$tmp/tty.log" 2>&1 || true
  grep -q 'parsing .*documents .*/s .*left' "$tmp/tty.log" || fail "no progress bar on a terminal"
  grep -q 'comparing .*document pairs .*left' "$tmp/tty.log" || fail "no progress bar while comparing"
fi
grep -q 'left' "$tmp/err" && fail "a progress bar when piped"
# without a terminal, periodic lines (here every second, while a group waits)
PLAN_CORPUS_PROGRESS_EVERY=1 PLAN_CORPUS_PAUSE_REPORTS=2 $plan corpus -j 1 -o "$tmp/lines" "$in" 2>"$tmp/lines.log" || true
grep -q '^plan corpus: comparing: [0-9]*/[0-9]* document pairs, .* left$' "$tmp/lines.log" || fail "no progress lines without a terminal: $(head -5 "$tmp/lines.log")"

# a parse names its file: the same plans under other names are not the
# cached ones (documents.jsonl and the reports say the new names)
mkdir -p "$tmp/renamed"
cp corpus/*.txt "$tmp/renamed/"
$plan corpus -q -o "$tmp/names" corpus/*.txt 2>/dev/null || fail "the run to rename after failed"
$plan corpus -q -o "$tmp/names" "$tmp/renamed" 2>/dev/null || fail "the run on renamed files failed"
grep -q '"source":"corpus/' "$tmp/names/documents.jsonl" && fail "documents.jsonl names the files of the run before"
[ "$(grep -c "\"source\":\"$tmp/renamed/" "$tmp/names/documents.jsonl")" -eq 5 ] || fail "documents.jsonl does not name the renamed files"
grep -rq '"source":"corpus/' "$tmp"/names/groups/*/report.json && fail "a report names the files of the run before"

# the steps of a distributed run: two parse shards, then grouping without
# comparing (work.json names the groups, no index), then a plain run that
# parses nothing again
steps=$tmp/steps
$plan corpus -q --parse-only --shard=0/2 -o "$steps" corpus/*.txt || fail "shard 0/2 failed"
[ "$(ls "$steps"/cache/*.doc | wc -l)" -eq 3 ] || fail "shard 0/2 did not parse documents 0, 2 and 4"
$plan corpus -q --parse-only --shard=1/2 -o "$steps" corpus/*.txt || fail "shard 1/2 failed"
[ ! -e "$steps/index.html" ] && [ ! -e "$steps/documents.jsonl" ] || fail "--parse-only wrote outputs"
$plan corpus -q --no-compare -o "$steps" corpus/*.txt || fail "--no-compare failed"
[ ! -e "$steps/index.html" ] && [ -s "$steps/documents.jsonl" ] || fail "--no-compare: documents.jsonl, no index"
python3 - "$steps/work.json" <<'PY' || fail "work.json does not name the groups"
import json, sys
w = json.load(open(sys.argv[1], encoding="utf-8"))
assert w["format"] == "libplan-corpus-work" and w["detail_max"] == 10
sizes = sorted(len(g["members"]) for g in w["groups"])
assert sizes[-1] == 4 and all(m["record"] is None for g in w["groups"] for m in g["members"]), sizes
assert all(g["members_file"].count("\n") == len(g["members"]) for g in w["groups"])
PY
$plan corpus -o "$steps" corpus/*.txt 2>"$tmp/err" || fail "the last step failed"
summary | grep -q '(0 parsed, 5 from the cache' || fail "the last step parsed again: $(summary)"
rc=0; $plan corpus --parse-only --shard=2/2 corpus/*.txt 2>/dev/null || rc=$?; [ $rc -eq 2 ] || fail "--shard=2/2: exit $rc"
rc=0; $plan corpus --parse-only --shard=1 corpus/*.txt 2>/dev/null || rc=$?; [ $rc -eq 2 ] || fail "--shard=1: exit $rc"
rc=0; $plan corpus --shard=0/2 corpus/*.txt 2>/dev/null || rc=$?; [ $rc -eq 2 ] || fail "--shard without --parse-only: exit $rc"
rc=0; $plan corpus --parse-only --no-compare corpus/*.txt 2>/dev/null || rc=$?; [ $rc -eq 2 ] || fail "--parse-only --no-compare: exit $rc"

# usage errors
rc=0; $plan corpus 2>/dev/null || rc=$?; [ $rc -eq 2 ] || fail "no PATH: exit $rc"
rc=0; $plan corpus -j 0 "$in" 2>/dev/null || rc=$?; [ $rc -eq 2 ] || fail "-j 0: exit $rc"
rc=0; $plan corpus --encoding=klingon "$in" 2>/dev/null || rc=$?; [ $rc -eq 2 ] || fail "bad encoding: exit $rc"
exit 0
