#!/usr/bin/env python3
"""The library's layer rule, checked over its include lines.

lib/ is a folder per stage, in the order the Makefile's STAGES line gives
(bottom up).  A file may include its own stage's headers by bare name
("segment.h", "frame.h") and, of every stage below its own, that stage's
interface header only ("text/text.h"); nothing from a stage above it or
beside it, nor another stage's private header.  The include graph of the
headers must have no cycle.

Usage: tools/layers.py [ROOT]   (ROOT holds Makefile and lib/; default .)
Prints one line per breach and exits 1 when there is any.
"""
import os
import re
import sys


def stages(root):
    with open(os.path.join(root, "Makefile"), encoding="utf-8") as f:
        for line in f:
            m = re.match(r"STAGES\s*=\s*(.*)", line)
            if m:
                return m.group(1).split()
    sys.exit("no STAGES line in the Makefile")


INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"', re.M)


def check(root):
    order = stages(root)
    rank = {s: i for i, s in enumerate(order)}
    lib = os.path.join(root, "lib")
    breaches = []
    graph = {}
    for entry in sorted(os.listdir(lib)):
        path = os.path.join(lib, entry)
        if os.path.isfile(path) and entry.endswith((".c", ".h")):
            breaches.append(f"lib/{entry}: a source outside every stage folder")
        if not os.path.isdir(path):
            continue
        if entry not in rank:
            breaches.append(f"lib/{entry}/: a folder that is no stage (add it to STAGES)")
            continue
        for name in sorted(os.listdir(path)):
            if not name.endswith((".c", ".h")):
                continue
            here = f"{entry}/{name}"
            with open(os.path.join(path, name), encoding="utf-8") as f:
                text = f.read()
            edges = graph.setdefault(here, [])
            for inc in INCLUDE.findall(text):
                if inc == "plan.h":
                    continue
                if "/" not in inc:
                    if not os.path.isfile(os.path.join(path, inc)):
                        breaches.append(f"lib/{here}: includes \"{inc}\", not a header of {entry}/")
                    edges.append(f"{entry}/{inc}")
                    continue
                stage, _, header = inc.partition("/")
                if stage == entry:
                    breaches.append(f"lib/{here}: includes its own stage's \"{inc}\" by path (use \"{header}\")")
                elif stage not in rank:
                    breaches.append(f"lib/{here}: includes \"{inc}\" from no stage")
                elif rank[stage] > rank[entry]:
                    breaches.append(f"lib/{here}: includes \"{inc}\", a stage above {entry} (upward)")
                elif header != f"{stage}.h":
                    breaches.append(f"lib/{here}: includes \"{inc}\", not {stage}'s interface header {stage}/{stage}.h")
                edges.append(inc)
    # no cycle among the headers (a .c file is never included)
    state = {}

    def visit(node, trail):
        state[node] = 1
        for nxt in graph.get(node, []):
            if state.get(nxt) == 1:
                cyc = trail[trail.index(nxt):] + [nxt] if nxt in trail else [node, nxt]
                breaches.append("include cycle: " + " -> ".join(cyc))
            elif nxt not in state:
                visit(nxt, trail + [nxt])
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            visit(node, [node])
    return breaches


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else "."
    breaches = check(root)
    for b in breaches:
        print(b)
    sys.exit(1 if breaches else 0)


if __name__ == "__main__":
    main()
