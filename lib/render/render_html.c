/* render_html.c - a comparison as one self-contained HTML page, written
 * with libxml2's HTML tree: the coverage matrix as a coloured grid, then per
 * agency the duty groups side by side, one column per document, with the
 * words each document adds or drops marked.  Inline CSS; no scripts. */
#include <libxml/HTMLtree.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compare/compare.h"

#define X(s) ((const xmlChar *)(s))

static const char css[] =
    "body{font-family:system-ui,sans-serif;margin:1.5em;color:#222}"
    "table{border-collapse:collapse;margin:.5em 0 1.5em}"
    "th,td{border:1px solid #ccc;padding:.3em .5em;vertical-align:top;text-align:left}"
    "td.n{text-align:center}"
    ".absent{background:#f4d6d6}.present{background:#d7f0d7}.reworded{background:#fff3c4}"
    ".merged{background:#d9e6fb}.via{background:#e9dcf5}"
    "del{background:#f7c6c6;text-decoration:line-through}ins{background:#c8f0c8;text-decoration:none}"
    "td.duty{max-width:32em;font-size:.92em}small{color:#666}";

static const char *doc_name(const plan_doc *d) {
  if (d->outline.meta[PLAN_META_PROVINCE]) return d->outline.meta[PLAN_META_PROVINCE];
  return d->outline.source ? d->outline.source : "?";
}

static xmlNodePtr cell(xmlNodePtr row, const char *tag, const char *cls, const char *text) {
  xmlNodePtr c = xmlNewTextChild(row, NULL, X(tag), X(text ? text : ""));
  if (c && cls) xmlNewProp(c, X("class"), X(cls));
  return c;
}

/* The link between documents a and d that holds duty k of a and some duty
 * of d, or NULL. */
static const plan_link *link_with(const plan_compare *c, const plan_cagency *ag, size_t a, size_t k,
                                  size_t d) {
  size_t lo = a < d ? a : d, hi = a < d ? d : a;
  const plan_cpair *p = &ag->pairs[plan__pair_index(c->n, lo, hi)];
  for (size_t i = 0; i < p->n; i++) {
    const plan_link *l = &p->links[i];
    const size_t *mine = lo == a ? l->ia : l->ib;
    size_t nm = lo == a ? l->na : l->nb, nother = lo == a ? l->nb : l->na;
    for (size_t x = 0; x < nm && nother; x++)
      if (mine[x] == k && l->kind != PLAN_LINK_PARTIAL) return l;
  }
  return NULL;
}

/* Document d's wording, its differences from the representative marked:
 * words only d has in <ins>, words only the representative has in <del>. */
static void diff_cell(xmlNodePtr td, const plan_diff_step *steps, size_t nsteps, const plan_link *l,
                      bool d_is_b) {
  for (size_t i = 0; i < nsteps; i++) {
    const plan_diff_step *s = &steps[i];
    const char *text;
    size_t off, n;
    const char *tag = NULL;
    if (s->op == PLAN_DIFF_EQUAL) {
      text = l->text[0]; off = s->a_off; n = s->a_len;
    } else if ((s->op == PLAN_DIFF_INSERT) == d_is_b) { /* d's own words */
      text = l->text[d_is_b ? 1 : 0];
      off = d_is_b ? s->b_off : s->a_off;
      n = d_is_b ? s->b_len : s->a_len;
      tag = "ins";
    } else {
      text = l->text[d_is_b ? 0 : 1];
      off = d_is_b ? s->a_off : s->b_off;
      n = d_is_b ? s->a_len : s->b_len;
      tag = "del";
    }
    char *piece = malloc(n + 2);
    if (!piece) return;
    memcpy(piece, text + off, n);
    piece[n] = ' ';
    piece[n + 1] = '\0';
    if (tag) {
      piece[n] = '\0';
      xmlNewTextChild(td, NULL, X(tag), X(piece));
      xmlAddChild(td, xmlNewText(X(" ")));
    } else {
      xmlAddChild(td, xmlNewText(X(piece)));
    }
    free(piece);
  }
}

static char *render_compare_html(const plan_compare *c, const char *agency, size_t *len) {
  if (!c) return NULL;
  htmlDocPtr doc = htmlNewDocNoDtD(NULL, NULL);
  if (!doc) return NULL;
  xmlCreateIntSubset(doc, X("html"), NULL, NULL); /* <!DOCTYPE html> */
  xmlNodePtr html = xmlNewNode(NULL, X("html"));
  xmlDocSetRootElement(doc, html);
  xmlNewProp(html, X("lang"), X("vi"));
  xmlNodePtr head = xmlNewChild(html, NULL, X("head"), NULL);
  xmlNodePtr meta = xmlNewChild(head, NULL, X("meta"), NULL);
  xmlNewProp(meta, X("charset"), X("utf-8"));
  xmlNewTextChild(head, NULL, X("title"), X("libplan comparison"));
  xmlNewTextChild(head, NULL, X("style"), X(css));
  xmlNodePtr body = xmlNewChild(html, NULL, X("body"), NULL);
  xmlNewTextChild(body, NULL, X("h1"), X("Comparison of provincial plans"));

  /* the coverage matrix */
  xmlNewTextChild(body, NULL, X("h2"), X("Duties per agency"));
  xmlNodePtr table = xmlNewChild(body, NULL, X("table"), NULL);
  xmlNodePtr row = xmlNewChild(table, NULL, X("tr"), NULL);
  cell(row, "th", NULL, "agency");
  for (size_t d = 0; d < c->n; d++) cell(row, "th", NULL, doc_name(c->docs[d]));
  char num[32];
  for (size_t g = 0; g < c->nagencies; g++) {
    const plan_cagency *ag = &c->agencies[g];
    if (agency && strcmp(ag->id, agency) != 0) continue;
    row = xmlNewChild(table, NULL, X("tr"), NULL);
    xmlNodePtr th = cell(row, "th", NULL, ag->name);
    if (th) xmlNewProp(th, X("title"), X(ag->id));
    for (size_t d = 0; d < c->n; d++) {
      snprintf(num, sizeof num, "%zu", ag->count[d]);
      xmlNodePtr td = cell(row, "td", ag->via[d] ? "n via" : ag->count[d] ? "n present" : "n absent",
                           ag->count[d] ? num : "-");
      if (td && ag->via[d]) xmlNewProp(td, X("title"), X(ag->via[d]));
    }
  }

  /* per agency: duty groups side by side */
  bool failed = false; /* out of memory on the way: no report rather than part of one */
  for (size_t g = 0; g < c->nagencies && !failed; g++) {
    const plan_cagency *ag = &c->agencies[g];
    if (agency && strcmp(ag->id, agency) != 0) continue;
    plan_group *gs;
    size_t ng;
    if (plan__groups(c, g, &gs, &ng) != PLAN_OK) {
      failed = true;
      break;
    }
    xmlNodePtr h = xmlNewTextChild(body, NULL, X("h2"), X(ag->name));
    if (h) xmlNewProp(h, X("id"), X(ag->id));
    table = xmlNewChild(body, NULL, X("table"), NULL);
    row = xmlNewChild(table, NULL, X("tr"), NULL);
    for (size_t d = 0; d < c->n; d++) cell(row, "th", NULL, doc_name(c->docs[d]));
    for (size_t k = 0; k < ng; k++) {
      row = xmlNewChild(table, NULL, X("tr"), NULL);
      size_t r = gs[k].rep_doc, rk = gs[k].rep_duty;
      for (size_t d = 0; d < c->n; d++) {
        plan_gstatus s = gs[k].status[d];
        char cls[32];
        snprintf(cls, sizeof cls, "duty %s", plan__gstatus_name(s));
        if (s == PLAN_G_ABSENT) {
          cell(row, "td", cls, "");
          continue;
        }
        const plan_cduty *cd = &ag->duties[d][gs[k].first[d]];
        const plan_link *l = d == r ? NULL : link_with(c, ag, r, rk, d);
        xmlNodePtr td;
        plan_diff_step *steps = NULL;
        size_t nsteps = 0;
        plan_status dst = l && l->kind != PLAN_LINK_SAME ? plan__link_diff(c, l, &steps, &nsteps)
                                                         : PLAN_OK;
        if (dst != PLAN_OK) failed = true;
        if (dst == PLAN_OK && nsteps) {
          td = cell(row, "td", cls, NULL);
          if (td) diff_cell(td, steps, nsteps, l, d > r);
          free(steps);
        } else {
          td = cell(row, "td", cls, cd->duty->text);
        }
        snprintf(num, sizeof num, " (%s.%zu)", cd->item, cd->item_index + 1);
        if (td) xmlNewTextChild(td, NULL, X("small"), X(num));
      }
    }
    plan__groups_free(gs, ng);
  }
  /* Serialize as UTF-8 (htmlDocDumpMemory would turn Vietnamese into
   * entities unless an old-style http-equiv meta says otherwise). */
  xmlOutputBufferPtr buf = failed ? NULL : xmlAllocOutputBuffer(NULL); /* no encoder: UTF-8 as is */
  char *out = NULL;
  if (buf) {
    htmlDocContentDumpFormatOutput(buf, doc, "UTF-8", 0);
    xmlOutputBufferFlush(buf);
    const xmlChar *content = xmlOutputBufferGetContent(buf);
    size_t size = xmlOutputBufferGetSize(buf);
    if (content && !buf->error && (out = malloc(size + 1))) {
      memcpy(out, content, size);
      out[size] = '\0';
      if (len) *len = size;
    }
    xmlOutputBufferClose(buf);
  }
  xmlFreeDoc(doc);
  return out;
}

plan_status plan_render_compare_html(const plan_compare *cmp, const char *agency, char **out, size_t *len, plan_error *err) {
  if (out) *out = NULL;
  if (!cmp || !out) return plan__error(err, PLAN_EINVAL, 0, 0, 0, "cmp or out is NULL");
  return plan__give_string(render_compare_html(cmp, agency, len), out, err);
}
