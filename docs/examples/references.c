/* The documents a plan cites, and the national ones it carries out. */
#include <plan.h>
#include <stdio.h>

int main(int argc, char **argv) {
  if (argc < 2) return 2;
  plan_doc *doc;
  plan_error err;
  if (plan_doc_parse_file(argv[1], NULL, &doc, &err) != PLAN_OK) return 1;
  for (size_t i = 0; i < plan_doc_reference_count(doc); i++) {
    const plan_reference *r = plan_doc_reference(doc, i);
    size_t line;
    plan_reference_position(r, NULL, &line);
    printf("line %zu: %s %s (%zu mentions)\n", line, plan_reference_kind(r) ? plan_reference_kind(r) : "",
           plan_reference_number(r), plan_reference_count(r));
  }
  for (size_t i = 0; i < plan_doc_implements_count(doc); i++)
    printf("carries out %s\n", plan_reference_number(plan_doc_implements(doc, i)));
  plan_doc_free(doc);
  return 0;
}
