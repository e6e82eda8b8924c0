/* test_badinput.c - hostile and broken input: every class of invalid UTF-8,
 * NUL bytes, a 10 MB line, 100,000 items, deep numbering, white space or
 * markup only, legacy 8-bit encodings presented as UTF-8, and documents
 * parsed and compared from two threads at once.  Each gives a clear error
 * or a sane document; the sanitizer and valgrind runs prove no crash or
 * leak. */
#include <pthread.h>

#include "test_util.h"

static void expect_parse_error(const char *in, size_t len, plan_status want, size_t offset) {
  plan_doc *doc = (plan_doc *)1;
  plan_error e;
  plan_status st = plan_doc_parse(in, len, NULL, &doc, &e);
  if (st != want)
    fail_msg("status %s (%s), want %s", plan_status_name(st), e.message, plan_status_name(want));
  assert_null(doc);
  assert_int_equal(e.offset, offset);
  assert_true(e.line >= 1 && strlen(e.message) > 0);
}

static plan_doc *parse_ok_quiet(const char *s, size_t n) {
  plan_doc *doc = NULL;
  plan_error e;
  if (plan_doc_parse(s, n, NULL, &doc, &e) != PLAN_OK) fail_msg("%s", e.message);
  return doc;
}

static void test_invalid_utf8_classes(void **state) {
  (void)state;
  static const struct { const char *bytes; size_t len, offset; } cases[] = {
      {"ok \xc0\x80", 5, 3},             /* overlong NUL */
      {"ok \xc1\xbf", 5, 3},             /* overlong 2-byte */
      {"ok \xe0\x80\xaf", 6, 3},         /* overlong 3-byte */
      {"ok \xf0\x80\x80\xaf", 7, 3},     /* overlong 4-byte */
      {"ok \xed\xa0\x80", 6, 3},         /* high surrogate */
      {"ok \xed\xbf\xbf", 6, 3},         /* low surrogate */
      {"ok \xf4\x90\x80\x80", 7, 3},     /* above U+10FFFF */
      {"ok \xf5\x80\x80\x80", 7, 3},     /* invalid lead byte */
      {"ok \xff", 4, 3},                 /* never valid */
      {"ok \x80", 4, 3},                 /* lone continuation */
      {"ok \xe1\xbb", 5, 3},             /* truncated at the end */
      {"ok \xe1\x41\x42", 6, 3},         /* truncated inside */
  };
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
    expect_parse_error(cases[i].bytes, cases[i].len, PLAN_EUTF8, cases[i].offset);
  expect_parse_error("ab\0cd", 5, PLAN_ENUL, 2);
}

/* Windows-1258 and TCVN3 bytes handed over as if they were UTF-8.  Told
 * to read UTF-8, the library fails at the first bad byte; left to detect,
 * too little Vietnamese to go on is the same UTF-8 error (no guess), and
 * a real TCVN3 sentence is read as TCVN3 (test_input.c checks the
 * detection on whole documents). */
static void expect_error_with(const char *in, size_t len, plan_encoding enc, plan_status want,
                              size_t offset) {
  plan_options o;
  plan_options_init(&o);
  o.encoding = enc;
  plan_doc *doc = (plan_doc *)1;
  plan_error e;
  plan_status st = plan_doc_parse(in, len, &o, &doc, &e);
  if (st != want)
    fail_msg("status %s (%s), want %s", plan_status_name(st), e.message, plan_status_name(want));
  assert_null(doc);
  assert_int_equal(e.offset, offset);
}

static void test_legacy_encodings(void **state) {
  (void)state;
  static const char cp1258[] = "K\xea ho\xb8\x63h";          /* "Kê hoạch"-ish in CP1258 */
  static const char tcvn3[] = "\xa4\xde y ban nh\xa9n d\xa9n"; /* TCVN3 letters */
  expect_error_with(cp1258, sizeof cp1258 - 1, PLAN_ENCODING_UTF8, PLAN_EUTF8, 1);
  expect_error_with(tcvn3, sizeof tcvn3 - 1, PLAN_ENCODING_UTF8, PLAN_EUTF8, 0);
  expect_parse_error(cp1258, sizeof cp1258 - 1, PLAN_EUTF8, 1);
  /* "Ủy ban nhân dân tỉnh" in TCVN3 (Ủ as VN1 writes it): read as TCVN3 */
  static const char sentence[] = "\x9e\x79 ban nh\xa9n d\xa9n t\xd8nh B\xbe\x63 K\xb9n";
  plan_doc *doc = parse_ok_quiet(sentence, sizeof sentence - 1);
  assert_int_equal(plan_text_encoding(plan_doc_text(doc)), PLAN_ENCODING_TCVN3);
  assert_string_equal(plan_text_data(plan_doc_text(doc), NULL), "Ủy ban nhân dân tỉnh Bắc Kạn\n");
  plan_doc_free(doc);
}

static void test_empty_and_markup_only(void **state) {
  (void)state;
  static const char *const empty[] = {"", " ", "\n\n\t \r\n", "\xef\xbb\xbf", "**\n---\n|\n## \n***\n",
                                      "\xe2\x80\x8b\xe2\x80\x8b"};
  for (size_t i = 0; i < sizeof empty / sizeof *empty; i++)
    expect_parse_error(empty[i], strlen(empty[i]), PLAN_EEMPTY, 0);
  static const char junk[] = "\x01\x02\x03\x04\x05\x06\x07\x08\x0e\x0f\x10\x11\x12";
  expect_parse_error(junk, sizeof junk - 1, PLAN_EFORMAT, 0);
}

static plan_doc *parse_ok(const char *s, size_t n) {
  plan_doc *doc;
  plan_error e;
  plan_status st = plan_doc_parse(s, n, NULL, &doc, &e);
  if (st != PLAN_OK) fail_msg("%s", e.message);
  return doc;
}

static void test_huge_line(void **state) {
  (void)state;
  size_t n = 10u << 20;
  char *s = malloc(n);
  for (size_t i = 0; i < n; i++) s[i] = "Sở Y tế chủ trì. "[i % 20];
  /* cut at a character boundary */
  while (((unsigned char)s[n - 1] & 0xC0) == 0x80 || (unsigned char)s[n - 1] >= 0xC0) n--;
  plan_doc *doc = parse_ok(s, n);
  const plan_node *first = plan_node_first_child(plan_doc_root(doc));
  assert_non_null(first);
  assert_true(strlen(plan_node_text(first)) > (9u << 20));
  plan_doc_free(doc);
  free(s);
}

static void test_many_and_deep_items(void **state) {
  (void)state;
  /* 100,000 items, each kind nested in the one before, over and over */
  static const char *const kinds[] = {"I. Phần", "1. Mục", "a) Điểm", "- Gạch"};
  test_buf b = {0};
  for (size_t i = 0; i < 100000; i++) {
    test_put(&b, kinds[i % 4]);
    test_put(&b, "\n\n");
  }
  plan_doc *doc = parse_ok(b.data, b.len);
  size_t items = 0, depth = 0, max_depth = 0;
  plan_iter *it = test_iter_new(plan_doc_root(doc));
  plan_event ev;
  while ((ev = plan_iter_next(it)) != PLAN_EVENT_DONE) {
    const plan_node *nd = plan_iter_node(it);
    if (ev == PLAN_EVENT_ENTER) {
      items += plan_node_kind_of(nd) == PLAN_NODE_ITEM;
      if (plan_node_first_child(nd) && ++depth > max_depth) max_depth = depth;
    } else {
      depth--;
    }
  }
  plan_iter_free(it);
  assert_int_equal(items, 100000);
  assert_true(max_depth <= 5);
  plan_doc_free(doc);
  free(b.data);

  /* one marker with 50,000 levels of dotted numbering */
  b = (test_buf){0};
  for (size_t i = 0; i < 50000; i++) test_put(&b, "1.");
  test_put(&b, " Mục sâu\n");
  doc = parse_ok(b.data, b.len);
  plan_doc_free(doc);
  free(b.data);

  /* markdown heading hashes and emphasis stacked high */
  b = (test_buf){0};
  for (size_t i = 0; i < 20000; i++) test_put(&b, "## **");
  test_put(&b, "Tiêu đề\n");
  doc = parse_ok(b.data, b.len);
  plan_doc_free(doc);
  free(b.data);
}

/* The limits are options, with documented defaults. */

/* ---- hostile HTML and DOCX --------------------------------------------- */

static plan_status parse_as(const char *s, size_t n, plan_input input, size_t max_input,
                            plan_doc **doc, plan_error *e) {
  plan_options o;
  plan_options_init(&o);
  o.input = input;
  if (max_input) o.max_input_bytes = max_input;
  return plan_doc_parse(s, n, &o, doc, e);
}

/* Entities declared in a page's DOCTYPE are never expanded (HTML has none
 * of its own to declare) and nothing is fetched: billion laughs stays
 * small, an external entity does not read the file. */
static void test_html_entities_and_dtd(void **state) {
  (void)state;
  static const char laughs[] =
      "<!DOCTYPE html [<!ENTITY a \"lollollollollollollollollollol\">"
      "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">"
      "<!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\"><!ENTITY e \"&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;\">"
      "<!ENTITY f \"&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;\"><!ENTITY g \"&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;\">]>"
      "<html><body><p>KẾ HOẠCH &g;&g;&g;&g;&g;</p></body></html>";
  plan_doc *doc = NULL;
  plan_error e;
  assert_int_equal(parse_as(laughs, sizeof laughs - 1, PLAN_INPUT_AUTO, 0, &doc, &e), PLAN_OK);
  size_t n;
  const char *t = plan_text_data(plan_doc_text(doc), &n);
  assert_true(n < 1024);
  assert_non_null(strstr(t, "KẾ HOẠCH"));
  assert_null(strstr(t, "lollollol"));
  plan_doc_free(doc);
  static const char xxe[] =
      "<!DOCTYPE html [<!ENTITY x SYSTEM \"file:///etc/passwd\">"
      "<!ENTITY y SYSTEM \"http://127.0.0.1:9/x\">]><html><body><p>Sở Y tế &x; &y;</p>"
      "<img src=\"file:///etc/passwd\"><iframe src=\"http://127.0.0.1:9/\"></iframe></body></html>";
  assert_int_equal(parse_as(xxe, sizeof xxe - 1, PLAN_INPUT_AUTO, 0, &doc, &e), PLAN_OK);
  t = plan_text_data(plan_doc_text(doc), NULL);
  assert_non_null(strstr(t, "Sở Y tế"));
  assert_null(strstr(t, "root:"));
  plan_doc_free(doc);
}

/* Broken markup gives a document or a clear error, never a crash. */
static void test_malformed_html(void **state) {
  (void)state;
  static const char *const pages[] = {
      "<html><body><p>1. Sở Y tế<p>- Chủ trì</b></i></td></tr></table></div>",
      "<table><tr><td>Số: 12/KH-UBND<td>Hà Nội<tr><td colspan=9>",
      "<p <b>KẾ HOẠCH</p",
      "<html><body><table><tr><td><table><tr><td>lồng</td></tr></table>",
      "<!DOCTYPE html><html><body><p>Trên đây là &#xffffffff; &#0; &bogus; &#55296; k\xc3\xa9</p>",
      "<html><body><script>never closed <p>1. Sở Y tế</p>",
      "<html><body><ul><li><ol><li><ul><li>- sâu</li></ul></ol></ul><b><i><b><i>x",
      "<html><!-- never closed <p>1. Sở</p>",
      "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><html><body><p>Sở Y tế</p></body></html>",
  };
  for (size_t i = 0; i < sizeof pages / sizeof *pages; i++) {
    plan_doc *doc = NULL;
    plan_error e;
    plan_status st = parse_as(pages[i], strlen(pages[i]), PLAN_INPUT_HTML, 0, &doc, &e);
    if (st == PLAN_OK) {
      assert_non_null(plan_doc_root(doc));
      size_t n;
      plan_text_data(plan_doc_text(doc), &n);
      for (size_t k = 0; k < plan_text_hint_count(plan_doc_text(doc)); k++)
        assert_true(plan_text_hint(plan_doc_text(doc), k)->end <= n);
      plan_doc_free(doc);
    } else {
      assert_int_equal(st, PLAN_EEMPTY); /* nothing but markup */
      assert_null(doc);
    }
  }
  /* invalid UTF-8 and NUL in a page: the error names the byte */
  static const char bad[] = "<html><body><p>S\xe1\xbb Y t\xe1\xba\xbf</p></body></html>";
  plan_doc *doc = NULL;
  plan_error e;
  assert_int_equal(parse_as(bad, sizeof bad - 1, PLAN_INPUT_HTML, 0, &doc, &e), PLAN_EUTF8);
  assert_int_equal(e.offset, 16);
  static const char nul[] = "<html><body><p>Sở\0Y tế</p></body></html>";
  assert_int_equal(parse_as(nul, sizeof nul - 1, PLAN_INPUT_HTML, 0, &doc, &e), PLAN_ENUL);
  assert_int_equal(e.offset, 19);
}

/* 100,000 nested elements of each kind. */
static void test_deep_html(void **state) {
  (void)state;
  static const char *const opens[] = {"<div>", "<b>", "<table><tr><td>", "<ul><li>", "<h2>"};
  size_t depth = 100000;
  for (size_t k = 0; k < sizeof opens / sizeof *opens; k++) {
    size_t ol = strlen(opens[k]);
    char *s = malloc(ol * depth + 64);
    size_t n = 0;
    memcpy(s, "<html><body>", 12);
    n = 12;
    for (size_t i = 0; i < depth; i++, n += ol) memcpy(s + n, opens[k], ol);
    memcpy(s + n, "1. Sở Y tế: Chủ trì.", 23);
    n += 23;
    plan_doc *doc = NULL;
    plan_error e;
    assert_int_equal(parse_as(s, n, PLAN_INPUT_AUTO, 0, &doc, &e), PLAN_OK);
    assert_non_null(strstr(plan_text_data(plan_doc_text(doc), NULL), "Sở Y tế"));
    plan_doc_free(doc);
    free(s);
  }
}

/* One part in a ZIP. */
static char *zip1(const char *part, const char *data, size_t n, size_t *out_len) {
  return make_zip(&part, &data, &n, 1, out_len);
}

static void test_hostile_docx(void **state) {
  (void)state;
  static const char *const parts[] = {
      /* billion laughs and an external entity: refused before parsing */
      "<?xml version=\"1.0\"?><!DOCTYPE w:document [<!ENTITY a \"lollollol\">"
      "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;\">]>"
      "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
      "<w:body><w:p><w:r><w:t>&c;</w:t></w:r></w:p></w:body></w:document>",
      "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
      "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
      "<w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>",
      /* not well-formed */
      "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
      "<w:body><w:p><w:r><w:t>Sở Y tế</w:r></w:body>",
      /* not a Word document */
      "<html><body>nope</body></html>",
  };
  for (size_t i = 0; i < sizeof parts / sizeof *parts; i++) {
    size_t n;
    char *z = zip1("word/document.xml", parts[i], strlen(parts[i]), &n);
    plan_doc *doc = NULL;
    plan_error e;
    assert_int_equal(parse_as(z, n, PLAN_INPUT_AUTO, 0, &doc, &e), PLAN_EFORMAT);
    assert_null(doc);
    assert_true(strstr(e.message, "DOCX") || strstr(e.message, "document.xml"));
    free(z);
  }
  /* a ZIP without the part, a damaged one, and a zip bomb */
  size_t n;
  char *z = zip1("other.txt", "x", 1, &n);
  plan_doc *doc = NULL;
  plan_error e;
  assert_int_equal(parse_as(z, n, PLAN_INPUT_AUTO, 0, &doc, &e), PLAN_EFORMAT);
  z[n / 2] ^= 0x55;
  z[n - 10] ^= 0x55;
  assert_int_equal(parse_as(z, n, PLAN_INPUT_DOCX, 0, &doc, &e), PLAN_EFORMAT);
  free(z);
  size_t big = 8u << 20;
  char *zeros = calloc(1, big);
  memcpy(zeros, "<w:document>", 12);
  z = zip1("word/document.xml", zeros, big, &n);
  assert_true(n < (1u << 20)); /* it compresses to little */
  assert_int_equal(parse_as(z, n, PLAN_INPUT_AUTO, 1u << 20, &doc, &e), PLAN_ELIMIT);
  assert_null(doc);
  free(z);
  free(zeros);
}

static void test_limits(void **state) {
  (void)state;
  plan_options o;
  plan_options_init(&o);
  assert_int_equal(o.max_input_bytes, PLAN_DEFAULT_MAX_INPUT);
  assert_int_equal(o.max_line_bytes, PLAN_DEFAULT_MAX_LINE);
  assert_int_equal(o.max_depth, PLAN_DEFAULT_MAX_DEPTH);
  plan_doc *doc;
  plan_error e;
  o.max_line_bytes = 10;
  assert_status(plan_doc_parse("short\nthis line is too long\n", 28, &o, &doc, &e), PLAN_ELIMIT);
  assert_int_equal(e.line, 2);
  assert_int_equal(e.offset, 6);
  plan_options_init(&o);
  o.max_input_bytes = 3;
  assert_status(plan_doc_parse("abcd", 4, &o, &doc, &e), PLAN_ELIMIT);
  /* nesting deeper than max_depth: the deeper items stay, as siblings */
  plan_options_init(&o);
  o.max_depth = 2;
  const char *deep = "I. A\n\n1. B\n\na) C\n\n- D\n";
  assert_status(plan_doc_parse(deep, strlen(deep), &o, &doc, &e), PLAN_OK);
  const plan_node *i1 = plan_node_first_child(plan_doc_root(doc));
  const plan_node *b1 = plan_node_first_child(i1);
  assert_int_equal(plan_node_item_count(b1), 2); /* a) and - both under 1. */
  plan_doc_free(doc);
}

typedef struct job {
  const plan_lexicon *lex;
  char *json;
} job;

static void *work(void *arg) {
  job *j = arg;
  plan_options o;
  plan_options_init(&o);
  o.lexicon = j->lex;
  plan_doc *docs[CORPUS_COUNT];
  for (size_t i = 0; i < CORPUS_COUNT; i++) {
    char path[512];
    snprintf(path, sizeof path, "%s/%s", CORPUS_DIR, corpus_files[i]);
    if (plan_doc_parse_file(path, &o, &docs[i], NULL) != PLAN_OK) return NULL;
  }
  plan_compare *c;
  if (plan_compare_new((const plan_doc *const *)docs, CORPUS_COUNT, NULL, &c, NULL) == PLAN_OK) {
    j->json = test_render_compare_json(c, NULL, NULL);
    plan_compare_free(c);
  }
  for (size_t i = 0; i < CORPUS_COUNT; i++) plan_doc_free(docs[i]);
  return NULL;
}

/* Eight threads parse and compare the corpus at once, sharing one lexicon
 * (and half of them with no lexicon at all): each gets what one thread
 * alone gets. */
enum { THREADS = 8 };
static void test_threads(void **state) {
  (void)state;
  plan_lexicon *lex;
  assert_status(plan_lexicon_new(&lex, NULL), PLAN_OK);
  job alone = {lex, NULL}, jobs[THREADS];
  for (int i = 0; i < THREADS; i++) jobs[i] = (job){i % 2 ? lex : NULL, NULL};
  work(&alone);
  assert_non_null(alone.json);
  pthread_t t[THREADS];
  for (int i = 0; i < THREADS; i++) assert_int_equal(pthread_create(&t[i], NULL, work, &jobs[i]), 0);
  for (int i = 0; i < THREADS; i++) pthread_join(t[i], NULL);
  for (int i = 0; i < THREADS; i++) {
    assert_non_null(jobs[i].json);
    assert_string_equal(jobs[i].json, alone.json);
    plan_free(jobs[i].json);
  }
  plan_free(alone.json);
  plan_lexicon_free(lex);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_invalid_utf8_classes),
      cmocka_unit_test(test_legacy_encodings),
      cmocka_unit_test(test_empty_and_markup_only),
      cmocka_unit_test(test_huge_line),
      cmocka_unit_test(test_many_and_deep_items),
      cmocka_unit_test(test_limits),
      cmocka_unit_test(test_threads),
      cmocka_unit_test(test_html_entities_and_dtd),
      cmocka_unit_test(test_malformed_html),
      cmocka_unit_test(test_deep_html),
      cmocka_unit_test(test_hostile_docx),
  };
  return cmocka_run_group_tests_name("badinput", tests, NULL, NULL);
}
