/* align.c - the duties of one agency in two documents, aligned as an
 * assignment problem (lists are reordered, so order must not matter): the
 * best one-to-one matching by similarity (Kuhn-Munkres), then the duties
 * left over folded into a matched duty that contains them (merged, or split
 * the other way), then what is left is only in one document. */
#include <float.h>
#include <stdlib.h>
#include <string.h>

#include "compare.h"

/* Kuhn-Munkres on a square cost matrix (the e-maxx formulation), rows and
 * columns 1-based inside. */
/* When every row's best score stands clear of the rest of its row and the
 * rows' best columns differ, taking them is the one optimal matching (no
 * matching beats the sum of the row maxima): most duty lists align so, and
 * the cubic search below is skipped. */
static bool rows_agree(const double *score, size_t m, size_t n, size_t *match) {
  const double margin = 1e-9;
  for (size_t i = 0; i < m; i++) {
    const double *row = score + i * n;
    size_t best = SIZE_MAX;
    double top = 0, second = 0; /* a row's zeros (and the padding) count as 0 */
    for (size_t j = 0; j < n; j++) {
      if (row[j] > top) { second = top; top = row[j]; best = j; }
      else if (row[j] > second) second = row[j];
    }
    if (best == SIZE_MAX) { match[i] = SIZE_MAX; continue; }
    if (top - second <= margin) return false;
    for (size_t r = 0; r < i; r++)
      if (match[r] == best) return false;
    match[i] = best;
  }
  return true;
}

/* As plan__assignment, with the working arrays in *work (grown as needed,
 * kept by the caller from call to call). */
static plan_status assignment_in(const double *score, size_t m, size_t n, size_t *match,
                                 void **work, size_t *cap) {
  if (rows_agree(score, m, n, match)) return PLAN_OK;
  size_t k = m > n ? m : n;
  size_t need = (k + 1) * (3 * sizeof(double) + 2 * sizeof(size_t) + sizeof(bool));
  if (need > *cap) {
    void *grown = realloc(*work, need);
    if (!grown) return PLAN_ENOMEM;
    *work = grown;
    *cap = need;
  }
  double *u = *work, *v = u + k + 1, *minv = v + k + 1;
  size_t *p = (size_t *)(minv + k + 1), *way = p + k + 1;
  bool *used = (bool *)(way + k + 1);
  memset(u, 0, 2 * (k + 1) * sizeof *u);
  memset(p, 0, 2 * (k + 1) * sizeof *p);
  plan_status st = PLAN_OK;
#define COST(i, j) ((i) <= m && (j) <= n ? -score[((i) - 1) * n + (j) - 1] : 0.0)
  for (size_t i = 1; st == PLAN_OK && i <= k; i++) {
    p[0] = i;
    size_t j0 = 0;
    for (size_t j = 0; j <= k; j++) { minv[j] = DBL_MAX; used[j] = false; }
    do {
      used[j0] = true;
      size_t i0 = p[j0], j1 = 0;
      double delta = DBL_MAX;
      for (size_t j = 1; j <= k; j++) {
        if (used[j]) continue;
        double cur = COST(i0, j) - u[i0] - v[j];
        if (cur < minv[j]) { minv[j] = cur; way[j] = j0; }
        if (minv[j] < delta) { delta = minv[j]; j1 = j; }
      }
      for (size_t j = 0; j <= k; j++) {
        if (used[j]) { u[p[j]] += delta; v[j] -= delta; }
        else minv[j] -= delta;
      }
      j0 = j1;
    } while (p[j0] != 0);
    do {
      size_t j1 = way[j0];
      p[j0] = p[j1];
      j0 = j1;
    } while (j0);
  }
#undef COST
  if (st == PLAN_OK) {
    for (size_t i = 0; i < m; i++) match[i] = SIZE_MAX;
    for (size_t j = 1; j <= k; j++)
      if (p[j] >= 1 && p[j] <= m && j <= n && score[(p[j] - 1) * n + j - 1] > 0) match[p[j] - 1] = j - 1;
  }
  return st;
}

plan_status plan__assignment(const double *score, size_t m, size_t n, size_t *match) {
  void *work = NULL;
  size_t cap = 0;
  plan_status st = assignment_in(score, m, n, match, &work, &cap);
  free(work);
  return st;
}

typedef struct draft {
  plan_link_kind kind;
  size_t ia[8], ib[8];
  size_t na, nb;
  double sim, uni, bi;
} draft;

static int draft_cmp(const void *x, const void *y) {
  const draft *a = x, *b = y;
  size_t ka = a->na ? a->ia[0] : SIZE_MAX, kb = b->na ? b->ia[0] : SIZE_MAX;
  if (ka != kb) return ka < kb ? -1 : 1;
  ka = a->nb ? a->ib[0] : SIZE_MAX;
  kb = b->nb ? b->ib[0] : SIZE_MAX;
  if (ka != kb) return ka < kb ? -1 : 1;
  return (int)a->kind - (int)b->kind;
}

static int draft_ptr_cmp(const void *x, const void *y) {
  return draft_cmp(*(const draft *const *)x, *(const draft *const *)y);
}

static void insert_sorted(size_t *list, size_t *n, size_t v) {
  size_t i = (*n)++;
  while (i > 0 && list[i - 1] > v) { list[i] = list[i - 1]; i--; }
  list[i] = v;
}

/* A draft's duty indices and count on one side (0: a, 1: b). */
static size_t *side_index(draft *d, int side) { return side ? d->ib : d->ia; }
static size_t *side_count(draft *d, int side) { return side ? &d->nb : &d->na; }

/* Folds each duty of one side, unmatched or matched only in part, into the
 * matched duty of the other side that contains it together with its own
 * partner: a merge when side a folds into b, a split the other way.  A
 * partial link the duty had gives way (its other duty is then only in one
 * document). */
static void fold_leftovers(plan_compare *c, draft *dr, int side, const plan_cduty *mine,
                           size_t nmine, const plan_cduty *other, size_t nother,
                           size_t *link_of_mine, size_t *link_of_other) {
  for (size_t i = 0; i < nmine; i++) {
    size_t had = link_of_mine[i];
    if (had != SIZE_MAX && dr[had].kind != PLAN_LINK_PARTIAL) continue;
    size_t best = SIZE_MAX;
    double best_c = c->o.merge_min;
    plan__scatter_unigrams(c, &mine[i], true);
    for (size_t j = 0; j < nother; j++) {
      size_t l = link_of_other[j];
      if (l == SIZE_MAX || l == had || dr[l].kind == PLAN_LINK_PARTIAL || dr[l].kind == 0 ||
          *side_count(&dr[l], !side) != 1 || *side_count(&dr[l], side) >= 8)
        continue;
      double ci = plan__containment_scattered(c, &mine[i], &other[j]);
      if (ci >= best_c &&
          plan__containment(&mine[side_index(&dr[l], side)[0]], &other[j]) >= c->o.merge_min) {
        best_c = ci;
        best = j;
      }
    }
    plan__scatter_unigrams(c, &mine[i], false);
    if (best == SIZE_MAX) continue;
    if (had != SIZE_MAX) {
      dr[had].kind = 0; /* dissolved */
      link_of_other[side_index(&dr[had], !side)[0]] = SIZE_MAX;
    }
    draft *d = &dr[link_of_other[best]];
    insert_sorted(side_index(d, side), side_count(d, side), i);
    d->kind = side ? PLAN_LINK_SPLIT : PLAN_LINK_MERGED;
    link_of_mine[i] = link_of_other[best];
  }
}

/* Scores every duty of document a against every duty of each document
 * after it, for one agency: sims[b] gets the m x n similarities (sim,
 * unigram part, bigram part: 3 * m * n doubles) of pair (a, b).  Each duty
 * of a is scattered once for all the documents. */
void plan__score_against(plan_compare *c, const plan_cagency *ag, size_t a, double **sims) {
  size_t m = ag->count[a];
  const plan_cduty *A = ag->duties[a];
  for (size_t i = 0; i < m; i++) {
    plan__scatter(c, &A[i], true);
    for (size_t b = a + 1; b < c->n; b++) {
      size_t n = ag->count[b];
      const plan_cduty *B = ag->duties[b];
      double *S = sims[b], *U = S + m * n, *G = U + m * n;
      for (size_t j = 0; j < n; j++) {
        size_t x = i * n + j;
        if (strcmp(A[i].key, B[j].key) == 0) S[x] = U[x] = G[x] = 1;
        else plan__similarity_scattered(c, &A[i], &B[j], &S[x], &U[x], &G[x]);
      }
    }
    plan__scatter(c, &A[i], false);
  }
}

plan_status plan__align(plan_compare *c, plan_cagency *ag, size_t a, size_t b, const double *sims,
                        plan_cpair *pair) {
  size_t m = ag->count[a], n = ag->count[b];
  pair->links = NULL;
  pair->n = 0;
  if (m == 0 || n == 0) return PLAN_OK;
  plan_cduty *A = ag->duties[a], *B = ag->duties[b];
  const double *S = sims, *U = S + m * n, *G = U + m * n;
  /* the working arrays, carved from one scratch block the comparison
   * keeps from pair to pair (every size is a multiple of 8 bytes) */
  size_t need = m * n * sizeof(double) + (m + n) * sizeof(draft) +
                (3 * m + 2 * n + 1) * sizeof(size_t) + (m + n + 1) * sizeof(draft *);
  if (need > c->scratch_cap) {
    void *grown = realloc(c->scratch, need);
    if (!grown) return PLAN_ENOMEM;
    c->scratch = grown;
    c->scratch_cap = need;
  }
  double *score = c->scratch;
  draft *dr = (draft *)(score + m * n);
  size_t *match = (size_t *)(dr + m + n), *of_b = match + m, *link_of_a = of_b + n,
         *link_of_b = link_of_a + m;
  draft **order = (draft **)(link_of_b + n + 1);
  size_t nd = 0;
  for (size_t x = 0; x < m * n; x++) score[x] = S[x] >= c->o.partial_min ? S[x] : 0;
  plan_status st = assignment_in(score, m, n, match, &c->km_scratch, &c->km_scratch_cap);
  if (st == PLAN_OK) {
    for (size_t j = 0; j < n; j++) { of_b[j] = SIZE_MAX; link_of_b[j] = SIZE_MAX; }
    for (size_t i = 0; i < m; i++) {
      link_of_a[i] = SIZE_MAX;
      if (match[i] == SIZE_MAX) continue;
      size_t j = match[i], x = i * n + j;
      draft *d = &dr[nd];
      memset(d, 0, sizeof *d);
      d->kind = strcmp(A[i].key, B[j].key) == 0 ? PLAN_LINK_SAME
              : S[x] >= c->o.reworded_min ? PLAN_LINK_REWORDED : PLAN_LINK_PARTIAL;
      d->ia[d->na++] = i;
      d->ib[d->nb++] = j;
      d->sim = S[x]; d->uni = U[x]; d->bi = G[x];
      of_b[j] = i;
      link_of_a[i] = link_of_b[j] = nd++;
    }
    fold_leftovers(c, dr, 0, A, m, B, n, link_of_a, link_of_b); /* merges */
    fold_leftovers(c, dr, 1, B, n, A, m, link_of_b, link_of_a); /* splits */
    for (size_t i = 0; i < m; i++)
      if (link_of_a[i] == SIZE_MAX) {
        memset(&dr[nd], 0, sizeof *dr);
        dr[nd].kind = PLAN_LINK_ONLY_A;
        dr[nd].ia[dr[nd].na++] = i;
        nd++;
      }
    for (size_t j = 0; j < n; j++)
      if (link_of_b[j] == SIZE_MAX) {
        memset(&dr[nd], 0, sizeof *dr);
        dr[nd].kind = PLAN_LINK_ONLY_B;
        dr[nd].ib[dr[nd].nb++] = j;
        nd++;
      }
    size_t kept = 0;
    for (size_t k = 0; k < nd; k++)
      if (dr[k].kind != 0) dr[kept++] = dr[k];
    nd = kept;
    /* sort pointers, not the drafts (each holds two arrays) */
    for (size_t k = 0; k < nd; k++) order[k] = &dr[k];
    qsort(order, nd, sizeof *order, draft_ptr_cmp);
    pair->links = plan__arena_alloc(c->link_arena, (nd + 1) * sizeof(plan_link));
    if (!pair->links) st = PLAN_ENOMEM;
  }
  for (size_t k = 0; st == PLAN_OK && k < nd; k++) {
    plan_link *l = &pair->links[k];
    const draft *d = order[k];
    l->kind = d->kind;
    l->na = d->na;
    l->nb = d->nb;
    l->ia = plan__arena_alloc(c->link_arena, (d->na + 1) * sizeof(size_t));
    l->ib = plan__arena_alloc(c->link_arena, (d->nb + 1) * sizeof(size_t));
    if (!l->ia || !l->ib) { st = PLAN_ENOMEM; break; }
    memcpy(l->ia, d->ia, d->na * sizeof(size_t));
    memcpy(l->ib, d->ib, d->nb * sizeof(size_t));
    l->sim = d->sim; l->uni = d->uni; l->bi = d->bi;
    l->rare = "";
    l->agency = (size_t)(ag - c->agencies);
    l->a = a;
    l->b = b;
    if (l->kind == PLAN_LINK_ONLY_A || l->kind == PLAN_LINK_ONLY_B) continue;
    plan_cduty *as[8], *bs[8];
    for (size_t x = 0; x < l->na; x++) as[x] = &A[l->ia[x]];
    for (size_t y = 0; y < l->nb; y++) bs[y] = &B[l->ib[y]];
    /* evidence and diff index the sides through as[] / bs[] by position */
    size_t ia_save[8], ib_save[8];
    for (size_t x = 0; x < l->na; x++) { ia_save[x] = l->ia[x]; l->ia[x] = x; }
    for (size_t y = 0; y < l->nb; y++) { ib_save[y] = l->ib[y]; l->ib[y] = y; }
    plan__evidence(c, l, as, bs);
    l->text[0] = plan__side_text(c, as, l->na);
    l->text[1] = plan__side_text(c, bs, l->nb);
    if (!l->text[0] || !l->text[1]) st = PLAN_ENOMEM;
    for (size_t x = 0; x < l->na; x++) l->ia[x] = ia_save[x];
    for (size_t y = 0; y < l->nb; y++) l->ib[y] = ib_save[y];
  }
  if (st == PLAN_OK) pair->n = nd;
  return st;
}
