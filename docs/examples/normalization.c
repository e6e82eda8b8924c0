/* Normalized text, its hints, and a position mapped back to the input. */
#include <plan.h>
#include <stdio.h>
#include <string.h>

int main(void) {
  const char *in = "# KẾ HOẠCH\n\nThực hiện  Quyết định số 1472/QĐ-TTg\n";
  plan_text *t;
  plan_error err;
  if (plan_normalize(in, strlen(in), NULL, &t, &err) != PLAN_OK) {
    fprintf(stderr, "%s\n", err.message);
    return 1;
  }
  size_t n;
  const char *s = plan_text_data(t, &n);
  fwrite(s, 1, n, stdout);
  for (size_t i = 0; i < plan_text_hint_count(t); i++)
    printf("hint %d at [%zu, %zu)\n", (int)plan_text_hint(t, i)->kind, plan_text_hint(t, i)->start,
           plan_text_hint(t, i)->end);
  size_t at = (size_t)(strstr(s, "1472") - s), in_off, line, col;
  if (plan_text_source(t, at, &in_off, &line, &col, &err) != PLAN_OK) return 1;
  printf("\"1472\" came from byte %zu, line %zu, column %zu\n", in_off, line, col);
  char *key;
  if (plan_key("Sở LĐ-TB&XH", strlen("Sở LĐ-TB&XH"), NULL, &key, NULL, &err) != PLAN_OK) return 1;
  printf("key: %s\n", key);
  plan_free(key);
  plan_text_free(t);
  return 0;
}
