/* The agency lexicon: resolving a name as printed, and adding an agency. */
#include <plan.h>
#include <stdio.h>
#include <string.h>

int main(void) {
  plan_lexicon *lex;
  plan_error err;
  if (plan_lexicon_new(&lex, &err) != PLAN_OK) return 1;
  const char *name = "Sở LĐ-TB&XH tỉnh";
  printf("%s -> %s\n", name, plan_lexicon_resolve(lex, name, strlen(name))); /* dolisa */
  if (plan_lexicon_add_agency(lex, "youth-center", "Trung tâm Thanh thiếu nhi", "province",
                              "agency", "youth", "TT Thanh thiếu nhi", &err) != PLAN_OK) {
    fprintf(stderr, "%s\n", err.message);
    return 1;
  }
  const char *id, *full;
  size_t last = plan_lexicon_agency_count(lex) - 1;
  if (plan_lexicon_agency(lex, last, &id, &full, NULL, NULL, NULL, &err) != PLAN_OK) return 1;
  printf("%s: %s\n", id, full);
  plan_lexicon_free(lex);
  return 0;
}
