/* test_oom - out of memory at every step: the library's n-th allocation
 * fails, for every n, over a parse, each document renderer, a comparison
 * and each comparison renderer; every call must return PLAN_ENOMEM (or
 * succeed, when it needed fewer allocations) and never crash.  The build
 * links this program with -Wl,--wrap for the allocation functions, so the
 * library's calls come here; under `make check-sanitize` LeakSanitizer
 * checks that nothing a failed call allocated is left behind. */
#include <execinfo.h>
#include <unistd.h>

#include "test_util.h"

void *__real_malloc(size_t n);
void *__real_calloc(size_t k, size_t n);
void *__real_realloc(void *p, size_t n);
char *__real_strdup(const char *s);

static long fail_at = -1; /* the allocation to fail, counting from 1; -1: none */
static long count;

/* With PLAN_OOM_TRACE set, each failed allocation's call stack goes to
 * standard error: where to look when a failure is not reported. */
static bool fail_now(void) {
  if (!(fail_at > 0 && ++count == fail_at)) return false;
  if (getenv("PLAN_OOM_TRACE")) {
    static const char mark[] = "-- allocation failed here:\n";
    if (write(STDERR_FILENO, mark, sizeof mark - 1) < 0) return true;
    void *frames[16];
    backtrace_symbols_fd(frames, backtrace(frames, 16), STDERR_FILENO);
  }
  return true;
}

void *__wrap_malloc(size_t n) { return fail_now() ? NULL : __real_malloc(n); }
void *__wrap_calloc(size_t k, size_t n) { return fail_now() ? NULL : __real_calloc(k, n); }
void *__wrap_realloc(void *p, size_t n) { return fail_now() ? NULL : __real_realloc(p, n); }
char *__wrap_strdup(const char *s) { return fail_now() ? NULL : __real_strdup(s); }

/* A small plan that reaches every stage: header, preamble citing a
 * national decision, outline, an agency item with roles and a deadline, a
 * task table, abbreviations to expand. */
static const char plan_a[] =
    "ỦY BAN NHÂN DÂN TỈNH BẮC KẠN\n\nSố: 145/KH-UBND\n\nBắc Kạn, ngày 02 tháng 02 năm 2021\n\n"
    "KẾ HOẠCH\n\nThực hiện Quyết định số 1472/QĐ-TTg ngày 28/9/2020 của Thủ tướng Chính phủ\n\n"
    "I. MỤC ĐÍCH\n\n1. Tuyên truyền phòng chống xâm hại trẻ em.\n\n"
    "II. TỔ CHỨC THỰC HIỆN\n\n1. Sở LĐTBXH\n\n- Chủ trì, phối hợp với Sở Y tế, Công an tỉnh "
    "tổ chức tập huấn. Thời gian thực hiện: năm 2021.\n\n2. UBND các huyện, thành phố\n\n"
    "- Triển khai kế hoạch trên địa bàn; báo cáo kết quả về Sở LĐTBXH.\n\n"
    "| Nội dung | Cơ quan chủ trì | Cơ quan phối hợp |\n|---|---|---|\n"
    "| Truyền thông | Sở Thông tin và Truyền thông | Sở Y tế |\n\n"
    "Nơi nhận:\n- Như trên;\n\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nNguyễn Văn A\n";
static const char plan_b[] =
    "ỦY BAN NHÂN DÂN TỈNH BÌNH ĐỊNH\n\nSố: 20/KH-UBND\n\nBình Định, ngày 05 tháng 03 năm 2021\n\n"
    "KẾ HOẠCH\n\nThực hiện Quyết định số 1472/QĐ-TTg\n\nI. TỔ CHỨC THỰC HIỆN\n\n"
    "1. Sở Lao động - Thương binh và Xã hội\n\n- Chủ trì tổ chức tập huấn cho cán bộ.\n\n"
    "2. Sở Y tế\n\n- Phối hợp tuyên truyền phòng chống xâm hại trẻ em.\n";

static const char page[] =
    "<html><head><title>x</title></head><body><p><b>KẾ HOẠCH</b></p><p>II. TỔ CHỨC THỰC HIỆN</p>"
    "<table><tr><td>Nội dung</td><td>Cơ quan chủ trì</td><td>Cơ quan phối hợp</td></tr>"
    "<tr><td>Tuyên truyền phòng chống xâm hại</td><td>Sở Y tế</td><td>Sở Tư pháp</td></tr></table>"
    "<p>1. <i>Sở Nội vụ</i></p><ul><li>Hướng dẫn thực hiện.</li></ul></body></html>";
static char *docx;
static size_t docx_len;

typedef plan_status (*step_fn)(void);

static plan_status do_lexicon(void) {
  plan_lexicon *lex;
  plan_status st = plan_lexicon_new(&lex, NULL);
  if (st == PLAN_OK) plan_lexicon_free(lex);
  return st;
}

static plan_status do_parse_html(void) {
  plan_doc *d;
  plan_status st = plan_doc_parse(page, sizeof page - 1, NULL, &d, NULL);
  if (st == PLAN_OK) plan_doc_free(d);
  return st;
}

/* Every document of the corpus, and every gold document of corpus/wild:
 * the layouts the rules of segmentation and assignment were written for. */
static char *corpus_text[64];
static size_t corpus_len[64], ncorpus, corpus_at;

/* One of them, corpus_at: each is failed on its own, so the cost is the
 * sum over documents of their allocations times their parse, not the
 * corpus's allocations times the whole corpus's parse. */
static plan_status do_parse_corpus(void) {
  plan_doc *d;
  plan_status st = plan_doc_parse(corpus_text[corpus_at], corpus_len[corpus_at], NULL, &d, NULL);
  if (st == PLAN_OK) plan_doc_free(d);
  return st;
}

static plan_status do_parse_docx(void) {
  plan_doc *d;
  plan_status st = plan_doc_parse(docx, docx_len, NULL, &d, NULL);
  if (st == PLAN_OK) plan_doc_free(d);
  return st;
}

static plan_doc *doc_a, *doc_b; /* parsed with allocations on, for the later steps */
static plan_compare *cmp;

static plan_status do_parse(void) {
  plan_doc *d;
  plan_status st = plan_doc_parse_named(plan_a, sizeof plan_a - 1, "a.txt", NULL, &d, NULL);
  if (st == PLAN_OK) plan_doc_free(d);
  return st;
}

#define RENDER_DOC(name, call)                       \
  static plan_status name(void) {                    \
    char *out;                                       \
    plan_status st = call(doc_a, &out, NULL, NULL);  \
    if (st == PLAN_OK) plan_free(out);               \
    return st;                                       \
  }
RENDER_DOC(do_json, plan_render_json)
RENDER_DOC(do_xml, plan_render_xml)
RENDER_DOC(do_text, plan_render_text)

static plan_status do_compare(void) {
  const plan_doc *docs[] = {doc_a, doc_b};
  plan_compare *c;
  plan_status st = plan_compare_new(docs, 2, NULL, &c, NULL);
  if (st == PLAN_OK) plan_compare_free(c);
  return st;
}

/* Without the pairs, in two blocks of rows, and the blocks' parts merged. */
static plan_status do_compare_summary(void) {
  const plan_doc *docs[] = {doc_a, doc_b};
  plan_compare_options o;
  plan_compare_options_init(&o);
  o.flags |= PLAN_COMPARE_NO_PAIRS;
  plan_compare *c = NULL;
  plan_status st = plan_compare_new(docs, 2, &o, &c, NULL);
  char *out = NULL;
  if (st == PLAN_OK) st = plan_render_compare_json(c, NULL, &out, NULL, NULL);
  plan_free(out);
  plan_compare_free(c); /* NULL when it failed */
  return st;
}

static plan_status do_compare_blocks(void) {
  const plan_doc *docs[] = {doc_a, doc_b};
  plan_compare_options o;
  plan_compare_options_init(&o);
  char *parts[2] = {NULL, NULL};
  plan_status st = PLAN_OK;
  for (int k = 0; k < 2 && st == PLAN_OK; k++) {
    o.rows_from = k ? 1 : 0;
    o.rows_to = k ? SIZE_MAX : 1;
    plan_compare *c;
    st = plan_compare_new(docs, 2, &o, &c, NULL);
    if (st == PLAN_OK) {
      st = plan_compare_export_groups(c, &parts[k], NULL, NULL);
      plan_compare_free(c);
    }
  }
  if (st == PLAN_OK) {
    plan_compare_options m;
    plan_compare_options_init(&m);
    m.parts = (const char *const *)parts;
    m.nparts = 2;
    plan_compare *c;
    st = plan_compare_new(docs, 2, &m, &c, NULL);
    if (st == PLAN_OK) plan_compare_free(c);
  }
  plan_free(parts[0]);
  plan_free(parts[1]);
  return st;
}

#define RENDER_CMP(name, call)                            \
  static plan_status name(void) {                         \
    char *out;                                            \
    plan_status st = call(cmp, NULL, &out, NULL, NULL);   \
    if (st == PLAN_OK) plan_free(out);                    \
    return st;                                            \
  }
RENDER_CMP(do_cmp_json, plan_render_compare_json)
RENDER_CMP(do_cmp_csv, plan_render_compare_csv)
RENDER_CMP(do_cmp_html, plan_render_compare_html)

static plan_status do_cmp_text(void) {
  char *out;
  plan_status st = plan_render_compare_text(cmp, NULL, PLAN_RENDER_COLOR, &out, NULL, NULL);
  if (st == PLAN_OK) plan_free(out);
  return st;
}

/* Fails the 1st, 2nd, ... allocation of step until it needs no more than
 * were allowed; every failing run must say PLAN_ENOMEM. */
static void every_failure(const char *name, step_fn step) {
  long n;
  for (n = 1;; n++) {
    count = 0;
    fail_at = n;
    plan_status st = step();
    fail_at = -1;
    if (count < n) { /* the step finished before its n-th allocation */
      assert_status(st, PLAN_OK);
      break;
    }
    if (st != PLAN_ENOMEM)
      fail_msg("%s: allocation %ld failed, yet the call returned %s", name, n, plan_status_name(st));
  }
  print_message("%-22s %ld allocations, each failed once: PLAN_ENOMEM every time\n", name, n - 1);
}

static int setup(void **state) {
  (void)state;
  plan_error e;
  static const char body[] =
      "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>"
      "<w:p><w:pPr><w:pStyle w:val=\"Heading1\"/></w:pPr><w:r><w:t>KẾ HOẠCH</w:t></w:r></w:p>"
      "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/></w:numPr></w:pPr>"
      "<w:r><w:rPr><w:b/></w:rPr><w:t>Sở Y tế</w:t></w:r></w:p>"
      "<w:p><w:r><w:t>- Chủ trì tuyên truyền phòng chống xâm hại trẻ em.</w:t></w:r></w:p>"
      "</w:body></w:document>";
  static const char numbering[] =
      "<w:numbering xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
      "<w:abstractNum w:abstractNumId=\"0\"><w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/>"
      "<w:numFmt w:val=\"decimal\"/><w:lvlText w:val=\"%1.\"/></w:lvl></w:abstractNum>"
      "<w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num></w:numbering>";
  const char *names[] = {"word/document.xml", "word/numbering.xml"};
  const char *data[] = {body, numbering};
  size_t len[] = {sizeof body - 1, sizeof numbering - 1};
  docx = make_zip(names, data, len, 2, &docx_len);
  gold_doc g[64];
  size_t ng = gold_docs(g, 64);
  for (size_t i = 0; i < ng && ncorpus < 64; i++) {
    corpus_text[ncorpus] = read_corpus(g[i].name, &corpus_len[ncorpus]);
    if (corpus_text[ncorpus]) ncorpus++;
  }
  if (ncorpus < 20) return -1;
  if (plan_doc_parse_named(plan_a, sizeof plan_a - 1, "a.txt", NULL, &doc_a, &e) != PLAN_OK ||
      plan_doc_parse_named(plan_b, sizeof plan_b - 1, "b.txt", NULL, &doc_b, &e) != PLAN_OK)
    return -1;
  const plan_doc *docs[] = {doc_a, doc_b};
  return plan_compare_new(docs, 2, NULL, &cmp, &e) == PLAN_OK ? 0 : -1;
}

static int teardown(void **state) {
  (void)state;
  plan_compare_free(cmp);
  free(docx);
  for (size_t i = 0; i < ncorpus; i++) free(corpus_text[i]);
  plan_doc_free(doc_a);
  plan_doc_free(doc_b);
  return 0;
}

static void test_lexicon(void **state) { (void)state; every_failure("lexicon", do_lexicon); }
static void test_parse(void **state) { (void)state; every_failure("parse", do_parse); }
static void test_parse_html(void **state) { (void)state; every_failure("parse html", do_parse_html); }
static void test_parse_corpus(void **state) {
  (void)state;
  for (corpus_at = 0; corpus_at < ncorpus; corpus_at++) every_failure("parse corpus", do_parse_corpus);
}
static void test_parse_docx(void **state) { (void)state; every_failure("parse docx", do_parse_docx); }
static void test_oom_json(void **state) { (void)state; every_failure("render json", do_json); }
static void test_oom_xml(void **state) { (void)state; every_failure("render xml", do_xml); }
static void test_oom_text(void **state) { (void)state; every_failure("render text", do_text); }
static void test_compare(void **state) { (void)state; every_failure("compare", do_compare); }
static void test_compare_summary(void **state) { (void)state; every_failure("compare summary", do_compare_summary); }
static void test_compare_blocks(void **state) { (void)state; every_failure("compare blocks", do_compare_blocks); }
static void test_cmp_json(void **state) { (void)state; every_failure("compare json", do_cmp_json); }
static void test_cmp_csv(void **state) { (void)state; every_failure("compare csv", do_cmp_csv); }
static void test_cmp_html(void **state) { (void)state; every_failure("compare html", do_cmp_html); }
static void test_cmp_text(void **state) { (void)state; every_failure("compare text", do_cmp_text); }

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_lexicon),     cmocka_unit_test(test_parse),
      cmocka_unit_test(test_parse_html),  cmocka_unit_test(test_parse_docx),
      cmocka_unit_test(test_parse_corpus),
      cmocka_unit_test(test_oom_json),
      cmocka_unit_test(test_oom_xml),  cmocka_unit_test(test_oom_text),
      cmocka_unit_test(test_compare),     cmocka_unit_test(test_compare_summary),
      cmocka_unit_test(test_compare_blocks), cmocka_unit_test(test_cmp_json),
      cmocka_unit_test(test_cmp_csv),     cmocka_unit_test(test_cmp_html),
      cmocka_unit_test(test_cmp_text),
  };
  return cmocka_run_group_tests(tests, setup, teardown);
}
