/* shapes.h - generators of inputs shaped to find superlinear paths: each
 * writes a document of about n units of its shape into a test_buf.  Used by
 * test_growth (time at n and 8n) and by tools/shapes.c, which writes them
 * to files for a fuzzer's seeds or a profiler. */
#ifndef PLAN_TEST_SHAPES_H
#define PLAN_TEST_SHAPES_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct shape_buf {
  char *data;
  size_t len, cap;
} shape_buf;

static inline void shape_put(shape_buf *b, const char *s) {
  size_t n = strlen(s);
  if (b->len + n + 1 > b->cap) {
    b->cap = (b->len + n + 1) * 2;
    b->data = realloc(b->data, b->cap);
    if (!b->data) abort();
  }
  memcpy(b->data + b->len, s, n + 1);
  b->len += n;
}

static inline void shape_printf(shape_buf *b, const char *fmt, size_t k) {
  char tmp[256];
  snprintf(tmp, sizeof tmp, fmt, k, k, k);
  shape_put(b, tmp);
}

static const char shape_head[] =
    "ỦY BAN NHÂN DÂN TỈNH BẮC KẠN\n\nSố: 145/KH-UBND\n\nBắc Kạn, ngày 02 tháng 02 năm 2021\n\n"
    "KẾ HOẠCH\n\nThực hiện Quyết định số 1472/QĐ-TTg\n\n";

/* "1/2/3/.../n" in a preamble: the reference scanner's slash windows. */
static inline void shape_slash_run(shape_buf *b, size_t n) {
  shape_put(b, shape_head);
  shape_put(b, "Căn cứ ");
  for (size_t k = 1; k <= n; k++) shape_printf(b, k < n ? "%zu/" : "%zu", k);
  shape_put(b, " của Ủy ban nhân dân tỉnh.\n");
}

/* n distinct documents cited: the references' merging of mentions. */
static inline void shape_many_references(shape_buf *b, size_t n) {
  shape_put(b, shape_head);
  for (size_t k = 1; k <= n; k++)
    shape_printf(b, "Căn cứ Quyết định số %zu/QĐ-UBND ngày 01/02/2021 của Ủy ban nhân dân tỉnh;\n", k);
}

/* n national documents cited, each in its own "Căn cứ" paragraph: what a
 * plan carries out, looked for in each paragraph. */
static inline void shape_many_national(shape_buf *b, size_t n) {
  shape_put(b, "ỦY BAN NHÂN DÂN TỈNH BẮC KẠN\n\nSố: 145/KH-UBND\n\nKẾ HOẠCH\n\nVề việc phòng chống xâm hại\n\n");
  for (size_t k = 1; k <= n; k++)
    shape_printf(b, "Căn cứ Quyết định số %zu/QĐ-TTg ngày 01/02/2021 của Thủ tướng Chính phủ;\n\n", k);
  shape_put(b, "I. MỤC ĐÍCH\n\n1. Tuyên truyền.\n");
}

/* One agency item naming n agencies, then roles: the role scan before
 * each mention. */
static inline void shape_agency_list(shape_buf *b, size_t n) {
  static const char *const names[] = {"Sở Y tế", "Sở Tư pháp", "Sở Nội vụ", "Công an tỉnh",
                                      "Sở Tài chính", "Sở Xây dựng", "Sở Công Thương",
                                      "Đài Phát thanh và Truyền hình tỉnh"};
  shape_put(b, shape_head);
  shape_put(b, "III. TỔ CHỨC THỰC HIỆN\n\n1. Sở Giáo dục và Đào tạo\n\n- Chủ trì, phối hợp với ");
  for (size_t k = 0; k < n; k++) {
    shape_put(b, names[k % 8]);
    shape_put(b, k + 1 < n ? ", " : " ");
  }
  shape_put(b, "tổ chức tuyên truyền phòng chống xâm hại trẻ em.\n");
}

/* n agency items with two duties each: the assignment stage's items. */
static inline void shape_many_items(shape_buf *b, size_t n) {
  shape_put(b, shape_head);
  shape_put(b, "III. TỔ CHỨC THỰC HIỆN\n\n");
  for (size_t k = 1; k <= n; k++) {
    shape_printf(b, "%zu. Sở Y tế\n\n", k);
    shape_put(b, "- Chủ trì, phối hợp với Sở Tư pháp tổ chức tuyên truyền về phòng chống xâm hại.\n");
    shape_put(b, "- Định kỳ báo cáo kết quả thực hiện về Ủy ban nhân dân tỉnh trước ngày 15/12.\n\n");
  }
}

/* n agency items, each a body the lexicon does not know: the records of
 * unknown agencies. */
static inline void shape_unknown_agencies(shape_buf *b, size_t n) {
  static const char *const words[] = {"Bắc", "Nam", "Đông", "Tây", "Trung", "Thượng", "Hạ", "Tân"};
  shape_put(b, shape_head);
  shape_put(b, "III. TỔ CHỨC THỰC HIỆN\n\n");
  for (size_t k = 1; k <= n; k++) {
    /* numbered within sections of 100 (a number past 999 reads as a year) */
    if (k % 100 == 1) shape_printf(b, "%zu. Nhiệm vụ năm thứ %zu\n\n", k / 100 + 1);
    shape_printf(b, "%zu.", k / 100 + 1);
    shape_printf(b, "%zu. Trung tâm Dịch vụ ", k % 100 + 1);
    for (size_t x = k; x; x /= 8) { /* a distinct name of words, not digits */
      shape_put(b, words[x % 8]);
      shape_put(b, " ");
    }
    shape_put(b, "\n\n- Chủ trì tổ chức tuyên truyền phòng chống xâm hại trẻ em.\n\n");
  }
}

/* One paragraph of n words, hard-wrapped every eight: the line joiner. */
static inline void shape_long_paragraph(shape_buf *b, size_t n) {
  shape_put(b, shape_head);
  for (size_t k = 0; k < n; k++) shape_put(b, k % 8 == 7 ? "tuyên\n" : "tuyên ");
  shape_put(b, "truyền.\n");
}

/* One upper-case paragraph of n short lines, a capital alone on every
 * other one, in a document with blank lines between its paragraphs: the
 * joiner's look at a paragraph's case, once per line. */
static inline void shape_upper_lines(shape_buf *b, size_t n) {
  shape_put(b, shape_head);
  for (size_t k = 0; k < 6; k++) shape_put(b, "1. Một.\n\n");
  shape_put(b, "TRÍCH “PHẦN C\n");
  for (size_t k = 0; k < n; k++) shape_put(b, k % 2 ? "Ý\n" : "VỀ VIỆC\n");
}

/* One line holding n numbered items run together after full stops ("1)
 * Việc. 2) Việc. ..."), numbers 1 to 999 again and again: each item after
 * the one before starts a paragraph inside the line. */
static inline void shape_inline_items(shape_buf *b, size_t n) {
  shape_put(b, shape_head);
  char item[32];
  for (size_t k = 0; k < n; k++) {
    snprintf(item, sizeof item, "%zu) Việc. ", k % 999 + 1);
    shape_put(b, item);
  }
  shape_put(b, "\n");
}

/* An agency item whose heading is n times "Các" before "sở chủ trì": a
 * plural of a plural of ... (read one level deep, not once per word). */
static inline void shape_plural_heads(shape_buf *b, size_t n) {
  shape_put(b, "KẾ HOẠCH\nThử\n\nIII. TỔ CHỨC THỰC HIỆN\n\n1. ");
  for (size_t k = 0; k < n; k++) shape_put(b, "Các ");
  shape_put(b, "sở chủ trì.\n\n2. Sở Y tế chủ trì khám bệnh.\n");
}

/* n lines of one level deeper each ("1.", "1.1.", "1.1.1.", ...), capped at
 * 40 levels and started again: the outline's stack. */
static inline void shape_deep_outline(shape_buf *b, size_t n) {
  shape_put(b, shape_head);
  char label[256] = "";
  size_t depth = 0;
  for (size_t k = 0; k < n; k++) {
    if (depth == 40) { label[0] = '\0'; depth = 0; }
    strcat(label, "1.");
    depth++;
    shape_put(b, label);
    shape_put(b, " Nội dung tuyên truyền về phòng chống xâm hại trẻ em\n\n");
  }
}

/* A pipe table of n rows of tasks: the text task tables. */
static inline void shape_text_table(shape_buf *b, size_t n) {
  shape_put(b, shape_head);
  shape_put(b, "| STT | Nội dung | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian |\n|---|---|---|---|---|\n");
  for (size_t k = 1; k <= n; k++)
    shape_printf(b, "| %zu | Tuyên truyền phòng chống xâm hại trẻ em | Sở Y tế | Sở Tư pháp | Năm 2025 |\n", k);
}

/* A task table copied cell by cell ('|' lines between cells) whose n
 * rows each have leads of their own (a known body and an unlisted one
 * after it): n items made from the tasks' sets of leads. */
static inline void shape_cell_table(shape_buf *b, size_t n) {
  shape_put(b, shape_head);
  shape_put(b, "|\n**TT**\n|\n**Nhiệm vụ**\n|\n**Cơ quan chủ trì**\n|\n**Cơ quan phối hợp**\n|\n");
  for (size_t k = 1; k <= n; k++)
    shape_printf(b, "|\n%zu\n|\nTuyên truyền phòng chống xâm hại trẻ em.\n|\n"
                    "Sở Y tế, Ban Quản lý dự án %zu\n|\nSở Tư pháp\n|\n", k);
}

/* One duty naming departments by the rest of their names n times ("các
 * Sở: Tài chính, Văn hóa, Thể thao và Du lịch"), then an item over n
 * bodies' names: the lists' reading and the members' test. */
static inline void shape_elided_lists(shape_buf *b, size_t n) {
  shape_put(b, shape_head);
  shape_put(b, "1. Sở Y tế: chủ trì");
  for (size_t k = 0; k < n; k++)
    shape_put(b, ", phối hợp với các Sở: Tài chính, Văn hóa, Thể thao và Du lịch; Tư pháp và các sở, ban, ngành");
  shape_put(b, ".\n2. Các đơn vị trực thuộc Sở Y tế:\n");
  for (size_t k = 0; k < n; k++) shape_printf(b, "- Trung tâm Y tế số %zu;\n", k);
}

/* An HTML page of n small task tables: the header cells' reading. */
static inline void shape_html_tables(shape_buf *b, size_t n) {
  shape_put(b, "<html><body><p>KẾ HOẠCH</p><p>III. TỔ CHỨC THỰC HIỆN</p>");
  for (size_t k = 0; k < n; k++)
    shape_put(b, "<table><tr><td>Nội dung</td><td>Cơ quan chủ trì</td></tr>"
                 "<tr><td>Tuyên truyền phòng chống xâm hại</td><td>Sở Y tế</td></tr></table>");
  shape_put(b, "</body></html>");
}

/* An HTML tag with n attributes (past PLAN_MAX_ATTRIBUTES: refused). */
static inline void shape_html_attributes(shape_buf *b, size_t n) {
  shape_put(b, "<html><body><p");
  for (size_t k = 0; k < n; k++) shape_printf(b, " a%zu=\"v\"", k);
  shape_put(b, ">KẾ HOẠCH</p><p>1. Sở Y tế tuyên truyền.</p></body></html>");
}

/* n HTML paragraphs of 200 attributes each. */
static inline void shape_html_attribute_tags(shape_buf *b, size_t n) {
  shape_put(b, "<html><body><p>KẾ HOẠCH</p>");
  for (size_t k = 0; k < n; k++) {
    shape_put(b, "<p");
    for (size_t a = 0; a < 200; a++) shape_printf(b, " a%zu=\"v\"", a);
    shape_put(b, ">1. Sở Y tế tuyên truyền phòng chống xâm hại trẻ em.</p>");
  }
  shape_put(b, "</body></html>");
}

/* The parts of a DOCX (document.xml, numbering.xml, styles.xml) whose
 * shape grows with n; make them a ZIP with make_zip() (test_util.h). */
typedef struct shape_docx {
  shape_buf document, numbering, styles;
} shape_docx;

#define SHAPE_W "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\""

/* n lists, each its own w:abstractNum and w:num, and a paragraph in each:
 * the numbering's look-ups. */
static inline void shape_docx_lists(shape_docx *d, size_t n) {
  shape_put(&d->numbering, "<w:numbering " SHAPE_W ">");
  for (size_t k = 1; k <= n; k++)
    shape_printf(&d->numbering, "<w:abstractNum w:abstractNumId=\"%zu\"><w:lvl w:ilvl=\"0\">"
                 "<w:start w:val=\"1\"/><w:numFmt w:val=\"decimal\"/><w:lvlText w:val=\"%%1.\"/>"
                 "</w:lvl></w:abstractNum>", k);
  for (size_t k = 1; k <= n; k++)
    shape_printf(&d->numbering, "<w:num w:numId=\"%zu\"><w:abstractNumId w:val=\"%zu\"/></w:num>", k);
  shape_put(&d->numbering, "</w:numbering>");
  shape_put(&d->document, "<w:document " SHAPE_W "><w:body>");
  for (size_t k = 1; k <= n; k++)
    shape_printf(&d->document, "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"%zu\"/>"
                 "</w:numPr></w:pPr><w:r><w:t>Sở Y tế tuyên truyền.</w:t></w:r></w:p>", k);
  shape_put(&d->document, "</w:body></w:document>");
}

/* n paragraph styles and a paragraph in each: the styles' look-ups. */
static inline void shape_docx_styles(shape_docx *d, size_t n) {
  shape_put(&d->styles, "<w:styles " SHAPE_W ">");
  for (size_t k = 1; k <= n; k++)
    shape_printf(&d->styles, "<w:style w:type=\"paragraph\" w:styleId=\"S%zu\"><w:name w:val=\"Kiểu %zu\"/></w:style>", k);
  shape_put(&d->styles, "</w:styles>");
  shape_put(&d->document, "<w:document " SHAPE_W "><w:body>");
  for (size_t k = 1; k <= n; k++)
    shape_printf(&d->document, "<w:p><w:pPr><w:pStyle w:val=\"S%zu\"/></w:pPr><w:r><w:t>Sở Y tế tuyên truyền.</w:t></w:r></w:p>", k);
  shape_put(&d->document, "</w:body></w:document>");
}

#endif
