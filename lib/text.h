/* text.h - the plan_text object shared by normalize.c, abbrev.c, text.c. */
#ifndef PLAN_TEXT_H
#define PLAN_TEXT_H

#include "internal.h"

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

/* Expands abbreviations in t->out using o->lexicon (NULL: the defaults),
 * keeping hints and offsets right; expansions are normalized with o. */
PLAN_INTERNAL plan_status plan__expand_abbreviations(plan_text *t,
                                                     const plan_options *o);

#endif
