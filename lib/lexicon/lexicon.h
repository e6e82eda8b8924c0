/* lexicon.h - the lexicon stage: what the library knows of agencies,
 * abbreviations and document kinds (built from the data tables once, or
 * extended by a caller), the word lists it matches over, the compiled
 * patterns, and abbreviation expansion over a normalized text.  Uses core,
 * data and text. */
#ifndef PLAN_LEXICON_H
#define PLAN_LEXICON_H

#include <string.h>

#include "text/text.h"

/* Patterns compiled once per lexicon (lexicon.c). */
typedef enum plan_pattern {
  PLAN_RE_REFERENCE = 0, /* document numbers */
  PLAN_RE_DATE,          /* ngày 02 tháng 02 năm 2021 / 28/9/2020 */
  PLAN_RE_NUMBER_LINE,   /* Số: 145/QĐ-UBND */
  PLAN_RE_PLACE_DATE,    /* Bắc Kạn, ngày ... */
  PLAN_RE_LAW,           /* Luật Trẻ em */
  PLAN_RE_COUNT_
} plan_pattern;
PLAN_INTERNAL const pcre2_code *plan__lexicon_pattern(const plan_lexicon *lex, plan_pattern p);
/* pcre2 limits: backtracking steps and depth per match. */
#define PLAN_PCRE2_MATCH_LIMIT 1000000u
#define PLAN_PCRE2_DEPTH_LIMIT 10000u

/* The folded first column of a table, one key per row (lexicon.c). */
typedef enum plan_table_id {
  PLAN_TABLE_DOC_TYPES = 0,
  PLAN_TABLE_CITIES,
  PLAN_TABLE_HYPHEN_LEFT,
  PLAN_TABLE_HYPHEN_RIGHT,
  PLAN_TABLE_PROVINCES,   /* provinces' and cities' names */
  PLAN_TABLE_WEB_PORTALS, /* portals' names */
  PLAN_TABLE_WEB_FURNITURE, /* what portals print before a document */
  PLAN_TABLE_COUNT_
} plan_table_id;

typedef struct plan_agency_def {
  char *id, *name, *level, *kind, *portfolios;
} plan_agency_def;

typedef struct plan_alias {
  char *key;        /* folded, abbreviations expanded; may hold "%p" */
  uint32_t *hashes; /* plan__word_hash() of each word of key */
  size_t agency;    /* index into agencies */
  size_t len;       /* words in key */
  size_t province;  /* which word is "%p", or len */
  uint64_t commas;  /* bit i: word i ends a token with a comma ("Văn hóa,"), of the first 64 */
  uint16_t *marks;  /* each word's diacritics (plan__word_marks()), or PLAN_MARKS_ANY */
  unsigned bucket;  /* of its first two words (one-word aliases: its word) */
} plan_alias;

/* A word's diacritics, whatever the style that placed its tone ("hóa" and
 * "hoá" agree; "tỉnh", "tính" and "tình" do not): its tone in the high
 * bits, which of its first 12 letters carry a circumflex, breve or horn
 * in the low ones.  PLAN_MARKS_ANY when the word holds a letter that is
 * not Vietnamese's, or is more than one word of the lexicon's; *plain is
 * set when it has no diacritic at all (a copy that lost them). */
#define PLAN_MARKS_ANY 0xFFFF
PLAN_INTERNAL uint16_t plan__word_marks(const char *s, size_t n, bool *plain);

/* A duty verb (data/duty_verbs.tsv): its folded words, the hash of the
 * first, and the folded words after which it is a noun ("vuc|nganh",
 * "," for a comma; "" for none). */
typedef struct plan_duty_verb {
  char *key;
  char *noun_after;
  uint32_t first;
} plan_duty_verb;
#define PLAN_VERB_BITS 256 /* the set of the verbs' first words */

/* A body's head word (data/agency_heads.tsv): folded, and the folded
 * words one of which must follow it, each ended by a NUL, the list by
 * another (empty: none; "*": a head word that names a body itself). */
typedef struct plan_agency_head {
  char *key;
  char *next;
  uint16_t marks; /* the head word's diacritics (plan__word_marks()) */
} plan_agency_head;

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
  plan_vec duty_verbs;                              /* of plan_duty_verb */
  plan_vec heads;                                   /* of plan_agency_head */
  plan_vec not_heads;                               /* of char *: folded phrases */
  uint64_t verb_first[PLAN_VERB_BITS / 64];         /* first words of duty verbs */
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
  return (int)plan__bit(lex->pairs, PLAN_PAIR_BITS, plan__pair_key(h, next)) |
         (int)plan__bit(lex->singles, PLAN_FIRST_WORD_BITS, h) |
         ((int)(next == province) & (int)plan__bit(lex->province_led, PLAN_FIRST_WORD_BITS, h));
}

PLAN_INTERNAL plan_status plan__agencies_init(plan_lexicon *lex);
PLAN_INTERNAL void plan__agencies_free(plan_lexicon *lex);
/* Adds one agency from a file line's fields; PLAN_EINVAL when malformed. */
PLAN_INTERNAL plan_status plan__agency_add(plan_lexicon *lex, const char *id, const char *name,
                                           const char *level, const char *kind,
                                           const char *portfolios, const char *aliases);

/* The duty verbs (verbs.c): the embedded ones, one added (noun_after:
 * '|'-separated words, "," for a comma, NULL, "" or "-" for none;
 * PLAN_EINVAL when the phrase has no word), and whether one starts at
 * word i and is a verb there. */
PLAN_INTERNAL plan_status plan__duty_verbs_init(plan_lexicon *lex);
PLAN_INTERNAL void plan__duty_verbs_free(plan_lexicon *lex);
PLAN_INTERNAL plan_status plan__duty_verb_add(plan_lexicon *lex, const char *phrase,
                                              const char *noun_after);

/* A body's head words (heads.c): the embedded ones (and the phrases that
 * open like one but name no body), one added (next: '|'-separated words,
 * "*" for a head word, NULL, "" or "-" for none; PLAN_EINVAL when the word
 * is no word), and whether word i opens a body's name. */
PLAN_INTERNAL plan_status plan__agency_heads_init(plan_lexicon *lex);
PLAN_INTERNAL void plan__agency_heads_free(plan_lexicon *lex);
PLAN_INTERNAL plan_status plan__agency_head_add(plan_lexicon *lex, const char *word,
                                               const char *next);

/* The '|'-separated items of list folded as the words of a text are, a
 * piece with no word ("," or "*") kept as written, joined by '|'; NULL
 * when out of memory. */
PLAN_INTERNAL char *plan__fold_word_list(const char *list);

/* The default lexicon (the embedded tables), built at its first use and
 * shared, immutable, by every thread and document until the library is
 * unloaded; NULL only when building it ran out of memory (a later call
 * tries again). */
PLAN_INTERNAL const plan_lexicon *plan__lexicon_default(void);
/* o->lexicon, or the default lexicon; NULL (out of memory) only for the
 * default. */
static inline const plan_lexicon *plan__lexicon_of(const plan_options *o) {
  return o && o->lexicon ? o->lexicon : plan__lexicon_default();
}
/* How many lexicons this process has built (plan_lexicon_new() calls):
 * tests read it to see that the default is built once. */
PLAN_INTERNAL size_t plan__lexicon_builds(void);
PLAN_INTERNAL const char *const *plan__lexicon_keys(const plan_lexicon *lex, plan_table_id t);
/* The matcher of a lexicon's abbreviations, or NULL when it has none. */
PLAN_INTERNAL const pcre2_code *plan__lexicon_abbrev_re(const plan_lexicon *lex);
/* The match context with the lexicon's limits (read only while matching,
 * so shared by threads). */
PLAN_INTERNAL pcre2_match_context *plan__lexicon_match_context(const plan_lexicon *lex);

/* Expands abbreviations in t->out using lex, keeping hints and offsets
 * right; expansions are normalized with o (abbrev.c). */
PLAN_INTERNAL plan_status plan__expand_abbreviations(plan_text *t, const plan_lexicon *lex,
                                                     const plan_options *o);

/* Table look-ups (lookup.c, from data/; the folded keys of the rows are
 * computed once per lexicon). */
PLAN_INTERNAL const char *plan__doc_type_of(const plan_lexicon *lex, const char *s, size_t n);
PLAN_INTERNAL const char *plan__ref_kind_of_code(const char *code, size_t n);
PLAN_INTERNAL bool plan__is_city(const plan_lexicon *lex, const char *name, size_t n);
PLAN_INTERNAL size_t plan__title_suffix(const char *s, size_t n); /* bytes of a trailing title */
PLAN_INTERNAL bool plan__joins_hyphenated(const plan_lexicon *lex, const char *prev_end,
                                          size_t n1, const char *next, size_t n2);

/* Does an agency's name run across the end of line left into line right
 * ("Đề nghị Ủy ban Mặt trận" / "Tổ quốc Việt Nam tỉnh")?  (agencies.c) */
PLAN_INTERNAL bool plan__alias_spans(const plan_lexicon *lex, const char *left, size_t ln,
                                     const char *right, size_t rn, bool *oom);
/* Does s open with a body's name or an office holder's title ("Sở Y tế",
 * "Giám đốc Sở ...", "Ủy ban nhân dân các xã")?  whole: and hold names
 * alone, no duty verb (a list's item, not a sentence).  (agencies.c) */
PLAN_INTERNAL bool plan__opens_with_body(const plan_lexicon *lex, const char *s, size_t n,
                                         bool whole, bool *oom);


/* ---- words (words.c, words_simd.c) ---------------------------------- */

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

/* Whether the text's word pos may be a lexicon word whose diacritics are
 * want (keys fold them away): not when it has a tone or a mark that one
 * lacks ("Bổ nhiệm" is no "Bộ"); a copy that lost some or all of them, or
 * placed a tone in another style, still agrees. */
PLAN_INTERNAL bool plan__marks_agree(uint16_t want, const plan_words *ws, size_t pos);

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

PLAN_INTERNAL bool plan__duty_verb_at(const plan_lexicon *lex, const plan_words *ws, size_t i);
PLAN_INTERNAL bool plan__agency_head_at(const plan_lexicon *lex, const plan_words *ws, size_t i);

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
