/* test_parse.c - the document model: golden tests against corpus/gold
 * (metadata, outline, references), diagnostics, errors, the iterator and the
 * renderers' well-formedness. */
#include <jansson.h>
#include <libxml/parser.h>

#include "test_util.h"

/* The gold of g, whose "source" must name g's document. */
static json_t *read_gold(const gold_doc *g) {
  json_error_t je;
  json_t *gold = json_load_file(g->gold, 0, &je);
  if (!gold) fail_msg("%s: %s (line %d)", g->gold, je.text, je.line);
  const char *source = json_string_value(json_object_get(gold, "source"));
  const char *base = strrchr(g->name, '/') ? strrchr(g->name, '/') + 1 : g->name;
  if (!source || strcmp(source, base) != 0) fail_msg("%s: source is not %s", g->gold, base);
  return gold;
}

static void test_gold_meta(void **state) {
  (void)state;
  static const struct { const char *gold; plan_meta field; } fields[] = {
      {"issuer", PLAN_META_ISSUER},       {"province", PLAN_META_PROVINCE},
      {"doc_type", PLAN_META_DOC_TYPE},   {"number", PLAN_META_NUMBER},
      {"number_pattern", PLAN_META_NUMBER_PATTERN}, {"date", PLAN_META_DATE},
      {"place", PLAN_META_PLACE},         {"signer", PLAN_META_SIGNER},
      {"signer_title", PLAN_META_SIGNER_TITLE}, {"attachment_type", PLAN_META_ATTACHMENT_TYPE},
      {"subject", PLAN_META_SUBJECT},
  };
  int checked = 0;
  gold_doc docs[GOLD_MAX];
  size_t ndocs = gold_docs(docs, GOLD_MAX);
  for (size_t d = 0; d < ndocs; d++) {
    const char *name = docs[d].name;
    json_t *gold = read_gold(&docs[d]);
    json_t *meta = json_object_get(gold, "meta");
    plan_doc *doc = parse_corpus(name, NULL);
    const char *key;
    json_t *val;
    json_object_foreach(meta, key, val) {
      size_t f = 0;
      while (f < sizeof fields / sizeof *fields && strcmp(fields[f].gold, key) != 0) f++;
      if (f == sizeof fields / sizeof *fields) fail_msg("%s: gold meta field %s unknown to the test", name, key);
      const char *got = plan_doc_meta(doc, fields[f].field);
      if (json_is_null(val)) {
        if (got) fail_msg("%s: meta %s is \"%s\", gold null", name, key, got);
      } else if (!got || strcmp(got, json_string_value(val)) != 0) {
        fail_msg("%s: meta %s is \"%s\", gold \"%s\"", name, key, got ? got : "(null)",
                 json_string_value(val));
      }
      checked++;
    }
    plan_doc_free(doc);
    json_decref(gold);
  }
  assert_true(checked >= 40);
}

static void test_gold_outline(void **state) {
  (void)state;
  int checked = 0;
  gold_doc docs[GOLD_MAX];
  size_t ndocs = gold_docs(docs, GOLD_MAX);
  for (size_t d = 0; d < ndocs; d++) {
    const char *name = docs[d].name;
    json_t *gold = read_gold(&docs[d]);
    plan_doc *doc = parse_corpus(name, NULL);
    size_t i;
    json_t *node;
    json_t *outline = json_object_get(gold, "outline");
    json_array_foreach(outline, i, node) {
      const char *path = json_string_value(json_object_get(node, "path"));
      size_t before = 0; /* the gold lists nodes in document order */
      for (size_t j = 0; j < i; j++)
        before += strcmp(json_string_value(json_object_get(json_array_get(outline, j), "path")), path) == 0;
      const plan_node *n = find_nth_path(plan_doc_root(doc), path, &before);
      if (!n) fail_msg("%s: no outline node %s", name, path);
      json_t *title = json_object_get(node, "title");
      if (json_is_string(title)) {
        const char *got = plan_node_title(n);
        if (!got || strcmp(got, json_string_value(title)) != 0)
          fail_msg("%s: %s title \"%s\", gold \"%s\"", name, path,
                   got ? got : "(null)", json_string_value(title));
      }
      size_t want = (size_t)json_integer_value(json_object_get(node, "children"));
      if (plan_node_item_count(n) != want)
        fail_msg("%s: %s has %zu children, gold %zu", name, path,
                 plan_node_item_count(n), want);
      checked++;
    }
    plan_doc_free(doc);
    json_decref(gold);
  }
  assert_true(checked >= 25);
}

static void test_gold_references(void **state) {
  (void)state;
  gold_doc docs[GOLD_MAX];
  size_t ndocs = gold_docs(docs, GOLD_MAX);
  for (size_t d = 0; d < ndocs; d++) {
    const char *name = docs[d].name;
    json_t *gold = read_gold(&docs[d]);
    json_t *refs = json_object_get(gold, "references");
    plan_doc *doc = parse_corpus(name, NULL);
    size_t numbered = 0;
    for (size_t r = 0; r < plan_doc_reference_count(doc); r++) {
      const plan_reference *ref = plan_doc_reference(doc, r);
      const char *num = plan_reference_number(ref);
      if (!num) continue; /* laws by name are not in the gold */
      numbered++;
      bool found = false;
      size_t i;
      json_t *g;
      json_array_foreach(refs, i, g) if (strcmp(json_string_value(g), num) == 0) found = true;
      if (!found) fail_msg("%s: reference %s is not in the gold", name, num);
      assert_true(plan_reference_count(ref) >= 1);
    }
    if (numbered != json_array_size(refs))
      fail_msg("%s: %zu numbered references, gold %zu", name, numbered,
               json_array_size(refs));
    plan_doc_free(doc);
    json_decref(gold);
  }
}

/* Reference details the gold leaves out: kind, issuer, date, merged case. */
static void test_reference_details(void **state) {
  (void)state;
  plan_doc *doc = parse_corpus("bac-kan-2021-qd-145.txt", NULL);
  const plan_reference *qd = NULL, *law = NULL, *nd = NULL;
  for (size_t r = 0; r < plan_doc_reference_count(doc); r++) {
    const plan_reference *ref = plan_doc_reference(doc, r);
    const char *n = plan_reference_number(ref), *t = plan_reference_title(ref);
    if (n && strcmp(n, "1472/QĐ-TTg") == 0) qd = ref;
    if (n && strcmp(n, "56/2017/NĐ-CP") == 0) nd = ref;
    if (t && strcmp(t, "Luật Trẻ em") == 0) law = ref;
  }
  assert_non_null(qd);
  assert_string_equal(plan_reference_kind(qd), "Quyết định");
  assert_string_equal(plan_reference_issuer(qd), "TTg");
  assert_string_equal(plan_reference_date(qd), "2020-09-28");
  assert_true(plan_reference_count(qd) >= 8); /* upper-case title mentions merged in */
  assert_non_null(nd);
  assert_string_equal(plan_reference_kind(nd), "Nghị định");
  assert_string_equal(plan_reference_issuer(nd), "CP");
  assert_non_null(law);
  assert_string_equal(plan_reference_kind(law), "Luật");
  size_t off, line;
  plan_reference_position(qd, &off, &line);
  assert_int_equal(line, 16); /* first seen in the wrapped upper-case title */
  plan_doc_free(doc);
}

/* The pattern runs on a window around each '/': the longest kind word, a
 * reference at a paragraph's start and end, dates and fractions that are
 * no reference, and a long paragraph with many of them. */
static void test_reference_windows(void **state) {
  (void)state;
  test_buf b = {0};
  test_put(&b, "Căn cứ Thông tư liên tịch số 06/2013/TTLT-BLĐTBXH-BGDĐT ngày 15/3/2013; ");
  for (int i = 0; i < 40; i++) test_put(&b, "tỷ lệ 3/4 số trẻ em, ngày 28/9/2020 và năm 2021/2022, ");
  test_put(&b, "Chỉ thị số 28-CT/TW và 121/2020/QH14, ");
  /* no type code in the number: the kind is the words before it */
  test_put(&b, "Thông tư liên tịch số 09/BTP-BYT\n");
  plan_doc *doc = parse_str(b.data);
  assert_int_equal(plan_doc_reference_count(doc), 4);
  assert_string_equal(plan_reference_kind(plan_doc_reference(doc, 3)), "Thông tư liên tịch");
  const plan_reference *tt = plan_doc_reference(doc, 0);
  assert_string_equal(plan_reference_number(tt), "06/2013/TTLT-BLĐTBXH-BGDĐT");
  assert_string_equal(plan_reference_kind(tt), "Thông tư liên tịch");
  assert_string_equal(plan_reference_date(tt), "2013-03-15");
  assert_string_equal(plan_reference_number(plan_doc_reference(doc, 1)), "28-CT/TW");
  assert_string_equal(plan_reference_kind(plan_doc_reference(doc, 1)), "Chỉ thị");
  assert_string_equal(plan_reference_number(plan_doc_reference(doc, 2)), "121/2020/QH14");
  plan_doc_free(doc);
  free(b.data);

  /* the document's own number is dated by its header */
  doc = parse_str("ỦY BAN NHÂN DÂN TỈNH BẮC NINH\n\nSố: 12/KH-UBND\n\nBắc Ninh, ngày 02 tháng 3 năm 2025\n\n"
                  "KẾ HOẠCH\nThử\n\n1. Sở Y tế chủ trì.\n");
  assert_string_equal(plan_reference_number(plan_doc_reference(doc, 0)), "12/KH-UBND");
  assert_non_null(plan_reference_date(plan_doc_reference(doc, 0)));
  assert_string_equal(plan_reference_date(plan_doc_reference(doc, 0)), "2025-03-02");
  plan_doc_free(doc);

  /* the Prime Minister's telegrams, the Party's conclusions and schemes */
  doc = parse_str("Thực hiện Công điện số 130/CĐ-TTg, Kết luận số 100-KL/ĐU và Đề án số 20-ĐA/TU.\n");
  assert_int_equal(plan_doc_reference_count(doc), 3);
  assert_string_equal(plan_reference_kind(plan_doc_reference(doc, 0)), "Công điện");
  assert_string_equal(plan_reference_kind(plan_doc_reference(doc, 1)), "Kết luận");
  assert_string_equal(plan_reference_kind(plan_doc_reference(doc, 2)), "Đề án");
  plan_doc_free(doc);
}

/* "1717/QĐ- UBND", "94/2024/TT- BTC": a copy's stray space after a code's
 * dash is no end of the number, which merges with its spelling without
 * the space; a dash before a word in lower case ends it still. */
static void test_reference_dash_space(void **state) {
  (void)state;
  plan_doc *doc = parse_str("Căn cứ Quyết định số 1717/QĐ- UBND ngày 20/5/2025 và Thông tư số "
                            "94/2024/TT- BTC ngày 31/12/2024; Công văn số 2846/SNV- TCBC&TCPCP; "
                            "Quyết định số 1717/QĐ-UBND; Quyết định 1472/QĐ-TTg- Về việc.\n");
  assert_int_equal(plan_doc_reference_count(doc), 4);
  const plan_reference *qd = plan_doc_reference(doc, 0);
  assert_string_equal(plan_reference_number(qd), "1717/QĐ-UBND");
  assert_string_equal(plan_reference_issuer(qd), "UBND");
  assert_string_equal(plan_reference_date(qd), "2025-05-20");
  assert_int_equal(plan_reference_count(qd), 2);
  assert_string_equal(plan_reference_number(plan_doc_reference(doc, 1)), "94/2024/TT-BTC");
  assert_string_equal(plan_reference_issuer(plan_doc_reference(doc, 1)), "BTC");
  assert_string_equal(plan_reference_number(plan_doc_reference(doc, 2)), "2846/SNV-TCBC&TCPCP");
  assert_string_equal(plan_reference_number(plan_doc_reference(doc, 3)), "1472/QĐ-TTg");
  plan_doc_free(doc);

  /* a line wrapped before the slash, after a kind word: one number, no
   * space; without the kind word, "các xã 12 /QĐ" cites nothing */
  doc = parse_str("Theo đề nghị của Giám đốc Sở tại Tờ trình số 409\n/TTr-SVHTTDL ngày 22 tháng 10 "
                  "năm 2025 và Tờ trình số 409/TTr-SVHTTDL; các xã 12 /QĐ-UBND.\n");
  assert_int_equal(plan_doc_reference_count(doc), 1);
  qd = plan_doc_reference(doc, 0);
  assert_string_equal(plan_reference_number(qd), "409/TTr-SVHTTDL");
  assert_string_equal(plan_reference_kind(qd), "Tờ trình");
  assert_string_equal(plan_reference_date(qd), "2025-10-22");
  assert_int_equal(plan_reference_count(qd), 2);
  plan_doc_free(doc);

  /* a number with a part ("66.2/2025/NQ-CP", the Government's numbering)
   * is one number, never its part alone; a full stop with no space after
   * it still ends a sentence before a number */
  doc = parse_str("Căn cứ Nghị quyết số 66.2/2025/NQ-CP ngày 28 tháng 8 năm 2025 của Chính phủ "
                  "và quy định.1472/QĐ-TTg.\n");
  assert_int_equal(plan_doc_reference_count(doc), 2);
  qd = plan_doc_reference(doc, 0);
  assert_string_equal(plan_reference_number(qd), "66.2/2025/NQ-CP");
  assert_string_equal(plan_reference_kind(qd), "Nghị quyết");
  assert_string_equal(plan_reference_issuer(qd), "CP");
  assert_string_equal(plan_reference_number(plan_doc_reference(doc, 1)), "1472/QĐ-TTg");
  plan_doc_free(doc);
}

static bool has_diag(const plan_doc *doc, plan_diag_code code, size_t line) {
  for (size_t i = 0; i < plan_doc_diagnostic_count(doc); i++) {
    const plan_diagnostic *d = plan_doc_diagnostic(doc, i);
    size_t l;
    plan_diagnostic_position(d, NULL, &l, NULL);
    if (plan_diagnostic_code(d) == code && l == line) return true;
  }
  return false;
}

static void test_diagnostics(void **state) {
  (void)state;
  plan_doc *doc = parse_str(
      "KẾ HOẠCH\nThử nghiệm\n\n"
      "II. MỤC ĐÍCH\n\n1. Một\n\n2. Hai\n\n4. Bốn\n\n"  /* starts at II; gap 2 -> 4 */
      "III. NHIỆM VỤ\n\na) một\n\nb) hai\n\nđ) năm\n\nf) sáu\n\n" /* đ and f: mixed */
      "III. LẶP\n");                                   /* duplicate III */
  assert_true(has_diag(doc, PLAN_DIAG_STARTS_LATE, 4));
  assert_true(has_diag(doc, PLAN_DIAG_NUMBERING_GAP, 10));
  assert_true(has_diag(doc, PLAN_DIAG_MIXED_ALPHABET, 14));
  assert_true(has_diag(doc, PLAN_DIAG_DUPLICATE_NUMBER, 22));
  for (size_t i = 0; i < plan_doc_diagnostic_count(doc); i++)
    assert_true(strlen(plan_diagnostic_message(plan_doc_diagnostic(doc, i))) > 0);
  plan_doc_free(doc);

  doc = parse_str("1. Một\n\nA. Mục lạ\n\n(1) Điểm lạ\n");
  assert_true(has_diag(doc, PLAN_DIAG_UNKNOWN_MARKER, 3));
  assert_true(has_diag(doc, PLAN_DIAG_UNKNOWN_MARKER, 5));
  plan_doc_free(doc);

  /* the corpus: Bình Định is a draft with a partial date */
  doc = parse_corpus("binh-dinh-2021-kh-1472.txt", NULL);
  assert_true(has_diag(doc, PLAN_DIAG_NO_NUMBER, 3));
  assert_true(has_diag(doc, PLAN_DIAG_GUESSED_DATE, 5));
  plan_doc_free(doc);
}

static void test_structure_rules(void **state) {
  (void)state;
  /* markdown heading levels contradict the numbering: numbering wins */
  plan_doc *doc = parse_str("## I. MỘT\n\n#### 1. Con\n\n## **2. Con hai**\n\n### II. HAI\n");
  const plan_node *i1 = find_path(plan_doc_root(doc), "I");
  assert_non_null(i1);
  assert_int_equal(plan_node_item_count(i1), 2);
  assert_non_null(find_path(plan_doc_root(doc), "I.2"));
  assert_string_equal(plan_node_title(find_path(plan_doc_root(doc), "I.2")), "Con hai");
  assert_true(plan_node_is_emphasized(find_path(plan_doc_root(doc), "I.2")));
  plan_doc_free(doc);

  /* inline headings; dotted numbers; lines that must not start a block */
  doc = parse_str("I. KINH PHÍ THỰC HIỆN: Kinh phí do ngân sách bảo đảm.\n"
                  "1.1. Mục con\n"
                  "Theo đề nghị của Sở Lao động\n- Thương binh và Xã hội tại Tờ trình số 5/TTr-X ngày 22 tháng 01 năm\n2021.\n"
                  "Điều 2 Nghị quyết số 121/2020/QH14 là căn cứ.\n");
  const plan_node *k = find_path(plan_doc_root(doc), "I");
  assert_string_equal(plan_node_title(k), "KINH PHÍ THỰC HIỆN");
  assert_string_equal(plan_node_text(k), "Kinh phí do ngân sách bảo đảm.");
  const plan_node *d = find_path(plan_doc_root(doc), "I.1.1");
  assert_non_null(d);
  assert_int_equal(plan_node_marker(d), PLAN_MARKER_DOTTED);
  assert_int_equal(plan_node_item_count(d), 0);
  const plan_node *p = plan_node_first_child(d);
  assert_non_null(p);
  assert_string_equal(plan_node_text(p),
                      "Theo đề nghị của Sở Lao động - Thương binh và Xã hội tại Tờ trình số "
                      "5/TTr-X ngày 22 tháng 01 năm 2021.");
  assert_int_equal(plan_node_kind_of(plan_node_next(p)), PLAN_NODE_PARAGRAPH);
  plan_doc_free(doc);

  /* chapters, parts, sections and articles */
  doc = parse_str("Chương I\n\nMục 1. Chung\n\nĐiều 1. Phạm vi\n\nĐiều 2. Đối tượng\n\n"
                  "Chương II\n\nĐiều 3. Hiệu lực\n");
  const plan_node *ch = find_path(plan_doc_root(doc), "Chương I");
  assert_non_null(ch);
  assert_int_equal(plan_node_marker(ch), PLAN_MARKER_CHAPTER);
  const plan_node *sec = find_path(plan_doc_root(doc), "Chương I.Mục 1");
  assert_non_null(sec);
  assert_int_equal(plan_node_item_count(sec), 2);
  assert_string_equal(plan_node_title(find_path(plan_doc_root(doc), "Chương I.Mục 1.Điều 2")),
                      "Đối tượng");
  assert_non_null(find_path(plan_doc_root(doc), "Chương II.Điều 3"));
  plan_doc_free(doc);

  /* a page break inside a sentence */
  doc = parse_str("1. Sở\n\n- các hoạt động văn hóa, Phong\n\ntrào toàn dân.\n\n- Hai.\n");
  const plan_node *one = find_path(plan_doc_root(doc), "1");
  assert_int_equal(plan_node_item_count(one), 2);
  assert_string_equal(plan_node_text(plan_node_first_child(one)),
                      "các hoạt động văn hóa, Phong trào toàn dân.");
  size_t start, end, line;
  plan_node_span(plan_node_first_child(one), &start, &end, &line);
  assert_int_equal(line, 3);
  assert_int_equal(start, strlen("1. Sở\n\n"));
  plan_doc_free(doc);
}

static void test_paragraphs_only_and_errors(void **state) {
  (void)state;
  plan_doc *doc = parse_str("Một đoạn văn.\n\nHai đoạn văn.\n");
  const plan_node *c = plan_node_first_child(plan_doc_root(doc));
  assert_non_null(c);
  assert_int_equal(plan_node_kind_of(c), PLAN_NODE_PREAMBLE);
  assert_non_null(plan_node_next(c));
  plan_doc_free(doc);

  plan_error e;
  assert_status(plan_doc_parse("", 0, NULL, &doc, &e), PLAN_EEMPTY);
  assert_null(doc);
  assert_status(plan_doc_parse(" \n\n ", 4, NULL, &doc, &e), PLAN_EEMPTY);
  static const char junk[] = "\x01\x02\x03\x04junk\x05\x06\x07\x08\x0e\x0f";
  assert_status(plan_doc_parse(junk, sizeof junk - 1, NULL, &doc, &e), PLAN_EFORMAT);
  assert_int_equal(e.offset, 0);
  assert_status(plan_doc_parse("a\xff", 2, NULL, &doc, &e), PLAN_EUTF8);
  assert_int_equal(e.offset, 1);
  assert_status(plan_doc_parse_file("/nonexistent.txt", NULL, &doc, &e), PLAN_EIO);
  assert_status(plan_doc_parse("a", 1, NULL, NULL, &e), PLAN_EINVAL);
  plan_doc_free(NULL);
}

static void test_iterator(void **state) {
  (void)state;
  plan_doc *doc = parse_corpus("hai-phong-2021-kh-03.txt", NULL);
  plan_iter *it = test_iter_new(plan_doc_root(doc));
  size_t enter = 0, exit_ = 0, nodes = 0;
  plan_event ev;
  int depth = 0, max_depth = 0;
  while ((ev = plan_iter_next(it)) != PLAN_EVENT_DONE) {
    const plan_node *n = plan_iter_node(it);
    assert_non_null(n);
    if (ev == PLAN_EVENT_ENTER) {
      enter++;
      if (plan_node_first_child(n)) depth++;
      if (depth > max_depth) max_depth = depth;
    } else {
      exit_++;
      depth--;
      assert_non_null(plan_node_first_child(n));
    }
  }
  assert_int_equal(depth, 0);
  plan_iter_free(it);
  /* the same count by hand */
  const plan_node *stack[64];
  int sp = 0;
  stack[sp++] = plan_doc_root(doc);
  while (sp) {
    const plan_node *n = stack[--sp];
    nodes++;
    for (const plan_node *c = plan_node_first_child(n); c; c = plan_node_next(c)) stack[sp++] = c;
  }
  assert_int_equal(enter, nodes);
  assert_true(exit_ > 0 && max_depth >= 3);
  plan_doc_free(doc);
  assert_null(test_iter_new(NULL));
}

static void test_renderers(void **state) {
  (void)state;
  for (size_t d = 0; d < CORPUS_COUNT; d++) {
    plan_doc *doc = parse_corpus(corpus_files[d], NULL);
    size_t n;
    char *js = test_render_json(doc, &n);
    assert_non_null(js);
    json_error_t je;
    json_t *j = json_loadb(js, n, 0, &je);
    if (!j) fail_msg("%s: JSON invalid: %s", corpus_files[d], je.text);
    assert_string_equal(json_string_value(json_object_get(json_object_get(j, "meta"), "doc_type")),
                        plan_doc_meta(doc, PLAN_META_DOC_TYPE));
    assert_true(json_array_size(json_object_get(j, "sections")) >= 3);
    json_t *first = json_array_get(json_object_get(j, "sections"), 0);
    assert_non_null(json_object_get(first, "children"));
    assert_true(json_is_integer(json_object_get(first, "line")));
    assert_int_equal(json_array_size(json_object_get(j, "references")), plan_doc_reference_count(doc));
    json_decref(j);
    plan_free(js);

    char *xml = test_render_xml(doc, &n);
    assert_non_null(xml);
    xmlDocPtr x = xmlReadMemory(xml, (int)n, "doc.xml", "UTF-8", XML_PARSE_NONET | XML_PARSE_NOERROR);
    if (!x) fail_msg("%s: XML not well formed", corpus_files[d]);
    xmlFreeDoc(x);
    plan_free(xml);

    char *txt = test_render_text(doc, &n);
    assert_non_null(txt);
    assert_non_null(strstr(txt, plan_doc_meta(doc, PLAN_META_PROVINCE)));
    plan_free(txt);
    plan_doc_free(doc);
  }
  assert_null(test_render_json(NULL, NULL));
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_gold_meta),
      cmocka_unit_test(test_gold_outline),
      cmocka_unit_test(test_gold_references),
      cmocka_unit_test(test_reference_details),
      cmocka_unit_test(test_reference_windows),
      cmocka_unit_test(test_reference_dash_space),
      cmocka_unit_test(test_diagnostics),
      cmocka_unit_test(test_structure_rules),
      cmocka_unit_test(test_paragraphs_only_and_errors),
      cmocka_unit_test(test_iterator),
      cmocka_unit_test(test_renderers),
  };
  return cmocka_run_group_tests_name("parse", tests, NULL, NULL);
}
