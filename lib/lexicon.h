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
#define PLAN_PAIR_BITS 16384

struct plan_lexicon {
  plan_vec abbrevs; /* of abbrev, sorted by abbreviation bytes */
  pcre2_code *abbrev_re;
  pcre2_code *patterns[PLAN_RE_COUNT_];
  pcre2_match_context *mctx;      /* match and depth limits for every match */
  char **keys[PLAN_TABLE_COUNT_]; /* folded table rows */
  plan_vec agencies;              /* of plan_agency_def */
  plan_vec aliases;               /* of plan_alias, longest first per bucket */
  plan_vec buckets[PLAN_ALIAS_BUCKETS]; /* of size_t alias indices */
  uint64_t first_words[PLAN_FIRST_WORD_BITS / 64]; /* which words can start an alias */
  uint64_t pairs[PLAN_PAIR_BITS / 64];              /* which bucket keys an alias has */
  uint32_t province_hash;                           /* of "%p" */
};

/* Can a word of this hash (plan__word_hash) start an agency's alias?
 * False for most words, so callers test it before plan__agency_at. */
static inline bool plan__may_start_alias(const plan_lexicon *lex, uint32_t h) {
  unsigned bit = h % PLAN_FIRST_WORD_BITS;
  return lex->first_words[bit / 64] >> (bit % 64) & 1;
}

PLAN_INTERNAL plan_status plan__agencies_init(plan_lexicon *lex);
PLAN_INTERNAL void plan__agencies_free(plan_lexicon *lex);
/* Adds one agency from a file line's fields; PLAN_EINVAL when malformed. */
PLAN_INTERNAL plan_status plan__agency_add(plan_lexicon *lex, const char *id, const char *name,
                                           const char *level, const char *kind,
                                           const char *portfolios, const char *aliases);

#endif
