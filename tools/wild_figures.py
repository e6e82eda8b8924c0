#!/usr/bin/env python3
"""Gold-free figures of the parser on a folder of real documents.

    tools/wild_figures.py [--plan build/plan] [--list] DIR...

For each document the raw text says what it has (a "Số:" line and the
number printed on it, a dated
header, an implementation part naming departments); `plan parse
--format=json` says what the parser found.  The figures are how often the
second follows from the first, the share of duties 40 characters or longer
(shorter ones are mostly cut at a wrapped line) and the exit statuses.
With --list, every document that misses a figure is named, so a reader can
look at it; with --require, exits 1 when a target is missed.

The targets are those of the real-documents issue: number and date found
in 95% of the documents that have them, at least two agency items in 95%
of those with an implementation part, 90% of duties 40 characters or
longer, every exit status 0.
"""
import argparse
import json
import os
import re
import subprocess
import sys
import unicodedata

from documents import document_files

MARKUP = re.compile(r"[*_#|>`\\]+")
NUMBER_LINE = re.compile(r"(?m)^\s*[*_|]*\s*Số\s*:\s*[*_]*\s*(?:\n\s*)?[*_]*\s*\d")
# The number as printed after it, wrapped anywhere ("3783/QĐ-" / "UBND").
PRINTED_NUMBER = re.compile(r"Số\s*:?\s*(\d[\d.]*(?:/\d{4})?/[^\s|]+?(?:-\s+[A-ZĐ][A-ZĐ&0-9]*(?!\w))*)(?=[\s|]|$)")
# A place and date: "Hà Nội, ngày 17 tháng 11 năm 2025", wrapped anywhere.
DATED = re.compile(r",\s*ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}")
# The implementation part: its usual titles, anywhere in a heading line.
IMPL_TITLE = re.compile(
    r"(?i)^\s*(?:[IVX]+\.|\d+(?:\.\d+)*\.?|[a-zđ]\)|\(\d+\)|\[\d+\]|[A-ZĐ]\."
    r"|(?:Điều|Mục|Phần|Chương)\s+\w+\.?)?\s*"
    r"(?:tổ chức thực hiện|phân công (?:nhiệm vụ|thực hiện|trách nhiệm)|trách nhiệm (?:thực hiện|của)"
    r"|nhiệm vụ (?:cụ thể )?của|giao nhiệm vụ|đơn vị (?:chủ trì|thực hiện)|cơ quan chủ trì|đề nghị)")
DEPARTMENT = re.compile(r"\bSở ([A-ZĐ]\w*(?: [a-zđ]\w*)?)")
# Where the body, and with it an implementation part, ends: the receivers
# or the signature (what follows is the portal's, not the document's).
PART_END = re.compile(r"^\s*(?:Nơi nhận|TM\.|KT\.)")
# The closing clause that names who executes a decision assigns no duty.
EXECUTES = re.compile(r"[^.;]*chịu trách nhiệm thi hành[^.;]*")


def flat(text):
    """The text without markup, its lines joined: what a reader sees."""
    text = unicodedata.normalize("NFC", text)
    return re.sub(r"\s+", " ", MARKUP.sub(" ", text))


def header(text):
    """The part before the first "Căn cứ" or the body: where the header is."""
    cut = re.search(r"Căn cứ|Thực hiện|Kính gửi", text)
    return text[: cut.start()] if cut and cut.start() > 0 else text[:3000]


def impl_parts(text):
    """The text after each implementation part's title, up to the
    receivers or the signature, its lines joined."""
    lines = [MARKUP.sub(" ", l).strip() for l in unicodedata.normalize("NFC", text).splitlines()]
    for i, line in enumerate(lines):
        if len(line) < 90 and IMPL_TITLE.match(line):
            part = []
            for later in lines[i + 1 :]:
                if PART_END.match(later):
                    break
                part.append(later)
            yield " ".join(lines[i + 1 :]), " ".join(part)


def has_impl(text):
    """The issue's measure: a part's title with two "Sở X" after it, anywhere
    in the rest of the text."""
    return any(len(DEPARTMENT.findall(rest)) >= 2 for rest, _ in impl_parts(text))


def abbreviations():
    """data/abbreviations.tsv: "VHTTDL" -> "Văn hóa, Thể thao và Du lịch"."""
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data", "abbreviations.tsv")
    table = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or "\t" not in line:
                continue
            abbr, expansion = line.rstrip("\n").split("\t")[:2]
            table[abbr] = expansion
    return table


ABBREVIATIONS = abbreviations()
TOKEN = re.compile(r"[^\s,;.:()]+")


def expand(text):
    """Abbreviated names spelled out, so "Sở VHTTDL" and "Sở Văn hóa, Thể
    thao và Du lịch" are one department."""
    return TOKEN.sub(lambda m: ABBREVIATIONS.get(m.group(0), m.group(0)), text)


def names_two_departments(text):
    """A stricter reading: two different departments named in the part's own
    text (up to the receivers or the signature), not only in the clause
    naming who executes a decision.  A decision that gives duties to one
    department and has the others execute it assigns one agency item."""
    return any(len(set(DEPARTMENT.findall(expand(EXECUTES.sub(" ", part))))) >= 2
               for _, part in impl_parts(text))


def parse(plan, path):
    p = subprocess.run([plan, "parse", "--format=json", "-q", path], capture_output=True)
    try:
        return p.returncode, json.loads(p.stdout.decode("utf-8"))
    except ValueError:
        return p.returncode or 99, None


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--plan", default="build/plan")
    ap.add_argument("--list", action="store_true", help="name the documents that miss a figure")
    ap.add_argument("--require", action="store_true", help="exit 1 when a target is missed")
    ap.add_argument("dirs", nargs="+")
    args = ap.parse_args()

    files = document_files(args.dirs)

    c = dict(docs=0, bad_exit=0, num_has=0, num_found=0, date_has=0, date_found=0,
             impl_has=0, impl_found=0, two_has=0, two_found=0, duties=0, long_duties=0)
    misses = {"exit": [], "number": [], "date": [], "items": []}
    for path in files:
        with open(path, encoding="utf-8", errors="replace") as f:
            raw = f.read()
        rc, doc = parse(args.plan, path)
        c["docs"] += 1
        if rc != 0 or doc is None:
            c["bad_exit"] += 1
            misses["exit"].append(f"{path} (exit {rc})")
            doc = {"meta": {}, "assignments": []}
        meta = doc.get("meta") or {}
        head = header(raw)
        if NUMBER_LINE.search(head):
            c["num_has"] += 1
            printed = PRINTED_NUMBER.search(flat(head))
            want = re.sub(r"-\s+", "-", printed.group(1)) if printed else None
            if meta.get("number") and (want is None or meta["number"] == want):
                c["num_found"] += 1
            else:
                misses["number"].append(f"{path} ({meta.get('number')}, printed {want})")
        if DATED.search(flat(head)):
            c["date_has"] += 1
            if meta.get("date") and meta.get("place"):
                c["date_found"] += 1
            else:
                misses["date"].append(path)
        items = doc.get("assignments") or []
        if has_impl(raw):
            c["impl_has"] += 1
            if len(items) >= 2:
                c["impl_found"] += 1
            else:
                misses["items"].append(f"{path} ({len(items)})")
        if names_two_departments(raw):
            c["two_has"] += 1
            c["two_found"] += len(items) >= 2
        for a in items:
            for d in a.get("duties") or []:
                c["duties"] += 1
                c["long_duties"] += len(d.get("text") or "") >= 40

    def pct(a, b):
        return 100.0 * a / b if b else 100.0

    rows = [
        ("number found as printed", c["num_found"], c["num_has"], 95.0),
        ("date and place found", c["date_found"], c["date_has"], 95.0),
        ("two or more agency items", c["impl_found"], c["impl_has"], 95.0),
        ("  where two departments are named", c["two_found"], c["two_has"], None),
        ("duties of 40 characters or more", c["long_duties"], c["duties"], 90.0),
        ("exit status 0", c["docs"] - c["bad_exit"], c["docs"], 100.0),
    ]
    print(f"{c['docs']} documents in {', '.join(args.dirs)}")
    ok = True
    for name, a, b, target in rows:
        if target is None:  # a figure that explains another, no target of its own
            print(f"  {name:34} {a:5} of {b:5}  {pct(a, b):5.1f}%")
            continue
        met = pct(a, b) >= target
        ok &= met
        print(f"  {name:34} {a:5} of {b:5}  {pct(a, b):5.1f}%  (target {target:.0f}%{'' if met else ', missed'})")
    if args.list:
        for k, v in misses.items():
            for m in v:
                print(f"miss {k}: {m}")
    return 0 if ok or not args.require else 1


if __name__ == "__main__":
    sys.exit(main())
