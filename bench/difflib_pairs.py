"""The Python peer of bench_compare: the same all-pairs duty similarity with
difflib (standard library only).  Reads doc<TAB>agency<TAB>text lines; for
every agency and every two documents, scores every pair of their duties
with SequenceMatcher over words.  Prints the pair count and the rate."""
import collections
import difflib
import sys
import time


def main(path):
    duties = collections.defaultdict(lambda: collections.defaultdict(list))
    with open(path, encoding="utf-8") as f:
        for line in f:
            doc, agency, text = line.rstrip("\n").split("\t", 2)
            duties[agency][int(doc)].append(text.lower().split())
    start = time.perf_counter()
    pairs = 0
    for per_doc in duties.values():
        docs = sorted(per_doc)
        for i, a in enumerate(docs):
            for b in docs[i + 1:]:
                for x in per_doc[a]:
                    for y in per_doc[b]:
                        difflib.SequenceMatcher(None, x, y).ratio()
                        pairs += 1
    elapsed = time.perf_counter() - start
    print(f"  difflib (Python {sys.version.split()[0]}), N = 34: {pairs} pairs in {elapsed:.2f} s")
    print(f"pairs/s {pairs / elapsed:.1f}")


if __name__ == "__main__":
    main(sys.argv[1])
