/* render_text.c - a document as an indented outline a person reads in a
 * terminal.  Reads the tree only. */
#include <string.h>

#include "doc/doc.h"

static void line_of(plan_buf *b, const char *s, size_t max) {
  size_t n = strlen(s);
  if (n <= max) {
    plan__buf_put(b, s, n);
    return;
  }
  size_t cut = max;
  while (cut > 0 && ((unsigned char)s[cut] & 0xC0) == 0x80) cut--; /* whole characters */
  plan__buf_put(b, s, cut);
  plan__buf_put(b, "…", 3);
}

static void node(plan_buf *b, const plan_node *n, int depth) {
  for (const plan_node *c = n->first; c; c = c->next) {
    for (int i = 0; i < depth; i++) plan__buf_put(b, "  ", 2);
    if (c->kind == PLAN_NODE_ITEM) {
      plan__buf_printf(b, "%s%s ", c->label,
                       c->marker == PLAN_MARKER_BULLET || c->marker == PLAN_MARKER_ARTICLE ? "" :
                       c->marker == PLAN_MARKER_LETTER ? ")" : ".");
      if (c->title) {
        line_of(b, c->title, 100);
        if (*c->text) {
          plan__buf_put(b, ": ", 2);
          line_of(b, c->text, 60);
        }
      } else {
        line_of(b, c->text, 100);
      }
    } else if (c->kind == PLAN_NODE_ATTACHMENT) {
      plan__buf_put(b, "[attachment]", 12);
    } else {
      plan__buf_printf(b, "[%s] ", plan_node_kind_name(c->kind));
      line_of(b, c->text, 90);
    }
    plan__buf_printf(b, "  (line %zu)\n", c->line);
    node(b, c, depth + 1);
  }
}

static char *render_text(const plan_doc *doc, size_t *len) {
  if (!doc) return NULL;
  plan_buf b = {0};
  for (int m = 0; m < PLAN_META_COUNT_; m++)
    if (doc->outline.meta[m]) plan__buf_printf(&b, "%-16s %s\n", plan_meta_name((plan_meta)m), doc->outline.meta[m]);
  plan__buf_putc(&b, '\n');
  node(&b, doc->outline.root, 0);
  if (doc->assigned.assignments.len) plan__buf_put(&b, "\nassignments:\n", 14);
  for (size_t i = 0; i < doc->assigned.assignments.len; i++) {
    const plan_assignment *a = (const plan_assignment *)doc->assigned.assignments.data + i;
    plan__buf_printf(&b, "  %s. %s%s [", a->label, a->requested ? "(requested) " : "",
                     a->heading ? a->heading : "");
    for (size_t k = 0; k < a->nagencies; k++)
      plan__buf_printf(&b, "%s%s", k ? " " : "", a->agencies[k].agency->id);
    plan__buf_put(&b, "]\n", 2);
    for (size_t k = 0; k < a->nduties; k++) {
      const plan_duty *d = &a->duties[k];
      plan__buf_put(&b, "    - ", 6);
      if (d->agency) plan__buf_printf(&b, "<%s> ", d->agency->id);
      line_of(&b, d->text, 70);
      for (size_t m = 0; m < d->nmentions; m++)
        plan__buf_printf(&b, "%s%s:%s", m ? " " : "  {", d->mentions[m].agency->id,
                         plan_role_name(d->mentions[m].role));
      plan__buf_printf(&b, "%s  (line %zu)\n", d->nmentions ? "}" : "", d->line);
    }
  }
  for (size_t i = 0; i < doc->assigned.non_assignments.len; i++) {
    const plan_node *n = ((const plan_node **)doc->assigned.non_assignments.data)[i];
    plan__buf_printf(&b, "  %s. %s (not an agency)\n", n->label, n->title ? n->title : n->text);
  }
  for (size_t i = 0; i < doc->outline.implements.len; i++)
    plan__buf_printf(&b, "%s%s", i ? ", " : "\nimplements: ",
                     ((const plan_reference **)doc->outline.implements.data)[i]->number);
  if (doc->outline.implements.len) plan__buf_putc(&b, '\n');
  if (doc->outline.refs.len) plan__buf_put(&b, "\nreferences:\n", 13);
  for (size_t i = 0; i < doc->outline.refs.len; i++) {
    const plan_reference *r = (const plan_reference *)doc->outline.refs.data + i;
    plan__buf_printf(&b, "  %-20s %-12s %-10s x%zu\n", r->number ? r->number : r->title,
                     r->kind ? r->kind : "?", r->date ? r->date : "", r->count);
  }
  return plan__buf_take(&b, len);
}

plan_status plan_render_text(const plan_doc *doc, char **out, size_t *len, plan_error *err) {
  if (out) *out = NULL;
  if (!doc || !out) return plan__error(err, PLAN_EINVAL, 0, 0, 0, "doc or out is NULL");
  return plan__give_string(render_text(doc, len), out, err);
}
