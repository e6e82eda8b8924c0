/* test_growth - every stage linear (or n log n) in its input: each shape of
 * tests/shapes.h parsed and rendered at size n and 8n, the CPU time of the
 * larger at most 8 x 1.5 times the smaller's (each the best of five runs
 * of as many repetitions as make the smaller last 20 ms). */
#include <time.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "shapes.h"
#include "test_util.h"

typedef void (*shape_fn)(shape_buf *b, size_t n);
typedef struct shape_docx shape_docx;
typedef void (*docx_fn)(shape_docx *d, size_t n);

static double cpu_now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* One input, made once, parsed and rendered as often as asked. */
static void parse_render(const char *data, size_t len) {
  plan_doc *doc;
  plan_error e;
  if (plan_doc_parse(data, len, NULL, &doc, &e) != PLAN_OK) fail_msg("shape: %s", e.message);
  char *json;
  if (plan_render_json(doc, &json, NULL, &e) != PLAN_OK) fail_msg("render: %s", e.message);
  plan_free(json);
  plan_doc_free(doc);
}

/* CPU seconds for reps parses of the input, the best of five such runs. */
static double time_reps(const char *data, size_t len, int reps) {
  double best = 1e9;
  for (int r = 0; r < 5; r++) {
    double t0 = cpu_now();
    for (int k = 0; k < reps; k++) parse_render(data, len);
    double t = cpu_now() - t0;
    if (t < best) best = t;
  }
  return best;
}

/* Times the input of size n and the one of size 8n the same number of
 * times, that number chosen so the smaller takes 20 ms at least: the
 * clock's grain and the machine's noise stay small beside it, and the
 * sizes stay small enough that the caches do not change between them. */
static void compare_sizes(const char *name, size_t n, const char *a, size_t alen, const char *b,
                          size_t blen) {
  parse_render(a, alen); /* warm: the default lexicon, the allocator */
  int reps = 1;
  double small;
  while ((small = time_reps(a, alen, reps)) < 0.02 && reps < 4096) reps *= 2;
  /* a superlinear path exceeds the bound every time; a busy machine only
   * now and then: three tries, the best counts */
  double ratio = 1e9;
  for (int attempt = 0; attempt < 3 && ratio > 8 * 1.5; attempt++) {
    if (attempt) small = time_reps(a, alen, reps);
    double big = time_reps(b, blen, reps), r = big / (small > 1e-6 ? small : 1e-6);
    print_message("%-20s n=%-6zu x%-4d %8.4f s  8n %8.4f s  ratio %5.1f\n", name, n, reps, small,
                  big, r);
    if (r < ratio) ratio = r;
  }
  if (ratio > 8 * 1.5) fail_msg("%s grows superlinearly: %.1fx time for 8x input", name, ratio);
}

static void grows_linearly(const char *name, shape_fn shape, size_t n) {
  shape_buf a = {0}, b = {0};
  shape(&a, n);
  shape(&b, 8 * n);
  compare_sizes(name, n, a.data, a.len, b.data, b.len);
  free(a.data);
  free(b.data);
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
GROWTH(many_items, 100)
GROWTH(unknown_agencies, 200)
GROWTH(long_paragraph, 50000)
GROWTH(upper_lines, 20000)
GROWTH(inline_items, 5000)
GROWTH(plural_heads, 20000)
GROWTH(deep_outline, 500)
GROWTH(text_table, 300)
GROWTH(cell_table, 300)
GROWTH(elided_lists, 300)
GROWTH(html_tables, 200)
GROWTH(html_attribute_tags, 20)

/* A DOCX shape: its parts zipped, then parsed as any input. */
static char *docx_of(docx_fn shape, size_t n, size_t *zlen) {
  shape_docx d = {{0}, {0}, {0}};
  shape(&d, n);
  const char *names[3], *data[3];
  size_t len[3], k = 0;
  const shape_buf *parts[3] = {&d.document, &d.numbering, &d.styles};
  const char *part_names[3] = {"word/document.xml", "word/numbering.xml", "word/styles.xml"};
  for (int i = 0; i < 3; i++)
    if (parts[i]->len) {
      names[k] = part_names[i];
      data[k] = parts[i]->data;
      len[k++] = parts[i]->len;
    }
  char *zip = make_zip(names, data, len, k, zlen);
  free(d.document.data);
  free(d.numbering.data);
  free(d.styles.data);
  return zip;
}

static void docx_grows_linearly(const char *name, docx_fn shape, size_t n) {
  size_t alen, blen;
  char *a = docx_of(shape, n, &alen), *b = docx_of(shape, 8 * n, &blen);
  compare_sizes(name, n, a, alen, b, blen);
  free(a);
  free(b);
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
#ifdef __GLIBC__
  /* glibc maps a large block afresh for each parse and unmaps it at free,
   * and trims the heap's top: the larger input then pays page faults on
   * every run that the smaller, served from the heap, never does (on a
   * VM, 14 times the time for 8 times the input where the parse is
   * linear).  Blocks from the heap, kept, time the parse alone. */
  mallopt(M_MMAP_THRESHOLD, 32 << 20);
  mallopt(M_TRIM_THRESHOLD, 1 << 30);
#endif
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_slash_run),       cmocka_unit_test(test_many_references),
      cmocka_unit_test(test_many_national),
      cmocka_unit_test(test_agency_list),     cmocka_unit_test(test_many_items),
      cmocka_unit_test(test_unknown_agencies),
      cmocka_unit_test(test_long_paragraph),  cmocka_unit_test(test_upper_lines),
      cmocka_unit_test(test_inline_items),
      cmocka_unit_test(test_plural_heads),
      cmocka_unit_test(test_deep_outline),
      cmocka_unit_test(test_text_table),      cmocka_unit_test(test_cell_table),
      cmocka_unit_test(test_elided_lists),
      cmocka_unit_test(test_html_tables),
      cmocka_unit_test(test_html_attribute_tags),
      cmocka_unit_test(test_docx_lists),      cmocka_unit_test(test_docx_styles),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
