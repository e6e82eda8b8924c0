/* similarity.c - how alike two duties are: cosine over their syllables and
 * syllable pairs, each weighted by how rare it is among all the duties being
 * compared, so that the words every duty repeats ("phòng, chống xâm hại trẻ
 * em") count for little. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "compare.h"
#include "lexicon/lexicon.h"

static uint64_t hash64(const char *s) {
  uint64_t h = 1469598103934665603ull;
  for (; *s; s++) h = (h ^ (unsigned char)*s) * 1099511628211ull;
  return h;
}

/* Sorts features by hash: quicksort with the compare inline (qsort's call
 * through a pointer per comparison cost more than the sort), insertion
 * sort for the short runs a duty mostly has. */
static void sort_feats(plan_feat *f, size_t n) {
  while (n > 24) {
    uint64_t a = f[0].hash, b = f[n / 2].hash, c = f[n - 1].hash;
    uint64_t pivot = a < b ? (b < c ? b : (a < c ? c : a)) : (a < c ? a : (b < c ? c : b));
    size_t i = 0, j = n - 1;
    for (;;) {
      while (f[i].hash < pivot) i++;
      while (f[j].hash > pivot) j--;
      if (i >= j) break;
      plan_feat t = f[i];
      f[i++] = f[j];
      f[j--] = t;
    }
    /* recurse into the smaller side, loop on the larger */
    size_t left = j + 1;
    if (left < n - left) {
      sort_feats(f, left);
      f += left;
      n -= left;
    } else {
      sort_feats(f + left, n - left);
      n = left;
    }
  }
  for (size_t i = 1; i < n; i++) {
    plan_feat x = f[i];
    size_t j = i;
    while (j > 0 && f[j - 1].hash > x.hash) {
      f[j] = f[j - 1];
      j--;
    }
    f[j] = x;
  }
}

/* Sorts and removes duplicates; returns the new count. */
static size_t unique(plan_feat *f, size_t n) {
  sort_feats(f, n);
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
    size_t wl = strlen(w);
    uint64_t h = hash64(w);
    d->uni[i].hash = h;
    if (i) d->bi[i - 1].hash = (prev * 0x9E3779B97F4A7C15ull) ^ h ^ 0x5bd1e995ull;
    prev = h;
    if (key.len) plan__buf_putc(&key, ' ');
    /* the word itself is the key's: its offset for now, its place below */
    d->uni[i].id = (uint32_t)key.len;
    d->uni[i].wlen = (uint32_t)wl;
    plan__buf_put(&key, w, wl);
    /* Diff tokens are the printed syllables; one printed token may fold
     * to several words ("1472/QĐ-TTg"), so keep each token once. */
    if (i == 0 || plan__word(&ws, i - 1)->token != plan__word(&ws, i)->token) {
      size_t start = plan__word_start(&ws, i);
      d->tok_off[ntok] = start;
      d->tok_len[ntok] = plan__word_end(&ws, i) - start;
      d->tokens[ntok++] = h;
    } else {
      d->tokens[ntok - 1] = d->tokens[ntok - 1] * 31 + h;
    }
  }
  d->ntok = ntok;
  d->key = key.oom ? NULL : plan__arena_strndup(ar, key.data ? key.data : "", key.len);
  plan__buf_free(&key);
  for (size_t i = 0; d->key && i < n; i++) d->uni[i].word = d->key + d->uni[i].id;
  d->nuni = unique(d->uni, n);
  d->nbi = n ? unique(d->bi, n - 1) : 0;
  plan__words_free(&ws);
  return d->key ? PLAN_OK : PLAN_ENOMEM;
}

/* The distinct features of a comparison: an open-addressing table from
 * feature key (a hash already) to its id; ids count up as keys are met. */
typedef struct feat_table {
  uint64_t *keys;
  uint32_t *ids; /* UINT32_MAX: empty slot */
  size_t mask;
  uint32_t *df;  /* per id: how many duties hold it */
  size_t n;
} feat_table;

static uint32_t feat_id(feat_table *t, uint64_t key) {
  size_t i = (size_t)((key * 0x9E3779B97F4A7C15ull) >> 20) & t->mask;
  while (t->ids[i] != UINT32_MAX) {
    if (t->keys[i] == key) return t->ids[i];
    i = (i + 1) & t->mask;
  }
  t->keys[i] = key;
  t->ids[i] = (uint32_t)t->n;
  t->df[t->n] = 0;
  return (uint32_t)t->n++;
}

/* Document frequencies over every duty of the comparison, then weights:
 * idf = log((D + 1) / df), D the number of duties.  Each distinct feature
 * gets an id (for the dense scoring in align.c) and its df from one pass
 * through a hash table: memory for the distinct features only. */
plan_status plan__weigh(plan_compare *c) {
  size_t total = 0, D = 0;
  for (size_t g = 0; g < c->nagencies; g++)
    for (size_t doc = 0; doc < c->n; doc++)
      for (size_t k = 0; k < c->agencies[g].count[doc]; k++) {
        const plan_cduty *d = &c->agencies[g].duties[doc][k];
        total += d->nuni + d->nbi;
        D++;
      }
  size_t cap = 64;
  while (cap < 2 * total + 2) cap *= 2;
  feat_table t = {calloc(cap, sizeof(uint64_t)), malloc(cap * sizeof(uint32_t)), cap - 1,
                  malloc((total + 1) * sizeof(uint32_t)), 0};
  if (!t.keys || !t.ids || !t.df) {
    free(t.keys);
    free(t.ids);
    free(t.df);
    return PLAN_ENOMEM;
  }
  memset(t.ids, 0xFF, cap * sizeof(uint32_t));
  for (size_t g = 0; g < c->nagencies; g++)
    for (size_t doc = 0; doc < c->n; doc++)
      for (size_t k = 0; k < c->agencies[g].count[doc]; k++) {
        plan_cduty *d = &c->agencies[g].duties[doc][k];
        /* a duty's lists hold each feature once: one count per duty */
        for (size_t i = 0; i < d->nuni; i++) t.df[d->uni[i].id = feat_id(&t, d->uni[i].hash)]++;
        for (size_t i = 0; i < d->nbi; i++)
          t.df[d->bi[i].id = feat_id(&t, d->bi[i].hash ^ 1)]++; /* apart from unigrams */
      }
  double *idf = malloc((t.n + 1) * sizeof *idf);
  if (!idf) {
    free(t.keys);
    free(t.ids);
    free(t.df);
    return PLAN_ENOMEM;
  }
  for (size_t i = 0; i < t.n; i++) idf[i] = log(((double)D + 1.0) / (double)t.df[i]);
  free(t.keys);
  free(t.ids);
  free(t.df);
  for (size_t g = 0; g < c->nagencies; g++)
    for (size_t doc = 0; doc < c->n; doc++)
      for (size_t k = 0; k < c->agencies[g].count[doc]; k++) {
        plan_cduty *d = &c->agencies[g].duties[doc][k];
        double nu = 0, nb = 0;
        for (size_t i = 0; i < d->nuni; i++) {
          d->uni[i].w = idf[d->uni[i].id];
          nu += d->uni[i].w * d->uni[i].w;
        }
        for (size_t i = 0; i < d->nbi; i++) {
          d->bi[i].w = idf[d->bi[i].id];
          nb += d->bi[i].w * d->bi[i].w;
        }
        size_t nf = d->nuni + d->nbi;
        d->fid = plan__arena_alloc(&c->arena, (nf + 1) * sizeof *d->fid);
        d->fw = plan__arena_alloc(&c->arena, (nf + 1) * sizeof *d->fw);
        if (!d->fid || !d->fw) {
          free(idf);
          return PLAN_ENOMEM;
        }
        for (size_t i = 0; i < d->nuni; i++) { d->fid[i] = d->uni[i].id; d->fw[i] = d->uni[i].w; }
        for (size_t i = 0; i < d->nbi; i++) {
          d->fid[d->nuni + i] = d->bi[i].id;
          d->fw[d->nuni + i] = d->bi[i].w;
        }
        d->mass_u = nu;
        d->norm_u = sqrt(nu);
        d->norm_b = sqrt(nb);
      }
  free(idf);
  c->total_duties = D;
  c->nfeat = t.n;
  c->dense = calloc(t.n + 1, sizeof *c->dense);
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

/* Sum of dense[id[j]] * w[j].  Four partial sums: one running sum would
 * wait on each addition in turn.  The order is fixed by b alone, so the
 * result does not depend on the order of the documents. */
static double sparse_dot(const double *dense, const uint32_t *id, const double *w, size_t n) {
  double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
  size_t j = 0;
  for (; j + 4 <= n; j += 4) {
    s0 += dense[id[j]] * w[j];
    s1 += dense[id[j + 1]] * w[j + 1];
    s2 += dense[id[j + 2]] * w[j + 2];
    s3 += dense[id[j + 3]] * w[j + 3];
  }
  for (; j < n; j++) s0 += dense[id[j]] * w[j];
  return (s0 + s1) + (s2 + s3);
}

void plan__scatter(plan_compare *c, const plan_cduty *a, bool on) {
  size_t nf = a->nuni + a->nbi;
  for (size_t i = 0; i < nf; i++) c->dense[a->fid[i]] = on ? a->fw[i] : 0;
}

void plan__similarity_scattered(const plan_compare *c, const plan_cduty *a, const plan_cduty *b,
                                double *sim, double *uni, double *bi) {
  double du = sparse_dot(c->dense, b->fid, b->fw, b->nuni);
  double db = sparse_dot(c->dense, b->fid + b->nuni, b->fw + b->nuni, b->nbi);
  double u = a->norm_u > 0 && b->norm_u > 0 ? du / (a->norm_u * b->norm_u) : 0;
  double g = a->norm_b > 0 && b->norm_b > 0 ? db / (a->norm_b * b->norm_b) : 0;
  double beta = c->o.bigram_weight;
  if (uni) *uni = u;
  if (bi) *bi = g;
  *sim = (1 - beta) * u + beta * g;
}

double plan__containment_scattered(const plan_compare *c, const plan_cduty *a,
                                   const plan_cduty *b) {
  if (a->mass_u <= 0) return 0;
  return sparse_dot(c->dense, b->fid, b->fw, b->nuni) / a->mass_u;
}

void plan__scatter_unigrams(plan_compare *c, const plan_cduty *a, bool on) {
  for (size_t i = 0; i < a->nuni; i++) c->dense[a->fid[i]] = on ? a->fw[i] : 0;
}

double plan__containment(const plan_cduty *a, const plan_cduty *b) {
  if (a->mass_u <= 0) return 0;
  /* the weights are the same on both sides: w_a * w_b = w^2 */
  return dot(a->uni, a->nuni, b->uni, b->nuni) / a->mass_u;
}

/* Two features' words in byte order (as strcmp would order them). */
static int word_cmp(const plan_feat *a, const plan_feat *b) {
  size_t n = a->wlen < b->wlen ? a->wlen : b->wlen;
  int r = memcmp(a->word, b->word, n);
  return r ? r : (a->wlen > b->wlen) - (a->wlen < b->wlen);
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
        /* keep the TOP rarest, each word once (most shared words are
         * commoner than the fifth kept: they are passed over at once) */
        if (top[TOP - 1] && f->w < top[TOP - 1]->w) {
          i++;
          j++;
          continue;
        }
        bool dup = false;
        for (int t = 0; t < TOP; t++) dup |= top[t] && top[t]->hash == f->hash;
        for (int t = 0; !dup && t < TOP; t++) {
          if (!top[t] || f->w > top[t]->w || (f->w == top[t]->w && word_cmp(f, top[t]) < 0)) {
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
    plan__buf_put(&b, top[t]->word, top[t]->wlen);
  }
  if (b.oom) c->link_arena->oom = true; /* plan_compare_new says PLAN_ENOMEM */
  l->rare = plan__arena_strndup(c->link_arena, b.data ? b.data : "", b.len);
  plan__buf_free(&b);
}
