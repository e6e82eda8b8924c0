/* heads.c - the words a body's name opens with ("Sở ...", "Trung tâm ...",
 * "Giám đốc ..."), by which a heading names a body the agency lexicon does
 * not know.  From data/agency_heads.tsv (with the words some need after
 * them: "Chi cục", not "Chi ngân sách") and data/not_agency_heads.tsv (the
 * verbs and nouns that open the same: "Ban hành", "Thành phần"), and what
 * a caller adds. */
#include <stdlib.h>
#include <string.h>

#include "lexicon.h"
#include "data/data.h"

/* The folded words of list, each ended by a NUL, the list by another. */
static char *word_list(const char *list) {
  char *s = plan__fold_word_list(list);
  size_t n = s ? strlen(s) : 0;
  char *r = s ? realloc(s, n + 2) : NULL;
  if (!r) {
    free(s);
    return NULL;
  }
  for (size_t i = 0; i < n; i++)
    if (r[i] == '|') r[i] = '\0';
  r[n + 1] = '\0';
  return r;
}

plan_status plan__agency_head_add(plan_lexicon *lex, const char *word, const char *next) {
  if (!word || strchr(word, ' ')) return PLAN_EINVAL;
  if (!next || strcmp(next, "-") == 0) next = "";
  bool plain;
  plan_agency_head h = {plan__fold(word, strlen(word)), word_list(next),
                        plan__word_marks(word, strlen(word), &plain)};
  plan_status st = !h.key || !h.next ? PLAN_ENOMEM : !*h.key ? PLAN_EINVAL : PLAN_OK;
  plan_agency_head *slot = st == PLAN_OK ? plan__vec_push(&lex->heads) : NULL;
  if (st == PLAN_OK && !slot) st = PLAN_ENOMEM;
  if (st != PLAN_OK) {
    free(h.key);
    free(h.next);
    return st;
  }
  *slot = h;
  return PLAN_OK;
}

static plan_status not_head_add(plan_lexicon *lex, const char *phrase) {
  char *k = plan__fold(phrase, strlen(phrase));
  char **slot = k ? plan__vec_push(&lex->not_heads) : NULL;
  if (!slot) {
    free(k);
    return PLAN_ENOMEM;
  }
  *slot = k;
  return PLAN_OK;
}

plan_status plan__agency_heads_init(plan_lexicon *lex) {
  plan__vec_init(&lex->heads, sizeof(plan_agency_head));
  plan__vec_init(&lex->not_heads, sizeof(char *));
  plan_status st = PLAN_OK;
  for (size_t i = 0; i < plan__table_agency_heads_count && st == PLAN_OK; i++)
    st = plan__agency_head_add(lex, plan__table_agency_heads[i].first, plan__table_agency_heads[i].second);
  for (size_t i = 0; i < plan__table_not_agency_heads_count && st == PLAN_OK; i++)
    st = not_head_add(lex, plan__table_not_agency_heads[i].first);
  return st;
}

void plan__agency_heads_free(plan_lexicon *lex) {
  for (size_t i = 0; i < lex->heads.len; i++) {
    plan_agency_head *h = (plan_agency_head *)lex->heads.data + i;
    free(h->key);
    free(h->next);
  }
  for (size_t i = 0; i < lex->not_heads.len; i++) free(((char **)lex->not_heads.data)[i]);
  plan__vec_free(&lex->heads);
  plan__vec_free(&lex->not_heads);
}

/* The head word at word i, or NULL (the last added of a word wins; a word
 * whose diacritics are not the head word's, "Bổ" or "Bố" for "Bộ", is
 * none). */
static const plan_agency_head *head_of(const plan_lexicon *lex, const plan_words *ws, size_t i) {
  const char *k = plan__word_key(ws, i);
  for (size_t n = lex->heads.len; n-- > 0;) {
    const plan_agency_head *h = (const plan_agency_head *)lex->heads.data + n;
    if (strcmp(h->key, k) == 0) return plan__marks_agree(h->marks, ws, i) ? h : NULL;
  }
  return NULL;
}

/* Does word i open a body's name, "*" in its words after it allowed
 * (plural)?  "Các Sở": one level only, so "các các các ..." costs no more
 * than "các sở". */
static bool head_at(const plan_lexicon *lex, const plan_words *ws, size_t i, bool plural) {
  const plan_agency_head *h = head_of(lex, ws, i);
  if (!h) return false;
  size_t len;
  for (size_t k = 0; k < lex->not_heads.len; k++)
    if (plan__words_match_str(ws, i, ((char *const *)lex->not_heads.data)[k], &len)) return false;
  if (!*h->next) return true;
  if (i + 1 >= plan__words_count(ws)) return false;
  bool star = false;
  for (const char *p = h->next; *p; p += strlen(p) + 1) {
    if (strcmp(p, "*") == 0) star = true;
    else if (plan__words_match_str(ws, i + 1, p, &len)) return true;
  }
  return star && plural && head_at(lex, ws, i + 1, false);
}

bool plan__agency_head_at(const plan_lexicon *lex, const plan_words *ws, size_t i) {
  return head_at(lex, ws, i, true);
}
