/* abbrev.c - the expansion pass: abbreviations in normalized text replaced
 * by their expansions from the lexicon, with a second offset map so every
 * byte still points at the input. */
#include <stdlib.h>
#include <string.h>

#include "lexicon.h"

typedef struct shift {
  size_t old_end; /* end of a match in the text before expansion */
  size_t delta;   /* cumulative growth (as unsigned wrap-around) after it */
} shift;

typedef struct cached {
  const char *expansion; /* the lexicon's string */
  char *normalized;
  size_t len;
} cached;

static size_t remap(const plan_vec *shifts, size_t old) {
  const shift *s = shifts->data;
  size_t lo = 0, hi = shifts->len;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (s[mid].old_end <= old) lo = mid + 1; else hi = mid;
  }
  return lo ? old + s[lo - 1].delta : old;
}

/* The expansion normalized the way the text around it was (tone style), so
 * that normalizing the result again changes nothing. */
static const cached *normalized_expansion(plan_vec *cache, const char *exp,
                                          const plan_options *o) {
  for (size_t i = 0; i < cache->len; i++)
    if (((cached *)cache->data)[i].expansion == exp) return (cached *)cache->data + i;
  size_t n = strlen(exp);
  plan_text *t = plan__text_new(exp, n);
  if (!t || plan__normalize_pass(o, exp, n, t, NULL) != PLAN_OK) {
    plan_text_free(t);
    return NULL;
  }
  char *norm = plan__buf_take(&t->out, &n);
  plan_text_free(t);
  if (!norm) return NULL;
  while (n && norm[n - 1] == '\n') n--;
  cached *c = plan__vec_push(cache);
  if (!c) { free(norm); return NULL; }
  c->expansion = exp;
  c->normalized = norm;
  c->len = n;
  return c;
}

plan_status plan__expand_abbreviations(plan_text *t, const plan_lexicon *lex,
                                       const plan_options *o) {
  const pcre2_code *re = plan__lexicon_abbrev_re(lex);
  if (!re || t->out.len == 0) return PLAN_OK;
  pcre2_match_data *md = pcre2_match_data_create_from_pattern(re, NULL);
  plan_buf nb = {0};
  plan_offmap m2;
  plan_vec shifts, cache;
  plan__offmap_init(&m2);
  plan__vec_init(&shifts, sizeof(shift));
  plan__vec_init(&cache, sizeof(cached));
  plan_status st = md ? PLAN_OK : PLAN_ENOMEM;
  plan__buf_reserve(&nb, t->out.len + t->out.len / 8);
  const char *text = t->out.data;
  size_t len = t->out.len, pos = 0, copied = 0, delta = 0;
  while (st == PLAN_OK && pos < len) {
    int rc = pcre2_match(re, (PCRE2_SPTR)text, len, pos, PCRE2_NO_UTF_CHECK, md,
                         plan__lexicon_match_context(lex));
    if (rc < 0) break; /* no match, or a match limit: the text stays as it is */
    PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
    size_t s = ov[0], e = ov[1];
    char key[64];
    const char *exp = NULL;
    if (e - s < sizeof key) {
      memcpy(key, text + s, e - s);
      key[e - s] = '\0';
      exp = plan_lexicon_expand(lex, key);
    }
    const cached *c = exp ? normalized_expansion(&cache, exp, o) : NULL;
    if (exp && !c) { st = PLAN_ENOMEM; break; }
    pos = e > s ? e : s + 1;
    if (!c) continue;
    plan__offmap_mark(&m2, nb.len, copied);
    plan__buf_put(&nb, text + copied, s - copied);
    plan__offmap_mark(&m2, nb.len, s);
    plan__buf_put(&nb, c->normalized, c->len);
    copied = e;
    delta += c->len - (e - s);
    shift *sh = plan__vec_push(&shifts);
    if (sh) { sh->old_end = e; sh->delta = delta; }
  }
  if (st == PLAN_OK && shifts.len) {
    plan__offmap_mark(&m2, nb.len, copied);
    plan__buf_put(&nb, text + copied, len - copied);
    if (nb.oom || m2.anchors.oom || shifts.oom) {
      st = PLAN_ENOMEM;
    } else {
      for (size_t i = 0; i < t->hints.len; i++) {
        plan_hint *h = (plan_hint *)t->hints.data + i;
        h->start = remap(&shifts, h->start);
        h->end = remap(&shifts, h->end);
      }
      plan__buf_free(&t->out);
      t->out = nb;
      nb = (plan_buf){0};
      plan__offmap_free(&t->map2);
      t->map2 = m2;
      plan__offmap_init(&m2);
      t->expanded = true;
    }
  }
  for (size_t i = 0; i < cache.len; i++) free(((cached *)cache.data)[i].normalized);
  plan__vec_free(&cache);
  plan__vec_free(&shifts);
  plan__offmap_free(&m2);
  plan__buf_free(&nb);
  pcre2_match_data_free(md);
  return st;
}
