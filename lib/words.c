/* words.c - text as a list of folded words, each pointing back at its
 * token in the text.  Abbreviations expand ("UBND" gives the four words of
 * "ủy ban nhân dân", all pointing at "UBND"), so agency names match however
 * they were written.  The agency matcher and the assignment stage read
 * these lists. */
#include <stdlib.h>
#include <string.h>

#include "words.h"

static bool is_edge_punct(unsigned char c) {
  return c == ',' || c == ';' || c == ':' || c == '.' || c == ')' || c == '(' || c == '"' ||
         c == '\'' || c == '!' || c == '?';
}

static plan_status add_words(plan_words *ws, const char *key, size_t start, size_t end,
                             bool clause_end, bool comma) {
  size_t n = strlen(key);
  for (size_t i = 0; i < n;) {
    while (i < n && key[i] == ' ') i++;
    size_t j = i;
    while (j < n && key[j] != ' ') j++;
    if (j == i) break;
    plan_word *w = plan__vec_push(&ws->words);
    if (!w) return PLAN_ENOMEM;
    w->start = start;
    w->end = end;
    w->key = ws->keys.len;
    plan__buf_put(&ws->keys, key + i, j - i);
    plan__buf_putc(&ws->keys, '\0');
    i = j;
  }
  if (ws->words.len) {
    plan_word *last = (plan_word *)ws->words.data + ws->words.len - 1;
    last->clause_end = clause_end;
    last->comma = comma;
  }
  return ws->keys.oom ? PLAN_ENOMEM : PLAN_OK;
}

plan_status plan__words(const plan_lexicon *lex, const char *s, size_t n, plan_words *ws) {
  memset(ws, 0, sizeof *ws);
  plan__vec_init(&ws->words, sizeof(plan_word));
  plan_status st = PLAN_OK;
  char core[64];
  for (size_t i = 0; i < n && st == PLAN_OK;) {
    while (i < n && s[i] == ' ') i++;
    size_t b = i;
    while (i < n && s[i] != ' ') i++;
    if (i == b) break;
    size_t cb = b, ce = i;
    while (cb < ce && is_edge_punct((unsigned char)s[cb])) cb++;
    while (ce > cb && is_edge_punct((unsigned char)s[ce - 1])) ce--;
    bool clause_end = s[i - 1] == ';' || s[i - 1] == '.';
    bool comma = s[i - 1] == ',';
    const char *exp = NULL;
    if (lex && ce > cb && ce - cb < sizeof core) {
      memcpy(core, s + cb, ce - cb);
      core[ce - cb] = '\0';
      exp = plan_lexicon_expand(lex, core);
    }
    char *key = exp ? plan__fold(exp, strlen(exp)) : plan__fold(s + b, i - b);
    if (!key) return PLAN_ENOMEM;
    st = add_words(ws, key, cb, ce > cb ? ce : i, clause_end, comma);
    free(key);
  }
  return st;
}

void plan__words_free(plan_words *ws) {
  plan__vec_free(&ws->words);
  plan__buf_free(&ws->keys);
}

bool plan__words_match(const plan_words *ws, size_t at, const char *const *keys, size_t nkeys) {
  if (at + nkeys > ws->words.len) return false;
  for (size_t k = 0; k < nkeys; k++)
    if (strcmp(plan__word_key(ws, at + k), keys[k]) != 0) return false;
  return true;
}

bool plan__words_match_str(const plan_words *ws, size_t at, const char *phrase, size_t *len) {
  size_t k = 0, i = 0, n = strlen(phrase);
  while (i < n) {
    size_t j = i;
    while (j < n && phrase[j] != ' ') j++;
    if (at + k >= ws->words.len) return false;
    const char *w = plan__word_key(ws, at + k);
    if (strlen(w) != j - i || memcmp(w, phrase + i, j - i) != 0) return false;
    k++;
    i = j + 1;
  }
  if (len) *len = k;
  return true;
}
