/* Many plans compared in memory that grows with their duties, not with
 * their pairs: PLAN_COMPARE_NO_PAIRS keeps the duty groups only, and
 * on_pair streams every pair's links (here to standard error as JSON
 * Lines) while it is at hand. */
#include <plan.h>
#include <stdio.h>

static int stream(void *user, const plan_compare *cmp, size_t agency, size_t a, size_t b) {
  size_t *pairs = user;
  char *line;
  size_t n;
  if (plan_render_compare_pair_json(cmp, agency, a, b, &line, &n, NULL) != PLAN_OK) return 1;
  fprintf(stderr, "%s\n", line); /* a file, in a real program */
  plan_free(line);
  ++*pairs;
  return 0; /* nonzero would stop the comparison: PLAN_ECANCELED */
}

int main(int argc, char **argv) {
  plan_doc *docs[64];
  size_t n = 0, pairs = 0;
  plan_error err;
  for (int i = 1; i < argc && n < 64; i++)
    if (plan_doc_parse_file(argv[i], NULL, &docs[n], &err) == PLAN_OK) n++;
  plan_compare_options co;
  plan_compare_options_init(&co);
  co.flags |= PLAN_COMPARE_NO_PAIRS;
  co.on_pair = stream;
  co.user = &pairs;
  plan_compare *cmp;
  if (plan_compare_new((const plan_doc *const *)docs, n, &co, &cmp, &err) != PLAN_OK) {
    fprintf(stderr, "%s\n", err.message);
    for (size_t i = 0; i < n; i++) plan_doc_free(docs[i]);
    return 1;
  }
  printf("%zu pairs streamed; none kept: %zu links between plans 0 and 1\n", pairs,
         plan_compare_link_count(cmp, 0, 0, 1));
  for (size_t a = 0; a < plan_compare_agency_count(cmp); a++) {
    size_t shared = 0;
    for (size_t k = 0; k < plan_compare_group_count(cmp, a); k++) {
      size_t in = 0;
      for (size_t d = 0; d < plan_compare_document_count(cmp); d++)
        in += plan_compare_group_status(cmp, a, k, d) != PLAN_GROUP_ABSENT;
      shared += in > 1;
    }
    printf("%-28s %zu duty groups, %zu shared\n", plan_compare_agency_id(cmp, a),
           plan_compare_group_count(cmp, a), shared);
  }
  char *json; /* the summary: groups with the plans that have them */
  if (plan_render_compare_json(cmp, NULL, &json, NULL, &err) == PLAN_OK) plan_free(json);
  plan_compare_free(cmp); /* before the documents it borrows */
  for (size_t i = 0; i < n; i++) plan_doc_free(docs[i]);
  return 0;
}
