/* fuzz_html - libFuzzer target: any bytes parsed as an HTML page (libxml2's
 * SAX parser, tables, emphasis, the markup limits). */
#include "fuzz_input.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size) {
  fuzz_parse_as((const char *)data, size, PLAN_INPUT_HTML, PLAN_ENCODING_UTF8);
  return 0;
}
