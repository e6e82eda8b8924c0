/* test_input.c - documents that arrive as HTML pages, Word files or in the
 * legacy Vietnamese encodings.  The tests make those forms themselves from
 * the corpus text (HTML with libxml2, DOCX with libxml2 and libzip, legacy
 * bytes through data/enc_*.tsv read here) and check that each parses to
 * what the text form parses to, that every encoding round-trips exactly
 * and that detection names the right one. */
#include <libxml/HTMLtree.h>
#include <libxml/tree.h>
#include <utf8proc.h>

#include "test_util.h"
#include "text/text.h"

/* ---- a growable string -------------------------------------------------- */

typedef struct str {
  char *s;
  size_t n, cap;
} str;

static void put(str *b, const char *s, size_t n) {
  if (b->n + n + 1 > b->cap) {
    b->cap = (b->n + n + 1) * 2;
    b->s = realloc(b->s, b->cap);
    assert_non_null(b->s);
  }
  memcpy(b->s + b->n, s, n);
  b->n += n;
  b->s[b->n] = '\0';
}
static void puts_(str *b, const char *s) { put(b, s ? s : "(null)", strlen(s ? s : "(null)")); }
static void putsep(str *b, const char *a, const char *c) { puts_(b, a); puts_(b, c); }

/* ---- what a parse gives, positions left out ----------------------------- */

static void outline(str *b, const plan_node *n, int depth) {
  for (; n; n = plan_node_next(n)) {
    char head[64];
    snprintf(head, sizeof head, "%*s%s/%s ", depth * 2, "", plan_node_kind_name(plan_node_kind_of(n)),
             plan_marker_name(plan_node_marker(n)));
    puts_(b, head);
    putsep(b, plan_node_label(n), " | ");
    putsep(b, plan_node_title(n), " | ");
    putsep(b, plan_node_text(n), "\n");
    outline(b, plan_node_first_child(n), depth + 1);
  }
}

static char *summary(const plan_doc *d) {
  str b = {0};
  for (int f = 0; f < PLAN_META_COUNT_; f++) {
    putsep(&b, plan_meta_name((plan_meta)f), "=");
    putsep(&b, plan_doc_meta(d, (plan_meta)f), "\n");
  }
  outline(&b, plan_node_first_child(plan_doc_root(d)), 0);
  for (size_t i = 0; i < plan_doc_assignment_count(d); i++) {
    const plan_assignment *a = plan_doc_assignment(d, i);
    putsep(&b, "item ", plan_assignment_label(a));
    putsep(&b, " ", plan_assignment_heading(a));
    puts_(&b, plan_assignment_requested(a) ? " requested" : "");
    for (size_t k = 0; k < plan_assignment_agency_count(a); k++)
      putsep(&b, " @", plan_agency_id(plan_mention_agency(plan_assignment_agency(a, k))));
    puts_(&b, "\n");
    for (size_t k = 0; k < plan_assignment_duty_count(a); k++) {
      const plan_duty *du = plan_assignment_duty(a, k);
      putsep(&b, "  duty ", plan_duty_text(du));
      if (plan_duty_agency(du)) putsep(&b, " by ", plan_agency_id(plan_duty_agency(du)));
      if (plan_duty_deadline(du)) putsep(&b, " until ", plan_duty_deadline(du));
      for (size_t m = 0; m < plan_duty_mention_count(du); m++) {
        const plan_mention *me = plan_duty_mention(du, m);
        putsep(&b, " @", plan_agency_id(plan_mention_agency(me)));
        putsep(&b, ":", plan_role_name(plan_mention_role(me)));
      }
      puts_(&b, "\n");
    }
  }
  for (size_t i = 0; i < plan_doc_reference_count(d); i++) {
    const plan_reference *r = plan_doc_reference(d, i);
    char count[32];
    snprintf(count, sizeof count, " x%zu\n", plan_reference_count(r));
    putsep(&b, "ref ", plan_reference_number(r));
    putsep(&b, " ", plan_reference_kind(r));
    putsep(&b, " ", plan_reference_issuer(r));
    putsep(&b, " ", plan_reference_date(r));
    putsep(&b, " ", plan_reference_title(r));
    puts_(&b, count);
  }
  return b.s;
}

/* Fails with the first line that differs, which says more than two pages. */
static void assert_same_summary(const char *want, const char *got, const char *what) {
  if (strcmp(want, got) == 0) return;
  size_t line = 1, i = 0;
  while (want[i] && want[i] == got[i]) line += want[i++] == '\n';
  size_t ws = i, gs = i;
  while (ws && want[ws - 1] != '\n') ws--;
  while (gs && got[gs - 1] != '\n') gs--;
  fail_msg("%s differs at summary line %zu:\n want: %.200s\n  got: %.200s", what, line, want + ws,
           got + gs);
}

static plan_doc *parse_bytes(const char *s, size_t n, plan_input input, plan_encoding enc) {
  plan_options o;
  plan_options_init(&o);
  o.input = input;
  o.encoding = enc;
  plan_doc *doc = NULL;
  plan_error e;
  if (plan_doc_parse(s, n, &o, &doc, &e) != PLAN_OK)
    fail_msg("parse failed: %s (%s)", e.message, plan_status_name(e.status));
  return doc;
}

static char *text_summary(const char *name) {
  size_t n;
  char *text = read_corpus(name, &n);
  plan_doc *d = parse_bytes(text, n, PLAN_INPUT_AUTO, PLAN_ENCODING_AUTO);
  char *s = summary(d);
  plan_doc_free(d);
  free(text);
  return s;
}

/* ---- the corpus text as blocks of lines ----------------------------------- */

/* Calls fn for each line of text (without its LF), in order. */
typedef struct lines {
  char **v;
  size_t n;
} lines;

static lines split_lines(const char *text, size_t n) {
  lines l = {calloc(n + 2, sizeof(char *)), 0};
  size_t b = 0;
  while (b < n) {
    const char *nl = memchr(text + b, '\n', n - b);
    size_t e = nl ? (size_t)(nl - text) : n;
    size_t k = e;
    if (k > b && text[k - 1] == '\r') k--;
    l.v[l.n] = strndup(text + b, k - b);
    l.n++;
    b = e + 1;
  }
  return l;
}

static void free_lines(lines *l) {
  for (size_t i = 0; i < l->n; i++) free(l->v[i]);
  free(l->v);
}

static bool blank_line(const char *s) {
  for (; *s; s++)
    if (*s != ' ' && *s != '\t') return false;
  return true;
}

static bool cell_break(const char *s) {
  while (*s == ' ') s++;
  return s[0] == '|' && (s[1] == '\0' || blank_line(s + 1));
}

/* "## X" -> level 2 and X. */
static int heading_of(const char *s, const char **rest) {
  int k = 0;
  while (s[k] == '#') k++;
  if (k >= 1 && k <= 6 && s[k] == ' ') {
    *rest = s + k + 1;
    return k;
  }
  *rest = s;
  return 0;
}

/* ---- HTML ----------------------------------------------------------------- */

#define X(s) ((const xmlChar *)(s))

/* Adds s to parent, '**' spans as <b>; bold carries over lines (*bold). */
static void html_inline(xmlNodePtr parent, const char *s, bool *bold) {
  while (*s) {
    const char *star = strstr(s, "**");
    size_t n = star ? (size_t)(star - s) : strlen(s);
    if (n) {
      char *seg = strndup(s, n);
      xmlNodePtr t = xmlNewText(X(seg));
      if (*bold) {
        xmlNodePtr bnode = xmlNewChild(parent, NULL, X("b"), NULL);
        xmlAddChild(bnode, t);
      } else {
        xmlAddChild(parent, t);
      }
      free(seg);
    }
    if (!star) break;
    *bold = !*bold;
    s = star + 2;
  }
}

static void html_lines(xmlNodePtr parent, lines *l, size_t b, size_t e, bool *bold) {
  for (size_t i = b; i < e; i++) {
    if (i > b) xmlNewChild(parent, NULL, X("br"), NULL);
    html_inline(parent, l->v[i], bold);
  }
}

/* The corpus text as a provincial portal might serve it: page furniture
 * around it (script, style, navigation, a comment), blocks as <p> with
 * <br> line breaks, markdown headings as <hN>, '|'-separated cells as a
 * table. */
static char *render_html(const char *text, size_t n, bool utf8, size_t *out_len) {
  htmlDocPtr doc = htmlNewDoc(NULL, NULL);
  xmlNodePtr html = xmlNewNode(NULL, X("html"));
  xmlDocSetRootElement(doc, html);
  xmlNodePtr head = xmlNewChild(html, NULL, X("head"), NULL);
  xmlNewTextChild(head, NULL, X("title"), X("Cổng thông tin điện tử tỉnh - Văn bản"));
  xmlNewTextChild(head, NULL, X("style"), X("p { margin: 0 } td { border: 1px solid }"));
  xmlNewTextChild(head, NULL, X("script"), X("var menu = '<p>1. Sở Giả mạo: xóa</p>';"));
  xmlNodePtr body = xmlNewChild(html, NULL, X("body"), NULL);
  xmlNodePtr nav = xmlNewChild(body, NULL, X("nav"), NULL);
  xmlNodePtr ul = xmlNewChild(nav, NULL, X("ul"), NULL);
  xmlNewTextChild(ul, NULL, X("li"), X("Trang chủ"));
  xmlNewTextChild(ul, NULL, X("li"), X("2. Sở Văn bản pháp quy"));
  xmlAddChild(body, xmlNewComment(X(" 3. Sở Bình luận: không phải nhiệm vụ ")));
  xmlNodePtr main = xmlNewChild(body, NULL, X("div"), NULL);
  xmlNewProp(main, X("class"), X("content"));
  lines l = split_lines(text, n);
  bool bold = false;
  for (size_t i = 0; i < l.n;) {
    if (blank_line(l.v[i])) { i++; continue; }
    size_t e = i;
    bool cells = false;
    while (e < l.n && !blank_line(l.v[e])) cells |= cell_break(l.v[e++]);
    const char *rest;
    int level = heading_of(l.v[i], &rest);
    if (cells) {
      xmlNodePtr tr = xmlNewChild(xmlNewChild(main, NULL, X("table"), NULL), NULL, X("tr"), NULL);
      size_t c = i;
      while (c < e) {
        size_t ce = c;
        while (ce < e && !cell_break(l.v[ce])) ce++;
        html_lines(xmlNewChild(tr, NULL, X("td"), NULL), &l, c, ce, &bold);
        c = ce + 1;
      }
    } else if (level && e == i + 1) {
      char tag[4] = {'h', (char)('0' + level), 0, 0};
      html_inline(xmlNewChild(main, NULL, X(tag), NULL), rest, &bold);
    } else {
      html_lines(xmlNewChild(main, NULL, X("p"), NULL), &l, i, e, &bold);
    }
    i = e;
  }
  free_lines(&l);
  xmlNewTextChild(xmlNewChild(body, NULL, X("footer"), NULL), NULL, X("script"), X("track();"));
  xmlChar *mem = NULL;
  int size = 0;
  /* with no encoding named, libxml2 writes every non-ASCII character as
   * an entity or a character reference; with UTF-8, as bytes */
  if (utf8) htmlSetMetaEncoding(doc, X("UTF-8"));
  htmlDocDumpMemoryFormat(doc, &mem, &size, 0);
  xmlFreeDoc(doc);
  *out_len = (size_t)size;
  return (char *)mem;
}

/* Positions looked up in order, each search resuming where the last
 * stopped (plan__text_source_from(), as the assignment stage asks for a
 * duty's), are plan_text_source(, NULL)'s: rising, then in any order. */
static void same_positions_in_order(const plan_text *t, const char *what) {
  size_t len;
  plan_text_data(t, &len);
  plan_text_cursor rising = {0}, any = {0};
  uint64_t x = 2463534242u;
  for (size_t off = 0; off <= len + 2; off += 3) {
    x ^= x << 13, x ^= x >> 7, x ^= x << 17;
    size_t random_off = x % (len + 3);
    for (int pass = 0; pass < 2; pass++) {
      size_t o = pass ? random_off : off, in, line, want_in, want_line;
      plan__text_source_from(t, pass ? &any : &rising, o, &in, &line);
      assert_int_equal(plan_text_source(t, o, &want_in, &want_line, NULL, NULL), PLAN_OK);
      if (in != want_in || line != want_line)
        fail_msg("%s: offset %zu at %zu line %zu, from the start %zu line %zu", what, o, in, line,
                 want_in, want_line);
    }
  }
}

static void test_positions_in_order(void **state) {
  (void)state;
  for (size_t i = 0; i < CORPUS_COUNT; i++) {
    size_t n, hn;
    char *text = read_corpus(corpus_files[i], &n);
    plan_options o;
    plan_options_init(&o);
    plan_text *t;
    plan_error e;
    for (int expand = 0; expand < 2; expand++) { /* abbreviations expanded: a second map */
      o.flags = expand ? PLAN_OPT_EXPAND_ABBREVIATIONS : PLAN_OPT_DEFAULT;
      assert_int_equal(plan_normalize(text, n, &o, &t, &e), PLAN_OK);
      same_positions_in_order(t, corpus_files[i]);
      plan_text_free(t);
    }
    char *html = render_html(text, n, true, &hn); /* positions found in the page */
    assert_int_equal(plan_normalize(html, hn, NULL, &t, &e), PLAN_OK);
    same_positions_in_order(t, "html");
    plan_text_free(t);
    xmlFree(html);
    free(text);
  }
}

static void test_html_like_text(void **state) {
  (void)state;
  for (size_t v = 0; v < 2 * CORPUS_COUNT; v++) {
    size_t i = v / 2, n, hn;
    char *text = read_corpus(corpus_files[i], &n);
    char *want = text_summary(corpus_files[i]);
    char *html = render_html(text, n, v % 2, &hn);
    assert_non_null(strstr(html, "<script>")); /* the furniture is there to be dropped */
    plan_doc *d = parse_bytes(html, hn, PLAN_INPUT_AUTO, PLAN_ENCODING_AUTO);
    assert_int_equal(plan_text_input(plan_doc_text(d)), PLAN_INPUT_HTML);
    char *got = summary(d);
    assert_same_summary(want, got, corpus_files[i]);
    /* positions point into the page: a duty's line holds its first words */
    const plan_assignment *a = plan_doc_assignment(d, 0);
    assert_non_null(a);
    size_t start, end, line;
    plan_duty_span(plan_assignment_duty(a, 0), &start, &end, &line);
    assert_true(start < hn && end <= hn && start < end && line > 1);
    if (v % 2) { /* UTF-8 bytes: the duty's first word is where the span starts */
      const char *dt = plan_duty_text(plan_assignment_duty(a, 0));
      size_t fl = strcspn(dt, " ");
      assert_true(fl > 0 && start + fl <= hn);
      if (memcmp(html + start, dt, fl) != 0)
        fail_msg("%s: duty '%.*s' spans from '%.40s'", corpus_files[i], (int)fl, dt, html + start);
    }
    free(got);
    plan_doc_free(d);
    xmlFree(html);
    free(want);
    free(text);
  }
}

static void test_html_pieces(void **state) {
  (void)state;
  static const char page[] =
      "<html><head><meta charset=\"windows-1258\"><title>T</title></head><body>"
      "<p>KẾ HOẠCH &amp; &#7843;nh&nbsp;h&#432;&#7903;ng</p>"
      "<h3>II. TỔ CHỨC THỰC HIỆN</h3>"
      "<p><b>1. Sở Y tế: </b>Chủ trì <i>khám</i> sức khỏe.</p>"
      "<p><strong>2. Sở Giáo dục và Đào tạo</strong></p>"
      "<ul><li>Tuyên truyền trong trường học.</li><li>- Phối hợp với Công an tỉnh.</li></ul>"
      "<table><tr><th>STT</th><th>Nội dung</th><th>Cơ quan chủ trì</th>"
      "<th>Cơ quan phối hợp</th><th>Thời gian thực hiện</th></tr>"
      "<tr><td>1</td><td>Tập huấn cán bộ</td><td>Sở Tư pháp</td><td>Công an tỉnh</td>"
      "<td>Quý II năm 2021</td></tr></table>"
      "<div><div><p>Trên đây là Kế hoạch.<!-- x --></p></div></div>";
  plan_doc *d = parse_bytes(page, sizeof page - 1, PLAN_INPUT_AUTO, PLAN_ENCODING_AUTO);
  const char *t = plan_text_data(plan_doc_text(d), NULL);
  /* entities decoded, <meta charset> ignored (the bytes are UTF-8) */
  assert_non_null(strstr(t, "KẾ HOẠCH & ảnh hưởng\n"));
  assert_non_null(strstr(t, "II. TỔ CHỨC THỰC HIỆN\n"));
  assert_null(strstr(t, "**"));
  assert_int_equal(plan_doc_assignment_count(d), 2);
  const plan_assignment *a = plan_doc_assignment(d, 1);
  assert_string_equal(plan_assignment_heading(a), "Sở Giáo dục và Đào tạo");
  assert_int_equal(plan_assignment_duty_count(a), 3);
  assert_string_equal(plan_duty_text(plan_assignment_duty(a, 0)), "Tuyên truyền trong trường học.");
  assert_string_equal(plan_duty_text(plan_assignment_duty(a, 1)), "Phối hợp với Công an tỉnh.");
  /* the task table's row: lead, support and deadline columns */
  const plan_duty *task = plan_assignment_duty(a, 2);
  assert_string_equal(plan_duty_deadline(task), "Quý II năm 2021");
  assert_int_equal(plan_duty_mention_count(task), 2);
  assert_string_equal(plan_agency_id(plan_mention_agency(plan_duty_mention(task, 0))), "doj");
  assert_int_equal(plan_mention_role(plan_duty_mention(task, 0)), PLAN_ROLE_LEAD);
  assert_string_equal(plan_agency_id(plan_mention_agency(plan_duty_mention(task, 1))), "police");
  assert_int_equal(plan_mention_role(plan_duty_mention(task, 1)), PLAN_ROLE_COORDINATE);
  /* bold became a hint, as markdown's would */
  bool bold = false;
  for (size_t i = 0; i < plan_text_hint_count(plan_doc_text(d)); i++)
    bold |= plan_text_hint(plan_doc_text(d), i)->kind == PLAN_HINT_BOLD;
  assert_true(bold);
  plan_doc_free(d);
  /* --input=text reads the same bytes as text: the tags stay */
  d = parse_bytes(page, sizeof page - 1, PLAN_INPUT_TEXT, PLAN_ENCODING_AUTO);
  assert_non_null(strstr(plan_text_data(plan_doc_text(d), NULL), "<table>"));
  plan_doc_free(d);
}

/* ---- DOCX ----------------------------------------------------------------- */

#define W_NS "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

static void docx_runs(xmlNodePtr p, xmlNsPtr w, const char *s, bool *bold) {
  while (*s) {
    const char *star = strstr(s, "**");
    size_t n = star ? (size_t)(star - s) : strlen(s);
    if (n) {
      char *seg = strndup(s, n);
      xmlNodePtr r = xmlNewChild(p, w, X("r"), NULL);
      if (*bold) xmlNewChild(xmlNewChild(r, w, X("rPr"), NULL), w, X("b"), NULL);
      xmlNodePtr t = xmlNewTextChild(r, w, X("t"), X(seg));
      xmlNodeSetSpacePreserve(t, 1);
      free(seg);
    }
    if (!star) break;
    *bold = !*bold;
    s = star + 2;
  }
}

static void docx_para(xmlNodePtr parent, xmlNsPtr w, const char *line, bool *bold) {
  xmlNodePtr p = xmlNewChild(parent, w, X("p"), NULL);
  const char *rest;
  int level = heading_of(line, &rest);
  if (level) {
    char style[24];
    snprintf(style, sizeof style, "Heading%d", level);
    xmlNodePtr ps = xmlNewChild(xmlNewChild(p, w, X("pPr"), NULL), w, X("pStyle"), NULL);
    xmlNewNsProp(ps, w, X("val"), X(style));
  }
  docx_runs(p, w, rest, bold);
}

/* The corpus text as Word would save it: a paragraph per line (an empty
 * one per blank line), heading styles, bold runs, '|' cells as a table. */
static char *render_docx_xml(const char *text, size_t n, int *size) {
  xmlDocPtr doc = xmlNewDoc(X("1.0"));
  xmlNodePtr root = xmlNewNode(NULL, X("document"));
  xmlNsPtr w = xmlNewNs(root, X(W_NS), X("w"));
  xmlSetNs(root, w);
  xmlDocSetRootElement(doc, root);
  xmlNodePtr body = xmlNewChild(root, w, X("body"), NULL);
  lines l = split_lines(text, n);
  bool bold = false;
  for (size_t i = 0; i < l.n;) {
    size_t e = i;
    bool cells = false;
    while (e < l.n && !blank_line(l.v[e])) cells |= cell_break(l.v[e++]);
    if (!cells) {
      docx_para(body, w, l.v[i], &bold);
      i++;
      continue;
    }
    xmlNodePtr tr = xmlNewChild(xmlNewChild(body, w, X("tbl"), NULL), w, X("tr"), NULL);
    for (size_t c = i; c < e;) {
      size_t ce = c;
      while (ce < e && !cell_break(l.v[ce])) ce++;
      xmlNodePtr tc = xmlNewChild(tr, w, X("tc"), NULL);
      for (size_t k = c; k < ce; k++) docx_para(tc, w, l.v[k], &bold);
      c = ce + 1;
    }
    i = e;
  }
  free_lines(&l);
  xmlChar *mem = NULL;
  xmlDocDumpMemoryEnc(doc, &mem, size, "UTF-8");
  xmlFreeDoc(doc);
  return (char *)mem;
}

/* document.xml and a content-types part, zipped. */
static char *render_docx(const char *text, size_t n, size_t *out_len) {
  int xml_len;
  char *xml = render_docx_xml(text, n, &xml_len);
  static const char types[] =
      "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/"
      "content-types\"/>";
  const char *names[] = {"[Content_Types].xml", "word/document.xml"};
  const char *data[] = {types, xml};
  size_t len[] = {sizeof types - 1, (size_t)xml_len};
  char *z = make_zip(names, data, len, 2, out_len);
  xmlFree(xml);
  return z;
}

static void test_docx_like_text(void **state) {
  (void)state;
  for (size_t i = 0; i < CORPUS_COUNT; i++) {
    size_t n, dn;
    char *text = read_corpus(corpus_files[i], &n);
    char *want = text_summary(corpus_files[i]);
    char *docx = render_docx(text, n, &dn);
    plan_doc *d = parse_bytes(docx, dn, PLAN_INPUT_AUTO, PLAN_ENCODING_AUTO);
    assert_int_equal(plan_text_input(plan_doc_text(d)), PLAN_INPUT_DOCX);
    char *got = summary(d);
    assert_same_summary(want, got, corpus_files[i]);
    free(got);
    plan_doc_free(d);
    free(docx);
    free(want);
    free(text);
  }
}

/* Word's own list numbering (word/numbering.xml: Roman parts, decimal
 * items, lower-case letters, bullets), a heading style, bold runs, a
 * deleted run, a tab and a task table, written by hand as Word writes
 * them. */
static void test_docx_numbering_and_tables(void **state) {
  (void)state;
#define P(ppr, runs) "<w:p><w:pPr>" ppr "</w:pPr>" runs "</w:p>"
#define R(text) "<w:r><w:t xml:space=\"preserve\">" text "</w:t></w:r>"
#define NUM(id, lvl) "<w:numPr><w:ilvl w:val=\"" #lvl "\"/><w:numId w:val=\"" #id "\"/></w:numPr>"
  static const char document[] =
      "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
      "<w:document xmlns:w=\"" W_NS "\"><w:body>"
      P("", "<w:r><w:rPr><w:b/></w:rPr><w:t>KẾ HOẠCH</w:t></w:r>")
      P("", R("Thực hiện Quyết định số 1472/QĐ-TTg"))
      P("<w:pStyle w:val=\"Heading1\"/>" NUM(1, 0), R("MỤC ĐÍCH"))
      P("<w:pStyle w:val=\"Heading1\"/>" NUM(1, 0), R("TỔ CHỨC THỰC HIỆN"))
      P(NUM(1, 1), "<w:r><w:rPr><w:b/></w:rPr><w:t xml:space=\"preserve\">Sở Y tế: </w:t></w:r>"
                   R("Chủ trì") "<w:del><w:r><w:delText>xóa bỏ</w:delText></w:r></w:del>"
                   R(" khám sức khỏe."))
      P(NUM(1, 1), R("Sở Giáo dục và Đào tạo"))
      P(NUM(1, 2), R("Tuyên truyền trong trường học;"))
      P(NUM(1, 2), "<w:r><w:t>Phối hợp</w:t><w:tab/><w:t>với Công an tỉnh.</w:t></w:r>")
      P(NUM(2, 0), R("Báo cáo định kỳ."))
      "<w:tbl><w:tr><w:tc>" P("", R("Nội dung")) "</w:tc><w:tc>" P("", R("Cơ quan chủ trì"))
      "</w:tc><w:tc>" P("", R("Thời gian thực hiện")) "</w:tc></w:tr>"
      "<w:tr><w:tc>" P("", R("Tập huấn cán bộ")) "</w:tc><w:tc>" P("", R("Sở Tư pháp"))
      "</w:tc><w:tc>" P("", R("Năm 2021")) "</w:tc></w:tr></w:tbl>"
      "</w:body></w:document>";
  static const char numbering[] =
      "<?xml version=\"1.0\"?><w:numbering xmlns:w=\"" W_NS "\">"
      "<w:abstractNum w:abstractNumId=\"0\">"
      "<w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"upperRoman\"/>"
      "<w:lvlText w:val=\"%1.\"/></w:lvl>"
      "<w:lvl w:ilvl=\"1\"><w:start w:val=\"1\"/><w:numFmt w:val=\"decimal\"/>"
      "<w:lvlText w:val=\"%2.\"/></w:lvl>"
      "<w:lvl w:ilvl=\"2\"><w:start w:val=\"1\"/><w:numFmt w:val=\"lowerLetter\"/>"
      "<w:lvlText w:val=\"%3)\"/></w:lvl></w:abstractNum>"
      "<w:abstractNum w:abstractNumId=\"1\"><w:lvl w:ilvl=\"0\"><w:numFmt w:val=\"bullet\"/>"
      "<w:lvlText w:val=\"\xef\x82\xb7\"/></w:lvl></w:abstractNum>"
      "<w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num>"
      "<w:num w:numId=\"2\"><w:abstractNumId w:val=\"1\"/></w:num></w:numbering>";
#undef P
#undef R
#undef NUM
  const char *names[] = {"word/document.xml", "word/numbering.xml"};
  const char *data[] = {document, numbering};
  size_t len[] = {sizeof document - 1, sizeof numbering - 1}, n;
  char *docx = make_zip(names, data, len, 2, &n);
  plan_doc *d = parse_bytes(docx, n, PLAN_INPUT_AUTO, PLAN_ENCODING_AUTO);
  const char *t = plan_text_data(plan_doc_text(d), NULL);
  /* the numbers Word shows, the heading and bold as hints, no deleted text */
  assert_non_null(strstr(t, "I. MỤC ĐÍCH\nII. TỔ CHỨC THỰC HIỆN\n1. Sở Y tế: Chủ trì khám sức khỏe.\n"
                            "2. Sở Giáo dục và Đào tạo\na) Tuyên truyền trong trường học;\n"
                            "b) Phối hợp với Công an tỉnh.\n- Báo cáo định kỳ.\n"));
  assert_null(strstr(t, "xóa bỏ"));
  assert_string_equal(plan_doc_meta(d, PLAN_META_DOC_TYPE), "KẾ HOẠCH");
  assert_int_equal(plan_doc_assignment_count(d), 2);
  const plan_assignment *a = plan_doc_assignment(d, 1);
  assert_string_equal(plan_assignment_label(a), "2");
  assert_int_equal(plan_assignment_duty_count(a), 2);
  /* the bullet after b) is under it in the outline, and so in its duty;
   * the task row that names its own lead is not */
  assert_string_equal(plan_duty_text(plan_assignment_duty(a, 1)),
                      "Phối hợp với Công an tỉnh. - Báo cáo định kỳ.");
  /* the task table's row: a duty with its lead agency and deadline */
  assert_non_null(strstr(t, "- Tập huấn cán bộ. Cơ quan chủ trì: Sở Tư pháp. Thời gian thực hiện: Năm 2021"));
  bool bold = false, heading = false;
  for (size_t i = 0; i < plan_text_hint_count(plan_doc_text(d)); i++) {
    bold |= plan_text_hint(plan_doc_text(d), i)->kind == PLAN_HINT_BOLD;
    heading |= plan_text_hint(plan_doc_text(d), i)->kind == PLAN_HINT_HEADING;
  }
  assert_true(bold && heading);
  /* positions are those of the text taken out of the file: a line a paragraph */
  size_t line;
  plan_duty_span(plan_assignment_duty(a, 1), NULL, NULL, &line);
  assert_int_equal(line, 8);
  plan_doc_free(d);
  free(docx);
}

/* ---- legacy encodings ------------------------------------------------------ */

typedef struct enc_row {
  char bytes[4];
  size_t nbytes;
  int32_t cp; /* the one character (or combining mark) the bytes stand for */
} enc_row;

typedef struct enc_table {
  enc_row rows[512];
  size_t n;
  bool viqr;
} enc_table;

/* Reads data/enc_NAME.tsv: the same data the library is built from, read
 * independently here and inverted. */
static void load_table(const char *name, enc_table *t) {
  char path[128];
  snprintf(path, sizeof path, "data/enc_%s.tsv", name);
  size_t n;
  char *data = read_file(path, &n);
  memset(t, 0, sizeof *t);
  t->viqr = strcmp(name, "viqr") == 0;
  lines l = split_lines(data, n);
  for (size_t i = 0; i < l.n; i++) {
    char *tab = strchr(l.v[i], '\t');
    if (l.v[i][0] == '#' || !tab) continue;
    enc_row *r = &t->rows[t->n++];
    for (char *h = l.v[i]; h < tab; h += 2) {
      unsigned v;
      sscanf(h, "%2x", &v);
      r->bytes[r->nbytes++] = (char)v;
    }
    utf8proc_int32_t cp;
    utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)tab + 1, -1, &cp);
    assert_true(k > 0 && tab[1 + k] == '\0'); /* one character per row */
    r->cp = cp;
  }
  free_lines(&l);
  free(data);
}

static const enc_row *lookup(const enc_table *t, int32_t cp) {
  const enc_row *best = NULL;
  for (size_t i = 0; i < t->n; i++)
    if (t->rows[i].cp == cp && (!best || t->rows[i].nbytes < best->nbytes)) best = &t->rows[i];
  return best;
}

static bool is_vowel_ascii(char c) { return c && strchr("aeiouyAEIOUY", c); }

/* Encodes NFC text; a character the table lacks is written as its base
 * letter and its tone mark (Windows-1258), and typographic punctuation the
 * encoding has no byte for as ASCII in *source too, so the round trip is
 * compared against what can be written.  VIQR escapes marks that follow a
 * vowel and a 'd' after a 'd'. */
static void encode(const enc_table *t, const char *in, str *out, str *source) {
  int32_t prev = 0;
  for (const char *p = in; *p;) {
    utf8proc_int32_t cp;
    utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)p, -1, &cp);
    assert_true(k > 0);
    const char *subst = NULL;
    if (cp >= 0x80 && !lookup(t, cp)) {
      if (cp == 0x201C || cp == 0x201D) subst = "\"";
      else if (cp == 0x2018 || cp == 0x2019) subst = "'";
      else if (cp == 0x2026) subst = "...";
    }
    if (subst) {
      put(out, subst, strlen(subst));
      put(source, subst, strlen(subst));
      prev = '.';
      p += k;
      continue;
    }
    put(source, p, (size_t)k);
    if (cp < 0x80) {
      char c = (char)cp;
      bool after_vowel = prev < 0x80 ? is_vowel_ascii((char)prev) : true;
      if (t->viqr && ((after_vowel && strchr("^(+'`?~.", c)) || c == '\\' ||
                      ((c | 0x20) == 'd' && (prev | 0x20) == 'd')))
        put(out, "\\", 1);
      put(out, &c, 1);
    } else if (lookup(t, cp)) {
      const enc_row *r = lookup(t, cp);
      put(out, r->bytes, r->nbytes);
    } else { /* base letter + tone mark */
      utf8proc_int32_t d[4];
      int last;
      utf8proc_ssize_t nd = utf8proc_decompose_char(cp, d, 4, UTF8PROC_DECOMPOSE, &last);
      assert_true(nd >= 2);
      /* the tone mark (dot below sorts before a circumflex: Ộ is O, dot,
       * circumflex) comes off; the rest composes into the base letter */
      int32_t tone = 0;
      utf8proc_int32_t base[4];
      utf8proc_ssize_t nbase = 0;
      for (utf8proc_ssize_t j = 0; j < nd; j++) {
        if (!tone && (d[j] == 0x300 || d[j] == 0x301 || d[j] == 0x303 || d[j] == 0x309 ||
                      d[j] == 0x323))
          tone = d[j];
        else
          base[nbase++] = d[j];
      }
      utf8proc_ssize_t nb = utf8proc_normalize_utf32(base, nbase, UTF8PROC_COMPOSE);
      assert_int_equal(nb, 1);
      const enc_row *rb = lookup(t, base[0]), *rt = lookup(t, tone);
      if (!rt || (base[0] >= 0x80 && !rb)) fail_msg("U+%04X cannot be encoded", (unsigned)cp);
      if (base[0] < 0x80) { char c = (char)base[0]; put(out, &c, 1); }
      else put(out, rb->bytes, rb->nbytes);
      put(out, rt->bytes, rt->nbytes);
    }
    prev = cp;
    p += k;
  }
}

static void test_legacy_round_trip_and_detection(void **state) {
  (void)state;
  static const struct { const char *name; plan_encoding e; } encs[] = {
      {"tcvn3", PLAN_ENCODING_TCVN3}, {"vni", PLAN_ENCODING_VNI},
      {"viqr", PLAN_ENCODING_VIQR},   {"cp1258", PLAN_ENCODING_CP1258}};
  static enc_table t;
  for (size_t k = 0; k < sizeof encs / sizeof *encs; k++) {
    load_table(encs[k].name, &t);
    assert_true(t.n > 60);
    for (size_t i = 0; i < CORPUS_COUNT; i++) {
      size_t n;
      char *raw = read_corpus(corpus_files[i], &n);
      char *nfc = test_normalize_string(raw, n, NULL, NULL, NULL);
      assert_non_null(nfc);
      str bytes = {0}, source = {0};
      encode(&t, nfc, &bytes, &source);
      /* named: the decoding gives back exactly what was encoded */
      plan_options o;
      plan_options_init(&o);
      o.encoding = encs[k].e;
      plan_text *txt;
      plan_error e;
      if (plan_normalize(bytes.s, bytes.n, &o, &txt, &e) != PLAN_OK)
        fail_msg("%s %s: %s", encs[k].name, corpus_files[i], e.message);
      assert_same_summary(source.s, plan_text_data(txt, NULL), encs[k].name);
      plan_text_free(txt);
      /* detected: the same encoding, the same text, positions in the bytes */
      assert_int_equal(plan_normalize(bytes.s, bytes.n, NULL, &txt, &e), PLAN_OK);
      if (plan_text_encoding(txt) != encs[k].e)
        fail_msg("%s detected as %s", corpus_files[i], plan_encoding_name(plan_text_encoding(txt)));
      assert_string_equal(plan_text_data(txt, NULL), source.s);
      size_t len, off;
      plan_text_data(txt, &len);
      plan_text_source(txt, len - 1, &off, NULL, NULL, NULL);
      assert_true(off < bytes.n && off + 8 >= bytes.n);
      same_positions_in_order(txt, encs[k].name); /* through the decoding's map too */
      plan_text_free(txt);
      /* and a parse of the bytes agrees with the parse of the text */
      plan_doc *dl = parse_bytes(bytes.s, bytes.n, PLAN_INPUT_AUTO, PLAN_ENCODING_AUTO);
      plan_doc *du = parse_bytes(source.s, source.n, PLAN_INPUT_AUTO, PLAN_ENCODING_AUTO);
      char *sl = summary(dl), *su = summary(du);
      assert_same_summary(su, sl, corpus_files[i]);
      free(sl);
      free(su);
      plan_doc_free(dl);
      plan_doc_free(du);
      free(bytes.s);
      free(source.s);
      plan_free(nfc);
      free(raw);
    }
  }
}

static void test_encoding_errors_and_names(void **state) {
  (void)state;
  /* a byte TCVN3 does not define */
  plan_options o;
  plan_options_init(&o);
  o.encoding = PLAN_ENCODING_TCVN3;
  plan_text *t = (plan_text *)1;
  plan_error e;
  assert_int_equal(plan_normalize("ab\n\xfd", 4, &o, &t, &e), PLAN_OK); /* ý */
  plan_text_free(t);
  o.encoding = PLAN_ENCODING_CP1258;
  assert_int_equal(plan_normalize("ab\n\x8a", 4, &o, &t, &e), PLAN_EFORMAT);
  assert_null(t);
  assert_int_equal(e.offset, 3);
  assert_int_equal(e.line, 2);
  assert_non_null(strstr(e.message, "windows-1258"));
  o.flags = PLAN_OPT_REPLACE_INVALID;
  assert_int_equal(plan_normalize("ab\n\x8a", 4, &o, &t, &e), PLAN_OK);
  assert_string_equal(plan_text_data(t, NULL), "ab\n\xEF\xBF\xBD\n");
  plan_text_free(t);
  /* bytes that read as Vietnamese in two encodings ("tán" in Windows-1258,
   * "tỏn" in TCVN3): the error names both rather than guess */
  static const char two[] = "t\xe1n m\xe1n l\xe1n b\xe1n c\xe1n";
  assert_int_equal(plan_normalize(two, sizeof two - 1, NULL, &t, &e), PLAN_EENCODING);
  assert_null(t);
  assert_non_null(strstr(e.message, "tcvn3"));
  assert_non_null(strstr(e.message, "windows-1258"));
  o.flags = 0;
  o.encoding = PLAN_ENCODING_CP1258; /* named, it reads */
  assert_int_equal(plan_normalize(two, sizeof two - 1, &o, &t, &e), PLAN_OK);
  assert_string_equal(plan_text_data(t, NULL), "tán mán lán bán cán\n");
  plan_text_free(t);
  /* replacing bad bytes does not hide a legacy encoding */
  static const char tcvn[] = "Ch\xf1 tr\xd7 ph\xe8i h\xeep v\xedi S\xeb Y t\xd5";
  o.encoding = PLAN_ENCODING_AUTO;
  o.flags = PLAN_OPT_REPLACE_INVALID;
  assert_int_equal(plan_normalize(tcvn, sizeof tcvn - 1, &o, &t, &e), PLAN_OK);
  assert_string_equal(plan_text_data(t, NULL), "Chủ trì phối hợp với Sở Y tế\n");
  assert_int_equal(plan_text_replacements(t), 0);
  plan_text_free(t);
  /* bad option values */
  o.flags = 0;
  o.encoding = (plan_encoding)42;
  assert_int_equal(plan_normalize("a", 1, &o, &t, &e), PLAN_EINVAL);
  o.encoding = PLAN_ENCODING_AUTO;
  o.input = (plan_input)42;
  assert_int_equal(plan_normalize("a", 1, &o, &t, &e), PLAN_EINVAL);
  /* names both ways */
  plan_encoding enc;
  plan_input kind;
  for (int i = 0; i <= PLAN_ENCODING_CP1258; i++) {
    assert_status(plan_encoding_from_name(plan_encoding_name((plan_encoding)i), &enc, &e), PLAN_OK);
    assert_int_equal(enc, i);
  }
  for (int i = 0; i <= PLAN_INPUT_DOCX; i++) {
    assert_status(plan_input_from_name(plan_input_name((plan_input)i), &kind, &e), PLAN_OK);
    assert_int_equal(kind, i);
  }
  assert_status(plan_encoding_from_name("CP1258", &enc, &e), PLAN_OK);
  assert_int_equal(enc, PLAN_ENCODING_CP1258);
  assert_status(plan_encoding_from_name("latin9", &enc, &e), PLAN_EINVAL);
  assert_non_null(strstr(e.message, "latin9")); /* says which name, and which there are */
  assert_non_null(strstr(e.message, "tcvn3"));
  assert_status(plan_input_from_name("pdf", &kind, &e), PLAN_EINVAL);
  assert_non_null(strstr(e.message, "docx"));
  assert_null(plan_encoding_name((plan_encoding)99));
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_html_pieces),
      cmocka_unit_test(test_html_like_text),
      cmocka_unit_test(test_positions_in_order),
      cmocka_unit_test(test_docx_like_text),
      cmocka_unit_test(test_docx_numbering_and_tables),
      cmocka_unit_test(test_legacy_round_trip_and_detection),
      cmocka_unit_test(test_encoding_errors_and_names),
  };
  return cmocka_run_group_tests_name("input", tests, NULL, NULL);
}
