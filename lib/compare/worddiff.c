/* worddiff.c - Myers' O((N+M)D) difference over syllables: the shortest
 * edit script from one duty's words to another's.  Tokens are whole printed
 * syllables, so a change never splits one. */
#include <stdlib.h>
#include <string.h>

#include "compare.h"

plan_status plan__word_diff(const uint64_t *a, size_t na, const uint64_t *b, size_t nb,
                            plan_diff_op **ops, size_t *nops) {
  size_t max = na + nb;
  ptrdiff_t off = (ptrdiff_t)max + 1;
  /* V[k + off] is the furthest x on diagonal k.  Before step d the trace
   * keeps only V[-d-1 .. d+1], the part the walk back reads: O(D^2) in all. */
  ptrdiff_t *v = calloc(2 * max + 3, sizeof *v);
  ptrdiff_t *trace = NULL;
  size_t *start = NULL; /* where step d's slice begins in trace */
  size_t used = 0, cap = 0, scap = 0;
  if (!v) return PLAN_ENOMEM;
  size_t d_found = 0;
  for (size_t d = 0; d <= max; d++) {
    size_t slice = 2 * d + 3;
    if (used + slice > cap || d >= scap) {
      cap = (used + slice) * 2;
      scap = (d + 1) * 2;
      ptrdiff_t *t = realloc(trace, cap * sizeof *t);
      size_t *s2 = realloc(start, scap * sizeof *s2);
      if (!t || !s2) { free(v); free(t ? t : trace); free(s2 ? s2 : start); return PLAN_ENOMEM; }
      trace = t;
      start = s2;
    }
    start[d] = used;
    memcpy(trace + used, v + off - (ptrdiff_t)d - 1, slice * sizeof *v);
    used += slice;
    bool done = false;
    for (ptrdiff_t k = -(ptrdiff_t)d; k <= (ptrdiff_t)d; k += 2) {
      ptrdiff_t x;
      if (k == -(ptrdiff_t)d || (k != (ptrdiff_t)d && v[off + k - 1] < v[off + k + 1]))
        x = v[off + k + 1];      /* down: an insertion */
      else
        x = v[off + k - 1] + 1;  /* right: a deletion */
      ptrdiff_t y = x - k;
      while (x < (ptrdiff_t)na && y < (ptrdiff_t)nb && a[x] == b[y]) { x++; y++; }
      v[off + k] = x;
      if (x >= (ptrdiff_t)na && y >= (ptrdiff_t)nb) { done = true; break; }
    }
    if (done) { d_found = d; break; }
  }
  /* Walk back from (na, nb) through the trace, writing ops from the end. */
  size_t n = na + nb;
  plan_diff_op *out = malloc((n + 1) * sizeof *out);
  if (!out) { free(v); free(trace); free(start); return PLAN_ENOMEM; }
  size_t pos = n;
  ptrdiff_t x = (ptrdiff_t)na, y = (ptrdiff_t)nb;
  for (size_t d = d_found; d > 0; d--) {
    /* V before step d, indexed from -d-1 */
    const ptrdiff_t *pv = trace + start[d] + d + 1;
    ptrdiff_t k = x - y, pk;
    if (k == -(ptrdiff_t)d || (k != (ptrdiff_t)d && pv[k - 1] < pv[k + 1])) pk = k + 1;
    else pk = k - 1;
    ptrdiff_t px = pv[pk], py = px - pk;
    while (x > px && y > py) { /* the snake after the move */
      out[--pos] = PLAN_DIFF_EQUAL;
      x--;
      y--;
    }
    if (pk == k + 1) { out[--pos] = PLAN_DIFF_INSERT; y--; }
    else { out[--pos] = PLAN_DIFF_DELETE; x--; }
  }
  while (x > 0 && y > 0) { out[--pos] = PLAN_DIFF_EQUAL; x--; y--; }
  free(v);
  free(trace);
  free(start);
  memmove(out, out + pos, (n - pos) * sizeof *out);
  *ops = out;
  *nops = n - pos;
  return PLAN_OK;
}

/* One side of a link: its duties' texts joined by a space, and its tokens
 * with offsets in that text and in the source file. */
typedef struct side {
  plan_buf text;
  uint64_t *tok;
  size_t *off, *len, *src;
  size_t n;
} side;

static plan_status build_side(side *s, plan_cduty *const *ds, size_t nd, const plan_doc *doc) {
  size_t total = 0;
  for (size_t i = 0; i < nd; i++) total += ds[i]->ntok;
  memset(s, 0, sizeof *s);
  s->tok = malloc((total + 1) * sizeof *s->tok);
  s->off = malloc((total + 1) * sizeof *s->off);
  s->len = malloc((total + 1) * sizeof *s->len);
  s->src = malloc((total + 1) * sizeof *s->src);
  if (!s->tok || !s->off || !s->len || !s->src) return PLAN_ENOMEM;
  for (size_t i = 0; i < nd; i++) {
    const plan_cduty *d = ds[i];
    if (i) plan__buf_putc(&s->text, ' ');
    size_t base = s->text.len;
    plan__buf_put(&s->text, d->duty->text, strlen(d->duty->text));
    for (size_t t = 0; t < d->ntok; t++) {
      s->tok[s->n] = d->tokens[t];
      s->off[s->n] = base + d->tok_off[t];
      s->len[s->n] = d->tok_len[t];
      s->src[s->n] = plan__duty_input_offset(&doc->outline, d->duty, d->tok_off[t]);
      s->n++;
    }
  }
  return s->text.oom ? PLAN_ENOMEM : PLAN_OK;
}

static void free_side(side *s) {
  plan__buf_free(&s->text);
  free(s->tok);
  free(s->off);
  free(s->len);
  free(s->src);
}

const char *plan__side_text(plan_compare *c, plan_cduty *const *ds, size_t n) {
  if (n == 1) return ds[0]->duty->text;
  plan_buf b = {0};
  for (size_t i = 0; i < n; i++) {
    if (i) plan__buf_putc(&b, ' ');
    plan__buf_put(&b, ds[i]->duty->text, strlen(ds[i]->duty->text));
  }
  const char *r = b.oom ? NULL : plan__arena_strndup(c->link_arena, b.data ? b.data : "", b.len);
  plan__buf_free(&b);
  return r;
}

plan_status plan__link_diff(const plan_compare *c, const plan_link *l, plan_diff_step **steps,
                            size_t *nsteps) {
  *steps = NULL;
  *nsteps = 0;
  if (!l->na || !l->nb) return PLAN_OK; /* only in one document */
  const plan_cagency *ag = &c->agencies[l->agency];
  plan_cduty *as[8], *bs[8];
  for (size_t x = 0; x < l->na && x < 8; x++) as[x] = &ag->duties[l->a][l->ia[x]];
  for (size_t y = 0; y < l->nb && y < 8; y++) bs[y] = &ag->duties[l->b][l->ib[y]];
  side sa, sb;
  memset(&sb, 0, sizeof sb);
  plan_status st = build_side(&sa, as, l->na, c->docs[l->a]);
  if (st == PLAN_OK) st = build_side(&sb, bs, l->nb, c->docs[l->b]);
  plan_diff_op *ops = NULL;
  size_t nops = 0;
  if (st == PLAN_OK) st = plan__word_diff(sa.tok, sa.n, sb.tok, sb.n, &ops, &nops);
  plan_diff_step *out = NULL;
  if (st == PLAN_OK && !(out = malloc((nops + 1) * sizeof *out))) st = PLAN_ENOMEM;
  /* Runs of one operation become one step. */
  size_t x = 0, y = 0, n = 0;
  for (size_t i = 0; st == PLAN_OK && i < nops;) {
    plan_diff_op op = ops[i];
    size_t j = i;
    while (j < nops && ops[j] == op) j++;
    size_t cnt = j - i;
    plan_diff_step *s = &out[n++];
    memset(s, 0, sizeof *s);
    s->op = op;
    if (op != PLAN_DIFF_INSERT) {
      s->a_off = sa.off[x];
      s->a_len = sa.off[x + cnt - 1] + sa.len[x + cnt - 1] - sa.off[x];
      s->a_source = sa.src[x];
      x += cnt;
    }
    if (op != PLAN_DIFF_DELETE) {
      s->b_off = sb.off[y];
      s->b_len = sb.off[y + cnt - 1] + sb.len[y + cnt - 1] - sb.off[y];
      s->b_source = sb.src[y];
      y += cnt;
    }
    i = j;
  }
  free(ops);
  free_side(&sa);
  free_side(&sb);
  if (st != PLAN_OK) {
    free(out);
    return st;
  }
  *steps = out;
  *nsteps = n;
  return PLAN_OK;
}
