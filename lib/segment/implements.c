/* implements.c - which national documents a plan implements (grouping
 * plans by them is compare/groups.c's).  A provincial plan names what it carries out in its title
 * (a letter in its "V/v" subject), else in a "Thực hiện ..." paragraph of
 * the preamble, else among the "Căn cứ ..." it rests on; of the documents
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

/* Position of a whole-word occurrence of key in folded text, or -1. */
static long find_word(const char *text, const char *key) {
  size_t kl = strlen(key);
  for (const char *p = text; kl && (p = strstr(p, key)) != NULL; p++) {
    bool start = p == text || p[-1] == ' ';
    bool end = p[kl] == '\0' || p[kl] == ' ';
    if (start && end) return (long)(p - text);
  }
  return -1;
}

typedef struct hit {
  long at;
  const plan_reference *ref;
} hit;

static int hit_cmp(const void *a, const void *b) {
  const hit *x = a, *y = b;
  return x->at < y->at ? -1 : x->at > y->at;
}

/* Appends to doc->implements the national documents text cites, in the
 * order it cites them; base orders texts one after another. */
static plan_status collect(plan_outline *doc, const char *text, long base, plan_vec *hits) {
  if (!text || !*text) return PLAN_OK;
  char *f = plan__fold(text, strlen(text));
  if (!f) return PLAN_ENOMEM;
  for (size_t i = 0; i < doc->refs.len; i++) {
    const plan_reference *r = (const plan_reference *)doc->refs.data + i;
    if (!r->number || !national(r->issuer)) continue;
    char *k = plan__fold(r->number, strlen(r->number));
    long at = k ? find_word(f, k) : -1;
    free(k);
    bool seen = false;
    for (size_t j = 0; j < hits->len; j++) seen |= ((hit *)hits->data)[j].ref == r;
    if (at >= 0 && !seen) {
      hit *h = plan__vec_push(hits);
      if (!h) { free(f); return PLAN_ENOMEM; }
      h->at = base + at;
      h->ref = r;
    }
  }
  free(f);
  return PLAN_OK;
}

plan_status plan__implements(plan_outline *doc) {
  plan_vec hits;
  plan__vec_init(&hits, sizeof(hit));
  plan_status st = collect(doc, doc->meta[PLAN_META_TITLE], 0, &hits);
  if (st == PLAN_OK) st = collect(doc, doc->meta[PLAN_META_SUBJECT], 1L << 24, &hits);
  /* the preamble: "Thực hiện ..." first, "Căn cứ ..." only when nothing else */
  static const char *const openers[][3] = {{"thuc hien", "trien khai", NULL}, {"can cu", NULL}};
  for (size_t pass = 0; pass < 2 && st == PLAN_OK && hits.len == 0; pass++) {
    long base = 0;
    for (const plan_node *n = doc->root ? doc->root->first : NULL; n && st == PLAN_OK; n = n->next) {
      if (n->kind != PLAN_NODE_PREAMBLE || !n->text) continue;
      bool opens = false;
      for (size_t k = 0; openers[pass][k]; k++)
        opens |= plan__fold_starts(n->text, strlen(n->text), openers[pass][k]);
      if (opens) st = collect(doc, n->text, base += 1L << 24, &hits);
    }
  }
  if (st == PLAN_OK && hits.len) {
    qsort(hits.data, hits.len, sizeof(hit), hit_cmp);
    for (size_t i = 0; i < hits.len && st == PLAN_OK; i++) {
      const plan_reference **slot = plan__vec_push(&doc->implements);
      if (!slot) st = PLAN_ENOMEM;
      else *slot = ((hit *)hits.data)[i].ref;
    }
  }
  plan__vec_free(&hits);
  return st;
}
