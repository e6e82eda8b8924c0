/* test_hostile - inputs built to hurt (issue 18): lengths past the buffer,
 * control characters, formulas and bad names, thresholds that are no
 * numbers, special files; every output valid whatever the input held. */
#include <fcntl.h>
#include <jansson.h>
#include <libxml/parser.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "shapes.h"
#include "test_util.h"

/* A length past the buffer is refused before a byte is read (ASan would
 * see the read otherwise). */
static void test_length_past_buffer(void **state) {
  (void)state;
  plan_doc *doc = (plan_doc *)1;
  plan_error e;
  assert_status(plan_doc_parse("abc", SIZE_MAX, NULL, &doc, &e), PLAN_ELIMIT);
  assert_null(doc);
  assert_non_null(strstr(e.message, "exceeds the limit"));
  plan_text *t;
  assert_status(plan_normalize("abc", SIZE_MAX, NULL, &t, &e), PLAN_ELIMIT);
}

static const char plan_with_controls[] =
    "KẾ HOẠCH\n\nIII. TỔ CHỨC THỰC HIỆN\n\n1. Sở Y tế\x1b[2J\x07\n\n"
    "- Tuyên truyền\x01 phòng chống\x0b xâm hại\x7f trẻ em\xc2\x9b[31m trên địa bàn \xef\xbf\xbe tỉnh.\n"
    /* enough text that the control bytes are under 1%: a text, not binary */
    "- Phối hợp với các cơ quan, đơn vị liên quan tổ chức truyền thông về phòng, chống xâm hại trẻ em.\n"
    "- Hướng dẫn các địa phương triển khai các hoạt động bảo vệ trẻ em trên địa bàn tỉnh năm 2025.\n"
    "- Kiểm tra, giám sát việc thực hiện kế hoạch; định kỳ báo cáo kết quả về Ủy ban nhân dân tỉnh.\n"
    "- Tổng hợp, đánh giá kết quả thực hiện kế hoạch và đề xuất khen thưởng các tập thể, cá nhân.\n";

/* No terminal escape, bell or XML-forbidden character survives into any
 * output: the normalizer replaces them with U+FFFD and counts them. */
static void test_control_characters(void **state) {
  (void)state;
  plan_doc *doc;
  plan_error e;
  assert_status(plan_doc_parse_named(plan_with_controls, sizeof plan_with_controls - 1,
                                     "b\xff" "ad\x1b[1m.txt", NULL, &doc, &e),
                PLAN_OK);
  assert_true(plan_text_replacements(plan_doc_text(doc)) >= 6);
  char *out;
  size_t n;
  assert_status(plan_render_text(doc, &out, &n, &e), PLAN_OK);
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)out[i];
    assert_false(c < 0x20 && c != '\n' && c != '\t');
    assert_false(c == 0x7F);
    if (c == 0xC2 && i + 1 < n) assert_false((unsigned char)out[i + 1] >= 0x80 &&
                                             (unsigned char)out[i + 1] <= 0x9F);
  }
  plan_free(out);
  /* XML: parsed strictly by libxml2, no recovery */
  assert_status(plan_render_xml(doc, &out, &n, &e), PLAN_OK);
  xmlDocPtr x = xmlReadMemory(out, (int)n, "doc.xml", NULL, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  assert_non_null(x);
  xmlFreeDoc(x);
  plan_free(out);
  /* JSON: valid, the name's bad byte and escape made U+FFFD */
  assert_status(plan_render_json(doc, &out, &n, &e), PLAN_OK);
  json_error_t je;
  json_t *j = json_loadb(out, n, 0, &je);
  assert_non_null(j);
  const char *source = json_string_value(json_object_get(j, "source"));
  assert_non_null(source);
  assert_string_equal(source, "b\xef\xbf\xbd" "ad\xef\xbf\xbd[1m.txt");
  json_decref(j);
  plan_free(out);
  plan_doc_free(doc);
}

/* Two plans whose duties open like spreadsheet formulas. */
static void test_csv_formulas(void **state) {
  (void)state;
  const char *a = "KẾ HOẠCH\n\nIII. TỔ CHỨC THỰC HIỆN\n\n1. Sở Y tế\n\n"
                  "- =HYPERLINK(\"http://x\")Tuyên truyền phòng chống xâm hại trẻ em.\n\n"
                  "2. Sở Giáo dục và Đào tạo\n\n- @SUM(1+1) Tập huấn cho giáo viên về kỹ năng.\n\n"
                  "3. Công an tỉnh\n\n- +1 Điều tra các vụ xâm hại trẻ em.\n";
  plan_doc *d[2];
  plan_error e;
  assert_status(plan_doc_parse_named(a, strlen(a), "=cmd|' /C calc'!A0", NULL, &d[0], &e), PLAN_OK);
  assert_status(plan_doc_parse_named(a, strlen(a), "b.txt", NULL, &d[1], &e), PLAN_OK);
  plan_compare *c;
  assert_status(plan_compare_new((const plan_doc *const *)d, 2, NULL, &c, &e), PLAN_OK);
  char *csv;
  assert_status(plan_render_compare_csv(c, NULL, &csv, NULL, &e), PLAN_OK);
  /* every field that opened with = + - @ now opens with an apostrophe */
  for (const char *p = csv; *p; p++) {
    if (*p != '"' || (p > csv && p[-1] != ',' && p[-1] != '\n')) continue;
    assert_false(p[1] == '=' || p[1] == '+' || p[1] == '-' || p[1] == '@');
  }
  assert_non_null(strstr(csv, "\"'=HYPERLINK("));
  assert_non_null(strstr(csv, "\"'@SUM("));
  assert_non_null(strstr(csv, "\"'=cmd|"));
  plan_free(csv);
  plan_compare_free(c);
  plan_doc_free(d[0]);
  plan_doc_free(d[1]);
}

/* Thresholds are finite numbers in [0, 1]; the API refuses the rest. */
static void test_thresholds(void **state) {
  (void)state;
  const char *a = "KẾ HOẠCH\n\n1. Sở Y tế\n\n- Tuyên truyền.\n";
  plan_doc *d[2];
  plan_error e;
  assert_status(plan_doc_parse(a, strlen(a), NULL, &d[0], &e), PLAN_OK);
  assert_status(plan_doc_parse(a, strlen(a), NULL, &d[1], &e), PLAN_OK);
  const double bad[] = {NAN, INFINITY, -INFINITY, -0.1, 1.5};
  for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
    plan_compare_options co;
    plan_compare_options_init(&co);
    if (i % 2) co.partial_min = bad[i];
    else co.reworded_min = bad[i];
    plan_compare *c = NULL;
    assert_status(plan_compare_new((const plan_doc *const *)d, 2, &co, &c, &e), PLAN_EINVAL);
    assert_null(c);
    assert_non_null(strstr(e.message, "from 0 to 1"));
  }
  plan_doc_free(d[0]);
  plan_doc_free(d[1]);
}

/* Files are read bounded: devices that never end and directories are
 * refused at once, a regular file past the limit before it is read, a
 * pipe at the limit. */
static void test_special_files(void **state) {
  (void)state;
  char *data = (char *)1;
  size_t len;
  plan_error e;
  assert_status(plan_read_file("/dev/zero", NULL, &data, &len, &e), PLAN_EIO);
  assert_null(data);
  assert_non_null(strstr(e.message, "character device"));
  assert_status(plan_read_file("/tmp", NULL, &data, &len, &e), PLAN_EIO);
  assert_non_null(strstr(e.message, "directory"));
  plan_doc *doc;
  assert_status(plan_doc_parse_file("/dev/zero", NULL, &doc, &e), PLAN_EIO);
  assert_status(plan_doc_parse_file("/dev/urandom", NULL, &doc, &e), PLAN_EIO);
  plan_lexicon *lex;
  assert_status(plan_lexicon_new(&lex, &e), PLAN_OK);
  assert_status(plan_lexicon_load_file(lex, "/dev/zero", &e), PLAN_EIO);
  plan_lexicon_free(lex);

  plan_options o;
  plan_options_init(&o);
  o.max_input_bytes = 1000;
  char path[] = "/tmp/plan-hostile-XXXXXX";
  int fd = mkstemp(path);
  assert_true(fd >= 0);
  char block[4096];
  memset(block, 'a', sizeof block);
  assert_int_equal(write(fd, block, sizeof block), sizeof block);
  close(fd);
  assert_status(plan_read_file(path, &o, &data, &len, &e), PLAN_ELIMIT);
  assert_non_null(strstr(e.message, "4096 bytes exceed the limit of 1000"));
  o.max_input_bytes = 4096;
  assert_status(plan_read_file(path, &o, &data, &len, &e), PLAN_OK);
  assert_int_equal(len, 4096);
  plan_free(data);
  unlink(path);

  /* a pipe that never ends, bounded by the limit */
  assert_int_equal(mkfifo(path, 0600), 0);
  pid_t pid = fork();
  if (pid == 0) {
    int w = open(path, O_WRONLY);
    for (;;)
      if (write(w, block, sizeof block) < 0) _exit(0); /* EPIPE once the reader stops */
  }
  o.max_input_bytes = 100000;
  assert_status(plan_read_file(path, &o, &data, &len, &e), PLAN_ELIMIT);
  assert_non_null(strstr(e.message, "more than the limit of 100000"));
  kill(pid, SIGKILL);
  waitpid(pid, NULL, 0);
  unlink(path);
}

/* Markup that would cost the parser more than its bytes: too many elements
 * (a DOCX part that inflates to millions, which libxml2's tree would hold
 * at hundreds of bytes each), too many attributes in one tag. */
static void test_markup_limits(void **state) {
  (void)state;
  plan_error e;
  plan_doc *doc;
  /* 2^20 + 1 empty paragraphs: 6 MB inflated from a few kilobytes */
  shape_buf body = {0};
  shape_put(&body, "<w:document " SHAPE_W "><w:body>");
  for (size_t k = 0; k <= PLAN_DEFAULT_MAX_ELEMENTS; k++) shape_put(&body, "<w:p/>");
  shape_put(&body, "</w:body></w:document>");
  const char *names[] = {"word/document.xml"};
  const char *data[] = {body.data};
  size_t len[] = {body.len}, zlen;
  char *zip = make_zip(names, data, len, 1, &zlen);
  assert_true(zlen < body.len / 50);
  assert_status(plan_doc_parse(zip, zlen, NULL, &doc, &e), PLAN_ELIMIT);
  assert_non_null(strstr(e.message, "word/document.xml: more than 1048576 elements"));
  /* the limit is an option */
  plan_options o;
  plan_options_init(&o);
  o.max_elements = 2 * PLAN_DEFAULT_MAX_ELEMENTS;
  assert_status(plan_doc_parse(zip, zlen, &o, &doc, &e), PLAN_EEMPTY); /* parsed: no text */
  /* and all parts together inflate to at most max_input_bytes */
  o.max_input_bytes = body.len - 1;
  assert_status(plan_doc_parse(zip, zlen, &o, &doc, &e), PLAN_ELIMIT);
  assert_non_null(strstr(e.message, "inflates past"));
  free(zip);
  free(body.data);

  shape_buf html = {0};
  shape_html_attributes(&html, 20000);
  assert_status(plan_doc_parse(html.data, html.len, NULL, &doc, &e), PLAN_ELIMIT);
  assert_non_null(strstr(e.message, "HTML page: more than 256 attributes in one tag (line 1"));
  free(html.data);
}

/* A list that starts at two billion in lower-case letters: Word's label
 * would be 77 million letters; the counter neither overflows nor makes a
 * label longer than a number's. */
static void test_docx_huge_start(void **state) {
  (void)state;
  shape_docx d = {{0}, {0}, {0}};
  shape_docx_lists(&d, 3);
  char *p = strstr(d.numbering.data, "<w:start w:val=\"1\"/><w:numFmt w:val=\"decimal\"/>");
  assert_non_null(p);
  shape_buf num = {0};
  shape_put(&num, "<w:numbering " SHAPE_W "><w:abstractNum w:abstractNumId=\"1\"><w:lvl w:ilvl=\"0\">"
                  "<w:start w:val=\"2147483647\"/><w:numFmt w:val=\"lowerLetter\"/>"
                  "<w:lvlText w:val=\"%1)\"/></w:lvl></w:abstractNum>"
                  "<w:num w:numId=\"1\"><w:abstractNumId w:val=\"1\"/></w:num></w:numbering>");
  shape_buf doc_xml = {0};
  shape_put(&doc_xml, "<w:document " SHAPE_W "><w:body>");
  for (int k = 0; k < 3; k++)
    shape_put(&doc_xml, "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/></w:numPr>"
                        "</w:pPr><w:r><w:t>Sở Y tế tuyên truyền.</w:t></w:r></w:p>");
  shape_put(&doc_xml, "</w:body></w:document>");
  const char *names[] = {"word/document.xml", "word/numbering.xml"};
  const char *data[] = {doc_xml.data, num.data};
  size_t len[] = {doc_xml.len, num.len}, zlen;
  char *zip = make_zip(names, data, len, 2, &zlen);
  plan_text *t;
  plan_error e;
  assert_status(plan_normalize(zip, zlen, NULL, &t, &e), PLAN_OK);
  size_t n;
  const char *text = plan_text_data(t, &n);
  assert_true(n < 200); /* three short lines */
  assert_non_null(strstr(text, "32767) Sở Y tế")); /* Word's largest start, as a number */
  assert_non_null(strstr(text, "32769) Sở Y tế"));
  plan_text_free(t);
  free(zip);
  free(num.data);
  free(doc_xml.data);
  free(d.document.data);
  free(d.numbering.data);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_length_past_buffer),
      cmocka_unit_test(test_control_characters),
      cmocka_unit_test(test_csv_formulas),
      cmocka_unit_test(test_thresholds),
      cmocka_unit_test(test_special_files),
      cmocka_unit_test(test_markup_limits),
      cmocka_unit_test(test_docx_huge_start),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
