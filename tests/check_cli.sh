#!/bin/sh
# The CLI: version agrees with the header, help, exit codes, normalize.
set -eu
B=${BUILD:-build}
plan=$B/plan
v=$(sed -n 's/^#define PLAN_VERSION_STRING "\(.*\)"/\1/p' include/plan.h)
[ "$($plan --version)" = "plan $v (libplan $v)" ] || { echo "version mismatch"; exit 1; }
$plan --help | grep -q normalize
$plan normalize --help | grep -q -- --style
expect() { want=$1; shift; set +e; "$@" >/dev/null 2>&1; rc=$?; set -e
  [ "$rc" -eq "$want" ] || { echo "exit $rc, want $want: $*"; exit 1; }; }
expect 2 $plan
expect 2 $plan frobnicate
expect 2 $plan normalize --bogus
expect 2 $plan normalize --style=sideways
expect 3 $plan normalize /nonexistent/file.txt
# files that never end are refused at once, not read
expect 3 $plan parse /dev/zero
expect 3 $plan normalize /dev/zero
expect 3 $plan compare /dev/zero corpus/hai-phong-2021-kh-03.txt
err=$($plan parse /dev/zero 2>&1 || true)
echo "$err" | grep -q 'a character device, not a file' || { echo "bad message: $err"; exit 1; }
# thresholds are numbers from 0 to 1, --color one of three words
for bad in nan inf -0.1 1.5 0.3x ""; do expect 2 $plan compare --reworded="$bad" corpus/*.txt; done
expect 2 $plan compare --partial nan corpus/*.txt
expect 2 $plan compare --color=sometimes corpus/*.txt
err=$($plan compare --merge=inf corpus/*.txt 2>&1 || true)
echo "$err" | grep -q -- '--merge=inf: expected a number from 0 to 1' || { echo "bad message: $err"; exit 1; }
printf 'a\377b' > /tmp/plan-cli-bad.$$
expect 1 $plan normalize /tmp/plan-cli-bad.$$
err=$($plan normalize /tmp/plan-cli-bad.$$ 2>&1 || true)
echo "$err" | grep -q ':1:2: invalid UTF-8 at byte 1' || { echo "bad message: $err"; exit 1; }
[ "$($plan normalize --replace /tmp/plan-cli-bad.$$ 2>/dev/null)" = "a�b" ]
rm -f /tmp/plan-cli-bad.$$
[ "$(printf 'Uỷ ban  hoà\r\n' | $plan normalize)" = "Ủy ban hòa" ]
[ "$(printf 'Ủy ban hòa\n' | $plan normalize --style=modern)" = "Uỷ ban hoà" ]
[ "$(printf 'Sở LĐ-TB&XH\n' | $plan normalize --expand)" = "Sở Lao động - Thương binh và Xã hội" ]
[ "$(printf 'Sở LĐ-TB&XH\n' | $plan normalize --key)" = "so lao dong thuong binh va xa hoi" ]
# every corpus file, and the output is stable under a second pass
for f in corpus/*.txt; do
  $plan normalize "$f" > /tmp/plan-cli-1.$$
  $plan normalize /tmp/plan-cli-1.$$ | cmp -s - /tmp/plan-cli-1.$$ || { echo "not idempotent: $f"; exit 1; }
done
rm -f /tmp/plan-cli-1.$$
# plan parse: text, json (one line per document), xml, diagnostics on stderr
$plan parse --help | grep -q -- --format
expect 2 $plan parse --format=yaml corpus/binh-dinh-2021-kh-1472.txt
expect 3 $plan parse /nonexistent/file.txt
[ "$($plan parse --format=json corpus/*.txt 2>/dev/null | wc -l)" -eq 5 ]
$plan parse --format=json corpus/hai-phong-2021-kh-03.txt 2>/dev/null | grep -q '"number":"03/KH-UBND"'
$plan parse --format=xml corpus/quang-ngai-2020-cv-4040.txt | grep -q '<docNumber'
$plan parse corpus/binh-dinh-2021-kh-1472.txt 2>&1 >/dev/null | grep -q 'binh-dinh-2021-kh-1472.txt:5:1: warning: .*\[guessed-date\]'
[ -z "$($plan parse -q corpus/binh-dinh-2021-kh-1472.txt 2>&1 >/dev/null)" ]
printf '' > /tmp/plan-cli-empty.$$
expect 1 $plan parse /tmp/plan-cli-empty.$$
rm -f /tmp/plan-cli-empty.$$
# assignments in JSON; plan agencies
$plan parse --format=json corpus/binh-dinh-2021-kh-1472.txt 2>/dev/null | grep -q '"assignments":\[{"label":"1"'
$plan parse --format=xml corpus/hai-phong-2021-kh-03.txt 2>/dev/null | grep -q '<duty .*by="youth-union"'
$plan agencies | grep -q '^dolisa	province	department'
[ "$($plan agencies | wc -l)" -ge 40 ]
$plan agencies corpus/quang-ngai-2020-cv-4040.txt | grep -q 'district-pcs	known	2	6	'
$plan agencies --help | grep -q lexicon
# plan compare: formats, agency filter, output file, errors
$plan compare --help | grep -q -- --format
expect 2 $plan compare corpus/binh-dinh-2021-kh-1472.txt
expect 2 $plan compare --agency=nobody corpus/binh-dinh-2021-kh-1472.txt corpus/bac-kan-2021-qd-145.txt
$plan compare --agency=doh corpus/binh-dinh-2021-kh-1472.txt corpus/bac-kan-2021-qd-145.txt | grep -q '^    merged'
$plan compare --format=json corpus/*.txt | grep -q '"documents":\[{"source"'
# tidy CSV: the header, then three duty groups in each of the two documents
[ "$($plan compare --format=csv --agency=doj corpus/binh-dinh-2021-kh-1472.txt corpus/bac-kan-2021-qd-145.txt | wc -l)" -eq 7 ]
$plan compare --format=html -o /tmp/plan-cli-report.$$.html corpus/*.txt 2>/dev/null
head -c 15 /tmp/plan-cli-report.$$.html | grep -q '<!DOCTYPE html>'
rm -f /tmp/plan-cli-report.$$.html
$plan compare --color=always --agency=doh corpus/*.txt | grep -q "$(printf '\033')\["
[ -z "$($plan compare --agency=doh corpus/*.txt | grep "$(printf '\033')")" ]
# other inputs: HTML by content, --input, legacy encodings by content and named
$plan parse --format=json fuzz/seeds/page.html 2>/dev/null | grep -q '"input":"html","encoding":"utf-8"'
$plan parse --format=json fuzz/seeds/plan.docx 2>/dev/null | grep -q '"input":"docx"'
[ "$($plan normalize --input=text fuzz/seeds/page.html | head -c 9)" = "<!DOCTYPE" ]
expect 2 $plan parse --input=pdf fuzz/seeds/page.html
expect 2 $plan normalize --encoding=koi8 fuzz/seeds/viqr.txt
[ "$($plan normalize fuzz/seeds/viqr.txt 2>/dev/null | head -1)" = "KẾ HOẠCH" ]
$plan normalize fuzz/seeds/viqr.txt 2>&1 >/dev/null | grep -q 'read as viqr'
[ "$($plan normalize --encoding=utf-8 fuzz/seeds/viqr.txt | head -1)" = "KE^' HOA.CH" ]
printf 'Ch\361 tr\327 ph\350i h\356p v\355i S\353 Y t\325 v\265 \247\265i Ph\270t thanh\n' > /tmp/plan-cli-tcvn3.$$
[ "$($plan normalize /tmp/plan-cli-tcvn3.$$ 2>/dev/null)" = "Chủ trì phối hợp với Sở Y tế và Đài Phát thanh" ]
expect 1 $plan normalize --encoding=utf-8 /tmp/plan-cli-tcvn3.$$
rm -f /tmp/plan-cli-tcvn3.$$
# the example program
$B/examples/compare corpus/binh-dinh-2021-kh-1472.txt corpus/bac-kan-2021-qd-145.txt | grep -q 'Bình Định against Bắc Kạn'
# the Python module's command line and example
if command -v python3 >/dev/null 2>&1; then
  PYTHONPATH=bindings/python LIBPLAN_LIBRARY=$B/libplan.so python3 -m libplan compare --agency=doh \
    corpus/binh-dinh-2021-kh-1472.txt corpus/bac-kan-2021-qd-145.txt | grep -q '^    merged'
  PYTHONPATH=bindings/python LIBPLAN_LIBRARY=$B/libplan.so python3 examples/compare.py \
    corpus/binh-dinh-2021-kh-1472.txt corpus/bac-kan-2021-qd-145.txt | grep -q 'Bình Định against Bắc Kạn'
fi
# -o chooses the format by extension, --format overrides, -q silences
tmp=$(mktemp -d)
$plan compare -o "$tmp/r.html" corpus/*.txt 2>/dev/null; head -c 15 "$tmp/r.html" | grep -q '<!DOCTYPE html>' || { echo "-o .html did not write HTML"; exit 1; }
$plan compare -o "$tmp/r.json" corpus/*.txt 2>/dev/null; head -c 1 "$tmp/r.json" | grep -q '{' || { echo "-o .json did not write JSON"; exit 1; }
$plan compare -o "$tmp/r.csv" corpus/*.txt 2>/dev/null; head -1 "$tmp/r.csv" | grep -q '^agency' || { echo "-o .csv did not write CSV"; exit 1; }
$plan compare --format=json -o "$tmp/r.txt" corpus/*.txt 2>/dev/null; head -c 1 "$tmp/r.txt" | grep -q '{' || { echo "--format did not override -o"; exit 1; }
expect 2 $plan compare -o "$tmp/r.xyz" corpus/*.txt
[ -z "$($plan compare -q --html="$tmp/q.html" corpus/*.txt 2>&1)" ] || { echo "-q printed something"; exit 1; }
[ -s "$tmp/q.html" ] || { echo "-q did not write --html"; exit 1; }
expect 3 $plan compare -o /nonexistent/dir/r.json corpus/*.txt
# --pairs streams every pair as a JSON line; --summary keeps none in the report,
# and is the default beyond 10 plans
$plan compare -q --pairs="$tmp/p.jsonl" corpus/*.txt
python3 - "$tmp/p.jsonl" <<'PY' || { echo "--pairs did not write a JSON line a pair"; exit 1; }
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
assert len(rows) > 20 and all({"agency", "a", "b", "links"} <= r.keys() for r in rows), rows[:1]
assert len({(r["agency"], r["a"], r["b"]) for r in rows}) == len(rows)
PY
[ "$($plan compare --format=json corpus/*.txt | grep -c '"pairs"')" -eq 1 ] || { echo "5 plans: no detail"; exit 1; }
$plan compare --summary --format=json corpus/*.txt | grep -q '"detail":"summary"' || { echo "--summary gave detail"; exit 1; }
if $plan compare --summary --format=json corpus/*.txt | grep -q '"pairs"'; then echo "--summary kept pairs"; exit 1; fi
for i in 1 2 3 4 5 6; do for f in corpus/*.txt; do cp "$f" "$tmp/$i-$(basename "$f")"; done; done
$plan compare --format=json "$tmp"/*.txt | grep -q '"detail":"summary"' || { echo "30 plans: not the summary"; exit 1; }
expect 3 $plan compare --pairs=/nonexistent/dir/p.jsonl corpus/*.txt
# the memory budget: a bad size is a usage error; past the budget the run
# stops and says so (not under the sanitizers, which hold memory of their own)
for bad in 12 0 -1G 2X abc 1.5Gx; do expect 2 $plan compare --memory="$bad" corpus/*.txt; done
expect 2 $plan corpus --memory=0 corpus
$plan compare -q --memory=50% corpus/*.txt
case $B in *sanitize*) ;; *)
  set +e; err=$($plan compare --memory=1M corpus/*.txt 2>&1 >/dev/null); rc=$?; set -e
  [ "$rc" -eq 1 ] || { echo "past the budget: exit $rc"; exit 1; }
  printf '%s' "$err" | grep -q 'out of memory within the memory budget of 1 MB' || { echo "past the budget, no word of it: $err"; exit 1; }
esac
# NO_COLOR: on a terminal (script(1) gives one) colour unless NO_COLOR is set
if command -v script >/dev/null 2>&1; then
  esc=$(printf '\033')
  script -qc "$plan compare --agency=doh corpus/*.txt" /dev/null | grep -q "$esc\[" || { echo "no colour on a terminal"; exit 1; }
  if NO_COLOR=1 script -qc "$plan compare --agency=doh corpus/*.txt" /dev/null | grep -q "$esc\["; then echo "colour despite NO_COLOR"; exit 1; fi
  NO_COLOR=1 script -qc "$plan compare --color=always --agency=doh corpus/*.txt" /dev/null | grep -q "$esc\[" || { echo "--color=always did not win over NO_COLOR"; exit 1; }
fi
rm -rf "$tmp"
# the man page covers every command and every long option the commands take
for cmd in normalize parse agencies compare corpus; do
  grep -q "^\.B $cmd\$\|^\.B plan $cmd" docs/man/plan.1 || { echo "man page lacks $cmd"; exit 1; }
  for opt in $($plan $cmd --help | grep -o -- "--[a-z][a-z-]*" | grep -v "^--help$" | sort -u); do
    man_opt=$(printf '%s' "$opt" | sed 's/-/\\\\-/g')
    grep -q -- "$man_opt" docs/man/plan.1 || { echo "man page lacks $cmd $opt"; exit 1; }
  done
done
