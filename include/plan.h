/*
 * plan.h - libplan, the public interface.
 *
 * libplan reads Vietnamese provincial plans (Kế hoạch, Quyết định, Công văn),
 * normalizes their text, segments them and compares provinces.  This header
 * is the manual: every declaration says what it does, who owns what and
 * which statuses it returns.
 *
 * Conventions
 *  - Every name starts with plan_ / PLAN_.  Types are opaque.
 *  - Every function that can fail returns a plan_status, hands its result
 *    through an out pointer, and takes a plan_error * last: when the caller
 *    passes one (it may be NULL), a failure fills it with the status, a
 *    message that says what was wrong, and the position (byte offset,
 *    line, column) where there is one.  Only the two option initialisers,
 *    which can fail only on NULL or a bad size, take no plan_error.
 *    Accessors that cannot fail return their value (NULL or 0 for a NULL
 *    object or an index out of range).
 *  - Text is UTF-8, passed as pointer plus length; it need not be
 *    NUL-terminated.  Text handed out by libplan is NUL-terminated too.
 *  - Memory the caller must release comes from a function whose comment
 *    says so, and is released with plan_free() or the object's _free().
 *    Every _free() accepts NULL.
 *  - The library never prints, exits or aborts.  It has no mutable global
 *    state: different objects may be used from different threads at once;
 *    one object must not be changed from two threads at once.  Const
 *    objects (a plan_lexicon after it is built) may be shared by threads.
 */
#ifndef PLAN_H
#define PLAN_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(_WIN32)
#define PLAN_API
#elif defined(PLAN_BUILDING)
#define PLAN_API __attribute__((visibility("default")))
#else
#define PLAN_API
#endif

/* ------------------------------------------------------------------ */
/* Version                                                            */
/* ------------------------------------------------------------------ */

/** The API version of this header.  The ABI (soname) version is kept
 *  apart, in the Makefile. */
#define PLAN_VERSION_MAJOR 0
#define PLAN_VERSION_MINOR 2
#define PLAN_VERSION_PATCH 0
#define PLAN_VERSION_STRING "0.2.0"
/** The version as one number: major * 10000 + minor * 100 + patch. */
#define PLAN_VERSION \
  (PLAN_VERSION_MAJOR * 10000 + PLAN_VERSION_MINOR * 100 + PLAN_VERSION_PATCH)

/** The version of the library linked at run time, as PLAN_VERSION. */
PLAN_API int plan_version(void);
/** The version of the library linked at run time, as "X.Y.Z" (static). */
PLAN_API const char *plan_version_string(void);

/* ------------------------------------------------------------------ */
/* Errors                                                             */
/* ------------------------------------------------------------------ */

/** Status codes.  New codes are only ever added at the end.  Each one's
 *  comment is its plan_strerror() message (tools/gen_statuses.sh). */
typedef enum plan_status {
  PLAN_OK = 0,        /**< success */
  PLAN_EINVAL = -1,   /**< invalid argument */
  PLAN_ENOMEM = -2,   /**< out of memory */
  PLAN_EUTF8 = -3,    /**< invalid UTF-8 */
  PLAN_ENUL = -4,     /**< NUL byte in input */
  PLAN_ELIMIT = -5,   /**< limit exceeded */
  PLAN_EFORMAT = -6,  /**< malformed input */
  PLAN_EIO = -7,      /**< input/output error */
  PLAN_EEMPTY = -8,   /**< empty input */
  PLAN_EENCODING = -9, /**< uncertain legacy encoding */
  PLAN_ECANCELED = -10 /**< stopped by the caller */
} plan_status;

/** A short English description of a status ("invalid UTF-8"): the
 *  comment of its code above.  Static; never NULL (unknown codes give
 *  "unknown status"). */
PLAN_API const char *plan_strerror(plan_status status);
/** The symbolic name of a status ("PLAN_EUTF8").  Static; never NULL. */
PLAN_API const char *plan_status_name(plan_status status);

/** Where and why a call failed.  Filled by calls that take a plan_error *
 *  when they return a status other than PLAN_OK.  Positions refer to the
 *  input the caller gave; line and column count from 1 (column in bytes);
 *  they are 0 when the error has no position. */
typedef struct plan_error {
  plan_status status;
  size_t offset;     /**< byte offset into the input */
  size_t line;       /**< 1-based line, or 0 */
  size_t column;     /**< 1-based byte column, or 0 */
  char message[160]; /**< NUL-terminated English message */
  void *reserved[4]; /**< room for later fields; zero */
} plan_error;

/** Releases memory that libplan handed to the caller (strings from
 *  plan_normalize_string(), plan_key(), the renderers; diff steps).  NULL
 *  is ignored. */
PLAN_API void plan_free(void *ptr);

/* ------------------------------------------------------------------ */
/* Lexicon: abbreviations and agencies                                */
/* ------------------------------------------------------------------ */

/** A table of domain knowledge.  It starts with the defaults compiled into
 *  the library and can be extended at run time.  Once built, a lexicon is
 *  only read by the calls that take it, so one lexicon can serve many
 *  threads.  Adding entries while another thread uses it is not allowed. */
typedef struct plan_lexicon plan_lexicon;

/** Creates a lexicon holding the embedded defaults.  Returns PLAN_OK and
 *  sets *out, PLAN_EINVAL (out is NULL) or PLAN_ENOMEM.  Free with
 *  plan_lexicon_free(). */
PLAN_API plan_status plan_lexicon_new(plan_lexicon **out, plan_error *err);
/** Frees a lexicon.  NULL is ignored. */
PLAN_API void plan_lexicon_free(plan_lexicon *lex);

/** Adds (or replaces) an abbreviation, e.g. "UBND" -> "Ủy ban nhân dân".
 *  Both strings are NUL-terminated UTF-8 and are copied.  Abbreviations
 *  match case-sensitively, as whole tokens, never inside a document number
 *  such as "145/QĐ-UBND".  Returns PLAN_OK, PLAN_EINVAL (empty, invalid
 *  UTF-8, or a space or a slash in the abbreviation) or PLAN_ENOMEM. */
PLAN_API plan_status plan_lexicon_add_abbreviation(plan_lexicon *lex,
                                                   const char *abbreviation,
                                                   const char *expansion, plan_error *err);

/** Extends a lexicon from a UTF-8 text file.  Each non-blank line that does
 *  not start with '#' is TAB-separated: "abbrev<TAB>ABBR<TAB>Expansion",
 *  an agency, a duty verb or a body's head word (plan_lexicon_add_agency(),
 *  plan_lexicon_add_duty_verb(), plan_lexicon_add_agency_head()).
 *  Returns PLAN_OK, PLAN_EIO, PLAN_EFORMAT (with the line in *err),
 *  PLAN_EUTF8 or PLAN_ENOMEM.  Entries before a bad line are kept. */
PLAN_API plan_status plan_lexicon_load_file(plan_lexicon *lex, const char *path,
                                            plan_error *err);

/** The number of abbreviations in the lexicon. */
PLAN_API size_t plan_lexicon_abbreviation_count(const plan_lexicon *lex);
/** The i-th abbreviation (sorted by abbreviation bytes) and its expansion.
 *  The strings belong to the lexicon.  Returns PLAN_EINVAL if i is out of
 *  range. */
PLAN_API plan_status plan_lexicon_abbreviation(const plan_lexicon *lex, size_t i,
                                               const char **abbreviation,
                                               const char **expansion, plan_error *err);
/** Looks up the expansion of one abbreviation; NULL when unknown. */
PLAN_API const char *plan_lexicon_expand(const plan_lexicon *lex,
                                         const char *abbreviation);


/* ---- agencies ------------------------------------------------------ */

/** The number of agencies in the lexicon (the embedded ones first). */
PLAN_API size_t plan_lexicon_agency_count(const plan_lexicon *lex);
/** The i-th agency: canonical id ("dolisa"), display name, level
 *  ("province", "district", "commune"), kind ("department", "police",
 *  "procuracy", "court", "military", "mass-organisation", "media",
 *  "collective", "local-government", "council", "party", "office",
 *  "agency", "company") and portfolios (comma-separated: "culture,sports,tourism").
 *  Strings belong to the lexicon; any out pointer may be NULL.  Returns
 *  PLAN_EINVAL when i is out of range. */
PLAN_API plan_status plan_lexicon_agency(const plan_lexicon *lex, size_t i, const char **id,
                                         const char **name, const char **level,
                                         const char **kind, const char **portfolios,
                                         plan_error *err);
/** Adds an agency, or more aliases to the agency with that id.  aliases is
 *  a '|'-separated list of names as printed (abbreviations allowed; "%p"
 *  stands for the document's province); the name is an alias too.  NULL or
 *  "" level, kind, portfolios take "province", "agency", "".  Returns
 *  PLAN_OK, PLAN_EINVAL (no id or name, or a space in the id) or
 *  PLAN_ENOMEM.  A lexicon file adds agencies with lines
 *  "agency<TAB>id<TAB>name<TAB>level<TAB>kind<TAB>portfolios<TAB>aliases". */
PLAN_API plan_status plan_lexicon_add_agency(plan_lexicon *lex, const char *id, const char *name,
                                             const char *level, const char *kind,
                                             const char *portfolios, const char *aliases,
                                             plan_error *err);
/** Adds a duty verb: a phrase a duty starts with, where the agency part of
 *  a heading or a bullet ends ("Sở Y tế khảo sát ..." names "Sở Y tế" once
 *  "khảo sát" is one).  Matched as whole words, whatever the tones and
 *  case.  noun_after lists, '|'-separated, the words after which the
 *  phrase is a noun rather than a verb ("vực|ngành" for "xây dựng"; ","
 *  for a comma); NULL, "" or "-" for none.  The embedded verbs are in
 *  data/duty_verbs.tsv.  Returns PLAN_OK, PLAN_EINVAL (no lexicon, or a
 *  phrase with no word) or PLAN_ENOMEM.  A lexicon file adds verbs with
 *  lines "duty_verb<TAB>phrase[<TAB>noun_after]". */
PLAN_API plan_status plan_lexicon_add_duty_verb(plan_lexicon *lex, const char *phrase,
                                                const char *noun_after, plan_error *err);
/** Adds a body's head word: a word a heading that names a body the
 *  agency lexicon does not know opens with ("Sở", "Trung tâm", "Hạt"),
 *  matched whatever the tones and case.  next lists, '|'-separated, the
 *  words one of which must follow it for it to name a body ("cục|nhánh"
 *  for "Chi": "Chi cục", not "Chi ngân sách"; "*" accepts a head word,
 *  as in "Các Sở"); NULL, "" or "-" when the word names a body alone.  A
 *  word added again takes the new next.  The embedded ones are in
 *  data/agency_heads.tsv.  Returns PLAN_OK, PLAN_EINVAL (no lexicon, not
 *  one word) or PLAN_ENOMEM.  A lexicon file adds them with lines
 *  "agency_head<TAB>word[<TAB>next]". */
PLAN_API plan_status plan_lexicon_add_agency_head(plan_lexicon *lex, const char *word,
                                                  const char *next, plan_error *err);
/** The id of the agency a name begins with ("Sở LĐ-TB&XH" gives "dolisa";
 *  a leading "Đề nghị" is skipped), or NULL when none matches.  Static for
 *  the lexicon's life. */
PLAN_API const char *plan_lexicon_resolve(const plan_lexicon *lex, const char *name, size_t len);

/* ------------------------------------------------------------------ */
/* Options                                                            */
/* ------------------------------------------------------------------ */

/** Where the tone mark goes in the open clusters oa, oe and uy. */
typedef enum plan_tone_style {
  PLAN_TONE_TRADITIONAL = 0, /**< hòa, khỏe, thủy, Ủy (the default) */
  PLAN_TONE_MODERN = 1,      /**< hoà, khoẻ, thuỷ, Uỷ */
  PLAN_TONE_KEEP = 2         /**< where the source has it (still repaired) */
} plan_tone_style;

/** Switches for plan_options.flags. */
#define PLAN_OPT_DEFAULT 0u
/** Replace invalid UTF-8 with U+FFFD (counted) instead of failing. */
#define PLAN_OPT_REPLACE_INVALID (1u << 0)
/** Expand agency abbreviations (UBND, LĐTBXH, ...) from the lexicon. */
#define PLAN_OPT_EXPAND_ABBREVIATIONS (1u << 1)
/** Keep markdown and table leftovers in the text; no hints are recorded. */
#define PLAN_OPT_KEEP_MARKUP (1u << 2)
/** plan_doc_parse: skip the assignment stage (agencies and duties). */
#define PLAN_OPT_NO_ASSIGNMENTS (1u << 3)

/** What kind of document the input is.  PLAN_INPUT_AUTO tells by content:
 *  a ZIP with word/document.xml is DOCX, markup such as <html>, <body>,
 *  <p>, <div> or <table> near the start is HTML, '#' headings or '**' bold
 *  make markdown, the rest is text.  Text and markdown take the same path
 *  (the normalizer removes markdown and keeps it as hints). */
typedef enum plan_input {
  PLAN_INPUT_AUTO = 0,
  PLAN_INPUT_TEXT,     /**< plain text, hard-wrapped or not */
  PLAN_INPUT_MARKDOWN, /**< text with markdown headings, bold, tables */
  PLAN_INPUT_HTML,     /**< an HTML page (libxml2's HTML parser) */
  PLAN_INPUT_DOCX      /**< a Word document (word/document.xml) */
} plan_input;

/** The character encoding of the input.  PLAN_ENCODING_AUTO takes valid
 *  UTF-8 as UTF-8 (or as VIQR when pure ASCII reads as VIQR text), and
 *  otherwise tries TCVN3, VNI-Windows and Windows-1258, keeping the one
 *  whose decoding gives valid Vietnamese syllables; when two are close it
 *  fails with PLAN_EENCODING and names them.  Legacy text is converted to
 *  UTF-8 before normalization (NFC).  DOCX is always UTF-8. */
typedef enum plan_encoding {
  PLAN_ENCODING_AUTO = 0,
  PLAN_ENCODING_UTF8,
  PLAN_ENCODING_TCVN3,  /**< TCVN3 (ABC), TCVN 5712:1993 */
  PLAN_ENCODING_VNI,    /**< VNI-Windows */
  PLAN_ENCODING_VIQR,   /**< VIQR (RFC 1456), 7-bit */
  PLAN_ENCODING_CP1258  /**< Windows-1258 */
} plan_encoding;

/** Names: "auto", "text", "markdown", "html", "docx" and "auto", "utf-8",
 *  "tcvn3", "vni", "viqr", "windows-1258" (static; NULL when unknown). */
PLAN_API const char *plan_input_name(plan_input input);
PLAN_API const char *plan_encoding_name(plan_encoding encoding);
/** The value a name gives, into *out (case-insensitive; "cp1258", "utf8",
 *  "abc" and "vni-windows" are accepted too).  PLAN_EINVAL when the name
 *  is unknown (the message lists the names there are) or NULL. */
PLAN_API plan_status plan_input_from_name(const char *name, plan_input *out, plan_error *err);
PLAN_API plan_status plan_encoding_from_name(const char *name, plan_encoding *out,
                                             plan_error *err);

/** Default for plan_options.max_input_bytes: 1 GiB. */
#define PLAN_DEFAULT_MAX_INPUT ((size_t)1 << 30)
/** Default for plan_options.max_line_bytes: 256 MiB. */
#define PLAN_DEFAULT_MAX_LINE ((size_t)1 << 28)
/** Default for plan_options.max_depth: 64 levels of open items. */
#define PLAN_DEFAULT_MAX_DEPTH 64
/** Default for plan_options.max_elements: 2^20 elements. */
#define PLAN_DEFAULT_MAX_ELEMENTS ((size_t)1 << 20)
/** The most attributes one HTML or XML tag may carry (real pages carry a
 *  few; libxml2 checks each against the others). */
#define PLAN_MAX_ATTRIBUTES 256

/** Options shared by every call that takes them.  Always start with
 *  plan_options_init(); fields may be added at the end in later versions,
 *  which the size field tells apart.  A call given options whose size is 0
 *  (a zeroed struct, never initialised) or no version's size fails with
 *  PLAN_EINVAL. */
typedef struct plan_options {
  size_t size;                  /**< sizeof(plan_options), set by init */
  unsigned flags;               /**< PLAN_OPT_* bits */
  plan_tone_style tone_style;   /**< default PLAN_TONE_TRADITIONAL */
  size_t max_input_bytes;       /**< default PLAN_DEFAULT_MAX_INPUT */
  const plan_lexicon *lexicon;  /**< borrowed; NULL: the embedded defaults */
  size_t max_line_bytes;        /**< longest physical line; PLAN_ELIMIT past it
                                     (default PLAN_DEFAULT_MAX_LINE) */
  size_t max_depth;             /**< deepest outline nesting kept; deeper items
                                     become siblings (default PLAN_DEFAULT_MAX_DEPTH,
                                     at most 1024) */
  plan_input input;             /**< default PLAN_INPUT_AUTO */
  plan_encoding encoding;       /**< default PLAN_ENCODING_AUTO */
  size_t max_elements;          /**< most elements (tags) an HTML page or a
                                     DOCX part may hold, counted before it is
                                     parsed; PLAN_ELIMIT past it (default
                                     PLAN_DEFAULT_MAX_ELEMENTS) */
} plan_options;

/** Fills the first size bytes of *opts with the defaults and sets
 *  opts->size to size.  Call it as plan_options_init(&o), which passes the
 *  sizeof(plan_options) of the header the caller was built with: a program
 *  built against an older, smaller struct never has a byte written past
 *  it, and the library reads only the fields that program knows (the rest
 *  take their defaults).  PLAN_EINVAL when opts is NULL or size is no
 *  version's size (0, smaller than the size and flags fields, larger than
 *  this library's struct, or ending inside a field). */
PLAN_API plan_status plan_options_init_sized(plan_options *opts, size_t size);
/** plan_options_init_sized() with the caller's sizeof(plan_options). */
#define plan_options_init(opts) plan_options_init_sized((opts), sizeof(plan_options))

/* ------------------------------------------------------------------ */
/* Normalization                                                      */
/* ------------------------------------------------------------------ */

/** Normalized text with its map back to the input.  Owns everything it
 *  hands out; free with plan_text_free(). */
typedef struct plan_text plan_text;

/** Normalizes Vietnamese administrative text:
 *   - reads the input as opts->input and opts->encoding say (by default
 *     told from the content): HTML and DOCX become text (blocks as lines,
 *     headings, bold and table cells as hints), a legacy encoding is
 *     converted to UTF-8 (PLAN_EFORMAT for a byte it does not define,
 *     unless PLAN_OPT_REPLACE_INVALID; PLAN_EENCODING when two legacy
 *     encodings fit equally well);
 *   - validates UTF-8 (error with the offset of the first bad sequence, or
 *     U+FFFD replacement with PLAN_OPT_REPLACE_INVALID); a NUL byte is an
 *     error;
 *   - Unicode NFC, tone marks placed by opts->tone_style, a tone mark typed
 *     before a circumflex or breve repaired;
 *   - CRLF and CR to LF, Unicode spaces and tabs to a space, runs of spaces
 *     collapsed, leading and trailing spaces dropped, zero-width characters
 *     and BOMs removed, runs of blank lines collapsed to one, one final LF;
 *   - en and em dashes and the minus sign that separate words to '-';
 *   - markdown heading hashes, ** and * emphasis, lone table-cell '|' lines
 *     and horizontal rules removed, each recorded as a hint;
 *   - abbreviations expanded with PLAN_OPT_EXPAND_ABBREVIATIONS.
 *  Normalizing the output again as UTF-8 text (PLAN_INPUT_TEXT,
 *  PLAN_ENCODING_UTF8) gives the same bytes.
 *  opts may be NULL (defaults).  On PLAN_OK *out holds the result; on
 *  failure *out is NULL and *err (if given) says where.  Statuses: PLAN_OK,
 *  PLAN_EINVAL, PLAN_EUTF8, PLAN_ENUL, PLAN_ELIMIT, PLAN_ENOMEM, PLAN_EFORMAT,
 *  PLAN_EENCODING.
 *  Empty input gives an empty text, not an error. */
PLAN_API plan_status plan_normalize(const char *input, size_t len,
                                    const plan_options *opts, plan_text **out,
                                    plan_error *err);

/** Frees a normalized text.  NULL is ignored. */
PLAN_API void plan_text_free(plan_text *text);

/** The kind of input the text was read from and the encoding it was in
 *  (detected, or as opts said).  Never AUTO. */
PLAN_API plan_input plan_text_input(const plan_text *text);
PLAN_API plan_encoding plan_text_encoding(const plan_text *text);

/** The normalized bytes (NUL-terminated, owned by text) and their length. */
PLAN_API const char *plan_text_data(const plan_text *text, size_t *len);

/** How many invalid UTF-8 sequences and control characters (C0 but the
 *  tab, DEL, C1, U+FFFE, U+FFFF) were replaced with U+FFFD. */
PLAN_API size_t plan_text_replacements(const plan_text *text);

/** Maps a byte offset of the normalized text back to the input: the byte
 *  offset it came from and its 1-based line and byte column there (for an
 *  HTML page or legacy bytes, in those bytes; for DOCX, whose ZIP has no
 *  useful offsets, in the text extracted from it, a line per paragraph).  Any of
 *  the out pointers may be NULL.  An offset at or past the end maps to the
 *  end of the input.  Returns PLAN_OK or PLAN_EINVAL (text is NULL). */
PLAN_API plan_status plan_text_source(const plan_text *text, size_t offset,
                                      size_t *input_offset, size_t *line,
                                      size_t *column, plan_error *err);

/** Kinds of hints the normalizer keeps from the markup it removed. */
typedef enum plan_hint_kind {
  PLAN_HINT_HEADING = 1,    /**< the line was a markdown heading; level 1-6 */
  PLAN_HINT_BOLD = 2,       /**< the span was **bold** */
  PLAN_HINT_ITALIC = 3,     /**< the span was *italic* */
  PLAN_HINT_TABLE_CELL = 4, /**< a lone '|' line (table cell break) stood here */
  PLAN_HINT_RULE = 5        /**< a horizontal rule stood here */
} plan_hint_kind;

/** One hint: a span [start, end) of the normalized text (start == end for
 *  a break), and the heading level for PLAN_HINT_HEADING (0 otherwise). */
typedef struct plan_hint {
  plan_hint_kind kind;
  size_t start;
  size_t end;
  int level;
} plan_hint;

/** The number of hints, in order of their start offsets. */
PLAN_API size_t plan_text_hint_count(const plan_text *text);
/** The i-th hint, or NULL when i is out of range.  Owned by text. */
PLAN_API const plan_hint *plan_text_hint(const plan_text *text, size_t i);

/** One-call convenience: normalizes input with opts (NULL: defaults) into
 *  a newly allocated NUL-terminated string *out, its length in *out_len
 *  (may be NULL).  Free with plan_free().  Returns what plan_normalize()
 *  does; *out is NULL on failure. */
PLAN_API plan_status plan_normalize_string(const char *input, size_t len,
                                           const plan_options *opts, char **out,
                                           size_t *out_len, plan_error *err);

/** The matching key of a text, for comparisons: normalized, abbreviations
 *  expanded, case-folded, diacritics removed (đ to d), punctuation and
 *  markup turned into single spaces, trimmed.  "Sở LĐ-TB&XH" and "Sở Lao
 *  động - Thương binh và Xã hội" share a key.  *out gets a new string for
 *  plan_free() (NULL on failure); returns what plan_normalize() does. */
PLAN_API plan_status plan_key(const char *input, size_t len, const plan_options *opts,
                              char **out, size_t *out_len, plan_error *err);

/* ------------------------------------------------------------------ */
/* Documents                                                          */
/* ------------------------------------------------------------------ */

/** A parsed plan: its frame (issuer, number, date, type, title, ...), its
 *  outline as a tree of nodes, its references and diagnostics.  The
 *  document owns every node, string, reference and diagnostic it hands out;
 *  they stay valid until plan_doc_free().  Strings are UTF-8 NFC and
 *  NUL-terminated.  A document is never changed after parsing, so several
 *  threads may read one document at once. */
typedef struct plan_doc plan_doc;
/** A node of the document tree; owned by its document. */
typedef struct plan_node plan_node;

/** Parses a plan: normalizes input (with opts), joins physical lines into
 *  paragraphs (PDF and HTML hard wraps, page breaks), recognises the frame,
 *  the outline, references and diagnostics.  Reads text, markdown, HTML
 *  and DOCX in UTF-8 or a legacy encoding, as plan_normalize() does.
 *  opts may be NULL.  For speed
 *  across many documents, set opts->lexicon: its patterns are compiled once.
 *  Statuses: PLAN_OK; the normalizer's (PLAN_EUTF8, PLAN_ENUL, PLAN_ELIMIT,
 *  PLAN_EINVAL, PLAN_ENOMEM, PLAN_EFORMAT, PLAN_EENCODING); PLAN_EEMPTY
 *  when the input holds no text;
 *  PLAN_EFORMAT when it is not text (binary data: control characters).  A
 *  text with no structure is not an error: it parses into paragraphs. */
PLAN_API plan_status plan_doc_parse(const char *input, size_t len,
                                    const plan_options *opts, plan_doc **out,
                                    plan_error *err);

/** Reads the whole file at path into *out (NUL-terminated, for plan_free())
 *  and *len, at most opts->max_input_bytes (NULL opts: the default): a
 *  regular file (its size looked at before reading), a pipe, a socket or a
 *  terminal.  PLAN_EIO (cannot open or read it; a directory or a device,
 *  which would never end), PLAN_ELIMIT (larger than the limit: the bytes
 *  are never all read), PLAN_EINVAL or PLAN_ENOMEM. */
PLAN_API plan_status plan_read_file(const char *path, const plan_options *opts, char **out,
                                    size_t *len, plan_error *err);

/** As plan_doc_parse(), naming the document (a path, a record id): the
 *  name plan_doc_source() returns and the renderers write.  name may be
 *  NULL; it is copied, with bytes that are not valid UTF-8 and control
 *  characters replaced by U+FFFD, so that every output stays valid. */
PLAN_API plan_status plan_doc_parse_named(const char *input, size_t len, const char *name,
                                          const plan_options *opts, plan_doc **out,
                                          plan_error *err);

/** Reads a file as plan_read_file() does and parses it as
 *  plan_doc_parse_named() does, named by its path. */
PLAN_API plan_status plan_doc_parse_file(const char *path, const plan_options *opts,
                                         plan_doc **out, plan_error *err);

/** Frees a document and everything it owns.  NULL is ignored. */
PLAN_API void plan_doc_free(plan_doc *doc);

/** The root node (kind PLAN_NODE_DOCUMENT). */
PLAN_API const plan_node *plan_doc_root(const plan_doc *doc);

/** The normalized text the document was parsed from (owned by doc). */
PLAN_API const plan_text *plan_doc_text(const plan_doc *doc);

/** The name the caller gave the document (plan_doc_parse_file's path,
 *  plan_doc_parse_named's name), or NULL. */
PLAN_API const char *plan_doc_source(const plan_doc *doc);

/** Metadata fields read from the document's frame. */
typedef enum plan_meta {
  PLAN_META_DOC_TYPE = 0,     /**< "KẾ HOẠCH", "QUYẾT ĐỊNH", "CÔNG VĂN", ... */
  PLAN_META_NUMBER,           /**< "145/QĐ-UBND"; NULL for a draft */
  PLAN_META_NUMBER_PATTERN,   /**< "/KH-UBND" for a draft with no number */
  PLAN_META_DATE,             /**< ISO "2021-02-02", or the year "2021" */
  PLAN_META_PLACE,            /**< "Bắc Kạn" */
  PLAN_META_ISSUER,           /**< "Ủy ban nhân dân tỉnh Bắc Kạn"; "Sở Y tế" under it */
  PLAN_META_PROVINCE,         /**< "Bắc Kạn" */
  PLAN_META_SIGNER,           /**< "Phạm Duy Hưng" */
  PLAN_META_SIGNER_TITLE,     /**< "PHÓ CHỦ TỊCH" */
  PLAN_META_TITLE,            /**< the title under the document type */
  PLAN_META_SUBJECT,          /**< a letter's "V/v ..." line */
  PLAN_META_ATTACHMENT_TYPE,  /**< "KẾ HOẠCH" attached to a decision */
  PLAN_META_COUNT_            /**< the number of fields (not a field) */
} plan_meta;

/** A metadata field, or NULL when the document does not have it. */
PLAN_API const char *plan_doc_meta(const plan_doc *doc, plan_meta field);
/** The JSON name of a field ("doc_type", "number", ...); NULL if unknown. */
PLAN_API const char *plan_meta_name(plan_meta field);

/* ---- nodes --------------------------------------------------------- */

/** What a node is. */
typedef enum plan_node_kind {
  PLAN_NODE_DOCUMENT = 0,  /**< the root */
  PLAN_NODE_ISSUER,        /**< "ỦY BAN NHÂN DÂN TỈNH BẮC KẠN" */
  PLAN_NODE_MOTTO,         /**< "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM ..." */
  PLAN_NODE_NUMBER,        /**< "Số: 145/QĐ-UBND" */
  PLAN_NODE_PLACE_DATE,    /**< "Bắc Kạn, ngày 02 tháng 02 năm 2021" */
  PLAN_NODE_TYPE,          /**< "KẾ HOẠCH", "QUYẾT ĐỊNH" */
  PLAN_NODE_TITLE,         /**< the title under the type */
  PLAN_NODE_SUBJECT,       /**< "V/v ..." */
  PLAN_NODE_RECIPIENTS,    /**< "Kính gửi:" with its items */
  PLAN_NODE_PREAMBLE,      /**< "Căn cứ ...", "Thực hiện ...", "Xét đề nghị ..." */
  PLAN_NODE_ENACTING,      /**< "ỦY BAN NHÂN DÂN TỈNH ...", "QUYẾT ĐỊNH:" */
  PLAN_NODE_ATTACHMENT,    /**< a plan attached to a decision */
  PLAN_NODE_ITEM,          /**< a numbered, lettered or bulleted item */
  PLAN_NODE_PARAGRAPH,     /**< a paragraph with no marker */
  PLAN_NODE_CLOSING,       /**< "Trên đây là ...", "Trong quá trình ..." */
  PLAN_NODE_RECEIVERS,     /**< "Nơi nhận:" with its items */
  PLAN_NODE_SIGNATURE      /**< "TM. ... KT. CHỦ TỊCH ... name" */
} plan_node_kind;

/** The marker that opens an item. */
typedef enum plan_marker {
  PLAN_MARKER_NONE = 0,
  PLAN_MARKER_ROMAN,    /**< I., II., ... */
  PLAN_MARKER_ARABIC,   /**< 1., 2. */
  PLAN_MARKER_DOTTED,   /**< 1.1., 2.3. */
  PLAN_MARKER_LETTER,   /**< a), b) or a., in the Vietnamese or Latin sequence */
  PLAN_MARKER_BULLET,   /**< -, +, •, * */
  PLAN_MARKER_ARTICLE,  /**< Điều 1. */
  PLAN_MARKER_CHAPTER,  /**< Chương I */
  PLAN_MARKER_PART,     /**< Phần I */
  PLAN_MARKER_SECTION   /**< Mục 1 */
} plan_marker;

/** The name of a node kind ("item") or marker ("roman"); static. */
PLAN_API const char *plan_node_kind_name(plan_node_kind kind);
PLAN_API const char *plan_marker_name(plan_marker marker);

PLAN_API plan_node_kind plan_node_kind_of(const plan_node *node);
PLAN_API plan_marker plan_node_marker(const plan_node *node);
/** The marker without punctuation: "I", "1", "2.3", "a", "Điều 1", "-";
 *  "" for nodes without one. */
PLAN_API const char *plan_node_label(const plan_node *node);
/** The heading: for "6. Sở Nội vụ: Kiện toàn ..." "Sở Nội vụ"; for a short
 *  item with no sentence after it, its whole text; NULL otherwise. */
PLAN_API const char *plan_node_title(const plan_node *node);
/** The text after the marker (and after the heading of an inline heading),
 *  lines unwrapped; "" when there is none. */
PLAN_API const char *plan_node_text(const plan_node *node);
/** The node's span in the original input: byte offsets [*start, *end)
 *  and the 1-based line of its start.  Any pointer may be NULL. */
PLAN_API void plan_node_span(const plan_node *node, size_t *start, size_t *end,
                             size_t *line);
/** Whether the source marked the node as a heading (markdown #, bold). */
PLAN_API int plan_node_is_emphasized(const plan_node *node);

PLAN_API const plan_node *plan_node_parent(const plan_node *node);
PLAN_API const plan_node *plan_node_first_child(const plan_node *node);
PLAN_API const plan_node *plan_node_last_child(const plan_node *node);
PLAN_API const plan_node *plan_node_next(const plan_node *node);
PLAN_API const plan_node *plan_node_previous(const plan_node *node);
/** The number of direct children that are items (numbered, lettered or
 *  bulleted), as the gold outline counts them. */
PLAN_API size_t plan_node_item_count(const plan_node *node);
/** The node's path of labels from the outermost item: "I.2", "Điều 1";
 *  "" for nodes outside the outline.  Owned by the document. */
PLAN_API const char *plan_node_path(const plan_node *node);

/** Walks a tree depth first, as cmark's iterator: each node is met once on
 *  ENTER and, if it has children, once on EXIT. */
typedef struct plan_iter plan_iter;
typedef enum plan_event { PLAN_EVENT_DONE = 0, PLAN_EVENT_ENTER, PLAN_EVENT_EXIT } plan_event;
/** A new iterator over the subtree of root into *out (free with
 *  plan_iter_free()).  PLAN_EINVAL (a NULL argument) or PLAN_ENOMEM. */
PLAN_API plan_status plan_iter_new(const plan_node *root, plan_iter **out, plan_error *err);
/** The next event; PLAN_EVENT_DONE at the end. */
PLAN_API plan_event plan_iter_next(plan_iter *it);
/** The node of the last event. */
PLAN_API const plan_node *plan_iter_node(const plan_iter *it);
PLAN_API void plan_iter_free(plan_iter *it);

/* ---- references ---------------------------------------------------- */

/** A document the text cites; owned by its document. */
typedef struct plan_reference plan_reference;

PLAN_API size_t plan_doc_reference_count(const plan_doc *doc);
/** The i-th reference in order of first mention; NULL when out of range. */
PLAN_API const plan_reference *plan_doc_reference(const plan_doc *doc, size_t i);
/** "1472/QĐ-TTg"; NULL for a law cited by name. */
PLAN_API const char *plan_reference_number(const plan_reference *ref);
/** "Quyết định", "Nghị quyết", "Kế hoạch", "Chỉ thị", "Tờ trình", "Nghị
 *  định", "Thông tư", "Công văn", "Luật"; NULL when unknown. */
PLAN_API const char *plan_reference_kind(const plan_reference *ref);
/** The issuing body's code ("TTg", "QH14", "UBND"); NULL for a law. */
PLAN_API const char *plan_reference_issuer(const plan_reference *ref);
/** The date printed beside a mention (ISO), or NULL. */
PLAN_API const char *plan_reference_date(const plan_reference *ref);
/** A law's name ("Luật Trẻ em"), or NULL for a numbered document. */
PLAN_API const char *plan_reference_title(const plan_reference *ref);
/** How many times the document mentions it. */
PLAN_API size_t plan_reference_count(const plan_reference *ref);
/** Where it is first mentioned: byte offset in the input and 1-based line. */
PLAN_API void plan_reference_position(const plan_reference *ref, size_t *offset,
                                      size_t *line);


/** The national documents the plan carries out, in the order it cites
 *  them: the documents a national body issued (Prime Minister, Government,
 *  National Assembly, the Party centre, a ministry: data/national_issuers.tsv)
 *  that its title or a letter's "V/v" subject cites, else its "Thực hiện
 *  ..." preamble, else its "Căn cứ ..." preamble.  Of the "Căn cứ"
 *  grounds, those of the power to act (the Law on Local Government, the
 *  Law on Promulgation of Legal Documents, the 2025 merger resolutions:
 *  data/competence_bases.tsv) are left out, and the laws when decrees,
 *  decisions or circulars detail them.  Bắc Kạn's plan gives
 *  1472/QĐ-TTg then 121/2020/QH14.  Owned by the document. */
PLAN_API size_t plan_doc_implements_count(const plan_doc *doc);
PLAN_API const plan_reference *plan_doc_implements(const plan_doc *doc, size_t i);

/* ---- groups of plans ------------------------------------------------- */

/** Plans grouped by the national documents they implement, to find every
 *  province's answer to the same policy in a pile of documents.  Plans
 *  that implement a common document share a group (transitively: a plan of
 *  1472/QĐ-TTg and 121/2020/QH14 joins a letter of 121/2020/QH14 alone).
 *  Build with plan_groups_add() or plan_groups_add_doc() for each plan,
 *  then plan_groups_finish(); the accessors answer after that.  Members
 *  are added by what they implement, so a caller may group plans it parsed
 *  earlier and kept only the numbers of. */
typedef struct plan_groups plan_groups;
PLAN_API plan_status plan_groups_new(plan_groups **out, plan_error *err);
PLAN_API void plan_groups_free(plan_groups *groups);
/** Adds a plan by the numbers of the documents it implements (as
 *  plan_doc_implements gives them; may be none); *index (may be NULL)
 *  receives its member index, 0, 1, ... in order of adding.  PLAN_EINVAL
 *  after plan_groups_finish(). */
PLAN_API plan_status plan_groups_add(plan_groups *groups, const char *const *numbers, size_t n,
                                     size_t *index, plan_error *err);
PLAN_API plan_status plan_groups_add_doc(plan_groups *groups, const plan_doc *doc, size_t *index,
                                         plan_error *err);
/** Forms the groups, numbered in order of their first member. */
PLAN_API plan_status plan_groups_finish(plan_groups *groups, plan_error *err);
PLAN_API size_t plan_groups_count(const plan_groups *groups);
/** The group's name: the document most of its members implement first
 *  ("1472/QĐ-TTg"); owned by groups. */
PLAN_API const char *plan_groups_key(const plan_groups *groups, size_t group);
/** Every document that ties the group, most cited first ("1472/QĐ-TTg,
 *  121/2020/QH14"). */
PLAN_API const char *plan_groups_cites(const plan_groups *groups, size_t group);
PLAN_API size_t plan_groups_size(const plan_groups *groups, size_t group);
/** The k-th member's index (in order of adding); SIZE_MAX when out of range. */
PLAN_API size_t plan_groups_member(const plan_groups *groups, size_t group, size_t k);
/** The group of a member, or SIZE_MAX for a plan that implements nothing
 *  found (it is in no group). */
PLAN_API size_t plan_groups_of(const plan_groups *groups, size_t member);

/* ---- assignments ---------------------------------------------------- */

/** An agency as a document names it; owned by the document.  Known
 *  agencies carry the lexicon's id; others an id made from their name
 *  ("x-" and the folded words), stable across documents. */
typedef struct plan_agency plan_agency;
PLAN_API const char *plan_agency_id(const plan_agency *a);
/** The lexicon's display name, or the name as printed for an unknown one. */
PLAN_API const char *plan_agency_name(const plan_agency *a);
PLAN_API const char *plan_agency_kind(const plan_agency *a);
PLAN_API const char *plan_agency_level(const plan_agency *a);
/** Comma-separated portfolios ("education"); "" when unknown. */
PLAN_API const char *plan_agency_portfolios(const plan_agency *a);
/** 1 when the lexicon knows the agency, 0 when its id was made up. */
PLAN_API int plan_agency_known(const plan_agency *a);

/** The part an agency plays in a duty's wording. */
typedef enum plan_role {
  PLAN_ROLE_NAMED = 0,   /**< named, no role word */
  PLAN_ROLE_LEAD,        /**< "chủ trì", "Cơ quan chủ trì:" */
  PLAN_ROLE_COORDINATE,  /**< "phối hợp với", "Cơ quan phối hợp:" */
  PLAN_ROLE_ADVISE,      /**< "tham mưu (cho)" */
  PLAN_ROLE_REPORT       /**< "báo cáo ...", "(qua Sở ...)", "gửi ..." */
} plan_role;
PLAN_API const char *plan_role_name(plan_role role); /* "lead", ...; static */

/** An agency named in a heading or a duty: which, how, where. */
typedef struct plan_mention plan_mention;
PLAN_API const plan_agency *plan_mention_agency(const plan_mention *m);
PLAN_API plan_role plan_mention_role(const plan_mention *m);
/** The words as printed ("Sở LĐ-TB&XH"). */
PLAN_API const char *plan_mention_text(const plan_mention *m);

/** One agency item of the part that assigns duties. */
typedef struct plan_assignment plan_assignment;
/** One duty of an agency item. */
typedef struct plan_duty plan_duty;

PLAN_API size_t plan_doc_assignment_count(const plan_doc *doc);
PLAN_API const plan_assignment *plan_doc_assignment(const plan_doc *doc, size_t i);
/** The item's label as printed ("12"). */
PLAN_API const char *plan_assignment_label(const plan_assignment *a);
/** The agency part of the heading, without "Đề nghị" or a colon. */
PLAN_API const char *plan_assignment_heading(const plan_assignment *a);
/** 1 when the item opens with "Đề nghị": bodies a province cannot order. */
PLAN_API int plan_assignment_requested(const plan_assignment *a);
/** The outline node of the item. */
PLAN_API const plan_node *plan_assignment_node(const plan_assignment *a);
/** The agencies the heading names ("Đài ..., Báo ..." names two). */
PLAN_API size_t plan_assignment_agency_count(const plan_assignment *a);
PLAN_API const plan_mention *plan_assignment_agency(const plan_assignment *a, size_t i);
PLAN_API size_t plan_assignment_duty_count(const plan_assignment *a);
PLAN_API const plan_duty *plan_assignment_duty(const plan_assignment *a, size_t i);

/** The duty's text, unwrapped and normalized, without its bullet; the
 *  items and paragraphs under it follow, each with its marker ("Chế độ
 *  làm việc: a) ... b) ..."). */
PLAN_API const char *plan_duty_text(const plan_duty *d);
/** Its span in the input: byte offsets and the 1-based line of its start. */
PLAN_API void plan_duty_span(const plan_duty *d, size_t *start, size_t *end, size_t *line);
/** The member organisation that carries the duty ("Thành đoàn Hải Phòng:
 *  Chỉ đạo ..."), or NULL when the item's agencies do. */
PLAN_API const plan_agency *plan_duty_agency(const plan_duty *d);
/** Other agencies the duty names, with their roles, in order. */
PLAN_API size_t plan_duty_mention_count(const plan_duty *d);
PLAN_API const plan_mention *plan_duty_mention(const plan_duty *d, size_t i);
/** When the duty is due: "Thời gian thực hiện: ..." when it states one,
 *  or the time phrase its item opens with ("Định kỳ 06 tháng, Văn phòng
 *  ... báo cáo ..."), else NULL. */
PLAN_API const char *plan_duty_deadline(const plan_duty *d);

/** Headings inside the assigning part that are not agencies ("Chế độ báo
 *  cáo", "Kinh phí thực hiện"). */
PLAN_API size_t plan_doc_non_assignment_count(const plan_doc *doc);
PLAN_API const plan_node *plan_doc_non_assignment(const plan_doc *doc, size_t i);

/** Every distinct agency the document names (headings, member
 *  organisations, mentions), in order of first appearance. */
PLAN_API size_t plan_doc_agency_count(const plan_doc *doc);
PLAN_API const plan_agency *plan_doc_agency(const plan_doc *doc, size_t i);

/* ---- diagnostics --------------------------------------------------- */

/** What looks wrong in a document that still parses. */
typedef enum plan_diag_code {
  PLAN_DIAG_NUMBERING_GAP = 1,   /**< 1, 2, 4 */
  PLAN_DIAG_DUPLICATE_NUMBER,    /**< two parts numbered IV */
  PLAN_DIAG_STARTS_LATE,         /**< an outline that starts at II */
  PLAN_DIAG_MIXED_ALPHABET,      /**< a, b, ..., e, f: Vietnamese and Latin */
  PLAN_DIAG_UNKNOWN_MARKER,      /**< a line opening with an unknown marker */
  PLAN_DIAG_GUESSED_DATE,        /**< a date with parts missing */
  PLAN_DIAG_NO_NUMBER,           /**< a draft: "Số: /KH-UBND" */
  PLAN_DIAG_FURNITURE,           /**< text before the header (a portal's menus,
                                      metadata, notices), left out of the tree */
  PLAN_DIAG_HEURISTIC            /**< where a heuristic decided: an implementation
                                      part found by its agencies, line breaks read
                                      as wraps in a document that separates its
                                      paragraphs with blank lines */
} plan_diag_code;

typedef struct plan_diagnostic plan_diagnostic;

PLAN_API size_t plan_doc_diagnostic_count(const plan_doc *doc);
PLAN_API const plan_diagnostic *plan_doc_diagnostic(const plan_doc *doc, size_t i);
PLAN_API plan_diag_code plan_diagnostic_code(const plan_diagnostic *d);
/** "numbering-gap", ...; static. */
PLAN_API const char *plan_diag_code_name(plan_diag_code code);
PLAN_API const char *plan_diagnostic_message(const plan_diagnostic *d);
PLAN_API void plan_diagnostic_position(const plan_diagnostic *d, size_t *offset,
                                       size_t *line, size_t *column);

/* ------------------------------------------------------------------ */
/* Rendering                                                          */
/* ------------------------------------------------------------------ */

/** The version of the JSON outputs' shape, written in each as "version"
 *  beside "format" ("libplan-document", "libplan-comparison"); raised when
 *  a field changes meaning or goes.  The shapes are JSON Schemas in
 *  docs/schema/. */
#define PLAN_JSON_VERSION 1

/** Renders a document as JSON (meta, sections, references, diagnostics),
 *  as XML (libxml2; vocabulary in docs/XML.md) or as an indented text
 *  outline.  *out gets a new NUL-terminated string for plan_free() (NULL
 *  on failure) and *len (may be NULL) its length.  PLAN_EINVAL (doc or
 *  out is NULL) or PLAN_ENOMEM. */
PLAN_API plan_status plan_render_json(const plan_doc *doc, char **out, size_t *len,
                                      plan_error *err);
PLAN_API plan_status plan_render_xml(const plan_doc *doc, char **out, size_t *len,
                                     plan_error *err);
PLAN_API plan_status plan_render_text(const plan_doc *doc, char **out, size_t *len,
                                      plan_error *err);

/* ------------------------------------------------------------------ */
/* Comparison                                                         */
/* ------------------------------------------------------------------ */

/** A comparison of N >= 2 documents: for every agency, which duties each
 *  document gives it, aligned between every two documents.  It borrows its
 *  documents: they must outlive it.  The result does not depend on the order
 *  the documents are given in: they are put in a canonical order (province,
 *  then source name, then content), and indices refer to that order. */
typedef struct plan_compare plan_compare;

/** Switches for plan_compare_options.flags. */
#define PLAN_COMPARE_DEFAULT 0u
/** Leave out duties given to collective items ("Các sở, ban, ngành ..."). */
#define PLAN_COMPARE_EXCLUDE_COLLECTIVE (1u << 0)
/** Do not match agencies by portfolio when provinces organise differently. */
#define PLAN_COMPARE_NO_PORTFOLIO (1u << 1)
/** Keep no pairwise links: the duty groups are built as each pair of
 *  documents is aligned and the pair's links dropped after it (and after
 *  on_pair has seen them), so memory grows with the documents and their
 *  duties, not with the pairs.  plan_compare_link_count() is then 0 outside
 *  on_pair, and the renderers write the summary (agency-by-document matrix,
 *  duty groups with their documents, duties no other document has). */
#define PLAN_COMPARE_NO_PAIRS (1u << 2)

/** Called by plan_compare_new() once for each agency and each pair of
 *  documents a < b that both give it duties, as soon as the pair is
 *  aligned, in a fixed order (agencies by id, then a, then b).  During the
 *  call, plan_compare_link_count(cmp, agency, a, b) and plan_compare_link()
 *  give the pair's links (valid until the call returns), plan_link_diff()
 *  and plan_render_compare_pair_json() work on them; the documents,
 *  agencies and duties can be read; the duty groups cannot yet.  A nonzero
 *  return stops the comparison: plan_compare_new() returns PLAN_ECANCELED.
 *  Also the place for a progress bar: agency of plan_compare_agency_count()
 *  agencies. */
typedef int (*plan_pair_fn)(void *user, const plan_compare *cmp, size_t agency, size_t a, size_t b);

/** Knobs of the alignment, with their defaults (plan_compare_options_init();
 *  its size works as plan_options' does). */
typedef struct plan_compare_options {
  size_t size;            /**< sizeof, set by init */
  unsigned flags;         /**< PLAN_COMPARE_* */
  double reworded_min;    /**< least similarity of a reworded pair (0.30) */
  double partial_min;     /**< least similarity of a partial pair (0.18) */
  double merge_min;       /**< least share of a duty's weight found in the
                               duty it merges into (0.55) */
  double bigram_weight;   /**< weight of syllable bigrams against unigrams (0.5) */
  double boilerplate_max; /**< a link is boilerplate when its rare shared
                               words carry less than this share of the score (0.35) */
  size_t max_documents;   /**< limit on N (4096) */
  plan_pair_fn on_pair;   /**< NULL, or called for each aligned pair */
  void *user;             /**< given to on_pair */
  /** A block of the work, for splitting one comparison across processes:
   *  only the pairs (a, b) with rows_from <= a < rows_to (indices in
   *  canonical order) are aligned (defaults 0 and SIZE_MAX: all).  A
   *  comparison of a block keeps no pairs; plan_compare_export_groups()
   *  gives its part of the duty groups. */
  size_t rows_from, rows_to;
  /** Parts to merge instead of aligning (plan_compare_export_groups() of
   *  comparisons of the same documents, their blocks covering every row
   *  once): the comparison is built from them, without aligning a pair,
   *  and gives the duty groups and the summary reports the whole
   *  comparison would.  NULL: none. */
  const char *const *parts;
  size_t nparts;
} plan_compare_options;

/** As plan_options_init_sized(), for the comparison's options. */
PLAN_API plan_status plan_compare_options_init_sized(plan_compare_options *opts, size_t size);
/** plan_compare_options_init_sized() with the caller's sizeof. */
#define plan_compare_options_init(opts) \
  plan_compare_options_init_sized((opts), sizeof(plan_compare_options))

/** Compares n documents.  docs[i] are borrowed; opts may be NULL.  Returns
 *  PLAN_OK and *out (free with plan_compare_free()), PLAN_EINVAL (n < 2, a
 *  NULL document, the same document twice), PLAN_ELIMIT (n above
 *  max_documents), PLAN_ECANCELED (on_pair said stop) or PLAN_ENOMEM.
 *  Time grows with the pairs of documents that share an agency; memory,
 *  with PLAN_COMPARE_NO_PAIRS, with the documents and their duties only. */
PLAN_API plan_status plan_compare_new(const plan_doc *const *docs, size_t n,
                                      const plan_compare_options *opts, plan_compare **out,
                                      plan_error *err);
PLAN_API void plan_compare_free(plan_compare *cmp);

PLAN_API size_t plan_compare_document_count(const plan_compare *cmp);
/** The i-th document in canonical order. */
PLAN_API const plan_doc *plan_compare_document(const plan_compare *cmp, size_t i);

/** Agencies, sorted by id. */
PLAN_API size_t plan_compare_agency_count(const plan_compare *cmp);
PLAN_API const char *plan_compare_agency_id(const plan_compare *cmp, size_t i);
PLAN_API const char *plan_compare_agency_name(const plan_compare *cmp, size_t i);
/** 1 when the agency is collective ("Các sở, ban, ngành ..."). */
PLAN_API int plan_compare_agency_collective(const plan_compare *cmp, size_t i);
/** How many duties document doc gives agency i (0: absent). */
PLAN_API size_t plan_compare_duty_count(const plan_compare *cmp, size_t agency, size_t doc);
/** Duty k of agency i in document doc. */
PLAN_API const plan_duty *plan_compare_duty(const plan_compare *cmp, size_t agency, size_t doc,
                                            size_t k);
/** The label of the assignment item duty k comes from ("4"). */
PLAN_API const char *plan_compare_duty_item(const plan_compare *cmp, size_t agency, size_t doc,
                                            size_t k);
/** When document doc has no agency i but covers its portfolios with others
 *  ("Sở Văn hóa và Thể thao" plus "Sở Du lịch" for "Sở Văn hóa, Thể thao và
 *  Du lịch"): their ids joined by '+', else NULL.  Those agencies' duties
 *  then stand in for agency i in that document. */
PLAN_API const char *plan_compare_agency_via(const plan_compare *cmp, size_t agency, size_t doc);

/* ---- duty groups: one duty across all the documents ------------------ */

/** How a duty group stands in one document. */
typedef enum plan_group_status {
  PLAN_GROUP_ABSENT = 0, /**< the document has no duty of the group */
  PLAN_GROUP_PRESENT,    /**< it has the duty, the same words */
  PLAN_GROUP_REWORDED,   /**< it has the duty in other words */
  PLAN_GROUP_MERGED      /**< its duty folds this one into another, or splits it */
} plan_group_status;
/** "absent", "present", "reworded", "merged" (static; "unknown" past the enum). */
PLAN_API const char *plan_group_status_name(plan_group_status s);
/** How many duty groups agency i has: each group is one duty as the N
 *  documents give it (the pairs' links joined across documents), in the
 *  order of its first document. */
PLAN_API size_t plan_compare_group_count(const plan_compare *cmp, size_t agency);
/** Group k of agency i in document doc (PLAN_GROUP_ABSENT for any index
 *  out of range). */
PLAN_API plan_group_status plan_compare_group_status(const plan_compare *cmp, size_t agency,
                                                     size_t group, size_t doc);
/** The duty of document doc in group k (its first, when several merge), or
 *  NULL when the group is absent there. */
PLAN_API const plan_duty *plan_compare_group_duty(const plan_compare *cmp, size_t agency,
                                                  size_t group, size_t doc);
/** The document whose wording stands for group k (the first that has it),
 *  or SIZE_MAX for an index out of range. */
PLAN_API size_t plan_compare_group_representative(const plan_compare *cmp, size_t agency,
                                                  size_t group);

/** How two documents' duties for one agency relate. */
typedef enum plan_link_kind {
  PLAN_LINK_SAME = 1,   /**< identical after normalization */
  PLAN_LINK_REWORDED,   /**< the same duty in other words */
  PLAN_LINK_MERGED,     /**< several duties of a folded into one of b */
  PLAN_LINK_SPLIT,      /**< one duty of a split into several of b */
  PLAN_LINK_PARTIAL,    /**< overlapping in part */
  PLAN_LINK_ONLY_A,     /**< a duty of a with no counterpart in b */
  PLAN_LINK_ONLY_B      /**< a duty of b with no counterpart in a */
} plan_link_kind;
PLAN_API const char *plan_link_kind_name(plan_link_kind kind); /* "same", ...; static */

/** One relation between the duties of documents a < b for an agency. */
typedef struct plan_link plan_link;

/** The links of agency i between documents a and b (a != b; order does not
 *  matter: the link's own a is the lower index). */
PLAN_API size_t plan_compare_link_count(const plan_compare *cmp, size_t agency, size_t a,
                                        size_t b);
PLAN_API const plan_link *plan_compare_link(const plan_compare *cmp, size_t agency, size_t a,
                                            size_t b, size_t i);
PLAN_API plan_link_kind plan_link_kind_of(const plan_link *l);
/** The duties on side 0 (document a) or 1 (document b): indices into
 *  plan_compare_duty's k; a merge has two or more on one side. */
PLAN_API size_t plan_link_duty_count(const plan_link *l, int side);
PLAN_API size_t plan_link_duty(const plan_link *l, int side, size_t i);
/** Similarity in [0, 1] (0 for only-in links), and its parts: unigram and
 *  bigram cosine over syllables weighted by rarity across the compared
 *  documents. */
PLAN_API double plan_link_similarity(const plan_link *l);
PLAN_API double plan_link_unigram(const plan_link *l);
PLAN_API double plan_link_bigram(const plan_link *l);
/** 1 when the link rests mostly on words every duty repeats. */
PLAN_API int plan_link_boilerplate(const plan_link *l);
/** The rarest syllables the two sides share, space-separated (folded). */
PLAN_API const char *plan_link_rare_words(const plan_link *l);

/** Word-level difference of a link, by syllable: a minimal edit script
 *  turning side a's text into side b's (a side's duties joined by a
 *  space).  Each step: PLAN_DIFF_EQUAL, _DELETE (from a) or _INSERT (from
 *  b), with byte offsets and lengths into each side's text
 *  (plan_link_text()) and into the source files. */
typedef enum plan_diff_op { PLAN_DIFF_EQUAL = 0, PLAN_DIFF_DELETE, PLAN_DIFF_INSERT } plan_diff_op;
typedef struct plan_diff_step {
  plan_diff_op op;
  size_t a_off, a_len;        /**< in side a's text (0, 0 for an insert) */
  size_t b_off, b_len;        /**< in side b's text (0, 0 for a delete) */
  size_t a_source, b_source;  /**< byte offsets in the source files */
} plan_diff_step;
/** Computes the diff of link l of cmp (the comparison keeps none, so its
 *  memory does not grow with the links).  On PLAN_OK, *steps is a new array
 *  of *n steps for plan_free() (NULL and 0 for a link with one side only).
 *  Returns PLAN_OK, PLAN_EINVAL (a NULL argument) or PLAN_ENOMEM.  Reads cmp
 *  only: several threads may compute diffs of one comparison at once. */
PLAN_API plan_status plan_link_diff(const plan_compare *cmp, const plan_link *l,
                                    plan_diff_step **steps, size_t *n, plan_error *err);
/** The joined text of one side (owned by the comparison). */
PLAN_API const char *plan_link_text(const plan_link *l, int side);

/** Renders a comparison: JSON (documents, agencies with pairs and matches,
 *  coverage), CSV (one row per duty group, one column per document), HTML
 *  (one self-contained page, written with libxml2) or text (the coverage
 *  table and each agency's aligned duties; with PLAN_RENDER_COLOR, changed
 *  words in ANSI colour).  agency: only that agency's id, or NULL for all.
 *  *out gets a new string for plan_free() (NULL on failure), *len (may be
 *  NULL) its length.  PLAN_EINVAL (cmp or out is NULL) or PLAN_ENOMEM. */
#define PLAN_RENDER_COLOR (1u << 0)
PLAN_API plan_status plan_render_compare_json(const plan_compare *cmp, const char *agency,
                                              char **out, size_t *len, plan_error *err);
PLAN_API plan_status plan_render_compare_csv(const plan_compare *cmp, const char *agency,
                                             char **out, size_t *len, plan_error *err);
PLAN_API plan_status plan_render_compare_html(const plan_compare *cmp, const char *agency,
                                              char **out, size_t *len, plan_error *err);
PLAN_API plan_status plan_render_compare_text(const plan_compare *cmp, const char *agency,
                                              unsigned flags, char **out, size_t *len,
                                              plan_error *err);
/* ---- scale: thousands of plans, no pair kept ----------------------- */

/** The duty groups as far as this comparison aligned its pairs (every pair,
 *  or its block: rows_from, rows_to), as a text to give, with the other
 *  blocks', to plan_compare_options.parts: a line per agency, each duty
 *  joined to the first duty of its group so far and the kinds of link it
 *  took part in.  It grows with the duties, not with the pairs.  *out is a
 *  new string for plan_free().  PLAN_EINVAL or PLAN_ENOMEM. */
PLAN_API plan_status plan_compare_export_groups(const plan_compare *cmp, char **out, size_t *len,
                                                plan_error *err);

/** One pair's links as one line of JSON (no newline): {"agency", "a", "b",
 *  "matches", "links" with evidence and word diffs, "only_a", "only_b"}, the
 *  JSON report's pair object with the agency named.  For a comparison that
 *  keeps its pairs, or from on_pair for the pair being aligned: a stream
 *  of them is the full pairwise detail, never held whole.  PLAN_EINVAL
 *  (NULL argument, an index out of range, a pair not at hand) or
 *  PLAN_ENOMEM. */
PLAN_API plan_status plan_render_compare_pair_json(const plan_compare *cmp, size_t agency,
                                                   size_t a, size_t b, char **out, size_t *len,
                                                   plan_error *err);

#ifdef __cplusplus
}
#endif

#endif /* PLAN_H */
