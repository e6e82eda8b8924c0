/* A lexicon extended at run time, used by a normalization. */
#include <plan.h>
#include <stdio.h>
#include <string.h>

int main(void) {
  plan_lexicon *lex;
  plan_error err;
  if (plan_lexicon_new(&lex, &err) != PLAN_OK ||
      plan_lexicon_add_abbreviation(lex, "BCĐ", "Ban Chỉ đạo", &err) != PLAN_OK) {
    fprintf(stderr, "%s\n", err.message);
    return 1;
  }
  plan_options o;
  plan_options_init(&o);
  o.lexicon = lex; /* borrowed: lex must outlive the call */
  o.flags |= PLAN_OPT_EXPAND_ABBREVIATIONS;
  const char *in = "BCĐ tỉnh và UBND huyện";
  char *out;
  if (plan_normalize_string(in, strlen(in), &o, &out, NULL, &err) != PLAN_OK) return 1;
  printf("%s", out); /* Ban Chỉ đạo tỉnh và Ủy ban nhân dân huyện */
  plan_free(out);
  printf("%zu abbreviations\n", plan_lexicon_abbreviation_count(lex));
  plan_lexicon_free(lex);
  return 0;
}
