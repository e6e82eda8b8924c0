/* test_growth - every stage linear (or n log n) in its input: each shape of
 * tests/shapes.h parsed at size n and 8n, the CPU time of the larger at
 * most 8 x 1.5 times the smaller's (the best of three runs each, sizes
 * that finish in well under a second). */
#include <time.h>

#include "shapes.h"
#include "test_util.h"

typedef void (*shape_fn)(shape_buf *b, size_t n);

static double cpu_now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* The best of three parses of shape at size n, in seconds. */
static double parse_time(shape_fn shape, size_t n, const plan_options *o) {
  shape_buf b = {0};
  shape(&b, n);
  double best = 1e9;
  for (int r = 0; r < 3; r++) {
    double t0 = cpu_now();
    plan_doc *doc;
    plan_error e;
    plan_status st = plan_doc_parse(b.data, b.len, o, &doc, &e);
    if (st != PLAN_OK) fail_msg("shape at %zu: %s", n, e.message);
    char *json;
    if (plan_render_json(doc, &json, NULL, &e) != PLAN_OK) fail_msg("render: %s", e.message);
    plan_free(json);
    plan_doc_free(doc);
    double t = cpu_now() - t0;
    if (t < best) best = t;
  }
  free(b.data);
  return best;
}

static void grows_linearly(const char *name, shape_fn shape, size_t n) {
  parse_time(shape, n / 8 + 1, NULL); /* warm: the default lexicon, caches */
  double small = parse_time(shape, n, NULL), big = parse_time(shape, 8 * n, NULL);
  double ratio = big / (small > 1e-5 ? small : 1e-5);
  print_message("%-20s n=%-7zu %8.4f s  8n %8.4f s  ratio %5.1f\n", name, n, small, big, ratio);
  if (ratio > 8 * 1.5) fail_msg("%s grows superlinearly: %.1fx time for 8x input", name, ratio);
}

#define GROWTH(shape, n)                                   \
  static void test_##shape(void **state) {                 \
    (void)state;                                           \
    grows_linearly(#shape, shape_##shape, n);              \
  }
GROWTH(slash_run, 2000)
GROWTH(many_references, 1000)
GROWTH(many_national, 300)
GROWTH(agency_list, 2000)
GROWTH(many_items, 300)
GROWTH(long_paragraph, 50000)
GROWTH(deep_outline, 500)
GROWTH(text_table, 300)
GROWTH(html_tables, 200)
GROWTH(html_attribute_tags, 20)

/* A DOCX shape: its parts zipped, then parsed as any input. */
typedef void (*docx_fn)(shape_docx *d, size_t n);

static double docx_time(docx_fn shape, size_t n) {
  shape_docx d = {{0}, {0}, {0}};
  shape(&d, n);
  const char *names[3];
  const char *data[3];
  size_t len[3], k = 0;
  const shape_buf *parts[3] = {&d.document, &d.numbering, &d.styles};
  const char *part_names[3] = {"word/document.xml", "word/numbering.xml", "word/styles.xml"};
  for (int i = 0; i < 3; i++)
    if (parts[i]->len) {
      names[k] = part_names[i];
      data[k] = parts[i]->data;
      len[k++] = parts[i]->len;
    }
  size_t zlen;
  char *zip = make_zip(names, data, len, k, &zlen);
  double best = 1e9;
  for (int r = 0; r < 3; r++) {
    double t0 = cpu_now();
    plan_doc *doc;
    plan_error e;
    if (plan_doc_parse(zip, zlen, NULL, &doc, &e) != PLAN_OK) fail_msg("docx at %zu: %s", n, e.message);
    plan_doc_free(doc);
    double t = cpu_now() - t0;
    if (t < best) best = t;
  }
  free(zip);
  free(d.document.data);
  free(d.numbering.data);
  free(d.styles.data);
  return best;
}

static void docx_grows_linearly(const char *name, docx_fn shape, size_t n) {
  docx_time(shape, n / 8 + 1);
  double small = docx_time(shape, n), big = docx_time(shape, 8 * n);
  double ratio = big / (small > 1e-5 ? small : 1e-5);
  print_message("%-20s n=%-7zu %8.4f s  8n %8.4f s  ratio %5.1f\n", name, n, small, big, ratio);
  if (ratio > 8 * 1.5) fail_msg("%s grows superlinearly: %.1fx time for 8x input", name, ratio);
}

static void test_docx_lists(void **state) {
  (void)state;
  docx_grows_linearly("docx_lists", shape_docx_lists, 400);
}

static void test_docx_styles(void **state) {
  (void)state;
  docx_grows_linearly("docx_styles", shape_docx_styles, 400);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_slash_run),       cmocka_unit_test(test_many_references),
      cmocka_unit_test(test_many_national),
      cmocka_unit_test(test_agency_list),     cmocka_unit_test(test_many_items),
      cmocka_unit_test(test_long_paragraph),  cmocka_unit_test(test_deep_outline),
      cmocka_unit_test(test_text_table),      cmocka_unit_test(test_html_tables),
      cmocka_unit_test(test_html_attribute_tags),
      cmocka_unit_test(test_docx_lists),      cmocka_unit_test(test_docx_styles),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
