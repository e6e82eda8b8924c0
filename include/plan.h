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
 *  - Functions that can fail return a plan_status and, when the caller
 *    passes a non-NULL plan_error, fill it with the status, a message and
 *    the position (byte offset, line, column) of the problem.
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
#define PLAN_VERSION_MINOR 1
#define PLAN_VERSION_PATCH 0
#define PLAN_VERSION_STRING "0.1.0"
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

/** Status codes.  New codes are only ever added at the end. */
typedef enum plan_status {
  PLAN_OK = 0,
  PLAN_EINVAL = -1,  /**< a bad argument (NULL where not allowed, bad option) */
  PLAN_ENOMEM = -2,  /**< out of memory */
  PLAN_EUTF8 = -3,   /**< the input is not valid UTF-8 */
  PLAN_ENUL = -4,    /**< the input holds a NUL byte */
  PLAN_ELIMIT = -5,  /**< a configured limit was exceeded */
  PLAN_EFORMAT = -6, /**< the input is not in the expected format */
  PLAN_EIO = -7,     /**< a file could not be read */
  PLAN_EEMPTY = -8   /**< the input holds no text */
} plan_status;

/** A short English description of a status ("invalid UTF-8").  Static;
 *  never NULL (unknown codes give "unknown status"). */
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
 *  plan_normalize_string(), plan_key(), renderers).  NULL is ignored. */
PLAN_API void plan_free(void *ptr);

/* ------------------------------------------------------------------ */
/* Lexicon: abbreviations (and, later, agencies)                      */
/* ------------------------------------------------------------------ */

/** A table of domain knowledge.  It starts with the defaults compiled into
 *  the library and can be extended at run time.  Once built, a lexicon is
 *  only read by the calls that take it, so one lexicon can serve many
 *  threads.  Adding entries while another thread uses it is not allowed. */
typedef struct plan_lexicon plan_lexicon;

/** Creates a lexicon holding the embedded defaults.  Returns PLAN_OK and
 *  sets *out, or PLAN_ENOMEM.  Free with plan_lexicon_free(). */
PLAN_API plan_status plan_lexicon_new(plan_lexicon **out);
/** Frees a lexicon.  NULL is ignored. */
PLAN_API void plan_lexicon_free(plan_lexicon *lex);

/** Adds (or replaces) an abbreviation, e.g. "UBND" -> "Ủy ban nhân dân".
 *  Both strings are NUL-terminated UTF-8 and are copied.  Abbreviations
 *  match case-sensitively, as whole tokens, never inside a document number
 *  such as "145/QĐ-UBND".  Returns PLAN_OK, PLAN_EINVAL (empty, invalid
 *  UTF-8, or a space or a slash in the abbreviation) or PLAN_ENOMEM. */
PLAN_API plan_status plan_lexicon_add_abbreviation(plan_lexicon *lex,
                                                   const char *abbreviation,
                                                   const char *expansion);

/** Extends a lexicon from a UTF-8 text file.  Each non-blank line that does
 *  not start with '#' is TAB-separated: "abbrev<TAB>ABBR<TAB>Expansion".
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
                                               const char **expansion);
/** Looks up the expansion of one abbreviation; NULL when unknown. */
PLAN_API const char *plan_lexicon_expand(const plan_lexicon *lex,
                                         const char *abbreviation);

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
/** Keep markdown and table leftovers in the text (hints still recorded). */
#define PLAN_OPT_KEEP_MARKUP (1u << 2)

/** Default for plan_options.max_input_bytes: 1 GiB. */
#define PLAN_DEFAULT_MAX_INPUT ((size_t)1 << 30)

/** Options shared by every call that takes them.  Always start with
 *  plan_options_init(); fields may be added at the end in later versions,
 *  which the size field tells apart. */
typedef struct plan_options {
  size_t size;                  /**< sizeof(plan_options), set by init */
  unsigned flags;               /**< PLAN_OPT_* bits */
  plan_tone_style tone_style;   /**< default PLAN_TONE_TRADITIONAL */
  size_t max_input_bytes;       /**< default PLAN_DEFAULT_MAX_INPUT */
  const plan_lexicon *lexicon;  /**< borrowed; NULL: the embedded defaults */
} plan_options;

/** Fills *opts with the defaults. */
PLAN_API void plan_options_init(plan_options *opts);

/* ------------------------------------------------------------------ */
/* Normalization                                                      */
/* ------------------------------------------------------------------ */

/** Normalized text with its map back to the input.  Owns everything it
 *  hands out; free with plan_text_free(). */
typedef struct plan_text plan_text;

/** Normalizes Vietnamese administrative text:
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
 *  Normalizing the output again gives the same bytes.
 *  opts may be NULL (defaults).  On PLAN_OK *out holds the result; on
 *  failure *out is NULL and *err (if given) says where.  Statuses: PLAN_OK,
 *  PLAN_EINVAL, PLAN_EUTF8, PLAN_ENUL, PLAN_ELIMIT, PLAN_ENOMEM.
 *  Empty input gives an empty text, not an error. */
PLAN_API plan_status plan_normalize(const char *input, size_t len,
                                    const plan_options *opts, plan_text **out,
                                    plan_error *err);

/** Frees a normalized text.  NULL is ignored. */
PLAN_API void plan_text_free(plan_text *text);

/** The normalized bytes (NUL-terminated, owned by text) and their length. */
PLAN_API const char *plan_text_data(const plan_text *text, size_t *len);

/** How many invalid sequences were replaced with U+FFFD. */
PLAN_API size_t plan_text_replacements(const plan_text *text);

/** Maps a byte offset of the normalized text back to the input: the byte
 *  offset it came from and its 1-based line and byte column there.  Any of
 *  the out pointers may be NULL.  An offset at or past the end maps to the
 *  end of the input.  Returns PLAN_OK or PLAN_EINVAL (text is NULL). */
PLAN_API plan_status plan_text_source(const plan_text *text, size_t offset,
                                      size_t *input_offset, size_t *line,
                                      size_t *column);

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

/** One-call convenience: normalizes input with opts (NULL: defaults) and
 *  returns a newly allocated NUL-terminated string, its length in *out_len
 *  (may be NULL).  Free with plan_free().  Returns NULL on failure, with
 *  *err filled when given. */
PLAN_API char *plan_normalize_string(const char *input, size_t len,
                                     const plan_options *opts, size_t *out_len,
                                     plan_error *err);

/** The matching key of a text, for comparisons: normalized, abbreviations
 *  expanded, case-folded, diacritics removed (đ to d), punctuation and
 *  markup turned into single spaces, trimmed.  "Sở LĐ-TB&XH" and "Sở Lao
 *  động - Thương binh và Xã hội" share a key.  Returns a new string for
 *  plan_free(), or NULL on failure with *err filled when given. */
PLAN_API char *plan_key(const char *input, size_t len, const plan_options *opts,
                        size_t *out_len, plan_error *err);

#ifdef __cplusplus
}
#endif

#endif /* PLAN_H */
