/* words.h - folded word lists over a text (words.c). */
#ifndef PLAN_WORDS_H
#define PLAN_WORDS_H

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
} plan_words;

PLAN_INTERNAL plan_status plan__words(const plan_lexicon *lex, const char *s, size_t n,
                                      plan_words *ws);
/* As plan__words(), into a list filled before (or zeroed), keeping its
 * memory: one list serves many texts. */
PLAN_INTERNAL plan_status plan__words_refill(const plan_lexicon *lex, const char *s, size_t n,
                                             plan_words *ws);
PLAN_INTERNAL void plan__words_free(plan_words *ws);

/* The hash of a folded word (FNV-1a), computed as words are folded, so
 * look-ups by word need not read its letters again. */
#define PLAN_WORD_HASH_INIT 2166136261u
#define PLAN_WORD_HASH_STEP(h, c) (((h) ^ (unsigned char)(c)) * 16777619u)
static inline uint32_t plan__word_hash(const char *w) {
  uint32_t h = PLAN_WORD_HASH_INIT;
  for (; *w; w++) h = PLAN_WORD_HASH_STEP(h, *w);
  return h;
}

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

/* Do the words from at on equal the folded phrase ("chu tri")?  *len gets its word count. */
PLAN_INTERNAL bool plan__words_match_str(const plan_words *ws, size_t at, const char *phrase,
                                         size_t *len);

/* The agency whose alias starts at word at: its index in the lexicon and
 * the number of words matched, longest alias first.  province: the
 * document's province as folded words (for "%p" aliases), may be NULL. */
PLAN_INTERNAL bool plan__agency_at(const plan_lexicon *lex, const plan_words *ws, size_t at,
                                   const plan_words *province, size_t *agency, size_t *nwords);

/* The lexicon's agency i (agencies.c). */
typedef struct plan_agency_info {
  const char *id, *name, *level, *kind, *portfolios;
} plan_agency_info;
PLAN_INTERNAL void plan__agency_info(const plan_lexicon *lex, size_t i, plan_agency_info *out);

#endif
