/* A failing call: its status, and where and why in the plan_error. */
#include <plan.h>
#include <stdio.h>

int main(void) {
  const char in[] = "Kế hoạch\xff"; /* 12 bytes of UTF-8, then one that is none */
  plan_text *text;
  plan_error err;
  plan_status st = plan_normalize(in, sizeof in - 1, NULL, &text, &err);
  if (st != PLAN_OK) /* here PLAN_EUTF8: line 1, column 13 */
    printf("%s (%s) at line %zu, column %zu: %s\n", plan_status_name(st), plan_strerror(st),
           err.line, err.column, err.message);
  return st == PLAN_EUTF8 ? 0 : 1;
}
