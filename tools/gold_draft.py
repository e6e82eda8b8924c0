#!/usr/bin/env python3
"""Drafts a gold annotation (corpus/gold's schema) from the parser's output,
for a person to check against the document and correct.

    tools/gold_draft.py [--plan build/plan] FILE > draft.json

A draft is not gold: it holds what the parser found, mistakes included.
The annotator reads the document, fixes every field that differs from what
is printed (corpus/README.md says what each field holds), and only then
saves it under corpus/gold/.  The draft's agency keys are the parser's ids;
gold keys only name equivalence classes, so they may stay when they are
right.
"""
import argparse
import json
import subprocess
import sys

META = ("issuer", "province", "doc_type", "number", "number_pattern", "date", "place",
        "signer", "signer_title")
STARTS_WORDS = 3


def parse(plan, path):
    out = subprocess.run([plan, "parse", "-q", "--format=json", path],
                         capture_output=True, text=True, check=True).stdout
    return json.loads(out)


def starts(text):
    return " ".join(text.split()[:STARTS_WORDS])


def key_entry(agency):
    """An agency_keys entry; "unlisted" marks one no lexicon holds."""
    entry = {"name": agency["name"], "portfolios": []}
    if not agency.get("known", True):
        entry["unlisted"] = True
    return entry


def outline(sections):
    """Top-level numbered nodes (not bullets) and how many direct children
    each has, as the gold lists them."""
    nodes = []
    for s in sections:
        if s["kind"] == "bullet":
            continue
        nodes.append({"path": s["path"], "title": s["title"], "children": len(s["children"])})
    return nodes


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--plan", default="build/plan")
    ap.add_argument("file")
    args = ap.parse_args()
    d = parse(args.plan, args.file)
    keys = {}
    items = []
    agencies = {a["id"]: a for a in d.get("agencies", [])}
    for a in d["assignments"]:
        ids = [g["id"] for g in a["agencies"]]
        for g in a["agencies"]:
            keys.setdefault(g["id"], key_entry(g))
        duties = []
        for du in a["duties"]:
            entry = {"starts": starts(du["text"])}
            member = du.get("agency")
            if member:  # the member organisation's id, described in d["agencies"]
                mid = member if isinstance(member, str) else member["id"]
                entry["agency"] = mid
                keys.setdefault(mid, key_entry(agencies.get(mid, {"name": mid})))
            duties.append(entry)
        items.append({"label": a["label"], "agency": a["heading"], "agencies": ids,
                      "requested": a["requested"], "duties": duties})
    refs = []
    for r in d["references"]:
        if r.get("number") and r["number"] not in refs:
            refs.append(r["number"])
    gold = {
        "source": args.file.rsplit("/", 1)[-1],
        "meta": {k: d["meta"].get(k) for k in META},
        "outline": outline(d["sections"]),
        "assignments": items,
        "not_assignments": list(d.get("not_assignments", [])),
        "references": refs,
        "agency_keys": keys,
    }
    json.dump(gold, sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
