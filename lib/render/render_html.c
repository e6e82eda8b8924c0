/* render_html.c - a comparison as one self-contained HTML page, written
 * with libxml2's HTML tree: the coverage matrix as a heatmap (how many
 * duties each province gives each agency, a sequential blue scale that
 * reads in grey and to colour-blind eyes, with its legend; every cell a
 * link to the duties behind it), then per agency the duty groups side by
 * side, one column per document, each cell saying its status in words as
 * well as colour, with the words each document adds or drops marked.
 * Inline CSS; no scripts. */
#include <libxml/HTMLtree.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compare/compare.h"

#define X(s) ((const xmlChar *)(s))

/* The heatmap's steps (ColorBrewer's sequential Blues: ordered by lightness,
 * so they read in grey and to every kind of colour blindness), by count. */
static const struct { size_t from; const char *cls, *label; } heat[] = {
    {0, "h0", "none"}, {1, "h1", "1"}, {2, "h2", "2"}, {3, "h3", "3\u20134"},
    {5, "h4", "5\u20137"}, {8, "h5", "8 or more"}};

static const char *heat_class(size_t count) {
  size_t k = 0;
  while (k + 1 < sizeof heat / sizeof *heat && count >= heat[k + 1].from) k++;
  return heat[k].cls;
}

static const char css[] =
    "body{font-family:system-ui,sans-serif;margin:1.5em;color:#222}"
    "table{border-collapse:collapse;margin:.5em 0 1.5em}"
    "th,td{border:1px solid #ccc;padding:.3em .5em;vertical-align:top;text-align:left}"
    "th small{display:block;font-weight:normal}"
    "td.n{text-align:center;min-width:3em}td.n a{color:inherit;text-decoration:none;display:block}"
    ".h0{background:#f7f7f7;color:#999}.h1{background:#deebf7}.h2{background:#c6dbef}"
    ".h3{background:#9ecae1}.h4{background:#4292c6;color:#fff}.h5{background:#08519c;color:#fff}"
    ".via{outline:2px dashed #6a3d9a;outline-offset:-3px}"
    "table.legend td{min-width:4.5em;text-align:center}"
    ".absent{background:#f7f7f7;color:#999}.present{background:#e5f5e0}"
    ".reworded{background:#fee6ce}.merged{background:#dadaeb}"
    ".status{display:block;font-size:.8em;font-weight:bold;color:#444}"
    "del{background:#fdd0a2;text-decoration:line-through}ins{background:#c7e9c0;text-decoration:none}"
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
  const plan_cpair *p = plan__pair(c, (size_t)(ag - c->agencies), lo, hi);
  for (size_t i = 0; p && i < p->n; i++) {
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

/* A document's column header: province, number and date. */
static void doc_header(xmlNodePtr row, const plan_doc *d, const char *id) {
  xmlNodePtr th = cell(row, "th", NULL, doc_name(d));
  if (!th) return;
  if (id) xmlNewProp(th, X("id"), X(id));
  char sub[160];
  const char *num = d->outline.meta[PLAN_META_NUMBER], *date = d->outline.meta[PLAN_META_DATE];
  snprintf(sub, sizeof sub, "%s%s%s", num ? num : "(no number)", date ? " \u00b7 " : "",
           date ? date : "");
  xmlNewTextChild(th, NULL, X("small"), X(sub));
}

/* The document most of the compared plans carry out ("1472/QĐ-TTg"), for
 * the page's title, or NULL. */
static const char *common_policy(const plan_compare *c) {
  const char *best = NULL;
  size_t best_n = 0;
  for (size_t d = 0; d < c->n; d++)
    for (size_t i = 0; i < plan_doc_implements_count(c->docs[d]); i++) {
      const char *num = plan_reference_number(plan_doc_implements(c->docs[d], i));
      size_t n = 0;
      for (size_t e = 0; e < c->n; e++)
        for (size_t j = 0; j < plan_doc_implements_count(c->docs[e]); j++)
          n += strcmp(num, plan_reference_number(plan_doc_implements(c->docs[e], j))) == 0;
      if (n > best_n) { best = num; best_n = n; }
    }
  return best;
}

/* Without the pairs (a summary, of any number of documents): one row per
 * duty group, its wording, in how many documents, and which, each named
 * with its status in words and colour.  Cells grow with the duties, not
 * with groups times documents. */
static void summary_groups(xmlNodePtr body, const plan_compare *c, const plan_cagency *ag) {
  xmlNodePtr table = xmlNewChild(body, NULL, X("table"), NULL);
  xmlNodePtr row = xmlNewChild(table, NULL, X("tr"), NULL);
  cell(row, "th", NULL, "duty (as the first document words it)");
  cell(row, "th", NULL, "documents");
  cell(row, "th", NULL, "which, and how");
  char num[64];
  for (size_t k = 0; k < ag->ngroups; k++) {
    const plan_group *gr = &ag->groups[k];
    const plan_cduty *rep = &ag->duties[gr->rep_doc][gr->rep_duty];
    row = xmlNewChild(table, NULL, X("tr"), NULL);
    xmlNodePtr td = cell(row, "td", "duty", rep->duty->text);
    snprintf(num, sizeof num, " (%s.%zu)", rep->item, rep->item_index + 1);
    if (td) xmlNewTextChild(td, NULL, X("small"), X(num));
    snprintf(num, sizeof num, "%zu of %zu", gr->nm, c->n);
    cell(row, "td", "n", num);
    td = cell(row, "td", NULL, NULL);
    for (size_t i = 0; td && i < gr->nm; i++) {
      const plan_gmember *m = &gr->m[i];
      snprintf(num, sizeof num, "[%zu] ", m->doc + 1);
      xmlNodePtr span = xmlNewTextChild(td, NULL, X("span"), X(num));
      if (!span) continue;
      xmlNewProp(span, X("class"), X(plan__gstatus_name(m->status)));
      xmlNodeAddContent(span, X(doc_name(c->docs[m->doc])));
      if (m->status != PLAN_G_PRESENT) {
        snprintf(num, sizeof num, " (%s)", plan__gstatus_name(m->status));
        xmlNodeAddContent(span, X(num));
      }
      xmlAddChild(td, xmlNewText(X(" ")));
    }
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
  const char *policy = common_policy(c);
  char title[200];
  snprintf(title, sizeof title, "%s%s: %zu provincial plans compared",
           policy ? "Carrying out " : "Provincial plans", policy ? policy : "", c->n);
  xmlNewTextChild(head, NULL, X("title"), X(title));
  xmlNewTextChild(head, NULL, X("style"), X(css));
  xmlNodePtr body = xmlNewChild(html, NULL, X("body"), NULL);
  xmlNewTextChild(body, NULL, X("h1"), X(title));

  /* the coverage heatmap and its legend */
  xmlNewTextChild(body, NULL, X("h2"), X("Duties per agency and province"));
  xmlNodePtr legend = xmlNewChild(body, NULL, X("table"), NULL);
  xmlNewProp(legend, X("class"), X("legend"));
  xmlNodePtr row = xmlNewChild(legend, NULL, X("tr"), NULL);
  cell(row, "th", NULL, "duties");
  for (size_t k = 0; k < sizeof heat / sizeof *heat; k++) cell(row, "td", heat[k].cls, heat[k].label);
  cell(row, "td", "h1 via", "through other agencies");
  xmlNodePtr table = xmlNewChild(body, NULL, X("table"), NULL);
  xmlNewProp(table, X("class"), X("heatmap"));
  row = xmlNewChild(table, NULL, X("tr"), NULL);
  cell(row, "th", NULL, "agency");
  for (size_t d = 0; d < c->n; d++) doc_header(row, c->docs[d], NULL);
  char num[32], href[160], cls[32];
  for (size_t g = 0; g < c->nagencies; g++) {
    const plan_cagency *ag = &c->agencies[g];
    if (agency && strcmp(ag->id, agency) != 0) continue;
    row = xmlNewChild(table, NULL, X("tr"), NULL);
    xmlNodePtr th = cell(row, "th", NULL, ag->name);
    if (th) xmlNewProp(th, X("title"), X(ag->id));
    for (size_t d = 0; d < c->n; d++) {
      snprintf(num, sizeof num, "%zu", ag->count[d]);
      snprintf(cls, sizeof cls, "n %s%s", heat_class(ag->count[d]), ag->via[d] ? " via" : "");
      xmlNodePtr td = cell(row, "td", cls, NULL);
      if (!td) continue;
      xmlNewProp(td, X("data-count"), X(num));
      if (ag->via[d]) xmlNewProp(td, X("title"), X(ag->via[d]));
      if (ag->count[d]) { /* to the duties behind the number (a summary: the agency's) */
        if (ag->pairs) snprintf(href, sizeof href, "#%s-d%zu", ag->id, d + 1);
        else snprintf(href, sizeof href, "#%s", ag->id);
        xmlNodePtr a = xmlNewTextChild(td, NULL, X("a"), X(num));
        if (a) xmlNewProp(a, X("href"), X(href));
      } else {
        xmlNodeAddContent(td, X("\u2013"));
      }
    }
  }

  /* per agency: duty groups side by side */
  bool failed = false; /* out of memory on the way: no report rather than part of one */
  for (size_t g = 0; g < c->nagencies && !failed; g++) {
    const plan_cagency *ag = &c->agencies[g];
    if (agency && strcmp(ag->id, agency) != 0) continue;
    xmlNodePtr h = xmlNewTextChild(body, NULL, X("h2"), X(ag->name));
    if (h) xmlNewProp(h, X("id"), X(ag->id));
    if (!ag->pairs) {
      summary_groups(body, c, ag);
      continue;
    }
    table = xmlNewChild(body, NULL, X("table"), NULL);
    row = xmlNewChild(table, NULL, X("tr"), NULL);
    for (size_t d = 0; d < c->n; d++) {
      snprintf(href, sizeof href, "%s-d%zu", ag->id, d + 1);
      doc_header(row, c->docs[d], href);
    }
    for (size_t k = 0; k < ag->ngroups; k++) {
      const plan_group *gr = &ag->groups[k];
      row = xmlNewChild(table, NULL, X("tr"), NULL);
      size_t r = gr->rep_doc, rk = gr->rep_duty;
      for (size_t d = 0; d < c->n; d++) {
        const plan_gmember *m = plan__group_member(gr, d);
        plan_gstatus s = m ? m->status : PLAN_G_ABSENT;
        snprintf(cls, sizeof cls, "duty %s", plan__gstatus_name(s));
        if (s == PLAN_G_ABSENT) { /* said in words too: colour is not the only sign */
          xmlNodePtr td = cell(row, "td", cls, NULL);
          if (td) xmlNewTextChild(td, NULL, X("span"), X("not in this plan"));
          continue;
        }
        const plan_cduty *cd = &ag->duties[d][m->first];
        const plan_link *l = d == r ? NULL : link_with(c, ag, r, rk, d);
        xmlNodePtr td;
        plan_diff_step *steps = NULL;
        size_t nsteps = 0;
        plan_status dst = l && l->kind != PLAN_LINK_SAME ? plan__link_diff(c, l, &steps, &nsteps)
                                                         : PLAN_OK;
        if (dst != PLAN_OK) failed = true;
        td = cell(row, "td", cls, NULL);
        /* the status in words before the duty */
        if (td) xmlNewProp(xmlNewTextChild(td, NULL, X("span"), X(plan__gstatus_name(s))),
                           X("class"), X("status"));
        if (dst == PLAN_OK && nsteps) {
          if (td) diff_cell(td, steps, nsteps, l, d > r);
          free(steps);
        } else if (td) {
          xmlNodeAddContent(td, X(cd->duty->text));
        }
        snprintf(num, sizeof num, " (%s.%zu)", cd->item, cd->item_index + 1);
        if (td) xmlNewTextChild(td, NULL, X("small"), X(num));
      }
    }
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
