/* implements.c - which national documents a plan implements (grouping
 * plans by them is compare/groups.c's).  A provincial plan names what it carries out in its title
 * (a letter in its "V/v" subject), else in a "Thực hiện ..." paragraph of
 * the preamble, else among the "Căn cứ ..." it rests on, less the grounds
 * of its power to act (data/competence_bases.tsv); of the documents
 * cited there, those a national body issued (data/national_issuers.tsv)
 * are what it implements. */
#include <stdlib.h>
#include <string.h>

#include "segment.h"
#include "data/data.h"

static bool national(const char *issuer) {
  if (!issuer) return false;
  for (size_t i = 0; i < plan__table_national_issuers_count; i++) {
    const char *code = plan__table_national_issuers[i].first;
    size_t n = strlen(code);
    if (strncmp(issuer, code, n) != 0) continue;
    const char *rest = issuer + n;
    while (*rest >= '0' && *rest <= '9') rest++;
    if (*rest == '\0') return true;
  }
  return false;
}

typedef struct hit {
  long at;
  const plan_reference *ref;
} hit;

static int hit_cmp(const void *a, const void *b) {
  const hit *x = a, *y = b;
  return x->at < y->at ? -1 : x->at > y->at;
}

/* The national documents the plan cites, by the folded words of their
 * numbers ("1472 qd ttg"): open addressing over indices (plus one), so a
 * text is searched for all of them in one pass over its words. */
typedef struct nationals {
  char **keys;
  const plan_reference **refs;
  bool *seen;    /* already a hit */
  size_t n;
  size_t *slots; /* a power of two, under half full */
  size_t cap;
  size_t max_words;
} nationals;

static size_t hash_bytes(const char *s, size_t n) {
  uint64_t h = 1469598103934665603ull;
  for (size_t i = 0; i < n; i++) h = (h ^ (unsigned char)s[i]) * 1099511628211ull;
  return (size_t)(h ^ h >> 29);
}

/* The national document whose key is s[0, n), or SIZE_MAX. */
static size_t lookup(const nationals *nk, const char *s, size_t n) {
  for (size_t i = hash_bytes(s, n) & (nk->cap - 1);; i = (i + 1) & (nk->cap - 1)) {
    if (!nk->slots[i]) return SIZE_MAX;
    const char *k = nk->keys[nk->slots[i] - 1];
    if (strncmp(k, s, n) == 0 && k[n] == '\0') return nk->slots[i] - 1;
  }
}

static plan_status nationals_init(const plan_outline *doc, nationals *nk) {
  memset(nk, 0, sizeof *nk);
  size_t m = doc->refs.len;
  nk->keys = calloc(m + 1, sizeof *nk->keys);
  nk->refs = calloc(m + 1, sizeof *nk->refs);
  nk->seen = calloc(m + 1, sizeof *nk->seen);
  for (nk->cap = 16; nk->cap < 2 * (m + 1); nk->cap *= 2) {}
  nk->slots = calloc(nk->cap, sizeof *nk->slots);
  if (!nk->keys || !nk->refs || !nk->seen || !nk->slots) return PLAN_ENOMEM;
  for (size_t i = 0; i < m; i++) {
    const plan_reference *r = (const plan_reference *)doc->refs.data + i;
    if (!r->number || !national(r->issuer)) continue;
    char *k = plan__fold(r->number, strlen(r->number));
    if (!k) return PLAN_ENOMEM;
    size_t kl = strlen(k);
    if (!kl || lookup(nk, k, kl) != SIZE_MAX) { /* one entry per key */
      free(k);
      continue;
    }
    size_t words = 1;
    for (const char *c = k; *c; c++) words += *c == ' ';
    if (words > nk->max_words) nk->max_words = words;
    size_t at = hash_bytes(k, kl) & (nk->cap - 1);
    while (nk->slots[at]) at = (at + 1) & (nk->cap - 1);
    nk->keys[nk->n] = k;
    nk->refs[nk->n] = r;
    nk->slots[at] = ++nk->n;
  }
  return PLAN_OK;
}

static void nationals_free(nationals *nk) {
  for (size_t i = 0; i < nk->n; i++) free(nk->keys[i]);
  free(nk->keys);
  free(nk->refs);
  free(nk->seen);
  free(nk->slots);
}

/* Appends to hits the national documents the folded text f cites, each at
 * its first whole-word mention; base orders texts one after another.  One
 * pass over the text's words, each tried as the start of a key of up to
 * max_words words. */
static plan_status collect_folded(nationals *nk, const char *f, long base, plan_vec *hits) {
  for (const char *p = f; *p;) {
    const char *e = p;
    for (size_t w = 0; w < nk->max_words; w++) {
      while (*e && *e != ' ') e++;
      size_t i = lookup(nk, p, (size_t)(e - p));
      if (i != SIZE_MAX && !nk->seen[i]) {
        hit *h = plan__vec_push(hits);
        if (!h) return PLAN_ENOMEM;
        h->at = base + (p - f);
        h->ref = nk->refs[i];
        nk->seen[i] = true;
      }
      if (!*e) break;
      e++;
    }
    while (*p && *p != ' ') p++;
    while (*p == ' ') p++;
  }
  return PLAN_OK;
}

static plan_status collect(nationals *nk, const char *text, long base, plan_vec *hits) {
  if (!text || !*text || nk->n == 0) return PLAN_OK;
  char *f = plan__fold(text, strlen(text));
  if (!f) return PLAN_ENOMEM;
  plan_status st = collect_folded(nk, f, base, hits);
  free(f);
  return st;
}

/* The keys of data/competence_bases.tsv, folded once per document. */
typedef struct competence {
  char **keys;
  size_t n;
} competence;

static plan_status competence_init(competence *c) {
  c->n = 0;
  c->keys = calloc(plan__table_competence_bases_count + 1, sizeof *c->keys);
  if (!c->keys) return PLAN_ENOMEM;
  for (size_t i = 0; i < plan__table_competence_bases_count; i++) {
    const char *phrase = plan__table_competence_bases[i].first;
    if (!(c->keys[c->n] = plan__fold(phrase, strlen(phrase)))) return PLAN_ENOMEM;
    c->n++;
  }
  return PLAN_OK;
}

static void competence_free(competence *c) {
  for (size_t i = 0; i < c->n; i++) free(c->keys[i]);
  free(c->keys);
}

/* collect() over a "Căn cứ" paragraph, ground by ground (they end at ";"),
 * leaving out the grounds that name a competence phrase: the documents
 * they cite (the Law on Local Government, the merger resolutions) give
 * the power to act, which nearly every act cites. */
static plan_status collect_grounds(nationals *nk, const competence *c, const char *text,
                                   long base, plan_vec *hits) {
  if (!text || nk->n == 0) return PLAN_OK;
  for (const char *g = text; *g;) {
    const char *end = strchr(g, ';');
    size_t n = end ? (size_t)(end - g) : strlen(g);
    char *f = plan__fold(g, n);
    if (!f) return PLAN_ENOMEM;
    bool grants_power = false;
    for (size_t i = 0; i < c->n && !grants_power; i++) grants_power = strstr(f, c->keys[i]) != NULL;
    plan_status st = grants_power ? PLAN_OK : collect_folded(nk, f, base + (g - text), hits);
    free(f);
    if (st != PLAN_OK) return st;
    g += n + (end != NULL);
  }
  return PLAN_OK;
}

/* Of what the "Căn cứ" grounds cite, the decrees, decisions and circulars
 * when there are any: the laws they detail are their sector's, which the
 * acts on every other subject of that sector cite too.  ("Luật" is the
 * kind data/reference_kinds.tsv gives a National Assembly's number.) */
static void details_over_laws(plan_vec *hits) {
  hit *h = hits->data;
  bool detail = false;
  for (size_t i = 0; i < hits->len && !detail; i++)
    detail = !h[i].ref->kind || strcmp(h[i].ref->kind, "Luật") != 0;
  if (!detail) return;
  size_t kept = 0;
  for (size_t i = 0; i < hits->len; i++)
    if (!h[i].ref->kind || strcmp(h[i].ref->kind, "Luật") != 0) h[kept++] = h[i];
  hits->len = kept;
}

plan_status plan__implements(plan_outline *doc) {
  plan_vec hits;
  plan__vec_init(&hits, sizeof(hit));
  nationals nk;
  plan_status st = nationals_init(doc, &nk);
  if (st == PLAN_OK) st = collect(&nk, doc->meta[PLAN_META_TITLE], 0, &hits);
  if (st == PLAN_OK) st = collect(&nk, doc->meta[PLAN_META_SUBJECT], 1L << 24, &hits);
  /* the preamble: "Thực hiện ..." first, "Căn cứ ..." only when nothing else */
  static const char *const openers[][3] = {{"thuc hien", "trien khai", NULL}, {"can cu", NULL}};
  competence powers = {0};
  if (st == PLAN_OK) st = competence_init(&powers);
  for (size_t pass = 0; pass < 2 && st == PLAN_OK && hits.len == 0; pass++) {
    long base = 0;
    for (const plan_node *n = doc->root ? doc->root->first : NULL; n && st == PLAN_OK; n = n->next) {
      if (n->kind != PLAN_NODE_PREAMBLE || !n->text) continue;
      bool opens = false;
      for (size_t k = 0; openers[pass][k]; k++)
        opens |= plan__fold_starts(n->text, strlen(n->text), openers[pass][k]);
      if (!opens) continue;
      base += 1L << 24;
      st = pass == 0 ? collect(&nk, n->text, base, &hits)
                     : collect_grounds(&nk, &powers, n->text, base, &hits);
    }
    if (pass == 1) details_over_laws(&hits);
  }
  competence_free(&powers);
  if (st == PLAN_OK && hits.len) {
    qsort(hits.data, hits.len, sizeof(hit), hit_cmp);
    for (size_t i = 0; i < hits.len && st == PLAN_OK; i++) {
      const plan_reference **slot = plan__vec_push(&doc->implements);
      if (!slot) st = PLAN_ENOMEM;
      else *slot = ((hit *)hits.data)[i].ref;
    }
  }
  plan__vec_free(&hits);
  nationals_free(&nk);
  return st;
}
