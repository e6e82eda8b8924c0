/* Parsing a file and reading its metadata. */
#include <plan.h>
#include <stdio.h>

int main(int argc, char **argv) {
  if (argc < 2) return 2;
  plan_doc *doc;
  plan_error err;
  if (plan_doc_parse_file(argv[1], NULL, &doc, &err) != PLAN_OK) {
    fprintf(stderr, "%s:%zu:%zu: %s\n", argv[1], err.line, err.column, err.message);
    return 1;
  }
  for (int m = 0; m < PLAN_META_COUNT_; m++)
    if (plan_doc_meta(doc, (plan_meta)m))
      printf("%-15s %s\n", plan_meta_name((plan_meta)m), plan_doc_meta(doc, (plan_meta)m));
  plan_doc_free(doc); /* frees every string and node it handed out */
  return 0;
}
