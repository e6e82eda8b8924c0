#!/usr/bin/env python3
"""plan corpus on a Dask cluster: the same inputs, the same outputs.

    python3 examples/dask_corpus.py [-o DIR] [--scheduler ADDRESS] [--workers N]
                                    [--plan PATH] [-q] PATH...

PATH: files, folders or JSON Lines files of {"id", "text"} records, as
`plan corpus` takes them.  The run is `plan corpus` cut into steps, the heavy
ones on the cluster:

1. parse: `plan corpus --parse-only --shard=K/N`, one task a shard, fills
   DIR/cache (entries are written whole under names of their own, so the
   shards run at once);
2. group: `plan corpus --no-compare` here, all from the cache, writes
   documents.jsonl and DIR/work.json, the groups whose reports are not
   current;
3. compare: one task a group, through libplan's Python binding, writes the
   group's report.html, report.csv and report.json, then its member list,
   exactly as `plan corpus` would (a group of more than 10 plans as the
   summary).  A summary group of more than --block-plans plans (default
   200) is split into blocks of rows of its pairs, one task a block (a
   group reported in detail keeps its pairs, which the parts do not carry,
   and is one task whatever --block-plans says; each block gives its
   part of the duty groups, a text that grows with the duties), and a last
   task merges the parts and writes the reports: no worker aligns or holds
   a whole large group's pairs;
4. finish: a plain `plan corpus` here finds every document cached and every
   group's reports current and writes the index: the outputs are those of
   `plan corpus` on the same inputs, byte for byte, and so is the exit
   status (a group whose task failed is compared there instead, and said).

Without --scheduler a local cluster of N worker processes (default 2) is
started.  On a cluster the workers need the `plan` program (--plan), libplan
importable (installed, or PYTHONPATH and LIBPLAN_LIBRARY set) and DIR and the
inputs at the same paths (a shared file system).  Needs Debian's python3-dask
and python3-distributed.
"""
import argparse
import json
import os
import subprocess
import sys
import time

from dask.distributed import Client, LocalCluster, as_completed

import libplan


def run_plan(argv):
    """A step of plan corpus, where the task runs: (exit status, stderr)."""
    p = subprocess.run(argv, capture_output=True)
    return p.returncode, p.stderr.decode("utf-8", "replace")


def member_text(member):
    """A member's bytes as plan corpus reads them: the file, or its record's
    text."""
    with open(member["path"], "rb") as f:
        if member["record"] is None:
            return f.read()
        offset, length = member["record"]
        f.seek(offset)
        return json.loads(f.read(length))["text"]


def write_whole(path, data):
    """Writes data to path through a temporary file, fsync'd and renamed, so
    that a task stopped half-way leaves no half file."""
    tmp = f"{path}.{os.getpid()}.tmp"
    with open(tmp, "wb") as f:
        f.write(data)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)


def compare_group(group, *parts):
    """One group's task: its plans parsed where the task runs, compared (or
    the parts of its blocks merged), the reports written, then the member
    list that says they are current."""
    os.makedirs(group["dir"], exist_ok=True)
    members = os.path.join(group["dir"], "members")
    if os.path.exists(members):  # gone first: never a list naming half-replaced reports
        os.unlink(members)
    if len(group["members"]) < 2:  # nothing to compare: the list alone
        write_whole(members, f"{group['members_file']}#0\n".encode("utf-8"))
        return 1
    docs = load_docs(group)
    cmp = libplan.compare(docs, parts=list(parts)) if parts else \
        libplan.compare(docs, summary=group["summary"])
    for name, render in (("report.html", cmp.to_html), ("report.csv", cmp.to_csv),
                         ("report.json", cmp.to_json)):
        write_whole(os.path.join(group["dir"], name), render().encode("utf-8"))
    write_whole(members, f"{group['members_file']}#{cmp.agency_count}\n".encode("utf-8"))
    cmp.close()
    for d in docs:
        d.close()
    return len(docs)


def load_docs(group):
    return [libplan.parse_text(member_text(m), name=m["id"]) for m in group["members"]]


def block_part(group, rows):
    """One block's task: the pairs whose first plan (in the comparison's
    order) is in rows aligned, and the block's part of the duty groups."""
    docs = load_docs(group)
    cmp = libplan.compare(docs, rows=rows)
    part = cmp.export_groups()
    cmp.close()
    return part


def blocks(n, count):
    """count row ranges of a group of n plans holding about as many pairs
    each (row a pairs plan a with the n - 1 - a after it)."""
    total, cuts, done, a = n * (n - 1) // 2, [0], 0, 0
    for k in range(1, count):
        while a < n and done + (n - 1 - a) <= total * k // count:
            done += n - 1 - a
            a += 1
        if a > cuts[-1]:
            cuts.append(a)
    cuts.append(n)
    return [(cuts[i], cuts[i + 1]) for i in range(len(cuts) - 1)]


def wait_all(client, futures, what, quiet):
    """Gathers the futures, saying how far it is (a line every few seconds);
    returns [(index, result or None, error or None)]."""
    out, done, last = [], 0, time.monotonic()
    index = {f.key: i for i, f in enumerate(futures)}
    for future in as_completed(futures):
        try:
            out.append((index[future.key], future.result(), None))
        except Exception as e:  # a task that failed: said, and left to step 4
            out.append((index[future.key], None, e))
        done += 1
        if not quiet and (time.monotonic() - last > 2 or done == len(futures)):
            print(f"dask_corpus: {what}: {done}/{len(futures)}", file=sys.stderr)
            last = time.monotonic()
    return sorted(out, key=lambda r: r[0])


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("paths", nargs="+")
    ap.add_argument("-o", dest="out", default="corpus-report")
    ap.add_argument("--scheduler", help="address of a running scheduler")
    ap.add_argument("--workers", type=int, default=2, help="local workers (without --scheduler)")
    ap.add_argument("--shards", type=int, help="parse tasks (default: 2 per worker)")
    ap.add_argument("--plan", default=os.environ.get("PLAN", "plan"), help="the plan program")
    ap.add_argument("--block-plans", type=int, default=200,
                    help="a summary group (more than 10 plans) of more plans is compared "
                         "in blocks of rows, a task each")
    ap.add_argument("-q", "--quiet", action="store_true")
    args = ap.parse_args()
    plan = os.path.abspath(args.plan) if os.sep in args.plan else args.plan
    paths = [os.path.abspath(p) if os.path.exists(p) else p for p in args.paths]
    out = os.path.abspath(args.out)
    os.makedirs(out, exist_ok=True)

    cluster = None if args.scheduler else LocalCluster(
        n_workers=args.workers, threads_per_worker=1, processes=True, dashboard_address=None)
    with Client(args.scheduler or cluster) as client:
        workers = max(1, len(client.scheduler_info()["workers"]))
        shards = args.shards or 2 * workers
        # 1. parse, a shard a task
        steps = [[plan, "corpus", "--parse-only", f"--shard={k}/{shards}", "-q", "-j", "1", "-o", out]
                 + paths for k in range(shards)]
        for _, result, error in wait_all(client, client.map(run_plan, steps, pure=False),
                                         "parsed shards", args.quiet):
            if error or result[0] not in (0, 1):
                print(f"dask_corpus: a parse shard failed ({error or result[1].strip()}): the "
                      "last step parses what it left", file=sys.stderr)
        # 2. group, here
        rc, err = run_plan([plan, "corpus", "--no-compare", "-q", "-o", out] + paths)
        if rc not in (0, 1):
            sys.stderr.write(err)
            return rc
        with open(os.path.join(out, "work.json"), encoding="utf-8") as f:
            work = json.load(f)
        # 3. compare, a group a task, a large group's blocks a task each
        groups = work["groups"]
        futures, split, nblocks = [], 0, 0
        for group in groups:
            n = len(group["members"])
            if n > args.block_plans and group["summary"]:  # parts carry no pairs
                parts = [client.submit(block_part, group, rows, pure=False)
                         for rows in blocks(n, max(2, 2 * workers))]
                futures.append(client.submit(compare_group, group, *parts, pure=False))
                split, nblocks = split + 1, nblocks + len(parts)
            else:
                futures.append(client.submit(compare_group, group, pure=False))
        if not args.quiet:
            print(f"dask_corpus: {len(groups)} groups to compare, {split} of them in {nblocks} "
                  "blocks of rows", file=sys.stderr)
        results = wait_all(client, futures, "compared groups", args.quiet)
        for i, _, error in results:
            if error:
                print(f"dask_corpus: group {groups[i]['key']} failed on the cluster ({error}): "
                      "compared by the last step", file=sys.stderr)
    if cluster:
        cluster.close()
    # 4. finish, here: all cached and current, the index written
    os.remove(os.path.join(out, "work.json"))
    final = [plan, "corpus", "-o", out] + (["-q"] if args.quiet else []) + paths
    return subprocess.run(final).returncode


if __name__ == "__main__":
    sys.exit(main())
