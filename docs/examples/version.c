/* The header a program was built with against the library it runs with. */
#include <plan.h>
#include <stdio.h>

int main(void) {
  printf("built with %s, running %s\n", PLAN_VERSION_STRING, plan_version_string());
  return plan_version() / 10000 == PLAN_VERSION_MAJOR ? 0 : 1;
}
