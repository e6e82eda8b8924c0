/* input.h - the input stage: bytes as given to a normalized text
 * (plan_normalize(), read.c).  It tells the kind of input and its
 * encoding, turns HTML, DOCX and legacy encodings into UTF-8 text
 * (markdown-flavoured, so the normalization pass records the same hints)
 * with a map back to the input's bytes, runs the text stage's pass over
 * it and the lexicon's abbreviation expansion after.  Uses core, data,
 * text and lexicon. */
#ifndef PLAN_INPUT_H
#define PLAN_INPUT_H

#include "lexicon/lexicon.h"

/* The text the normalizer reads. */
typedef struct plan_source {
  const char *data;     /* UTF-8 text: the input itself or buf */
  size_t len;
  plan_buf buf;         /* converted text, when converted */
  plan_offmap map;      /* buf offsets -> input offsets, when converted */
  bool converted;
  bool detached;        /* positions refer to data, not the input (DOCX) */
  plan_input input;     /* never AUTO */
  plan_encoding encoding;
} plan_source;

/* Reads input as o says (o->input, o->encoding; AUTO detects).  On
 * failure fills err; s needs plan__source_close() either way. */
PLAN_INTERNAL plan_status plan__source_open(plan_source *s, const char *in, size_t len,
                                            const plan_options *o, plan_error *err);
PLAN_INTERNAL void plan__source_close(plan_source *s);
/* Will plan__source_open read in as DOCX? */
PLAN_INTERNAL bool plan__source_is_docx(const char *in, size_t len, const plan_options *o);

/* legacy.c: decodes in from e into out (UTF-8; U+FFFD for bytes e does not
 * define, counted in *bad, the first at *first_bad), anchoring map. */
PLAN_INTERNAL plan_status plan__legacy_decode(plan_encoding e, const char *in, size_t len,
                                              plan_buf *out, plan_offmap *map, size_t *bad,
                                              size_t *first_bad);
/* legacy.c: the encoding of in; PLAN_EENCODING when two are close. */
PLAN_INTERNAL plan_status plan__legacy_detect(const char *in, size_t len, bool allow_viqr,
                                              plan_encoding *out, plan_error *err);

/* markup.c: elements and attributes of HTML (html: script and style hold
 * text) or XML counted before a parser sees them; PLAN_ELIMIT, naming what
 * and where, past max_elements elements or PLAN_MAX_ATTRIBUTES in a tag. */
PLAN_INTERNAL plan_status plan__markup_limits(const char *in, size_t len, size_t max_elements,
                                              bool html, const char *what, plan_error *err);

/* html.c: the text of an HTML page (UTF-8 in), anchoring map to in. */
PLAN_INTERNAL plan_status plan__html_extract(const char *in, size_t len, const plan_options *o,
                                             plan_buf *out, plan_offmap *map, plan_error *err);
/* html.c: a libxml2 structured-error handler that drops the error (the
 * library never prints); the parse result says what went wrong. */
struct _xmlError;
PLAN_INTERNAL void plan__xml_quiet(void *ctx, struct _xmlError *error);

/* docx.c: the text of a DOCX file's main part. */
PLAN_INTERNAL plan_status plan__docx_extract(const char *in, size_t len, const plan_options *o,
                                             plan_buf *out, plan_error *err);

/* table.c: flattens a table (rows of cells, each cell's text) into out;
 * a task table (content, lead, support, deadline columns) becomes one
 * bullet per task with "Cơ quan chủ trì:" ... so duties carry them. */
typedef struct plan_table_cell {
  char *text;
  size_t len;
  size_t src;       /* where the cell starts in the input */
  plan_offmap map;  /* text offsets -> input offsets (may be empty) */
} plan_table_cell;
typedef struct plan_table {
  plan_vec rows; /* of plan_vec of plan_table_cell */
} plan_table;
PLAN_INTERNAL void plan__table_init(plan_table *t);
PLAN_INTERNAL plan_vec *plan__table_add_row(plan_table *t);
PLAN_INTERNAL plan_table_cell *plan__table_add_cell(plan_table *t, size_t src);
PLAN_INTERNAL void plan__table_emit(plan_table *t, plan_buf *out, plan_offmap *map);
/* Does the first row name a task table's content and lead columns? */
PLAN_INTERNAL bool plan__table_is_tasks(plan_table *t);

/* text_table.c: the task tables of a text copied cell by cell ('|' lines)
 * rewritten as task bullets into out, anchoring map; *changed says
 * whether there was one (out and map are left empty when not). */
PLAN_INTERNAL plan_status plan__text_tables(const char *in, size_t len, plan_buf *out,
                                            plan_offmap *map, bool *changed);
PLAN_INTERNAL void plan__table_free(plan_table *t);

#endif
