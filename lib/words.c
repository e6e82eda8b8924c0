/* words.c - text as a list of folded words, each pointing back at its
 * token in the text.  Abbreviations expand ("UBND" gives the four words of
 * "ủy ban nhân dân", all pointing at "UBND"), so agency names match however
 * they were written.  The agency matcher and the assignment stage read
 * these lists. */
#include <stdlib.h>
#include <string.h>

#include "tables.h"
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

/* ASCII letters and digits folded (lower case); 0 for the rest. */
static const char ascii_fold[128] = {
    ['0'] = '0', ['1'] = '1', ['2'] = '2', ['3'] = '3', ['4'] = '4', ['5'] = '5', ['6'] = '6',
    ['7'] = '7', ['8'] = '8', ['9'] = '9',
    ['a'] = 'a', ['b'] = 'b', ['c'] = 'c', ['d'] = 'd', ['e'] = 'e', ['f'] = 'f', ['g'] = 'g',
    ['h'] = 'h', ['i'] = 'i', ['j'] = 'j', ['k'] = 'k', ['l'] = 'l', ['m'] = 'm', ['n'] = 'n',
    ['o'] = 'o', ['p'] = 'p', ['q'] = 'q', ['r'] = 'r', ['s'] = 's', ['t'] = 't', ['u'] = 'u',
    ['v'] = 'v', ['w'] = 'w', ['x'] = 'x', ['y'] = 'y', ['z'] = 'z',
    ['A'] = 'a', ['B'] = 'b', ['C'] = 'c', ['D'] = 'd', ['E'] = 'e', ['F'] = 'f', ['G'] = 'g',
    ['H'] = 'h', ['I'] = 'i', ['J'] = 'j', ['K'] = 'k', ['L'] = 'l', ['M'] = 'm', ['N'] = 'n',
    ['O'] = 'o', ['P'] = 'p', ['Q'] = 'q', ['R'] = 'r', ['S'] = 's', ['T'] = 't', ['U'] = 'u',
    ['V'] = 'v', ['W'] = 'w', ['X'] = 'x', ['Y'] = 'y', ['Z'] = 'z'};

/* Adds a word whose folded key starts at key. */
static bool push_word(plan_words *ws, size_t key, size_t start, size_t end) {
  plan_word *w;
  if (ws->words.len < ws->words.cap) w = (plan_word *)ws->words.data + ws->words.len++;
  else if (!(w = plan__vec_push(&ws->words))) return false;
  w->clause_end = w->comma = false;
  w->start = start;
  w->end = end;
  w->key = key;
  return true;
}

/* Folds a token of ASCII and precomposed Vietnamese letters straight into
 * words (what plan__key_append and split_words do, in one pass); false,
 * with nothing added, for a token holding any other character. */
static bool fold_token(plan_words *ws, const char *t, size_t n, size_t start, size_t end,
                       bool clause_end, bool comma) {
  plan_buf *k = &ws->keys;
  size_t from = k->len, first = ws->words.len;
  if (k->len + n + 3 > k->cap && !plan__buf_reserve(k, n + 2)) return false;
  char *out = k->data;
  size_t len = k->len, word = SIZE_MAX; /* key offset of the open word */
  for (size_t i = 0; i < n;) {
    unsigned char c = (unsigned char)t[i];
    char f;
    if (c < 0x80) {
      i++;
      f = ascii_fold[c];
      if (!f) { /* a separator */
        if (word != SIZE_MAX) {
          out[len++] = '\0';
          if (!push_word(ws, word, start, end)) return false;
          word = SIZE_MAX;
        }
        continue;
      }
    } else {
      int32_t cp;
      ptrdiff_t l = plan__utf8_next(t + i, n - i, &cp);
      const plan_letter *lt = l > 0 ? plan__letter(cp) : NULL;
      if (!lt) { /* undo: the caller folds it the long way */
        k->len = from;
        ws->words.len = first;
        return false;
      }
      i += (size_t)l;
      f = lt->skeleton;
    }
    if (word == SIZE_MAX) word = len;
    out[len++] = f;
  }
  if (word != SIZE_MAX) {
    out[len++] = '\0';
    if (!push_word(ws, word, start, end)) return false;
  }
  out[len++] = '\0'; /* the token's end, as split_words leaves it */
  k->len = len;
  if (ws->words.len > first) {
    plan_word *last = (plan_word *)ws->words.data + ws->words.len - 1;
    last->clause_end = clause_end;
    last->comma = comma;
  }
  return true;
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
    if (exp) {
      plan__key_append(&ws->keys, exp, strlen(exp));
    } else if (fold_token(ws, s + b, i - b, cb, ce > cb ? ce : i, clause_end, comma)) {
      continue; /* the common token: folded and split in one pass */
    } else {
      ws->keys.len = from; /* a character the table does not know: the long way */
      plan__key_append(&ws->keys, s + b, i - b);
    }
    st = split_words(ws, from, cb, ce > cb ? ce : i, clause_end, comma);
  }
  return ws->keys.oom || ws->words.oom ? PLAN_ENOMEM : st;
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
  size_t k = 0;
  const char *p = phrase;
  while (*p) {
    if (at + k >= ws->words.len) return false;
    const char *w = plan__word_key(ws, at + k);
    while (*w && *w == *p) { w++; p++; } /* the word against the phrase's next word */
    if (*w || (*p && *p != ' ')) return false;
    k++;
    if (*p == ' ') p++;
  }
  if (len) *len = k;
  return true;
}
