"""ctypes declarations of libplan's C API (plan.h): one place for every
argtypes and restype, and the loader that finds the shared library."""
import ctypes
import ctypes.util
import os

_HERE = os.path.dirname(os.path.abspath(__file__))


class Error(Exception):
    """A libplan call failed: code ("PLAN_EUTF8"), message and position
    (byte offset, 1-based line and column in the input; 0 when unknown)."""

    def __init__(self, code, message, offset=0, line=0, column=0):
        super().__init__(f"{message} [{code}]" + (f" at line {line}, column {column}" if line else ""))
        self.code = code
        self.message = message
        self.offset = offset
        self.line = line
        self.column = column


def _candidates():
    env = os.environ.get("LIBPLAN_LIBRARY")
    if env:
        yield env
    # a wheel built from the source tree carries the library beside this file
    yield os.path.join(_HERE, "libplan.so.1")
    # the build tree: bindings/python/libplan -> build/
    yield os.path.normpath(os.path.join(_HERE, "..", "..", "..", "build", "libplan.so"))
    # an installed prefix next to this package: PREFIX/lib/pythonX/.../libplan -> PREFIX/lib
    parts = _HERE.split(os.sep)
    if "lib" in parts:
        prefix = os.sep.join(parts[: len(parts) - parts[::-1].index("lib")])
        yield os.path.join(prefix, "libplan.so.1")
    found = ctypes.util.find_library("plan")
    if found:
        yield found
    yield "libplan.so.1"


def _load():
    tried = []
    for path in _candidates():
        try:
            return ctypes.CDLL(path), path
        except OSError as exc:
            tried.append(f"{path} ({exc})")
    raise ImportError("libplan: cannot load the shared library; looked at:\n  " + "\n  ".join(tried) +
                      "\nBuild it with `make`, install it with `make install`, or set LIBPLAN_LIBRARY.")


lib, path = _load()

size_t = ctypes.c_size_t
c_char_p = ctypes.c_char_p
c_void_p = ctypes.c_void_p
c_int = ctypes.c_int


class Options(ctypes.Structure):
    _fields_ = [("size", size_t), ("flags", ctypes.c_uint), ("tone_style", c_int),
                ("max_input_bytes", size_t), ("lexicon", c_void_p), ("max_line_bytes", size_t),
                ("max_depth", size_t), ("input", c_int),
                ("encoding", c_int), ("max_elements", size_t)]


class ErrorStruct(ctypes.Structure):
    _fields_ = [("status", c_int), ("offset", size_t), ("line", size_t), ("column", size_t),
                ("message", ctypes.c_char * 160), ("reserved", c_void_p * 4)]


class CompareOptions(ctypes.Structure):
    _fields_ = [("size", size_t), ("flags", ctypes.c_uint), ("reworded_min", ctypes.c_double),
                ("partial_min", ctypes.c_double), ("merge_min", ctypes.c_double),
                ("bigram_weight", ctypes.c_double), ("boilerplate_max", ctypes.c_double),
                ("max_documents", size_t), ("on_pair", c_void_p), ("user", c_void_p),
                ("rows_from", size_t), ("rows_to", size_t),
                ("parts", ctypes.POINTER(ctypes.c_char_p)), ("nparts", size_t)]


def _fn(name, restype, *argtypes):
    f = getattr(lib, name)
    f.restype = restype
    f.argtypes = list(argtypes)
    return f


ErrP = ctypes.POINTER(ErrorStruct)
SizeP = ctypes.POINTER(size_t)

plan_version_string = _fn("plan_version_string", c_char_p)
plan_strerror = _fn("plan_strerror", c_char_p, c_int)
plan_status_name = _fn("plan_status_name", c_char_p, c_int)
plan_free = _fn("plan_free", None, c_void_p)
plan_options_init_sized = _fn("plan_options_init_sized", c_int, ctypes.POINTER(Options), size_t)
StrP = ctypes.POINTER(c_void_p)  # char **: an out string, released with plan_free
plan_normalize_string = _fn("plan_normalize_string", c_int, c_char_p, size_t,
                            ctypes.POINTER(Options), StrP, SizeP, ErrP)
plan_key = _fn("plan_key", c_int, c_char_p, size_t, ctypes.POINTER(Options), StrP, SizeP, ErrP)
plan_lexicon_new = _fn("plan_lexicon_new", c_int, ctypes.POINTER(c_void_p), ErrP)
plan_lexicon_free = _fn("plan_lexicon_free", None, c_void_p)
plan_lexicon_load_file = _fn("plan_lexicon_load_file", c_int, c_void_p, c_char_p, ErrP)
plan_lexicon_agency_count = _fn("plan_lexicon_agency_count", size_t, c_void_p)
plan_lexicon_agency = _fn("plan_lexicon_agency", c_int, c_void_p, size_t,
                          *(ctypes.POINTER(c_char_p),) * 5, ErrP)
plan_lexicon_resolve = _fn("plan_lexicon_resolve", c_char_p, c_void_p, c_char_p, size_t)
plan_lexicon_add_abbreviation = _fn("plan_lexicon_add_abbreviation", c_int, c_void_p, c_char_p,
                                    c_char_p, ErrP)
plan_lexicon_add_agency = _fn("plan_lexicon_add_agency", c_int, c_void_p, *(c_char_p,) * 6, ErrP)
plan_lexicon_add_duty_verb = _fn("plan_lexicon_add_duty_verb", c_int, c_void_p, c_char_p, c_char_p,
                                 ErrP)
plan_lexicon_add_agency_head = _fn("plan_lexicon_add_agency_head", c_int, c_void_p, c_char_p,
                                   c_char_p, ErrP)
plan_doc_parse_named = _fn("plan_doc_parse_named", c_int, c_char_p, size_t, c_char_p,
                           ctypes.POINTER(Options), ctypes.POINTER(c_void_p), ErrP)
plan_doc_parse = _fn("plan_doc_parse", c_int, c_char_p, size_t, ctypes.POINTER(Options),
                     ctypes.POINTER(c_void_p), ErrP)
plan_doc_parse_file = _fn("plan_doc_parse_file", c_int, c_char_p, ctypes.POINTER(Options),
                          ctypes.POINTER(c_void_p), ErrP)
plan_doc_free = _fn("plan_doc_free", None, c_void_p)
plan_render_json = _fn("plan_render_json", c_int, c_void_p, StrP, SizeP, ErrP)
plan_render_xml = _fn("plan_render_xml", c_int, c_void_p, StrP, SizeP, ErrP)
plan_render_text = _fn("plan_render_text", c_int, c_void_p, StrP, SizeP, ErrP)
plan_compare_options_init_sized = _fn("plan_compare_options_init_sized", c_int,
                                      ctypes.POINTER(CompareOptions), size_t)
plan_compare_new = _fn("plan_compare_new", c_int, ctypes.POINTER(c_void_p), size_t,
                       ctypes.POINTER(CompareOptions), ctypes.POINTER(c_void_p), ErrP)
plan_compare_free = _fn("plan_compare_free", None, c_void_p)
plan_compare_export_groups = _fn("plan_compare_export_groups", c_int, c_void_p, StrP, SizeP, ErrP)
plan_render_compare_json = _fn("plan_render_compare_json", c_int, c_void_p, c_char_p, StrP, SizeP,
                               ErrP)
plan_render_compare_csv = _fn("plan_render_compare_csv", c_int, c_void_p, c_char_p, StrP, SizeP,
                              ErrP)
plan_render_compare_html = _fn("plan_render_compare_html", c_int, c_void_p, c_char_p, StrP, SizeP,
                               ErrP)
plan_render_compare_text = _fn("plan_render_compare_text", c_int, c_void_p, c_char_p,
                               ctypes.c_uint, StrP, SizeP, ErrP)

plan_groups_new = _fn("plan_groups_new", c_int, ctypes.POINTER(c_void_p), ErrP)
plan_groups_free = _fn("plan_groups_free", None, c_void_p)
plan_groups_add = _fn("plan_groups_add", c_int, c_void_p, ctypes.POINTER(c_char_p), size_t, SizeP,
                      ErrP)
plan_groups_finish = _fn("plan_groups_finish", c_int, c_void_p, ErrP)
plan_groups_count = _fn("plan_groups_count", size_t, c_void_p)
plan_groups_key = _fn("plan_groups_key", c_char_p, c_void_p, size_t)
plan_groups_cites = _fn("plan_groups_cites", c_char_p, c_void_p, size_t)
plan_groups_size = _fn("plan_groups_size", size_t, c_void_p, size_t)
plan_groups_member = _fn("plan_groups_member", size_t, c_void_p, size_t, size_t)


def take_string(ptr, length):
    """Copies a string libplan allocated and releases it with plan_free."""
    if not ptr:
        raise MemoryError("libplan: out of memory")
    try:
        return ctypes.string_at(ptr, length).decode("utf-8")
    finally:
        plan_free(ptr)


def call_string(fn, *args):
    """Calls a libplan function that hands out a string (char **out,
    size_t *len, plan_error *err last) and returns the string, or raises
    the error it reported."""
    out, n, err = c_void_p(), size_t(), ErrorStruct()
    status = fn(*args, ctypes.byref(out), ctypes.byref(n), ctypes.byref(err))
    if status:
        raise_error(status, err)
    return take_string(out.value, n.value)


def raise_error(status, err):
    code = plan_status_name(status).decode()
    message = err.message.decode("utf-8", "replace") or plan_strerror(status).decode()
    raise Error(code, message, err.offset, err.line, err.column)

# the comparison's agencies and N-way duty groups
plan_compare_document_count = _fn("plan_compare_document_count", size_t, c_void_p)
plan_compare_agency_count = _fn("plan_compare_agency_count", size_t, c_void_p)
plan_compare_agency_id = _fn("plan_compare_agency_id", c_char_p, c_void_p, size_t)
plan_compare_group_count = _fn("plan_compare_group_count", size_t, c_void_p, size_t)
plan_compare_group_status = _fn("plan_compare_group_status", c_int, c_void_p, size_t, size_t, size_t)
plan_compare_group_duty = _fn("plan_compare_group_duty", c_void_p, c_void_p, size_t, size_t, size_t)
plan_compare_group_representative = _fn("plan_compare_group_representative", size_t, c_void_p,
                                        size_t, size_t)
plan_group_status_name = _fn("plan_group_status_name", c_char_p, c_int)
plan_duty_text = _fn("plan_duty_text", c_char_p, c_void_p)
