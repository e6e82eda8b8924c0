#!/bin/sh
# The JSON outputs keep the shape docs/schema/ declares (JSON Schema, draft
# 2020-12, validated with python3-jsonschema): every corpus and wild gold
# document's parse, the five plans' comparison, and comparisons of wild
# documents.  A field added, renamed or made nullable fails here until the
# schema (and, for a change of meaning, PLAN_JSON_VERSION) says so.
set -eu
B=${BUILD:-build}
python3 - "$B/plan" <<'PY'
import glob, json, subprocess, sys
try:
    from jsonschema import Draft202012Validator
except ImportError:
    sys.exit("python3-jsonschema is missing (tools/install-deps.sh installs it)")
plan = sys.argv[1]
doc = Draft202012Validator(json.load(open("docs/schema/document.schema.json", encoding="utf-8")))
cmp = Draft202012Validator(json.load(open("docs/schema/comparison.schema.json", encoding="utf-8")))
def check(validator, text, what):
    errors = sorted(validator.iter_errors(json.loads(text)), key=lambda e: list(e.path))
    if errors:
        e = errors[0]
        sys.exit(f"{what}: {'/'.join(map(str, e.path))}: {e.message}")
files = sorted(glob.glob("corpus/*.txt")) + sorted(glob.glob("corpus/wild/*.md"))
for f in files:
    out = subprocess.run([plan, "parse", "-q", "--format=json", f], capture_output=True, text=True, check=True).stdout
    check(doc, out, f)
n = 1
check(cmp, subprocess.run([plan, "compare", "--format=json"] + files[:5], capture_output=True, text=True, check=True).stdout, "compare corpus")
wild = files[5:]
for i in range(0, len(wild) - 1, 4):
    r = subprocess.run([plan, "compare", "--format=json"] + wild[i:i + 4], capture_output=True, text=True)
    if r.returncode == 0:
        check(cmp, r.stdout, f"compare {' '.join(wild[i:i + 4])}")
        n += 1
# the summary (no pairs), and the pairs streamed as JSON lines, one pair object each
check(cmp, subprocess.run([plan, "compare", "--summary", "--format=json"] + files, capture_output=True, text=True, check=True).stdout, "compare --summary")
import os, tempfile
with tempfile.TemporaryDirectory() as tmp:
    lines = os.path.join(tmp, "pairs.jsonl")
    subprocess.run([plan, "compare", "-q", "--pairs=" + lines] + files[:5], check=True)
    pair = Draft202012Validator({"$defs": cmp.schema["$defs"], "$ref": "#/$defs/pair"})
    for k, line in enumerate(open(lines, encoding="utf-8")):
        check(pair, line, f"--pairs line {k + 1}")
print(f"schema: {len(files)} documents, {n + 1} comparisons and the pairs stream valid against docs/schema/")
PY
