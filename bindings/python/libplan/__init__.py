"""libplan: read Vietnamese provincial plans, find which agency must do
what, and compare provinces.  A Python binding over the C library (ctypes,
standard library only).

    import libplan
    doc = libplan.parse_file("corpus/bac-kan-2021-qd-145.txt")
    doc.meta["number"]                 # '145/QĐ-UBND'
    for item in doc.assignments:       # who must do what: Assignment records
        print(item.label, item.agency_ids, len(item.duties))
    cmp = libplan.compare([doc, libplan.parse_file("corpus/binh-dinh-2021-kh-1472.txt")])
    cmp.groups("doh")                  # one duty across the plans: DutyGroup records
    cmp.to_records()                   # tidy rows; cmp.to_pandas() with pandas
    cmp.to_html()                      # a self-contained report

Errors raise libplan.Error (code, message, offset, line, column).
"""
import csv
import ctypes
import io
import json
import os
from typing import Any, Dict, List, Optional

from . import _ffi
from ._ffi import Error
from .types import Assignment, Duty, DutyGroup, Mention

__all__ = ["Error", "normalize", "key", "parse", "parse_text", "parse_file", "compare", "group",
           "Document", "Comparison", "Lexicon", "Assignment", "Duty", "DutyGroup", "Mention",
           "version", "agencies", "resolve"]

_STYLES = {"traditional": 0, "modern": 1, "keep": 2}
_OPT_REPLACE, _OPT_EXPAND, _OPT_KEEP_MARKUP = 1, 2, 4
_COMPARE_EXCLUDE_COLLECTIVE, _COMPARE_NO_PORTFOLIO, _COMPARE_NO_PAIRS = 1, 2, 4
# Up to this many plans a comparison keeps every pair (as plan compare does).
DETAIL_MAX = 10


def version():
    """The version of the loaded C library ("0.2.0")."""
    return _ffi.plan_version_string().decode()


class _Handle:
    """Owns one C object: freed by close(), by leaving a `with` block, or
    when the Python object goes.  Subclasses name the C destructor."""

    _free = None
    _handle = None

    def close(self):
        if self._handle:
            type(self)._free(self._handle)
            self._handle = None

    def __del__(self):
        self.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


class Lexicon(_Handle):
    """Abbreviations, agencies, duty verbs and agencies' head words: the
    embedded defaults, extendable from a file (lines "abbrev<TAB>ABBR<TAB>Text",
    "agency<TAB>id<TAB>name<TAB>level<TAB>kind<TAB>portfolios<TAB>aliases",
    "duty_verb<TAB>phrase[<TAB>noun_after]", "agency_head<TAB>word[<TAB>next]")
    or by the add_* methods.  Pass it to parse() and compare() to reuse its
    compiled patterns; extend it before the first parse that uses it."""

    def __init__(self, path=None):
        handle = ctypes.c_void_p()
        err = _ffi.ErrorStruct()
        status = _ffi.plan_lexicon_new(ctypes.byref(handle), ctypes.byref(err))
        if status:
            _ffi.raise_error(status, err)
        self._handle = handle
        if path:
            self.load(path)

    def load(self, path):
        err = _ffi.ErrorStruct()
        status = _ffi.plan_lexicon_load_file(self._handle, os.fsencode(path), ctypes.byref(err))
        if status:
            _ffi.raise_error(status, err)

    def _call(self, fn, *args):
        err = _ffi.ErrorStruct()
        status = fn(self._handle, *[_opt_bytes(a) for a in args], ctypes.byref(err))
        if status:
            _ffi.raise_error(status, err)

    def add_abbreviation(self, abbreviation, expansion):
        """"UBND" -> "Ủy ban nhân dân": matched case-sensitively, as a whole token."""
        self._call(_ffi.plan_lexicon_add_abbreviation, abbreviation, expansion)

    def add_agency(self, id, name, level=None, kind=None, portfolios=(), aliases=()):
        """An agency, or more aliases for the one with that id; aliases are
        names as printed ("%p" stands for the document's province)."""
        self._call(_ffi.plan_lexicon_add_agency, id, name, level, kind, ",".join(portfolios),
                   "|".join(aliases))

    def add_duty_verb(self, phrase, noun_after=()):
        """A phrase a duty starts with, where an agency's name ends; noun_after:
        the words after which it is a noun ("vực", "ngành" for "xây dựng";
        "," for a comma)."""
        self._call(_ffi.plan_lexicon_add_duty_verb, phrase, "|".join(noun_after))

    def add_agency_head(self, word, next=()):
        """A word a body's name opens with ("Hạt"); next: the words one of
        which must follow it ("cục", "nhánh" for "Chi"; "*" for another head
        word, as in "Các Sở")."""
        self._call(_ffi.plan_lexicon_add_agency_head, word, "|".join(next))

    def agencies(self):
        """Every agency: dicts with id, name, level, kind, portfolios."""
        out = []
        for i in range(_ffi.plan_lexicon_agency_count(self._handle)):
            f = [ctypes.c_char_p() for _ in range(5)]
            _ffi.plan_lexicon_agency(self._handle, i, *[ctypes.byref(x) for x in f], None)
            id_, name, level, kind, portfolios = (x.value.decode() for x in f)
            out.append({"id": id_, "name": name, "level": level, "kind": kind,
                        "portfolios": [p for p in portfolios.split(",") if p]})
        return out

    def resolve(self, name):
        """The id of the agency a name begins with, or None."""
        raw = name.encode()
        r = _ffi.plan_lexicon_resolve(self._handle, raw, len(raw))
        return r.decode() if r else None

    _free = staticmethod(_ffi.plan_lexicon_free)


def _opt_bytes(value):
    return None if value is None else value.encode()


_default_lexicon = None


def _lexicon(lexicon):
    global _default_lexicon
    if lexicon is not None:
        return lexicon
    if _default_lexicon is None:
        _default_lexicon = Lexicon()
    return _default_lexicon


_INPUTS = {"auto": 0, "text": 1, "markdown": 2, "html": 3, "docx": 4}
_ENCODINGS = {"auto": 0, "utf-8": 1, "tcvn3": 2, "vni": 3, "viqr": 4, "windows-1258": 5}


def _options(style="traditional", expand=False, replace=False, keep_markup=False, lexicon=None,
             input="auto", encoding="auto"):
    o = _ffi.Options()
    _ffi.plan_options_init_sized(ctypes.byref(o), ctypes.sizeof(o))
    if style not in _STYLES:
        raise ValueError(f"style must be one of {sorted(_STYLES)}")
    if input not in _INPUTS:
        raise ValueError(f"input must be one of {sorted(_INPUTS)}")
    if encoding not in _ENCODINGS:
        raise ValueError(f"encoding must be one of {sorted(_ENCODINGS)}")
    o.input, o.encoding = _INPUTS[input], _ENCODINGS[encoding]
    o.tone_style = _STYLES[style]
    o.flags = (_OPT_EXPAND if expand else 0) | (_OPT_REPLACE if replace else 0) | \
              (_OPT_KEEP_MARKUP if keep_markup else 0)
    o.lexicon = _lexicon(lexicon)._handle
    return o


def _bytes(text):
    return text if isinstance(text, bytes) else text.encode("utf-8")


def normalize(text, style="traditional", expand=False, replace=False, keep_markup=False,
              lexicon=None, input="auto", encoding="auto"):
    """Normalized text: NFC, one tone placement (style: "traditional" hòa,
    "modern" hoà, or "keep"), spaces, dashes, markdown leftovers removed;
    abbreviations expanded with expand=True; invalid UTF-8 (bytes input)
    replaced by U+FFFD with replace=True, else an Error.  input ("text",
    "markdown", "html", "docx") and encoding ("utf-8", "tcvn3", "vni",
    "viqr", "windows-1258") are told from the content unless given."""
    raw = _bytes(text)
    o = _options(style, expand, replace, keep_markup, lexicon, input, encoding)
    return _ffi.call_string(_ffi.plan_normalize_string, raw, len(raw), ctypes.byref(o))


def key(text, lexicon=None):
    """The matching key: folded, no diacritics, abbreviations expanded."""
    raw = _bytes(text)
    o = _options(lexicon=lexicon)
    return _ffi.call_string(_ffi.plan_key, raw, len(raw), ctypes.byref(o))


class Document(_Handle):
    """A parsed plan.  `meta`, `sections`, `assignments`, `references`,
    `diagnostics` and the rest of to_dict() are read once, in bulk, from the
    C library's JSON.  The C document is freed by close(), by leaving a
    `with` block, or when the object goes; a Comparison made from it keeps
    it alive until the comparison is closed too (closing the document first
    is safe: only the document's own methods stop working)."""

    def __init__(self, handle, source=None):
        self._handle = handle
        self.source = source
        self._dict = None
        self._closed = False
        self._users = 0  # comparisons that read the C document

    def _need(self):
        if self._closed or not self._handle:
            raise ValueError("the document is closed")

    def close(self):
        self._closed = True
        if self._users == 0:
            _Handle.close(self)

    def _release(self):
        """A comparison that used the document is gone."""
        self._users -= 1
        if self._closed and self._users == 0:
            _Handle.close(self)

    def _render(self, fn):
        self._need()
        return _ffi.call_string(fn, self._handle)

    def to_dict(self):
        """Everything: meta, frame, sections, assignments, not_assignments,
        agencies, references, diagnostics."""
        if self._dict is None:
            self._dict = json.loads(self.to_json())
        return self._dict

    def to_json(self):
        return self._render(_ffi.plan_render_json)

    def to_xml(self):
        return self._render(_ffi.plan_render_xml)

    def to_text(self):
        return self._render(_ffi.plan_render_text)

    meta = property(lambda self: self.to_dict()["meta"], doc="Metadata: doc_type, number, date, ...")
    input = property(lambda self: self.to_dict()["input"], doc='"text", "markdown", "html" or "docx".')
    implements = property(lambda self: self.to_dict()["implements"],
                          doc='The national documents it carries out: ["1472/QĐ-TTg", ...].')
    encoding = property(lambda self: self.to_dict()["encoding"],
                        doc='The encoding it was in: "utf-8", "tcvn3", "vni", "viqr", "windows-1258".')
    sections = property(lambda self: self.to_dict()["sections"], doc="The outline, nested.")
    @property
    def assignments(self) -> List[Assignment]:
        """The agency items and their duties, as Assignment records
        (to_dict()["assignments"] has them as plain dicts)."""
        return [Assignment.from_dict(a) for a in self.to_dict()["assignments"]]
    references = property(lambda self: self.to_dict()["references"], doc="Cited documents.")
    diagnostics = property(lambda self: self.to_dict()["diagnostics"], doc="Warnings.")

    _free = staticmethod(_ffi.plan_doc_free)

    def __repr__(self):
        return f"<libplan.Document {self.source or '(text)'}>"


def parse_text(text, style="traditional", lexicon=None, input="auto", encoding="auto", name=None):
    """Parses a plan held in memory (str or bytes: text, markdown, HTML,
    DOCX) and returns a Document; name, if given, is its source.  input and
    encoding as for normalize(); Document.input and Document.encoding say
    what was found."""
    o = _options(style, lexicon=lexicon, input=input, encoding=encoding)
    handle, err = ctypes.c_void_p(), _ffi.ErrorStruct()
    raw = _bytes(text)
    status = _ffi.plan_doc_parse_named(raw, len(raw), name.encode() if name else None,
                                       ctypes.byref(o), ctypes.byref(handle), ctypes.byref(err))
    if status:
        _ffi.raise_error(status, err)
    return Document(handle, name)


def parse_file(path, style="traditional", lexicon=None, input="auto", encoding="auto"):
    """Parses the plan in the file at path (str or os.PathLike), read as the
    C library reads files (bounded by its input limit; devices refused)."""
    o = _options(style, lexicon=lexicon, input=input, encoding=encoding)
    handle, err = ctypes.c_void_p(), _ffi.ErrorStruct()
    path = os.fspath(path)
    status = _ffi.plan_doc_parse_file(os.fsencode(path), ctypes.byref(o), ctypes.byref(handle),
                                      ctypes.byref(err))
    if status:
        _ffi.raise_error(status, err)
    return Document(handle, path)


def parse(source=None, *, path=None, text=None, **options):
    """parse_file() for an os.PathLike source or path=..., parse_text() for
    a str or bytes source or text=....  A str is always text, never taken
    for a path because a file of that name exists."""
    if (source is None) + (path is None) + (text is None) != 2:
        raise TypeError("parse() takes one of: a source, path=, text=")
    if path is not None or isinstance(source, os.PathLike):
        return parse_file(path if path is not None else source, **options)
    return parse_text(text if text is not None else source, **options)


class Comparison(_Handle):
    """N plans compared: for every agency, every document pair's aligned
    duties, the coverage and duty groups.  Keeps its documents alive."""

    def __init__(self, handle, docs):
        self._handle = handle
        self._docs = list(docs)
        self._dict = None
        for d in self._docs:
            d._users += 1

    def close(self):
        if self._handle:
            _Handle.close(self)
            for d in self._docs:
                d._release()

    def _render(self, fn, agency=None, *extra):
        if not self._handle:
            raise ValueError("the comparison is closed")
        a = agency.encode() if agency else None
        return _ffi.call_string(fn, self._handle, a, *extra)

    def to_json(self, agency=None):
        return self._render(_ffi.plan_render_compare_json, agency)

    def to_dict(self, agency=None):
        if agency:
            return json.loads(self.to_json(agency))
        if self._dict is None:
            self._dict = json.loads(self.to_json())
        return self._dict

    def to_csv(self, agency=None):
        return self._render(_ffi.plan_render_compare_csv, agency)

    def to_html(self, agency=None):
        return self._render(_ffi.plan_render_compare_html, agency)

    def to_text(self, agency=None, color=False):
        return self._render(_ffi.plan_render_compare_text, agency, 1 if color else 0)

    documents = property(lambda self: self.to_dict()["documents"], doc="Documents, canonical order.")
    agencies = property(lambda self: self.to_dict()["agencies"], doc="Agencies with pairs and groups.")

    def export_groups(self):
        """The duty groups as far as this comparison (or its block of rows)
        aligned, as a text for compare(..., parts=[...])."""
        if not self._handle:
            raise ValueError("the comparison is closed")
        return _ffi.call_string(_ffi.plan_compare_export_groups, self._handle)

    @property
    def agency_count(self):
        """How many agencies the plans give duties to."""
        if not self._handle:
            raise ValueError("the comparison is closed")
        return _ffi.plan_compare_agency_count(self._handle)

    def coverage(self):
        """{agency id: [duty count per document]} (0: absent)."""
        return {a["id"]: a["duties"] for a in self.agencies}

    def groups(self, agency: Optional[str] = None) -> List[DutyGroup]:
        """The N-way duty groups (one duty across the documents), of one
        agency or of all, read through the C API."""
        if not self._handle:
            raise ValueError("the comparison is closed")
        h = self._handle
        ndocs = _ffi.plan_compare_document_count(h)
        out = []
        for a in range(_ffi.plan_compare_agency_count(h)):
            aid = _ffi.plan_compare_agency_id(h, a).decode()
            if agency and aid != agency:
                continue
            for k in range(_ffi.plan_compare_group_count(h, a)):
                status, duties = [], []
                for d in range(ndocs):
                    status.append(_ffi.plan_group_status_name(_ffi.plan_compare_group_status(h, a, k, d)).decode())
                    duty = _ffi.plan_compare_group_duty(h, a, k, d)
                    duties.append(_ffi.plan_duty_text(duty).decode() if duty else None)
                rep = _ffi.plan_compare_group_representative(h, a, k)
                out.append(DutyGroup(agency=aid, index=k + 1, representative=duties[rep] or "",
                                     status=status, duties=duties))
        return out

    def to_records(self, agency: Optional[str] = None) -> List[Dict[str, Any]]:
        """Tidy rows, one per agency, duty group and document (the CSV's
        columns): what pandas.DataFrame and R's data frames take as they are."""
        rows = list(csv.DictReader(io.StringIO(self.to_csv(agency))))
        for r in rows:
            r["group"] = int(r["group"])
            r["group_size"] = int(r["group_size"])
            for k in ("province", "number", "date", "item", "duty"):
                if r[k] == "":
                    r[k] = None
        return rows

    def to_pandas(self, agency: Optional[str] = None):
        """to_records() as a pandas.DataFrame (pandas must be installed)."""
        try:
            import pandas
        except ImportError as e:
            raise ImportError("Comparison.to_pandas() needs pandas: pip install pandas, "
                              "or use to_records()") from e
        return pandas.DataFrame(self.to_records(agency))

    _free = staticmethod(_ffi.plan_compare_free)


def compare(docs, exclude_collective=False, portfolio=True, reworded_min=None, partial_min=None,
            merge_min=None, lexicon=None, summary=None, rows=None, parts=None):
    """Compares two or more plans: Documents, paths (os.PathLike) or texts
    (str, bytes).  The comparison keeps the documents alive.  summary: keep
    no pairs (memory and reports grow with the duties, not the pairs; the
    reports are the summary); None, the default, as plan compare does: the
    summary beyond DETAIL_MAX plans.

    One comparison split across processes: rows=(first, end) aligns only
    the pairs whose first document (in canonical order) is in that range,
    and export_groups() gives the block's part; parts=[...] (every block's
    part, of the same documents) builds the whole comparison from them
    without aligning a pair."""
    docs = [d if isinstance(d, Document) else parse(d, lexicon=lexicon) for d in docs]
    for d in docs:
        d._need()
    if summary is None:
        summary = len(docs) > DETAIL_MAX
    o = _ffi.CompareOptions()
    _ffi.plan_compare_options_init_sized(ctypes.byref(o), ctypes.sizeof(o))
    o.flags = (_COMPARE_EXCLUDE_COLLECTIVE if exclude_collective else 0) | \
              (0 if portfolio else _COMPARE_NO_PORTFOLIO) | (_COMPARE_NO_PAIRS if summary else 0)
    for name, value in (("reworded_min", reworded_min), ("partial_min", partial_min),
                        ("merge_min", merge_min)):
        if value is not None:
            setattr(o, name, value)
    if rows is not None:
        o.rows_from, o.rows_to = rows[0], (rows[1] if rows[1] is not None else 2**64 - 1)
    if parts is not None:
        raw = [p.encode("utf-8") if isinstance(p, str) else bytes(p) for p in parts]
        parts_arr = (ctypes.c_char_p * max(len(raw), 1))(*raw)  # alive through the call
        o.parts, o.nparts = ctypes.cast(parts_arr, ctypes.POINTER(ctypes.c_char_p)), len(raw)
    arr = (ctypes.c_void_p * len(docs))(*[d._handle for d in docs])
    handle, err = ctypes.c_void_p(), _ffi.ErrorStruct()
    status = _ffi.plan_compare_new(arr, len(docs), ctypes.byref(o), ctypes.byref(handle), ctypes.byref(err))
    if status:
        _ffi.raise_error(status, err)
    return Comparison(handle, docs)


def group(plans):
    """Groups plans by the national documents they implement (as plan corpus
    does).  plans: Documents, or lists of the numbers each implements (what
    Document.implements or a parsed JSON line's "implements" holds), so the
    grouping can run apart from the parsing.  Returns a list of dicts
    {"key", "cites", "members"} with members the indices into plans, groups
    in order of their first member; a plan that implements nothing found is
    in no group."""
    lists = [p.implements if isinstance(p, Document) else list(p) for p in plans]
    handle, err = ctypes.c_void_p(), _ffi.ErrorStruct()
    status = _ffi.plan_groups_new(ctypes.byref(handle), ctypes.byref(err))
    if status:
        _ffi.raise_error(status, err)
    try:
        for numbers in lists:
            raw = [n.encode("utf-8") for n in numbers]
            arr = (ctypes.c_char_p * max(len(raw), 1))(*raw)
            status = _ffi.plan_groups_add(handle, arr, len(raw), None, ctypes.byref(err))
            if status:
                _ffi.raise_error(status, err)
        status = _ffi.plan_groups_finish(handle, ctypes.byref(err))
        if status:
            _ffi.raise_error(status, err)
        return [{"key": _ffi.plan_groups_key(handle, g).decode("utf-8"),
                 "cites": _ffi.plan_groups_cites(handle, g).decode("utf-8").split(", "),
                 "members": [_ffi.plan_groups_member(handle, g, k)
                             for k in range(_ffi.plan_groups_size(handle, g))]}
                for g in range(_ffi.plan_groups_count(handle))]
    finally:
        _ffi.plan_groups_free(handle)


def agencies():
    """The embedded agency lexicon."""
    return _lexicon(None).agencies()


def resolve(name):
    """The id of the agency a name begins with ("Sở LĐ-TB&XH" -> "dolisa")."""
    return _lexicon(None).resolve(name)
