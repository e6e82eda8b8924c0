/* doc.h - the document model's internal structures, shared by the stages
 * lines.c -> blocks.c -> frame.c / tree.c -> refs.c and the renderers. */
#ifndef PLAN_DOC_H
#define PLAN_DOC_H

#include "internal.h"
#include "text.h"

/* A logical paragraph: physical lines joined.  text is the joined string;
 * segs map its offsets back to the normalized text. */
typedef struct plan_seg {
  size_t para_off; /* offset in para text where this physical line starts */
  size_t norm_off; /* offset of that line in the normalized text */
} plan_seg;

typedef struct plan_para {
  char *text;
  size_t len;
  size_t norm_start, norm_end; /* span in the normalized text */
  plan_seg *segs;
  size_t nsegs;
  bool bold;        /* starts bold (markdown **...**) */
  int heading;      /* markdown heading level, 0 if none */
  bool after_break; /* a blank line, table cell or rule precedes it */
  char *key;        /* the matching key of its first words, for openers */
  /* set by blocks.c */
  plan_marker marker;
  char *label;      /* "I", "1", "2.3", "a", "Điều 1", "-" */
  size_t body_off;  /* where the text after the marker starts */
  int number;       /* the marker's value: I=1, 3, b=2; 0 for bullets */
  bool latin_only;  /* a letter marker only the Latin alphabet has (f, j, ...) */
} plan_para;

struct plan_node {
  plan_node_kind kind;
  plan_marker marker;
  const char *label;
  const char *title;
  const char *text;
  const char *path;
  size_t start, end, line;   /* in the input */
  bool emphasized;
  int number;
  size_t para;               /* index of the paragraph it starts at */
  struct plan_node *parent, *first, *last, *next, *prev;
};

struct plan_reference {
  const char *number, *kind, *issuer, *date, *title;
  const char *fold;          /* case-folded number, to merge mentions */
  size_t count, offset, line;
};

struct plan_agency {
  const char *id, *name, *kind, *level, *portfolios;
  bool known;
  long lex_index; /* -1 for an unknown agency */
};

struct plan_mention {
  const plan_agency *agency;
  plan_role role;
  const char *text;
};

struct plan_duty {
  const char *text;
  size_t start, end, line;
  const plan_para *para; /* where text starts (NULL for joined paragraphs) */
  size_t para_off;       /* offset of text in para->text */
  const plan_agency *agency; /* a member organisation, or NULL */
  plan_mention *mentions;
  size_t nmentions;
  const char *deadline;
};

struct plan_assignment {
  const char *label, *heading;
  const plan_node *node;
  plan_mention *agencies;
  size_t nagencies;
  bool requested;
  plan_duty *duties;
  size_t nduties;
};

struct plan_diagnostic {
  plan_diag_code code;
  const char *message;
  size_t offset, line, column;
};

struct plan_doc {
  plan_arena arena;
  plan_text *text;
  const char *source;
  plan_para *paras;
  size_t npara;
  size_t first_para; /* the first paragraph after a web page's furniture */
  size_t end_para;   /* where the page's trailer starts (npara without one) */
  plan_node *root;
  const char *meta[PLAN_META_COUNT_];
  plan_vec refs;   /* of plan_reference */
  plan_vec implements; /* of const plan_reference *: national documents carried out */
  plan_vec diags;  /* of plan_diagnostic */
  plan_vec assignments;     /* of plan_assignment */
  plan_vec agencies;        /* of plan_agency * */
  plan_vec non_assignments; /* of const plan_node * */
  const plan_lexicon *lex;
  size_t max_depth;
};

/* Stages.  Each returns PLAN_OK or PLAN_ENOMEM. */
PLAN_INTERNAL plan_status plan__lines(plan_doc *doc);  /* paragraphs */
PLAN_INTERNAL void plan__blocks(plan_doc *doc);        /* markers */
PLAN_INTERNAL plan_status plan__tree(plan_doc *doc);   /* frame + outline */
PLAN_INTERNAL plan_status plan__refs(plan_doc *doc);   /* references */
PLAN_INTERNAL plan_status plan__implements(plan_doc *doc); /* what it carries out */
PLAN_INTERNAL plan_status plan__assign(plan_doc *doc); /* agencies and duties */

/* Whether a paragraph opens with a marker, and which (blocks.c). */
PLAN_INTERNAL bool plan__scan_marker(const char *s, size_t n, plan_marker *kind);

/* Node and diagnostic helpers (tree.c). */
PLAN_INTERNAL plan_node *plan__node_new(plan_doc *doc, plan_node_kind kind, size_t para);
PLAN_INTERNAL void plan__node_append(plan_node *parent, plan_node *child);
PLAN_INTERNAL void plan__diag(plan_doc *doc, plan_diag_code code, size_t norm_off,
                              const char *fmt, ...) __attribute__((format(printf, 4, 5)));

/* Input position of a normalized-text offset. */
PLAN_INTERNAL void plan__doc_position(const plan_doc *doc, size_t norm_off,
                                      size_t *offset, size_t *line, size_t *column);
/* As plan__doc_position() (offset and line) for positions asked in rising
 * order, each search resuming at cur (zeroed to start). */
PLAN_INTERNAL void plan__doc_position_from(const plan_doc *doc, plan_text_cursor *cur,
                                           size_t norm_off, size_t *offset, size_t *line);
/* Normalized-text offset of an offset inside a paragraph's text. */
PLAN_INTERNAL size_t plan__para_norm(const plan_para *p, size_t off);

/* Input byte offset of byte off of a duty's text. */
PLAN_INTERNAL size_t plan__duty_input_offset(const plan_doc *doc, const plan_duty *d, size_t off);

/* Whether a paragraph's key starts with the folded words prefix. */
PLAN_INTERNAL bool plan__para_starts(const plan_para *p, const char *prefix);
/* How many bytes of a paragraph its key covers. */
#define PLAN_PARA_KEY_BYTES 64

/* Small text helpers (textutil.c). */
PLAN_INTERNAL bool plan__is_upper_text(const char *s, size_t n); /* letters, none lower */
PLAN_INTERNAL bool plan__starts_lower(const char *s, size_t n);
PLAN_INTERNAL bool plan__starts_upper(const char *s, size_t n);
/* The key of a span, into a buffer the caller frees with free(). */
PLAN_INTERNAL char *plan__fold(const char *s, size_t n);
/* Does the key of s start with the key prefix (already folded)? */
PLAN_INTERNAL bool plan__fold_starts(const char *s, size_t n, const char *prefix);
/* Title case of an upper-case name: "BẮC KẠN" -> "Bắc Kạn", into the arena. */
PLAN_INTERNAL char *plan__title_case(plan_arena *a, const char *s, size_t n);
PLAN_INTERNAL char *plan__trim_dup(plan_arena *a, const char *s, size_t n);

/* Patterns compiled once per lexicon (lexicon.c). */
typedef enum plan_pattern {
  PLAN_RE_REFERENCE = 0, /* document numbers */
  PLAN_RE_DATE,          /* ngày 02 tháng 02 năm 2021 / 28/9/2020 */
  PLAN_RE_NUMBER_LINE,   /* Số: 145/QĐ-UBND */
  PLAN_RE_PLACE_DATE,    /* Bắc Kạn, ngày ... */
  PLAN_RE_LAW,           /* Luật Trẻ em */
  PLAN_RE_COUNT_
} plan_pattern;
PLAN_INTERNAL const pcre2_code *plan__lexicon_pattern(const plan_lexicon *lex, plan_pattern p);
/* pcre2 limits: backtracking steps and depth per match. */
#define PLAN_PCRE2_MATCH_LIMIT 1000000u
#define PLAN_PCRE2_DEPTH_LIMIT 10000u

/* Table look-ups (tables.c, from data/; the folded keys of the rows are
 * computed once per lexicon). */
PLAN_INTERNAL const char *plan__doc_type_of(const plan_lexicon *lex, const char *s, size_t n);
PLAN_INTERNAL const char *plan__ref_kind_of_code(const char *code, size_t n);
PLAN_INTERNAL bool plan__is_city(const plan_lexicon *lex, const char *name, size_t n);
PLAN_INTERNAL size_t plan__title_suffix(const char *s, size_t n); /* bytes of a trailing title */
PLAN_INTERNAL bool plan__joins_hyphenated(const plan_lexicon *lex, const char *prev_end,
                                          size_t n1, const char *next, size_t n2);

/* Does an agency's name run across the end of line left into line right
 * ("Đề nghị Ủy ban Mặt trận" / "Tổ quốc Việt Nam tỉnh")?  (agencies.c) */
PLAN_INTERNAL bool plan__alias_spans(const plan_lexicon *lex, const char *left, size_t ln,
                                     const char *right, size_t rn);

/* The folded first column of a table, one key per row (lexicon.c). */
typedef enum plan_table_id {
  PLAN_TABLE_DOC_TYPES = 0,
  PLAN_TABLE_CITIES,
  PLAN_TABLE_HYPHEN_LEFT,
  PLAN_TABLE_HYPHEN_RIGHT,
  PLAN_TABLE_COUNT_
} plan_table_id;
PLAN_INTERNAL const char *const *plan__lexicon_keys(const plan_lexicon *lex, plan_table_id t);

#endif
