/* words.h - folded word lists over a text (words.c). */
#ifndef PLAN_WORDS_H
#define PLAN_WORDS_H

#include <string.h>

#include "doc.h"

typedef struct plan_word {
  size_t key;    /* offset of the folded word in keys */
  size_t token;  /* offset of its token (up to a space) in the text */
  uint32_t hash; /* plan__word_hash() of the folded word */
} plan_word;

/* The words of a text.  Where a word is in the text and what ends its
 * token are read from the text when asked (plan__word_start() and the
 * rest): few words are asked about, so folding stays one pass. */
typedef struct plan_words {
  plan_vec words;   /* of plan_word */
  plan_buf keys;    /* NUL-separated folded words */
  const char *text; /* the text, not owned: it must outlive the words */
  size_t len;
  signed char vector; /* the vector fold: 0 not asked yet, 1 runs, -1 not */
} plan_words;

PLAN_INTERNAL plan_status plan__words(const plan_lexicon *lex, const char *s, size_t n,
                                      plan_words *ws);
/* As plan__words(), into a list filled before (or zeroed), keeping its
 * memory: one list serves many texts. */
PLAN_INTERNAL plan_status plan__words_refill(const plan_lexicon *lex, const char *s, size_t n,
                                             plan_words *ws);
PLAN_INTERNAL void plan__words_free(plan_words *ws);
/* As plan__words_refill(), always with the scalar fold (tests hold the
 * vector fold to it). */
PLAN_INTERNAL plan_status plan__words_refill_scalar(const plan_lexicon *lex, const char *s,
                                                    size_t n, plan_words *ws);

/* The vector fold (words_simd.c): can this CPU run it?  It fills ws (with
 * room reserved for n bytes of text and 128 more of keys) and returns
 * true, or returns false, leaving the text to the scalar fold. */
PLAN_INTERNAL bool plan__words_vector_ok(void);
PLAN_INTERNAL bool plan__words_fold_vector(const char *s, size_t n, plan_words *ws);

/* What each byte is to the folds: a space, edge punctuation (trimmed from
 * a token's span), another separator, a byte of a multibyte character, or
 * an ASCII letter or digit: then the folded byte itself (lower case),
 * which is above every class. */
enum { PLAN_BYTE_SPACE = 1, PLAN_BYTE_EDGE, PLAN_BYTE_SEPARATOR, PLAN_BYTE_MULTIBYTE };
PLAN_INTERNAL extern const unsigned char plan__byte_class[256];

/* The hash of a folded word of n bytes, computed as words are folded, so
 * look-ups by word need not read its letters again.  It takes the word 16
 * bytes at a time as two little-endian integers (zero past its end): a
 * word needs no loop over its letters, so the fold has no branch that
 * hangs on a word's length.  Two multiplies, for a hash that only picks
 * bits of a filter and a bucket: every match is confirmed by key. */
static inline uint64_t plan__hash_block(uint64_t acc, uint64_t lo, uint64_t hi) {
  return (acc ^ lo) * 0x9E3779B97F4A7C15u + hi * 0xC2B2AE3D27D4EB4Fu;
}
static inline uint32_t plan__hash_final(uint64_t acc) {
  return (uint32_t)(acc >> 32) ^ (uint32_t)(acc >> 50);
}
/* The n <= 8 bytes at p as a little-endian integer. */
static inline uint64_t plan__load_le(const char *p, size_t n) {
  uint64_t x = 0;
  for (size_t i = 0; i < n; i++) x |= (uint64_t)(unsigned char)p[i] << (8 * i);
  return x;
}
static inline uint32_t plan__word_hash_n(const char *w, size_t n) {
  uint64_t acc = n;
  for (; n > 16; w += 16, n -= 16) {
    acc = plan__hash_block(acc, plan__load_le(w, 8), plan__load_le(w + 8, 8));
    acc ^= acc >> 32;
  }
  uint64_t lo = plan__load_le(w, n < 8 ? n : 8), hi = n > 8 ? plan__load_le(w + 8, n - 8) : 0;
  return plan__hash_final(plan__hash_block(acc, lo, hi));
}
/* As plan__word_hash_n(), for a word with 16 readable bytes from its
 * first (keys are padded for it). */
static inline uint32_t plan__word_hash_padded(const char *w, size_t n) {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
  if (n > 16) return plan__word_hash_n(w, n);
  uint64_t lo, hi;
  memcpy(&lo, w, 8);
  memcpy(&hi, w + 8, 8);
  lo &= n >= 8 ? ~(uint64_t)0 : ((uint64_t)1 << (8 * n)) - 1;
  hi &= n >= 16 ? ~(uint64_t)0 : n <= 8 ? 0 : ((uint64_t)1 << (8 * (n - 8))) - 1;
  return plan__hash_final(plan__hash_block(n, lo, hi));
#else
  return plan__word_hash_n(w, n);
#endif
}
static inline uint32_t plan__word_hash(const char *w) { return plan__word_hash_n(w, strlen(w)); }

static inline size_t plan__words_count(const plan_words *ws) { return ws->words.len; }
static inline const plan_word *plan__word(const plan_words *ws, size_t i) {
  return (const plan_word *)ws->words.data + i;
}
static inline const char *plan__word_key(const plan_words *ws, size_t i) {
  return ws->keys.data + plan__word(ws, i)->key;
}
/* Word i's token in the text without its edge punctuation ("(UBND)," is
 * "UBND"): [plan__word_start, plan__word_end).  All the words a token
 * folds to ("1472/QĐ-TTg") share it. */
PLAN_INTERNAL size_t plan__word_start(const plan_words *ws, size_t i);
PLAN_INTERNAL size_t plan__word_end(const plan_words *ws, size_t i);
/* Is word i the last of a token that ends a clause (';' or '.')?  One
 * that ends with a comma? */
PLAN_INTERNAL bool plan__word_clause_end(const plan_words *ws, size_t i);
PLAN_INTERNAL bool plan__word_comma(const plan_words *ws, size_t i);
PLAN_INTERNAL bool plan__word_colon(const plan_words *ws, size_t i);

/* Do the words from at on equal the folded phrase ("chu tri")?  *len gets its word count. */
PLAN_INTERNAL bool plan__words_match_str(const plan_words *ws, size_t at, const char *phrase,
                                         size_t *len);

/* The agency whose alias starts at word at: its index in the lexicon and
 * the number of words matched, longest alias first.  province: the
 * document's province as folded words (for "%p" aliases), may be NULL. */
PLAN_INTERNAL bool plan__agency_at(const plan_lexicon *lex, const plan_words *ws, size_t at,
                                   const plan_words *province, size_t *agency, size_t *nwords);

/* What plan__alias_may_start() (lexicon.h) takes for the province's first
 * word when there is no province: no word's hash. */
#define PLAN_NO_PROVINCE ((uint64_t)1 << 32)

/* The hash of the province's first word, or PLAN_NO_PROVINCE. */
static inline uint64_t plan__province_first(const plan_words *province) {
  return province && plan__words_count(province) ? plan__word(province, 0)->hash
                                                 : PLAN_NO_PROVINCE;
}

/* The lexicon's agency i (agencies.c). */
typedef struct plan_agency_info {
  const char *id, *name, *level, *kind, *portfolios;
} plan_agency_info;
PLAN_INTERNAL void plan__agency_info(const plan_lexicon *lex, size_t i, plan_agency_info *out);

#endif
