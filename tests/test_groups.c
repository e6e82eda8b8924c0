/* test_groups.c - what each corpus plan implements, and grouping plans by
 * it: the four answers to Decision 1472/QĐ-TTg and Resolution 121/2020/QH14
 * form one group, Bình Phước's answer to Directive 28-CT/TW another. */
#include "test_util.h"

static const char *implements(const plan_doc *d, size_t i) {
  const plan_reference *r = plan_doc_implements(d, i);
  return r ? plan_reference_number(r) : NULL;
}

static void test_corpus_implements(void **state) {
  (void)state;
  static const struct { const char *file; const char *first, *second; } want[] = {
      {"bac-kan-2021-qd-145.txt", "1472/QĐ-TTg", "121/2020/QH14"},
      {"binh-dinh-2021-kh-1472.txt", "1472/QĐ-TTg", "121/2020/QH14"},
      /* its title cites the province's 240-KH/TU first: not national */
      {"binh-phuoc-2024-kh-ct28.txt", "28-CT/TW", NULL},
      {"hai-phong-2021-kh-03.txt", "1472/QĐ-TTg", "121/2020/QH14"},
      /* a letter: its V/v subject */
      {"quang-ngai-2020-cv-4040.txt", "121/2020/QH14", NULL},
  };
  for (size_t i = 0; i < sizeof want / sizeof *want; i++) {
    plan_doc *d = parse_corpus(want[i].file, NULL);
    assert_string_equal(implements(d, 0), want[i].first);
    if (want[i].second) assert_string_equal(implements(d, 1), want[i].second);
    assert_int_equal(plan_doc_implements_count(d), want[i].second ? 2 : 1);
    assert_null(plan_doc_implements(d, 9));
    plan_doc_free(d);
  }
}

static void test_corpus_groups(void **state) {
  (void)state;
  plan_groups *g;
  assert_int_equal(plan_groups_new(&g, NULL), PLAN_OK);
  for (size_t i = 0; i < CORPUS_COUNT; i++) {
    plan_doc *d = parse_corpus(corpus_files[i], NULL);
    size_t index;
    assert_int_equal(plan_groups_add_doc(g, d, &index, NULL), PLAN_OK);
    assert_int_equal(index, i);
    plan_doc_free(d); /* the groups keep the numbers, not the document */
  }
  assert_int_equal(plan_groups_count(g), 0); /* not finished yet */
  assert_int_equal(plan_groups_finish(g, NULL), PLAN_OK);
  assert_int_equal(plan_groups_count(g), 2);
  assert_string_equal(plan_groups_key(g, 0), "1472/QĐ-TTg");
  assert_string_equal(plan_groups_cites(g, 0), "1472/QĐ-TTg, 121/2020/QH14");
  assert_int_equal(plan_groups_size(g, 0), 4);
  static const size_t first[] = {0, 1, 3, 4};
  for (size_t k = 0; k < 4; k++) assert_int_equal(plan_groups_member(g, 0, k), first[k]);
  assert_string_equal(plan_groups_key(g, 1), "28-CT/TW");
  assert_int_equal(plan_groups_size(g, 1), 1);
  assert_int_equal(plan_groups_of(g, 2), 1);
  assert_int_equal(plan_groups_of(g, 4), 0);
  assert_int_equal(plan_groups_member(g, 1, 1), SIZE_MAX);
  assert_null(plan_groups_key(g, 2));
  assert_int_equal(plan_groups_add(g, NULL, 0, NULL, NULL), PLAN_EINVAL); /* finished */
  plan_groups_free(g);
}

static void test_groups_by_numbers(void **state) {
  (void)state;
  plan_groups *g;
  assert_int_equal(plan_groups_new(&g, NULL), PLAN_OK);
  const char *a[] = {"12/QĐ-TTg"}, *b[] = {"99/2021/QH15"}, *ab[] = {"99/2021/QH15", "12/QĐ-TTG"},
             *c[] = {"5/CT-TTg"};
  assert_int_equal(plan_groups_add(g, a, 1, NULL, NULL), PLAN_OK);
  assert_int_equal(plan_groups_add(g, b, 1, NULL, NULL), PLAN_OK);
  assert_int_equal(plan_groups_add(g, c, 1, NULL, NULL), PLAN_OK);
  assert_int_equal(plan_groups_add(g, NULL, 0, NULL, NULL), PLAN_OK); /* implements nothing found */
  assert_int_equal(plan_groups_add(g, ab, 2, NULL, NULL), PLAN_OK);   /* ties a and b together */
  const char *bad[] = {NULL};
  assert_int_equal(plan_groups_add(g, bad, 1, NULL, NULL), PLAN_EINVAL);
  assert_int_equal(plan_groups_finish(g, NULL), PLAN_OK);
  assert_int_equal(plan_groups_finish(g, NULL), PLAN_EINVAL);
  assert_int_equal(plan_groups_count(g), 2);
  assert_int_equal(plan_groups_size(g, 0), 3);
  assert_int_equal(plan_groups_of(g, 1), 0);
  assert_int_equal(plan_groups_of(g, 2), 1);
  assert_int_equal(plan_groups_of(g, 3), SIZE_MAX);
  /* two members implement 99/2021/QH15 first, one 12/QĐ-TTg; the two
   * spellings of 12/QĐ-TTg are one document */
  assert_string_equal(plan_groups_key(g, 0), "99/2021/QH15");
  assert_string_equal(plan_groups_cites(g, 0), "99/2021/QH15, 12/QĐ-TTg");
  plan_groups_free(g);
  plan_groups_free(NULL);
  assert_int_equal(plan_groups_new(NULL, NULL), PLAN_EINVAL);
}

/* A decision with nothing in its title or a "Thực hiện" paragraph
 * implements what its "Căn cứ" grounds cite, less the grounds of its power
 * to act and, where decrees or circulars detail them, the laws. */
static const char *const decision_head =
    "ỦY BAN NHÂN DÂN TỈNH CAO BẰNG\nSố: 7/2025/QĐ-UBND\n\nQUYẾT ĐỊNH\nBan hành Quy định\n\n"
    "*Căn cứ Luật Tổ chức chính quyền địa phương số 72/2025/QH15;*\n\n"
    "*Căn cứ Luật Ban hành văn bản quy phạm pháp luật số 64/2025/QH15 được sửa đổi, "
    "bổ sung bởi Luật số 87/2025/QH15; Nghị quyết số 202/2025/QH15 về việc sắp xếp "
    "đơn vị hành chính cấp tỉnh;*\n\n";

static plan_doc *decision(const char *grounds) {
  char text[2048];
  snprintf(text, sizeof text, "%s%s\n\n**Điều 1.** Ban hành kèm theo Quyết định này.\n",
           decision_head, grounds);
  return parse_str(text);
}

static void test_grounds_of_a_decision(void **state) {
  (void)state;
  plan_doc *d = decision("*Căn cứ Luật Giá số 16/2023/QH15;*\n\n"
                         "*Căn cứ Nghị định số 85/2024/NĐ-CP ngày 10/7/2024 của Chính phủ;*\n\n"
                         "*Căn cứ Thông tư số 29/2024/TT-BTC ngày 16/5/2024 của Bộ Tài chính;*");
  assert_int_equal(plan_doc_implements_count(d), 2);
  assert_string_equal(implements(d, 0), "85/2024/NĐ-CP");
  assert_string_equal(implements(d, 1), "29/2024/TT-BTC");
  plan_doc_free(d);

  /* laws alone: the sector's law is what it implements */
  d = decision("*Căn cứ Luật Điện lực số 61/2024/QH15;*");
  assert_int_equal(plan_doc_implements_count(d), 1);
  assert_string_equal(implements(d, 0), "61/2024/QH15");
  plan_doc_free(d);

  /* grounds of power only: nothing it implements */
  d = decision("");
  assert_int_equal(plan_doc_implements_count(d), 0);
  plan_doc_free(d);

  /* two acts of one sector on different decrees are two groups, not one
   * because both cite the Law on Local Government and the sector's law */
  plan_groups *g;
  assert_int_equal(plan_groups_new(&g, NULL), PLAN_OK);
  const char *grounds[] = {
      "*Căn cứ Luật Đất đai số 31/2024/QH15;*\n\n*Căn cứ Nghị định số 101/2024/NĐ-CP;*",
      "*Căn cứ Luật Đất đai số 31/2024/QH15;*\n\n*Căn cứ Nghị định số 102/2024/NĐ-CP;*",
      "*Căn cứ Luật Đất đai số 31/2024/QH15;*\n\n*Căn cứ Nghị định số 102/2024/NĐ-CP;*"};
  for (size_t i = 0; i < 3; i++) {
    d = decision(grounds[i]);
    assert_int_equal(plan_groups_add_doc(g, d, NULL, NULL), PLAN_OK);
    plan_doc_free(d);
  }
  assert_int_equal(plan_groups_finish(g, NULL), PLAN_OK);
  assert_int_equal(plan_groups_count(g), 2); /* in the order of their first members */
  assert_string_equal(plan_groups_key(g, 0), "101/2024/NĐ-CP");
  assert_int_equal(plan_groups_size(g, 0), 1);
  assert_string_equal(plan_groups_key(g, 1), "102/2024/NĐ-CP");
  assert_int_equal(plan_groups_size(g, 1), 2);
  plan_groups_free(g);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_corpus_implements),
      cmocka_unit_test(test_corpus_groups),
      cmocka_unit_test(test_groups_by_numbers),
      cmocka_unit_test(test_grounds_of_a_decision),
  };
  return cmocka_run_group_tests_name("groups", tests, NULL, NULL);
}
