/* doc.c - parsing a document (the stages in order) and the accessors of
 * plan.h's document, node, iterator, reference and diagnostic sections. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "input.h"

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
  plan__options_copy(&o, opts);
  plan_doc *doc = calloc(1, sizeof *doc);
  if (!doc) return plan__error(err, PLAN_ENOMEM, 0, 0, 0, "out of memory");
  plan__vec_init(&doc->refs, sizeof(plan_reference));
  plan__vec_init(&doc->implements, sizeof(const plan_reference *));
  plan__vec_init(&doc->diags, sizeof(plan_diagnostic));
  plan__vec_init(&doc->assignments, sizeof(plan_assignment));
  plan__vec_init(&doc->agencies, sizeof(plan_agency *));
  plan__vec_init(&doc->non_assignments, sizeof(plan_node *));
  plan_lexicon *own = NULL;
  plan_status st = PLAN_OK;
  if (!o.lexicon) {
    st = plan_lexicon_new(&own);
    if (st) {
      plan_doc_free(doc);
      return plan__error(err, st, 0, 0, 0, "%s", plan_strerror(st));
    }
    o.lexicon = own;
  }
  doc->lex = o.lexicon;
  doc->max_depth = o.max_depth < 1 ? 1 : o.max_depth > 1024 ? 1024 : o.max_depth;
  size_t at = 0;
  /* a DOCX is binary by nature: the input stage reads its text */
  if (input && !plan__source_is_docx(input, len, &o) && looks_binary(input, len, &at)) {
    size_t line, col;
    plan__position(input, len, at, &line, &col);
    st = plan__error(err, PLAN_EFORMAT, at, line, col,
                     "not text: control byte 0x%02x at byte %zu", (unsigned char)input[at], at);
  }
  if (st == PLAN_OK) st = plan_normalize(input, len, &o, &doc->text, err);
  if (st == PLAN_OK && plan_text_data(doc->text, NULL)[0] == '\0')
    st = plan__error(err, PLAN_EEMPTY, 0, 1, 1,
                     "the input holds no text (%zu bytes of white space or markup)", len);
  if (st == PLAN_OK) st = plan__lines(doc);
  if (st == PLAN_OK) {
    plan__blocks(doc);
    st = plan__tree(doc);
  }
  if (st == PLAN_OK) st = plan__refs(doc);
  if (st == PLAN_OK) st = plan__implements(doc);
  if (st == PLAN_OK && !(o.flags & PLAN_OPT_NO_ASSIGNMENTS)) st = plan__assign(doc);
  doc->lex = NULL; /* borrowed for the parse only */
  plan_lexicon_free(own);
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
    (*out)->source = plan__arena_strndup(&(*out)->arena, name, strlen(name));
    if (!(*out)->source) {
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
  FILE *f = fopen(path, "rb");
  if (!f) return plan__error(err, PLAN_EIO, 0, 0, 0, "cannot open %s", path);
  plan_buf b = {0};
  char chunk[65536];
  size_t k;
  while ((k = fread(chunk, 1, sizeof chunk, f)) > 0) plan__buf_put(&b, chunk, k);
  bool bad = ferror(f);
  fclose(f);
  if (bad || b.oom) {
    plan__buf_free(&b);
    return plan__error(err, bad ? PLAN_EIO : PLAN_ENOMEM, 0, 0, 0, "cannot read %s", path);
  }
  plan_status st = plan_doc_parse_named(b.data, b.len, path, opts, out, err);
  plan__buf_free(&b);
  return st;
}

void plan_doc_free(plan_doc *doc) {
  if (!doc) return;
  plan_text_free(doc->text);
  plan__vec_free(&doc->refs);
  plan__vec_free(&doc->implements);
  plan__vec_free(&doc->diags);
  plan__vec_free(&doc->assignments);
  plan__vec_free(&doc->agencies);
  plan__vec_free(&doc->non_assignments);
  plan__arena_free(&doc->arena);
  free(doc);
}

const plan_node *plan_doc_root(const plan_doc *doc) { return doc ? doc->root : NULL; }
const plan_text *plan_doc_text(const plan_doc *doc) { return doc ? doc->text : NULL; }
const char *plan_doc_source(const plan_doc *doc) { return doc ? doc->source : NULL; }

static const char *const meta_names[PLAN_META_COUNT_] = {
    "doc_type", "number", "number_pattern", "date", "place", "issuer", "province",
    "signer", "signer_title", "title", "subject", "attachment_type"};

const char *plan_doc_meta(const plan_doc *doc, plan_meta field) {
  if (!doc || (int)field < 0 || field >= PLAN_META_COUNT_) return NULL;
  return doc->meta[field];
}

const char *plan_meta_name(plan_meta field) {
  return (int)field >= 0 && field < PLAN_META_COUNT_ ? meta_names[field] : NULL;
}

static const char *const kind_names[] = {
    "document", "issuer", "motto", "number", "place_date", "type", "title", "subject",
    "recipients", "preamble", "enacting", "attachment", "item", "paragraph", "closing",
    "receivers", "signature"};
static const char *const marker_names[] = {"none", "roman", "arabic", "dotted", "letter",
                                           "bullet", "article", "chapter", "part", "section"};

const char *plan_node_kind_name(plan_node_kind k) {
  return (unsigned)k < sizeof kind_names / sizeof *kind_names ? kind_names[k] : "unknown";
}
const char *plan_marker_name(plan_marker m) {
  return (unsigned)m < sizeof marker_names / sizeof *marker_names ? marker_names[m] : "unknown";
}

plan_node_kind plan_node_kind_of(const plan_node *n) { return n ? n->kind : PLAN_NODE_DOCUMENT; }
plan_marker plan_node_marker(const plan_node *n) { return n ? n->marker : PLAN_MARKER_NONE; }
const char *plan_node_label(const plan_node *n) { return n ? n->label : ""; }
const char *plan_node_title(const plan_node *n) { return n ? n->title : NULL; }
const char *plan_node_text(const plan_node *n) { return n ? n->text : ""; }
const char *plan_node_path(const plan_node *n) { return n ? n->path : ""; }
int plan_node_is_emphasized(const plan_node *n) { return n && n->emphasized; }
const plan_node *plan_node_parent(const plan_node *n) { return n ? n->parent : NULL; }
const plan_node *plan_node_first_child(const plan_node *n) { return n ? n->first : NULL; }
const plan_node *plan_node_last_child(const plan_node *n) { return n ? n->last : NULL; }
const plan_node *plan_node_next(const plan_node *n) { return n ? n->next : NULL; }
const plan_node *plan_node_previous(const plan_node *n) { return n ? n->prev : NULL; }

void plan_node_span(const plan_node *n, size_t *start, size_t *end, size_t *line) {
  if (start) *start = n ? n->start : 0;
  if (end) *end = n ? n->end : 0;
  if (line) *line = n ? n->line : 0;
}

size_t plan_node_item_count(const plan_node *n) {
  size_t c = 0;
  for (const plan_node *k = n ? n->first : NULL; k; k = k->next) c += k->kind == PLAN_NODE_ITEM;
  return c;
}

struct plan_iter {
  const plan_node *root, *cur;
  plan_event ev;
};

plan_iter *plan_iter_new(const plan_node *root) {
  if (!root) return NULL;
  plan_iter *it = calloc(1, sizeof *it);
  if (it) it->root = root;
  return it;
}

plan_event plan_iter_next(plan_iter *it) {
  if (!it) return PLAN_EVENT_DONE;
  const plan_node *c = it->cur;
  if (!c) {
    if (it->ev == PLAN_EVENT_DONE && it->root) {
      it->cur = it->root;
      return it->ev = PLAN_EVENT_ENTER;
    }
    return PLAN_EVENT_DONE;
  }
  if (it->ev == PLAN_EVENT_ENTER && c->first) {
    it->cur = c->first;
    return it->ev = PLAN_EVENT_ENTER;
  }
  if (c == it->root) goto done; /* a root without children, or its exit */
  if (c->next) {
    it->cur = c->next;
    return it->ev = PLAN_EVENT_ENTER;
  }
  it->cur = c->parent;
  return it->ev = PLAN_EVENT_EXIT;
done:
  it->cur = NULL;
  it->root = NULL;
  return it->ev = PLAN_EVENT_DONE;
}

const plan_node *plan_iter_node(const plan_iter *it) { return it ? it->cur : NULL; }
void plan_iter_free(plan_iter *it) { free(it); }

size_t plan_doc_reference_count(const plan_doc *doc) { return doc ? doc->refs.len : 0; }
const plan_reference *plan_doc_reference(const plan_doc *doc, size_t i) {
  return doc && i < doc->refs.len ? (const plan_reference *)doc->refs.data + i : NULL;
}
const char *plan_reference_number(const plan_reference *r) { return r ? r->number : NULL; }
const char *plan_reference_kind(const plan_reference *r) { return r ? r->kind : NULL; }
const char *plan_reference_issuer(const plan_reference *r) { return r ? r->issuer : NULL; }
const char *plan_reference_date(const plan_reference *r) { return r ? r->date : NULL; }
const char *plan_reference_title(const plan_reference *r) { return r ? r->title : NULL; }
size_t plan_reference_count(const plan_reference *r) { return r ? r->count : 0; }
void plan_reference_position(const plan_reference *r, size_t *offset, size_t *line) {
  if (offset) *offset = r ? r->offset : 0;
  if (line) *line = r ? r->line : 0;
}

size_t plan_doc_diagnostic_count(const plan_doc *doc) { return doc ? doc->diags.len : 0; }
const plan_diagnostic *plan_doc_diagnostic(const plan_doc *doc, size_t i) {
  return doc && i < doc->diags.len ? (const plan_diagnostic *)doc->diags.data + i : NULL;
}
plan_diag_code plan_diagnostic_code(const plan_diagnostic *d) { return d ? d->code : 0; }
const char *plan_diagnostic_message(const plan_diagnostic *d) { return d ? d->message : ""; }
void plan_diagnostic_position(const plan_diagnostic *d, size_t *offset, size_t *line,
                              size_t *column) {
  if (offset) *offset = d ? d->offset : 0;
  if (line) *line = d ? d->line : 0;
  if (column) *column = d ? d->column : 0;
}

const char *plan_diag_code_name(plan_diag_code code) {
  static const char *const names[] = {"",  "numbering-gap", "duplicate-number", "starts-late",
                                      "mixed-alphabet", "unknown-marker", "guessed-date",
                                      "no-number", "furniture", "heuristic"};
  return (unsigned)code < sizeof names / sizeof *names ? names[code] : "unknown";
}

/* ---- assignments ---------------------------------------------------- */

const char *plan_agency_id(const plan_agency *a) { return a ? a->id : NULL; }
const char *plan_agency_name(const plan_agency *a) { return a ? a->name : NULL; }
const char *plan_agency_kind(const plan_agency *a) { return a ? a->kind : NULL; }
const char *plan_agency_level(const plan_agency *a) { return a ? a->level : NULL; }
const char *plan_agency_portfolios(const plan_agency *a) { return a ? a->portfolios : NULL; }
int plan_agency_known(const plan_agency *a) { return a && a->known; }

const char *plan_role_name(plan_role role) {
  static const char *const names[] = {"named", "lead", "coordinate", "advise", "report"};
  return (unsigned)role < sizeof names / sizeof *names ? names[role] : "unknown";
}

const plan_agency *plan_mention_agency(const plan_mention *m) { return m ? m->agency : NULL; }
plan_role plan_mention_role(const plan_mention *m) { return m ? m->role : PLAN_ROLE_NAMED; }
const char *plan_mention_text(const plan_mention *m) { return m ? m->text : NULL; }

size_t plan_doc_assignment_count(const plan_doc *doc) { return doc ? doc->assignments.len : 0; }
const plan_assignment *plan_doc_assignment(const plan_doc *doc, size_t i) {
  return doc && i < doc->assignments.len ? (const plan_assignment *)doc->assignments.data + i : NULL;
}
const char *plan_assignment_label(const plan_assignment *a) { return a ? a->label : NULL; }
const char *plan_assignment_heading(const plan_assignment *a) { return a ? a->heading : NULL; }
int plan_assignment_requested(const plan_assignment *a) { return a && a->requested; }
const plan_node *plan_assignment_node(const plan_assignment *a) { return a ? a->node : NULL; }
size_t plan_assignment_agency_count(const plan_assignment *a) { return a ? a->nagencies : 0; }
const plan_mention *plan_assignment_agency(const plan_assignment *a, size_t i) {
  return a && i < a->nagencies ? &a->agencies[i] : NULL;
}
size_t plan_assignment_duty_count(const plan_assignment *a) { return a ? a->nduties : 0; }
const plan_duty *plan_assignment_duty(const plan_assignment *a, size_t i) {
  return a && i < a->nduties ? &a->duties[i] : NULL;
}

const char *plan_duty_text(const plan_duty *d) { return d ? d->text : NULL; }
void plan_duty_span(const plan_duty *d, size_t *start, size_t *end, size_t *line) {
  if (start) *start = d ? d->start : 0;
  if (end) *end = d ? d->end : 0;
  if (line) *line = d ? d->line : 0;
}
const plan_agency *plan_duty_agency(const plan_duty *d) { return d ? d->agency : NULL; }
size_t plan_duty_mention_count(const plan_duty *d) { return d ? d->nmentions : 0; }
const plan_mention *plan_duty_mention(const plan_duty *d, size_t i) {
  return d && i < d->nmentions ? &d->mentions[i] : NULL;
}
const char *plan_duty_deadline(const plan_duty *d) { return d ? d->deadline : NULL; }

size_t plan_doc_non_assignment_count(const plan_doc *doc) { return doc ? doc->non_assignments.len : 0; }
const plan_node *plan_doc_non_assignment(const plan_doc *doc, size_t i) {
  return doc && i < doc->non_assignments.len ? ((const plan_node **)doc->non_assignments.data)[i] : NULL;
}
size_t plan_doc_agency_count(const plan_doc *doc) { return doc ? doc->agencies.len : 0; }
const plan_agency *plan_doc_agency(const plan_doc *doc, size_t i) {
  return doc && i < doc->agencies.len ? ((const plan_agency **)doc->agencies.data)[i] : NULL;
}
