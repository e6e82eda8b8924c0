/* test_api.c - the public surface through plan.h alone: version, statuses,
 * NULL handling, ownership. */
#include "test_util.h"

static void test_version(void **state) {
  (void)state;
  assert_int_equal(plan_version(), PLAN_VERSION);
  assert_string_equal(plan_version_string(), PLAN_VERSION_STRING);
  char buf[32];
  snprintf(buf, sizeof buf, "%d.%d.%d", PLAN_VERSION_MAJOR, PLAN_VERSION_MINOR,
           PLAN_VERSION_PATCH);
  assert_string_equal(buf, PLAN_VERSION_STRING);
}

/* Every code of the enum, as include/plan.h declares it (read here, not
 * restated), has its own name and message. */
static void test_statuses(void **state) {
  (void)state;
  size_t hlen;
  char *h = read_file("include/plan.h", &hlen);
  assert_non_null(h);
  const char *p = strstr(h, "typedef enum plan_status {"), *end = strstr(h, "} plan_status;");
  assert_true(p && end && p < end);
  size_t n = 0;
  char seen[32][64];
  while ((p = strstr(p, "PLAN_")) && p < end) {
    char name[64];
    int value, used;
    if (sscanf(p, "%63[A-Z0-9_] = %d%n", name, &value, &used) != 2) { p++; continue; }
    assert_string_equal(plan_status_name((plan_status)value), name);
    assert_string_not_equal(plan_strerror((plan_status)value), "unknown status");
    for (size_t k = 0; k < n; k++) assert_string_not_equal(plan_strerror((plan_status)value), seen[k]);
    snprintf(seen[n++], sizeof seen[0], "%s", plan_strerror((plan_status)value));
    p += used;
  }
  assert_true(n >= 10); /* PLAN_OK .. PLAN_EENCODING at least */
  free(h);
  assert_string_equal(plan_strerror((plan_status)-999), "unknown status");
  assert_string_equal(plan_status_name((plan_status)-999), "PLAN_UNKNOWN");
}

static void test_null_handling(void **state) {
  (void)state;
  plan_free(NULL);
  plan_text_free(NULL);
  plan_lexicon_free(NULL);
  assert_status(plan_options_init(NULL), PLAN_EINVAL);
  assert_null(plan_text_data(NULL, NULL));
  assert_int_equal(plan_text_hint_count(NULL), 0);
  assert_null(plan_text_hint(NULL, 0));
  assert_status(plan_text_source(NULL, 0, NULL, NULL, NULL, NULL), PLAN_EINVAL);
  assert_status(plan_lexicon_new(NULL, NULL), PLAN_EINVAL);
  assert_status(plan_lexicon_add_abbreviation(NULL, "A", "b", NULL), PLAN_EINVAL);
  assert_null(plan_lexicon_expand(NULL, "UBND"));
  assert_int_equal(plan_lexicon_abbreviation_count(NULL), 0);
  plan_error e;
  assert_status(plan_lexicon_load_file(NULL, "x", &e), PLAN_EINVAL);
  /* errors without an error struct */
  plan_text *t;
  assert_status(plan_normalize("\xff", 1, NULL, &t, NULL), PLAN_EUTF8);
  char *str = (char *)1;
  assert_status(plan_normalize_string("\xff", 1, NULL, &str, NULL, NULL), PLAN_EUTF8);
  assert_null(str); /* *out is NULL on failure */
}

/* Misuse of the document and comparison calls: NULLs and out-of-range
 * indices give an error or NULL, never a crash. */
static void test_misuse(void **state) {
  (void)state;
  plan_error e;
  plan_doc *doc;
  assert_status(plan_doc_parse("a", 1, NULL, NULL, &e), PLAN_EINVAL);
  assert_true(strlen(e.message) > 0);
  assert_status(plan_doc_parse(NULL, 5, NULL, &doc, &e), PLAN_EINVAL);
  assert_status(plan_doc_parse_file(NULL, NULL, &doc, &e), PLAN_EINVAL);
  assert_null(plan_doc_root(NULL));
  assert_null(plan_doc_meta(NULL, PLAN_META_NUMBER));
  assert_status(plan_doc_parse("1. Một\n", 8, NULL, &doc, &e), PLAN_OK);
  assert_null(plan_doc_meta(doc, (plan_meta)99));
  assert_null(plan_meta_name((plan_meta)-1));
  assert_null(plan_doc_reference(doc, 99));
  assert_null(plan_doc_assignment(doc, 99));
  assert_null(plan_doc_diagnostic(doc, 99));
  assert_null(plan_doc_agency(doc, 99));
  assert_null(plan_doc_non_assignment(doc, 99));
  assert_int_equal(plan_assignment_duty_count(NULL), 0);
  assert_null(plan_assignment_duty(NULL, 0));
  assert_null(plan_duty_text(NULL));
  assert_string_equal(plan_node_kind_name((plan_node_kind)77), "unknown");
  assert_string_equal(plan_marker_name((plan_marker)77), "unknown");
  assert_string_equal(plan_role_name((plan_role)77), "unknown");
  assert_string_equal(plan_link_kind_name((plan_link_kind)77), "unknown");
  char *out = (char *)1;
  assert_status(plan_render_xml(NULL, &out, NULL, &e), PLAN_EINVAL);
  assert_null(out);
  assert_status(plan_render_text(doc, NULL, NULL, &e), PLAN_EINVAL);
  assert_status(plan_render_json(NULL, &out, NULL, NULL), PLAN_EINVAL);
  plan_compare *c = (plan_compare *)1;
  assert_status(plan_compare_new(NULL, 2, NULL, &c, &e), PLAN_EINVAL);
  const plan_doc *one[] = {doc, NULL};
  assert_status(plan_compare_new(one, 2, NULL, &c, &e), PLAN_EINVAL);
  assert_status(plan_compare_new(one, 1, NULL, NULL, &e), PLAN_EINVAL);
  assert_int_equal(plan_compare_link_count(NULL, 0, 0, 1), 0);
  assert_null(plan_compare_link(NULL, 0, 0, 1, 0));
  assert_null(plan_compare_document(NULL, 0));
  plan_diff_step *steps;
  size_t nsteps;
  assert_status(plan_link_diff(NULL, NULL, &steps, &nsteps, NULL), PLAN_EINVAL);
  assert_int_equal(plan_link_duty(NULL, 0, 0), SIZE_MAX);
  assert_status(plan_render_compare_json(NULL, NULL, &out, NULL, &e), PLAN_EINVAL);
  assert_status(plan_render_compare_html(NULL, NULL, &out, NULL, &e), PLAN_EINVAL);
  plan_iter *it = (plan_iter *)1;
  assert_status(plan_iter_new(NULL, &it, &e), PLAN_EINVAL);
  plan_compare_free(NULL);
  plan_iter_free(NULL);
  assert_int_equal(plan_iter_next(NULL), PLAN_EVENT_DONE);
  plan_doc_free(doc);
}

/* An options struct from an older caller (smaller size) still works: the
 * fields it does not know take their defaults. */
static void test_options_size(void **state) {
  (void)state;
  plan_options o;
  plan_options_init(&o);
  o.size = offsetof(plan_options, tone_style);
  o.flags = PLAN_OPT_EXPAND_ABBREVIATIONS;
  o.tone_style = PLAN_TONE_MODERN; /* beyond the declared size: ignored */
  char *r;
  assert_status(plan_normalize_string("UBND hoà", strlen("UBND hoà"), &o, &r, NULL, NULL), PLAN_OK);
  assert_string_equal(r, "Ủy ban nhân dân hòa\n");
  plan_free(r);
}

/* A program built against an older, smaller plan_options: the library
 * writes none of the bytes past it and reads none of them; a zeroed
 * struct, or a size no version had, is refused. */
typedef struct old_options { /* plan_options as an older header declared it */
  size_t size;
  unsigned flags;
  plan_tone_style tone_style;
  size_t max_input_bytes;
  const plan_lexicon *lexicon;
} old_options;

static void test_options_abi(void **state) {
  (void)state;
  union {
    plan_options align;
    unsigned char bytes[sizeof(plan_options) + 16];
  } u;
  memset(u.bytes, 0xAB, sizeof u.bytes);
  old_options *old = (old_options *)u.bytes;
  assert_status(plan_options_init_sized((plan_options *)old, sizeof *old), PLAN_OK);
  for (size_t i = sizeof *old; i < sizeof u.bytes; i++) assert_int_equal(u.bytes[i], 0xAB);
  assert_int_equal(old->size, sizeof *old);
  assert_int_equal(old->max_input_bytes, PLAN_DEFAULT_MAX_INPUT);
  old->flags |= PLAN_OPT_EXPAND_ABBREVIATIONS;
  plan_error e;
  char *r;
  /* the 0xAB bytes after the old struct were not read */
  assert_status(plan_normalize_string("UBND", 4, (const plan_options *)old, &r, NULL, &e), PLAN_OK);
  assert_string_equal(r, "Ủy ban nhân dân\n");
  plan_free(r);
  plan_doc *doc;
  assert_status(plan_doc_parse("1. Một\n", 8, (const plan_options *)old, &doc, &e), PLAN_OK);
  plan_doc_free(doc);

  plan_options zero;
  memset(&zero, 0, sizeof zero);
  plan_text *t;
  assert_status(plan_normalize("a", 1, &zero, &t, &e), PLAN_EINVAL);
  assert_non_null(strstr(e.message, "plan_options_init"));
  assert_status(plan_doc_parse("a", 1, &zero, &doc, &e), PLAN_EINVAL);
  plan_options o;
  assert_status(plan_options_init_sized(&o, 0), PLAN_EINVAL);
  assert_status(plan_options_init_sized(&o, sizeof o + 8), PLAN_EINVAL);
  assert_status(plan_options_init_sized(&o, offsetof(plan_options, flags) + 2), PLAN_EINVAL);
  assert_status(plan_options_init(&o), PLAN_OK);
  o.size = sizeof o + 8; /* a newer header's struct than this library knows */
  assert_status(plan_doc_parse("a", 1, &o, &doc, &e), PLAN_EINVAL);
  assert_non_null(strstr(e.message, "no version"));

  plan_compare_options co, czero;
  assert_status(plan_compare_options_init_sized(&co, 0), PLAN_EINVAL);
  assert_status(plan_compare_options_init(&co), PLAN_OK);
  memset(&czero, 0, sizeof czero);
  assert_status(plan_doc_parse("1. Một\n", 8, NULL, &doc, &e), PLAN_OK);
  plan_doc *doc2;
  assert_status(plan_doc_parse("1. Hai\n", 7, NULL, &doc2, &e), PLAN_OK);
  const plan_doc *two[] = {doc, doc2};
  plan_compare *c;
  assert_status(plan_compare_new(two, 2, &czero, &c, &e), PLAN_EINVAL);
  assert_status(plan_compare_new(two, 2, &co, &c, &e), PLAN_OK);
  plan_compare_free(c);
  plan_doc_free(doc2);
  plan_doc_free(doc);
}

/* The default lexicon is built once: parsing, keys and normalization with
 * NULL options (HTML tables included, whose header cells once built one
 * each) build no other. */
size_t plan__lexicon_builds(void); /* lib/lexicon: lexicons built so far */

static void test_default_lexicon_once(void **state) {
  (void)state;
  const char *s = "KẾ HOẠCH\n1. Sở Y tế chủ trì, UBND các huyện phối hợp\n";
  plan_doc *doc;
  plan_error e;
  assert_status(plan_doc_parse(s, strlen(s), NULL, &doc, &e), PLAN_OK);
  plan_doc_free(doc);
  size_t before = plan__lexicon_builds();
  test_buf html = {0};
  test_put(&html, "<html><body><p>KẾ HOẠCH</p>");
  for (int i = 0; i < 20; i++)
    test_put(&html, "<table><tr><td>Nội dung</td><td>Cơ quan chủ trì</td></tr>"
                    "<tr><td>Tuyên truyền</td><td>Sở Y tế</td></tr></table>");
  test_put(&html, "</body></html>");
  for (int i = 0; i < 3; i++) {
    assert_status(plan_doc_parse(s, strlen(s), NULL, &doc, &e), PLAN_OK);
    plan_doc_free(doc);
    assert_status(plan_doc_parse(html.data, html.len, NULL, &doc, &e), PLAN_OK);
    plan_doc_free(doc);
    char *k;
    assert_status(plan_key("UBND tỉnh", strlen("UBND tỉnh"), NULL, &k, NULL, &e), PLAN_OK);
    assert_string_equal(k, "uy ban nhan dan tinh");
    plan_free(k);
  }
  assert_int_equal(plan__lexicon_builds(), before);
  free(html.data);
}

/* Two threads' worth of objects are independent: the same lexicon serves
 * several normalizations (a smoke test; the thread test lives with issue 7). */
static void test_shared_lexicon(void **state) {
  (void)state;
  plan_lexicon *lex;
  assert_status(plan_lexicon_new(&lex, NULL), PLAN_OK);
  plan_options o;
  plan_options_init(&o);
  o.lexicon = lex;
  o.flags = PLAN_OPT_EXPAND_ABBREVIATIONS;
  for (int i = 0; i < 100; i++) {
    char *r;
    assert_status(plan_normalize_string("HĐND", strlen("HĐND"), &o, &r, NULL, NULL), PLAN_OK);
    assert_string_equal(r, "Hội đồng nhân dân\n");
    plan_free(r);
  }
  plan_lexicon_free(lex);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_version),
      cmocka_unit_test(test_statuses),
      cmocka_unit_test(test_null_handling),
      cmocka_unit_test(test_misuse),
      cmocka_unit_test(test_options_size),
      cmocka_unit_test(test_options_abi),
      cmocka_unit_test(test_default_lexicon_once),
      cmocka_unit_test(test_shared_lexicon),
  };
  return cmocka_run_group_tests_name("api", tests, NULL, NULL);
}
