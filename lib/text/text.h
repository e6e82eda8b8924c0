/* text.h - the text stage: letters and tone marks, the matching key, the
 * normalization pass over UTF-8 text and the plan_text object it fills.
 * Uses core and data only; knows nothing of lexicons or input formats. */
#ifndef PLAN_TEXT_H
#define PLAN_TEXT_H

#include "core/core.h"
#include "data/data.h"

struct plan_text {
  plan_buf out;       /* the normalized bytes */
  plan_offmap map;    /* out -> input, from the main pass */
  plan_offmap map2;   /* out -> main-pass out, after abbreviation expansion */
  plan_offmap map0;   /* main-pass input -> input, when the input was converted */
  bool decoded;       /* map0 is in use */
  plan_input input;   /* what the input was read as */
  plan_encoding encoding;
  bool expanded;      /* map2 is in use */
  plan_vec hints;     /* of plan_hint, sorted by start */
  size_t replacements;
  size_t input_len;
  plan_vec lines;     /* of size_t: input offset where each line starts */
};

/* As plan_text_source() (offset and line), for offsets asked in rising
 * order: each search starts where the last stopped (any order is right;
 * rising is fast). */
PLAN_INTERNAL void plan__text_source_from(const plan_text *t, plan_text_cursor *cur,
                                          size_t offset, size_t *input_offset, size_t *line);

/* A new empty text for input (used for the line index only). */
PLAN_INTERNAL plan_text *plan__text_new(const char *input, size_t len);

/* The normalization pass: UTF-8 text data[0, len) (the input itself, or
 * the input stage's conversion of it) normalized into t->out as o says,
 * with t->map from t->out to data and t->hints sorted.  o's abbreviation
 * flag is not looked at (expansion is the lexicon stage's).  Fills err
 * with a position in data on failure. */
PLAN_INTERNAL plan_status plan__normalize_pass(const plan_options *o, const char *data,
                                               size_t len, plan_text *t, plan_error *err);

/* Small text helpers (textutil.c). */
PLAN_INTERNAL bool plan__is_upper_text(const char *s, size_t n); /* letters, none lower */
PLAN_INTERNAL bool plan__starts_lower(const char *s, size_t n);
PLAN_INTERNAL bool plan__starts_upper(const char *s, size_t n);
/* The key of a span, into a buffer the caller frees with free(). */
PLAN_INTERNAL char *plan__fold(const char *s, size_t n);
/* The key of s[0, n) into dst, an array of cap bytes, NUL-terminated,
 * without allocating: true when it all fit, false when dst holds only the
 * key of a prefix of s (what fit). */
PLAN_INTERNAL bool plan__fold_fixed(char *dst, size_t cap, const char *s, size_t n);
/* Does the key of s start with the key prefix (already folded)? */
PLAN_INTERNAL bool plan__fold_starts(const char *s, size_t n, const char *prefix);
/* Title case of an upper-case name: "BẮC KẠN" -> "Bắc Kạn", into the arena. */
PLAN_INTERNAL char *plan__title_case(plan_arena *a, const char *s, size_t n);
PLAN_INTERNAL char *plan__trim_dup(plan_arena *a, const char *s, size_t n);

/* ---- tone placement ------------------------------------------------ */

/* Rewrites one word (code points, decomposed: base letters followed by
 * their combining marks) so that it carries at most its one tone mark at
 * the place style requires, marks in canonical order.  Returns the new
 * length (never more than n), or n unchanged when the word is not a
 * Vietnamese syllable it can reason about. */
PLAN_INTERNAL size_t plan__tone_place(int32_t *cps, size_t n,
                                      plan_tone_style style);

/* Which letter of a syllable carries the tone: skel holds each letter's
 * ASCII skeleton, modified whether it has a circumflex, breve or horn,
 * tone_letter where the tone is now.  SIZE_MAX when the letters do not
 * form one Vietnamese syllable. */
PLAN_INTERNAL size_t plan__tone_target(const char *skel, const bool *modified,
                                       size_t nl, size_t tone_letter,
                                       plan_tone_style style);
PLAN_INTERNAL bool plan__is_vowel(char skeleton);

/* ---- the matching key ---------------------------------------------- */

/* Appends the key form of normalized UTF-8 text to out. */
PLAN_INTERNAL void plan__key_append(plan_buf *out, const char *s, size_t len);


#endif
