/* fuzz_parse - libFuzzer target: any bytes through the whole parse, every
 * renderer, and a walk of the tree, assignments and references. */
#include <stdlib.h>

#include "plan.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size) {
  plan_doc *doc;
  if (plan_doc_parse((const char *)data, size, NULL, &doc, NULL) != PLAN_OK) return 0;
  plan_iter *it;
  if (plan_iter_new(plan_doc_root(doc), &it, NULL) != PLAN_OK) abort();
  while (plan_iter_next(it) != PLAN_EVENT_DONE) {
    size_t start, end, line;
    plan_node_span(plan_iter_node(it), &start, &end, &line);
    if (start > end || end > size) abort();
  }
  plan_iter_free(it);
  for (size_t i = 0; i < plan_doc_assignment_count(doc); i++) {
    const plan_assignment *a = plan_doc_assignment(doc, i);
    for (size_t k = 0; k < plan_assignment_duty_count(a); k++) {
      size_t start, end, line;
      plan_duty_span(plan_assignment_duty(a, k), &start, &end, &line);
      if (start > end || end > size) abort();
    }
  }
  char *r;
  if (plan_render_json(doc, &r, NULL, NULL) == PLAN_OK) plan_free(r);
  if (plan_render_xml(doc, &r, NULL, NULL) == PLAN_OK) plan_free(r);
  if (plan_render_text(doc, &r, NULL, NULL) == PLAN_OK) plan_free(r);
  plan_doc_free(doc);
  return 0;
}
