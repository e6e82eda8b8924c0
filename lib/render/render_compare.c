/* render_compare.c - a comparison as JSON, CSV and text.  Reads the
 * comparison only. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compare/compare.h"
#include "core/core.h"

static bool wanted(const plan_compare *c, size_t g, const char *agency) {
  return !agency || strcmp(c->agencies[g].id, agency) == 0;
}

static const char *doc_name(const plan_doc *d) {
  if (d->outline.meta[PLAN_META_PROVINCE]) return d->outline.meta[PLAN_META_PROVINCE];
  return d->outline.source ? d->outline.source : "?";
}

static void duty_ref(plan_buf *b, const plan_cduty *d) {
  plan__buf_printf(b, "{\"item\":");
  plan__json_str(b, d->item);
  plan__buf_printf(b, ",\"index\":%zu}", d->item_index);
}

static plan_status diff_json(plan_buf *b, const plan_compare *c, const plan_link *l) {
  plan_diff_step *steps;
  size_t n;
  plan_status st = plan__link_diff(c, l, &steps, &n);
  if (st) return st;
  plan__buf_putc(b, '[');
  for (size_t i = 0; i < n; i++) {
    const plan_diff_step *s = &steps[i];
    if (i) plan__buf_putc(b, ',');
    const char *op = s->op == PLAN_DIFF_EQUAL ? "=" : s->op == PLAN_DIFF_DELETE ? "-" : "+";
    plan__buf_printf(b, "[\"%s\",", op);
    if (s->op == PLAN_DIFF_INSERT) plan__json_strn(b, l->text[1] + s->b_off, s->b_len);
    else plan__json_strn(b, l->text[0] + s->a_off, s->a_len);
    plan__buf_putc(b, ']');
  }
  plan__buf_putc(b, ']');
  free(steps);
  return PLAN_OK;
}

static bool has_diff(const plan_link *l) {
  return l->kind == PLAN_LINK_REWORDED || l->kind == PLAN_LINK_MERGED || l->kind == PLAN_LINK_SPLIT;
}

/* The pair object of the JSON report; with_agency: its agency named first
 * (a line of the pairwise stream). */
static void pair_json(plan_buf *b, const plan_compare *c, const plan_cagency *ag, size_t a, size_t bd,
                      const plan_cpair *p, bool with_agency) {
  plan__buf_putc(b, '{');
  if (with_agency) {
    plan__buf_printf(b, "\"agency\":");
    plan__json_str(b, ag->id);
    plan__buf_putc(b, ',');
  }
  plan__buf_printf(b, "\"a\":%zu,\"b\":%zu,\"matches\":[", a, bd);
  bool first = true;
  for (size_t k = 0; k < p->n; k++) {
    const plan_link *l = &p->links[k];
    if (l->kind == PLAN_LINK_ONLY_A || l->kind == PLAN_LINK_ONLY_B) continue;
    for (size_t x = 0; x < l->na; x++)
      for (size_t y = 0; y < l->nb; y++) {
        if (!first) plan__buf_putc(b, ',');
        first = false;
        plan__buf_printf(b, "{\"a\":");
        duty_ref(b, &ag->duties[a][l->ia[x]]);
        plan__buf_printf(b, ",\"b\":");
        duty_ref(b, &ag->duties[bd][l->ib[y]]);
        plan__buf_printf(b, ",\"kind\":\"%s\",\"similarity\":%.4f,\"link\":%zu}",
                         plan_link_kind_name(l->kind), l->sim, k);
      }
  }
  plan__buf_printf(b, "],\"links\":[");
  first = true;
  for (size_t k = 0; k < p->n; k++) {
    const plan_link *l = &p->links[k];
    if (l->kind == PLAN_LINK_ONLY_A || l->kind == PLAN_LINK_ONLY_B) continue;
    if (!first) plan__buf_putc(b, ',');
    first = false;
    plan__buf_printf(b, "{\"kind\":\"%s\",\"a\":[", plan_link_kind_name(l->kind));
    for (size_t x = 0; x < l->na; x++) {
      if (x) plan__buf_putc(b, ',');
      duty_ref(b, &ag->duties[a][l->ia[x]]);
    }
    plan__buf_printf(b, "],\"b\":[");
    for (size_t y = 0; y < l->nb; y++) {
      if (y) plan__buf_putc(b, ',');
      duty_ref(b, &ag->duties[bd][l->ib[y]]);
    }
    plan__buf_printf(b, "],\"similarity\":%.4f,\"evidence\":{\"unigram\":%.4f,\"bigram\":%.4f,\"rare\":",
                     l->sim, l->uni, l->bi);
    plan__json_str(b, l->rare);
    plan__buf_printf(b, ",\"boilerplate\":%s}", l->boilerplate ? "true" : "false");
    if (has_diff(l)) {
      plan__buf_printf(b, ",\"diff\":");
      if (diff_json(b, c, l)) b->oom = true;
    }
    plan__buf_putc(b, '}');
  }
  for (int side = 0; side < 2; side++) {
    plan__buf_printf(b, "],\"only_%c\":[", side ? 'b' : 'a');
    first = true;
    for (size_t k = 0; k < p->n; k++) {
      const plan_link *l = &p->links[k];
      if (l->kind != (side ? PLAN_LINK_ONLY_B : PLAN_LINK_ONLY_A)) continue;
      if (!first) plan__buf_putc(b, ',');
      first = false;
      duty_ref(b, side ? &ag->duties[bd][l->ib[0]] : &ag->duties[a][l->ia[0]]);
    }
  }
  plan__buf_printf(b, "]}");
}

static char *render_compare_json(const plan_compare *c, const char *agency, size_t *len) {
  if (!c) return NULL;
  plan_buf b = {0};
  plan__buf_printf(&b, "{\"format\":\"libplan-comparison\",\"version\":%d,", PLAN_JSON_VERSION);
  if (c->o.flags & PLAN_COMPARE_NO_PAIRS) plan__buf_printf(&b, "\"detail\":\"summary\",");
  plan__buf_printf(&b, "\"documents\":[");
  for (size_t d = 0; d < c->n; d++) {
    const plan_doc *doc = c->docs[d];
    if (d) plan__buf_putc(&b, ',');
    plan__buf_printf(&b, "{\"source\":");
    plan__json_str(&b, doc->outline.source);
    plan__buf_printf(&b, ",\"province\":");
    plan__json_str(&b, doc->outline.meta[PLAN_META_PROVINCE]);
    plan__buf_printf(&b, ",\"number\":");
    plan__json_str(&b, doc->outline.meta[PLAN_META_NUMBER]);
    plan__buf_printf(&b, ",\"date\":");
    plan__json_str(&b, doc->outline.meta[PLAN_META_DATE]);
    plan__buf_putc(&b, '}');
  }
  plan__buf_printf(&b, "],\"options\":{\"reworded_min\":%.2f,\"partial_min\":%.2f,\"merge_min\":%.2f,"
                       "\"bigram_weight\":%.2f,\"boilerplate_max\":%.2f,\"collective\":%s},\"agencies\":[",
                   c->o.reworded_min, c->o.partial_min, c->o.merge_min, c->o.bigram_weight,
                   c->o.boilerplate_max,
                   c->o.flags & PLAN_COMPARE_EXCLUDE_COLLECTIVE ? "false" : "true");
  bool first = true;
  plan_status st = PLAN_OK;
  for (size_t g = 0; g < c->nagencies && st == PLAN_OK; g++) {
    if (!wanted(c, g, agency)) continue;
    const plan_cagency *ag = &c->agencies[g];
    if (!first) plan__buf_putc(&b, ',');
    first = false;
    plan__buf_printf(&b, "{\"id\":");
    plan__json_str(&b, ag->id);
    plan__buf_printf(&b, ",\"name\":");
    plan__json_str(&b, ag->name);
    plan__buf_printf(&b, ",\"collective\":%s,\"duties\":[", ag->collective ? "true" : "false");
    for (size_t d = 0; d < c->n; d++) plan__buf_printf(&b, "%s%zu", d ? "," : "", ag->count[d]);
    plan__buf_printf(&b, "],\"via\":[");
    for (size_t d = 0; d < c->n; d++) {
      if (d) plan__buf_putc(&b, ',');
      plan__json_str(&b, ag->via[d]);
    }
    if (ag->pairs) { /* the pairwise detail, when the comparison kept it */
      plan__buf_printf(&b, "],\"pairs\":[");
      bool pf = true;
      for (size_t a = 0; a < c->n; a++)
        for (size_t bd = a + 1; bd < c->n; bd++) {
          if (!ag->count[a] || !ag->count[bd]) continue;
          if (!pf) plan__buf_putc(&b, ',');
          pf = false;
          pair_json(&b, c, ag, a, bd, plan__pair(c, g, a, bd), false);
        }
    }
    plan__buf_printf(&b, "],\"groups\":[");
    for (size_t k = 0; k < ag->ngroups; k++) {
      const plan_group *gr = &ag->groups[k];
      if (k) plan__buf_putc(&b, ',');
      plan__buf_printf(&b, "{\"representative\":");
      plan__json_str(&b, ag->duties[gr->rep_doc][gr->rep_duty].duty->text);
      if (ag->pairs) { /* a status per document */
        plan__buf_printf(&b, ",\"status\":[");
        for (size_t d = 0; d < c->n; d++)
          plan__buf_printf(&b, "%s\"%s\"", d ? "," : "", plan__gstatus_name(plan__group_status(gr, d)));
      } else { /* only the documents that have it: the output grows with the duties */
        plan__buf_printf(&b, ",\"documents\":[");
        for (size_t i = 0; i < gr->nm; i++)
          plan__buf_printf(&b, "%s[%zu,\"%s\"]", i ? "," : "", gr->m[i].doc,
                           plan__gstatus_name(gr->m[i].status));
      }
      plan__buf_printf(&b, "]}");
    }
    plan__buf_printf(&b, "]}");
  }
  plan__buf_printf(&b, "]}\n");
  if (st != PLAN_OK || b.oom) {
    plan__buf_free(&b);
    return NULL;
  }
  return plan__buf_take(&b, len);
}

/* A quoted CSV field (RFC 4180).  A field that a spreadsheet would read as
 * a formula (its first character = + - @, or a tab or carriage return
 * before one) gets a leading apostrophe, as OWASP advises against formula
 * injection: the text of a duty is data, never a formula. */
static void csv_field(plan_buf *b, const char *s) {
  plan__buf_putc(b, '"');
  if (s && (*s == '=' || *s == '+' || *s == '-' || *s == '@' || *s == '\t' || *s == '\r'))
    plan__buf_putc(b, '\'');
  for (; s && *s; s++) {
    if (*s == '"') plan__buf_putc(b, '"');
    plan__buf_putc(b, *s);
  }
  plan__buf_putc(b, '"');
}

/* Tidy data (one observation a row, one variable a column), as pandas and
 * R read it: for every agency, every duty group and every document, the
 * group's status there and the duty that stands for it.  A province with
 * two documents gets two documents' rows, never two columns. */
static char *render_compare_csv(const plan_compare *c, const char *agency, size_t *len) {
  if (!c) return NULL;
  plan_buf b = {0};
  plan__buf_printf(&b, "agency,agency_name,group,group_size,representative,province,document,"
                       "number,date,status,item,duty\r\n");
  for (size_t g = 0; g < c->nagencies; g++) {
    if (!wanted(c, g, agency)) continue;
    const plan_cagency *ag = &c->agencies[g];
    for (size_t k = 0; k < ag->ngroups; k++) {
      const plan_group *gr = &ag->groups[k];
      /* every document's row; without the pairs (a summary, of any number
       * of documents) only the rows of the documents that have the group */
      size_t rows = ag->pairs ? c->n : gr->nm;
      for (size_t i = 0; i < rows; i++) {
        size_t d = ag->pairs ? i : gr->m[i].doc;
        const plan_gmember *m = plan__group_member(gr, d);
        const plan_doc *doc = c->docs[d];
        csv_field(&b, ag->id);
        plan__buf_putc(&b, ',');
        csv_field(&b, ag->name);
        plan__buf_printf(&b, ",%zu,%zu,", k + 1, gr->nm);
        csv_field(&b, ag->duties[gr->rep_doc][gr->rep_duty].duty->text);
        plan__buf_putc(&b, ',');
        csv_field(&b, doc->outline.meta[PLAN_META_PROVINCE]);
        plan__buf_putc(&b, ',');
        csv_field(&b, doc->outline.source);
        plan__buf_putc(&b, ',');
        csv_field(&b, doc->outline.meta[PLAN_META_NUMBER]);
        plan__buf_putc(&b, ',');
        csv_field(&b, doc->outline.meta[PLAN_META_DATE]);
        plan__buf_printf(&b, ",%s,", plan__gstatus_name(m ? m->status : PLAN_G_ABSENT));
        if (!m) {
          plan__buf_put(&b, ",", 1); /* no item, no duty */
        } else {
          const plan_cduty *cd = &ag->duties[d][m->first];
          char item[64];
          snprintf(item, sizeof item, "%s.%zu", cd->item, cd->item_index + 1);
          csv_field(&b, item);
          plan__buf_putc(&b, ',');
          csv_field(&b, cd->duty->text);
        }
        plan__buf_put(&b, "\r\n", 2);
      }
    }
  }
  return plan__buf_take(&b, len);
}

/* ---- text ------------------------------------------------------------ */

static void text_diff(plan_buf *b, const plan_compare *c, const plan_link *l, bool color) {
  plan_diff_step *steps;
  size_t n;
  if (plan__link_diff(c, l, &steps, &n)) {
    b->oom = true;
    return;
  }
  for (size_t i = 0; i < n; i++) {
    const plan_diff_step *s = &steps[i];
    if (i) plan__buf_putc(b, ' ');
    if (s->op == PLAN_DIFF_EQUAL) {
      plan__buf_put(b, l->text[0] + s->a_off, s->a_len);
    } else if (s->op == PLAN_DIFF_DELETE) {
      plan__buf_put(b, color ? "\033[31m[-" : "[-", color ? 8 : 2);
      plan__buf_put(b, l->text[0] + s->a_off, s->a_len);
      plan__buf_put(b, color ? "-]\033[0m" : "-]", color ? 6 : 2);
    } else {
      plan__buf_put(b, color ? "\033[32m{+" : "{+", color ? 8 : 2);
      plan__buf_put(b, l->text[1] + s->b_off, s->b_len);
      plan__buf_put(b, color ? "+}\033[0m" : "+}", color ? 6 : 2);
    }
  }
  free(steps);
}

/* Without the pairs: an agency's duty groups, those several documents
 * share first (largest first would need a sort; document order reads as
 * well), each with its documents and their statuses, then the duties only
 * one document has.  Lines grow with the duties, not with the pairs. */
static void text_groups(plan_buf *b, const plan_compare *c, const plan_cagency *ag) {
  size_t shared = 0;
  for (size_t k = 0; k < ag->ngroups; k++) shared += ag->groups[k].nm > 1;
  plan__buf_printf(b, "  %zu duties shared by several documents, %zu in one only\n", shared,
                   ag->ngroups - shared);
  for (int pass = 0; pass < 2; pass++)
    for (size_t k = 0; k < ag->ngroups; k++) {
      const plan_group *gr = &ag->groups[k];
      if ((gr->nm > 1) != (pass == 0)) continue;
      const plan_cduty *rep = &ag->duties[gr->rep_doc][gr->rep_duty];
      if (pass == 0) {
        plan__buf_printf(b, "  in %zu of %zu:", gr->nm, c->n);
        for (size_t i = 0; i < gr->nm; i++) {
          const plan_gmember *m = &gr->m[i];
          plan__buf_printf(b, " [%zu]%s", m->doc + 1,
                           m->status == PLAN_G_REWORDED ? "~" : m->status == PLAN_G_MERGED ? "+" : "");
        }
      } else {
        plan__buf_printf(b, "  only [%zu] %s.%zu:", gr->rep_doc + 1, rep->item, rep->item_index + 1);
      }
      plan__buf_put(b, "\n      ", 7);
      plan__buf_put(b, rep->duty->text, strlen(rep->duty->text));
      plan__buf_putc(b, '\n');
    }
}

static char *render_compare_text(const plan_compare *c, const char *agency, unsigned flags, size_t *len) {
  if (!c) return NULL;
  bool color = flags & PLAN_RENDER_COLOR;
  plan_buf b = {0};
  plan__buf_printf(&b, "Documents:\n");
  for (size_t d = 0; d < c->n; d++)
    plan__buf_printf(&b, "  [%zu] %s  %s  %s\n", d + 1, doc_name(c->docs[d]),
                     c->docs[d]->outline.meta[PLAN_META_NUMBER] ? c->docs[d]->outline.meta[PLAN_META_NUMBER] : "(no number)",
                     c->docs[d]->outline.source ? c->docs[d]->outline.source : "");
  plan__buf_printf(&b, "\nDuties per agency (- absent):\n  %-24s", "agency");
  for (size_t d = 0; d < c->n; d++) plan__buf_printf(&b, " [%3zu]", d + 1);
  plan__buf_putc(&b, '\n');
  for (size_t g = 0; g < c->nagencies; g++) {
    if (!wanted(c, g, agency)) continue;
    const plan_cagency *ag = &c->agencies[g];
    plan__buf_printf(&b, "  %-24s", ag->id);
    for (size_t d = 0; d < c->n; d++) {
      if (ag->via[d]) plan__buf_printf(&b, " %4zu*", ag->count[d]);
      else if (ag->count[d]) plan__buf_printf(&b, " %5zu", ag->count[d]);
      else plan__buf_printf(&b, " %5s", "-");
    }
    plan__buf_printf(&b, "  %s%s\n", ag->name, ag->collective ? " (collective)" : "");
  }
  plan__buf_printf(&b, "  (* through agencies with narrower portfolios)\n");
  if (c->o.flags & PLAN_COMPARE_NO_PAIRS)
    plan__buf_printf(&b, "  (a summary: per agency its duty groups, [n]~ reworded, [n]+ merged or split)\n");
  for (size_t g = 0; g < c->nagencies; g++) {
    if (!wanted(c, g, agency)) continue;
    const plan_cagency *ag = &c->agencies[g];
    plan__buf_printf(&b, "\n== %s  %s\n", ag->id, ag->name);
    for (size_t d = 0; d < c->n; d++)
      if (ag->via[d]) plan__buf_printf(&b, "   [%zu] by portfolio: %s\n", d + 1, ag->via[d]);
    if (!ag->pairs) {
      text_groups(&b, c, ag);
      continue;
    }
    for (size_t a = 0; a < c->n; a++)
      for (size_t bd = a + 1; bd < c->n; bd++) {
        const plan_cpair *p = plan__pair(c, g, a, bd);
        if (!p || !p->n) continue;
        plan__buf_printf(&b, "  [%zu] vs [%zu]\n", a + 1, bd + 1);
        for (size_t k = 0; k < p->n; k++) {
          const plan_link *l = &p->links[k];
          plan__buf_printf(&b, "    %-8s", plan_link_kind_name(l->kind));
          for (size_t x = 0; x < l->na; x++)
            plan__buf_printf(&b, " %s.%zu", ag->duties[a][l->ia[x]].item, ag->duties[a][l->ia[x]].item_index + 1);
          plan__buf_put(&b, " |", 2);
          for (size_t y = 0; y < l->nb; y++)
            plan__buf_printf(&b, " %s.%zu", ag->duties[bd][l->ib[y]].item, ag->duties[bd][l->ib[y]].item_index + 1);
          if (l->kind != PLAN_LINK_ONLY_A && l->kind != PLAN_LINK_ONLY_B)
            plan__buf_printf(&b, "  %.2f%s", l->sim, l->boilerplate ? " (boilerplate)" : "");
          plan__buf_putc(&b, '\n');
          const char *only = l->kind == PLAN_LINK_ONLY_A ? ag->duties[a][l->ia[0]].duty->text
                           : l->kind == PLAN_LINK_ONLY_B ? ag->duties[bd][l->ib[0]].duty->text
                           : l->kind == PLAN_LINK_SAME || l->kind == PLAN_LINK_PARTIAL
                               ? ag->duties[a][l->ia[0]].duty->text : NULL;
          plan__buf_put(&b, "      ", 6);
          if (only) plan__buf_put(&b, only, strlen(only));
          else text_diff(&b, c, l, color);
          plan__buf_putc(&b, '\n');
        }
      }
  }
  return plan__buf_take(&b, len);
}

plan_status plan_render_compare_pair_json(const plan_compare *cmp, size_t agency, size_t a, size_t b,
                                          char **out, size_t *len, plan_error *err) {
  if (out) *out = NULL;
  if (!cmp || !out) return plan__error(err, PLAN_EINVAL, 0, 0, 0, "cmp or out is NULL");
  if (a > b) { size_t t = a; a = b; b = t; }
  const plan_cpair *p = plan__pair(cmp, agency, a, b);
  if (!p)
    return plan__error(err, PLAN_EINVAL, 0, 0, 0,
                       "no pair (%zu, %zu) of agency %zu at hand: out of range, or not kept "
                       "(PLAN_COMPARE_NO_PAIRS) and not being aligned", a, b, agency);
  plan_buf buf = {0};
  pair_json(&buf, cmp, &cmp->agencies[agency], a, b, p, true);
  return plan__give_string(buf.oom ? (plan__buf_free(&buf), NULL) : plan__buf_take(&buf, len), out, err);
}

plan_status plan_render_compare_json(const plan_compare *cmp, const char *agency, char **out, size_t *len, plan_error *err) {
  if (out) *out = NULL;
  if (!cmp || !out) return plan__error(err, PLAN_EINVAL, 0, 0, 0, "cmp or out is NULL");
  return plan__give_string(render_compare_json(cmp, agency, len), out, err);
}

plan_status plan_render_compare_csv(const plan_compare *cmp, const char *agency, char **out, size_t *len, plan_error *err) {
  if (out) *out = NULL;
  if (!cmp || !out) return plan__error(err, PLAN_EINVAL, 0, 0, 0, "cmp or out is NULL");
  return plan__give_string(render_compare_csv(cmp, agency, len), out, err);
}

plan_status plan_render_compare_text(const plan_compare *cmp, const char *agency, unsigned flags, char **out, size_t *len, plan_error *err) {
  if (out) *out = NULL;
  if (!cmp || !out) return plan__error(err, PLAN_EINVAL, 0, 0, 0, "cmp or out is NULL");
  return plan__give_string(render_compare_text(cmp, agency, flags, len), out, err);
}
