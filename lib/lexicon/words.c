/* words.c - text as a list of folded words, each pointing back at its
 * token in the text.  Abbreviations expand ("UBND" gives the four words of
 * "ủy ban nhân dân", all pointing at "UBND"), so agency names match however
 * they were written.  The agency matcher and the assignment stage read
 * these lists. */
#include <stdlib.h>
#include <string.h>

#include "data/data.h"
#include "lexicon.h"

static plan_word *new_word(plan_words *ws) {
  if (ws->words.len < ws->words.cap) return (plan_word *)ws->words.data + ws->words.len++;
  return plan__vec_push(&ws->words);
}

/* Splits the folded words appended to ws->keys from offset from (separated
 * by single spaces) into words of the token at offset token. */
static plan_status split_words(plan_words *ws, size_t from, size_t token) {
  if (ws->keys.oom) return PLAN_ENOMEM;
  size_t n = ws->keys.len;
  char *k = ws->keys.data;
  for (size_t i = from; i < n;) {
    while (i < n && k[i] == ' ') k[i++] = '\0';
    if (i == n) break;
    plan_word *w = new_word(ws);
    if (!w) return PLAN_ENOMEM;
    w->key = i;
    w->token = token;
    while (i < n && k[i] != ' ') i++;
    w->hash = plan__word_hash_n(k + w->key, i - w->key);
  }
  plan__buf_putc(&ws->keys, '\0');
  return ws->keys.oom ? PLAN_ENOMEM : PLAN_OK;
}

/* What each byte is to the folds (words.h), by short names. */
enum {
  SP = PLAN_BYTE_SPACE,
  EDGE = PLAN_BYTE_EDGE,
  SEP = PLAN_BYTE_SEPARATOR,
  MB = PLAN_BYTE_MULTIBYTE
};
#define S SP
#define E EDGE
#define X SEP
#define M MB
const unsigned char plan__byte_class[256] = {
    X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X,
    X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X,
    S, E, E, X, X, X, X, E, E, E, X, X, E, X, E, X,
    '0', '1', '2', '3', '4', '5', '6', '7', '8', '9', E, E, X, X, X, E,
    X, 'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm', 'n', 'o',
    'p', 'q', 'r', 's', 't', 'u', 'v', 'w', 'x', 'y', 'z', X, X, X, X, X,
    X, 'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm', 'n', 'o',
    'p', 'q', 'r', 's', 't', 'u', 'v', 'w', 'x', 'y', 'z', X, X, X, X, X,
    M, M, M, M, M, M, M, M, M, M, M, M, M, M, M, M,
    M, M, M, M, M, M, M, M, M, M, M, M, M, M, M, M,
    M, M, M, M, M, M, M, M, M, M, M, M, M, M, M, M,
    M, M, M, M, M, M, M, M, M, M, M, M, M, M, M, M,
    M, M, M, M, M, M, M, M, M, M, M, M, M, M, M, M,
    M, M, M, M, M, M, M, M, M, M, M, M, M, M, M, M,
    M, M, M, M, M, M, M, M, M, M, M, M, M, M, M, M,
    M, M, M, M, M, M, M, M, M, M, M, M, M, M, M, M,
};
#undef S
#undef E
#undef X
#undef M

static bool is_edge_punct(unsigned char c) { return plan__byte_class[c] == EDGE; }

/* A capital an abbreviation is made of: ASCII or Đ; its length, or 0. */
static size_t capital_at(const char *s, size_t n) {
  unsigned char c = (unsigned char)s[0];
  if (c >= 'A' && c <= 'Z') return 1;
  if (c == 0xC4 && n > 1 && (unsigned char)s[1] == 0x90) return 2;
  return 0;
}

/* Could the token at s[i] be an abbreviation?  They are upper case: two
 * capitals to start with, after any edge punctuation. */
static bool maybe_abbreviation(const char *s, size_t n, size_t i) {
  while (i < n && is_edge_punct((unsigned char)s[i])) i++;
  size_t a = i < n ? capital_at(s + i, n - i) : 0;
  return a && i + a < n && capital_at(s + i + a, n - i - a);
}

/* The skeleton of the precomposed Vietnamese letter whose UTF-8 starts at
 * t (a byte above 0x7F, n > 0 bytes left), its length in *len; 0 for any
 * other character.  The skeleton tables are indexed by the bytes: C3-C6
 * xx are U+00C0-U+01BF, E1 BA-BB xx are U+1E80-U+1EFF. */
static inline char multibyte_letter(const unsigned char *t, size_t n, size_t *len) {
  unsigned x;
  if ((unsigned)(t[0] - 0xC3) <= 3u) {
    if (n < 2 || (x = t[1] ^ 0x80u) > 0x3F) return 0;
    *len = 2;
    return (char)plan__skeletons_2byte[(unsigned)(t[0] - 0xC3) << 6 | x];
  }
  if (t[0] == 0xE1) {
    if (n < 3 || (unsigned)(t[1] - 0xBA) > 1u || (x = t[2] ^ 0x80u) > 0x3F) return 0;
    *len = 3;
    return (char)plan__skeletons_3byte[(unsigned)(t[1] - 0xBA) << 6 | x];
  }
  return 0;
}

/* Folds the token at s[b, ..) the long way (utf8proc, abbreviations
 * expanded) and returns its end. */
static size_t slow_token(const plan_lexicon *lex, plan_words *ws, const char *s, size_t n, size_t b,
                         plan_status *st) {
  size_t i = b, cb = b;
  while (cb < n && is_edge_punct((unsigned char)s[cb])) cb++;
  while (i < n && s[i] != ' ') i++;
  size_t ce = i;
  while (ce > cb && is_edge_punct((unsigned char)s[ce - 1])) ce--;
  const char *exp = NULL;
  char core[64];
  if (lex && ce > cb && ce - cb < sizeof core && maybe_abbreviation(s, ce, cb)) {
    memcpy(core, s + cb, ce - cb);
    core[ce - cb] = '\0';
    exp = plan_lexicon_expand(lex, core);
  }
  size_t from = ws->keys.len;
  if (exp) plan__key_append(&ws->keys, exp, strlen(exp));
  else plan__key_append(&ws->keys, s + b, i - b);
  *st = split_words(ws, from, b);
  return i;
}

/* Room for what the fast path can add from n more bytes of text: a word
 * takes a letter and a separator at least; keys take the letters plus a
 * NUL per word and per token, and 16 bytes more that a word's hash may
 * read past its end (plan__word_hash_padded); the vector fold writes 64
 * bytes at a time. */
static bool reserve_for(plan_words *ws, size_t n) {
  if (n > SIZE_MAX / (4 * sizeof(plan_word))) return false;
  size_t words = ws->words.len + n / 2 + 8;
  if (ws->words.cap < words) {
    plan_word *p = realloc(ws->words.data, words * sizeof(plan_word));
    if (!p) return false;
    ws->words.data = p;
    ws->words.cap = words;
  }
  return ws->keys.cap - ws->keys.len >= 2 * n + 128 || plan__buf_reserve(&ws->keys, 2 * n + 128);
}

static plan_status refill(const plan_lexicon *lex, const char *s, size_t n, plan_words *ws,
                          bool vector) {
  ws->words.len = 0;
  ws->keys.len = 0;
  ws->text = s;
  ws->len = n;
  if (ws->words.elem != sizeof(plan_word)) plan__vec_init(&ws->words, sizeof(plan_word));
  if (!reserve_for(ws, n)) return PLAN_ENOMEM;
  if (vector && plan__words_fold_vector(s, n, ws)) return PLAN_OK;
  ws->words.len = 0;
  ws->keys.len = 0;
  const unsigned char *t = (const unsigned char *)s;
  plan_word *w = ws->words.data;
  char *out = ws->keys.data;
  size_t nw = 0, len = 0, i = 0;
  /* One pass: tokens of ASCII and precomposed letters are folded and their
   * words hashed here, in locals; any other token goes the long way. */
  while (i < n) {
    unsigned c = plan__byte_class[t[i]];
    if (c == SP) {
      i++;
      continue;
    }
    size_t b = i, first = nw, from = len;
    bool capital = c > MB ? (unsigned)(t[i] - 'A') < 26u : c == MB ? t[i] == 0xC4 : c == EDGE;
    if (lex && capital && maybe_abbreviation(s, n, i)) goto long_way;
    for (;;) { /* the token's words */
      while (c < MB) { /* separators */
        if (c == SP || ++i == n) goto token_end;
        c = plan__byte_class[t[i]];
      }
      size_t word = len;
      for (;;) { /* its letters */
        if (c > MB) {
          out[len++] = (char)c;
          i++;
        } else if (c == MB) {
          size_t l;
          char f = multibyte_letter(t + i, n - i, &l);
          if (!f) goto long_way;
          out[len++] = f;
          i += l;
        } else {
          break;
        }
        if (i == n) break;
        c = plan__byte_class[t[i]];
      }
      w[nw].hash = plan__word_hash_padded(out + word, len - word);
      out[len++] = '\0';
      w[nw].key = word;
      w[nw].token = b;
      nw++;
      if (i == n) break;
    }
  token_end:
    out[len++] = '\0'; /* the token's end, as split_words leaves it */
    continue;
  long_way: /* undo what the token added; fold it with utf8proc */
    ws->words.len = first;
    ws->keys.len = from;
    plan_status st;
    i = slow_token(lex, ws, s, n, b, &st);
    if (st != PLAN_OK || ws->keys.oom || !reserve_for(ws, n - i)) return PLAN_ENOMEM;
    w = ws->words.data;
    out = ws->keys.data;
    nw = ws->words.len;
    len = ws->keys.len;
  }
  ws->words.len = nw;
  ws->keys.len = len;
  return PLAN_OK;
}

plan_status plan__words_refill(const plan_lexicon *lex, const char *s, size_t n, plan_words *ws) {
  if (!ws->vector) ws->vector = plan__words_vector_ok() ? 1 : -1;
  return refill(lex, s, n, ws, ws->vector > 0);
}

plan_status plan__words_refill_scalar(const plan_lexicon *lex, const char *s, size_t n,
                                      plan_words *ws) {
  return refill(lex, s, n, ws, false);
}

static size_t token_end(const plan_words *ws, size_t i) {
  const char *sp = memchr(ws->text + i, ' ', ws->len - i);
  return sp ? (size_t)(sp - ws->text) : ws->len;
}

size_t plan__word_start(const plan_words *ws, size_t i) {
  size_t b = plan__word(ws, i)->token, e = token_end(ws, b);
  while (b < e && is_edge_punct((unsigned char)ws->text[b])) b++;
  return b;
}

size_t plan__word_end(const plan_words *ws, size_t i) {
  size_t b = plan__word_start(ws, i), e = token_end(ws, b), ce = e;
  while (ce > b && is_edge_punct((unsigned char)ws->text[ce - 1])) ce--;
  return ce > b ? ce : e;
}

/* The byte that ends word i's token, when the word is its last; 0 else.
 * The token ends at a space before the next word's token: a few bytes
 * on, looked for in place (role_before() asks this of word after word). */
static char token_last_byte(const plan_words *ws, size_t i) {
  size_t tok = plan__word(ws, i)->token, e = tok;
  if (i + 1 == plan__words_count(ws)) return ws->text[token_end(ws, tok) - 1];
  size_t next = plan__word(ws, i + 1)->token;
  if (next == tok) return 0;
  while (e < next && ws->text[e] != ' ') e++;
  return ws->text[e - 1];
}

bool plan__word_clause_end(const plan_words *ws, size_t i) {
  char c = token_last_byte(ws, i);
  return c == ';' || c == '.';
}

bool plan__word_comma(const plan_words *ws, size_t i) { return token_last_byte(ws, i) == ','; }

bool plan__word_colon(const plan_words *ws, size_t i) { return token_last_byte(ws, i) == ':'; }

plan_status plan__words(const plan_lexicon *lex, const char *s, size_t n, plan_words *ws) {
  memset(ws, 0, sizeof *ws);
  plan__vec_init(&ws->words, sizeof(plan_word));
  return plan__words_refill(lex, s, n, ws);
}

void plan__words_free(plan_words *ws) {
  plan__vec_free(&ws->words);
  plan__buf_free(&ws->keys);
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
