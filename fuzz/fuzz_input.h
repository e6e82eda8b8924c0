/* fuzz_input.h - what the per-kind fuzz targets share: a parse of the
 * bytes read as one input kind (and encoding), then every renderer, with
 * the invariants every output keeps. */
#ifndef PLAN_FUZZ_INPUT_H
#define PLAN_FUZZ_INPUT_H

#include <stdlib.h>
#include <string.h>

#include "plan.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

/* Parses data as kind/encoding; a parse that succeeds must render, and its
 * spans must lie in the input (DOCX: in the extracted text). */
static inline void fuzz_parse_as(const char *data, size_t size, plan_input kind,
                                 plan_encoding encoding) {
  plan_options o;
  plan_options_init(&o);
  o.input = kind;
  o.encoding = encoding;
  o.max_elements = 1u << 14; /* the limits are part of what is fuzzed */
  plan_doc *doc;
  if (plan_doc_parse(data, size, &o, &doc, NULL) != PLAN_OK) return;
  const plan_text *t = plan_doc_text(doc);
  size_t tlen;
  plan_text_data(t, &tlen);
  for (size_t i = 0; i < plan_doc_assignment_count(doc); i++) {
    const plan_assignment *a = plan_doc_assignment(doc, i);
    for (size_t k = 0; k < plan_assignment_duty_count(a); k++) {
      size_t start, end, line;
      plan_duty_span(plan_assignment_duty(a, k), &start, &end, &line);
      if (start > end || (kind != PLAN_INPUT_DOCX && end > size)) abort();
    }
  }
  char *r;
  if (plan_render_json(doc, &r, NULL, NULL) == PLAN_OK) plan_free(r);
  else abort(); /* rendering fails only out of memory */
  if (plan_render_xml(doc, &r, NULL, NULL) == PLAN_OK) plan_free(r);
  else abort();
  if (plan_render_text(doc, &r, NULL, NULL) == PLAN_OK) {
    for (char *p = r; *p; p++) /* nothing a terminal would act on */
      if ((*p > 0 && *p < 0x20 && *p != '\n' && *p != '\t') || *p == 0x7F) abort();
    plan_free(r);
  } else {
    abort();
  }
  plan_doc_free(doc);
}

#endif
