/* fuzz_words - libFuzzer target: the vector fold (words_simd.c) against the
 * scalar fold (words.c) on any bytes, with and without a lexicon: where the
 * vector fold takes a text, the two must give the same words (keys,
 * tokens, hashes); both must hash every word as plan__word_hash() does. */
#include <stdlib.h>
#include <string.h>

#include "plan.h"
#include "lexicon/lexicon.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

static void same(const plan_words *a, const plan_words *b) {
  if (plan__words_count(a) != plan__words_count(b)) abort();
  for (size_t i = 0; i < plan__words_count(a); i++) {
    const char *k = plan__word_key(a, i);
    if (strcmp(k, plan__word_key(b, i)) != 0 || plan__word(a, i)->token != plan__word(b, i)->token ||
        plan__word(a, i)->hash != plan__word(b, i)->hash || plan__word(a, i)->hash != plan__word_hash(k))
      abort();
  }
}

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size) {
  plan_lexicon *lex = NULL;
  if (size && data[0] & 1 && plan_lexicon_new(&lex, NULL) != PLAN_OK) return 0;
  const char *s = (const char *)data;
  plan_words scalar, vector;
  memset(&scalar, 0, sizeof scalar);
  memset(&vector, 0, sizeof vector);
  if (plan__words_refill_scalar(lex, s, size, &scalar) == PLAN_OK &&
      plan__words_refill_scalar(lex, s, size, &vector) == PLAN_OK && plan__words_vector_ok() &&
      plan__words_fold_vector(s, size, &vector))
    same(&scalar, &vector);
  plan__words_free(&scalar);
  plan__words_free(&vector);
  plan_lexicon_free(lex);
  return 0;
}
