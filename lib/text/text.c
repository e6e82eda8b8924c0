/* text.c - the normalized text object: accessors and the source map. */
#include <stdlib.h>
#include <string.h>

#include "text.h"

plan_text *plan__text_new(const char *input, size_t len) {
  plan_text *t = calloc(1, sizeof *t);
  if (!t) return NULL;
  plan__offmap_init(&t->map);
  plan__offmap_init(&t->map2);
  plan__offmap_init(&t->map0);
  plan__vec_init(&t->hints, sizeof(plan_hint));
  plan__vec_init(&t->lines, sizeof(size_t));
  t->input_len = len;
  size_t *first = plan__vec_push(&t->lines);
  /* memchr is much faster than a byte loop; a lone CR (old Mac files) is
   * rare enough to look for only when there is one. */
  bool has_cr = len && memchr(input, '\r', len) != NULL;
  for (size_t i = 0; first && i < len; i++) {
    if (!has_cr) {
      const char *nl = memchr(input + i, '\n', len - i);
      if (!nl) break;
      i = (size_t)(nl - input);
    }
    char c = input[i];
    if (c == '\n' || (c == '\r' && (i + 1 == len || input[i + 1] != '\n'))) {
      size_t *l = plan__vec_push(&t->lines);
      if (!l) break;
      *l = i + 1;
    }
  }
  if (t->lines.oom) {
    plan_text_free(t);
    return NULL;
  }
  return t;
}

void plan_text_free(plan_text *t) {
  if (!t) return;
  plan__buf_free(&t->out);
  plan__offmap_free(&t->map);
  plan__offmap_free(&t->map2);
  plan__offmap_free(&t->map0);
  plan__vec_free(&t->hints);
  plan__vec_free(&t->lines);
  free(t);
}

plan_input plan_text_input(const plan_text *t) { return t ? t->input : PLAN_INPUT_TEXT; }
plan_encoding plan_text_encoding(const plan_text *t) {
  return t ? t->encoding : PLAN_ENCODING_UTF8;
}

const char *plan_text_data(const plan_text *t, size_t *len) {
  if (!t) {
    if (len) *len = 0;
    return NULL;
  }
  if (len) *len = t->out.len;
  return t->out.data ? t->out.data : "";
}

size_t plan_text_replacements(const plan_text *t) { return t ? t->replacements : 0; }

plan_status plan_text_source(const plan_text *t, size_t offset, size_t *input_offset,
                             size_t *line, size_t *column, plan_error *err) {
  if (!t) return plan__error(err, PLAN_EINVAL, 0, 0, 0, "text is NULL");
  size_t in;
  if (offset >= t->out.len) {
    in = t->input_len;
  } else {
    size_t o = t->expanded ? plan__offmap_lookup(&t->map2, offset) : offset;
    in = plan__offmap_lookup(&t->map, o);
    if (t->decoded) in = plan__offmap_lookup(&t->map0, in);
    if (in > t->input_len) in = t->input_len;
  }
  if (input_offset) *input_offset = in;
  if (!line && !column) return PLAN_OK;
  const size_t *ls = t->lines.data;
  /* the last line starting at or before in (line 0 starts at 0) */
  size_t next = plan__upper_bound_from(ls, sizeof *ls, 0, t->lines.len, 0, in);
  size_t lo = next ? next - 1 : 0;
  if (line) *line = lo + 1;
  if (column) *column = in - ls[lo] + 1;
  return PLAN_OK;
}

void plan__text_source_from(const plan_text *t, plan_text_cursor *cur, size_t offset,
                            size_t *input_offset, size_t *line) {
  size_t in;
  if (offset >= t->out.len) {
    in = t->input_len;
  } else {
    size_t o = t->expanded ? plan__offmap_lookup_from(&t->map2, offset, &cur->anchor2) : offset;
    in = plan__offmap_lookup_from(&t->map, o, &cur->anchor);
    if (t->decoded) in = plan__offmap_lookup_from(&t->map0, in, &cur->anchor0);
    if (in > t->input_len) in = t->input_len;
  }
  if (input_offset) *input_offset = in;
  if (line) {
    /* the last line starting at or before in (there is always line 0) */
    size_t next = plan__upper_bound_from(t->lines.data, sizeof(size_t), 0, t->lines.len,
                                         cur->line, in);
    cur->line = next;
    *line = next ? next : 1;
  }
}

size_t plan_text_hint_count(const plan_text *t) { return t ? t->hints.len : 0; }

const plan_hint *plan_text_hint(const plan_text *t, size_t i) {
  if (!t || i >= t->hints.len) return NULL;
  return (const plan_hint *)t->hints.data + i;
}
