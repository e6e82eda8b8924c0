/* test_assign.c - agency items, duties, member organisations, the agency
 * lexicon and mentions: golden tests against corpus/gold and unit tests. */
#include <jansson.h>
#include <unistd.h>

#include "test_util.h"

/* gold key -> our id, shared by all documents: the same agency must get
 * the same id everywhere, different agencies different ids. */
typedef struct classes {
  const char *key[512];
  const char *id[512];
  size_t n;
} classes;

static void same_class(classes *c, const char *key, const char *id, const char *where) {
  for (size_t i = 0; i < c->n; i++) {
    if (strcmp(c->key[i], key) == 0) {
      if (strcmp(c->id[i], id) != 0)
        fail_msg("%s: gold %s is %s here but %s elsewhere", where, key, id, c->id[i]);
      return;
    }
    if (strcmp(c->id[i], id) == 0)
      fail_msg("%s: gold %s and %s both get id %s", where, key, c->key[i], id);
  }
  assert_true(c->n < 512);
  c->key[c->n] = strdup(key); /* the gold and the document go before the test ends */
  c->id[c->n++] = strdup(id);
}

static char *fold(const char *s) {
  char *k = key_string(s, strlen(s), NULL, NULL, NULL);
  assert_non_null(k);
  return k;
}

static json_t *read_gold(const char *path) {
  json_error_t je;
  json_t *g = json_load_file(path, 0, &je);
  if (!g) fail_msg("%s: %s", path, je.text);
  return g;
}

static void test_gold_assignments(void **state) {
  (void)state;
  classes cls = {0};
  size_t duties = 0, gold_duties = 0, members = 0;
  plan_lexicon *lex;
  assert_status(plan_lexicon_new(&lex, NULL), PLAN_OK);
  gold_doc docs[GOLD_MAX];
  size_t ndocs = gold_docs(docs, GOLD_MAX);
  for (size_t d = 0; d < ndocs; d++) {
    const char *name = docs[d].name;
    json_t *gold = read_gold(docs[d].gold);
    json_t *items = json_object_get(gold, "assignments");
    plan_doc *doc = parse_corpus(name, lex);
    if (plan_doc_assignment_count(doc) != json_array_size(items))
      fail_msg("%s: %zu agency items, gold %zu", name, plan_doc_assignment_count(doc),
               json_array_size(items));
    size_t i;
    json_t *g;
    json_array_foreach(items, i, g) {
      /* in document order: a plan may number items "1." again in another part */
      const char *label = json_string_value(json_object_get(g, "label"));
      const plan_assignment *a = plan_doc_assignment(doc, i);
      if (strcmp(plan_assignment_label(a), label) != 0)
        fail_msg("%s: agency item %zu is %s, gold %s", name, i, plan_assignment_label(a), label);
      char where[256];
      snprintf(where, sizeof where, "%s item %s", name, label);
      if (plan_assignment_requested(a) != json_is_true(json_object_get(g, "requested")))
        fail_msg("%s: requested is %d", where, plan_assignment_requested(a));
      const char *heading = json_string_value(json_object_get(g, "agency"));
      if (!plan_assignment_heading(a) || strcmp(plan_assignment_heading(a), heading) != 0)
        fail_msg("%s: heading \"%s\", gold \"%s\"", where, plan_assignment_heading(a), heading);
      json_t *keys = json_object_get(g, "agencies");
      if (plan_assignment_agency_count(a) != json_array_size(keys))
        fail_msg("%s: %zu agencies, gold %zu", where, plan_assignment_agency_count(a),
                 json_array_size(keys));
      for (size_t k = 0; k < json_array_size(keys); k++) {
        const plan_agency *ag = plan_mention_agency(plan_assignment_agency(a, k));
        const char *key = json_string_value(json_array_get(keys, k));
        /* an organisation no lexicon lists (a business, a project board) */
        bool unlisted = json_is_true(
            json_object_get(json_object_get(json_object_get(gold, "agency_keys"), key), "unlisted"));
        if (plan_agency_known(ag) == unlisted)
          fail_msg("%s: %s is %sin the lexicon", where, key, unlisted ? "" : "not ");
        same_class(&cls, json_string_value(json_array_get(keys, k)), plan_agency_id(ag), where);
      }
      json_t *gd = json_object_get(g, "duties");
      gold_duties += json_array_size(gd);
      if (plan_assignment_duty_count(a) != json_array_size(gd))
        fail_msg("%s: %zu duties, gold %zu", where, plan_assignment_duty_count(a), json_array_size(gd));
      for (size_t k = 0; k < json_array_size(gd); k++) {
        const plan_duty *du = plan_assignment_duty(a, k);
        json_t *gk = json_array_get(gd, k);
        char *want = fold(json_string_value(json_object_get(gk, "starts")));
        char *got = fold(plan_duty_text(du));
        if (strncmp(got, want, strlen(want)) != 0)
          fail_msg("%s duty %zu: \"%.60s\" does not start with \"%s\"", where, k, got, want);
        free(want);
        free(got);
        json_t *member = json_object_get(gk, "agency");
        if (json_is_string(member)) {
          if (!plan_duty_agency(du)) fail_msg("%s duty %zu: no member organisation", where, k);
          same_class(&cls, json_string_value(member), plan_agency_id(plan_duty_agency(du)), where);
          members++;
        } else if (plan_duty_agency(du)) {
          fail_msg("%s duty %zu: member organisation %s, gold none", where, k,
                   plan_agency_id(plan_duty_agency(du)));
        }
        size_t start, end, line;
        plan_duty_span(du, &start, &end, &line);
        assert_true(line > 0 && end > start);
        duties++;
      }
    }
    json_t *na = json_object_get(gold, "not_assignments");
    if (plan_doc_non_assignment_count(doc) != json_array_size(na))
      fail_msg("%s: %zu non-agency headings, gold %zu", name, plan_doc_non_assignment_count(doc),
               json_array_size(na));
    for (size_t k = 0; k < json_array_size(na); k++) {
      const plan_node *n = plan_doc_non_assignment(doc, k); /* its heading, or its text */
      const char *got = plan_node_title(n) ? plan_node_title(n) : plan_node_text(n);
      if (!got || strcmp(got, json_string_value(json_array_get(na, k))) != 0)
        fail_msg("%s: non-agency heading \"%s\", gold \"%s\"", name, got ? got : "(null)",
                 json_string_value(json_array_get(na, k)));
    }
    plan_doc_free(doc);
    json_decref(gold);
  }
  assert_int_equal(duties, gold_duties); /* every gold duty matched */
  assert_true(duties >= 209);            /* the five's, at least */
  assert_true(members > 0); /* every gold member organisation was checked above */
  for (size_t i = 0; i < cls.n; i++) {
    free((char *)cls.key[i]);
    free((char *)cls.id[i]);
  }
  plan_lexicon_free(lex);
}

/* Every alias and abbreviation form resolves to its agency. */
static void test_lexicon_agencies(void **state) {
  (void)state;
  plan_lexicon *lex;
  assert_status(plan_lexicon_new(&lex, NULL), PLAN_OK);
  static const struct { const char *name, *id; } forms[] = {
      {"Sở Lao động - Thương binh và Xã hội", "dolisa"},
      {"Sở Lao động Thương binh và Xã hội", "dolisa"},
      {"Sở LĐTBXH", "dolisa"},
      {"Sở LĐ-TB&XH", "dolisa"},
      {"SỞ LAO ĐỘNG – THƯƠNG BINH VÀ XÃ HỘI", "dolisa"},
      {"Công an tỉnh", "police"},
      {"Công an thành phố", "police"},
      {"UBND các huyện, thị xã, thành phố", "district-pcs"},
      {"Ủy ban nhân dân các quận, huyện", "district-pcs"},
      {"UBND các xã, phường, đặc khu", "commune-pcs"},
      {"Các sở, ban, ngành, đoàn thể tỉnh", "all-departments"},
      {"Sở Nông nghiệp và Môi trường", "dae"},
      {"Sở Nông nghiệp và Phát triển nông thôn", "dard"},
      {"Sở Dân tộc và Tôn giáo", "dera"},
      {"Sở Khoa học và Công nghệ", "dost"},
      {"Sở Xây dựng", "doc"},
      {"Sở Nội vụ", "dha"},
      {"Ban Dân tộc tỉnh", "ethnic"},
      {"Tỉnh đoàn", "youth-union"},
      {"Thành đoàn Hải Phòng", "youth-union"},
      {"Đoàn TNCS Hồ Chí Minh tỉnh", "youth-union"},
      {"Hội LHPN tỉnh", "women-union"},
      {"Hội Nông dân tỉnh", "farmers-union"},
      {"Hội Cựu chiến binh tỉnh", "veterans-assoc"},
      {"Liên đoàn Lao động tỉnh", "labour-federation"},
      {"Hội Chữ thập đỏ tỉnh", "red-cross"},
      {"Viện Kiểm sát nhân dân tỉnh", "procuracy"},
      {"VKSND tỉnh", "procuracy"},
      {"Tòa án nhân dân tỉnh", "court"},
      {"Bộ Chỉ huy Quân sự tỉnh", "military"},
      {"Bộ Chỉ huy Bộ đội Biên phòng tỉnh", "border-guard"},
      {"Bảo hiểm xã hội tỉnh", "social-insurance"},
      {"BHXH tỉnh", "social-insurance"},
      {"Cục Thống kê tỉnh", "statistics"},
      {"Đài Phát thanh - Truyền hình tỉnh", "radio-tv"},
      {"Văn phòng UBND tỉnh", "office"},
      {"Đề nghị Ủy ban MTTQ Việt Nam tỉnh", "front"},
      {"Sở VH,TT&DL", "docst"},
      {"Sở Văn hóa và Thể thao", "docs"},
      {"cơ quan thuế của địa phương", "tax"},
      {"Ban Tuyên giáo và Dân vận Tỉnh ủy", "propaganda-mobilisation-board"}, /* merged in 2025 */
      {"Ban Tuyên giáo Thành ủy", "propaganda-board"},
      {"Ban Dân vận Tỉnh ủy", "mass-mobilisation-board"},
      {"lực lượng Kiểm lâm", "forest-protection"},
      {"Thuế tỉnh", "tax"}, /* the 2025 name, with or without the province's */
      {"Thuế tỉnh Nghệ An", "tax"},
      {"Kho bạc Khu vực số 18", "treasury"}, /* the regional treasuries of 2025 */
      {"Kho bạc Nhà nước khu vực XVIII", "treasury"},
      {"KBNN khu vực XII", "treasury"},
      {"Thi hành án dân sự thành phố", "judgment-enforcement"}, /* the 2025 name */
      {"Cục Thi hành án dân sự tỉnh", "judgment-enforcement"},
      {"cơ quan Thi hành án", "judgment-enforcement"},
      /* the communes' own bodies, not the province's nor their committees */
      {"Văn phòng HĐND - UBND cấp xã", "commune-offices"},
      {"Văn phòng HĐND và UBND cấp xã", "commune-offices"},
      {"Công an cấp xã", "commune-police"},
      {"Ban Thường trực Ủy ban MTTQ Việt Nam cấp xã", "commune-fronts"},
      {"Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh", "front"},
      {"các đơn vị điện lực", "power-company"},
      {"Công ty Điện lực tỉnh", "power-company"},
      {"doanh nghiệp viễn thông", "telecom-companies"},
      {"Các doanh nghiệp cung cấp dịch vụ viễn thông", "telecom-companies"},
      {"các nhà mạng", "telecom-companies"},
      {"Trung tâm Chuyển đổi số Thành phố", "digital-centre"},
  };
  for (size_t i = 0; i < sizeof forms / sizeof *forms; i++) {
    const char *id = plan_lexicon_resolve(lex, forms[i].name, strlen(forms[i].name));
    if (!id || strcmp(id, forms[i].id) != 0)
      fail_msg("\"%s\" resolves to %s, want %s", forms[i].name, id ? id : "nothing", forms[i].id);
  }
  assert_null(plan_lexicon_resolve(lex, "Chế độ báo cáo", strlen("Chế độ báo cáo")));
  /* keys fold diacritics away; a word with a tone or a mark of its own is
   * another word ("bảo tính" is no "Báo tỉnh", "thống kê tình hình" no
   * "Thống kê tỉnh"); one that lost them, or has its tone placed in the
   * other style, is the same */
  static const struct { const char *name, *id; } diacritics[] = {
      {"Báo tỉnh", "newspaper"},        {"bảo tính", NULL},
      {"Bao tinh", "newspaper"},        {"Thống kê tỉnh", "statistics"},
      {"thống kê tình hình", NULL},      {"Ban Quản lý Khu kinh tê tỉnh", "ez-board"},
      {"Sở Văn hoá, Thể thao và Du lịch", "docst"},
  };
  for (size_t i = 0; i < sizeof diacritics / sizeof *diacritics; i++) {
    const char *id = plan_lexicon_resolve(lex, diacritics[i].name, strlen(diacritics[i].name));
    if ((id == NULL) != (diacritics[i].id == NULL) || (id && strcmp(id, diacritics[i].id) != 0))
      fail_msg("\"%s\" resolves to %s, want %s", diacritics[i].name, id ? id : "nothing",
               diacritics[i].id ? diacritics[i].id : "nothing");
  }
  /* every embedded agency resolves by its own name */
  size_t n = plan_lexicon_agency_count(lex);
  assert_true(n >= 40);
  for (size_t i = 0; i < n; i++) {
    const char *id, *name, *level, *kind, *portfolios;
    assert_status(plan_lexicon_agency(lex, i, &id, &name, &level, &kind, &portfolios, NULL), PLAN_OK);
    assert_string_equal(plan_lexicon_resolve(lex, name, strlen(name)), id);
    assert_true(*level && *kind);
  }
  /* extended at run time, from the API and from a file */
  assert_status(plan_lexicon_add_agency(lex, "cdc", "Trung tâm Kiểm soát bệnh tật tỉnh", "province",
                                        "agency", "health", "CDC tỉnh", NULL), PLAN_OK);
  assert_string_equal(plan_lexicon_resolve(lex, "CDC tỉnh", strlen("CDC tỉnh")), "cdc");
  assert_status(plan_lexicon_add_agency(lex, "bad id", "X", NULL, NULL, NULL, NULL, NULL), PLAN_EINVAL);
  char path[] = "/tmp/plan-agencies-XXXXXX";
  int fd = mkstemp(path);
  FILE *f = fdopen(fd, "w");
  fputs("agency\tsos\tLàng trẻ em SOS\tprovince\tmass-organisation\tchildren\tLàng SOS\n", f);
  fclose(f);
  plan_error e;
  assert_status(plan_lexicon_load_file(lex, path, &e), PLAN_OK);
  assert_string_equal(plan_lexicon_resolve(lex, "Làng SOS tỉnh", strlen("Làng SOS tỉnh")), "sos");
  unlink(path);
  plan_lexicon_free(lex);
}

/* A comma or a stop between two words parts two names, unless the alias
 * has it, or a dash there: "cấp tỉnh, Ủy ban nhân dân" holds no "Tỉnh ủy"
 * (the party committee); "Sở Văn hóa, Thể thao và Du lịch" and "Sở Lao
 * động, Thương binh và Xã hội" are one name each. */
static void test_names_parted_by_commas(void **state) {
  (void)state;
  const char *text = "KẾ HOẠCH\nThử\n\nIII. TỔ CHỨC THỰC HIỆN\n\n"
                     "1. Các sở, ban, ngành cấp tỉnh, Ủy ban nhân dân các xã, phường nghiên cứu triển khai thực hiện.\n\n"
                     "2. Sở Văn hóa, Thể thao và Du lịch chủ trì tổ chức tuyên truyền.\n\n"
                     "3. Sở Lao động, Thương binh và Xã hội chủ trì thực hiện.\n";
  plan_doc *doc = NULL;
  plan_error e;
  assert_status(plan_doc_parse(text, strlen(text), NULL, &doc, &e), PLAN_OK);
  assert_true(plan_doc_assignment_count(doc) >= 2);
  const plan_assignment *a = plan_doc_assignment(doc, 0);
  assert_int_equal(plan_assignment_agency_count(a), 2);
  assert_string_equal(plan_agency_id(plan_mention_agency(plan_assignment_agency(a, 0))), "all-departments");
  assert_string_equal(plan_agency_id(plan_mention_agency(plan_assignment_agency(a, 1))), "commune-pcs");
  a = plan_doc_assignment(doc, 1);
  assert_int_equal(plan_assignment_agency_count(a), 1);
  assert_string_equal(plan_agency_id(plan_mention_agency(plan_assignment_agency(a, 0))), "docst");
  /* a comma where the name has its dash */
  a = plan_doc_assignment(doc, 2);
  assert_non_null(a);
  assert_string_equal(plan_agency_id(plan_mention_agency(plan_assignment_agency(a, 0))), "dolisa");
  for (size_t i = 0; i < plan_doc_agency_count(doc); i++)
    assert_string_not_equal(plan_agency_id(plan_doc_agency(doc, i)), "party-committee");
  plan_doc_free(doc);
}

/* The first assignment's agency name and first duty of text parsed with lex. */
static void expect_item(const plan_lexicon *lex, const char *text, const char *name, const char *duty) {
  plan_options o;
  plan_options_init(&o);
  o.lexicon = lex;
  plan_doc *doc = NULL;
  plan_error e;
  if (plan_doc_parse(text, strlen(text), &o, &doc, &e) != PLAN_OK) fail_msg("parse: %s", e.message);
  const plan_assignment *a = plan_doc_assignment(doc, 0);
  assert_non_null(a);
  const char *got = plan_agency_name(plan_mention_agency(plan_assignment_agency(a, 0)));
  if (strcmp(got, name) != 0) fail_msg("agency \"%s\", want \"%s\"", got, name);
  if (duty) {
    assert_true(plan_assignment_duty_count(a) >= 1);
    assert_string_equal(plan_duty_text(plan_assignment_duty(a, 0)), duty);
  }
  plan_doc_free(doc);
}

/* Duty verbs end an agency's name: the embedded ones (data/duty_verbs.tsv,
 * with the words after which one is a noun), and a caller's, from the API
 * and from a lexicon file. */
static void test_duty_verbs(void **state) {
  (void)state;
  const char *head = "KẾ HOẠCH\nThử\n\nIII. TỔ CHỨC THỰC HIỆN\n\n";
  char text[512];
  plan_lexicon *lex;
  assert_status(plan_lexicon_new(&lex, NULL), PLAN_OK);
  /* "nghiên cứu" after "Viện" and "tổ chức" after "các" are a name's
   * words, not verbs */
  snprintf(text, sizeof text, "%s1. Viện nghiên cứu và các tổ chức khoa học phối hợp khảo sát.\n", head);
  expect_item(lex, text, "Viện nghiên cứu và các tổ chức khoa học", "phối hợp khảo sát.");
  /* "thẩm định" after "Hội đồng" names the council */
  snprintf(text, sizeof text, "%s2. Hội đồng thẩm định chủ trương đầu tư: chịu trách nhiệm về kết quả.\n", head);
  expect_item(lex, text, "Hội đồng thẩm định chủ trương đầu tư", "chịu trách nhiệm về kết quả.");
  /* "xây dựng" after "dự án" or "đầu tư", "tuyên truyền" after "thông tin":
   * a project board's or the media's name */
  snprintf(text, sizeof text, "%s2. Ban Quản lý dự án đầu tư xây dựng khu vực Đông Sơn: lập hồ sơ.\n", head);
  expect_item(lex, text, "Ban Quản lý dự án đầu tư xây dựng khu vực Đông Sơn", "lập hồ sơ.");
  snprintf(text, sizeof text,
           "%s2. Các cơ quan thông tin, tuyên truyền và báo chí của tỉnh có trách nhiệm giới thiệu.\n", head);
  expect_item(lex, text, "Các cơ quan thông tin, tuyên truyền và báo chí của tỉnh", "có trách nhiệm giới thiệu.");
  /* nor does a duty that opens with the means it uses */
  snprintf(text, sizeof text,
           "%s3. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh và các Đoàn thể tỉnh bằng nhiều hình "
           "thức, tổ chức tuyên truyền.\n", head);
  plan_doc *doc = parse_str(text);
  assert_string_equal(plan_assignment_heading(plan_doc_assignment(doc, 0)),
                      "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh và các Đoàn thể tỉnh");
  assert_string_equal(plan_duty_text(plan_assignment_duty(plan_doc_assignment(doc, 0), 0)),
                      "bằng nhiều hình thức, tổ chức tuyên truyền.");
  plan_doc_free(doc);
  /* a phrase no table knows does not end the name */
  snprintf(text, sizeof text, "%s1. Trung tâm Thử nghiệm khảo sát nhu cầu.\n", head);
  expect_item(lex, text, "Trung tâm Thử nghiệm khảo sát nhu cầu", NULL);
  assert_status(plan_lexicon_add_duty_verb(lex, "Khảo sát", NULL, NULL), PLAN_OK);
  expect_item(lex, text, "Trung tâm Thử nghiệm", "khảo sát nhu cầu.");
  /* a verb that is a noun after the words the caller names */
  assert_status(plan_lexicon_add_duty_verb(lex, "kiểm định", "tâm|,", NULL), PLAN_OK);
  snprintf(text, sizeof text, "%s1. Trung tâm Kiểm định chất lượng kiểm định công trình.\n", head);
  expect_item(lex, text, "Trung tâm Kiểm định chất lượng", "kiểm định công trình.");
  /* from a file */
  char path[] = "/tmp/plan-verbs-XXXXXX";
  int fd = mkstemp(path);
  FILE *f = fdopen(fd, "w");
  fputs("# verbs\nduty_verb\tđo đạc\tvà\n", f);
  fclose(f);
  plan_error e;
  assert_status(plan_lexicon_load_file(lex, path, &e), PLAN_OK);
  snprintf(text, sizeof text, "%s1. Trung tâm Bản đồ đo đạc các thửa đất.\n", head);
  expect_item(lex, text, "Trung tâm Bản đồ", "đo đạc các thửa đất.");
  f = fopen(path, "w");
  fputs("duty_verb\n", f);
  fclose(f);
  assert_status(plan_lexicon_load_file(lex, path, &e), PLAN_EFORMAT);
  assert_int_equal(e.line, 1);
  unlink(path);
  /* bad arguments */
  assert_status(plan_lexicon_add_duty_verb(lex, "", NULL, &e), PLAN_EINVAL);
  assert_status(plan_lexicon_add_duty_verb(lex, " ,; ", NULL, &e), PLAN_EINVAL);
  assert_status(plan_lexicon_add_duty_verb(lex, "\xff", NULL, &e), PLAN_EINVAL);
  assert_status(plan_lexicon_add_duty_verb(lex, NULL, NULL, &e), PLAN_EINVAL);
  assert_status(plan_lexicon_add_duty_verb(NULL, "x", NULL, &e), PLAN_EINVAL);
  plan_lexicon_free(lex);
}

/* A head word is matched on folded keys, but a word whose tone or marks
 * are not the head word's is another word: "Bổ nhiệm", "Bố trí", "Bổ
 * sung" open no "Bộ"; a copy that lost its marks ("Bo Tu phap") still
 * names one. */
static void test_head_word_diacritics(void **state) {
  (void)state;
  plan_doc *doc = parse_str("KẾ HOẠCH\nThử\n\nIII. TỔ CHỨC THỰC HIỆN\n\n1. Sở Tư pháp: thẩm định hồ sơ.\n\n"
                            "2. Bổ nhiệm giám định viên pháp y\n\n3. Bố trí kinh phí thực hiện\n\n"
                            "4. Bổ sung nhân lực\n\n5. Bo Ngoai giao Viet Nam: hỗ trợ.\n");
  assert_int_equal(plan_doc_assignment_count(doc), 2);
  assert_string_equal(plan_assignment_heading(plan_doc_assignment(doc, 0)), "Sở Tư pháp");
  assert_string_equal(plan_assignment_heading(plan_doc_assignment(doc, 1)), "Bo Ngoai giao Viet Nam");
  plan_doc_free(doc);
}

/* A heading names a body the lexicon does not know by its head word
 * (data/agency_heads.tsv), and a caller adds head words, with the words
 * that must follow, from the API and from a lexicon file. */
static void test_agency_heads(void **state) {
  (void)state;
  const char *text = "KẾ HOẠCH\nThử\n\nIII. TỔ CHỨC THỰC HIỆN\n\n"
                     "1. Chi cục Kiểm lâm Hương Sơn chủ trì tuần tra rừng.\n\n"
                     "2. Hạt Kiểm lâm Hương Sơn phối hợp tuần tra.\n\n"
                     "3. Hạt giống lúa bảo đảm chất lượng.\n\n"
                     "4. Chi ngân sách bảo đảm đúng quy định.\n";
  plan_lexicon *lex;
  assert_status(plan_lexicon_new(&lex, NULL), PLAN_OK);
  plan_options o;
  plan_options_init(&o);
  o.lexicon = lex;
  plan_doc *doc;
  plan_error e;
  assert_status(plan_doc_parse(text, strlen(text), &o, &doc, &e), PLAN_OK);
  /* "Chi cục" names a body, "Chi ngân sách" none, "Hạt" is no head word */
  assert_int_equal(plan_doc_assignment_count(doc), 1);
  assert_string_equal(plan_assignment_heading(plan_doc_assignment(doc, 0)), "Chi cục Kiểm lâm Hương Sơn");
  plan_doc_free(doc);
  assert_status(plan_lexicon_add_agency_head(lex, "Hạt", "kiểm lâm|quản lý", &e), PLAN_OK);
  assert_status(plan_doc_parse(text, strlen(text), &o, &doc, &e), PLAN_OK);
  assert_int_equal(plan_doc_assignment_count(doc), 2);
  assert_string_equal(plan_assignment_heading(plan_doc_assignment(doc, 1)), "Hạt Kiểm lâm Hương Sơn");
  plan_doc_free(doc);
  /* a file's line takes the word again, with no word needed after it */
  char path[] = "/tmp/plan-heads-XXXXXX";
  int fd = mkstemp(path);
  FILE *f = fdopen(fd, "w");
  fputs("agency_head\thạt\n", f);
  fclose(f);
  assert_status(plan_lexicon_load_file(lex, path, &e), PLAN_OK);
  unlink(path);
  assert_status(plan_doc_parse(text, strlen(text), &o, &doc, &e), PLAN_OK);
  assert_int_equal(plan_doc_assignment_count(doc), 3);
  assert_string_equal(plan_assignment_heading(plan_doc_assignment(doc, 2)), "Hạt giống lúa");
  plan_doc_free(doc);
  assert_status(plan_lexicon_add_agency_head(lex, "Trung tâm", NULL, &e), PLAN_EINVAL);
  assert_status(plan_lexicon_add_agency_head(lex, "", NULL, &e), PLAN_EINVAL);
  assert_status(plan_lexicon_add_agency_head(lex, "\xc3", NULL, &e), PLAN_EINVAL);
  assert_status(plan_lexicon_add_agency_head(NULL, "Hạt", NULL, &e), PLAN_EINVAL);
  plan_lexicon_free(lex);
}

static void test_unknown_agencies_and_mentions(void **state) {
  (void)state;
  const char *text =
      "III. TỔ CHỨC THỰC HIỆN\n\n"
      "1. Trung tâm Công tác xã hội tỉnh\n\n"
      "- Chủ trì, phối hợp với Sở Y tế và Công an tỉnh tổ chức tư vấn; báo cáo UBND tỉnh "
      "(qua Sở LĐTBXH) hằng năm.\n\n"
      "- Tham mưu Ủy ban nhân dân tỉnh bố trí kinh phí. Cơ quan chủ trì: Sở Tài chính; "
      "Cơ quan phối hợp: Sở Kế hoạch và Đầu tư; Thời gian thực hiện: năm 2026.\n\n"
      "2. Kinh phí thực hiện\n\n"
      "Ngân sách tỉnh bảo đảm.\n";
  plan_doc *doc = parse_str(text);
  assert_int_equal(plan_doc_assignment_count(doc), 1);
  const plan_assignment *a = plan_doc_assignment(doc, 0);
  const plan_agency *ag = plan_mention_agency(plan_assignment_agency(a, 0));
  assert_false(plan_agency_known(ag));
  assert_string_equal(plan_agency_id(ag), "x-trung-tam-cong-tac-xa-hoi-tinh");
  assert_int_equal(plan_doc_non_assignment_count(doc), 1);
  assert_string_equal(plan_node_title(plan_doc_non_assignment(doc, 0)), "Kinh phí thực hiện");

  const plan_duty *d = plan_assignment_duty(a, 0);
  static const struct { const char *id; plan_role role; } want[] = {
      {"doh", PLAN_ROLE_COORDINATE}, {"police", PLAN_ROLE_COORDINATE},
      {"provincial-pc", PLAN_ROLE_REPORT}, {"dolisa", PLAN_ROLE_REPORT}};
  assert_int_equal(plan_duty_mention_count(d), 4);
  for (size_t i = 0; i < 4; i++) {
    const plan_mention *m = plan_duty_mention(d, i);
    assert_string_equal(plan_agency_id(plan_mention_agency(m)), want[i].id);
    if (plan_mention_role(m) != want[i].role)
      fail_msg("mention %s: %s", want[i].id, plan_role_name(plan_mention_role(m)));
  }
  assert_string_equal(plan_mention_text(plan_duty_mention(d, 3)), "Sở LĐTBXH");
  d = plan_assignment_duty(a, 1);
  assert_int_equal(plan_duty_mention_count(d), 3);
  assert_int_equal(plan_mention_role(plan_duty_mention(d, 0)), PLAN_ROLE_ADVISE);
  assert_string_equal(plan_agency_id(plan_mention_agency(plan_duty_mention(d, 1))), "dof");
  assert_int_equal(plan_mention_role(plan_duty_mention(d, 1)), PLAN_ROLE_LEAD);
  assert_int_equal(plan_mention_role(plan_duty_mention(d, 2)), PLAN_ROLE_COORDINATE);
  assert_string_equal(plan_duty_deadline(d), "năm 2026");
  plan_doc_free(doc);

  /* the same unknown name gets the same id in another document */
  doc = parse_str("IV. PHÂN CÔNG NHIỆM VỤ\n\n1. Trung tâm Công tác xã hội tỉnh: Tư vấn.\n");
  assert_string_equal(plan_agency_id(plan_mention_agency(plan_assignment_agency(plan_doc_assignment(doc, 0), 0))),
                      "x-trung-tam-cong-tac-xa-hoi-tinh");
  assert_int_equal(plan_assignment_duty_count(plan_doc_assignment(doc, 0)), 1);
  plan_doc_free(doc);

  /* A role reaches back to its clause's start only: "Tham mưu" belongs
   * to the sentence before, even when a token without words ("-”")
   * stands between the two. */
  doc = parse_str("III. TỔ CHỨC THỰC HIỆN\n\n1. Sở Y tế\n\n"
                  "- Tham mưu bố trí kinh phí. -” Chỉ đạo Ủy ban nhân dân các xã bố trí cán bộ.\n");
  d = plan_assignment_duty(plan_doc_assignment(doc, 0), 0);
  assert_int_equal(plan_duty_mention_count(d), 1);
  assert_string_equal(plan_agency_id(plan_mention_agency(plan_duty_mention(d, 0))), "commune-pcs");
  assert_int_equal(plan_mention_role(plan_duty_mention(d, 0)), PLAN_ROLE_NAMED);
  plan_doc_free(doc);

  /* skipping the stage */
  plan_options o;
  plan_options_init(&o);
  o.flags = PLAN_OPT_NO_ASSIGNMENTS;
  plan_error e;
  assert_status(plan_doc_parse(text, strlen(text), &o, &doc, &e), PLAN_OK);
  assert_int_equal(plan_doc_assignment_count(doc), 0);
  plan_doc_free(doc);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_gold_assignments),
      cmocka_unit_test(test_lexicon_agencies),
      cmocka_unit_test(test_duty_verbs),
      cmocka_unit_test(test_names_parted_by_commas),
      cmocka_unit_test(test_agency_heads),
      cmocka_unit_test(test_head_word_diacritics),
      cmocka_unit_test(test_unknown_agencies_and_mentions),
  };
  return cmocka_run_group_tests_name("assign", tests, NULL, NULL);
}
