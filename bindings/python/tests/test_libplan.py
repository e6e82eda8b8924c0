"""Tests of the Python binding: the corpus against the same gold as the C
tests, a comparison against the alignment gold, errors, and memory."""
import html
import json
import csv
import gc
import io
import os
import pathlib
import resource
import sys
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", "..", ".."))
sys.path.insert(0, os.path.join(ROOT, "bindings", "python"))

import libplan  # noqa: E402

CORPUS = os.path.join(ROOT, "corpus")
DOCS = sorted(f for f in os.listdir(CORPUS) if f.endswith(".txt"))


def gold(name):
    with open(os.path.join(CORPUS, "gold", name[:-4] + ".json"), encoding="utf-8") as f:
        return json.load(f)


def find_section(sections, path):
    for s in sections:
        if s["path"] == path:
            return s
        found = find_section(s["children"], path)
        if found:
            return found
    return None


class TestNormalize(unittest.TestCase):
    def test_tones_and_styles(self):
        self.assertEqual(libplan.normalize("Uỷ ban  hoà\r\n"), "Ủy ban hòa\n")
        self.assertEqual(libplan.normalize("Ủy ban hòa", style="modern"), "Uỷ ban hoà\n")
        self.assertEqual(libplan.normalize("UBND tỉnh", expand=True), "Ủy ban nhân dân tỉnh\n")

    def test_key(self):
        self.assertEqual(libplan.key("Sở LĐ-TB&XH"), "so lao dong thuong binh va xa hoi")

    def test_errors(self):
        with self.assertRaises(libplan.Error) as cm:
            libplan.normalize(b"ab\xffcd")
        self.assertEqual(cm.exception.code, "PLAN_EUTF8")
        self.assertEqual((cm.exception.offset, cm.exception.line, cm.exception.column), (2, 1, 3))
        self.assertEqual(libplan.normalize(b"ab\xffcd", replace=True), "ab\ufffdcd\n")
        with self.assertRaises(libplan.Error) as cm:
            libplan.normalize(b"a\x00b")
        self.assertEqual(cm.exception.code, "PLAN_ENUL")
        with self.assertRaises(ValueError):
            libplan.normalize("a", style="sideways")


class TestParse(unittest.TestCase):
    def test_gold_meta_outline_references(self):
        for name in DOCS:
            g = gold(name)
            with libplan.parse_file(os.path.join(CORPUS, name)) as doc:
                d = doc.to_dict()
                for field, value in g["meta"].items():
                    self.assertEqual(d["meta"][field], value, f"{name} meta {field}")
                for node in g["outline"]:
                    s = find_section(d["sections"], node["path"])
                    self.assertIsNotNone(s, f"{name} {node['path']}")
                    if node["title"] is not None:
                        self.assertEqual(s["title"], node["title"])
                    self.assertEqual(len(s["children"]), node["children"])
                numbers = sorted(r["number"] for r in d["references"] if r["number"])
                self.assertEqual(numbers, sorted(g["references"]), name)

    def test_gold_assignments(self):
        total = 0
        for name in DOCS:
            g = gold(name)
            doc = libplan.parse_file(os.path.join(CORPUS, name))
            items = {a.label: a for a in doc.assignments}
            self.assertEqual(len(items), len(g["assignments"]), name)
            for ga in g["assignments"]:
                a = items[ga["label"]]
                self.assertIsInstance(a, libplan.Assignment)
                self.assertEqual(a.requested, ga["requested"])
                self.assertEqual(a.heading, ga["agency"])
                self.assertEqual(len(a.duties), len(ga["duties"]))
                for duty, gd in zip(a.duties, ga["duties"]):
                    self.assertTrue(libplan.key(duty.text).startswith(libplan.key(gd["starts"])),
                                    f"{name} {ga['label']}: {duty.text[:40]}")
                    self.assertEqual(duty.agency is None, "agency" not in gd)
                    total += 1
            self.assertEqual(doc.to_dict()["not_assignments"], g.get("not_assignments") or [])
        self.assertEqual(total, 209)

    def test_renderers_and_text_input(self):
        text = open(os.path.join(CORPUS, DOCS[0]), encoding="utf-8").read()
        doc = libplan.parse(text)
        self.assertIsNone(doc.source)
        self.assertTrue(doc.to_xml().startswith("<?xml"))
        self.assertIn("assignments:", doc.to_text())
        self.assertEqual(json.loads(doc.to_json())["meta"], doc.meta)

    def test_html_and_legacy_input(self):
        text = open(os.path.join(CORPUS, DOCS[0]), encoding="utf-8").read()
        want = libplan.parse(text)
        page = "<html><body>" + "".join(
            "<p>" + html.escape(block).replace("\n", "<br>") + "</p>"
            for block in text.split("\n\n")) + "</body></html>"
        doc = libplan.parse(page)
        self.assertEqual((doc.input, doc.encoding), ("html", "utf-8"))
        self.assertEqual(doc.meta, want.meta)
        self.assertEqual([a.heading for a in doc.assignments],
                         [a.heading for a in want.assignments])
        self.assertIn("<p>", libplan.normalize(page, input="text"))
        viqr = libplan.parse(b"KE^' HOA.CH\n1. So+? Y te^': Chu? tri` kha'm be^.nh.\n")
        self.assertEqual(viqr.encoding, "viqr")
        self.assertEqual(viqr.meta["doc_type"], "KẾ HOẠCH")
        with self.assertRaises(libplan.Error) as cm:
            libplan.normalize(b"K\xea ho\xb8ch", encoding="utf-8")
        self.assertEqual(cm.exception.code, "PLAN_EUTF8")
        with self.assertRaises(ValueError):
            libplan.parse("x", encoding="koi8-r")

    def test_implements_and_group(self):
        docs = [libplan.parse_file(os.path.join(CORPUS, name)) for name in DOCS]
        by_name = dict(zip(DOCS, docs))
        self.assertEqual(by_name["quang-ngai-2020-cv-4040.txt"].implements, ["121/2020/QH14"])
        groups = libplan.group(docs)
        self.assertEqual([g["key"] for g in groups], ["1472/QĐ-TTg", "28-CT/TW"])
        self.assertEqual(sorted(DOCS[i] for i in groups[0]["members"]),
                         sorted(n for n in DOCS if "ct28" not in n))
        # the same from the numbers alone, as a map step would hand them over
        self.assertEqual(libplan.group([d.implements for d in docs]), groups)
        self.assertEqual(libplan.group([[], ["1/QĐ-TTg"]]),
                         [{"key": "1/QĐ-TTg", "cites": ["1/QĐ-TTg"], "members": [1]}])

    def test_errors(self):
        with self.assertRaises(libplan.Error) as cm:
            libplan.parse("")
        self.assertEqual(cm.exception.code, "PLAN_EEMPTY")
        with self.assertRaises(libplan.Error) as cm:
            libplan.parse(b"ok\n\xc3")
        self.assertEqual((cm.exception.code, cm.exception.line), ("PLAN_EUTF8", 2))
        doc = libplan.parse("1. Một")
        doc.close()
        with self.assertRaises(ValueError):
            doc.to_json()

    def test_memory_is_flat(self):
        text = "III. TỔ CHỨC THỰC HIỆN\n\n1. Sở Y tế\n\n- Chủ trì, phối hợp với Công an tỉnh.\n"
        for _ in range(500):  # warm up allocators
            libplan.parse(text).to_dict()
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        for _ in range(10000):
            d = libplan.parse(text)
            d.to_dict()
            d.close()
        after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        self.assertLess(after - before, 4096, "peak RSS grew by more than 4 MB over 10,000 parses")


class TestCompare(unittest.TestCase):
    def test_gold_alignments(self):
        with open(os.path.join(CORPUS, "gold", "alignments.json"), encoding="utf-8") as f:
            alignments = json.load(f)["alignments"]
        paths = [pathlib.Path(CORPUS, n) for n in ("binh-dinh-2021-kh-1472.txt", "bac-kan-2021-qd-145.txt")]
        cmp = libplan.compare(paths)
        d = cmp.to_dict()
        index = {os.path.basename(doc["source"]): i for i, doc in enumerate(d["documents"])}
        tp = fp = fn = 0
        for al in alignments:
            a, b = index[al["a"]], index[al["b"]]
            agency = next(x for x in d["agencies"] if x["id"] == al["agency"])
            pair = next(p for p in agency["pairs"] if {p["a"], p["b"]} == {a, b})
            flip = pair["a"] != a
            got = set()
            for m in pair["matches"]:
                ma, mb = (m["b"], m["a"]) if flip else (m["a"], m["b"])
                if ma["item"] == al["a_label"] and mb["item"] == al["b_label"]:
                    got.add((ma["index"], mb["index"]))
            want = {(p[0], p[1]) for p in al["pairs"]}
            partial = {(p[0], p[1]) for p in al["partial"]}
            tp += len(got & want)
            fn += len(want - got)
            fp += len(got - want - partial)
            if al["agency"] == "doh":  # the two merged gold pairs: one merge link
                merges = [l for l in pair["links"] if l["kind"] in ("merged", "split")]
                self.assertEqual(len(merges), 1)
        self.assertGreaterEqual(tp / (tp + fp), 0.95)
        self.assertGreaterEqual(tp / (tp + fn), 0.95)

    def test_reports(self):
        cmp = libplan.compare([pathlib.Path(CORPUS, n) for n in DOCS])
        self.assertTrue(cmp.to_html().startswith("<!DOCTYPE html>"))
        rows = list(csv.DictReader(io.StringIO(cmp.to_csv())))
        self.assertEqual(list(rows[0])[:3], ["agency", "agency_name", "group"])
        self.assertEqual({r["document"] for r in rows}, {d["source"] for d in cmp.documents})
        self.assertTrue(all(r["status"] in ("absent", "present", "reworded", "merged") for r in rows))
        self.assertIn("merged", cmp.to_text("doh"))
        self.assertEqual(len(cmp.documents), 5)
        self.assertIn("dolisa", cmp.coverage())
        with self.assertRaises(libplan.Error):
            libplan.compare([pathlib.Path(CORPUS, DOCS[0])])

    def test_documents_outlive_their_closing(self):
        """Closing a document (or leaving its with block) while a comparison
        made from it lives is safe: the comparison keeps the C document until
        it is closed itself (this was a use after free)."""
        docs = [libplan.parse_file(os.path.join(CORPUS, n)) for n in DOCS[:2]]
        with docs[0], docs[1]:
            cmp = libplan.compare(docs)
        for d in docs:
            with self.assertRaises(ValueError):
                d.to_json()  # closed for its own use
        self.assertTrue(cmp.to_html().startswith("<!DOCTYPE html>"))
        self.assertIn("dolisa", cmp.coverage())
        del docs
        gc.collect()
        self.assertTrue(cmp.to_text())
        cmp.close()
        with self.assertRaises(ValueError):
            libplan.compare([libplan.parse_text("1. Một"), closed_doc()])

    def test_no_path_guessing(self):
        """A string is text: naming a file that exists does not read it."""
        doc = libplan.parse("/etc/passwd")
        self.assertNotIn("root", doc.to_text())
        self.assertIsNone(doc.source)
        self.assertIn("/etc/hostname", libplan.parse_text("/etc/hostname").to_text())
        path = os.path.join(CORPUS, DOCS[0])
        self.assertEqual(libplan.parse(path=path).meta, libplan.parse_file(path).meta)
        self.assertEqual(libplan.parse(pathlib.Path(path)).source, path)
        with self.assertRaises(TypeError):
            libplan.parse("a", path=path)
        with self.assertRaises(libplan.Error) as cm:
            libplan.parse_file("/dev/zero")
        self.assertEqual(cm.exception.code, "PLAN_EIO")

    def test_summary_and_blocks(self):
        docs = [libplan.parse_file(os.path.join(CORPUS, n)) for n in DOCS]
        full = libplan.compare(docs)
        self.assertIn("pairs", full.to_dict()["agencies"][0])
        whole = libplan.compare(docs, summary=True)
        self.assertEqual(json.loads(whole.to_json())["detail"], "summary")
        self.assertNotIn("pairs", whole.to_dict()["agencies"][0])
        self.assertEqual(whole.agency_count, len(full.to_dict()["agencies"]))
        # the same groups, whether kept pairs or not
        self.assertEqual([g.status for g in whole.groups()], [g.status for g in full.groups()])
        # split in two blocks of rows, merged: the same comparison
        parts = [libplan.compare(docs, rows=r).export_groups() for r in ((0, 2), (2, None))]
        merged = libplan.compare(docs, parts=parts)
        self.assertEqual(merged.to_json(), whole.to_json())
        self.assertEqual(merged.to_csv(), whole.to_csv())
        self.assertEqual(merged.export_groups(), whole.export_groups())
        with self.assertRaises(libplan.Error) as e:
            libplan.compare(docs, parts=["libplan-groups 1 4\n"])
        self.assertIn("other documents", str(e.exception))

    def test_typed_records_and_tables(self):
        cmp = libplan.compare([libplan.parse_file(os.path.join(CORPUS, n)) for n in DOCS])
        doc = cmp._docs[0]
        a = doc.assignments[0]
        self.assertIsInstance(a.duties[0], libplan.Duty)
        self.assertTrue(repr(a).startswith("Assignment("))
        raw = doc.to_dict()["assignments"][0]
        self.assertEqual((a.to_dict()["label"], a.to_dict()["heading"]), (raw["label"], raw["heading"]))
        self.assertEqual([d["text"] for d in a.to_dict()["duties"]], [d["text"] for d in raw["duties"]])
        self.assertEqual(a.agency_ids, [m["id"] for m in raw["agencies"]])
        groups = cmp.groups("doh")
        self.assertTrue(groups and all(isinstance(g, libplan.DutyGroup) for g in groups))
        self.assertEqual(len(groups), len(next(x for x in cmp.agencies if x["id"] == "doh")["groups"]))
        g = groups[0]
        self.assertEqual(len(g.status), 5)
        self.assertTrue(all((d is None) == (s == "absent") for d, s in zip(g.duties, g.status)))
        self.assertIn(g.representative, g.duties)
        records = cmp.to_records()
        self.assertEqual(len(records), sum(len(a["groups"]) for a in cmp.agencies) * 5)
        self.assertEqual(set(records[0]), {"agency", "agency_name", "group", "group_size",
                                           "representative", "province", "document", "number",
                                           "date", "status", "item", "duty"})
        self.assertIsInstance(records[0]["group"], int)
        try:
            import pandas  # noqa: F401
        except ImportError:
            with self.assertRaises(ImportError):
                cmp.to_pandas()
        else:
            self.assertEqual(len(cmp.to_pandas()), len(records))

    def test_lexicon(self):
        self.assertEqual(libplan.resolve("Sở LĐ-TB&XH"), "dolisa")
        ids = {a["id"] for a in libplan.agencies()}
        self.assertTrue({"dolisa", "police", "front", "district-pcs"} <= ids)

    def test_lexicon_extended(self):
        text = ("KẾ HOẠCH\nThử\n\nIII. TỔ CHỨC THỰC HIỆN\n\n"
                "1. Hạt Kiểm lâm khu vực phúc tra diện tích rừng.\n\n"
                "2. Sở Tài chính chủ trì bố trí kinh phí.\n")
        plain = libplan.parse_text(text)  # "Hạt" heads no body the defaults know
        self.assertEqual([a.agencies[0].id for a in plain.assignments], ["dof"])
        lex = libplan.Lexicon()
        lex.add_agency_head("Hạt")
        lex.add_duty_verb("phúc tra")
        lex.add_agency("forest-rangers", "Hạt Kiểm lâm khu vực", kind="agency",
                       portfolios=["forestry"], aliases=["HKL khu vực"])
        lex.add_abbreviation("HKL", "Hạt Kiểm lâm")
        self.assertEqual(lex.resolve("HKL khu vực"), "forest-rangers")
        doc = libplan.parse_text(text, lexicon=lex)
        first = doc.assignments[0]
        self.assertEqual(first.agencies[0].id, "forest-rangers")
        self.assertEqual(first.duties[0].text, "phúc tra diện tích rừng.")
        with self.assertRaises(libplan.Error):
            lex.add_agency("bad id", "X")
        with self.assertRaises(libplan.Error):
            lex.add_agency_head("hai từ")


def closed_doc():
    d = libplan.parse_text("1. Hai")
    d.close()
    return d


if __name__ == "__main__":
    unittest.main()
