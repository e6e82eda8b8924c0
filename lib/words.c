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

/* Splits the folded words appended to ws->keys from offset from (separated
 * by single spaces) into words pointing at the token [start, end). */
static plan_status split_words(plan_words *ws, size_t from, size_t start, size_t end,
                               bool clause_end, bool comma) {
  if (ws->keys.oom) return PLAN_ENOMEM;
  size_t n = ws->keys.len;
  char *k = ws->keys.data;
  for (size_t i = from; i < n;) {
    while (i < n && k[i] == ' ') k[i++] = '\0';
    if (i == n) break;
    plan_word *w;
    if (ws->words.len < ws->words.cap) { /* the common case: room reserved */
      w = (plan_word *)ws->words.data + ws->words.len++;
    } else if (!(w = plan__vec_push(&ws->words))) {
      return PLAN_ENOMEM;
    }
    w->clause_end = w->comma = false;
    w->start = start;
    w->end = end;
    w->key = i;
    while (i < n && k[i] != ' ') i++;
  }
  plan__buf_putc(&ws->keys, '\0');
  if (ws->words.len) {
    plan_word *last = (plan_word *)ws->words.data + ws->words.len - 1;
    last->clause_end = clause_end;
    last->comma = comma;
  }
  return ws->keys.oom ? PLAN_ENOMEM : PLAN_OK;
}

/* Could the token be an abbreviation?  They are upper case: two capitals
 * (ASCII or Đ) to start with. */
static bool maybe_abbreviation(const char *s, size_t n) {
  size_t caps = 0;
  for (size_t i = 0; i < n && caps < 2;) {
    unsigned char c = (unsigned char)s[i];
    if (c >= 'A' && c <= 'Z') { caps++; i++; continue; }
    if (c == 0xC4 && i + 1 < n && (unsigned char)s[i + 1] == 0x90) { caps++; i += 2; continue; }
    return false;
  }
  return caps == 2;
}

plan_status plan__words(const plan_lexicon *lex, const char *s, size_t n, plan_words *ws) {
  memset(ws, 0, sizeof *ws);
  plan__vec_init(&ws->words, sizeof(plan_word));
  plan__buf_reserve(&ws->keys, n + n / 4 + 16);
  /* a word and its space take two bytes at least */
  ws->words.data = malloc((n / 2 + 8) * sizeof(plan_word));
  ws->words.cap = ws->words.data ? n / 2 + 8 : 0;
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
    if (lex && ce > cb && ce - cb < sizeof core && maybe_abbreviation(s + cb, ce - cb)) {
      memcpy(core, s + cb, ce - cb);
      core[ce - cb] = '\0';
      exp = plan_lexicon_expand(lex, core);
    }
    size_t from = ws->keys.len;
    if (exp) plan__key_append(&ws->keys, exp, strlen(exp));
    else plan__key_append(&ws->keys, s + b, i - b);
    st = split_words(ws, from, cb, ce > cb ? ce : i, clause_end, comma);
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
