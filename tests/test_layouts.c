/* test_layouts.c - layouts of real plans that the five corpus documents do
 * not show (../shared/corpus/wild has many of each): markup open across
 * wrapped lines, markers alone on their line, ranges that look like
 * bullets, portal furniture, headers in pipe tables, assigning parts found
 * at any depth, by their bullets or by their roles. */
#include <stdbool.h>

#include "test_util.h"

static size_t count_diag(const plan_doc *doc, plan_diag_code code) {
  size_t n = 0;
  for (size_t i = 0; i < plan_doc_diagnostic_count(doc); i++)
    n += plan_diagnostic_code(plan_doc_diagnostic(doc, i)) == code;
  return n;
}

static bool has_diag_text(const plan_doc *doc, plan_diag_code code, const char *part) {
  for (size_t i = 0; i < plan_doc_diagnostic_count(doc); i++) {
    const plan_diagnostic *d = plan_doc_diagnostic(doc, i);
    if (plan_diagnostic_code(d) == code && strstr(plan_diagnostic_message(d), part)) return true;
  }
  return false;
}

static const plan_assignment *by_agency(const plan_doc *doc, const char *id) {
  for (size_t i = 0; i < plan_doc_assignment_count(doc); i++) {
    const plan_assignment *a = plan_doc_assignment(doc, i);
    for (size_t k = 0; k < plan_assignment_agency_count(a); k++)
      if (strcmp(plan_agency_id(plan_mention_agency(plan_assignment_agency(a, k))), id) == 0)
        return a;
  }
  return NULL;
}

/* The header as the scrapes give it: every field wrapped inside its markup,
 * a stray "**" line, cells between '|' lines. */
static const char wrapped_header[] =
    "|\n**ỦY BAN NHÂN\nDÂN **\nTỈNH LAI CHÂU\n--------\n|\n"
    "**CỘNG HÒA XÃ\nHỘI CHỦ NGHĨA VIỆT NAM**\nĐộc lập - Tự do - Hạnh phúc\n---------------\n|\n|\n"
    "Số:\n87/2025/QĐ-UBND\n|\n*Lai Châu, ngày\n19 tháng 11 năm 2025 *\n|\n\n"
    "**\n**\n**KẾ HOẠCH**\n\nThực hiện nếp sống văn minh\n";

static void test_wrapped_header(void **state) {
  (void)state;
  plan_doc *doc = parse_str(wrapped_header);
  assert_string_equal(plan_doc_meta(doc, PLAN_META_ISSUER), "Ủy ban nhân dân tỉnh Lai Châu");
  assert_string_equal(plan_doc_meta(doc, PLAN_META_NUMBER), "87/2025/QĐ-UBND");
  assert_string_equal(plan_doc_meta(doc, PLAN_META_DATE), "2025-11-19");
  assert_string_equal(plan_doc_meta(doc, PLAN_META_PLACE), "Lai Châu");
  assert_string_equal(plan_doc_meta(doc, PLAN_META_DOC_TYPE), "KẾ HOẠCH");
  plan_doc_free(doc);

  /* a decision its chair issues names the chair */
  doc = parse_str("|\n**CHỦ TỊCH ỦY\nBAN NHÂN DÂN**\nTỈNH ĐỒNG THÁP\n--------\n|\n"
                  "**CỘNG HÒA XÃ\nHỘI CHỦ NGHĨA VIỆT NAM**\nĐộc lập - Tự do - Hạnh phúc\n|\n"
                  "Số:\n144/2025/QĐ-CTUBND\n|\n\n**QUYẾT ĐỊNH**\n\nThử\n");
  assert_string_equal(plan_doc_meta(doc, PLAN_META_ISSUER), "Chủ tịch Ủy ban nhân dân tỉnh Đồng Tháp");
  assert_string_equal(plan_doc_meta(doc, PLAN_META_PROVINCE), "Đồng Tháp");
  plan_doc_free(doc);

  /* a body under the province's committee issues: the issuer is the body
   * (the lexicon's name when it knows it, else as printed), the province
   * the committee's, whether its name is spelled out or "UBND" */
  static const struct { const char *head, *issuer; } bodies[] = {
      {"ỦY BAN NHÂN DÂN\nTỈNH BẮC NINH\nSỞ Y TẾ\n", "Sở Y tế"},
      {"UBND TỈNH BẮC NINH\nSỞ Y TẾ\n", "Sở Y tế"},
      {"UBND THÀNH PHỐ HÀ NỘI\nTRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG\n", "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG"},
      {"ỦY BAN NHÂN DÂN TỈNH BẮC NINH -------\n", "Ủy ban nhân dân tỉnh Bắc Ninh"}, /* a rule, no body */
  };
  for (size_t i = 0; i < sizeof bodies / sizeof *bodies; i++) {
    char text[512];
    snprintf(text, sizeof text, "%s\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\n"
             "Số: 12/KH-SYT\n\nKẾ HOẠCH\nThử\n", bodies[i].head);
    doc = parse_str(text);
    assert_string_equal(plan_doc_meta(doc, PLAN_META_ISSUER), bodies[i].issuer);
    assert_string_equal(plan_doc_meta(doc, PLAN_META_PROVINCE), i == 2 ? "Hà Nội" : "Bắc Ninh");
    plan_doc_free(doc);
  }

  /* "Số" with no colon, a number and its code after it; the place and
   * date in an italic span wrapped in their cell */
  doc = parse_str("|\n**ỦY BAN NHÂN\nDÂN **\nTỈNH QUẢNG TRỊ\n--------\n|\n**CỘNG HÒA XÃ\n"
                  "HỘI CHỦ NGHĨA VIỆT NAM**\nĐộc lập - Tự do - Hạnh phúc\n|\n|\nSố 2696/QĐ-UBND\n|\n"
                  "*Quảng Trị,\nngày 18 tháng 11 năm 2025*\n|\n\n**QUYẾT ĐỊNH**\n\nThử\n\n"
                  "Số lượng thành viên: 5 người.\n");
  assert_string_equal(plan_doc_meta(doc, PLAN_META_NUMBER), "2696/QĐ-UBND");
  assert_string_equal(plan_doc_meta(doc, PLAN_META_DATE), "2025-11-18");
  assert_string_equal(plan_doc_meta(doc, PLAN_META_PLACE), "Quảng Trị");
  plan_doc_free(doc);
  /* a word after it is no number ("Số lượng ...") */
  doc = parse_str("ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ\nSố lượng 2696/QĐ-UBND\nSố 12 người\n\nKẾ HOẠCH\n\nThử\n");
  assert_null(plan_doc_meta(doc, PLAN_META_NUMBER));
  plan_doc_free(doc);
}

/* The same header as a markdown pipe table, and after a portal's menus
 * and metadata table: the same fields, and a diagnostic for the furniture. */
static void test_header_table_and_furniture(void **state) {
  (void)state;
  const char *table =
      "| **ỦY BAN NHÂN DÂN TỈNH LAI CHÂU** | **CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM** "
      "Độc lập - Tự do - Hạnh phúc |\n|---|---|\n"
      "| Số: 87/2025/QĐ-UBND | *Lai Châu, ngày 19 tháng 11 năm 2025* |\n\n"
      "**KẾ HOẠCH**\n\nThực hiện nếp sống văn minh\n";
  plan_doc *doc = parse_str(table);
  assert_string_equal(plan_doc_meta(doc, PLAN_META_ISSUER), "Ủy ban nhân dân tỉnh Lai Châu");
  assert_string_equal(plan_doc_meta(doc, PLAN_META_NUMBER), "87/2025/QĐ-UBND");
  assert_string_equal(plan_doc_meta(doc, PLAN_META_DATE), "2025-11-19");
  assert_int_equal(count_diag(doc, PLAN_DIAG_FURNITURE), 0);
  plan_doc_free(doc);

  test_buf b = {0};
  test_put(&b, "Trang chủ | Văn bản pháp luật | Đăng nhập\n\n- Văn bản liên quan\n- Tải về\n\n"
               "**Số hiệu:**\n|\n99/QĐ-UBND\n|\n**Loại văn bản:**\n|\nQuyết định\n|\n\n"
               "Căn cứ Luật Tổ chức chính quyền địa phương;\n\n");
  test_put(&b, wrapped_header);
  doc = parse_str(b.data);
  assert_string_equal(plan_doc_meta(doc, PLAN_META_NUMBER), "87/2025/QĐ-UBND");
  assert_string_equal(plan_doc_meta(doc, PLAN_META_DATE), "2025-11-19");
  assert_string_equal(plan_doc_meta(doc, PLAN_META_ISSUER), "Ủy ban nhân dân tỉnh Lai Châu");
  assert_int_equal(count_diag(doc, PLAN_DIAG_FURNITURE), 1);
  /* the furniture's "Căn cứ" and its bullets are in no part of the tree */
  assert_null(find_path(plan_doc_root(doc), "-"));
  plan_doc_free(doc);
  free(b.data);
}

/* A page with no header (a news article about a decision): its portal's
 * menus, tabs, notices and metadata labels with their values are
 * furniture up to the last of them, the article the text; a tab's word
 * alone in a text, with no portal named, is the text's. */
static void test_headerless_page_furniture(void **state) {
  (void)state;
  const char *page =
      "Trang chủ | Văn bản pháp luật | Đăng nhập\n\n"
      "Bản dịch này thuộc quyền sở hữu của **\nTHƯ VIỆN PHÁP LUẬT**. Mọi hành vi sao chép là vi phạm.\n\n"
      "- Văn bản liên quan\n- Lược đồ\n- Tải về\n\n"
      "**Số hiệu:**\n|\n99/QĐ-UBND\n|\n\nĐang tải văn bản...\n\n"
      "# Thông tin dự án Cụm công nghiệp\n\n"
      "Ngày 02 tháng 12 năm 2025, UBND tỉnh Gia Lai ban hành Quyết định 2873/QĐ-UBND chấp thuận "
      "chủ trương đầu tư dự án xây dựng hạ tầng kỹ thuật Cụm công nghiệp Canh Hiệp như sau:\n\n"
      "1. Tên dự án: Cụm công nghiệp Canh Hiệp.\n\n2. Địa điểm: xã Canh Vinh.\n";
  plan_doc *doc = parse_str(page);
  assert_true(has_diag_text(doc, PLAN_DIAG_FURNITURE, "portal's menu, notice or label"));
  assert_null(find_path(plan_doc_root(doc), "-")); /* the tabs are no bullets */
  assert_non_null(find_path(plan_doc_root(doc), "2"));
  for (size_t i = 0; i < plan_doc_reference_count(doc); i++) /* the label's value is no citation */
    assert_string_not_equal(plan_reference_number(plan_doc_reference(doc, i)), "99/QĐ-UBND");
  plan_doc_free(doc);

  doc = parse_str("Thông báo\n\nTải về\n\n1. Mẫu đơn đăng ký.\n\n2. Hồ sơ kèm theo.\n");
  assert_int_equal(count_diag(doc, PLAN_DIAG_FURNITURE), 0);
  plan_doc_free(doc);
}

/* A plan without the motto, then a form attached with one: the form's
 * motto does not make the plan before it furniture. */
static void test_late_motto_is_no_header(void **state) {
  (void)state;
  plan_doc *doc = parse_str(
      "Số: /KH-UBND\n\nBình Định, ngày tháng năm 2021\n\nKẾ HOẠCH\n\nThử\n\n"
      "I. TỔ CHỨC THỰC HIỆN\n\n1. Sở Tài chính: bố trí kinh phí.\n\n"
      "2. Sở Nội vụ: hướng dẫn thi đua.\n\n"
      "ỦY BAN NHÂN DÂN XÃ A\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\nMẪU BÁO CÁO\n");
  assert_int_equal(count_diag(doc, PLAN_DIAG_FURNITURE), 0);
  assert_string_equal(plan_doc_meta(doc, PLAN_META_NUMBER_PATTERN), "/KH-UBND");
  assert_int_equal(plan_doc_assignment_count(doc), 2);
  plan_doc_free(doc);
}

/* A number or an article word alone on its line takes the next line; a
 * number after "tháng" and a dash between two years do not start items. */
static void test_bare_markers_and_ranges(void **state) {
  (void)state;
  plan_doc *doc = parse_str(
      "KẾ HOẠCH\nThử\n\n"
      "**IV.**\n**PHÂN CÔNG NHIỆM VỤ**\n\n"
      "**1.\nSở Công Thương:**\n\n- Chủ trì thực hiện chương trình giai đoạn 2021\n- 2025 trên địa bàn.\n\n"
      "2.\nVăn phòng UBND tỉnh cập nhật dữ liệu từ ngày 15 tháng\n2. năm 2025.\n\n"
      "3.\nCấp dự báo cháy rừng gồm 5 cấp, từ cấp I đến cấp\nV. Ký hiệu biển báo theo mẫu.\n\n"
      "**Điều\n3. Hiệu lực**\n\nQuyết định có hiệu lực.\n");
  const plan_node *iv = find_path(plan_doc_root(doc), "IV");
  assert_non_null(iv);
  assert_string_equal(plan_node_title(iv), "PHÂN CÔNG NHIỆM VỤ");
  const plan_node *one = find_path(plan_doc_root(doc), "IV.1");
  assert_non_null(one);
  assert_string_equal(plan_node_title(one), "Sở Công Thương");
  assert_int_equal(plan_node_item_count(one), 1);
  assert_string_equal(plan_node_text(plan_node_first_child(one)),
                      "Chủ trì thực hiện chương trình giai đoạn 2021 - 2025 trên địa bàn.");
  const plan_node *two = find_path(plan_doc_root(doc), "IV.2");
  assert_non_null(two);
  assert_string_equal(plan_node_text(two),
                      "Văn phòng UBND tỉnh cập nhật dữ liệu từ ngày 15 tháng 2. năm 2025.");
  /* a Roman numeral after a level's word is the level's number */
  assert_string_equal(plan_node_text(find_path(plan_doc_root(doc), "IV.3")),
                      "Cấp dự báo cháy rừng gồm 5 cấp, từ cấp I đến cấp V. Ký hiệu biển báo theo mẫu.");
  assert_null(find_path(plan_doc_root(doc), "IV.3.V"));
  assert_null(find_path(plan_doc_root(doc), "IV.4"));
  /* the part assigns: two agency items */
  assert_int_equal(plan_doc_assignment_count(doc), 2);
  assert_non_null(by_agency(doc, "doit"));
  plan_doc_free(doc);

  doc = parse_str("QUYẾT ĐỊNH\nThử\n\n**Điều\n1. Phạm vi**\n\nQuy định này.\n\n"
                  "**Chương\nII**\n\n**Điều\n3. Hiệu lực**\n\nCó hiệu lực.\n");
  const plan_node *art = find_path(plan_doc_root(doc), "Điều 1");
  assert_non_null(art);
  assert_string_equal(plan_node_title(art), "Phạm vi");
  art = find_path(plan_doc_root(doc), "Điều 3");
  assert_non_null(art);
  assert_string_equal(plan_node_title(art), "Hiệu lực");
  plan_doc_free(doc);
}

/* A document that separates its paragraphs by blank lines: a wrap after a
 * full stop goes on with the paragraph, and a diagnostic says why. */
static void test_blank_line_paragraphs(void **state) {
  (void)state;
  test_buf b = {0};
  test_put(&b, "KẾ HOẠCH\n\nThử\n\nI. MỤC ĐÍCH\n\n");
  for (int i = 1; i <= 5; i++) {
    char item[160];
    snprintf(item, sizeof item, "%d. Nhiệm vụ thứ %d được giao.\nTăng cường kiểm tra.\n\n", i, i);
    test_put(&b, item);
  }
  plan_doc *doc = parse_str(b.data);
  const plan_node *three = find_path(plan_doc_root(doc), "I.3");
  assert_non_null(three);
  assert_string_equal(plan_node_text(three), "Nhiệm vụ thứ 3 được giao. Tăng cường kiểm tra.");
  assert_int_equal(count_diag(doc, PLAN_DIAG_HEURISTIC), 1);
  plan_doc_free(doc);
  free(b.data);

  /* The habit holds with a tight list of receivers (a bullet after a
   * bullet says nothing of it) and an article whose number a wrap put on
   * the next line: a break after ";" before a capital is still a wrap. */
  b = (test_buf){0};
  test_put(&b, "QUYẾT ĐỊNH\n\nThử\n\n**Điều\n1. Phạm vi**\n\n");
  for (int i = 1; i <= 6; i++) {
    char item[160];
    snprintf(item, sizeof item, "%d. Nhiệm vụ thứ %d theo Nghị định số 23/2016/NĐ-CP;\nNghị định số 98/2019/NĐ-CP.\n\n", i, i);
    test_put(&b, item);
  }
  test_put(&b, "Nơi nhận:\n");
  for (int i = 1; i <= 9; i++) test_put(&b, "- Sở Tư pháp;\n");
  doc = parse_str(b.data);
  const plan_node *six = find_path(plan_doc_root(doc), "Điều 1.6");
  assert_non_null(six);
  assert_string_equal(plan_node_text(six), "Nhiệm vụ thứ 6 theo Nghị định số 23/2016/NĐ-CP; Nghị định số 98/2019/NĐ-CP.");
  assert_true(has_diag_text(doc, PLAN_DIAG_HEURISTIC, "separated by blank lines"));
  plan_doc_free(doc);
  free(b.data);

  /* wraps that leave a line looking like a marker: an article's word
   * before "này", a code's number closing a parenthesis, a dash inside a
   * name ("Văn phòng HĐND - UBND") or between two words ("lịch sử - văn
   * hóa") */
  b = (test_buf){0};
  test_put(&b, "KẾ HOẠCH\n\nThử\n\nI. NHIỆM VỤ\n\n");
  for (int i = 1; i <= 16; i++) {
    char item[80];
    snprintf(item, sizeof item, "%d. Nhiệm vụ thứ %d được giao.\n\n", i, i);
    test_put(&b, item);
  }
  test_put(&b, "17. Xóa thư đúng quy định tại khoản 3\nĐiều\nnày, khoản 1\nĐiều 4\nQuyết định này.\n\n"
               "18. Công bố thủ tục (Mã TTHC:\n1.012993) trên Cổng.\n\n"
               "19. Văn phòng HĐND\n- UBND cấp xã tham mưu.\n\n"
               "20. Bảo tồn di tích lịch sử\n- văn hóa trên địa bàn.\n\n"
               "21. Các nhiệm vụ:\n- tuyên truyền;\n- kiểm tra.\n\n"
               "22. Sở Tài chính ban hành kế hoạch kiểm tra giá.\nCăn cứ kế hoạch, giao Sở kiểm tra.\n\n"
               "23. Thực hiện theo quy định tại\n“PHẦN C. TRÌNH TỰ, THỦ TỤC ĐĂNG KÝ ĐẤT ĐAI, TÀI SẢN GẮN LIỀN\n"
               "VỚI ĐẤT” thuộc Phần V.\n");
  doc = parse_str(b.data);
  assert_string_equal(plan_node_text(find_path(plan_doc_root(doc), "I.17")),
                      "Xóa thư đúng quy định tại khoản 3 Điều này, khoản 1 Điều 4 Quyết định này.");
  assert_string_equal(plan_node_text(find_path(plan_doc_root(doc), "I.18")),
                      "Công bố thủ tục (Mã TTHC: 1.012993) trên Cổng.");
  assert_string_equal(plan_node_text(find_path(plan_doc_root(doc), "I.19")),
                      "Văn phòng HĐND - UBND cấp xã tham mưu.");
  assert_string_equal(plan_node_text(find_path(plan_doc_root(doc), "I.20")),
                      "Bảo tồn di tích lịch sử - văn hóa trên địa bàn.");
  assert_string_equal(plan_node_text(find_path(plan_doc_root(doc), "I.22")),
                      "Sở Tài chính ban hành kế hoạch kiểm tra giá. Căn cứ kế hoạch, giao Sở kiểm tra.");

  /* after a colon, lower-case bullets are a list */
  assert_int_equal(plan_node_item_count(find_path(plan_doc_root(doc), "I.21")), 2);
  /* upper case inside a sentence is a quotation, the sentence goes on */
  assert_string_equal(plan_node_text(find_path(plan_doc_root(doc), "I.23")),
                      "Thực hiện theo quy định tại “PHẦN C. TRÌNH TỰ, THỦ TỤC ĐĂNG KÝ ĐẤT ĐAI, TÀI SẢN "
                      "GẮN LIỀN VỚI ĐẤT” thuộc Phần V.");
  plan_doc_free(doc);
  /* an item's text that ran over a line as long as the item's own is cut
   * again, not a heading over a new sentence; a heading wrapped short
   * stays a heading */
  doc = parse_str("QUYẾT ĐỊNH\nThử\n\n**Điều 2.** Tổ chức thực hiện\n1. Giao Sở Nội vụ hướng dẫn.\n"
                  "2. Giao Trung tâm Chuyển đổi số Thành phố cấu hình thủ\n"
                  "tục hành chính trên Hệ thống Thông tin giải quyết thủ tục hành chính\nThành phố.\n"
                  "3. Hủy kết quả phê duyệt\nnhiệm vụ đổi mới sáng tạo\nỦy ban nhân dân Thành phố hủy quyết định.\n");
  const plan_assignment *centre = by_agency(doc, "digital-centre");
  assert_non_null(centre);
  assert_string_equal(plan_duty_text(plan_assignment_duty(centre, 0)),
                      "cấu hình thủ tục hành chính trên Hệ thống Thông tin giải quyết thủ tục hành chính "
                      "Thành phố.");
  assert_string_equal(plan_node_title(find_path(plan_doc_root(doc), "Điều 2.3")),
                      "Hủy kết quả phê duyệt nhiệm vụ đổi mới sáng tạo");
  plan_doc_free(doc);
  /* an open quotation goes on whatever its case; after a long line, a
   * dash before a lower-case word joins two words; after a short heading,
   * lower-case bullets are its items */
  doc = parse_str("KẾ HOẠCH\nThử\n\n1. Cung cấp hồ sơ theo quy định tại Mục 5 của “Phần VI.\n"
                  "TRÌNH TỰ, THỦ TỤC CUNG CẤP DỮ LIỆU” thuộc Phụ lục.\n"
                  "2. Khuyến khích hoạt động đầu tư xây dựng nhằm phát huy giá trị di tích lịch sử\n"
                  "- văn hóa, di sản văn hóa.\n3. Sở Y tế\n- chủ trì khám bệnh;\n- báo cáo.\n");
  assert_string_equal(plan_node_text(find_path(plan_doc_root(doc), "1")),
                      "Cung cấp hồ sơ theo quy định tại Mục 5 của “Phần VI. TRÌNH TỰ, THỦ TỤC CUNG CẤP DỮ "
                      "LIỆU” thuộc Phụ lục.");
  assert_int_equal(plan_node_item_count(find_path(plan_doc_root(doc), "2")), 0);
  assert_int_equal(plan_node_item_count(find_path(plan_doc_root(doc), "3")), 2);
  plan_doc_free(doc);
  /* a chapter or part of a document cited across a break is no marker;
   * an article's heading, with its stop, is one */
  doc = parse_str("KẾ HOẠCH\nThử\n\n1. Cắm mốc giới được thực hiện theo\n"
                  "Chương IV Thông tư 16/2025/TT-BXD và trình tự quy định tại mục I\n"
                  "Phần IV Phụ lục I kèm theo Nghị định.\n2. Hai.\n");
  assert_string_equal(plan_node_text(find_path(plan_doc_root(doc), "1")),
                      "Cắm mốc giới được thực hiện theo Chương IV Thông tư 16/2025/TT-BXD và trình tự "
                      "quy định tại mục I Phần IV Phụ lục I kèm theo Nghị định.");
  plan_doc_free(doc);
  /* the kind of the document cited may end the line, its number next */
  doc = parse_str("KẾ HOẠCH\nThử\n\n1. Cắm mốc giới được thực hiện theo\nChương IV Thông tư\n"
                  "16/2025/TT-BXD của Bộ Xây dựng.\n2. Hai.\n");
  assert_string_equal(plan_node_text(find_path(plan_doc_root(doc), "1")),
                      "Cắm mốc giới được thực hiện theo Chương IV Thông tư 16/2025/TT-BXD của Bộ Xây dựng.");
  assert_null(find_path(plan_doc_root(doc), "Chương IV"));
  plan_doc_free(doc);
  doc = parse_str("QUYẾT ĐỊNH\nThử\n\nĐiều 4. Phạm vi\nQuy chế áp dụng cho các cơ quan sau\n"
                  "Điều 5. Trách nhiệm thi hành\n");
  assert_non_null(find_path(plan_doc_root(doc), "Điều 5"));
  plan_doc_free(doc);
  /* a word a second wrap left alone, the next line going on in lower
   * case, does not start a paragraph after a full stop */
  doc = parse_str("KẾ HOẠCH\nThử\n\n1. Tuyên truyền về bảo vệ trẻ em nói chung, phòng, chống xâm hại trẻ em nói riêng.\n"
                  "Trong\nđó chú trọng giáo dục giới tính.\n2. Hai.\n");
  assert_string_equal(plan_node_text(find_path(plan_doc_root(doc), "1")),
                      "Tuyên truyền về bảo vệ trẻ em nói chung, phòng, chống xâm hại trẻ em nói riêng. Trong "
                      "đó chú trọng giáo dục giới tính.");
  plan_doc_free(doc);
  /* nor two short words ("Dự thảo" / "văn bản ..."); three are a line's
   * own sentence */
  doc = parse_str("KẾ HOẠCH\nThử\n\n1. Thẩm định hồ sơ (nếu cần thiết).\nDự thảo\nvăn bản trình Ủy ban nhân dân.\n"
                  "2. Thẩm định hồ sơ.\nDự thảo văn bản\ntrình Ủy ban nhân dân.\n");
  assert_string_equal(plan_node_text(find_path(plan_doc_root(doc), "1")),
                      "Thẩm định hồ sơ (nếu cần thiết). Dự thảo văn bản trình Ủy ban nhân dân.");
  assert_string_equal(plan_node_text(find_path(plan_doc_root(doc), "2")), "Thẩm định hồ sơ.");
  plan_doc_free(doc);
  /* nor does a dash before it, inside a sentence: a hyphen, no bullet (a
   * bullet's first line is not one word); a bullet of its own words, or
   * after a sentence's end, still starts one */
  doc = parse_str("KẾ HOẠCH\nThử\n\n1. Bãi bỏ số thứ tự 04,05 mục B\n- Danh\nmục TTHC ban hành kèm theo.\n"
                  "- Tổ\nchức rà soát.\n2. Rà soát các thủ tục\n- Quy trình nội bộ\nđược công bố.\n");
  assert_string_equal(plan_node_text(find_path(plan_doc_root(doc), "1")),
                      "Bãi bỏ số thứ tự 04,05 mục B - Danh mục TTHC ban hành kèm theo.");
  assert_string_equal(plan_node_text(plan_node_first_child(find_path(plan_doc_root(doc), "1"))),
                      "Tổ chức rà soát.");
  assert_string_equal(plan_node_text(plan_node_first_child(find_path(plan_doc_root(doc), "2"))),
                      "Quy trình nội bộ được công bố.");
  plan_doc_free(doc);
  /* an open parenthesis goes on over a number or an article; an
   * upper-case title listing its subjects goes on over a kind of document */
  doc = parse_str("KẾ HOẠCH\nThử\n\n1. Thủ tục công nhận cơ sở sử dụng lao động là người khuyết tật (Mã TTHC:\n"
                  "1.001806)\n2. Thủ tục cấp phép (Căn cứ\nĐiều 33 Nghị quyết số 16/2024/NQ-HĐND).\n");
  assert_string_equal(plan_node_title(find_path(plan_doc_root(doc), "1")),
                      "Thủ tục công nhận cơ sở sử dụng lao động là người khuyết tật (Mã TTHC: 1.001806)");
  assert_string_equal(plan_node_text(find_path(plan_doc_root(doc), "2")),
                      "Thủ tục cấp phép (Căn cứ Điều 33 Nghị quyết số 16/2024/NQ-HĐND).");
  plan_doc_free(doc);
  /* a parenthesis an earlier line opened holds the sentence over a stop
   * and a capital; one never closed holds no more than an aside's length,
   * and a marker starts its item whatever is open */
  doc = parse_str("KẾ HOẠCH\nThử\n\n1. Hoàn thiện hồ sơ (Thời gian hoàn thiện là 15 ngày\n"
                  "kể từ ngày ra thông báo.\nQuá thời hạn, cơ quan chấm dứt xem xét nhiệm vụ).\n"
                  "2. Đơn đề nghị (ghi tên cơ quan có thẩm quyền chấp thuận thiết kế nút giao vào đường\n"
                  "tỉnh, đường huyện, đường xã, đường đô thị, đường chuyên dùng; ghi số hiệu đường, lý\n"
                  "trình, vị trí, phía trái hoặc phía phải tuyến, quy mô, loại nút giao.\n"
                  "Địa chỉ liên hệ: ........\n3. Ba (chưa đóng\nmột dòng.\n4. Bốn.\n");
  const plan_node *root = plan_doc_root(doc);
  assert_string_equal(plan_node_text(find_path(root, "1")),
                      "Hoàn thiện hồ sơ (Thời gian hoàn thiện là 15 ngày kể từ ngày ra thông báo. Quá thời "
                      "hạn, cơ quan chấm dứt xem xét nhiệm vụ).");
  assert_null(plan_node_first_child(find_path(root, "1")));
  assert_non_null(plan_node_first_child(find_path(root, "2")));
  assert_string_equal(plan_node_text(plan_node_first_child(find_path(root, "2"))), "Địa chỉ liên hệ: ........");
  assert_string_equal(plan_node_text(find_path(root, "4")), "Bốn.");
  plan_doc_free(doc);
  doc = parse_str("**QUYẾT ĐỊNH**\nPHÂN CẤP THẨM QUYỀN THANH LÝ TÀI SẢN THỦY LỢI;\nQUYẾT ĐỊNH\n"
                  "XỬ LÝ TÀI SẢN THỦY LỢI BỊ MẤT\n\nCăn cứ Luật Tổ chức chính quyền địa phương.\n");
  assert_string_equal(plan_doc_meta(doc, PLAN_META_TITLE),
                      "PHÂN CẤP THẨM QUYỀN THANH LÝ TÀI SẢN THỦY LỢI; QUYẾT ĐỊNH XỬ LÝ TÀI SẢN THỦY LỢI BỊ MẤT");
  assert_null(plan_doc_meta(doc, PLAN_META_ATTACHMENT_TYPE));
  plan_doc_free(doc);
  /* after a colon, a few words left alone, the next line going on in
   * lower case: the heading's text, not a paragraph of its own */
  doc = parse_str("KẾ HOẠCH\nThử\n\n1. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam thành phố và các tổ chức thành viên:\n"
                  "Tăng cường\ngiám sát việc thực hiện chính sách.\n2. Hai.\n");
  assert_string_equal(plan_node_text(find_path(plan_doc_root(doc), "1")),
                      "Tăng cường giám sát việc thực hiện chính sách.");
  plan_doc_free(doc);
  /* a capital a wrap left alone in an upper-case title goes with it */
  doc = parse_str("QUYẾT ĐỊNH\n\nBAN HÀNH QUY CHẾ VẬN HÀNH HỆ THỐNG LẤY\nÝ\nKIẾN ĐIỆN TỬ THÀNH PHỐ CẦN THƠ\n\n"
                  "Căn cứ Luật Tổ chức chính quyền địa phương.\n");
  assert_string_equal(plan_doc_meta(doc, PLAN_META_TITLE),
                      "BAN HÀNH QUY CHẾ VẬN HÀNH HỆ THỐNG LẤY Ý KIẾN ĐIỆN TỬ THÀNH PHỐ CẦN THƠ");
  plan_doc_free(doc);
  /* the enacting authority of a chair's decision under its title, with no
   * blank line or emphasis between, is none of the title */
  doc = parse_str("QUYẾT ĐỊNH\nVỀ VIỆC CHUẨN HÓA DANH MỤC THỦ TỤC HÀNH CHÍNH THỰC HIỆN\nTRÊN ĐỊA BÀN TỈNH BẮC NINH\n"
                  "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH BẮC NINH\nCăn cứ Luật Tổ chức chính quyền địa phương.\n");
  assert_string_equal(plan_doc_meta(doc, PLAN_META_TITLE),
                      "VỀ VIỆC CHUẨN HÓA DANH MỤC THỦ TỤC HÀNH CHÍNH THỰC HIỆN TRÊN ĐỊA BÀN TỈNH BẮC NINH");
  plan_doc_free(doc);
  /* nor when the wrap cut that line inside its own words, in bold */
  doc = parse_str("**QUYẾT ĐỊNH**\nCÔNG BỐ\nDANH MỤC THỦ TỤC HÀNH CHÍNH\n(THỦ TỤC THỰC HIỆN KHÔNG PHỤ THUỘC ĐỊA GIỚI)\n"
                  "**CHỦ TỊCH ỦY BAN NHÂN\nDÂN TỈNH VĨNH LONG**\n*Căn cứ Luật Tổ chức chính quyền địa phương;*\n");
  assert_string_equal(plan_doc_meta(doc, PLAN_META_TITLE),
                      "CÔNG BỐ DANH MỤC THỦ TỤC HÀNH CHÍNH (THỦ TỤC THỰC HIỆN KHÔNG PHỤ THUỘC ĐỊA GIỚI)");
  plan_doc_free(doc);
  /* an acronym a wrap left alone on a line is no upper-case line */
  doc = parse_str("KẾ HOẠCH\nThử\n\n1. Dự án do Chủ tịch\nUBND\nThành phố quyết định đầu tư.\n");
  assert_string_equal(plan_node_text(find_path(plan_doc_root(doc), "1")),
                      "Dự án do Chủ tịch UBND Thành phố quyết định đầu tư.");
  plan_doc_free(doc);
  free(b.data);
}

/* Implementation parts shaped otherwise: under an article of an attached
 * regulation, two levels deep, bullets that open with the agency, lettered
 * agencies; an empty bullet is no duty. */
static void test_assigning_parts(void **state) {
  (void)state;
  plan_doc *doc = parse_str(
      "QUY CHẾ\nThử\n\nChương I\n\nQUY ĐỊNH CHUNG\n\nĐiều 1. Phạm vi\n\nQuy chế này quy định.\n\n"
      "Chương II\n\nTỔ CHỨC THỰC HIỆN\n\n"
      "Điều 2. Nội dung phân công\n\n"
      "1. Nhóm quản lý tài chính, nhân sự\n\n"
      "a) Sở Tài chính:\n\n- Bố trí kinh phí thực hiện Quy chế này.\n\n-\n\n"
      "b) Sở Nội vụ:\n\n- Hướng dẫn thi đua, khen thưởng.\n\n"
      "2. Ủy ban nhân dân cấp xã\n\n"
      "- Công an xã bảo đảm an ninh, trật tự.\n");
  const plan_assignment *dof = by_agency(doc, "dof");
  assert_non_null(dof);
  assert_int_equal(plan_assignment_duty_count(dof), 1);
  assert_string_equal(plan_duty_text(plan_assignment_duty(dof, 0)),
                      "Bố trí kinh phí thực hiện Quy chế này.");
  assert_non_null(by_agency(doc, "dha"));
  assert_int_equal(plan_doc_assignment_count(doc), 3);
  plan_doc_free(doc);
}

/* No title that assigns: a list of items opening with agencies and their
 * duties is found by its roles, and a diagnostic says a heuristic did it;
 * a list of bodies with no duties ("Đối tượng áp dụng") is not. */
static void test_assigning_by_roles(void **state) {
  (void)state;
  plan_doc *doc = parse_str(
      "QUY CHẾ\nThử\n\nĐiều 1. Đối tượng áp dụng\n\n1. Sở Tài chính.\n\n2. Sở Nội vụ.\n\n"
      "Điều 2. Phối hợp\n\n1. Sở Tài chính chủ trì thẩm định kinh phí.\n\n"
      "2. Sở Nội vụ phối hợp hướng dẫn thi đua.\n");
  assert_int_equal(plan_doc_assignment_count(doc), 2);
  const plan_assignment *dof = by_agency(doc, "dof");
  assert_non_null(dof);
  assert_string_equal(plan_assignment_label(dof), "1");
  assert_string_equal(plan_duty_text(plan_assignment_duty(dof, 0)), "chủ trì thẩm định kinh phí.");
  assert_true(has_diag_text(doc, PLAN_DIAG_HEURISTIC, "2 agency items found by their roles"));
  plan_doc_free(doc);
}

/* What follows the signature: an attached list is no part of the last
 * article, a portal's notices after it are furniture (their document
 * numbers are no references), and "(lần" / "2) đến" is a wrap. */
static void test_after_the_signature(void **state) {
  (void)state;
  plan_doc *doc = parse_str(
      "QUYẾT ĐỊNH\nThử\n\n**Điều 1.** Doanh nghiệp gửi văn bản kéo dài (lần\n"
      "2) đến Sở Công Thương.\n\n**Điều 2.** Sở Tài chính chịu trách nhiệm thi hành.\n\n"
      "**KT. CHỦ TỊCH**\nPHÓ CHỦ TỊCH\nNguyễn Văn A\n\n"
      "**DANH MỤC**\n\n1. Thủ tục cấp phép\n\n2. Thủ tục gia hạn\n\n"
      "|\nTP. HCM, ngày 31/05/2021\nThưa Quý khách,\n"
      "Sứ mệnh của THƯ VIỆN PHÁP LUẬT là kết nối cộng đồng.\n"
      "Nghị định 13/2023/NĐ-CP về Bảo vệ dữ liệu cá nhân.\n"
      "- Bạn vừa bị Đăng xuất khỏi Tài khoản.\n");
  const plan_node *one = find_path(plan_doc_root(doc), "Điều 1");
  assert_non_null(one);
  assert_int_equal(plan_node_item_count(one), 0);
  assert_string_equal(plan_node_text(one),
                      "Doanh nghiệp gửi văn bản kéo dài (lần 2) đến Sở Công Thương.");
  assert_int_equal(plan_node_item_count(find_path(plan_doc_root(doc), "Điều 2")), 0);
  assert_non_null(find_path(plan_doc_root(doc), "2"));
  assert_null(find_path(plan_doc_root(doc), "-"));
  for (size_t i = 0; i < plan_doc_reference_count(doc); i++)
    assert_null(strstr(plan_reference_number(plan_doc_reference(doc, i)), "13/2023"));
  assert_true(has_diag_text(doc, PLAN_DIAG_FURNITURE, "after the document"));
  plan_doc_free(doc);

  /* a chairman's own decision signs with no "TM." / "KT.": its receivers'
   * list ends the document as well, and the portal's notices after it
   * are no bullets of the last article, nor "THÔNG BÁO" its attachment */
  doc = parse_str("QUYẾT ĐỊNH\nThử\n\n**Điều 1.** Sở Giáo dục và Đào tạo chịu trách nhiệm thi hành.\n\n"
                  "*Nơi nhận:*\n- Như Điều 1;\n- Lưu: VT.\n|\n**CHỦ TỊCH**\n**Lê Hải Hoà**\n|\n"
                  "TP. HCM, ngày 31/05/2021\nSứ mệnh của THƯ VIỆN PHÁP LUẬT là kết nối cộng đồng.\n"
                  "**THÔNG BÁO **\n**về Lưu trữ, Sử dụng Thông tin Khách hàng**\n"
                  "- Bạn vừa bị Đăng xuất khỏi Tài khoản.\n- Xin lỗi Quý khách vì sự bất tiện này!\n");
  assert_non_null(find_path(plan_doc_root(doc), "Điều 1"));
  assert_null(find_path(plan_doc_root(doc), "-"));
  assert_null(plan_doc_meta(doc, PLAN_META_ATTACHMENT_TYPE));
  assert_string_equal(plan_doc_meta(doc, PLAN_META_SIGNER_TITLE), "CHỦ TỊCH");
  assert_true(has_diag_text(doc, PLAN_DIAG_FURNITURE, "after the document"));
  plan_doc_free(doc);

  /* a portal's trailer notice after the signature ("Văn bản này chưa cập
   * nhật nội dung Tiếng Anh", joined to the portal's repeat of the title)
   * starts the trailer, before the portal is named: its related documents
   * and help are no paragraphs of the last item, its title no reference */
  doc = parse_str("QUYẾT ĐỊNH\nSố: 12/QĐ-UBND\nThử\n\nĐiều 1. Sở Y tế thi hành.\n\n"
                  "1. Bãi bỏ thủ tục cũ.\n\n**KT. CHỦ TỊCH**\nPHÓ CHỦ TỊCH\nNguyễn Văn A\n|\n"
                  "Quyết định 12/QĐ-UBND năm 2025 công bố danh mục thủ tục hành chính\n"
                  "Văn bản này chưa cập nhật nội dung Tiếng Anh\n## Văn bản liên quan\nBan hành:\n28/11/2025\n"
                  "Click trái để xem cụ thể từng nội dung cần so sánh.\n");
  const plan_node *item = find_path(plan_doc_root(doc), "Điều 1.1");
  assert_non_null(item);
  assert_null(plan_node_first_child(item));
  size_t own = 0;
  for (size_t i = 0; i < plan_doc_reference_count(doc); i++)
    if (plan_reference_number(plan_doc_reference(doc, i)) &&
        strcmp(plan_reference_number(plan_doc_reference(doc, i)), "12/QĐ-UBND") == 0)
      own = plan_reference_count(plan_doc_reference(doc, i));
  assert_int_equal(own, 1);
  assert_true(has_diag_text(doc, PLAN_DIAG_FURNITURE, "opens its trailer notice"));
  plan_doc_free(doc);

  /* without a signature before it, a portal's name is the document's text */
  doc = parse_str("KẾ HOẠCH\nThử\n\n1. Tra cứu văn bản trên Thư viện Pháp luật.\n\n"
                  "2. Hướng dẫn người dân đăng nhập.\n");
  assert_non_null(find_path(plan_doc_root(doc), "2"));
  assert_int_equal(count_diag(doc, PLAN_DIAG_FURNITURE), 0);
  plan_doc_free(doc);
}

/* A head word that names a body only with the next word: "Các cơ quan",
 * "Chi cục", "Công an" are bodies; "Các nội dung", "Chi ngân sách", "Công
 * bố" are not, even in an assigning part. */
static void test_qualified_head_words(void **state) {
  (void)state;
  plan_doc *doc = parse_str(
      "KẾ HOẠCH\nThử\n\nIII. TỔ CHỨC THỰC HIỆN\n\n"
      "1. Các chủ đầu tư dự án: báo cáo tiến độ hằng quý.\n\n"
      "2. Chi cục Kiểm lâm: tuần tra rừng.\n\n"
      "3. Các nội dung khác không được quy định thì thực hiện theo pháp luật.\n\n"
      "4. Chi ngân sách theo quy định hiện hành.\n\n"
      "5. Công bố công khai kết quả trên cổng thông tin.\n\n"
      "6. Bảo đảm an toàn thông tin cho hệ thống.\n");
  assert_int_equal(plan_doc_assignment_count(doc), 2);
  assert_string_equal(plan_assignment_label(plan_doc_assignment(doc, 0)), "1");
  assert_string_equal(plan_assignment_label(plan_doc_assignment(doc, 1)), "2");
  assert_int_equal(plan_doc_non_assignment_count(doc), 4);
  plan_doc_free(doc);

  /* a body named by its head's title, over lettered duties */
  doc = parse_str("KẾ HOẠCH\nThử\n\nIII. TỔ CHỨC THỰC HIỆN\n\n1. Sở Y tế: khám.\n\n"
                  "2. Chủ tịch Ủy ban nhân dân cấp xã\n\na) Tiếp nhận hồ sơ.\n\nb) Trả kết quả.\n");
  assert_int_equal(plan_doc_assignment_count(doc), 2);
  assert_int_equal(plan_assignment_duty_count(by_agency(doc, "commune-pcs")), 2);
  plan_doc_free(doc);

  /* "là" ends a body's name, but not inside parentheses */
  doc = parse_str("KẾ HOẠCH\nThử\n\nIII. TỔ CHỨC THỰC HIỆN\n\n"
                  "1. Sở Khoa học và Công nghệ (sau đây gọi là Sở) là cơ quan đầu mối tổng hợp.\n\n"
                  "2. Sở Y tế: khám sức khỏe.\n");
  assert_string_equal(plan_assignment_heading(plan_doc_assignment(doc, 0)),
                      "Sở Khoa học và Công nghệ (sau đây gọi là Sở)");
  assert_string_equal(plan_duty_text(plan_assignment_duty(plan_doc_assignment(doc, 0), 0)),
                      "là cơ quan đầu mối tổng hợp.");
  plan_doc_free(doc);

  /* ... and one after "tại" where they are */
  doc = parse_str("QUY CHẾ\nThử\n\nChương III. TỔ CHỨC THỰC HIỆN\n\n"
                  "Điều 17. Trách nhiệm của Sở Tài chính\n\n1. Bố trí kinh phí.\n\n"
                  "Điều 18. Trách nhiệm của cán bộ chuyên trách tại các cơ quan, đơn vị\n\n"
                  "1. Cài đặt phần mềm ký số.\n");
  assert_int_equal(plan_doc_assignment_count(doc), 2);
  assert_null(by_agency(doc, "all-departments"));
  plan_doc_free(doc);

  /* a body named after "thuộc" says whose the others are */
  doc = parse_str("KẾ HOẠCH\nThử\n\nIII. TỔ CHỨC THỰC HIỆN\n\n"
                  "1. Các sở, cơ quan thuộc Ủy ban nhân dân tỉnh: phối hợp thực hiện.\n\n"
                  "2. Sở Y tế: khám sức khỏe.\n");
  assert_int_equal(plan_assignment_agency_count(plan_doc_assignment(doc, 0)), 1);
  assert_non_null(by_agency(doc, "all-departments"));
  assert_null(by_agency(doc, "provincial-pc"));
  plan_doc_free(doc);

  /* "Trách nhiệm của các cơ quan, đơn vị" over duties: that body's item,
   * beside the other bodies' articles, not a part of its duties */
  doc = parse_str(
      "QUY CHẾ\nThử\n\n**Chương V. TRÁCH NHIỆM**\n\n"
      "**Điều 14. Trách nhiệm của Sở Khoa học và Công nghệ**\n\n1. Vận hành hệ thống.\n\n"
      "**Điều 15. Trách nhiệm của Công an thành phố**\n\n1. Giám sát an toàn thông tin.\n\n"
      "**Điều 16. Trách nhiệm của các cơ quan, đơn vị**\n\n"
      "1. Thủ trưởng các cơ quan, đơn vị tổ chức triển khai Quy chế.\n\n"
      "2. Báo cáo khó khăn về Sở Khoa học và Công nghệ.\n");
  assert_int_equal(plan_doc_assignment_count(doc), 3);
  const plan_assignment *all = by_agency(doc, "all-departments");
  assert_non_null(all);
  assert_string_equal(plan_assignment_label(all), "Điều 16");
  assert_int_equal(plan_assignment_duty_count(all), 2);
  plan_doc_free(doc);

  /* "Trách nhiệm của" names the owner, whatever its first word */
  doc = parse_str(
      "QUY ĐỊNH\nThử\n\n**Chương IV. TỔ CHỨC THỰC HIỆN**\n\n"
      "**Điều 27. Trách nhiệm của Sở Xây dựng**\n\n1. Cấp phép xây dựng.\n\n"
      "**Điều 28. Trách nhiệm của doanh nghiệp cấp nước**\n\n1. Đầu tư hạ tầng.\n\n"
      "2. Chia sẻ hạ tầng.\n");
  assert_int_equal(plan_doc_assignment_count(doc), 2);
  const plan_assignment *a = plan_doc_assignment(doc, 1);
  assert_string_equal(plan_assignment_heading(a), "doanh nghiệp cấp nước");
  assert_false(plan_agency_known(plan_mention_agency(plan_assignment_agency(a, 0))));
  assert_int_equal(plan_assignment_duty_count(a), 2);
  plan_doc_free(doc);
}

/* An article headed "Trách nhiệm của" two bodies is a part whose items are
 * theirs; headed by one body, it is that body's item, wherever it stands. */
static void test_responsibilities_of_several(void **state) {
  (void)state;
  plan_doc *doc = parse_str(
      "QUYẾT ĐỊNH\nThử\n\n"
      "**Điều 2. Trách nhiệm của Sở Nông nghiệp và Môi trường; Ủy ban nhân dân các xã, phường**\n\n"
      "1. Trách nhiệm của Sở Nông nghiệp và Môi trường\n\n"
      "a) Tổ chức triển khai danh mục thủ tục.\n\nb) Rà soát, đánh giá điều kiện thực hiện.\n\n"
      "2. Trách nhiệm của Ủy ban nhân dân các xã, phường\n\n"
      "a) Tổ chức tiếp nhận hồ sơ.\n\n"
      "**Điều 3. Trách nhiệm của Sở Tài chính**\n\n"
      "1. Bố trí kinh phí.\n\n2. Hướng dẫn thanh quyết toán.\n");
  const plan_assignment *a = by_agency(doc, "dae");
  assert_non_null(a);
  assert_int_equal(plan_assignment_duty_count(a), 2);
  assert_non_null(by_agency(doc, "commune-pcs"));
  /* Điều 3 names one body: no part, that body's item, its items its duties */
  assert_int_equal(plan_doc_assignment_count(doc), 3);
  assert_int_equal(plan_assignment_duty_count(by_agency(doc, "dof")), 2);
  plan_doc_free(doc);
}

/* A decision without a part that assigns: its articles that open with an
 * agency are items ("Giao Văn phòng ... chủ trì"); one that names an
 * agency further on is not ("Công bố ... của Sở ...", "Chánh Văn phòng
 * ..., Giám đốc Sở ... chịu trách nhiệm thi hành").  "**Điều 1.**" bold
 * alone: its text is no heading, so the wrapped rest joins it; a "* *"
 * line is left markup, no bullet. */
static void test_decision_articles(void **state) {
  (void)state;
  plan_doc *doc = parse_str(
      "QUYẾT ĐỊNH\nThử\n\n**Điều 1.** Công bố kèm theo Quyết định này\n"
      "Danh mục thủ tục hành chính thuộc thẩm quyền của Sở Y tế.\n\n* (Đính kèm Danh mục)*\n\n"
      "**Điều 2.** Giao Văn phòng Ủy ban nhân dân tỉnh chủ trì, phối hợp với Sở Y tế công khai "
      "thủ tục.\n\n**Điều 3.** Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc Sở Y tế chịu "
      "trách nhiệm thi hành Quyết định này./.\n\n* *\n\nNơi nhận:\n- Như Điều 3;\n");
  const plan_node *one = find_path(plan_doc_root(doc), "Điều 1");
  assert_non_null(one);
  assert_null(plan_node_title(one));
  assert_string_equal(plan_node_text(one), "Công bố kèm theo Quyết định này Danh mục thủ tục "
                                            "hành chính thuộc thẩm quyền của Sở Y tế.");
  assert_int_equal(plan_node_item_count(one), 0); /* "* (...)*" is italic, no bullet */
  assert_int_equal(plan_doc_assignment_count(doc), 1);
  assert_string_equal(plan_assignment_label(plan_doc_assignment(doc, 0)), "Điều 2");
  assert_non_null(by_agency(doc, "office"));
  assert_null(find_path(plan_doc_root(doc), "*"));
  assert_int_equal(plan_node_item_count(find_path(plan_doc_root(doc), "Điều 3")), 0);
  plan_doc_free(doc);

  /* "Ủy quyền cho" (delegates to) opens an item as "Giao" does: the body
   * after it is the item's */
  doc = parse_str("QUYẾT ĐỊNH\nThử\n\n**Điều 1.** Ủy quyền cho Giám đốc Sở Y tế thực hiện cấp "
                  "giấy phép hoạt động.\n\n**Điều 2.** Ủy quyền cho Giám đốc Sở Tài chính thực hiện "
                  "thẩm định giá.\n");
  assert_int_equal(plan_doc_assignment_count(doc), 2);
  assert_string_equal(plan_assignment_heading(plan_doc_assignment(doc, 0)), "Giám đốc Sở Y tế");
  assert_non_null(by_agency(doc, "doh"));
  assert_string_equal(plan_duty_text(plan_assignment_duty(plan_doc_assignment(doc, 1), 0)),
                      "thực hiện thẩm định giá.");
  plan_doc_free(doc);
}

/* A wrapped line that cites a document ("Quyết định để ...", "Thông tư số
 * ...") goes on with the item; "Quyết định này quy định" after a short
 * heading, or any line after a heading whose bold closed at its end,
 * starts the body. */
static void test_cited_documents_and_bold_headings(void **state) {
  (void)state;
  plan_doc *doc = parse_str(
      "QUYẾT ĐỊNH\nThử\n\n**Điều 1. Phạm vi**\n"
      "1. Phạm vi điều chỉnh\nQuyết định này quy định việc phân cấp.\n"
      "2. Các cơ quan, đơn vị, địa phương căn cứ nội dung\nQuyết định để triển khai thực hiện.\n"
      "3. Sở Tài chính niêm yết công khai tại Điểm tiếp nhận và trả\nkết quả\n"
      "TTHC và giải quyết TTHC theo quy trình.\n"
      "4. Sở Nội vụ\nTổ chức thực hiện.\n"
      "**Điều 2. Hiệu lực thi hành**\nQuyết định này có hiệu lực kể từ ngày ký.\n");
  const plan_node *one = find_path(plan_doc_root(doc), "Điều 1.1");
  assert_non_null(one);
  assert_string_equal(plan_node_title(one) ? plan_node_title(one) : plan_node_text(one),
                      "Phạm vi điều chỉnh");
  const plan_node *two = find_path(plan_doc_root(doc), "Điều 1.2");
  assert_string_equal(plan_node_text(two), "Các cơ quan, đơn vị, địa phương căn cứ nội dung "
                                            "Quyết định để triển khai thực hiện.");
  /* an acronym opening the line goes on with the sentence; a verb after a
   * short heading opens the item's text */
  const plan_node *three = find_path(plan_doc_root(doc), "Điều 1.3");
  assert_null(plan_node_title(three));
  assert_string_equal(plan_node_text(three), "Sở Tài chính niêm yết công khai tại Điểm tiếp nhận và "
                                              "trả kết quả TTHC và giải quyết TTHC theo quy trình.");
  const plan_node *four = find_path(plan_doc_root(doc), "Điều 1.4");
  assert_string_equal(plan_node_title(four), "Sở Nội vụ");
  const plan_node *art = find_path(plan_doc_root(doc), "Điều 2");
  assert_string_equal(plan_node_title(art), "Hiệu lực thi hành");
  plan_doc_free(doc);
}

/* "Trách nhiệm phối hợp của các cơ quan": the bodies' responsibility in a
 * role titles an assigning part as "Trách nhiệm của các" does (its
 * articles name two bodies, the requests to the Front and the Party's
 * board); the other articles group agency items, two to an article
 * included. */
static void test_role_responsibility_part(void **state) {
  (void)state;
  plan_doc *doc = parse_str(
      "QUY CHẾ\nThử\n\nChương I\nQUY ĐỊNH CHUNG\n\nĐiều 1. Phạm vi\n\nQuy chế này quy định việc phối hợp.\n\n"
      "Chương II\nTRÁCH NHIỆM PHỐI HỢP CỦA CÁC CƠ QUAN, ĐƠN VỊ\n\n"
      "Điều 2. Phối hợp trong giải quyết thủ tục hành chính\n\n"
      "1. Sở Dân tộc và Tôn giáo, UBND cấp xã: Tiếp nhận hồ sơ thủ tục hành chính.\n\n"
      "2. Các cơ quan, đơn vị liên quan: Kịp thời cung cấp thông tin.\n\n"
      "Điều 3. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh\n\n"
      "1. Tham gia tuyên truyền, vận động Nhân dân.\n\n2. Phản ánh kịp thời ý kiến của Nhân dân.\n\n"
      "Điều 4. Đề nghị Ban Tuyên giáo và Dân vận Tỉnh ủy\n\n1. Tham mưu cho Tỉnh ủy lãnh đạo tuyên truyền.\n");
  assert_int_equal(plan_doc_assignment_count(doc), 4);
  const plan_assignment *dera = by_agency(doc, "dera");
  assert_non_null(dera);
  assert_string_equal(plan_assignment_heading(dera), "Sở Dân tộc và Tôn giáo, UBND cấp xã");
  assert_string_equal(plan_duty_text(plan_assignment_duty(dera, 0)), "Tiếp nhận hồ sơ thủ tục hành chính.");
  assert_non_null(by_agency(doc, "all-departments"));
  const plan_assignment *front = by_agency(doc, "front");
  assert_non_null(front);
  assert_true(plan_assignment_requested(front));
  assert_int_equal(plan_assignment_duty_count(front), 2);
  /* the title decided, no heuristic */
  assert_false(has_diag_text(doc, PLAN_DIAG_HEURISTIC, "agency items"));
  plan_doc_free(doc);

  /* an article over two agency items counts as the requests do: with one
   * request beside it, the chapter still assigns */
  doc = parse_str("QUY CHẾ\nThử\n\nChương II\nTRÁCH NHIỆM PHỐI HỢP CỦA CÁC CƠ QUAN, ĐƠN VỊ\n\n"
                  "Điều 2. Phối hợp trong giải quyết thủ tục hành chính\n\n"
                  "1. Sở Dân tộc và Tôn giáo: Tiếp nhận hồ sơ thủ tục hành chính.\n\n"
                  "2. Sở Nội vụ: Kịp thời cung cấp thông tin.\n\n"
                  "Điều 3. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh\n\n"
                  "1. Tham gia tuyên truyền, vận động Nhân dân.\n\n2. Phản ánh kịp thời ý kiến của Nhân dân.\n");
  assert_int_equal(plan_doc_assignment_count(doc), 3);
  assert_non_null(by_agency(doc, "dha"));
  assert_true(plan_assignment_requested(by_agency(doc, "front")));
  plan_doc_free(doc);
}

/* "các Sở: Xây dựng, Tài chính, Nội vụ": departments listed by the rest
 * of their names after a generic "các Sở" and a colon, in a heading (the
 * item is theirs) or in a duty (each is mentioned in the role); the list
 * ends where no department's name goes on, and with no list the generic
 * body stays. */
static void test_elided_department_list(void **state) {
  (void)state;
  plan_doc *doc = parse_str(
      "KẾ HOẠCH\nThử\n\nI. TỔ CHỨC THỰC HIỆN\n\n"
      "1. Trách nhiệm của các Sở: Xây dựng, Văn hóa, Thể thao và Du lịch, NN&MT.\n\n"
      "a) Chủ trì tham mưu kinh phí.\n\nb) Sở Nội vụ chủ trì đào tạo.\n\n"
      "2. Sở Y tế: phối hợp với các Sở: Tài chính; Tư pháp và các sở, ban, ngành khám bệnh.\n\n"
      "3. Các sở: phối hợp thực hiện.\n");
  const plan_assignment *one = plan_doc_assignment(doc, 0);
  assert_non_null(one);
  assert_string_equal(plan_assignment_heading(one), "các Sở: Xây dựng, Văn hóa, Thể thao và Du lịch, NN&MT");
  assert_int_equal(plan_assignment_agency_count(one), 3);
  assert_string_equal(plan_agency_id(plan_mention_agency(plan_assignment_agency(one, 0))), "doc");
  assert_string_equal(plan_agency_id(plan_mention_agency(plan_assignment_agency(one, 1))), "docst");
  assert_string_equal(plan_agency_id(plan_mention_agency(plan_assignment_agency(one, 2))), "dae");
  /* the list was the heading's, no duty */
  assert_int_equal(plan_assignment_duty_count(one), 2);
  assert_string_equal(plan_duty_text(plan_assignment_duty(one, 0)), "Chủ trì tham mưu kinh phí.");
  const plan_duty *d = plan_assignment_duty(by_agency(doc, "doh"), 0);
  assert_int_equal(plan_duty_mention_count(d), 3);
  assert_string_equal(plan_agency_id(plan_mention_agency(plan_duty_mention(d, 0))), "dof");
  assert_int_equal(plan_mention_role(plan_duty_mention(d, 0)), PLAN_ROLE_COORDINATE);
  assert_string_equal(plan_mention_text(plan_duty_mention(d, 1)), "Tư pháp");
  assert_string_equal(plan_agency_id(plan_mention_agency(plan_duty_mention(d, 2))), "all-departments");
  const plan_assignment *three = plan_doc_assignment(doc, 2);
  assert_string_equal(plan_agency_id(plan_mention_agency(plan_assignment_agency(three, 0))), "all-departments");
  assert_string_equal(plan_duty_text(plan_assignment_duty(three, 0)), "phối hợp thực hiện.");
  plan_doc_free(doc);
}

static size_t item_children(const plan_node *n) {
  size_t k = 0;
  for (const plan_node *c = plan_node_first_child(n); c; c = plan_node_next(c))
    k += plan_node_kind_of(c) == PLAN_NODE_ITEM;
  return k;
}

/* "- Chủ trì tham mưu:" / "+ Bố trí vốn.": a bullet of another sign right
 * after a bullet goes under it, and the first sign's next bullet closes
 * it; signs mixed with other paragraphs between (a table copied cell by
 * cell) stay at one level. */
static void test_bullet_signs_nest(void **state) {
  (void)state;
  plan_doc *doc = parse_str("KẾ HOẠCH\nThử\n\nIII. TỔ CHỨC THỰC HIỆN\n\n1. Sở Tài chính:\n\n"
                            "- Chủ trì tham mưu:\n\n+ Bố trí vốn.\n\n+ Kiểm tra.\n\n"
                            "- Phối hợp báo cáo.\n\n2. Sở Y tế: Chủ trì khám bệnh.\n");
  const plan_node *one = find_path(plan_doc_root(doc), "III.1");
  assert_non_null(one);
  assert_int_equal(item_children(one), 2);
  const plan_node *lead = plan_node_first_child(one);
  while (lead && plan_node_kind_of(lead) != PLAN_NODE_ITEM) lead = plan_node_next(lead);
  assert_non_null(lead);
  assert_string_equal(plan_node_label(lead), "-");
  assert_int_equal(item_children(lead), 2);
  assert_string_equal(plan_node_label(plan_node_first_child(lead)), "+");
  const plan_assignment *a = plan_doc_assignment(doc, 0);
  assert_int_equal(plan_assignment_duty_count(a), 2); /* the lead-in holds its items */
  assert_string_equal(plan_duty_text(plan_assignment_duty(a, 1)), "Phối hợp báo cáo.");
  plan_doc_free(doc);

  doc = parse_str("KẾ HOẠCH\nThử\n\n1. Quy trình\n\n+ Hồ sơ dự án\n|\nVăn thư Sở\n|\n0,5 ngày\n|\n"
                  "- Số hóa kết quả giải quyết.\n- Trả kết quả điện tử.\n");
  one = find_path(plan_doc_root(doc), "1");
  assert_non_null(one);
  assert_int_equal(item_children(one), 3);
  plan_doc_free(doc);
}

/* A portal's page on a decision quotes its implementing article under a
 * markdown heading with no number: the bullets there that open with
 * bodies are its agency items (two the lexicon knows say so); those under
 * the next heading are not, nor "Cơ quan thẩm định: Sở Xây dựng" (a role
 * and who holds it).  "dự án xây dựng" is a noun in a body's name. */
static void test_headed_bullets_of_a_page(void **state) {
  (void)state;
  plan_doc *doc = parse_str(
      "# Tổng mức đầu tư Dự án đường Hải Thượng Lãn Ông\n\n"
      "Ngày 28/11/2025, UBND tỉnh Cà Mau ban hành Quyết định 01892/QĐ-UBND.\n\n"
      "## Tổ chức thực hiện Quyết định 01892/QĐ-UBND về chủ trương đầu tư\n\n"
      "Tại Điều 2 Quyết định 01892/QĐ-UBND năm 2025 đã nêu như sau:\n\n"
      "- Sở Xây dựng: Chịu trách nhiệm toàn diện về các thông tin, số liệu.\n\n"
      "- Hội đồng thẩm định chủ trương đầu tư: Chịu trách nhiệm về kết quả thẩm định.\n\n"
      "- Ban Quản lý dự án xây dựng công trình giao thông Cà Mau:\n\n"
      "+ Chủ trì, phối hợp lập hồ sơ, thủ tục.\n\n+ Nghiên cứu phương án tối ưu.\n\n"
      "- Sở Tài chính:\n\n+ Bố trí đủ vốn.\n\n"
      "## Nguyên tắc cơ bản trong hoạt động đầu tư xây dựng\n\n"
      "- Sở Nội vụ: Hướng dẫn thực hiện.\n\n- Sở Y tế: Kiểm tra.\n");
  assert_int_equal(plan_doc_assignment_count(doc), 4);
  const plan_assignment *three = plan_doc_assignment(doc, 2);
  assert_string_equal(plan_assignment_heading(three), "Ban Quản lý dự án xây dựng công trình giao thông Cà Mau");
  assert_int_equal(plan_assignment_duty_count(three), 2);
  assert_string_equal(plan_duty_text(plan_assignment_duty(three, 0)), "Chủ trì, phối hợp lập hồ sơ, thủ tục.");
  assert_string_equal(plan_agency_id(plan_mention_agency(plan_assignment_agency(plan_doc_assignment(doc, 3), 0))),
                      "dof");
  plan_doc_free(doc);

  doc = parse_str("# Quy hoạch Khu du lịch\n\nNgày 28/11/2025, UBND tỉnh Cà Mau ban hành Quyết định.\n\n"
                  "## Tổ chức thực hiện việc phê duyệt nhiệm vụ quy hoạch\n\n"
                  "- Cơ quan phê duyệt: Ủy ban nhân dân tỉnh Cà Mau.\n\n"
                  "- Cơ quan thẩm định: Sở Xây dựng tỉnh Cà Mau.\n\n"
                  "- Cơ quan tổ chức lập quy hoạch: Sở Văn hóa, Thể thao và Du lịch.\n");
  assert_int_equal(plan_doc_assignment_count(doc), 0);
  plan_doc_free(doc);
}

/* "Ủy ban nhân dân các xã: Gia Thuận, Tân Điền" over its duties: the proper
 * names after the colon say which communes (the heading's), not a duty;
 * a duty after the colon stays one. */
static void test_named_members_of_a_collective_body(void **state) {
  (void)state;
  plan_doc *doc = parse_str(
      "KẾ HOẠCH\nThử\n\nI. TỔ CHỨC THỰC HIỆN\n\n"
      "1. Sở Nông nghiệp và Môi trường: Chủ trì triển khai Kế hoạch.\n\n"
      "2. Ủy ban nhân dân các xã: Gia Thuận, Tân Điền, Gò Công Đông và Tân Phú Đông\n\n"
      "- Xây dựng kế hoạch của địa phương.\n\n- Tuyên truyền cho Nhân dân.\n\n"
      "3. Ủy ban nhân dân các phường: Chủ trì Tuyên truyền Nội dung Kế hoạch.\n");
  const plan_assignment *two = plan_doc_assignment(doc, 1);
  assert_non_null(two);
  assert_string_equal(plan_assignment_heading(two),
                      "Ủy ban nhân dân các xã: Gia Thuận, Tân Điền, Gò Công Đông và Tân Phú Đông");
  assert_string_equal(plan_agency_id(plan_mention_agency(plan_assignment_agency(two, 0))), "commune-pcs");
  assert_int_equal(plan_assignment_duty_count(two), 2);
  assert_string_equal(plan_duty_text(plan_assignment_duty(two, 0)), "Xây dựng kế hoạch của địa phương.");
  const plan_assignment *three = plan_doc_assignment(doc, 2);
  assert_non_null(three);
  assert_string_equal(plan_assignment_heading(three), "Ủy ban nhân dân các phường");
  assert_int_equal(plan_assignment_duty_count(three), 1);
  assert_string_equal(plan_duty_text(plan_assignment_duty(three, 0)), "Chủ trì Tuyên truyền Nội dung Kế hoạch.");
  plan_doc_free(doc);
}

/* Besides its titled part, a plan may assign in a part of another title
 * whose numbered items are mostly agencies with duties: those count, with
 * a heuristic diagnostic; a part with fewer of them does not. */
static void test_untitled_agency_lists(void **state) {
  (void)state;
  plan_doc *doc = parse_str(
      "KẾ HOẠCH\nThử\n\nI. NHIỆM VỤ CỤ THỂ\n\n"
      "1. Sở Nông nghiệp và Môi trường\n\n- Chủ trì điều tra tài nguyên biển.\n\n"
      "2. Sở Văn hóa, Thể thao và Du lịch\n\n- Phát triển du lịch biển.\n\n"
      "3. Công an tỉnh\n\n- Bảo đảm an ninh vùng biển.\n\n"
      "II. GIẢI PHÁP\n\n1. Sở Tài chính\n\n- Bố trí kinh phí.\n\n"
      "2. Tăng cường truyền thông\n\n- Tuyên truyền.\n\n3. Đào tạo nhân lực\n\n- Mở lớp.\n\n"
      "III. TỔ CHỨC THỰC HIỆN\n\n1. Sở Nội vụ: hướng dẫn thi đua.\n");
  assert_int_equal(plan_doc_assignment_count(doc), 4);
  assert_non_null(by_agency(doc, "dae"));
  assert_non_null(by_agency(doc, "police"));
  assert_null(by_agency(doc, "dof")); /* one agency among three items */
  assert_true(has_diag_text(doc, PLAN_DIAG_HEURISTIC, "3 agency items in a part"));
  /* in document order, though the titled part was read first */
  assert_ptr_equal(plan_doc_assignment(doc, 0), by_agency(doc, "dae"));
  assert_ptr_equal(plan_doc_assignment(doc, 3), by_agency(doc, "dha"));
  plan_doc_free(doc);

  /* items that open with bodies the lexicon does not know, alone, are one
   * body's rules item by item as often as an assignment: not taken */
  doc = parse_str("KẾ HOẠCH\nThử\n\nI. HỘI ĐỒNG XÉT DUYỆT\n\n"
                  "a) Hội đồng xét duyệt có từ 07 đến 09 thành viên, bảo đảm tính độc lập.\n\n"
                  "b) Thành viên Hội đồng xét duyệt đáp ứng các yêu cầu về năng lực.\n\n"
                  "c) Hội đồng xét duyệt làm việc theo nguyên tắc công khai, minh bạch.\n\n"
                  "d) Hội đồng xét duyệt thực hiện đánh giá theo tiêu chí.\n\n"
                  "II. TỔ CHỨC THỰC HIỆN\n\n1. Sở Nội vụ: hướng dẫn thi đua.\n");
  assert_int_equal(plan_doc_assignment_count(doc), 1);
  assert_non_null(by_agency(doc, "dha"));
  plan_doc_free(doc);
}

/* "**Chương" / "V**" then its title after a blank line: the chapter's
 * title, so "TỔ CHỨC THỰC HIỆN" makes it an assigning part; below its
 * articles (a grouping level), only items that open with an agency are
 * agency items, not "1. Định kỳ ..., báo cáo Sở ...". */
static void test_chapter_title_and_sub_levels(void **state) {
  (void)state;
  plan_doc *doc = parse_str(
      "QUY CHẾ\nThử\n\n**Chương\nV**\n\n**TỔ CHỨC THỰC HIỆN**\n\n"
      "**Điều 14. Trách nhiệm của Sở Khoa học và Công nghệ**\n\n1. Vận hành hệ thống.\n\n"
      "**Điều 15. Chế độ báo cáo**\n\n"
      "1. Định kỳ hằng năm, báo cáo gửi Sở Khoa học và Công nghệ.\n\n"
      "2. Công an thành phố giám sát an toàn thông tin.\n");
  const plan_node *ch = find_path(plan_doc_root(doc), "Chương V");
  assert_non_null(ch);
  assert_string_equal(plan_node_title(ch), "TỔ CHỨC THỰC HIỆN");
  assert_int_equal(plan_doc_assignment_count(doc), 2);
  assert_string_equal(plan_assignment_label(plan_doc_assignment(doc, 0)), "Điều 14");
  assert_string_equal(plan_assignment_label(plan_doc_assignment(doc, 1)), "2");
  assert_non_null(by_agency(doc, "police"));
  assert_int_equal(plan_doc_non_assignment_count(doc), 1);
  plan_doc_free(doc);

  /* a phrase of time before the agency: "Định kỳ 06 tháng, Văn phòng ..." */
  doc = parse_str("KẾ HOẠCH\nThử\n\nIII. TỔ CHỨC THỰC HIỆN\n\n1. Sở Y tế: khám.\n\n"
                  "2. Định kỳ 06 tháng hoặc đột xuất, Văn phòng UBND tỉnh báo cáo kết quả.\n");
  assert_int_equal(plan_doc_assignment_count(doc), 2);
  assert_string_equal(plan_assignment_heading(plan_doc_assignment(doc, 1)), "Văn phòng UBND tỉnh");
  plan_doc_free(doc);

  /* or of ground, as long as it runs: "Trên cơ sở ... tại [3], Sở ..." */
  doc = parse_str("KẾ HOẠCH\nThử\n\nIII. TỔ CHỨC THỰC HIỆN\n\n1. Sở Y tế: khám.\n\n"
                  "2. Trên cơ sở quy định trách nhiệm quản lý đường bộ tại [3], Sở Xây dựng và "
                  "UBND cấp xã có trách nhiệm tổ chức thực hiện.\n");
  assert_int_equal(plan_doc_assignment_count(doc), 2);
  assert_string_equal(plan_assignment_heading(plan_doc_assignment(doc, 1)), "Sở Xây dựng và UBND cấp xã");
  plan_doc_free(doc);
}

/* An agency item's numbered duties without a full stop ("1.1. Bố trí kinh
 * phí") or with a colon ("2. Sở Xây dựng là cơ quan ... về: hướng dẫn")
 * are duties, whole. */
static void test_numbered_duties_whole(void **state) {
  (void)state;
  plan_doc *doc = parse_str(
      "KẾ HOẠCH\nThử\n\nIII. TỔ CHỨC THỰC HIỆN\n\n1. Sở Tài chính\n\n"
      "1.1. Bố trí kinh phí thực hiện\n\n"
      "1.2. Sở Tài chính là cơ quan tham mưu về: hướng dẫn thanh quyết toán.\n\n"
      "2. Sở Y tế\n\na) Khám sức khỏe\n");
  const plan_assignment *a = by_agency(doc, "dof");
  assert_non_null(a);
  assert_int_equal(plan_assignment_duty_count(a), 2);
  assert_string_equal(plan_duty_text(plan_assignment_duty(a, 0)), "Bố trí kinh phí thực hiện");
  assert_string_equal(plan_duty_text(plan_assignment_duty(a, 1)),
                      "Sở Tài chính là cơ quan tham mưu về: hướng dẫn thanh quyết toán.");
  plan_doc_free(doc);

  /* a heading that groups duties gives its items; a lead-in with a colon
   * is one duty, its items in it */
  doc = parse_str(
      "KẾ HOẠCH\nThử\n\nIII. TỔ CHỨC THỰC HIỆN\n\n1. Sở Khoa học và Công nghệ\n\n"
      "1.1. Trách nhiệm trong việc quản lý ứng dụng\n\na) Cấp tài khoản.\n\nb) Giám sát.\n\n"
      "1.2. Chỉ đạo các đơn vị thực hiện các công tác:\n\na) Sao lưu.\n\nb) Bảo trì.\n\n"
      "2. Sở Y tế: khám sức khỏe.\n");
  a = by_agency(doc, "dost");
  assert_int_equal(plan_assignment_duty_count(a), 3);
  assert_string_equal(plan_duty_text(plan_assignment_duty(a, 0)), "Cấp tài khoản.");
  assert_string_equal(plan_duty_text(plan_assignment_duty(a, 1)), "Giám sát.");
  assert_string_equal(plan_duty_text(plan_assignment_duty(a, 2)),
                      "Chỉ đạo các đơn vị thực hiện các công tác: a) Sao lưu. b) Bảo trì.");
  plan_doc_free(doc);
}

/* The text under a duty is the duty's: lettered items under a numbered
 * lead-in, paragraphs that go on after it; a task under it that names its
 * own lead is not. */
static void test_duty_holds_its_items(void **state) {
  (void)state;
  static const char input[] =
      "QUYẾT ĐỊNH\nThử\n\nĐiều 6. Sở Y tế\n\n1. Sở Y tế gồm có các phòng chuyên môn.\n\n"
      "2. Chế độ làm việc:\n\na) Sở Y tế làm việc theo chế độ tập thể.\n\n"
      "b) Sở Y tế quyết định theo đa số.\n\n"
      "3. Trạm y tế là bộ phận giúp việc của Sở Y tế.\n\nTrạm y tế có con dấu riêng.\n\n"
      "Điều 7. Sở Tài chính\n\nSở Tài chính bố trí kinh phí.\n";
  plan_doc *doc = parse_str(input);
  const plan_assignment *a = by_agency(doc, "doh");
  assert_non_null(a);
  assert_int_equal(plan_assignment_duty_count(a), 3);
  assert_string_equal(plan_duty_text(plan_assignment_duty(a, 1)),
                      "Chế độ làm việc: a) Sở Y tế làm việc theo chế độ tập thể. "
                      "b) Sở Y tế quyết định theo đa số.");
  assert_string_equal(plan_duty_text(plan_assignment_duty(a, 2)),
                      "Trạm y tế là bộ phận giúp việc của Sở Y tế. Trạm y tế có con dấu riêng.");
  /* the duty's span runs from its first line to its last item's end */
  size_t start, end, line;
  plan_duty_span(plan_assignment_duty(a, 1), &start, &end, &line);
  assert_int_equal(line, 8);
  assert_memory_equal(input + start, "Chế độ", strlen("Chế độ"));
  assert_memory_equal(input + end - strlen("đa số."), "đa số.", strlen("đa số."));
  plan_doc_free(doc);

  doc = parse_str("KẾ HOẠCH\nThử\n\nIII. TỔ CHỨC THỰC HIỆN\n\n1. Sở Giáo dục và Đào tạo\n\n"
                  "a) Phối hợp với Công an tỉnh.\n\n- Báo cáo định kỳ.\n\n"
                  "- Tập huấn cán bộ. Cơ quan chủ trì: Sở Tư pháp. Thời gian thực hiện: Năm 2021\n");
  a = by_agency(doc, "doet");
  assert_non_null(a);
  assert_string_equal(plan_duty_text(plan_assignment_duty(a, 0)),
                      "Phối hợp với Công an tỉnh. - Báo cáo định kỳ.");
  plan_doc_free(doc);

  /* a lead-in paragraph before an agency item's items is a duty; so is a
   * paragraph after a duty on the item's line that opens with a duty's
   * verb, not one that does not (a caption) */
  doc = parse_str("QUYẾT ĐỊNH\nThử\n\nĐiều 21. Trách nhiệm của Sở Khoa học và Công nghệ\n\n"
                  "Sở Khoa học và Công nghệ là cơ quan quản lý hệ thống, có trách nhiệm:\n\n"
                  "1. Tham mưu Ủy ban nhân dân tỉnh.\n\n2. Đảm bảo hạ tầng kỹ thuật.\n\n"
                  "Điều 22. Tổ chức thực hiện\n\n1. UBND xã Tân Hải: Thực hiện các thủ tục về đất đai.\n\n"
                  "Phối hợp với Ban Quản lý dự án khai thác lâm sản.\n\n"
                  "2. Sở Tài chính: Bố trí kinh phí.\n\nQuyết định 2459/QĐ-UBND (Hình từ Internet)\n");
  a = by_agency(doc, "dost");
  assert_int_equal(plan_assignment_duty_count(a), 3);
  assert_string_equal(plan_duty_text(plan_assignment_duty(a, 0)),
                      "Sở Khoa học và Công nghệ là cơ quan quản lý hệ thống, có trách nhiệm");
  assert_string_equal(plan_duty_text(plan_assignment_duty(a, 1)), "Tham mưu Ủy ban nhân dân tỉnh.");
  a = plan_doc_assignment(doc, 1);
  assert_string_equal(plan_assignment_heading(a), "UBND xã Tân Hải");
  assert_int_equal(plan_assignment_duty_count(a), 2);
  assert_string_equal(plan_duty_text(plan_assignment_duty(a, 1)),
                      "Phối hợp với Ban Quản lý dự án khai thác lâm sản.");
  a = by_agency(doc, "dof");
  assert_int_equal(plan_assignment_duty_count(a), 1);
  plan_doc_free(doc);

  /* a heading that goes on past the name before its colon: the duty
   * starts where the name ends, the colon's list in it */
  doc = parse_str("KẾ HOẠCH\nThử\n\nIII. TỔ CHỨC THỰC HIỆN\n\n"
                  "1. Sở Y tế chủ trì, phối hợp với các đơn vị: Văn phòng UBND tỉnh và Sở Tư pháp "
                  "rà soát thủ tục.\n\n2. Sở Tài chính: bố trí kinh phí.\n");
  a = by_agency(doc, "doh");
  assert_non_null(a);
  assert_string_equal(plan_assignment_heading(a), "Sở Y tế");
  assert_string_equal(plan_duty_text(plan_assignment_duty(a, 0)),
                      "chủ trì, phối hợp với các đơn vị: Văn phòng UBND tỉnh và Sở Tư pháp rà soát thủ tục.");
  assert_string_equal(plan_duty_text(plan_assignment_duty(by_agency(doc, "dof"), 0)), "bố trí kinh phí.");
  plan_doc_free(doc);

  /* a time phrase before the agency ("Định kỳ 06 tháng, Văn phòng ...")
   * is when its duty is due; a ground ("Căn cứ ...") is not */
  doc = parse_str("KẾ HOẠCH\nThử\n\nIII. TỔ CHỨC THỰC HIỆN\n\n"
                  "1. Định kỳ 06 (sáu) tháng hoặc đột xuất, Văn phòng UBND tỉnh báo cáo UBND tỉnh tình hình.\n\n"
                  "2. Căn cứ chức năng, nhiệm vụ, Sở Tài chính bố trí kinh phí.\n");
  a = plan_doc_assignment(doc, 0);
  assert_string_equal(plan_assignment_heading(a), "Văn phòng UBND tỉnh");
  assert_string_equal(plan_duty_text(plan_assignment_duty(a, 0)), "báo cáo UBND tỉnh tình hình.");
  assert_non_null(plan_duty_deadline(plan_assignment_duty(a, 0)));
  assert_string_equal(plan_duty_deadline(plan_assignment_duty(a, 0)), "Định kỳ 06 (sáu) tháng hoặc đột xuất");
  a = by_agency(doc, "dof");
  assert_null(plan_duty_deadline(plan_assignment_duty(a, 0)));
  plan_doc_free(doc);

  /* and so in a heading that groups duties */
  doc = parse_str("KẾ HOẠCH\nThử\n\nIII. TỔ CHỨC THỰC HIỆN\n\n1. Sở Khoa học và Công nghệ\n\n"
                  "1.1. Trách nhiệm trong việc quản lý ứng dụng\n\na) Cấp tài khoản cho:\n\n"
                  "- cán bộ, công chức;\n\n- viên chức.\n\nb) Giám sát.\n\n2. Sở Y tế: khám sức khỏe.\n");
  a = by_agency(doc, "dost");
  assert_int_equal(plan_assignment_duty_count(a), 2);
  assert_string_equal(plan_duty_text(plan_assignment_duty(a, 0)),
                      "Cấp tài khoản cho: - cán bộ, công chức; - viên chức.");
  plan_doc_free(doc);

  /* a heading over the duties of member bodies that states the body's
   * own responsibility, with no colon, is its first duty; one that leads
   * in with a colon is not */
  doc = parse_str("QUYẾT ĐỊNH\nThử\n\nĐiều 10. Trách nhiệm của các cơ quan, đơn vị, địa phương\n\n"
                  "1. Các cơ quan, đơn vị, địa phương có trách nhiệm theo dõi, tổng hợp các trường hợp "
                  "vi phạm gửi về Hội đồng Thi đua - Khen thưởng tỉnh (qua Sở Nội vụ)\n\n"
                  "a) Công an tỉnh: Tổng hợp danh sách các cơ quan có người vi phạm;\n\n"
                  "b) Sở Y tế: Tổng hợp danh sách các cơ sở vi phạm về an toàn thực phẩm.\n\n"
                  "2. Sở Tài chính có trách nhiệm:\n\na) Bố trí kinh phí;\n\nb) Hướng dẫn thanh toán.\n");
  a = plan_doc_assignment(doc, 0);
  assert_int_equal(plan_assignment_duty_count(a), 3);
  assert_string_equal(plan_duty_text(plan_assignment_duty(a, 0)),
                      "có trách nhiệm theo dõi, tổng hợp các trường hợp vi phạm gửi về Hội đồng Thi "
                      "đua - Khen thưởng tỉnh (qua Sở Nội vụ)");
  assert_string_equal(plan_agency_id(plan_duty_agency(plan_assignment_duty(a, 1))), "police");
  a = by_agency(doc, "dof");
  assert_int_equal(plan_assignment_duty_count(a), 2);
  assert_string_equal(plan_duty_text(plan_assignment_duty(a, 0)), "Bố trí kinh phí");
  plan_doc_free(doc);
}

/* What ends an item's paragraphs besides the next marker: a markdown
 * heading or a question in bold (an article's next part), the mark that
 * ends the text ("./."); a portal's trailer notice ends the page's text. */
static void test_item_boundaries(void **state) {
  (void)state;
  static const char *const next_part[] = {"## Lựa chọn nhà đầu tư như thế nào?",
                                           "**Học sinh có quyền và nhiệm vụ gì?**"};
  plan_doc *doc;
  const plan_assignment *a;
  for (size_t k = 0; k < 2; k++) {
    char text[512];
    snprintf(text, sizeof text,
             "KẾ HOẠCH\nThử\n\nIII. TỔ CHỨC THỰC HIỆN\n\n1. Sở Tài chính:\n\n"
             "- Bố trí kinh phí thực hiện kế hoạch.\n\n2. Sở Y tế:\n\n"
             "- Khám sức khỏe cho người dân.\n\n%s\n\nCăn cứ tại Điều 29 Luật Đầu tư.\n",
             next_part[k]);
    doc = parse_str(text);
    a = by_agency(doc, "dof");
    assert_non_null(a);
    assert_string_equal(plan_duty_text(plan_assignment_duty(a, 0)), "Bố trí kinh phí thực hiện kế hoạch.");
    a = by_agency(doc, "doh");
    assert_non_null(a);
    assert_string_equal(plan_duty_text(plan_assignment_duty(a, 0)), "Khám sức khỏe cho người dân.");
    const plan_node *last = plan_node_last_child(plan_doc_root(doc));
    assert_int_equal(plan_node_kind_of(last), PLAN_NODE_PARAGRAPH);
    assert_string_equal(plan_node_text(last), "Căn cứ tại Điều 29 Luật Đầu tư.");
    plan_doc_free(doc);
  }

  /* a heading of a lower level than the item's own heading is inside it */
  doc = parse_str("# KẾ HOẠCH\n\nThử\n\n## I. MỤC ĐÍCH\n\nBảo vệ trẻ em.\n\n## II. TỔ CHỨC THỰC HIỆN\n\n"
                  "### Sở Y tế\n\n- Khám sức khỏe cho trẻ em.\n\n### Sở Tài chính\n\n"
                  "- Bố trí kinh phí thực hiện kế hoạch.\n");
  assert_int_equal(plan_node_item_count(find_path(plan_doc_root(doc), "II")), 2);
  plan_doc_free(doc);

  doc = parse_str("QUYẾT ĐỊNH\nThử\n\nĐiều 3. Tổ chức thực hiện\n\n"
                  "1. Sở Nội vụ hướng dẫn thực hiện Quy chế này.\n\n"
                  "2. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh tuyên truyền Quy chế này./.\n\n"
                  "Quyết định 138/2025/QĐ-UBND về Quy chế tiếp nhận hồ sơ\n\n"
                  "Văn bản này chưa cập nhật nội dung Tiếng Anh\n");
  assert_int_equal(plan_doc_assignment_count(doc), 2);
  a = plan_doc_assignment(doc, 1);
  assert_string_equal(plan_duty_text(plan_assignment_duty(a, 0)), "tuyên truyền Quy chế này./.");
  assert_null(plan_node_first_child(find_path(plan_doc_root(doc), "Điều 3.2")));
  plan_doc_free(doc);

  doc = parse_str("KẾ HOẠCH\nThử\n\nIII. TỔ CHỨC THỰC HIỆN\n\n1. Sở Tài chính:\n\n"
                  "- Bố trí kinh phí thực hiện kế hoạch.\n\n"
                  "Quý khách cần hỏi thêm thông tin về có thể đặt câu hỏi tại đây.\n");
  a = by_agency(doc, "dof");
  assert_string_equal(plan_duty_text(plan_assignment_duty(a, 0)), "Bố trí kinh phí thực hiện kế hoạch.");
  assert_true(has_diag_text(doc, PLAN_DIAG_FURNITURE, "trailer notice"));
  plan_doc_free(doc);
}

/* A task table copied cell by cell ('|' lines between cells, two between
 * rows) reads as the HTML reader reads one: a bullet per task naming its
 * lead; tasks no agency item holds become their lead agencies' items.  A
 * table that is no task table stays as it was. */
static void test_text_task_table(void **state) {
  (void)state;
  const char *text =
      "KẾ HOẠCH\nThử\n\nI. TỔ CHỨC THỰC HIỆN\n\n1. Sở Y tế: khám sức khỏe.\n\n"
      "**PHỤ LỤC**\n\n"
      "|\n**TT**\n|\n**Nhiệm vụ**\n|\n**Cơ quan chủ trì**\n|\n**Cơ quan phối hợp**\n|\n"
      "**Thời gian**\n|\n|\n**I**\n|\n**Thể chế**\n|\n|\n1\n|\nRà soát văn bản\nquy phạm.\n|\n"
      "Sở Tư pháp\n|\nCông an tỉnh\n|\nQuý IV/2025\n|\n|\n2\n|\nTập huấn cán bộ.\n|\n"
      "Sở Tư pháp\n|\nSở Nội vụ\n|\n|\n|\n3\n|\nBố trí kinh phí.\n|\nSở Tài chính\n|\n|\n"
      "Năm 2026\n|\n";
  plan_doc *doc = parse_str(text);
  const char *t = plan_text_data(plan_doc_text(doc), NULL);
  assert_non_null(strstr(t, "- Rà soát văn bản quy phạm. Cơ quan chủ trì: Sở Tư pháp. "
                            "Cơ quan phối hợp: Công an tỉnh. Thời gian thực hiện: Quý IV/2025"));
  assert_non_null(strstr(t, "\nThể chế\n"));
  const plan_assignment *doj = by_agency(doc, "doj");
  assert_non_null(doj);
  assert_int_equal(plan_assignment_duty_count(doj), 2);
  assert_string_equal(plan_assignment_heading(doj), "Sở Tư pháp");
  const plan_duty *d = plan_assignment_duty(doj, 0);
  assert_string_equal(plan_duty_deadline(d), "Quý IV/2025");
  assert_non_null(by_agency(doc, "dof"));
  assert_int_equal(plan_doc_assignment_count(doc), 3); /* Sở Y tế, Sở Tư pháp, Sở Tài chính */
  assert_true(has_diag_text(doc, PLAN_DIAG_HEURISTIC, "task table"));
  plan_doc_free(doc);

  /* columns the task fields do not name keep their text, under their
   * headers' words; a first row whose cells are sentences is no header,
   * even when one of them says "chủ trì" */
  doc = parse_str("KẾ HOẠCH\nThử\n\n|\nNội dung\n|\nCơ quan chủ trì\n|\nSản phẩm\n|\nGhi chú\n|\n|\n"
                  "Tuyên truyền pháp luật.\n|\nSở Tư pháp\n|\nTài liệu\n|\n|\n|\n"
                  "Tập huấn cán bộ.\n|\nSở Y tế\n|\nLớp học\n|\nMiễn phí\n|\n");
  t = plan_text_data(plan_doc_text(doc), NULL);
  assert_non_null(strstr(t, "- Tuyên truyền pháp luật. Cơ quan chủ trì: Sở Tư pháp. Sản phẩm: Tài liệu\n"));
  assert_non_null(strstr(t, "- Tập huấn cán bộ. Cơ quan chủ trì: Sở Y tế. Sản phẩm: Lớp học. Ghi chú: Miễn phí\n"));
  plan_doc_free(doc);
  const char *body_row = "KẾ HOẠCH\nThử\n\n|\nChủ trì, phối hợp với Sở Y tế tổ chức tập huấn cho giáo viên.\n|\n"
                         "Nội dung tuyên truyền về phòng chống xâm hại trẻ em.\n|\n|\nHai\n|\nBa\n|\n";
  doc = parse_str(body_row);
  t = plan_text_data(plan_doc_text(doc), NULL);
  assert_non_null(strstr(t, "\nChủ trì, phối hợp với Sở Y tế tổ chức tập huấn cho giáo viên.\n"));
  assert_null(strstr(t, "Cơ quan chủ trì:")); /* not read as a task table */
  assert_non_null(strstr(t, "\nHai\n\nBa")); /* no cell lost */
  plan_doc_free(doc);
  /* cells with no row between them (a plain table's text, as the HTML
   * reader writes it) are a header with no task under it: kept, not
   * dropped, though they name a task table's columns (found by fuzzing) */
  doc = parse_str("KẾ HOẠCH\nThử\n\n|\nSố: 12/KH-UBND\n|\nNội dung\n|\nCơ quan chủ trì\n|\n"
                  "Thời gian thực hiện\n|\n");
  t = plan_text_data(plan_doc_text(doc), NULL);
  assert_non_null(strstr(t, "Số: 12/KH-UBND"));
  assert_non_null(strstr(t, "Cơ quan chủ trì"));
  plan_doc_free(doc);

  /* tasks whose lead is a field under them ("- Đơn vị chủ trì: ...") */
  doc = parse_str("KẾ HOẠCH\nThử\n\nI. NHIỆM VỤ\n\n1. Tuyên truyền pháp luật về trẻ em\n\n"
                  "- Đơn vị chủ trì: Sở Tư pháp\n\n- Đơn vị phối hợp: Công an tỉnh\n\n"
                  "2. Tập huấn cán bộ\n\n- Đơn vị chủ trì: Sở Y tế\n\n"
                  "3. Rà soát văn bản\n\n- Đơn vị chủ trì: Sở Tư pháp\n\n"
                  "II. TỔ CHỨC THỰC HIỆN\n\n1. Sở Nội vụ: hướng dẫn.\n");
  assert_int_equal(plan_doc_assignment_count(doc), 3);
  doj = by_agency(doc, "doj");
  assert_int_equal(plan_assignment_duty_count(doj), 2);
  assert_string_equal(plan_duty_text(plan_assignment_duty(doj, 1)), "Rà soát văn bản");
  assert_int_equal(plan_assignment_duty_count(by_agency(doc, "doh")), 1);
  plan_doc_free(doc);

  /* a header table stays cells between '|' lines */
  doc = parse_str("|\n**ỦY BAN NHÂN DÂN**\nTỈNH LAI CHÂU\n|\n**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**\n|\n"
                  "|\nSố: 87/2025/QĐ-UBND\n|\n\nKẾ HOẠCH\nThử\n");
  assert_string_equal(plan_doc_meta(doc, PLAN_META_NUMBER), "87/2025/QĐ-UBND");
  assert_string_equal(plan_doc_meta(doc, PLAN_META_ISSUER), "Ủy ban nhân dân tỉnh Lai Châu");
  plan_doc_free(doc);
  /* a number wrapped after its code's dash ("3783/QĐ-" / "UBND") */
  doc = parse_str("|\n**ỦY BAN NHÂN DÂN**\n**TỈNH NGHỆ AN**\n|\n**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**\n|\n"
                  "|\nSố: 3783/QĐ-\nUBND\n|\n*Nghệ An, ngày 20 tháng 11 năm 2025*\n|\n\nQUYẾT ĐỊNH\nThử\n");
  assert_string_equal(plan_doc_meta(doc, PLAN_META_NUMBER), "3783/QĐ-UBND");
  plan_doc_free(doc);

  /* a short row ("Quý IV/2026" and no more) before a row that lost its
   * number to a merge: two '|' lines there end the row, since reading
   * them as an empty cell puts more cells in the row than the header has */
  doc = parse_str("KẾ HOẠCH\nThử\n\n"
                  "|\n**TT**\n|\n**Nhiệm vụ**\n|\n**Cơ quan chủ trì**\n|\n**Cơ quan phối hợp**\n|\n"
                  "**Thời gian**\n|\n**Kết quả**\n|\n|\n1\n|\nVận hành hệ thống.\n|\nSở Tài chính\n|\nCác sở, ngành\n|\n"
                  "Quý IV/2026\n|\n|\nThực hiện sao lưu dữ liệu.\n|\nSở Y tế\n|\nSở Tài chính\n|\n|\n"
                  "2\n|\nTập huấn cán bộ.\n|\nSở Tư pháp\n|\nSở Nội vụ\n|\nNăm 2026\n|\nLớp học\n|\n");
  t = plan_text_data(plan_doc_text(doc), NULL);
  assert_non_null(strstr(t, "- Vận hành hệ thống. Cơ quan chủ trì: Sở Tài chính. Cơ quan phối hợp: "
                            "Các sở, ngành. Thời gian thực hiện: Quý IV/2026\n"));
  assert_non_null(strstr(t, "- Thực hiện sao lưu dữ liệu. Cơ quan chủ trì: Sở Y tế. "
                            "Cơ quan phối hợp: Sở Tài chính\n"));
  assert_null(strstr(t, "Cột"));
  assert_int_equal(plan_assignment_duty_count(by_agency(doc, "doh")), 1);
  plan_doc_free(doc);

  /* a task two bodies lead is the item of both, as a heading naming two
   * is; tasks with the same leads, in any order, share the item; a body
   * the lexicon does not know, listed after one it knows, leads too */
  doc = parse_str("KẾ HOẠCH\nThử\n\n"
                  "|\n**TT**\n|\n**Nhiệm vụ**\n|\n**Cơ quan chủ trì**\n|\n**Cơ quan phối hợp**\n|\n|\n"
                  "1\n|\nTập huấn an toàn thông tin.\n|\nSở Khoa học và Công nghệ, Công an tỉnh\n|\n"
                  "Sở Nội vụ\n|\n|\n2\n|\nKiểm tra hệ thống.\n|\nCông an tỉnh và Sở Khoa học và Công nghệ\n|\n"
                  "Sở Tài chính\n|\n|\n3\n|\nBố trí kinh phí.\n|\nSở Tài chính\n|\nSở Nội vụ\n|\n|\n"
                  "4\n|\nTuyên truyền.\n|\nSở Tư pháp, Viện Nghiên cứu phát triển\n|\nSở Nội vụ\n|\n|\n"
                  "5\n|\nSố hóa dữ liệu.\n|\nỦy ban nhân dân xã, phường, đặc khu\n|\nSở Nội vụ\n|\n");
  assert_int_equal(plan_doc_assignment_count(doc), 4);
  const plan_assignment *both = plan_doc_assignment(doc, 0);
  assert_string_equal(plan_assignment_heading(both), "Sở Khoa học và Công nghệ, Công an tỉnh");
  assert_int_equal(plan_assignment_agency_count(both), 2);
  assert_string_equal(plan_agency_id(plan_mention_agency(plan_assignment_agency(both, 0))), "dost");
  assert_string_equal(plan_agency_id(plan_mention_agency(plan_assignment_agency(both, 1))), "police");
  assert_int_equal(plan_assignment_duty_count(both), 2);
  assert_string_equal(plan_duty_text(plan_assignment_duty(both, 1)),
                      "Kiểm tra hệ thống. Cơ quan chủ trì: Công an tỉnh và Sở Khoa học và Công nghệ. "
                      "Cơ quan phối hợp: Sở Tài chính");
  assert_int_equal(plan_assignment_agency_count(plan_doc_assignment(doc, 1)), 1);
  const plan_assignment *doj2 = plan_doc_assignment(doc, 2);
  assert_string_equal(plan_assignment_heading(doj2), "Sở Tư pháp, Viện Nghiên cứu phát triển");
  assert_int_equal(plan_assignment_agency_count(doj2), 2);
  assert_string_equal(plan_agency_id(plan_mention_agency(plan_assignment_agency(doj2, 1))),
                      "x-vien-nghien-cuu-phat-trien");
  /* the communes with the special zones of 2025 ("đặc khu"), named whole */
  assert_string_equal(plan_assignment_heading(plan_doc_assignment(doc, 3)),
                      "Ủy ban nhân dân xã, phường, đặc khu");
  plan_doc_free(doc);
  /* a lead the lexicon does not know, by its head word and capital, leads
   * alone too; words in lower case ("các đơn vị liên quan") name none */
  doc = parse_str("KẾ HOẠCH\nThử\n\n"
                  "|\n**TT**\n|\n**Nhiệm vụ**\n|\n**Cơ quan chủ trì**\n|\n|\n"
                  "1\n|\nGiải phóng mặt bằng.\n|\nBan Quản lý dự án đầu tư xây dựng tỉnh\n|\n|\n"
                  "2\n|\nTuyên truyền.\n|\ncác đơn vị liên quan\n|\n");
  assert_int_equal(plan_doc_assignment_count(doc), 1);
  assert_string_equal(plan_agency_id(plan_mention_agency(plan_assignment_agency(plan_doc_assignment(doc, 0), 0))),
                      "x-ban-quan-ly-du-an-dau-tu-xay");
  plan_doc_free(doc);

  /* two rows merged into one: two sentences opening lines beside two
   * names opening lines are two tasks, each with its lead and support;
   * the deadline is both's.  A name list wrapped over lines (a comma, or
   * lower case, at the break) and a task of two sentences beside one lead
   * stay one task. */
  doc = parse_str("KẾ HOẠCH\nThử\n\n"
                  "|\n**TT**\n|\n**Nhiệm vụ**\n|\n**Cơ quan chủ trì**\n|\n**Cơ quan phối hợp**\n|\n"
                  "**Thời gian**\n|\n|\n1\n|\nBố trí nhân lực cập nhật\ndữ liệu.\nBố trí nhân lực vận hành "
                  "hệ thống.\n|\nSở Y tế\nSở Tài chính\n|\nSở Tài chính\nSở Y tế\n|\nNăm 2026\n|\n|\n"
                  "2\n|\nTập huấn cán bộ.\nTổ chức thi.\n|\nSở Tư pháp, Sở Nội vụ,\nCông an tỉnh\n|\n"
                  "Sở Y tế\n|\nNăm 2027\n|\n");
  t = plan_text_data(plan_doc_text(doc), NULL);
  assert_non_null(strstr(t, "- Bố trí nhân lực cập nhật dữ liệu. Cơ quan chủ trì: Sở Y tế. "
                            "Cơ quan phối hợp: Sở Tài chính. Thời gian thực hiện: Năm 2026\n"));
  assert_non_null(strstr(t, "- Bố trí nhân lực vận hành hệ thống. Cơ quan chủ trì: Sở Tài chính. "
                            "Cơ quan phối hợp: Sở Y tế. Thời gian thực hiện: Năm 2026\n"));
  assert_non_null(strstr(t, "- Tập huấn cán bộ. Tổ chức thi. Cơ quan chủ trì: Sở Tư pháp, Sở Nội vụ, "
                            "Công an tỉnh. Cơ quan phối hợp: Sở Y tế"));
  assert_int_equal(plan_assignment_duty_count(by_agency(doc, "doh")), 1);
  assert_int_equal(plan_assignment_duty_count(by_agency(doc, "dof")), 1);
  plan_doc_free(doc);
}

/* A document hard-wrapped at a width: an item's line as long as the
 * others was cut by the wrap, so the next line goes on with it even in
 * upper case ("tỉnh Đồng" / "Tháp."); a short heading still ends. */
static void test_hard_wrap_width(void **state) {
  (void)state;
  test_buf b = {0};
  test_put(&b, "KẾ HOẠCH\nThử\n\nI. MỤC ĐÍCH\n\n"
               "1. Quy chế này quy định việc quản lý, vận hành, tỉnh Đồng\nTháp và các đơn vị liên quan.\n\n"
               "2. Sở Y tế\nChủ trì khám sức khỏe định kỳ cho người dân.\n\nII. NỘI DUNG\n\n");
  for (int i = 0; i < 24; i++)
    test_put(&b, "- Tổ chức tuyên truyền sâu rộng trong cán bộ, công\nchức, viên chức và nhân dân trên địa bàn cấp xã,\n"
                 "phường, đặc khu để nâng cao nhận thức pháp luật.\n");
  plan_doc *doc = parse_str(b.data);
  assert_string_equal(plan_node_text(find_path(plan_doc_root(doc), "I.1")),
                      "Quy chế này quy định việc quản lý, vận hành, tỉnh Đồng Tháp và các đơn vị liên quan.");
  assert_string_equal(plan_node_title(find_path(plan_doc_root(doc), "I.2")), "Sở Y tế");
  plan_doc_free(doc);

  /* with no blank lines between paragraphs, a line as long as the wrapped
   * ones that stops at a semicolon was cut inside its list */
  b.len = 0;
  test_put(&b, "QUYẾT ĐỊNH\nThử\nĐiều 1. Nội dung\n");
  for (int i = 0; i < 24; i++)
    test_put(&b, "Tổ chức tuyên truyền sâu rộng trong cán bộ, công\nchức, viên chức và nhân dân trên địa bàn cấp xã,\n"
                 "phường, đặc khu để nâng cao nhận thức pháp luật.\n");
  test_put(&b, "Điều 4. Thi hành\nQuyết định này có hiệu lực kể từ ngày ký. Chánh\n"
               "Văn phòng Ủy ban nhân dân tỉnh; Giám đốc Sở Y tế;\nThủ trưởng các cơ quan có liên quan thi hành.\n"
               "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19;\nNơi nhận:\n");
  doc = parse_str(b.data);
  const plan_node *art = find_path(plan_doc_root(doc), "Điều 4");
  assert_non_null(art);
  const plan_node *body = plan_node_first_child(art);
  assert_non_null(body);
  assert_string_equal(plan_node_text(body),
                      "Quyết định này có hiệu lực kể từ ngày ký. Chánh Văn phòng Ủy ban nhân dân tỉnh; "
                      "Giám đốc Sở Y tế; Thủ trưởng các cơ quan có liên quan thi hành.");
  /* a part of the frame still opens its own paragraph */
  assert_string_equal(plan_node_text(plan_node_next(body)), "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19;");
  plan_doc_free(doc);

  /* a list of office holders cut at a semicolon goes on where no width
   * tells (a copy wrapped twice leaves the cut line short); a clause with
   * a duty verb that stops there ended its sentence */
  doc = parse_str("QUYẾT ĐỊNH\nThử\nĐiều 1. Thi hành\nQuyết định này có hiệu lực kể từ ngày ký. Chánh\n"
                  "Văn phòng Ủy ban nhân dân tỉnh;\nGiám đốc Sở Nông nghiệp và Môi trường;\n"
                  "Thủ trưởng các sở, ban, ngành thi hành Quyết định này.\n"
                  "Điều 2. Báo cáo\nCác cơ quan báo cáo kết quả hằng quý;\nGiám đốc Sở Y tế tổng hợp.\n");
  body = plan_node_first_child(find_path(plan_doc_root(doc), "Điều 1"));
  assert_non_null(body);
  assert_string_equal(plan_node_text(body),
                      "Quyết định này có hiệu lực kể từ ngày ký. Chánh Văn phòng Ủy ban nhân dân tỉnh; "
                      "Giám đốc Sở Nông nghiệp và Môi trường; Thủ trưởng các sở, ban, ngành thi hành Quyết "
                      "định này.");
  assert_null(plan_node_next(body));
  body = plan_node_first_child(find_path(plan_doc_root(doc), "Điều 2"));
  assert_non_null(body);
  assert_string_equal(plan_node_text(body), "Các cơ quan báo cáo kết quả hằng quý;");
  assert_non_null(plan_node_next(body));
  assert_string_equal(plan_node_text(plan_node_next(body)), "Giám đốc Sở Y tế tổng hợp.");
  plan_doc_free(doc);

  /* a greedy wrap at a fixed width cut a line after a full stop where the
   * next line's first word would not have fit on it; a shorter line, or
   * one as long as the longest, ended its sentence */
  b.len = 0;
  test_put(&b, "QUYẾT ĐỊNH\nThử\nĐiều 1. Nội dung\n");
  for (int i = 0; i < 24; i++)
    test_put(&b, "Tổ chức tuyên truyền sâu rộng trong cán bộ, công\nchức, viên chức và nhân dân trên địa bàn cấp xã,\n"
                 "phường, đặc khu để nâng cao nhận thức pháp luật\nvề phòng cháy.\n");
  test_put(&b, "Điều 2. Thi hành\nQuyết định này có hiệu lực thi hành từ ngày ký.\nChánh Văn phòng thi hành.\n"
               "Các cơ quan báo cáo kết quả hằng năm.\nTrường hợp cần thiết có thể lấy ý kiến chuyên gia.\n"
               "Các cơ quan gửi báo cáo.\nĐiều 3. Nội dung\n"
               "Theo đó, chủ đề năm học là: “Kỷ cương - Sáng tạo\n- Đột phá - Phát triển”. Sở ban hành.\n"
               "- Bảo tồn, tôn tạo và phát huy giá trị di tích lịch sử\n- văn hóa trên địa bàn tỉnh.\n"
               "Điều 4. Hiệu lực\nQuyết định này có hiệu lực thi hành từ ngày ký.\n*Chánh Văn phòng thi hành.*\n"
               "Điều 5. Mẫu\na) Đơn đăng ký đất đai, tài sản gắn liền với đất:\nMẫu số 15;\n"
               "b) Tờ khai đăng ký biến động:\nMẫu số 16.\n");
  doc = parse_str(b.data);
  art = find_path(plan_doc_root(doc), "Điều 2");
  assert_non_null(art);
  /* the width, and that it decides, said in a diagnostic */
  assert_true(has_diag_text(doc, PLAN_DIAG_HEURISTIC, "hard-wrapped at about 48 characters (the longest 50)"));
  const char *want[] = {"Quyết định này có hiệu lực thi hành từ ngày ký. Chánh Văn phòng thi hành.",
                        "Các cơ quan báo cáo kết quả hằng năm.",
                        "Trường hợp cần thiết có thể lấy ý kiến chuyên gia.", "Các cơ quan gửi báo cáo."};
  body = plan_node_first_child(art);
  for (size_t i = 0; i < sizeof want / sizeof *want; i++, body = plan_node_next(body)) {
    assert_non_null(body);
    assert_string_equal(plan_node_text(body), want[i]);
  }
  assert_null(body);
  /* a quotation the line opened goes on past a dash; a dash before a
   * lower-case word after a line as long as the document's wrapped ones
   * joins two words */
  art = find_path(plan_doc_root(doc), "Điều 3");
  assert_non_null(art);
  body = plan_node_first_child(art);
  assert_non_null(body);
  assert_string_equal(plan_node_text(body), "Theo đó, chủ đề năm học là: “Kỷ cương - Sáng tạo - Đột phá - Phát triển”. Sở ban hành.");
  body = plan_node_next(body);
  assert_non_null(body);
  assert_string_equal(plan_node_text(body), "Bảo tồn, tôn tạo và phát huy giá trị di tích lịch sử - văn hóa trên địa bàn tỉnh.");
  assert_null(plan_node_next(body));
  /* but a line that opens emphasis after a full stop starts a paragraph
   * ("đề xuất." / "*II) Thẩm định ...*"), wherever a wrap might have cut */
  body = plan_node_first_child(find_path(plan_doc_root(doc), "Điều 4"));
  assert_non_null(body);
  assert_string_equal(plan_node_text(body), "Quyết định này có hiệu lực thi hành từ ngày ký.");
  assert_non_null(plan_node_next(body));
  assert_string_equal(plan_node_text(plan_node_next(body)), "Chánh Văn phòng thi hành.");
  /* and so after a colon: "... với đất:" / "Mẫu số 15;" was cut, a short
   * line that stops at a colon ended there */
  assert_string_equal(plan_node_text(find_path(plan_doc_root(doc), "Điều 5.a")),
                      "Đơn đăng ký đất đai, tài sản gắn liền với đất: Mẫu số 15;");
  assert_string_equal(plan_node_text(find_path(plan_doc_root(doc), "Điều 5.b")), "Tờ khai đăng ký biến động:");
  plan_doc_free(doc);
  free(b.data);

  /* an item's line as long as the line before it was cut, though the
   * next opens with a capital: an item's heading is not four lines long */
  doc = parse_str("KẾ HOẠCH\nThử\n\n2. Các điểm sau:\na) Điểm truy nhập Internet công\n"
                  "cộng tại khách sạn, nhà hàng, sân bay, bến tàu,\nbến xe, quán cà phê và các điểm\n"
                  "công cộng khác khi cung cấp dịch vụ truy nhập\nInternet không thu cước.\n");
  assert_string_equal(plan_node_text(find_path(plan_doc_root(doc), "2.a")),
                      "Điểm truy nhập Internet công cộng tại khách sạn, nhà hàng, sân bay, bến tàu, bến "
                      "xe, quán cà phê và các điểm công cộng khác khi cung cấp dịch vụ truy nhập Internet "
                      "không thu cước.");
  assert_null(plan_node_title(find_path(plan_doc_root(doc), "2.a")));
  plan_doc_free(doc);

  /* an acronym alone on a line is no upper-case line; "PHỤ LỤC" is */
  doc = parse_str("KẾ HOẠCH\nThử\n\n1. Thủ tục cấp lại giấy chứng nhận (Mã\nTTHC: 1.014465) theo quy định.\n\n"
                  "**PHỤ\nLỤC**\n*(Kèm theo Kế hoạch)*\n");
  assert_string_equal(plan_node_text(find_path(plan_doc_root(doc), "1")),
                      "Thủ tục cấp lại giấy chứng nhận (Mã TTHC: 1.014465) theo quy định.");
  assert_string_equal(plan_doc_meta(doc, PLAN_META_ATTACHMENT_TYPE), "PHỤ LỤC");
  plan_doc_free(doc);

  /* a body's head noun ends no line, nor does a cited article start one */
  doc = parse_str("KẾ HOẠCH\nThử\n\n1. Niêm yết công khai tại Trung tâm\nPhục vụ hành chính công cấp xã.\n\n"
                  "2. Đối với các trường hợp quy định tại khoản 1\nĐiều 4 của Quyết định này\n\n- Gửi thông báo.\n");
  assert_string_equal(plan_node_text(find_path(plan_doc_root(doc), "1")),
                      "Niêm yết công khai tại Trung tâm Phục vụ hành chính công cấp xã.");
  assert_string_equal(plan_node_title(find_path(plan_doc_root(doc), "2")),
                      "Đối với các trường hợp quy định tại khoản 1 Điều 4 của Quyết định này");
  plan_doc_free(doc);

  /* nor does a cited appendix, its number on the next line */
  doc = parse_str("QUYẾT ĐỊNH\nThử\n\n3. Quyết định này bãi bỏ số thứ tự thứ 5 Phụ lục\n"
                  "IIb Danh mục các văn bản được lựa chọn áp dụng.\n");
  assert_null(plan_node_title(find_path(plan_doc_root(doc), "3")));
  assert_string_equal(plan_node_text(find_path(plan_doc_root(doc), "3")),
                      "Quyết định này bãi bỏ số thứ tự thứ 5 Phụ lục IIb Danh mục các văn bản được lựa chọn áp dụng.");
  plan_doc_free(doc);

  /* a colon after a title opens the names it heads, in its sentence */
  doc = parse_str("QUYẾT ĐỊNH\nThử\n**Điều 4. **Chánh Văn phòng UBND tỉnh; Giám đốc:\n"
                  "Trung tâm Phục vụ hành chính công tỉnh, Trung tâm Công báo - Tin học tỉnh chịu trách nhiệm thi hành.\n");
  assert_null(plan_node_title(find_path(plan_doc_root(doc), "Điều 4")));
  assert_string_equal(plan_node_text(find_path(plan_doc_root(doc), "Điều 4")),
                      "Chánh Văn phòng UBND tỉnh; Giám đốc: Trung tâm Phục vụ hành chính công tỉnh, "
                      "Trung tâm Công báo - Tin học tỉnh chịu trách nhiệm thi hành.");
  plan_doc_free(doc);

  /* an amount with thousands separators is no dotted marker */
  doc = parse_str("KẾ HOẠCH\nThử\n\n1. Quy mô\n\n- Sơ bộ chi phí xây dựng (m1):\n270.000.000.000 đồng;\n");
  assert_string_equal(plan_node_text(plan_node_first_child(find_path(plan_doc_root(doc), "1"))),
                      "Sơ bộ chi phí xây dựng (m1): 270.000.000.000 đồng;");
  plan_doc_free(doc);

  /* a province's name cut by a wrap goes on, in any document */
  doc = parse_str("KẾ HOẠCH\nThử\n\n1. Sở Công Thương thành phố Cần\nThơ và các tổ chức có liên quan.\n\n"
                  "2. Sở Y tế\nChủ trì khám sức khỏe.\n");
  assert_string_equal(plan_node_text(find_path(plan_doc_root(doc), "1")),
                      "Sở Công Thương thành phố Cần Thơ và các tổ chức có liên quan.");
  assert_string_equal(plan_node_title(find_path(plan_doc_root(doc), "2")), "Sở Y tế");
  plan_doc_free(doc);

  /* and so does the country's */
  doc = parse_str("QUYẾT ĐỊNH\nThử\n\n2. Đối tượng là cá nhân trong nước, người Việt\n"
                  "Nam định cư ở nước ngoài; tổ chức kinh tế.\n");
  assert_null(plan_node_title(find_path(plan_doc_root(doc), "2")));
  assert_string_equal(plan_node_text(find_path(plan_doc_root(doc), "2")),
                      "Đối tượng là cá nhân trong nước, người Việt Nam định cư ở nước ngoài; tổ chức kinh tế.");
  plan_doc_free(doc);
}

/* A body's name ends before a duty's verb written in lower case ("Văn
 * phòng đăng ký đất đai tiếp nhận hồ sơ"); a capitalised one belongs to the
 * name ("Bộ phận Tiếp nhận và Trả kết quả"). */
static void test_name_before_lower_case_verb(void **state) {
  (void)state;
  plan_doc *doc = parse_str("KẾ HOẠCH\nThử\n\nIII. TỔ CHỨC THỰC HIỆN\n\n"
                            "1. Văn phòng đăng ký đất đai tiếp nhận hồ sơ tại Trung tâm Phục vụ hành chính công.\n\n"
                            "2. Bộ phận Tiếp nhận và Trả kết quả cập nhật kết quả giải quyết hồ sơ.\n\n"
                            "3. Văn phòng UBND tỉnh cập nhật dữ liệu thủ tục hành chính.\n");
  assert_int_equal(plan_doc_assignment_count(doc), 3);
  const plan_assignment *a = plan_doc_assignment(doc, 0), *b = plan_doc_assignment(doc, 1),
                        *o = plan_doc_assignment(doc, 2);
  assert_string_equal(plan_assignment_heading(a), "Văn phòng đăng ký đất đai");
  assert_string_equal(plan_duty_text(plan_assignment_duty(a, 0)),
                      "tiếp nhận hồ sơ tại Trung tâm Phục vụ hành chính công.");
  assert_string_equal(plan_assignment_heading(b), "Bộ phận Tiếp nhận và Trả kết quả");
  assert_string_equal(plan_assignment_heading(o), "Văn phòng UBND tỉnh");
  assert_int_equal(plan_assignment_duty_count(o), 1);
  plan_doc_free(doc);

  /* unknown bodies listed: a capitalised head word after a comma begins
   * the next name; in lower case the list is of kinds, one body */
  doc = parse_str("KẾ HOẠCH\nThử\n\nIII. TỔ CHỨC THỰC HIỆN\n\n"
                  "1. Trung tâm Kỹ thuật tài nguyên, Chi nhánh Trung tâm Kỹ thuật tài nguyên: cập nhật hồ sơ.\n\n"
                  "2. Ban Quản lý dự án, ban, đơn vị liên quan: phối hợp.\n");
  const plan_assignment *two = plan_doc_assignment(doc, 0), *one = plan_doc_assignment(doc, 1);
  assert_int_equal(plan_assignment_agency_count(two), 2);
  assert_string_equal(plan_agency_name(plan_mention_agency(plan_assignment_agency(two, 0))),
                      "Trung tâm Kỹ thuật tài nguyên");
  assert_string_equal(plan_agency_name(plan_mention_agency(plan_assignment_agency(two, 1))),
                      "Chi nhánh Trung tâm Kỹ thuật tài nguyên");
  assert_non_null(one);
  assert_int_equal(plan_assignment_agency_count(one), 1);
  plan_doc_free(doc);

  /* "ban hành" after a name is the duty's verb */
  doc = parse_str("KẾ HOẠCH\nThử\n\nIII. TỔ CHỨC THỰC HIỆN\n\n"
                  "1. Hằng năm, Sở Nội vụ ban hành văn bản hướng dẫn thực hiện Quy chế này.\n");
  assert_string_equal(plan_assignment_heading(plan_doc_assignment(doc, 0)), "Sở Nội vụ");
  assert_string_equal(plan_duty_text(plan_assignment_duty(plan_doc_assignment(doc, 0), 0)),
                      "ban hành văn bản hướng dẫn thực hiện Quy chế này.");
  plan_doc_free(doc);

  /* "Văn phòng" opens a body's name, "Văn bản" (a document) none */
  doc = parse_str("KẾ HOẠCH\nThử\n\nIII. TỔ CHỨC THỰC HIỆN\n\n"
                  "1. Văn bản chấp thuận có thời hạn 18 tháng kể từ ngày ký.\n\n"
                  "2. Văn phòng đăng ký đất đai tiếp nhận hồ sơ.\n");
  assert_int_equal(plan_doc_assignment_count(doc), 1);
  assert_string_equal(plan_assignment_label(plan_doc_assignment(doc, 0)), "2");
  plan_doc_free(doc);

  /* "có nhiệm vụ", "làm đầu mối", "có ý kiến" start duties
   * (data/duty_verbs.tsv) */
  doc = parse_str("KẾ HOẠCH\nThử\n\nIII. TỔ CHỨC THỰC HIỆN\n\n"
                  "1. Sở Công Thương có nhiệm vụ phối hợp với các đơn vị điện lực.\n\n"
                  "2. Sở Nông nghiệp và Môi trường làm đầu mối, tham mưu Ủy ban nhân dân tỉnh.\n\n"
                  "3. Sở Xây dựng có ý kiến hướng dẫn chuyên môn về xây dựng.\n");
  assert_int_equal(plan_doc_assignment_count(doc), 3);
  assert_string_equal(plan_assignment_heading(plan_doc_assignment(doc, 0)), "Sở Công Thương");
  assert_string_equal(plan_assignment_heading(plan_doc_assignment(doc, 1)), "Sở Nông nghiệp và Môi trường");
  assert_string_equal(plan_duty_text(plan_assignment_duty(plan_doc_assignment(doc, 1), 0)),
                      "làm đầu mối, tham mưu Ủy ban nhân dân tỉnh.");
  assert_string_equal(plan_assignment_heading(plan_doc_assignment(doc, 2)), "Sở Xây dựng");
  plan_doc_free(doc);

  /* after "việc" a verb is a noun, inside the name: "the carrying out" */
  doc = parse_str("KẾ HOẠCH\nThử\n\nIII. TỔ CHỨC THỰC HIỆN\n\n"
                  "1. Các sở, ban, ngành tỉnh có liên quan tới việc thực hiện Kế hoạch này có trách "
                  "nhiệm phối hợp với các bộ, ngành Trung ương.\n");
  assert_int_equal(plan_doc_assignment_count(doc), 1);
  assert_string_equal(plan_assignment_heading(plan_doc_assignment(doc, 0)),
                      "Các sở, ban, ngành tỉnh có liên quan tới việc thực hiện Kế hoạch này");
  assert_string_equal(plan_duty_text(plan_assignment_duty(plan_doc_assignment(doc, 0), 0)),
                      "có trách nhiệm phối hợp với các bộ, ngành Trung ương.");
  plan_doc_free(doc);
}

/* "Điều 18. Trách nhiệm của các Sở, Ban, ngành" over "1. Sở Nông nghiệp
 * và Môi trường:", "2. Sở Xây dựng:": the article groups the agency items,
 * it is none itself; an article whose items are its own duties stays one
 * (its items may open with a body: "2. Các cơ quan ... phải thực hiện"). */
static void test_collective_article_over_bodies(void **state) {
  (void)state;
  plan_doc *doc = parse_str(
      "QUYẾT ĐỊNH\nThử\n\n**Chương V**\n\n**TỔ CHỨC THỰC HIỆN**\n\n"
      "**Điều 18. Trách nhiệm của các Sở, Ban, ngành**\n\n"
      "1. Sở Nông nghiệp và Môi trường:\n\na) Tham mưu quản lý chất thải rắn.\n\nb) Chủ trì thẩm định.\n\n"
      "2. Sở Xây dựng:\n\na) Hướng dẫn quy hoạch điểm tập kết.\n\n"
      "**Điều 19. Trách nhiệm của Ủy ban nhân dân cấp xã**\n\n"
      "1. Tổ chức thu gom chất thải trên địa bàn.\n\n"
      "2. Các cơ quan, đơn vị trên địa bàn phải thực hiện phân loại.\n");
  const plan_assignment *dae = by_agency(doc, "dae"), *doc_ = by_agency(doc, "doc");
  assert_non_null(dae);
  assert_non_null(doc_);
  assert_string_equal(plan_assignment_label(dae), "1");
  assert_int_equal(plan_assignment_duty_count(dae), 2);
  assert_string_equal(plan_duty_text(plan_assignment_duty(dae, 1)), "Chủ trì thẩm định.");
  assert_null(by_agency(doc, "all-departments")); /* the article is no item */
  const plan_assignment *communes = by_agency(doc, "commune-pcs");
  assert_non_null(communes);
  assert_string_equal(plan_assignment_label(communes), "Điều 19");
  assert_int_equal(plan_assignment_duty_count(communes), 2);
  plan_doc_free(doc);

  /* a body's name and "gồm": its items are members, not duties; a duty
   * that leads into a list with "bao gồm" stays a duty */
  doc = parse_str("QUYẾT ĐỊNH\nThử\n\nIII. TỔ CHỨC THỰC HIỆN\n\n"
                  "1. Sở Y tế: chủ trì khám sức khỏe.\n\n"
                  "2. Các đơn vị thuộc Chi cục gồm:\n\na) Hạt Kiểm lâm Minh Hóa;\n\nb) Hạt Kiểm lâm Tuyên Hóa.\n\n"
                  "3. UBND cấp xã tổ chức rà soát các công trình, bao gồm: nhà ở và công trình công cộng.\n");
  assert_int_equal(plan_doc_assignment_count(doc), 2);
  assert_string_equal(plan_assignment_label(plan_doc_assignment(doc, 1)), "3");
  plan_doc_free(doc);
}

/* Items numbered "(1)", "(2)" in a document that never numbers "1.": its
 * markers, said in a diagnostic; a lone "(1)" in a text stays text.  A
 * heading listing several bodies reads each name whole ("Sở Xây dựng" is no
 * verb). */
static void test_parenthesised_markers(void **state) {
  (void)state;
  const char *text =
      "QUYẾT ĐỊNH\nThử\n\n**Điều 2.** Tổ chức thực hiện\n\n"
      "**(1) Trách nhiệm của Sở Y tế:**\n\n- Chủ trì khám sức khỏe định kỳ.\n\n- Báo cáo kết quả hằng năm.\n\n"
      "**(2) Giao Sở Tài chính **bố trí kinh phí thực hiện.\n\n"
      "**(3) Ban Quản lý Khu kinh tế, Sở Xây dựng, Sở Tư pháp và các ngành liên quan**\n\n"
      "Chịu trách nhiệm về tính chính xác của nội dung thẩm định.\n";
  plan_doc *doc = parse_str(text);
  assert_true(has_diag_text(doc, PLAN_DIAG_HEURISTIC, "numbered (1), (2), and never otherwise"));
  const plan_assignment *doh = by_agency(doc, "doh");
  assert_non_null(doh);
  assert_string_equal(plan_assignment_label(doh), "1");
  assert_int_equal(plan_assignment_duty_count(doh), 2);
  assert_string_equal(plan_duty_text(plan_assignment_duty(doh, 1)), "Báo cáo kết quả hằng năm.");
  const plan_assignment *dof = by_agency(doc, "dof");
  assert_non_null(dof);
  assert_string_equal(plan_duty_text(plan_assignment_duty(dof, 0)), "bố trí kinh phí thực hiện.");
  const plan_assignment *several = by_agency(doc, "doj");
  assert_non_null(several);
  assert_ptr_equal(several, by_agency(doc, "doc"));
  assert_string_equal(plan_assignment_heading(several),
                      "Ban Quản lý Khu kinh tế, Sở Xây dựng, Sở Tư pháp và các ngành liên quan");
  plan_doc_free(doc);

  /* "[2]", "[3]" in a row are markers too, and "tại [2]" after item [2]
   * points back; numbers called before their paragraph are footnotes */
  doc = parse_str("KẾ HOẠCH\nThử\n\n## Tổ chức thực hiện\n\n- Giao các Sở, ban, ngành\n\n"
                  "[2] Giao Sở Nội vụ chủ trì tổng hợp kết quả.\n\n"
                  "[3] Sở Tài chính bố trí kinh phí theo quy định tại [2].\n");
  assert_true(has_diag_text(doc, PLAN_DIAG_HEURISTIC, "numbered [1], [2], and never otherwise"));
  assert_string_equal(plan_assignment_label(by_agency(doc, "dha")), "2");
  assert_string_equal(plan_assignment_label(by_agency(doc, "dof")), "3");
  plan_doc_free(doc);
  doc = parse_str("KẾ HOẠCH\nThử\n\n1. Kinh phí 60 tỷ đồng [1] và ngân sách [2].\n\n"
                  "[1] Gồm vốn đầu tư công.\n\n[2] Gồm vốn sự nghiệp.\n");
  assert_false(has_diag_text(doc, PLAN_DIAG_HEURISTIC, "never otherwise"));
  plan_doc_free(doc);

  /* numbered "1." as well: "(1)" is the text's own, no marker */
  doc = parse_str("KẾ HOẠCH\nThử\n\n1. Sở Y tế\n\n(1) khám sức khỏe;\n\n(2) báo cáo.\n");
  assert_false(has_diag_text(doc, PLAN_DIAG_HEURISTIC, "never otherwise"));
  const plan_node *first = plan_node_first_child(find_path(plan_doc_root(doc), "1"));
  assert_int_equal(plan_node_kind_of(first), PLAN_NODE_PARAGRAPH);
  assert_string_equal(plan_node_text(first), "(1) khám sức khỏe;");
  plan_doc_free(doc);
}

/* Each agency item once, however many passes read its part: a chapter of
 * articles that are mostly agency items is read again as an agency list,
 * and its collective article (over items each a body) must not give its
 * bodies twice.  An article naming two bodies is the item of both when
 * its items are duties, and a level over them when they are the bodies. */
static void test_each_item_once(void **state) {
  (void)state;
  plan_doc *doc = parse_str(
      "QUYẾT ĐỊNH\nThử\n\n**Chương II**\n\n**QUY ĐỊNH QUẢN LÝ**\n\n"
      "**Điều 4. Trách nhiệm của các sở, ban, ngành thuộc tỉnh**\n\n"
      "1. Sở Công Thương\n\na) Tổ chức triển khai các nhiệm vụ quản lý.\n\n"
      "2. Sở Xây dựng\n\na) Thẩm định thiết kế công trình.\n\n"
      "**Điều 5. Trách nhiệm của Ủy ban nhân dân cấp xã**\n\n1. Chỉ đạo, giải quyết vi phạm.\n\n"
      "**Điều 6. Trách nhiệm của Công an tỉnh**\n\n1. Phát hiện, ngăn chặn hành vi vi phạm.\n\n"
      "**Điều 7. Trách nhiệm của Văn phòng đăng ký đất đai, Chi nhánh Văn phòng đăng ký đất đai**\n\n"
      "1. Có trách nhiệm cung cấp thông tin hồ sơ địa chính cho các cơ quan, đơn vị trong quá trình "
      "thực hiện nhiệm vụ.\n\n2. Thực hiện việc cung cấp thông tin đúng thời hạn.\n\n"
      "**Điều 8. Trách nhiệm của Văn phòng đăng ký đất đai, Chi nhánh Văn phòng đăng ký đất đai**\n\n"
      "1. Văn phòng đăng ký đất đai: Thực hiện thống kê, kiểm kê đất đai.\n\n"
      "2. Chi nhánh Văn phòng đăng ký đất đai: Phối hợp thống kê, kiểm kê đất đai.\n");
  assert_int_equal(plan_doc_assignment_count(doc), 7);
  const char *labels[] = {"1", "2", "Điều 5", "Điều 6", "Điều 7", "1", "2"};
  for (size_t i = 0; i < 7; i++)
    assert_string_equal(plan_assignment_label(plan_doc_assignment(doc, i)), labels[i]);
  const plan_assignment *joint = plan_doc_assignment(doc, 4);
  assert_int_equal(plan_assignment_agency_count(joint), 2);
  assert_string_equal(plan_agency_id(plan_mention_agency(plan_assignment_agency(joint, 0))), "land-registry");
  assert_string_equal(plan_agency_id(plan_mention_agency(plan_assignment_agency(joint, 1))),
                      "land-registry-branches");
  assert_int_equal(plan_assignment_duty_count(joint), 2);
  const plan_assignment *branches = plan_doc_assignment(doc, 6);
  assert_int_equal(plan_assignment_agency_count(branches), 1);
  assert_string_equal(plan_duty_text(plan_assignment_duty(branches, 0)), "Phối hợp thống kê, kiểm kê đất đai.");
  plan_doc_free(doc);
}

/* A body's name ends before "cấp giấy phép", "được giao" and "được phân
 * cấp", and a short form defined in parentheses is no part of it. */
static void test_name_before_licensing_and_short_form(void **state) {
  (void)state;
  plan_doc *doc = parse_str(
      "QUYẾT ĐỊNH\nThử\n\n**Điều 4. Tổ chức thực hiện**\n\n"
      "1. Trung tâm Bảo tồn di sản cấp giấy phép xây dựng đối với công trình trong khu di sản.\n\n"
      "2. Cơ quan có thẩm quyền cấp giấy phép xây dựng là cơ quan điều chỉnh giấy phép.\n\n"
      "3. Trung tâm Dữ liệu tỉnh được giao quản lý tài khoản quản trị hệ thống.\n\n"
      "4. Chi cục Thủy lợi (sau đây viết tắt là Chi cục) có tư cách pháp nhân, thực hiện nhiệm vụ được giao.\n");
  assert_int_equal(plan_doc_assignment_count(doc), 4);
  const char *names[] = {"Trung tâm Bảo tồn di sản", "Cơ quan có thẩm quyền", "Trung tâm Dữ liệu tỉnh",
                         "Chi cục Thủy lợi"};
  const char *duties[] = {"cấp giấy phép xây dựng", "cấp giấy phép xây dựng là",
                          "được giao quản lý tài khoản", "có tư cách pháp nhân"};
  for (size_t i = 0; i < 4; i++) {
    const plan_assignment *a = plan_doc_assignment(doc, i);
    assert_int_equal(plan_assignment_agency_count(a), 1);
    assert_string_equal(plan_agency_name(plan_mention_agency(plan_assignment_agency(a, 0))), names[i]);
    assert_int_equal(plan_assignment_duty_count(a), 1);
    const char *text = plan_duty_text(plan_assignment_duty(a, 0));
    if (strncmp(text, duties[i], strlen(duties[i])) != 0) fail_msg("item %zu duty \"%s\"", i, text);
  }
  plan_doc_free(doc);

  doc = parse_str("QUYẾT ĐỊNH\nThử\n\n**Điều 3. Tổ chức thực hiện**\n\n"
                  "1. Ủy ban nhân dân cấp xã được phân cấp thẩm quyền quyết định thanh lý tài sản.\n");
  assert_string_equal(plan_assignment_heading(plan_doc_assignment(doc, 0)), "Ủy ban nhân dân cấp xã");
  plan_doc_free(doc);
}

/* A break inside an italic span that an earlier line opened and a later
 * one closes is a wrap, whatever the next line starts with: the second
 * ground of "Căn cứ" is cited, not lost in a paragraph of its own. */
static void test_break_inside_italic_span(void **state) {
  (void)state;
  plan_doc *doc = parse_str(
      "ỦY BAN NHÂN DÂN TỈNH CAO BẰNG\nSố: 1/2025/QĐ-UBND\n\nQUYẾT ĐỊNH\nThử\n"
      "*Căn cứ Nghị định số 63/2010/NĐ-CP ngày 08 tháng 6 năm 2010 của Chính phủ;\n"
      "Nghị định số 92/2017/NĐ-CP ngày 07 tháng 8 năm 2017 của Chính phủ;*\n"
      "**Điều 1.** Công bố kèm theo Quyết định này.\n");
  assert_int_equal(plan_doc_implements_count(doc), 2);
  assert_string_equal(plan_reference_number(plan_doc_implements(doc, 0)), "63/2010/NĐ-CP");
  assert_string_equal(plan_reference_number(plan_doc_implements(doc, 1)), "92/2017/NĐ-CP");
  plan_doc_free(doc);
}

/* The next item of a list that a copy ran into a line, after a full stop,
 * starts there; an enumeration inside a sentence stays in it. */
static void test_next_item_inside_a_line(void **state) {
  (void)state;
  plan_doc *doc = parse_str(
      "QUYẾT ĐỊNH\nThử\n\n**Điều 18. Trách nhiệm**\n\n3. Bộ Chỉ huy Quân sự tỉnh:\n\n"
      "d)\nPhối hợp với Sở Nông nghiệp và Môi trường xử lý vi phạm về phòng cháy rừng. đ) Lực\n"
      "lượng Quân đội phối hợp với lực lượng Kiểm lâm.\n\n"
      "e) Tổ chức diễn tập. f) Báo cáo kết quả hằng năm. g)\nThống kê số vụ cháy.\n\n"
      "4. Khen thưởng cấp cơ sở gồm: a) Chủ tịch Hội đồng. b) Các Phó Chủ tịch.\n");
  const plan_node *root = plan_doc_root(doc);
  assert_string_equal(plan_node_text(find_path(root, "Điều 18.3.d")),
                      "Phối hợp với Sở Nông nghiệp và Môi trường xử lý vi phạm về phòng cháy rừng.");
  assert_string_equal(plan_node_text(find_path(root, "Điều 18.3.đ")),
                      "Lực lượng Quân đội phối hợp với lực lượng Kiểm lâm.");
  assert_string_equal(plan_node_text(find_path(root, "Điều 18.3.e")), "Tổ chức diễn tập.");
  assert_string_equal(plan_node_text(find_path(root, "Điều 18.3.f")), "Báo cáo kết quả hằng năm.");
  /* its marker left at the line's end by a wrap, its text on the next */
  assert_string_equal(plan_node_text(find_path(root, "Điều 18.3.g")), "Thống kê số vụ cháy.");
  const plan_node *four = find_path(root, "Điều 18.4");
  assert_null(plan_node_first_child(four));
  assert_string_equal(plan_node_title(four), "Khen thưởng cấp cơ sở gồm");
  assert_string_equal(plan_node_text(four), "a) Chủ tịch Hội đồng. b) Các Phó Chủ tịch.");
  plan_doc_free(doc);
}

/* A mixed-case line left unfinished at a connective ("của", ",") goes on
 * with the capitals after it: a name, or the receivers' acronyms. */
static void test_capitals_after_an_unfinished_line(void **state) {
  (void)state;
  plan_doc *doc = parse_str("QUYẾT ĐỊNH\nThử\n\nĐiều 1. Nội dung\nSản phẩm, dịch vụ của\n"
                            "**THƯ VIỆN PHÁP LUẬT**.\n\nNơi nhận:\n- Như Điều 1;\n"
                            "- VP UBND tỉnh: LĐVP, KGVX,\nTTTT, TTPVHCC;\n- Lưu: VT.\n\n"
                            "CHỦ TỊCH\n\nNguyễn Văn An\n");
  const plan_node *art = find_path(plan_doc_root(doc), "Điều 1");
  assert_non_null(art);
  assert_string_equal(plan_node_title(art), "Nội dung");
  assert_non_null(plan_node_first_child(art));
  assert_string_equal(plan_node_text(plan_node_first_child(art)),
                      "Sản phẩm, dịch vụ của THƯ VIỆN PHÁP LUẬT.");
  assert_null(plan_node_next(plan_node_first_child(art)));
  assert_string_equal(plan_doc_meta(doc, PLAN_META_SIGNER_TITLE), "CHỦ TỊCH");
  assert_string_equal(plan_doc_meta(doc, PLAN_META_SIGNER), "Nguyễn Văn An");
  plan_doc_free(doc);
}

/* The signer is a person's name: a drafter's mark under the receivers
 * ("Tungnt.QĐ/T11/2025") is none, nor a receiver whose dash was lost
 * ("Phòng KT, TTPVHCC;"), which stays in the receivers' list. */
static void test_signer_name(void **state) {
  (void)state;
  plan_doc *doc = parse_str("QUYẾT ĐỊNH\nThử\n\nĐiều 1. Sở Y tế thi hành.\n\nNơi nhận:\n- Như Điều 1;\n"
                            "- Lưu: VT, HCC.\nTungnt.QĐ/T11/2025\n|\n**KT. CHỦ TỊCH**\nPHÓ CHỦ TỊCH\n"
                            "Nguyễn Thị Loan\n");
  assert_string_equal(plan_doc_meta(doc, PLAN_META_SIGNER), "Nguyễn Thị Loan");
  plan_doc_free(doc);
  doc = parse_str("QUYẾT ĐỊNH\nThử\n\nĐiều 1. Sở Y tế thi hành.\n\nNơi nhận:\n- Như Điều 1;\n"
                  "- VPUB: CVP, các PCVP;\nPhòng KT, TTPVHCC;\n- Lưu: VT.\n\n**KT. CHỦ TỊCH**\n"
                  "**PHÓ CHỦ TỊCH**\n**Nguyễn Thành Diệu**\n");
  assert_string_equal(plan_doc_meta(doc, PLAN_META_SIGNER), "Nguyễn Thành Diệu");
  const plan_node *list = NULL;
  for (const plan_node *k = plan_node_first_child(plan_doc_root(doc)); k; k = plan_node_next(k))
    if (plan_node_kind_of(k) == PLAN_NODE_RECEIVERS) list = k;
  assert_non_null(list);
  size_t items = 0;
  for (const plan_node *k = plan_node_first_child(list); k; k = plan_node_next(k)) items++;
  assert_int_equal(items, 4);
  plan_doc_free(doc);
}

/* An item whose items are each a body's name and nothing more lists the
 * members of the body it names, no duties; a member named with its verb
 * after it carries a duty. */
static void test_member_names_are_no_duties(void **state) {
  (void)state;
  plan_doc *doc = parse_str(
      "KẾ HOẠCH\nThử\n\nI. TỔ CHỨC THỰC HIỆN\n\n"
      "1. Các đơn vị sự nghiệp công lập trực thuộc Sở Y tế:\n\n"
      "- Trung tâm Kiểm soát bệnh tật tỉnh (trên cơ sở hợp nhất hai trung tâm);\n\n"
      "- Ban Quản lý Phát triển đô thị Thành phố.\n\n"
      "2. Sở Giáo dục và Đào tạo:\n\n- Trung tâm Giáo dục thường xuyên chủ trì tổ chức lớp học.\n\n"
      "- Viện Nghiên cứu phối hợp biên soạn tài liệu.\n\n"
      "3. Sở Nội vụ: phối hợp.\n");
  assert_int_equal(plan_doc_assignment_count(doc), 2);
  assert_null(by_agency(doc, "doh"));
  const plan_assignment *doet = by_agency(doc, "doet");
  assert_non_null(doet);
  assert_int_equal(plan_assignment_duty_count(doet), 2);
  assert_non_null(by_agency(doc, "dha"));
  plan_doc_free(doc);
}

/* An article titled as an assigning part inside one ("Điều 5. Trách
 * nhiệm của Văn phòng ..., các sở, ngành" under "TỔ CHỨC THỰC HIỆN") is a
 * level over its items, each its own agency's, not one item of all; and
 * its items' headings end before the verb ("cung cấp", "xác định"). */
static void test_nested_assigning_article(void **state) {
  (void)state;
  plan_doc *doc = parse_str(
      "QUY CHẾ\nThử\n\nChương III\nTỔ CHỨC THỰC HIỆN\n\n"
      "Điều 5. Trách nhiệm của Văn phòng Ủy ban nhân dân tỉnh, các sở, ngành tỉnh\n\n"
      "1. Văn phòng Ủy ban nhân dân tỉnh chủ trì theo dõi việc giải quyết thủ tục.\n\n"
      "2. Sở Nội vụ cung cấp thông tin về hoạt động của cán bộ.\n\n"
      "3. Cơ quan thuế xác định nghĩa vụ tài chính.\n\n"
      "Điều 6. Hiệu lực\n\nQuy chế này có hiệu lực kể từ ngày ký.\n");
  assert_int_equal(plan_doc_assignment_count(doc), 3);
  static const char *const want[][2] = {{"office", "Văn phòng Ủy ban nhân dân tỉnh"},
                                        {"dha", "Sở Nội vụ"},
                                        {"tax", "Cơ quan thuế"}};
  for (size_t i = 0; i < 3; i++) {
    const plan_assignment *a = plan_doc_assignment(doc, i);
    assert_string_equal(plan_agency_id(plan_mention_agency(plan_assignment_agency(a, 0))), want[i][0]);
    assert_string_equal(plan_assignment_heading(a), want[i][1]);
    assert_int_equal(plan_assignment_duty_count(a), 1);
  }
  assert_string_equal(plan_duty_text(plan_assignment_duty(plan_doc_assignment(doc, 2), 0)),
                      "xác định nghĩa vụ tài chính.");
  plan_doc_free(doc);
}

/* Children of parent of kind k; the last in *last when last is not NULL. */
static size_t children_of_kind(const plan_node *parent, plan_node_kind k, const plan_node **last) {
  size_t count = 0;
  for (const plan_node *n = plan_node_first_child(parent); n; n = plan_node_next(n))
    if (plan_node_kind_of(n) == k) {
      count++;
      if (last) *last = n;
    }
  return count;
}

/* A form attached after the last article, with a motto of its own, is a
 * document of its own: its fields are no duties of the last agency item;
 * a type line after its motto names it. */
static void test_attached_form(void **state) {
  (void)state;
  plan_doc *doc = parse_str(
      "ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\n"
      "Số: 12/2025/QĐ-UBND\n\nQUYẾT ĐỊNH\nThử\n\nĐiều 5. Tổ chức thực hiện\n\n"
      "1. Sở Tài chính bố trí kinh phí thực hiện Quy chế này.\n\n"
      "2. Hằng năm, Sở Nội vụ thành phố ban hành văn bản hướng dẫn thực hiện Quy chế này.\n\n"
      "Mẫu số 01\n\nMẫu báo cáo đề nghị xét tặng danh hiệu\n\n"
      "*(Kèm theo Quy chế xét tặng danh hiệu ban hành kèm theo Quyết định số /2025/QĐ-UBND)*\n\n"
      "ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\n"
      "Độc lập - Tự do - Hạnh phúc\n\nBÁO CÁO THÀNH TÍCH\n\nI. SƠ LƯỢC LÝ LỊCH\n\n"
      "- Quê quán:\n\n- Trú quán:\n\n- Đơn vị công tác:\n");
  const plan_assignment *a = by_agency(doc, "dha");
  assert_non_null(a);
  assert_int_equal(plan_assignment_duty_count(a), 1);
  assert_string_equal(plan_duty_text(plan_assignment_duty(a, 0)),
                      "ban hành văn bản hướng dẫn thực hiện Quy chế này.");
  assert_true(has_diag_text(doc, PLAN_DIAG_HEURISTIC, "an attached document (a form) starts here"));
  const plan_node *att = NULL;
  assert_int_equal(children_of_kind(plan_doc_root(doc), PLAN_NODE_ATTACHMENT, &att), 1);
  /* the form's motto is no header of the document's */
  assert_int_equal(children_of_kind(plan_doc_root(doc), PLAN_NODE_MOTTO, NULL), 1);
  assert_null(plan_doc_meta(doc, PLAN_META_ATTACHMENT_TYPE)); /* a form, no type line */
  plan_doc_free(doc);

  /* a plan attached with its own header: the type line after the motto
   * names the attachment */
  doc = parse_str("ỦY BAN NHÂN DÂN TỈNH BẮC KẠN\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\n"
                  "Số: 145/QĐ-UBND\n\nQUYẾT ĐỊNH\nThử\n\nĐiều 1. Ban hành kèm theo Quyết định này Kế hoạch.\n\n"
                  "Điều 2. Quyết định có hiệu lực.\n\nỦY BAN NHÂN DÂN TỈNH BẮC KẠN\n\n"
                  "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\nĐộc lập - Tự do - Hạnh phúc\n\nKẾ HOẠCH\n\n"
                  "Thực hiện chương trình\n\nI. TỔ CHỨC THỰC HIỆN\n\n"
                  "1. Sở Y tế chủ trì khám sức khỏe cho trẻ em.\n\n2. Sở Tài chính bố trí kinh phí.\n");
  assert_string_equal(plan_doc_meta(doc, PLAN_META_ATTACHMENT_TYPE), "KẾ HOẠCH");
  assert_non_null(by_agency(doc, "doh"));
  assert_non_null(by_agency(doc, "dof"));
  assert_int_equal(children_of_kind(plan_doc_root(doc), PLAN_NODE_ATTACHMENT, &att), 1);
  /* the attached plan's motto (its two lines) is in it */
  assert_int_equal(children_of_kind(att, PLAN_NODE_MOTTO, NULL), 2);
  plan_doc_free(doc);
}

/* A decision on a body's functions: the article on its position and
 * functions defines the body ("Sở Nội vụ là cơ quan ..."), and the
 * articles on its tasks and powers after it, in any chapter, are that
 * body's items; the defining article's own items assign nothing. */
static void test_charter_articles(void **state) {
  (void)state;
  plan_doc *doc = parse_str(
      "QUYẾT ĐỊNH\nThử\n\nĐiều 1. Vị trí và chức năng\n\n"
      "1. Sở Nội vụ là cơ quan chuyên môn thuộc Ủy ban nhân dân tỉnh, thực hiện chức năng tham "
      "mưu, giúp Ủy ban nhân dân tỉnh quản lý nhà nước về nội vụ.\n\n"
      "2. Sở Nội vụ có tư cách pháp nhân, có con dấu và tài khoản riêng; chấp hành sự chỉ đạo "
      "của Ủy ban nhân dân tỉnh.\n\n"
      "Điều 2. Nhiệm vụ và quyền hạn\n\n"
      "1. Trình Ủy ban nhân dân tỉnh dự thảo quyết định thuộc phạm vi quản lý của Sở.\n\n"
      "2. Tổ chức thực hiện các văn bản quy phạm pháp luật đã được phê duyệt.\n\n"
      "Điều 3. Cơ cấu tổ chức\n\n1. Lãnh đạo Sở có Giám đốc và các Phó Giám đốc.\n");
  assert_int_equal(plan_doc_assignment_count(doc), 1);
  const plan_assignment *a = by_agency(doc, "dha");
  assert_non_null(a);
  assert_string_equal(plan_assignment_label(a), "Điều 2");
  assert_string_equal(plan_assignment_heading(a), "Sở Nội vụ");
  assert_int_equal(plan_assignment_duty_count(a), 2);
  assert_string_equal(plan_duty_text(plan_assignment_duty(a, 1)),
                      "Tổ chức thực hiện các văn bản quy phạm pháp luật đã được phê duyệt.");
  assert_true(has_diag_text(doc, PLAN_DIAG_HEURISTIC, "1 article on tasks and powers taken as the agency item of Sở Nội vụ"));
  plan_doc_free(doc);

  /* a fund's charter: a name no lexicon holds, its short form in
   * parentheses, tasks and powers in two articles of another chapter */
  doc = parse_str(
      "QUYẾT ĐỊNH\nThử\n\nChương I\n\nQUY ĐỊNH CHUNG\n\nĐiều 1. Vị trí chức năng\n\n"
      "1. Quỹ Phát triển đất tỉnh Thử (Quỹ) là quỹ tài chính nhà nước ngoài ngân sách.\n\n"
      "Chương II\n\nNHIỆM VỤ VÀ QUYỀN HẠN\n\nĐiều 2. Nhiệm vụ\n\n"
      "1. Tiếp nhận vốn từ ngân sách để ứng vốn cho các tổ chức phát triển quỹ đất.\n\n"
      "Điều 3. Quyền hạn\n\n1. Kiểm tra định kỳ các đơn vị sử dụng vốn của Quỹ.\n\n"
      "2. Từ chối các yêu cầu cung cấp thông tin trái quy định.\n");
  assert_int_equal(plan_doc_assignment_count(doc), 2);
  for (size_t i = 0; i < 2; i++) {
    a = plan_doc_assignment(doc, i);
    assert_string_equal(plan_assignment_label(a), i ? "Điều 3" : "Điều 2");
    assert_string_equal(plan_assignment_heading(a), "Quỹ Phát triển đất tỉnh Thử");
    assert_int_equal(plan_assignment_duty_count(a), i ? 2 : 1);
    const plan_agency *ag = plan_mention_agency(plan_assignment_agency(a, 0));
    assert_false(plan_agency_known(ag));
    assert_string_equal(plan_agency_name(ag), "Quỹ Phát triển đất tỉnh Thử");
  }
  plan_doc_free(doc);

  /* the definition a paragraph of its own, the body one the lexicon
   * knows (data/agencies.tsv) under its province's name */
  doc = parse_str("QUYẾT ĐỊNH\nThử\n\nĐiều 1. Vị trí và chức năng\n\n"
                  "Quỹ Bảo vệ môi trường tỉnh Quảng Trị là quỹ tài chính nhà nước.\n\n"
                  "Điều 2. Nhiệm vụ\n\n1. Tài trợ các hoạt động bảo vệ môi trường.\n\n"
                  "2. Cho vay vốn với lãi suất ưu đãi đối với các dự án.\n");
  assert_int_equal(plan_doc_assignment_count(doc), 1);
  a = by_agency(doc, "environment-fund");
  assert_non_null(a);
  assert_string_equal(plan_assignment_heading(a), "Quỹ Bảo vệ môi trường tỉnh Quảng Trị");
  assert_int_equal(plan_assignment_duty_count(a), 2);
  plan_doc_free(doc);

  /* an article on the structure lists units, not what they must do */
  doc = parse_str("QUYẾT ĐỊNH\nThử\n\nĐiều 3. Cơ cấu tổ chức\n\n"
                  "1. Các phòng chuyên môn thuộc Chi cục:\n\na) Phòng Hành chính - Tổng hợp;\n\n"
                  "b) Phòng Quản lý, Bảo vệ rừng.\n\n"
                  "2. Các Trạm Kiểm lâm thuộc các Hạt Kiểm lâm:\n\n"
                  "a) Trạm Kiểm lâm Thượng Hóa thuộc Hạt Kiểm lâm Minh Hóa;\n\n"
                  "b) Trạm Kiểm lâm Đèo Ngang thuộc Hạt Kiểm lâm Quảng Trạch.\n");
  assert_int_equal(plan_doc_assignment_count(doc), 0);
  plan_doc_free(doc);

  /* no article defines a body: an article on tasks names no owner */
  doc = parse_str("QUYẾT ĐỊNH\nThử\n\nĐiều 1. Nhiệm vụ\n\n"
                  "1. Tổ chức thực hiện các văn bản đã được phê duyệt.\n\n"
                  "2. Thực hiện chế độ báo cáo định kỳ.\n");
  assert_int_equal(plan_doc_assignment_count(doc), 0);
  plan_doc_free(doc);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_wrapped_header),
      cmocka_unit_test(test_header_table_and_furniture),
      cmocka_unit_test(test_headerless_page_furniture),
      cmocka_unit_test(test_late_motto_is_no_header),
      cmocka_unit_test(test_bare_markers_and_ranges),
      cmocka_unit_test(test_blank_line_paragraphs),
      cmocka_unit_test(test_assigning_parts),
      cmocka_unit_test(test_assigning_by_roles),
      cmocka_unit_test(test_after_the_signature),
      cmocka_unit_test(test_qualified_head_words),
      cmocka_unit_test(test_responsibilities_of_several),
      cmocka_unit_test(test_decision_articles),
      cmocka_unit_test(test_cited_documents_and_bold_headings),
      cmocka_unit_test(test_untitled_agency_lists),
      cmocka_unit_test(test_role_responsibility_part),
      cmocka_unit_test(test_elided_department_list),
      cmocka_unit_test(test_named_members_of_a_collective_body),
      cmocka_unit_test(test_bullet_signs_nest),
      cmocka_unit_test(test_headed_bullets_of_a_page),
      cmocka_unit_test(test_signer_name),
      cmocka_unit_test(test_member_names_are_no_duties),
      cmocka_unit_test(test_nested_assigning_article),
      cmocka_unit_test(test_chapter_title_and_sub_levels),
      cmocka_unit_test(test_numbered_duties_whole),
      cmocka_unit_test(test_duty_holds_its_items),
      cmocka_unit_test(test_item_boundaries),
      cmocka_unit_test(test_text_task_table),
      cmocka_unit_test(test_hard_wrap_width),
      cmocka_unit_test(test_parenthesised_markers),
      cmocka_unit_test(test_collective_article_over_bodies),
      cmocka_unit_test(test_name_before_lower_case_verb),
      cmocka_unit_test(test_each_item_once),
      cmocka_unit_test(test_name_before_licensing_and_short_form),
      cmocka_unit_test(test_break_inside_italic_span),
      cmocka_unit_test(test_next_item_inside_a_line),
      cmocka_unit_test(test_capitals_after_an_unfinished_line),
      cmocka_unit_test(test_attached_form),
      cmocka_unit_test(test_charter_articles),
  };
  return cmocka_run_group_tests_name("layouts", tests, NULL, NULL);
}
