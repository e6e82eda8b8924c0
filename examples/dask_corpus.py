#!/usr/bin/env python3
"""plan corpus on a Dask cluster: parse a JSON Lines corpus as a map step,
group the plans on the client, compare each group as one task.

    python3 examples/dask_corpus.py RECORDS.jsonl OUTDIR [--scheduler ADDRESS]

RECORDS.jsonl holds one {"id": ..., "text": ...} object a line (the input
`plan corpus` takes too).  Without --scheduler a local cluster of two worker
processes is started.  Writes OUTDIR/documents.jsonl (one parsed document a
line, or {"source", "error"} for one that failed) and OUTDIR/GROUP.html for
every group of two or more plans.  Needs Debian's python3-dask and
python3-distributed, and libplan importable on every worker (installed, or
PYTHONPATH and LIBPLAN_LIBRARY set, which local workers inherit).
"""
import argparse
import json
import os
import re

import dask.bag as db
from dask.distributed import Client, LocalCluster

import libplan


def parse_record(line):
    """The map step: a JSON record in, a JSON document (or its error) out."""
    record = json.loads(line)
    try:
        doc = libplan.parse_text(record["text"])
    except libplan.Error as e:
        return json.dumps({"source": record["id"], "error": e.code, "message": str(e)},
                          ensure_ascii=False)
    parsed = doc.to_dict()
    parsed["source"] = record["id"]
    return json.dumps(parsed, ensure_ascii=False)


def compare_texts(texts):
    """One group's task: parse its plans where the task runs, compare them."""
    return libplan.compare([libplan.parse_text(t) for t in texts]).to_html()


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("records")
    ap.add_argument("outdir")
    ap.add_argument("--scheduler", help="address of a running scheduler")
    ap.add_argument("--partitions", type=int, default=8)
    args = ap.parse_args()
    os.makedirs(args.outdir, exist_ok=True)
    cluster = None if args.scheduler else LocalCluster(n_workers=2, threads_per_worker=1,
                                                       processes=True, dashboard_address=None)
    with Client(args.scheduler or cluster) as client:
        lines = db.read_text(args.records, blocksize=None).repartition(args.partitions)
        parsed = [json.loads(d) for d in lines.map(parse_record).compute()]
        with open(os.path.join(args.outdir, "documents.jsonl"), "w", encoding="utf-8") as f:
            for d in parsed:
                f.write(json.dumps(d, ensure_ascii=False) + "\n")
        ok = [d for d in parsed if "error" not in d]
        groups = libplan.group([d["implements"] for d in ok])
        texts = {}
        with open(args.records, encoding="utf-8") as f:
            for line in f:
                record = json.loads(line)
                texts[record["id"]] = record["text"]
        todo = [g for g in groups if len(g["members"]) >= 2]
        futures = client.map(compare_texts, [[texts[ok[m]["source"]] for m in g["members"]]
                                             for g in todo])
        for g, html in zip(todo, client.gather(futures)):
            name = re.sub(r"[^0-9a-z]+", "-", libplan.key(g["key"])).strip("-")
            with open(os.path.join(args.outdir, name + ".html"), "w", encoding="utf-8") as f:
                f.write(html)
            provinces = [ok[m]["meta"]["province"] or "(province unknown)" for m in g["members"]]
            print(f"{g['key']}: {len(provinces)} plans ({', '.join(provinces)}) -> {name}.html")
        failed = [d for d in parsed if "error" in d]
        print(f"{len(parsed)} documents, {len(groups)} groups, {len(failed)} failed")
    if cluster:
        cluster.close()


if __name__ == "__main__":
    main()
