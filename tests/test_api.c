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

static void test_statuses(void **state) {
  (void)state;
  const plan_status all[] = {PLAN_OK, PLAN_EINVAL, PLAN_ENOMEM, PLAN_EUTF8, PLAN_ENUL,
                             PLAN_ELIMIT, PLAN_EFORMAT, PLAN_EIO, PLAN_EEMPTY};
  for (size_t i = 0; i < sizeof all / sizeof *all; i++) {
    assert_true(strncmp(plan_status_name(all[i]), "PLAN_", 5) == 0);
    assert_string_not_equal(plan_strerror(all[i]), "unknown status");
    for (size_t j = 0; j < i; j++) {
      assert_int_not_equal(all[i], all[j]);
      assert_string_not_equal(plan_strerror(all[i]), plan_strerror(all[j]));
    }
  }
  assert_string_equal(plan_strerror((plan_status)-999), "unknown status");
  assert_string_equal(plan_status_name((plan_status)-999), "PLAN_UNKNOWN");
}

static void test_null_handling(void **state) {
  (void)state;
  plan_free(NULL);
  plan_text_free(NULL);
  plan_lexicon_free(NULL);
  plan_options_init(NULL);
  assert_null(plan_text_data(NULL, NULL));
  assert_int_equal(plan_text_hint_count(NULL), 0);
  assert_null(plan_text_hint(NULL, 0));
  assert_status(plan_text_source(NULL, 0, NULL, NULL, NULL), PLAN_EINVAL);
  assert_status(plan_lexicon_new(NULL), PLAN_EINVAL);
  assert_status(plan_lexicon_add_abbreviation(NULL, "A", "b"), PLAN_EINVAL);
  assert_null(plan_lexicon_expand(NULL, "UBND"));
  assert_int_equal(plan_lexicon_abbreviation_count(NULL), 0);
  plan_error e;
  assert_status(plan_lexicon_load_file(NULL, "x", &e), PLAN_EINVAL);
  /* errors without an error struct */
  plan_text *t;
  assert_status(plan_normalize("\xff", 1, NULL, &t, NULL), PLAN_EUTF8);
  assert_null(plan_normalize_string("\xff", 1, NULL, NULL, NULL));
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
  assert_null(plan_render_xml(NULL, NULL));
  assert_null(plan_render_text(NULL, NULL));
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
  assert_status(plan_link_diff(NULL, NULL, &steps, &nsteps), PLAN_EINVAL);
  assert_int_equal(plan_link_duty(NULL, 0, 0), SIZE_MAX);
  assert_null(plan_render_compare_json(NULL, NULL, NULL));
  assert_null(plan_render_compare_html(NULL, NULL, NULL));
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
  char *r = plan_normalize_string("UBND hoà", strlen("UBND hoà"), &o, NULL, NULL);
  assert_string_equal(r, "Ủy ban nhân dân hòa\n");
  plan_free(r);
}

/* Two threads' worth of objects are independent: the same lexicon serves
 * several normalizations (a smoke test; the thread test lives with issue 7). */
static void test_shared_lexicon(void **state) {
  (void)state;
  plan_lexicon *lex;
  assert_status(plan_lexicon_new(&lex), PLAN_OK);
  plan_options o;
  plan_options_init(&o);
  o.lexicon = lex;
  o.flags = PLAN_OPT_EXPAND_ABBREVIATIONS;
  for (int i = 0; i < 100; i++) {
    char *r = plan_normalize_string("HĐND", strlen("HĐND"), &o, NULL, NULL);
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
      cmocka_unit_test(test_shared_lexicon),
  };
  return cmocka_run_group_tests_name("api", tests, NULL, NULL);
}
