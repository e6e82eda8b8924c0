/* segment.h - the segmentation stage: a normalized text read as a document
 * (lines.c -> blocks.c -> frame.c / tree.c -> refs.c -> implements.c):
 * paragraphs, the outline, the header's metadata, references and the
 * diagnostics said on the way.  It knows nothing of agencies or duties:
 * the assignment stage reads the outline it leaves.  Uses core, data,
 * text and lexicon. */
#ifndef PLAN_SEGMENT_H
#define PLAN_SEGMENT_H

#include "lexicon/lexicon.h"

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

struct plan_diagnostic {
  plan_diag_code code;
  const char *message;
  size_t offset, line, column;
};

/* What segmentation leaves: the document up to its outline.  The arena
 * owns every string and node of the document (the assignment stage's
 * too); diagnostics are added by every stage after it. */
typedef struct plan_outline {
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
  const plan_lexicon *lex;
  size_t max_depth;
} plan_outline;

/* The steps, in order.  Each returns PLAN_OK or PLAN_ENOMEM. */
PLAN_INTERNAL plan_status plan__lines(plan_outline *doc);  /* paragraphs */
PLAN_INTERNAL void plan__blocks(plan_outline *doc);        /* markers */
PLAN_INTERNAL plan_status plan__tree(plan_outline *doc);   /* frame + outline */
PLAN_INTERNAL plan_status plan__refs(plan_outline *doc);   /* references */
PLAN_INTERNAL plan_status plan__implements(plan_outline *doc); /* what it carries out */
/* Whether a paragraph opens with a marker, and which (blocks.c). */
PLAN_INTERNAL bool plan__scan_marker(const char *s, size_t n, plan_marker *kind);
/* Whether the lettered or numbered marker s[0, n) opens with is the one
 * after the marker item[0, in) opens with ("d)" then "đ)", "e)" then
 * "f)", "2)" then "3)"). */
PLAN_INTERNAL bool plan__marker_follows(const char *item, size_t in, const char *s, size_t n);

/* Node and diagnostic helpers (tree.c). */
PLAN_INTERNAL plan_node *plan__node_new(plan_outline *doc, plan_node_kind kind, size_t para);
PLAN_INTERNAL void plan__node_append(plan_node *parent, plan_node *child);
PLAN_INTERNAL void plan__diag(plan_outline *doc, plan_diag_code code, size_t norm_off,
                              const char *fmt, ...) __attribute__((format(printf, 4, 5)));

/* Input position of a normalized-text offset. */
PLAN_INTERNAL void plan__doc_position(const plan_outline *doc, size_t norm_off,
                                      size_t *offset, size_t *line, size_t *column);
/* As plan__doc_position() (offset and line) for positions asked in rising
 * order, each search resuming at cur (zeroed to start). */
PLAN_INTERNAL void plan__doc_position_from(const plan_outline *doc, plan_text_cursor *cur,
                                           size_t norm_off, size_t *offset, size_t *line);
/* Normalized-text offset of an offset inside a paragraph's text. */
PLAN_INTERNAL size_t plan__para_norm(const plan_para *p, size_t off);

/* Whether a paragraph's key starts with the folded words prefix. */
PLAN_INTERNAL bool plan__para_starts(const plan_para *p, const char *prefix);
/* How many bytes of a paragraph its key covers. */
#define PLAN_PARA_KEY_BYTES 64

#endif
