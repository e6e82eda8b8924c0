/* lexicon.h - the lexicon's insides, shared by lexicon.c (abbreviations,
 * patterns, tables) and agencies.c (the agency lexicon). */
#ifndef PLAN_LEXICON_H
#define PLAN_LEXICON_H

#include "doc.h"

typedef struct plan_agency_def {
  char *id, *name, *level, *kind, *portfolios;
} plan_agency_def;

typedef struct plan_alias {
  char *key;        /* folded, abbreviations expanded; may hold "%p" */
  uint32_t *hashes; /* plan__word_hash() of each word of key */
  size_t agency;    /* index into agencies */
  size_t len;       /* words in key */
  size_t province;  /* which word is "%p", or len */
  unsigned bucket;  /* of its first two words (one-word aliases: its word) */
} plan_alias;

#define PLAN_ALIAS_BUCKETS 512
#define PLAN_FIRST_WORD_BITS 4096
#define PLAN_PAIR_BITS 65536

struct plan_lexicon {
  plan_vec abbrevs; /* of abbrev, sorted by abbreviation bytes */
  pcre2_code *abbrev_re;
  pcre2_code *patterns[PLAN_RE_COUNT_];
  pcre2_match_context *mctx;      /* match and depth limits for every match */
  char **keys[PLAN_TABLE_COUNT_]; /* folded table rows */
  plan_vec agencies;              /* of plan_agency_def */
  plan_vec aliases;               /* of plan_alias, longest first per bucket */
  plan_vec buckets[PLAN_ALIAS_BUCKETS]; /* of size_t alias indices */
  uint64_t pairs[PLAN_PAIR_BITS / 64];              /* which bucket keys an alias has */
  uint64_t singles[PLAN_FIRST_WORD_BITS / 64];  /* first words of one-word aliases */
  uint64_t province_led[PLAN_FIRST_WORD_BITS / 64]; /* first words of "X %p" aliases */
  uint32_t province_hash;                           /* of "%p" */
};

/* Aliases are bucketed by the hashes of their first two words (h2 is 0
 * for a one-word alias); lex->pairs has the bit of every key in use. */
static inline uint32_t plan__pair_key(uint32_t h1, uint32_t h2) {
  return h1 * 0x9E3779B1u + h2; /* word hashes are mixed already */
}

/* A bit set of `bits` bits (a multiple of 64) keyed by a hash. */
static inline bool plan__bit(const uint64_t *set, unsigned bits, uint32_t key) {
  unsigned bit = key % bits;
  return set[bit / 64] >> (bit % 64) & 1;
}

static inline void plan__bit_set(uint64_t *set, unsigned bits, uint32_t key) {
  unsigned bit = key % bits;
  set[bit / 64] |= (uint64_t)1 << (bit % 64);
}

/* Can an alias start at a word of hash h followed by one of hash next (0
 * at the end)?  province: the hash of the province's first word ("Báo %p"
 * starts only before it), or PLAN_NO_PROVINCE (plan__province_first() in
 * words.h gives it).  False for nearly every word, cheaply: callers test
 * it before plan__agency_at. */
static inline bool plan__alias_may_start(const plan_lexicon *lex, uint32_t h, uint32_t next,
                                         uint64_t province) {
  /* the three sets at once, without a branch between them: a word's own
   * bit would pass one word in eight ("các", "báo"), too many and too
   * randomly for a branch on it to be predicted; the pair's bit passes
   * one in fifty or so, real mentions included */
  return plan__bit(lex->pairs, PLAN_PAIR_BITS, plan__pair_key(h, next)) |
         plan__bit(lex->singles, PLAN_FIRST_WORD_BITS, h) |
         ((next == province) & plan__bit(lex->province_led, PLAN_FIRST_WORD_BITS, h));
}

PLAN_INTERNAL plan_status plan__agencies_init(plan_lexicon *lex);
PLAN_INTERNAL void plan__agencies_free(plan_lexicon *lex);
/* Adds one agency from a file line's fields; PLAN_EINVAL when malformed. */
PLAN_INTERNAL plan_status plan__agency_add(plan_lexicon *lex, const char *id, const char *name,
                                           const char *level, const char *kind,
                                           const char *portfolios, const char *aliases);

#endif
