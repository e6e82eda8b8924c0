/* fuzz_compare - libFuzzer target: the input split at form feeds into up to
 * four documents, each parsed, then compared and rendered; compared again
 * in two blocks of rows whose parts are merged (the summary); and the whole
 * input given as a part to merge, which must be refused or taken, never
 * crash. */
#include <stdint.h>
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
    plan_compare_options o;
    plan_compare_options_init(&o);
    char *parts[2] = {NULL, NULL};
    for (int k = 0; k < 2; k++) {
      o.rows_from = k ? 1 : 0;
      o.rows_to = k ? SIZE_MAX : 1;
      if (plan_compare_new((const plan_doc *const *)docs, n, &o, &c, NULL) == PLAN_OK) {
        plan_compare_export_groups(c, &parts[k], NULL, NULL);
        plan_compare_free(c);
      }
    }
    plan_compare_options_init(&o);
    o.parts = (const char *const *)parts;
    o.nparts = parts[0] && parts[1] ? 2 : 0;
    if (o.nparts && plan_compare_new((const plan_doc *const *)docs, n, &o, &c, NULL) == PLAN_OK) {
      char *r;
      if (plan_render_compare_text(c, NULL, 0, &r, NULL, NULL) == PLAN_OK) plan_free(r);
      plan_compare_free(c);
    }
    plan_free(parts[0]);
    plan_free(parts[1]);
    char *raw = malloc(size + 1); /* the input itself as a part */
    if (raw) {
      memcpy(raw, data, size);
      raw[size] = '\0';
      const char *one = raw;
      o.parts = &one;
      o.nparts = 1;
      if (plan_compare_new((const plan_doc *const *)docs, n, &o, &c, NULL) == PLAN_OK) plan_compare_free(c);
      free(raw);
    }
  }
  for (size_t i = 0; i < n; i++) plan_doc_free(docs[i]);
  return 0;
}
