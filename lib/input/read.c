/* read.c - the library's entry to text: an input's bytes read (input.c),
 * normalized (the text stage's pass) and their abbreviations expanded
 * (the lexicon stage's), with every offset mapped back to the input. */
#include <stdlib.h>

#include "input.h"

/* The pass over src (the input as input.c read it), then what the options
 * ask after it; positions map back to input (len bytes). */
static plan_status normalize_source(const plan_options *o, plan_source *src,
                                    const char *input, size_t len, plan_text **out,
                                    plan_error *err) {
  const char *data = src->data ? src->data : "";
  plan_text *t = src->detached ? plan__text_new(data, src->len) : plan__text_new(input, len);
  if (!t) return plan__error(err, PLAN_ENOMEM, 0, 0, 0, "out of memory");
  t->input = src->input;
  t->encoding = src->encoding;
  plan_status st = plan__normalize_pass(o, data, src->len, t, err);
  if (st == PLAN_OK && (o->flags & PLAN_OPT_EXPAND_ABBREVIATIONS)) {
    const plan_lexicon *lex = plan__lexicon_of(o);
    st = lex ? plan__expand_abbreviations(t, lex, o) : PLAN_ENOMEM;
    if (st == PLAN_ENOMEM) plan__error(err, st, 0, 0, 0, "out of memory");
  }
  if (st == PLAN_OK && !plan__buf_reserve(&t->out, 0)) {
    st = plan__error(err, PLAN_ENOMEM, 0, 0, 0, "out of memory");
  }
  if (st == PLAN_OK && src->converted && !src->detached) {
    /* the text's positions go through the conversion's map to the input */
    plan_offmap tmp = t->map0;
    t->map0 = src->map;
    src->map = tmp;
    t->decoded = true;
  }
  if (st != PLAN_OK) {
    if (st != PLAN_ENOMEM && err && src->converted && !src->detached && err->offset < src->len) {
      /* a position in the converted text: say where it came from */
      err->offset = plan__offmap_lookup(&src->map, err->offset);
      plan__position(input, len, err->offset, &err->line, &err->column);
    }
    plan_text_free(t);
    return st;
  }
  t->out.data[t->out.len] = '\0';
  *out = t;
  return PLAN_OK;
}

plan_status plan_normalize(const char *input, size_t len, const plan_options *opts,
                           plan_text **out, plan_error *err) {
  if (!out) return plan__error(err, PLAN_EINVAL, 0, 0, 0, "out is NULL");
  *out = NULL;
  if (!input && len) return plan__error(err, PLAN_EINVAL, 0, 0, 0, "input is NULL");
  plan_options o;
  plan_status ost = plan__options_copy(&o, opts, err);
  if (ost != PLAN_OK) return ost;
  if (o.tone_style > PLAN_TONE_KEEP)
    return plan__error(err, PLAN_EINVAL, 0, 0, 0, "unknown tone style %d", (int)o.tone_style);
  if (len > o.max_input_bytes)
    return plan__error(err, PLAN_ELIMIT, o.max_input_bytes, 0, 0,
                       "input of %zu bytes exceeds the limit of %zu bytes", len,
                       o.max_input_bytes);
  if (!input) input = "";
  if (o.encoding == PLAN_ENCODING_AUTO && (o.flags & PLAN_OPT_REPLACE_INVALID)) {
    /* replacing bad bytes would hide a legacy encoding: look first */
    plan_status dst = plan__legacy_detect(input, len, false, &o.encoding, err);
    if (dst != PLAN_OK) return dst;
  }
  plan_source src;
  plan_status st = plan__source_open(&src, input, len, &o, err);
  if (st == PLAN_OK) st = normalize_source(&o, &src, input, len, out, err);
  if (st == PLAN_EUTF8 && o.encoding == PLAN_ENCODING_AUTO && !src.converted) {
    /* Not UTF-8: perhaps one of the legacy encodings.  Looked at only now,
     * so that UTF-8 input pays nothing for it. */
    plan_encoding e;
    plan_error e2;
    plan_status dst = plan__legacy_detect(input, len, false, &e, &e2);
    if (dst != PLAN_OK) {
      st = dst;
      if (err) *err = e2;
    } else if (e != PLAN_ENCODING_UTF8) {
      plan__source_close(&src);
      o.encoding = e;
      st = plan__source_open(&src, input, len, &o, err);
      if (st == PLAN_OK) st = normalize_source(&o, &src, input, len, out, err);
    }
  }
  plan__source_close(&src);
  return st;
}

plan_status plan_normalize_string(const char *input, size_t len, const plan_options *opts,
                                  char **out, size_t *out_len, plan_error *err) {
  if (!out) return plan__error(err, PLAN_EINVAL, 0, 0, 0, "out is NULL");
  *out = NULL;
  plan_text *t;
  plan_status st = plan_normalize(input, len, opts, &t, err);
  if (st != PLAN_OK) return st;
  char *r = plan__buf_take(&t->out, out_len);
  plan_text_free(t);
  return plan__give_string(r, out, err);
}

plan_status plan_key(const char *input, size_t len, const plan_options *opts, char **out,
                     size_t *out_len, plan_error *err) {
  if (!out) return plan__error(err, PLAN_EINVAL, 0, 0, 0, "out is NULL");
  *out = NULL;
  plan_options o;
  plan_status st = plan__options_copy(&o, opts, err);
  if (st != PLAN_OK) return st;
  o.flags |= PLAN_OPT_EXPAND_ABBREVIATIONS;
  plan_text *t;
  st = plan_normalize(input, len, &o, &t, err);
  if (st != PLAN_OK) return st;
  plan_buf b = {0};
  plan__buf_reserve(&b, t->out.len);
  plan__key_append(&b, t->out.data, t->out.len);
  plan_text_free(t);
  while (b.len && b.data[b.len - 1] == ' ') b.len--;
  return plan__give_string(plan__buf_take(&b, out_len), out, err);
}

plan_status plan_read_file(const char *path, const plan_options *opts, char **out, size_t *len,
                           plan_error *err) {
  if (!out || !path) return plan__error(err, PLAN_EINVAL, 0, 0, 0, "path or out is NULL");
  *out = NULL;
  plan_options o;
  plan_status st = plan__options_copy(&o, opts, err);
  if (st != PLAN_OK) return st;
  return plan__read_file(path, o.max_input_bytes, out, len, err);
}
