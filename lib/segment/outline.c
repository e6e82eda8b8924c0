/* outline.c - the accessors of plan.h's node, iterator, reference and
 * diagnostic records. */
#include <stdlib.h>

#include "segment.h"

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

plan_status plan_iter_new(const plan_node *root, plan_iter **out, plan_error *err) {
  if (!root || !out) return plan__error(err, PLAN_EINVAL, 0, 0, 0, "root or out is NULL");
  plan_iter *it = calloc(1, sizeof *it);
  *out = it;
  if (!it) return plan__error(err, PLAN_ENOMEM, 0, 0, 0, "out of memory");
  it->root = root;
  return PLAN_OK;
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

plan_diag_code plan_diagnostic_code(const plan_diagnostic *d) { return d ? d->code : 0; }
const char *plan_diagnostic_message(const plan_diagnostic *d) { return d ? d->message : ""; }
void plan_diagnostic_position(const plan_diagnostic *d, size_t *offset, size_t *line,
                              size_t *column) {
  if (offset) *offset = d ? d->offset : 0;
  if (line) *line = d ? d->line : 0;
  if (column) *column = d ? d->column : 0;
}

