/* Two or more plans compared: each agency's duty counts, one duty across
 * all the plans (an N-way group), a link's diff, and the CSV report. */
#include <plan.h>
#include <stdio.h>

int main(int argc, char **argv) {
  if (argc < 3) return 2;
  plan_doc *docs[16];
  size_t n = 0;
  plan_error err;
  for (int i = 1; i < argc && n < 16; i++)
    if (plan_doc_parse_file(argv[i], NULL, &docs[n], &err) == PLAN_OK) n++;
  plan_compare_options co;
  plan_compare_options_init(&co);
  co.flags |= PLAN_COMPARE_EXCLUDE_COLLECTIVE;
  plan_compare *cmp;
  if (plan_compare_new((const plan_doc *const *)docs, n, &co, &cmp, &err) != PLAN_OK) {
    fprintf(stderr, "%s\n", err.message);
    return 1;
  }
  for (size_t a = 0; a < plan_compare_agency_count(cmp); a++) {
    printf("%-28s", plan_compare_agency_id(cmp, a));
    for (size_t d = 0; d < plan_compare_document_count(cmp); d++)
      printf(" %3zu", plan_compare_duty_count(cmp, a, d));
    printf("\n");
  }
  if (plan_compare_agency_count(cmp) && plan_compare_group_count(cmp, 0)) {
    size_t rep = plan_compare_group_representative(cmp, 0, 0);
    printf("%s, group 1: %.50s\n", plan_compare_agency_id(cmp, 0),
           plan_duty_text(plan_compare_group_duty(cmp, 0, 0, rep)));
    for (size_t d = 0; d < plan_compare_document_count(cmp); d++)
      printf("  in %s: %s\n", plan_doc_meta(plan_compare_document(cmp, d), PLAN_META_PROVINCE),
             plan_group_status_name(plan_compare_group_status(cmp, 0, 0, d)));
  }
  if (plan_compare_agency_count(cmp) && plan_compare_link_count(cmp, 0, 0, 1)) {
    const plan_link *l = plan_compare_link(cmp, 0, 0, 1, 0);
    plan_diff_step *steps;
    size_t nsteps;
    if (plan_link_diff(cmp, l, &steps, &nsteps, &err) == PLAN_OK) {
      printf("first link: %s, %zu diff steps\n", plan_link_kind_name(plan_link_kind_of(l)), nsteps);
      plan_free(steps);
    }
  }
  char *csv;
  if (plan_render_compare_csv(cmp, NULL, &csv, NULL, &err) == PLAN_OK) {
    fputs(csv, stdout);
    plan_free(csv);
  }
  plan_compare_free(cmp); /* before the documents it borrows */
  for (size_t i = 0; i < n; i++) plan_doc_free(docs[i]);
  return 0;
}
