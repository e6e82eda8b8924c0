/* doc.c - parsing a document: the stages in order (input and text into a
 * normalized text, segment into an outline, assign into agency items),
 * and the accessors of the document itself. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc.h"

/* Binary data: control characters other than the white space text has.
 * Text has few bytes below 0x20 at all, so eight bytes at a time are let
 * through when none of them is (the has-less-than word trick). */
static bool looks_binary(const char *s, size_t n, size_t *at) {
  size_t bad = 0, i = 0;
  const uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
  for (;;) {
    for (; i + 8 <= n; i += 8) {
      uint64_t w;
      memcpy(&w, s + i, 8);
      if ((w - ones * 0x20) & ~w & highs) break; /* a byte below 0x20 in here */
    }
    size_t end = i + 8 < n ? i + 8 : n;
    if (i >= n) break;
    for (; i < end; i++) {
      unsigned char c = (unsigned char)s[i];
      /* NUL is left to the normalizer, which names it (PLAN_ENUL) */
      if (c < 0x20 && c != 0 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != '\v') {
        if (bad++ == 0) *at = i;
      }
    }
  }
  return bad > 0 && bad * 100 > n; /* more than 1% control bytes */
}

plan_status plan_doc_parse(const char *input, size_t len, const plan_options *opts,
                           plan_doc **out, plan_error *err) {
  if (!out) return plan__error(err, PLAN_EINVAL, 0, 0, 0, "out is NULL");
  *out = NULL;
  plan_options o;
  plan_status ost = plan__options_copy(&o, opts, err);
  if (ost != PLAN_OK) return ost;
  /* before any byte is read: a length past the limit may be past the buffer */
  if (len > o.max_input_bytes)
    return plan__error(err, PLAN_ELIMIT, o.max_input_bytes, 0, 0,
                       "input of %zu bytes exceeds the limit of %zu bytes", len, o.max_input_bytes);
  if (!input && len) return plan__error(err, PLAN_EINVAL, 0, 0, 0, "input is NULL");
  plan_doc *doc = calloc(1, sizeof *doc);
  if (!doc) return plan__error(err, PLAN_ENOMEM, 0, 0, 0, "out of memory");
  plan_outline *ol = &doc->outline;
  plan__vec_init(&ol->refs, sizeof(plan_reference));
  plan__vec_init(&ol->implements, sizeof(const plan_reference *));
  plan__vec_init(&ol->diags, sizeof(plan_diagnostic));
  plan_status st = PLAN_OK;
  /* every stage reads the one lexicon: the caller's or the shared default */
  o.lexicon = plan__lexicon_of(&o);
  if (!o.lexicon) {
    plan_doc_free(doc);
    return plan__error(err, PLAN_ENOMEM, 0, 0, 0, "out of memory");
  }
  ol->lex = o.lexicon;
  ol->max_depth = o.max_depth < 1 ? 1 : o.max_depth > 1024 ? 1024 : o.max_depth;
  size_t at = 0;
  /* a DOCX is binary by nature: the input stage reads its text */
  if (input && !plan__source_is_docx(input, len, &o) && looks_binary(input, len, &at)) {
    size_t line, col;
    plan__position(input, len, at, &line, &col);
    st = plan__error(err, PLAN_EFORMAT, at, line, col,
                     "not text: control byte 0x%02x at byte %zu", (unsigned char)input[at], at);
  }
  if (st == PLAN_OK) st = plan_normalize(input, len, &o, &ol->text, err);
  if (st == PLAN_OK && plan_text_data(ol->text, NULL)[0] == '\0')
    st = plan__error(err, PLAN_EEMPTY, 0, 1, 1,
                     "the input holds no text (%zu bytes of white space or markup)", len);
  if (st == PLAN_OK) st = plan__lines(ol);
  if (st == PLAN_OK) {
    plan__blocks(ol);
    st = plan__tree(ol);
  }
  if (st == PLAN_OK) st = plan__refs(ol);
  if (st == PLAN_OK) st = plan__implements(ol);
  if (st == PLAN_OK && !(o.flags & PLAN_OPT_NO_ASSIGNMENTS))
    st = plan__assign(ol, &doc->assigned);
  /* a helper that could not allocate marks the arena and answers as if
   * nothing matched: the parse is then no parse */
  if (st == PLAN_OK && (ol->arena.oom || ol->diags.oom || ol->refs.oom || ol->implements.oom))
    st = PLAN_ENOMEM;
  ol->lex = NULL; /* borrowed for the parse only */
  if (st != PLAN_OK) {
    if (st == PLAN_ENOMEM) plan__error(err, st, 0, 0, 0, "out of memory");
    plan_doc_free(doc);
    return st;
  }
  *out = doc;
  return PLAN_OK;
}

plan_status plan_doc_parse_named(const char *input, size_t len, const char *name,
                                 const plan_options *opts, plan_doc **out, plan_error *err) {
  plan_status st = plan_doc_parse(input, len, opts, out, err);
  if (st == PLAN_OK && name) {
    (*out)->outline.source = plan__arena_clean(&(*out)->outline.arena, name, strlen(name));
    if (!(*out)->outline.source) {
      plan_doc_free(*out);
      *out = NULL;
      return plan__error(err, PLAN_ENOMEM, 0, 0, 0, "out of memory");
    }
  }
  return st;
}

plan_status plan_doc_parse_file(const char *path, const plan_options *opts, plan_doc **out,
                                plan_error *err) {
  if (!out || !path) return plan__error(err, PLAN_EINVAL, 0, 0, 0, "path or out is NULL");
  *out = NULL;
  char *data;
  size_t len;
  plan_status st = plan_read_file(path, opts, &data, &len, err);
  if (st != PLAN_OK) return st;
  st = plan_doc_parse_named(data, len, path, opts, out, err);
  free(data);
  return st;
}

void plan_doc_free(plan_doc *doc) {
  if (!doc) return;
  plan_text_free(doc->outline.text);
  plan__vec_free(&doc->outline.refs);
  plan__vec_free(&doc->outline.implements);
  plan__vec_free(&doc->outline.diags);
  plan__assigned_free(&doc->assigned);
  plan__arena_free(&doc->outline.arena);
  free(doc);
}

const plan_node *plan_doc_root(const plan_doc *doc) { return doc ? doc->outline.root : NULL; }
const plan_text *plan_doc_text(const plan_doc *doc) { return doc ? doc->outline.text : NULL; }
const char *plan_doc_source(const plan_doc *doc) { return doc ? doc->outline.source : NULL; }

const char *plan_doc_meta(const plan_doc *doc, plan_meta field) {
  if (!doc || (int)field < 0 || field >= PLAN_META_COUNT_) return NULL;
  return doc->outline.meta[field];
}

size_t plan_doc_reference_count(const plan_doc *doc) { return doc ? doc->outline.refs.len : 0; }
const plan_reference *plan_doc_reference(const plan_doc *doc, size_t i) {
  return doc && i < doc->outline.refs.len ? (const plan_reference *)doc->outline.refs.data + i : NULL;
}
size_t plan_doc_diagnostic_count(const plan_doc *doc) { return doc ? doc->outline.diags.len : 0; }
const plan_diagnostic *plan_doc_diagnostic(const plan_doc *doc, size_t i) {
  return doc && i < doc->outline.diags.len ? (const plan_diagnostic *)doc->outline.diags.data + i : NULL;
}
size_t plan_doc_assignment_count(const plan_doc *doc) { return doc ? doc->assigned.assignments.len : 0; }
const plan_assignment *plan_doc_assignment(const plan_doc *doc, size_t i) {
  return doc && i < doc->assigned.assignments.len ? (const plan_assignment *)doc->assigned.assignments.data + i : NULL;
}
size_t plan_doc_non_assignment_count(const plan_doc *doc) { return doc ? doc->assigned.non_assignments.len : 0; }
const plan_node *plan_doc_non_assignment(const plan_doc *doc, size_t i) {
  return doc && i < doc->assigned.non_assignments.len ? ((const plan_node **)doc->assigned.non_assignments.data)[i] : NULL;
}
size_t plan_doc_agency_count(const plan_doc *doc) { return doc ? doc->assigned.agencies.len : 0; }
const plan_agency *plan_doc_agency(const plan_doc *doc, size_t i) {
  return doc && i < doc->assigned.agencies.len ? ((const plan_agency **)doc->assigned.agencies.data)[i] : NULL;
}

size_t plan_doc_implements_count(const plan_doc *doc) { return doc ? doc->outline.implements.len : 0; }

const plan_reference *plan_doc_implements(const plan_doc *doc, size_t i) {
  if (!doc || i >= doc->outline.implements.len) return NULL;
  return ((const plan_reference **)doc->outline.implements.data)[i];
}
