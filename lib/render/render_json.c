/* render_json.c - a document as JSON: meta, frame, sections (the outline),
 * references, diagnostics.  Reads the tree only. */
#include <string.h>

#include "doc/doc.h"
#include "core/core.h"

static void section(plan_buf *b, const plan_node *n) {
  bool f = true;
  plan__buf_putc(b, '{');
  plan__json_key(b, &f, "label");
  plan__json_str(b, n->label);
  plan__json_key(b, &f, "title");
  plan__json_str(b, n->title);
  plan__json_key(b, &f, "kind");
  plan__json_str(b, plan_marker_name(n->marker));
  plan__json_key(b, &f, "path");
  plan__json_str(b, n->path);
  plan__json_key(b, &f, "line");
  plan__buf_printf(b, "%zu", n->line);
  plan__json_key(b, &f, "text");
  plan__json_str(b, n->text);
  plan__json_key(b, &f, "body");
  plan__buf_putc(b, '[');
  bool first = true;
  for (const plan_node *c = n->first; c; c = c->next)
    if (c->kind == PLAN_NODE_PARAGRAPH) {
      if (!first) plan__buf_putc(b, ',');
      first = false;
      plan__json_str(b, c->text);
    }
  plan__buf_putc(b, ']');
  plan__json_key(b, &f, "children");
  plan__buf_putc(b, '[');
  first = true;
  for (const plan_node *c = n->first; c; c = c->next)
    if (c->kind == PLAN_NODE_ITEM) {
      if (!first) plan__buf_putc(b, ',');
      first = false;
      section(b, c);
    }
  plan__buf_put(b, "]}", 2);
}

/* The outline items of a container (the root or an attachment). */
static void sections(plan_buf *b, const plan_node *container, bool *first) {
  for (const plan_node *c = container->first; c; c = c->next) {
    if (c->kind == PLAN_NODE_ITEM) {
      if (!*first) plan__buf_putc(b, ',');
      *first = false;
      section(b, c);
    } else if (c->kind == PLAN_NODE_ATTACHMENT) {
      sections(b, c, first);
    }
  }
}

static void frame(plan_buf *b, const plan_node *container, bool *first) {
  for (const plan_node *c = container->first; c; c = c->next) {
    if (c->kind == PLAN_NODE_ITEM) continue;
    if (c->kind == PLAN_NODE_ATTACHMENT) {
      frame(b, c, first);
      continue;
    }
    if (!*first) plan__buf_putc(b, ',');
    *first = false;
    bool f = true;
    plan__buf_putc(b, '{');
    plan__json_key(b, &f, "kind");
    plan__json_str(b, plan_node_kind_name(c->kind));
    plan__json_key(b, &f, "line");
    plan__buf_printf(b, "%zu", c->line);
    plan__json_key(b, &f, "text");
    plan__json_str(b, c->text);
    if (c->first) {
      plan__json_key(b, &f, "items");
      plan__buf_putc(b, '[');
      for (const plan_node *k = c->first; k; k = k->next) {
        if (k != c->first) plan__buf_putc(b, ',');
        plan__json_str(b, k->text);
      }
      plan__buf_putc(b, ']');
    }
    plan__buf_putc(b, '}');
  }
}

static void agency_ref(plan_buf *b, const plan_agency *a, const char *text) {
  bool f = true;
  plan__buf_putc(b, '{');
  plan__json_key(b, &f, "id");
  plan__json_str(b, a->id);
  plan__json_key(b, &f, "name");
  plan__json_str(b, a->name);
  if (text) {
    plan__json_key(b, &f, "text");
    plan__json_str(b, text);
  }
  plan__json_key(b, &f, "known");
  plan__buf_put(b, a->known ? "true" : "false", a->known ? 4 : 5);
  plan__buf_putc(b, '}');
}

static void assignments(plan_buf *b, const plan_doc *doc) {
  plan__buf_putc(b, '[');
  for (size_t i = 0; i < doc->assigned.assignments.len; i++) {
    const plan_assignment *a = (const plan_assignment *)doc->assigned.assignments.data + i;
    bool f = true;
    if (i) plan__buf_putc(b, ',');
    plan__buf_putc(b, '{');
    plan__json_key(b, &f, "label");
    plan__json_str(b, a->label);
    plan__json_key(b, &f, "heading");
    plan__json_str(b, a->heading);
    plan__json_key(b, &f, "line");
    plan__buf_printf(b, "%zu", a->node->line);
    plan__json_key(b, &f, "agencies");
    plan__buf_putc(b, '[');
    for (size_t k = 0; k < a->nagencies; k++) {
      if (k) plan__buf_putc(b, ',');
      agency_ref(b, a->agencies[k].agency, a->agencies[k].text);
    }
    plan__buf_putc(b, ']');
    plan__json_key(b, &f, "requested");
    plan__buf_put(b, a->requested ? "true" : "false", a->requested ? 4 : 5);
    plan__json_key(b, &f, "duties");
    plan__buf_putc(b, '[');
    for (size_t k = 0; k < a->nduties; k++) {
      const plan_duty *d = &a->duties[k];
      bool df = true;
      if (k) plan__buf_putc(b, ',');
      plan__buf_putc(b, '{');
      plan__json_key(b, &df, "text");
      plan__json_str(b, d->text);
      plan__json_key(b, &df, "agency");
      plan__json_str(b, d->agency ? d->agency->id : NULL);
      plan__json_key(b, &df, "mentions");
      plan__buf_putc(b, '[');
      for (size_t m = 0; m < d->nmentions; m++) {
        if (m) plan__buf_putc(b, ',');
        plan__buf_printf(b, "{\"id\":");
        plan__json_str(b, d->mentions[m].agency->id);
        plan__buf_printf(b, ",\"role\":\"%s\",\"text\":", plan_role_name(d->mentions[m].role));
        plan__json_str(b, d->mentions[m].text);
        plan__buf_putc(b, '}');
      }
      plan__buf_putc(b, ']');
      plan__json_key(b, &df, "deadline");
      plan__json_str(b, d->deadline);
      plan__json_key(b, &df, "line");
      plan__buf_printf(b, "%zu", d->line);
      plan__json_key(b, &df, "start");
      plan__buf_printf(b, "%zu", d->start);
      plan__json_key(b, &df, "end");
      plan__buf_printf(b, "%zu", d->end);
      plan__buf_putc(b, '}');
    }
    plan__buf_put(b, "]}", 2);
  }
  plan__buf_putc(b, ']');
}

static char *render_json(const plan_doc *doc, size_t *len) {
  if (!doc) return NULL;
  plan_buf b = {0};
  bool f = true;
  plan__buf_putc(&b, '{');
  /* what the document is, and the version of its shape (docs/schema/) */
  plan__buf_printf(&b, "\"format\":\"libplan-document\",\"version\":%d", PLAN_JSON_VERSION);
  f = false;
  plan__json_key(&b, &f, "source");
  plan__json_str(&b, doc->outline.source);
  plan__json_key(&b, &f, "input");
  plan__json_str(&b, plan_input_name(plan_text_input(doc->outline.text)));
  plan__json_key(&b, &f, "encoding");
  plan__json_str(&b, plan_encoding_name(plan_text_encoding(doc->outline.text)));
  plan__json_key(&b, &f, "meta");
  plan__buf_putc(&b, '{');
  bool mf = true;
  for (int m = 0; m < PLAN_META_COUNT_; m++) {
    plan__json_key(&b, &mf, plan_meta_name((plan_meta)m));
    plan__json_str(&b, doc->outline.meta[m]);
  }
  plan__buf_putc(&b, '}');
  plan__json_key(&b, &f, "frame");
  plan__buf_putc(&b, '[');
  bool first = true;
  frame(&b, doc->outline.root, &first);
  plan__buf_putc(&b, ']');
  plan__json_key(&b, &f, "sections");
  plan__buf_putc(&b, '[');
  first = true;
  sections(&b, doc->outline.root, &first);
  plan__buf_putc(&b, ']');
  plan__json_key(&b, &f, "assignments");
  assignments(&b, doc);
  plan__json_key(&b, &f, "not_assignments");
  plan__buf_putc(&b, '[');
  for (size_t i = 0; i < doc->assigned.non_assignments.len; i++) {
    const plan_node *n = ((const plan_node **)doc->assigned.non_assignments.data)[i];
    if (i) plan__buf_putc(&b, ',');
    plan__json_str(&b, n->title ? n->title : n->text);
  }
  plan__buf_putc(&b, ']');
  plan__json_key(&b, &f, "agencies");
  plan__buf_putc(&b, '[');
  for (size_t i = 0; i < doc->assigned.agencies.len; i++) {
    if (i) plan__buf_putc(&b, ',');
    agency_ref(&b, ((const plan_agency **)doc->assigned.agencies.data)[i], NULL);
  }
  plan__buf_putc(&b, ']');
  plan__json_key(&b, &f, "implements");
  plan__buf_putc(&b, '[');
  for (size_t i = 0; i < doc->outline.implements.len; i++) {
    if (i) plan__buf_putc(&b, ',');
    plan__json_str(&b, ((const plan_reference **)doc->outline.implements.data)[i]->number);
  }
  plan__buf_putc(&b, ']');
  plan__json_key(&b, &f, "references");
  plan__buf_putc(&b, '[');
  for (size_t i = 0; i < doc->outline.refs.len; i++) {
    const plan_reference *r = (const plan_reference *)doc->outline.refs.data + i;
    bool rf = true;
    if (i) plan__buf_putc(&b, ',');
    plan__buf_putc(&b, '{');
    plan__json_key(&b, &rf, "number");
    plan__json_str(&b, r->number);
    if (r->title) {
      plan__json_key(&b, &rf, "title");
      plan__json_str(&b, r->title);
    }
    plan__json_key(&b, &rf, "kind");
    plan__json_str(&b, r->kind);
    plan__json_key(&b, &rf, "issuer");
    plan__json_str(&b, r->issuer);
    plan__json_key(&b, &rf, "date");
    plan__json_str(&b, r->date);
    plan__json_key(&b, &rf, "count");
    plan__buf_printf(&b, "%zu", r->count);
    plan__json_key(&b, &rf, "line");
    plan__buf_printf(&b, "%zu", r->line);
    plan__buf_putc(&b, '}');
  }
  plan__buf_putc(&b, ']');
  plan__json_key(&b, &f, "diagnostics");
  plan__buf_putc(&b, '[');
  for (size_t i = 0; i < doc->outline.diags.len; i++) {
    const plan_diagnostic *d = (const plan_diagnostic *)doc->outline.diags.data + i;
    if (i) plan__buf_putc(&b, ',');
    plan__buf_printf(&b, "{\"code\":\"%s\",\"message\":", plan_diag_code_name(d->code));
    plan__json_str(&b, d->message);
    plan__buf_printf(&b, ",\"offset\":%zu,\"line\":%zu,\"column\":%zu}", d->offset, d->line,
                     d->column);
  }
  plan__buf_put(&b, "]}\n", 3);
  return plan__buf_take(&b, len);
}

plan_status plan_render_json(const plan_doc *doc, char **out, size_t *len, plan_error *err) {
  if (out) *out = NULL;
  if (!doc || !out) return plan__error(err, PLAN_EINVAL, 0, 0, 0, "doc or out is NULL");
  return plan__give_string(render_json(doc, len), out, err);
}
