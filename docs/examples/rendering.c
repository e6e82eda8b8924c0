/* A document as JSON (the same call shape gives XML and text). */
#include <plan.h>
#include <stdio.h>

int main(int argc, char **argv) {
  if (argc < 2) return 2;
  plan_doc *doc;
  plan_error err;
  if (plan_doc_parse_file(argv[1], NULL, &doc, &err) != PLAN_OK) return 1;
  char *json;
  size_t n;
  plan_status st = plan_render_json(doc, &json, &n, &err);
  if (st == PLAN_OK) {
    fwrite(json, 1, n, stdout);
    plan_free(json);
  } else {
    fprintf(stderr, "%s\n", err.message);
  }
  plan_doc_free(doc);
  return st == PLAN_OK ? 0 : 1;
}
