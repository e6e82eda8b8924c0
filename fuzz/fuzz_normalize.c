/* fuzz_normalize - libFuzzer target: any bytes through the normalizer, in
 * every style and with every flag; the result must be idempotent. */
#include <stdlib.h>
#include <string.h>

#include "plan.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size) {
  plan_options o;
  plan_options_init(&o);
  unsigned pick = size ? data[0] : 0;
  o.tone_style = (plan_tone_style)(pick % 3);
  o.flags = (pick >> 2) & (PLAN_OPT_REPLACE_INVALID | PLAN_OPT_EXPAND_ABBREVIATIONS | PLAN_OPT_KEEP_MARKUP);
  plan_text *t;
  plan_error e;
  if (plan_normalize((const char *)data, size, &o, &t, &e) != PLAN_OK) return 0;
  size_t n;
  const char *s = plan_text_data(t, &n);
  for (size_t i = 0; i < plan_text_hint_count(t); i++) {
    const plan_hint *h = plan_text_hint(t, i);
    if (h->start > h->end || h->end > n) abort();
  }
  for (size_t off = 0; off <= n; off += n / 7 + 1) {
    size_t in, line, col;
    plan_text_source(t, off, &in, &line, &col, NULL);
    if (in > size || line == 0 || col == 0) abort();
  }
  /* the output is UTF-8 text: read as such, it must come back unchanged
   * (read by content, a text whose markup came off may now open like an
   * HTML page, or be pure ASCII that reads as VIQR) */
  o.flags &= ~PLAN_OPT_REPLACE_INVALID;
  o.input = PLAN_INPUT_TEXT;
  o.encoding = PLAN_ENCODING_UTF8;
  char *again;
  if (plan_normalize_string(s, n, &o, &again, NULL, NULL) != PLAN_OK || strcmp(again, s) != 0)
    abort(); /* idempotent */
  plan_free(again);
  plan_text_free(t);
  return 0;
}
