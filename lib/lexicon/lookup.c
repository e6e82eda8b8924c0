/* lookup.c - look-ups in the embedded tables of data/ (doc types, reference
 * kinds, cities, titles, hyphenated names).  Comparison is on folded keys,
 * so case and tone-mark style do not matter; keys are folded into arrays
 * on the stack, so a look-up never allocates (and never fails). */
#include <stdlib.h>
#include <string.h>

#include "lexicon.h"
#include "data/data.h"

static long find_key(const plan_lexicon *lex, plan_table_id t, size_t count, const char *s,
                     size_t n) {
  const char *const *keys = plan__lexicon_keys(lex, t);
  char k[256]; /* a key that does not fit is longer than every row's */
  if (!plan__fold_fixed(k, sizeof k, s, n)) return -1;
  for (size_t i = 0; i < count; i++)
    if (strcmp(keys[i], k) == 0) return (long)i;
  return -1;
}

const char *plan__doc_type_of(const plan_lexicon *lex, const char *s, size_t n) {
  while (n && (s[n - 1] == ':' || s[n - 1] == ' ')) n--;
  if (n == 0 || n > 40 || !plan__is_upper_text(s, n)) return NULL;
  long i = find_key(lex, PLAN_TABLE_DOC_TYPES, plan__table_doc_types_count, s, n);
  return i < 0 ? NULL : plan__table_doc_types[i].first;
}

const char *plan__ref_kind_of_code(const char *code, size_t n) {
  for (size_t i = 0; i < plan__table_reference_kinds_count; i++) {
    const char *c = plan__table_reference_kinds[i].first;
    if (strlen(c) == n && memcmp(c, code, n) == 0) return plan__table_reference_kinds[i].second;
  }
  return NULL;
}

bool plan__is_city(const plan_lexicon *lex, const char *name, size_t n) {
  return find_key(lex, PLAN_TABLE_CITIES, plan__table_cities_count, name, n) >= 0;
}

size_t plan__title_suffix(const char *s, size_t n) {
  size_t best = 0;
  for (size_t i = 0; i < plan__table_titles_count; i++) {
    const char *t = plan__table_titles[i].first;
    size_t tl = strlen(t);
    if (tl > n || tl <= best || memcmp(s + n - tl, t, tl) != 0) continue;
    if (tl < n && s[n - tl - 1] != ' ' && s[n - tl - 1] != '.') continue;
    best = tl;
  }
  return best;
}

bool plan__joins_hyphenated(const plan_lexicon *lex, const char *prev, size_t n1,
                            const char *next, size_t n2) {
  if (n2 < 3 || next[0] != '-' || next[1] != ' ') return false;
  const char *const *left = plan__lexicon_keys(lex, PLAN_TABLE_HYPHEN_LEFT);
  const char *const *right = plan__lexicon_keys(lex, PLAN_TABLE_HYPHEN_RIGHT);
  /* the names' halves are a few words: the end of prev and the head of
   * next hold them (cut at a character's first byte) */
  size_t from = n1 > 96 ? n1 - 96 : 0;
  while (from > 0 && ((unsigned char)prev[from] & 0xC0) == 0x80) from--;
  char p[512], q[512];
  plan__fold_fixed(p, sizeof p, prev + from, n1 - from);
  plan__fold_fixed(q, sizeof q, next + 2, n2 - 2 < 96 ? n2 - 2 : 96);
  bool ok = false;
  for (size_t i = 0; i < plan__table_hyphenated_count && !ok; i++) {
    size_t pl = strlen(p), ll = strlen(left[i]), rl = strlen(right[i]);
    ok = pl >= ll && strcmp(p + pl - ll, left[i]) == 0 && (pl == ll || p[pl - ll - 1] == ' ') &&
         strncmp(q, right[i], rl) == 0 && (q[rl] == '\0' || q[rl] == ' ');
  }
  return ok;
}
