/* Plans grouped by the national documents they carry out. */
#include <plan.h>
#include <stdio.h>

int main(int argc, char **argv) {
  plan_groups *g;
  plan_error err;
  if (plan_groups_new(&g, &err) != PLAN_OK) return 1;
  for (int i = 1; i < argc; i++) {
    plan_doc *doc;
    if (plan_doc_parse_file(argv[i], NULL, &doc, &err) != PLAN_OK) continue;
    plan_status st = plan_groups_add_doc(g, doc, NULL, &err); /* keeps the numbers only */
    plan_doc_free(doc);
    if (st != PLAN_OK) return 1;
  }
  const char *nums[] = {"1472/QĐ-TTg"}; /* a plan known by its numbers alone */
  if (plan_groups_add(g, nums, 1, NULL, &err) != PLAN_OK) return 1;
  if (plan_groups_finish(g, &err) != PLAN_OK) return 1;
  for (size_t k = 0; k < plan_groups_count(g); k++)
    printf("%s: %zu plans (%s)\n", plan_groups_key(g, k), plan_groups_size(g, k),
           plan_groups_cites(g, k));
  plan_groups_free(g);
  return 0;
}
