/* What the parser noticed and decided on the way, compiler style. */
#include <plan.h>
#include <stdio.h>

int main(int argc, char **argv) {
  if (argc < 2) return 2;
  plan_doc *doc;
  plan_error err;
  if (plan_doc_parse_file(argv[1], NULL, &doc, &err) != PLAN_OK) return 1;
  for (size_t i = 0; i < plan_doc_diagnostic_count(doc); i++) {
    const plan_diagnostic *d = plan_doc_diagnostic(doc, i);
    size_t line, col;
    plan_diagnostic_position(d, NULL, &line, &col);
    printf("%s:%zu:%zu: %s [%s]\n", argv[1], line, col, plan_diagnostic_message(d),
           plan_diag_code_name(plan_diagnostic_code(d)));
  }
  printf("%zu diagnostics\n", plan_doc_diagnostic_count(doc));
  plan_doc_free(doc);
  return 0;
}
