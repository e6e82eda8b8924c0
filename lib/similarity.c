/* similarity.c - how alike two duties are: cosine over their syllables and
 * syllable pairs, each weighted by how rare it is among all the duties being
 * compared, so that the words every duty repeats ("phòng, chống xâm hại trẻ
 * em") count for little. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "compare.h"
#include "words.h"

static uint64_t hash64(const char *s) {
  uint64_t h = 1469598103934665603ull;
  for (; *s; s++) h = (h ^ (unsigned char)*s) * 1099511628211ull;
  return h;
}

static int feat_cmp(const void *x, const void *y) {
  uint64_t a = ((const plan_feat *)x)->hash, b = ((const plan_feat *)y)->hash;
  return (a > b) - (a < b);
}

/* Sorts and removes duplicates; returns the new count. */
static size_t unique(plan_feat *f, size_t n) {
  qsort(f, n, sizeof *f, feat_cmp);
  size_t k = 0;
  for (size_t i = 0; i < n; i++)
    if (k == 0 || f[k - 1].hash != f[i].hash) f[k++] = f[i];
  return k;
}

plan_status plan__features(plan_compare *c, plan_cduty *d) {
  const char *text = d->duty->text;
  plan_words ws;
  if (plan__words(NULL, text, strlen(text), &ws) != PLAN_OK) {
    plan__words_free(&ws);
    return PLAN_ENOMEM;
  }
  size_t n = plan__words_count(&ws);
  plan_arena *ar = &c->arena;
  d->uni = plan__arena_alloc(ar, (n + 1) * sizeof(plan_feat));
  d->bi = plan__arena_alloc(ar, (n + 1) * sizeof(plan_feat));
  d->tokens = plan__arena_alloc(ar, (n + 1) * sizeof(uint64_t));
  d->tok_off = plan__arena_alloc(ar, (n + 1) * sizeof(size_t));
  d->tok_len = plan__arena_alloc(ar, (n + 1) * sizeof(size_t));
  plan_buf key = {0};
  if (!d->uni || !d->bi || !d->tokens || !d->tok_off || !d->tok_len) {
    plan__words_free(&ws);
    return PLAN_ENOMEM;
  }
  uint64_t prev = 0;
  size_t ntok = 0;
  for (size_t i = 0; i < n; i++) {
    const char *w = plan__word_key(&ws, i);
    uint64_t h = hash64(w);
    d->uni[i].hash = h;
    d->uni[i].word = plan__arena_strndup(ar, w, strlen(w));
    if (i) d->bi[i - 1].hash = (prev * 0x9E3779B97F4A7C15ull) ^ h ^ 0x5bd1e995ull;
    prev = h;
    if (key.len) plan__buf_putc(&key, ' ');
    plan__buf_put(&key, w, strlen(w));
    /* Diff tokens are the printed syllables; one printed token may fold
     * to several words ("1472/QĐ-TTg"), so keep each token once. */
    const plan_word *pw = plan__word(&ws, i);
    if (ntok == 0 || d->tok_off[ntok - 1] != pw->start) {
      d->tok_off[ntok] = pw->start;
      d->tok_len[ntok] = pw->end - pw->start;
      d->tokens[ntok++] = h;
    } else {
      d->tokens[ntok - 1] = d->tokens[ntok - 1] * 31 + h;
    }
  }
  d->ntok = ntok;
  d->nuni = unique(d->uni, n);
  d->nbi = n ? unique(d->bi, n - 1) : 0;
  d->key = key.oom ? NULL : plan__arena_strndup(ar, key.data ? key.data : "", key.len);
  plan__buf_free(&key);
  plan__words_free(&ws);
  return d->key ? PLAN_OK : PLAN_ENOMEM;
}

/* A feature of some duty, for the one sort that counts them all. */
typedef struct feat_ref {
  uint64_t key; /* the hash, bigrams apart from unigrams */
  plan_feat *f;
} feat_ref;

/* Least significant digit radix sort on the 64-bit keys: 8 passes of 8
 * bits, stable, no comparisons; tmp holds n entries. */
static void radix_sort(feat_ref *v, feat_ref *tmp, size_t n) {
  for (int shift = 0; shift < 64; shift += 8) {
    size_t count[257] = {0};
    for (size_t i = 0; i < n; i++) count[((v[i].key >> shift) & 0xFF) + 1]++;
    if (count[1] == n || n == 0) continue; /* one bucket: this byte sorts nothing */
    for (int k = 0; k < 256; k++) count[k + 1] += count[k];
    for (size_t i = 0; i < n; i++) tmp[count[(v[i].key >> shift) & 0xFF]++] = v[i];
    memcpy(v, tmp, n * sizeof *v);
  }
}

/* Document frequencies over every duty of the comparison, then weights:
 * idf = log((D + 1) / df), D the number of duties.  One sort of every
 * feature of every duty gives each distinct feature its run, its df and
 * its id (for the dense scoring in align.c). */
plan_status plan__weigh(plan_compare *c) {
  size_t total = 0, D = 0;
  for (size_t g = 0; g < c->nagencies; g++)
    for (size_t doc = 0; doc < c->n; doc++)
      for (size_t k = 0; k < c->agencies[g].count[doc]; k++) {
        const plan_cduty *d = &c->agencies[g].duties[doc][k];
        total += d->nuni + d->nbi;
        D++;
      }
  feat_ref *all = malloc((total + 1) * sizeof *all), *tmp = malloc((total + 1) * sizeof *tmp);
  if (!all || !tmp) {
    free(all);
    free(tmp);
    return PLAN_ENOMEM;
  }
  size_t m = 0;
  for (size_t g = 0; g < c->nagencies; g++)
    for (size_t doc = 0; doc < c->n; doc++)
      for (size_t k = 0; k < c->agencies[g].count[doc]; k++) {
        plan_cduty *d = &c->agencies[g].duties[doc][k];
        for (size_t i = 0; i < d->nuni; i++) all[m++] = (feat_ref){d->uni[i].hash, &d->uni[i]};
        for (size_t i = 0; i < d->nbi; i++) all[m++] = (feat_ref){d->bi[i].hash ^ 1, &d->bi[i]}; /* apart from unigrams */
      }
  radix_sort(all, tmp, m);
  free(tmp);
  size_t nfeat = 0;
  for (size_t i = 0; i < m;) {
    size_t e = i;
    while (e < m && all[e].key == all[i].key) e++;
    double w = log(((double)D + 1.0) / (double)(e - i));
    for (size_t k = i; k < e; k++) {
      all[k].f->w = w;
      all[k].f->id = (uint32_t)nfeat;
    }
    nfeat++;
    i = e;
  }
  free(all);
  for (size_t g = 0; g < c->nagencies; g++)
    for (size_t doc = 0; doc < c->n; doc++)
      for (size_t k = 0; k < c->agencies[g].count[doc]; k++) {
        plan_cduty *d = &c->agencies[g].duties[doc][k];
        double nu = 0, nb = 0;
        for (size_t i = 0; i < d->nuni; i++) nu += d->uni[i].w * d->uni[i].w;
        for (size_t i = 0; i < d->nbi; i++) nb += d->bi[i].w * d->bi[i].w;
        d->mass_u = nu;
        d->norm_u = sqrt(nu);
        d->norm_b = sqrt(nb);
      }
  c->total_duties = D;
  c->nfeat = nfeat;
  c->dense = calloc(nfeat + 1, sizeof *c->dense);
  return c->dense ? PLAN_OK : PLAN_ENOMEM;
}

/* Sum of w_a * w_b over the features both sorted lists hold. */
static double dot(const plan_feat *a, size_t na, const plan_feat *b, size_t nb) {
  double s = 0;
  size_t i = 0, j = 0;
  while (i < na && j < nb) {
    if (a[i].hash < b[j].hash) i++;
    else if (a[i].hash > b[j].hash) j++;
    else s += a[i++].w * b[j++].w;
  }
  return s;
}

void plan__scatter(plan_compare *c, const plan_cduty *a, bool on) {
  for (size_t i = 0; i < a->nuni; i++) c->dense[a->uni[i].id] = on ? a->uni[i].w : 0;
  for (size_t i = 0; i < a->nbi; i++) c->dense[a->bi[i].id] = on ? a->bi[i].w : 0;
}

void plan__similarity_scattered(const plan_compare *c, const plan_cduty *a, const plan_cduty *b,
                                double *sim, double *uni, double *bi) {
  const double *dense = c->dense;
  double du = 0, db = 0;
  for (size_t j = 0; j < b->nuni; j++) du += dense[b->uni[j].id] * b->uni[j].w;
  for (size_t j = 0; j < b->nbi; j++) db += dense[b->bi[j].id] * b->bi[j].w;
  double u = a->norm_u > 0 && b->norm_u > 0 ? du / (a->norm_u * b->norm_u) : 0;
  double g = a->norm_b > 0 && b->norm_b > 0 ? db / (a->norm_b * b->norm_b) : 0;
  double beta = c->o.bigram_weight;
  if (uni) *uni = u;
  if (bi) *bi = g;
  *sim = (1 - beta) * u + beta * g;
}

void plan__similarity(const plan_compare *c, const plan_cduty *a, const plan_cduty *b, double *sim,
                      double *uni, double *bi) {
  double u = a->norm_u > 0 && b->norm_u > 0 ? dot(a->uni, a->nuni, b->uni, b->nuni) / (a->norm_u * b->norm_u) : 0;
  double g = a->norm_b > 0 && b->norm_b > 0 ? dot(a->bi, a->nbi, b->bi, b->nbi) / (a->norm_b * b->norm_b) : 0;
  double beta = c->o.bigram_weight;
  if (uni) *uni = u;
  if (bi) *bi = g;
  *sim = (1 - beta) * u + beta * g;
}

double plan__containment(const plan_cduty *a, const plan_cduty *b) {
  if (a->mass_u <= 0) return 0;
  /* the weights are the same on both sides: w_a * w_b = w^2 */
  return dot(a->uni, a->nuni, b->uni, b->nuni) / a->mass_u;
}

void plan__evidence(plan_compare *c, plan_link *l, plan_cduty *const *as, plan_cduty *const *bs) {
  /* shared unigrams of the first duty on each side... and the others */
  enum { TOP = 5 };
  const plan_feat *top[TOP] = {0};
  double common = 0, rare = 0;
  double D = (double)(c->total_duties ? c->total_duties : 1);
  double common_w = log((D + 1.0) / (0.2 * D + 1.0)); /* in a fifth of all duties */
  for (size_t x = 0; x < l->na; x++)
    for (size_t y = 0; y < l->nb; y++) {
      const plan_cduty *a = as[l->ia[x]], *b = bs[l->ib[y]];
      size_t i = 0, j = 0;
      while (i < a->nuni && j < b->nuni) {
        if (a->uni[i].hash < b->uni[j].hash) { i++; continue; }
        if (a->uni[i].hash > b->uni[j].hash) { j++; continue; }
        const plan_feat *f = &a->uni[i];
        if (f->w <= common_w) common += f->w * f->w;
        else rare += f->w * f->w;
        /* keep the TOP rarest, each word once */
        bool dup = false;
        for (int t = 0; t < TOP; t++) dup |= top[t] && top[t]->hash == f->hash;
        for (int t = 0; !dup && t < TOP; t++) {
          if (!top[t] || f->w > top[t]->w || (f->w == top[t]->w && strcmp(f->word, top[t]->word) < 0)) {
            for (int u = TOP - 1; u > t; u--) top[u] = top[u - 1];
            top[t] = f;
            break;
          }
        }
        i++;
        j++;
      }
    }
  l->boilerplate = rare + common > 0 && rare / (rare + common) < c->o.boilerplate_max;
  plan_buf b = {0};
  for (int t = 0; t < TOP && top[t]; t++) {
    if (b.len) plan__buf_putc(&b, ' ');
    plan__buf_put(&b, top[t]->word, strlen(top[t]->word));
  }
  l->rare = plan__arena_strndup(&c->arena, b.data ? b.data : "", b.len);
  plan__buf_free(&b);
}
