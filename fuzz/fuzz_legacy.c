/* fuzz_legacy - libFuzzer target: any bytes decoded from a legacy encoding
 * (the first byte picks TCVN3, VNI, VIQR or Windows-1258; AUTO detects). */
#include "fuzz_input.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size) {
  if (size == 0) return 0;
  static const plan_encoding encodings[] = {PLAN_ENCODING_TCVN3, PLAN_ENCODING_VNI,
                                            PLAN_ENCODING_VIQR, PLAN_ENCODING_CP1258,
                                            PLAN_ENCODING_AUTO};
  plan_encoding e = encodings[data[0] % (sizeof encodings / sizeof *encodings)];
  fuzz_parse_as((const char *)data + 1, size - 1, PLAN_INPUT_TEXT, e);
  return 0;
}
