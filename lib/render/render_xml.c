/* render_xml.c - a document as XML, written with libxml2 (every byte of
 * markup goes through it).  The vocabulary, after Akoma Ntoso's names where
 * they fit, is in docs/XML.md. */
#include <libxml/tree.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc/doc.h"

#define X(s) ((const xmlChar *)(s))

static const char *element_of(const plan_node *n) {
  switch (n->kind) {
    case PLAN_NODE_ISSUER: return "docAuthority";
    case PLAN_NODE_MOTTO: return "motto";
    case PLAN_NODE_NUMBER: return "docNumber";
    case PLAN_NODE_PLACE_DATE: return "docDate";
    case PLAN_NODE_TYPE: return "docType";
    case PLAN_NODE_TITLE: return "docTitle";
    case PLAN_NODE_SUBJECT: return "docPurpose";
    case PLAN_NODE_RECIPIENTS: return "recipients";
    case PLAN_NODE_PREAMBLE: return "citation";
    case PLAN_NODE_ENACTING: return "formula";
    case PLAN_NODE_ATTACHMENT: return "attachment";
    case PLAN_NODE_ITEM:
      switch (n->marker) {
        case PLAN_MARKER_ARTICLE: return "article";
        case PLAN_MARKER_CHAPTER: return "chapter";
        case PLAN_MARKER_PART: return "part";
        case PLAN_MARKER_SECTION: return "section";
        case PLAN_MARKER_BULLET: return "indent";
        case PLAN_MARKER_LETTER: return "point";
        default: return "item";
      }
    case PLAN_NODE_PARAGRAPH: return "p";
    case PLAN_NODE_CLOSING: return "conclusions";
    case PLAN_NODE_RECEIVERS: return "receivers";
    case PLAN_NODE_SIGNATURE: return "signature";
    default: return "node";
  }
}

static void number_attr(xmlNodePtr e, const char *name, size_t v) {
  char buf[32];
  snprintf(buf, sizeof buf, "%zu", v);
  xmlNewProp(e, X(name), X(buf));
}

static void add_node(xmlNodePtr parent, const plan_node *n) {
  xmlNodePtr e = xmlNewChild(parent, NULL, X(element_of(n)), NULL);
  if (!e) return;
  if (n->kind == PLAN_NODE_ITEM) {
    xmlNewProp(e, X("marker"), X(plan_marker_name(n->marker)));
    if (*n->label) xmlNewProp(e, X("label"), X(n->label));
    if (*n->path) xmlNewProp(e, X("path"), X(n->path));
  }
  number_attr(e, "line", n->line);
  number_attr(e, "start", n->start);
  number_attr(e, "end", n->end);
  if (n->title && n->kind == PLAN_NODE_ITEM) xmlNewTextChild(e, NULL, X("heading"), X(n->title));
  if (n->text && *n->text) xmlNewTextChild(e, NULL, X("content"), X(n->text));
  for (const plan_node *c = n->first; c; c = c->next) add_node(e, c);
}

static char *render_xml(const plan_doc *doc, size_t *len) {
  if (!doc) return NULL;
  xmlDocPtr x = xmlNewDoc(X("1.0"));
  if (!x) return NULL;
  xmlNodePtr root = xmlNewNode(NULL, X("document"));
  if (!root) {
    xmlFreeDoc(x);
    return NULL;
  }
  xmlDocSetRootElement(x, root);
  xmlSetNs(root, xmlNewNs(root, X("urn:libplan:document:1"), NULL));
  if (doc->outline.source) xmlNewProp(root, X("source"), X(doc->outline.source));
  xmlNewProp(root, X("input"), X(plan_input_name(plan_text_input(doc->outline.text))));
  xmlNewProp(root, X("encoding"), X(plan_encoding_name(plan_text_encoding(doc->outline.text))));
  xmlNodePtr meta = xmlNewChild(root, NULL, X("meta"), NULL);
  for (int m = 0; meta && m < PLAN_META_COUNT_; m++)
    if (doc->outline.meta[m]) xmlNewTextChild(meta, NULL, X(plan_meta_name((plan_meta)m)), X(doc->outline.meta[m]));
  xmlNodePtr body = xmlNewChild(root, NULL, X("body"), NULL);
  for (const plan_node *c = doc->outline.root->first; body && c; c = c->next) add_node(body, c);
  xmlNodePtr asg = xmlNewChild(root, NULL, X("assignments"), NULL);
  for (size_t i = 0; asg && i < doc->assigned.assignments.len; i++) {
    const plan_assignment *a = (const plan_assignment *)doc->assigned.assignments.data + i;
    xmlNodePtr e = xmlNewChild(asg, NULL, X("assignment"), NULL);
    if (!e) continue;
    xmlNewProp(e, X("label"), X(a->label));
    xmlNewProp(e, X("requested"), X(a->requested ? "true" : "false"));
    number_attr(e, "line", a->node->line);
    if (a->heading) xmlNewTextChild(e, NULL, X("heading"), X(a->heading));
    for (size_t k = 0; k < a->nagencies; k++) {
      xmlNodePtr ag = xmlNewTextChild(e, NULL, X("agency"), X(a->agencies[k].text));
      if (ag) xmlNewProp(ag, X("ref"), X(a->agencies[k].agency->id));
    }
    for (size_t k = 0; k < a->nduties; k++) {
      const plan_duty *d = &a->duties[k];
      xmlNodePtr de = xmlNewChild(e, NULL, X("duty"), NULL);
      if (!de) continue;
      number_attr(de, "line", d->line);
      number_attr(de, "start", d->start);
      number_attr(de, "end", d->end);
      if (d->agency) xmlNewProp(de, X("by"), X(d->agency->id));
      if (d->deadline) xmlNewProp(de, X("deadline"), X(d->deadline));
      xmlNewTextChild(de, NULL, X("content"), X(d->text));
      for (size_t m = 0; m < d->nmentions; m++) {
        xmlNodePtr me = xmlNewTextChild(de, NULL, X("mention"), X(d->mentions[m].text));
        if (!me) continue;
        xmlNewProp(me, X("ref"), X(d->mentions[m].agency->id));
        xmlNewProp(me, X("role"), X(plan_role_name(d->mentions[m].role)));
      }
    }
  }
  xmlNodePtr ags = xmlNewChild(root, NULL, X("agencies"), NULL);
  for (size_t i = 0; ags && i < doc->assigned.agencies.len; i++) {
    const plan_agency *a = ((const plan_agency **)doc->assigned.agencies.data)[i];
    xmlNodePtr e = xmlNewTextChild(ags, NULL, X("agency"), X(a->name));
    if (!e) continue;
    xmlNewProp(e, X("id"), X(a->id));
    xmlNewProp(e, X("kind"), X(a->kind));
    xmlNewProp(e, X("known"), X(a->known ? "true" : "false"));
  }
  xmlNodePtr refs = xmlNewChild(root, NULL, X("references"), NULL);
  for (size_t i = 0; refs && i < doc->outline.refs.len; i++) {
    const plan_reference *r = (const plan_reference *)doc->outline.refs.data + i;
    xmlNodePtr e = xmlNewTextChild(refs, NULL, X("ref"), X(r->number ? r->number : r->title));
    if (!e) continue;
    if (r->kind) xmlNewProp(e, X("kind"), X(r->kind));
    if (r->issuer) xmlNewProp(e, X("issuer"), X(r->issuer));
    if (r->date) xmlNewProp(e, X("date"), X(r->date));
    number_attr(e, "count", r->count);
    number_attr(e, "line", r->line);
    for (size_t k = 0; k < doc->outline.implements.len; k++)
      if (((const plan_reference **)doc->outline.implements.data)[k] == r) {
        number_attr(e, "implements", k + 1);
        break;
      }
  }
  xmlNodePtr diags = xmlNewChild(root, NULL, X("diagnostics"), NULL);
  for (size_t i = 0; diags && i < doc->outline.diags.len; i++) {
    const plan_diagnostic *d = (const plan_diagnostic *)doc->outline.diags.data + i;
    xmlNodePtr e = xmlNewTextChild(diags, NULL, X("diagnostic"), X(d->message));
    if (!e) continue;
    xmlNewProp(e, X("code"), X(plan_diag_code_name(d->code)));
    number_attr(e, "line", d->line);
    number_attr(e, "column", d->column);
    number_attr(e, "offset", d->offset);
  }
  xmlChar *mem = NULL;
  int size = 0;
  xmlDocDumpFormatMemoryEnc(x, &mem, &size, "UTF-8", 1);
  xmlFreeDoc(x);
  if (!mem) return NULL;
  char *out = malloc((size_t)size + 1);
  if (out) {
    memcpy(out, mem, (size_t)size);
    out[size] = '\0';
    if (len) *len = (size_t)size;
  }
  xmlFree(mem);
  return out;
}

plan_status plan_render_xml(const plan_doc *doc, char **out, size_t *len, plan_error *err) {
  if (out) *out = NULL;
  if (!doc || !out) return plan__error(err, PLAN_EINVAL, 0, 0, 0, "doc or out is NULL");
  return plan__give_string(render_xml(doc, len), out, err);
}
