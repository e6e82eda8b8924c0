/* Options: always through plan_options_init(), then the fields wanted. */
#include <plan.h>
#include <stdio.h>
#include <string.h>

int main(void) {
  plan_options o;
  plan_options_init(&o); /* passes this program's sizeof(plan_options) */
  o.tone_style = PLAN_TONE_MODERN;
  o.max_input_bytes = 1 << 20;
  plan_input kind;
  plan_error err;
  if (plan_input_from_name("markdown", &kind, &err) != PLAN_OK) return 1;
  o.input = kind;
  const char *in = "**Hòa** giải";
  char *out;
  if (plan_normalize_string(in, strlen(in), &o, &out, NULL, &err) != PLAN_OK) return 1;
  printf("%s", out); /* Hoà giải */
  plan_free(out);
  return 0;
}
