"""compare.py - compare provincial plans with libplan from Python: the same
report as examples/compare.c.

    PYTHONPATH=bindings/python python3 examples/compare.py \
        corpus/binh-dinh-2021-kh-1472.txt corpus/bac-kan-2021-qd-145.txt
"""
import sys

import libplan


def diff_text(link):
    """A reworded pair with deleted words [-like this-] and inserted {+like this+}."""
    out = []
    for op, words in link["diff"]:
        out.append(words if op == "=" else f"[-{words}-]" if op == "-" else f"{{+{words}+}}")
    return " ".join(out)


def main(paths):
    if len(paths) < 2:
        sys.exit("usage: compare.py PLAN PLAN...")
    cmp = libplan.compare([libplan.parse_file(p) for p in paths])
    report = cmp.to_dict()
    names = [d["province"] or d["source"] for d in report["documents"]]

    # 1. Who gets how many duties in each province.
    for i, name in enumerate(names):
        print(f"[{i + 1}] {name}")
    print()
    print(f"{'agency':24}" + "".join(f" [{i + 1}]" for i in range(len(names))))
    for agency in report["agencies"]:
        print(f"{agency['id']:24}" + "".join(f" {n:3}" if n else "   -" for n in agency["duties"]))

    # 2. For the first two provinces: every agency's duties, aligned.
    print(f"\n{names[0]} against {names[1]}")
    for agency in report["agencies"]:
        pair = next((p for p in agency["pairs"] if (p["a"], p["b"]) == (0, 1)), None)
        if not pair:
            continue
        print(f"\n== {agency['name']}")
        for link in pair["links"]:
            if "diff" in link:
                print(f"  {link['kind']:8} ({link['similarity']:.2f}) {diff_text(link)}")
            else:
                print(f"  {link['kind']:8} ({link['similarity']:.2f}) item {link['a'][0]['item']}.{link['a'][0]['index'] + 1}")
        for side in ("only_a", "only_b"):
            for duty in pair[side]:
                print(f"  {side:8} item {duty['item']}.{duty['index'] + 1}")


if __name__ == "__main__":
    main(sys.argv[1:])
