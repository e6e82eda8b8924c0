/* fuzz_text - libFuzzer target: any bytes parsed as text (markdown leftovers
 * and all), UTF-8 with invalid bytes replaced. */
#include "fuzz_input.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size) {
  fuzz_parse_as((const char *)data, size, PLAN_INPUT_MARKDOWN, PLAN_ENCODING_UTF8);
  return 0;
}
