/* Who is asked to do what: agency items, their agencies and duties. */
#include <plan.h>
#include <stdio.h>

int main(int argc, char **argv) {
  if (argc < 2) return 2;
  plan_doc *doc;
  plan_error err;
  if (plan_doc_parse_file(argv[1], NULL, &doc, &err) != PLAN_OK) return 1;
  for (size_t i = 0; i < plan_doc_assignment_count(doc); i++) {
    const plan_assignment *a = plan_doc_assignment(doc, i);
    printf("%s %s\n", plan_assignment_label(a), plan_assignment_heading(a));
    for (size_t k = 0; k < plan_assignment_agency_count(a); k++) {
      const plan_mention *m = plan_assignment_agency(a, k);
      printf("  agency %s (%s)\n", plan_agency_id(plan_mention_agency(m)),
             plan_role_name(plan_mention_role(m)));
    }
    for (size_t k = 0; k < plan_assignment_duty_count(a); k++) {
      const plan_duty *d = plan_assignment_duty(a, k);
      size_t line;
      plan_duty_span(d, NULL, NULL, &line);
      printf("  line %zu: %.60s%s\n", line, plan_duty_text(d),
             plan_duty_deadline(d) ? " (with a deadline)" : "");
    }
  }
  plan_doc_free(doc);
  return 0;
}
