/* fuzz_compare - libFuzzer target: the input split at form feeds into up to
 * four documents, each parsed, then compared and rendered. */
#include <stdlib.h>
#include <string.h>

#include "plan.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size) {
  plan_doc *docs[4];
  size_t n = 0, start = 0;
  for (size_t i = 0; i <= size && n < 4; i++) {
    if (i < size && data[i] != '\f') continue;
    if (plan_doc_parse((const char *)data + start, i - start, NULL, &docs[n], NULL) == PLAN_OK) n++;
    start = i + 1;
  }
  if (n >= 2) {
    plan_compare *c;
    if (plan_compare_new((const plan_doc *const *)docs, n, NULL, &c, NULL) == PLAN_OK) {
      char *r;
      if (plan_render_compare_json(c, NULL, &r, NULL, NULL) == PLAN_OK) plan_free(r);
      if (plan_render_compare_csv(c, NULL, &r, NULL, NULL) == PLAN_OK) plan_free(r);
      if (plan_render_compare_html(c, NULL, &r, NULL, NULL) == PLAN_OK) plan_free(r);
      if (plan_render_compare_text(c, NULL, PLAN_RENDER_COLOR, &r, NULL, NULL) == PLAN_OK)
        plan_free(r);
      plan_compare_free(c);
    }
  }
  for (size_t i = 0; i < n; i++) plan_doc_free(docs[i]);
  return 0;
}
