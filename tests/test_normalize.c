/* test_normalize.c - the normalizer: tones, NFC, spaces, markup, abbreviations,
 * invalid input, offsets, keys, idempotence, the corpus. */
#include <unistd.h>
#include <utf8proc.h>

#include "test_util.h"

/* ---- helpers ------------------------------------------------------- */

static void expect_norm(const char *in, const char *want, plan_tone_style style,
                        unsigned flags) {
  char *got = norm_with(in, strlen(in), style, flags);
  if (strcmp(got, want) != 0)
    fail_msg("normalize(\"%s\")\n   got \"%s\"\n  want \"%s\"", in, got, want);
  /* Every input in every table is also an idempotence case. */
  char *again = norm_with(got, strlen(got), style, flags);
  if (strcmp(again, got) != 0) fail_msg("not idempotent on \"%s\": \"%s\"", got, again);
  free(again);
  free(got);
}

/* utf8proc's own NFC or NFD of s: an independent path to the expected bytes. */
static char *nf(const char *s, bool decompose) {
  utf8proc_uint8_t *r;
  utf8proc_ssize_t n = utf8proc_map((const utf8proc_uint8_t *)s, 0, &r,
                                    UTF8PROC_NULLTERM | UTF8PROC_STABLE |
                                        (decompose ? UTF8PROC_DECOMPOSE : UTF8PROC_COMPOSE));
  assert_true(n >= 0);
  return (char *)r;
}

/* ---- tone placement, every tone, every case ------------------------- */

/* A syllable without its tone, and the code point index that carries the
 * tone in the traditional and the modern style. */
static const struct {
  const char *bare;
  int traditional, modern;
} syllables[] = {
    /* the open pairs oa, oe, uy: the styles differ */
    {"hoa", 1, 2}, {"khoe", 2, 3}, {"thuy", 2, 3}, {"uy", 0, 1}, {"xoa", 1, 2},
    {"huy", 1, 2}, {"loe", 1, 2}, {"oa", 0, 1}, {"toa", 1, 2}, {"tuy", 1, 2},
    /* closed syllables: the last vowel in both styles */
    {"hoach", 2, 2}, {"toan", 2, 2}, {"khoang", 3, 3}, {"huynh", 2, 2},
    {"thuyêt", 4, 4}, {"hoat", 2, 2}, {"khoet", 3, 3},
    /* three open vowels: the middle */
    {"ngoai", 3, 3}, {"khuyu", 3, 3}, {"xoay", 2, 2},
    /* qu and gi are onsets */
    {"quy", 2, 2}, {"qua", 2, 2}, {"que", 2, 2}, {"gia", 2, 2}, {"giưa", 2, 2},
    {"gi", 1, 1}, {"gin", 1, 1}, {"quyên", 3, 3},
    /* a vowel with a modifier takes the tone */
    {"ngươi", 3, 3}, {"rươu", 2, 2}, {"tuân", 2, 2}, {"mưa", 1, 1}, {"thuơ", 3, 3},
    {"viêt", 2, 2},
    /* other open pairs: the first */
    {"mua", 1, 1}, {"mia", 1, 1}, {"mai", 1, 1}, {"cao", 1, 1}, {"tui", 1, 1},
    /* one vowel */
    {"ba", 1, 1}, {"y", 0, 0}, {"đi", 1, 1},
};

static const int32_t tones[] = {0x0300, 0x0301, 0x0309, 0x0303, 0x0323};

enum { LOWER, UPPER, TITLE };

/* The syllable in a case, with the tone as a combining mark after code point
 * index pos, then composed (or decomposed) by utf8proc. */
static char *make_syllable(const char *bare, int pos, int32_t tone, int cas,
                           bool decompose) {
  char buf[64];
  size_t o = 0;
  int idx = 0;
  for (const char *p = bare; *p;) {
    utf8proc_int32_t c;
    p += utf8proc_iterate((const utf8proc_uint8_t *)p, -1, &c);
    if (cas == UPPER || (cas == TITLE && idx == 0)) c = utf8proc_toupper(c);
    o += (size_t)utf8proc_encode_char(c, (utf8proc_uint8_t *)buf + o);
    if (idx == pos) o += (size_t)utf8proc_encode_char(tone, (utf8proc_uint8_t *)buf + o);
    idx++;
  }
  buf[o] = '\0';
  return nf(buf, decompose);
}

static void test_tone_every_rule(void **state) {
  (void)state;
  size_t cases = 0;
  for (size_t s = 0; s < sizeof syllables / sizeof *syllables; s++)
    for (size_t t = 0; t < 5; t++)
      for (int cas = LOWER; cas <= TITLE; cas++) {
        int tp = syllables[s].traditional, mp = syllables[s].modern;
        char *trad = make_syllable(syllables[s].bare, tp, tones[t], cas, false);
        char *mod = make_syllable(syllables[s].bare, mp, tones[t], cas, false);
        char *trad_nfd = make_syllable(syllables[s].bare, tp, tones[t], cas, true);
        char *mod_nfd = make_syllable(syllables[s].bare, mp, tones[t], cas, true);
        char want_trad[80], want_mod[80];
        snprintf(want_trad, sizeof want_trad, "%s\n", trad);
        snprintf(want_mod, sizeof want_mod, "%s\n", mod);
        const char *inputs[] = {trad, mod, trad_nfd, mod_nfd};
        for (size_t i = 0; i < 4; i++) {
          expect_norm(inputs[i], want_trad, PLAN_TONE_TRADITIONAL, 0);
          expect_norm(inputs[i], want_mod, PLAN_TONE_MODERN, 0);
          cases += 2;
        }
        /* keep: the source's placement, composed */
        expect_norm(mod_nfd, want_mod, PLAN_TONE_KEEP, 0);
        expect_norm(trad_nfd, want_trad, PLAN_TONE_KEEP, 0);
        free(trad);
        free(mod);
        free(trad_nfd);
        free(mod_nfd);
      }
  assert_true(cases > 1000);
}

static void test_tone_literals(void **state) {
  (void)state;
  static const struct { const char *in, *trad, *mod; } rows[] = {
      {"hoà khoẻ thuỷ Uỷ xoá huỷ", "hòa khỏe thủy Ủy xóa hủy\n", "hoà khoẻ thuỷ Uỷ xoá huỷ\n"},
      {"hòa khỏe thủy Ủy xóa hủy", "hòa khỏe thủy Ủy xóa hủy\n", "hoà khoẻ thuỷ Uỷ xoá huỷ\n"},
      {"ỦY BAN, UỶ BAN, Uỷ ban", "ỦY BAN, ỦY BAN, Ủy ban\n", "UỶ BAN, UỶ BAN, Uỷ ban\n"},
      {"Cụ thể hoá, cụ thể hóa", "Cụ thể hóa, cụ thể hóa\n", "Cụ thể hoá, cụ thể hoá\n"},
      {"kế hoạch, toán, thuyết, khoảng", "kế hoạch, toán, thuyết, khoảng\n",
       "kế hoạch, toán, thuyết, khoảng\n"},
      {"quý, quả, già, giữa, qúy, gìa", "quý, quả, già, giữa, quý, già\n",
       "quý, quả, già, giữa, quý, già\n"},
      {"Facebook, Zalo, email", "Facebook, Zalo, email\n", "Facebook, Zalo, email\n"},
  };
  for (size_t i = 0; i < sizeof rows / sizeof *rows; i++) {
    expect_norm(rows[i].in, rows[i].trad, PLAN_TONE_TRADITIONAL, 0);
    expect_norm(rows[i].in, rows[i].mod, PLAN_TONE_MODERN, 0);
  }
  /* keep leaves the source's placement */
  expect_norm("hoà hòa", "hoà hòa\n", PLAN_TONE_KEEP, 0);
}

static void test_tone_before_modifier(void **state) {
  (void)state;
  /* A tone typed before the circumflex, breve or horn: NFC alone leaves a
   * stray mark; the normalizer puts the tone last. */
  expect_norm("e\xcc\x81\xcc\x82", "ế\n", PLAN_TONE_TRADITIONAL, 0);
  expect_norm("E\xcc\x81\xcc\x82", "Ế\n", PLAN_TONE_TRADITIONAL, 0);
  expect_norm("a\xcc\x89\xcc\x86", "ẳ\n", PLAN_TONE_TRADITIONAL, 0);
  expect_norm("o\xcc\x80\xcc\x9b", "ờ\n", PLAN_TONE_TRADITIONAL, 0);
  expect_norm("ke\xcc\x81\xcc\x82 hoa\xcc\xa3\xcc\x82", "kế hoậ\n", PLAN_TONE_KEEP, 0);
  expect_norm("\xc3\xa9\xcc\x82t", "ết\n", PLAN_TONE_TRADITIONAL, 0); /* é + ̂ */
}

/* ---- NFC ----------------------------------------------------------- */

static void test_nfc(void **state) {
  (void)state;
  static const char *samples[] = {
      "Cộng hòa xã hội chủ nghĩa Việt Nam", "Độc lập - Tự do - Hạnh phúc",
      "Sở Lao động - Thương binh và Xã hội", "ỦY BAN NHÂN DÂN TỈNH BẮC KẠN",
      "Ångström café naïve", "한국어 日本語", "x\xe2\x89\xa0y", /* ≠ */
  };
  for (size_t i = 0; i < sizeof samples / sizeof *samples; i++) {
    char *nfc = nf(samples[i], false), *nfd = nf(samples[i], true);
    char want[256];
    snprintf(want, sizeof want, "%s\n", nfc);
    expect_norm(nfd, want, PLAN_TONE_KEEP, 0);
    expect_norm(nfc, want, PLAN_TONE_KEEP, 0);
    free(nfc);
    free(nfd);
  }
  /* U+2329 is a symbol with a canonical decomposition (to U+3008) */
  expect_norm("\xe2\x8c\xa9", "\xe3\x80\x88\n", PLAN_TONE_TRADITIONAL, 0);
}

/* ---- white space, dashes ------------------------------------------- */

static void test_whitespace(void **state) {
  (void)state;
  static const struct { const char *in, *want; } rows[] = {
      {"a\r\nb\r\n", "a\nb\n"},
      {"a\rb", "a\nb\n"},
      {"a\tb", "a b\n"},
      {"a\xc2\xa0\xc2\xa0 b", "a b\n"},              /* NBSP */
      {"a\xe2\x80\x83\xe2\x80\xafz", "a z\n"},        /* em space, narrow NBSP */
      {"a\xe3\x80\x80z", "a z\n"},                    /* ideographic space */
      {"  lead   and trail   \n", "lead and trail\n"},
      {"\xef\xbb\xbfSố: 145", "Số: 145\n"},           /* BOM */
      {"Ủy\xe2\x80\x8b ban", "Ủy ban\n"},              /* zero-width space */
      {"a\xe2\x80\x8d\xe2\x81\xa0" "b", "ab\n"},          /* ZWJ, word joiner */
      {"a\n\n\n\nb", "a\n\nb\n"},
      {"\n\n a\n", "a\n"},
      {"a\n \t \nb", "a\n\nb\n"},
      {"a\fb", "a\nb\n"},
      {"soft\xc2\xadhyphen", "soft\xc2\xadhyphen\n"}, /* U+00AD is kept */
  };
  for (size_t i = 0; i < sizeof rows / sizeof *rows; i++)
    expect_norm(rows[i].in, rows[i].want, PLAN_TONE_TRADITIONAL, 0);
}

static void test_dashes(void **state) {
  (void)state;
  static const struct { const char *in, *want; } rows[] = {
      {"Lao động – Thương binh", "Lao động - Thương binh\n"},
      {"Lao động — Thương binh", "Lao động - Thương binh\n"},
      {"a \xe2\x88\x92 b", "a - b\n"},                /* minus sign */
      {"– Mục một", "- Mục một\n"},
      {"giai đoạn 2020 –2025", "giai đoạn 2020 -2025\n"},
      {"2021–2030", "2021–2030\n"},                   /* inside a word: kept */
      {"“trích dẫn”", "“trích dẫn”\n"},               /* quotes are kept */
  };
  for (size_t i = 0; i < sizeof rows / sizeof *rows; i++)
    expect_norm(rows[i].in, rows[i].want, PLAN_TONE_TRADITIONAL, 0);
}

/* ---- markup -------------------------------------------------------- */

typedef struct {
  plan_hint_kind kind;
  const char *covers; /* the text the span covers; "" for a break */
  int level;
} want_hint;

static void expect_hints(const char *in, const char *want_text, const want_hint *hints,
                         size_t n) {
  plan_text *t;
  plan_error e;
  assert_status(plan_normalize(in, strlen(in), NULL, &t, &e), PLAN_OK);
  size_t len;
  const char *s = plan_text_data(t, &len);
  assert_string_equal(s, want_text);
  assert_int_equal(plan_text_hint_count(t), n);
  for (size_t i = 0; i < n; i++) {
    const plan_hint *h = plan_text_hint(t, i);
    assert_non_null(h);
    assert_int_equal(h->kind, hints[i].kind);
    assert_int_equal(h->level, hints[i].level);
    assert_true(h->start <= h->end && h->end <= len);
    char span[256];
    memcpy(span, s + h->start, h->end - h->start);
    span[h->end - h->start] = '\0';
    assert_string_equal(span, hints[i].covers);
  }
  assert_null(plan_text_hint(t, n));
  plan_text_free(t);
}

static void test_markup(void **state) {
  (void)state;
  const want_hint h1[] = {{PLAN_HINT_HEADING, "I. MỤC ĐÍCH, YÊU CẦU", 3}};
  expect_hints("### I. MỤC ĐÍCH, YÊU CẦU\n", "I. MỤC ĐÍCH, YÊU CẦU\n", h1, 1);

  const want_hint h2[] = {{PLAN_HINT_HEADING, "II. NHIỆM VỤ", 2},
                          {PLAN_HINT_BOLD, "II. NHIỆM VỤ", 0}};
  expect_hints("## **II. NHIỆM VỤ**\n", "II. NHIỆM VỤ\n", h2, 2);

  const want_hint h3[] = {{PLAN_HINT_BOLD, "6. Sở Nội vụ:", 0}};
  expect_hints("**6. Sở Nội vụ:** Kiện toàn", "6. Sở Nội vụ: Kiện toàn\n", h3, 1);

  const want_hint h4[] = {{PLAN_HINT_ITALIC, "Nơi nhận:", 0}};
  expect_hints("*Nơi nhận:*\n", "Nơi nhận:\n", h4, 1);

  const want_hint h5[] = {{PLAN_HINT_BOLD, "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH", 0}};
  expect_hints("**KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH**\n", "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n", h5, 1);

  const want_hint h6[] = {{PLAN_HINT_TABLE_CELL, "", 0}, {PLAN_HINT_RULE, "", 0}};
  expect_hints("ỦY BAN\n|\n-------\nCỘNG HÒA\n", "ỦY BAN\n\nCỘNG HÒA\n", h6, 2);

  const want_hint h7[] = {{PLAN_HINT_HEADING, "Nơi nhận:", 4},
                          {PLAN_HINT_BOLD, "Nơi nhận:", 0},
                          {PLAN_HINT_ITALIC, "Nơi nhận:", 0}};
  expect_hints("#### ***Nơi nhận:***", "Nơi nhận:\n", h7, 3);

  /* a copy's slips: a space inside the closer ("…) *để"), a space after
   * the opener of a line-long span ("* (Đính kèm)*"), a line of markers */
  const want_hint s1[] = {{PLAN_HINT_ITALIC, "(đặt hàng…)", 0}};
  expect_hints("chọn *(đặt hàng…) *để làm", "chọn (đặt hàng…) để làm\n", s1, 1);
  const want_hint s2[] = {{PLAN_HINT_ITALIC, "(Đính kèm Danh mục)", 0}};
  expect_hints("* (Đính kèm Danh mục)*", "(Đính kèm Danh mục)\n", s2, 1);
  expect_hints("Một\n\n* *\n\nHai", "Một\n\nHai\n", NULL, 0);
  const want_hint s3[] = {{PLAN_HINT_ITALIC, "(trước ngày 20/6),", 0},
                          {PLAN_HINT_ITALIC, "(trước\nngày 20/12),", 0}};
  expect_hints("tháng *(trước ngày 20/6), *năm *(trước\nngày 20/12), *đột xuất",
               "tháng (trước ngày 20/6), năm (trước\nngày 20/12), đột xuất\n", s3, 2);
  /* a preamble's ground wrapped narrow: a dozen lines to its closer */
  expect_norm("*Căn cứ Nghị định số\n63/2010/NĐ-CP ngày\n08 tháng 6 năm\n2010 của Chính\nphủ về kiểm\nsoát thủ tục\n"
              "hành chính;\nNghị định số\n48/2013/NĐ-CP\nngày 14 tháng\n5 năm 2013 của\nChính phủ; *",
              "Căn cứ Nghị định số\n63/2010/NĐ-CP ngày\n08 tháng 6 năm\n2010 của Chính\nphủ về kiểm\nsoát thủ tục\n"
              "hành chính;\nNghị định số\n48/2013/NĐ-CP\nngày 14 tháng\n5 năm 2013 của\nChính phủ;\n",
              PLAN_TONE_TRADITIONAL, 0);
  /* the wrap put the closer on the next line, after the parenthesis */
  const want_hint s4[] = {{PLAN_HINT_ITALIC, "(Sở Khoa học và Công nghệ)\n", 0}};
  expect_hints("do Trung tâm *(Sở Khoa học và Công nghệ)\n*trực tiếp quản lý",
               "do Trung tâm (Sở Khoa học và Công nghệ)\ntrực tiếp quản lý\n", s4, 1);

  /* emphasis right after the hashes: still a heading, the first time */
  const want_hint h8[] = {{PLAN_HINT_HEADING, "Mục", 2}, {PLAN_HINT_BOLD, "Mục", 0}};
  expect_hints("##** Mục**", "Mục\n", h8, 2);

  /* markup inside a word: the word is one syllable, its tone placed once
   * (found by fuzzing: "*I*á" gave "Iá", which reads again as "Ía") */
  expect_norm("*I*á", "Ía\n", PLAN_TONE_TRADITIONAL, 0);
  const want_hint h9[] = {{PLAN_HINT_BOLD, "Thủy", 0}};
  expect_hints("**Th**ủy", "Thủy\n", h9, 1);

  /* markup that taking off markup uncovers goes too (idempotence) */
  expect_norm("**|**", "", PLAN_TONE_TRADITIONAL, 0);
  expect_norm("#**#** x", "x\n", PLAN_TONE_TRADITIONAL, 0);
  expect_norm("a **–**b", "a -b\n", PLAN_TONE_TRADITIONAL, 0);

  /* "* *" between words is an empty span a copy left, not two stars */
  expect_norm("năm 2024* *của Ủy ban", "năm 2024 của Ủy ban\n", PLAN_TONE_TRADITIONAL, 0);
  /* a span wrapped across lines closes on the next line's last star, even
   * after a space, as it would on one line */
  expect_norm("Quỹ *“Vì người\nnghèo” *được 164 tỷ đồng.", "Quỹ “Vì người\nnghèo” được 164 tỷ đồng.\n",
              PLAN_TONE_TRADITIONAL, 0);
  expect_norm("Quỹ *“Vì người nghèo” *được 164 tỷ đồng.", "Quỹ “Vì người nghèo” được 164 tỷ đồng.\n",
              PLAN_TONE_TRADITIONAL, 0);
  /* spans nest: a "**" opened inside an italic span that closes first is
   * stray, so the next "**" opens a bold span instead of closing it */
  const want_hint h10[] = {{PLAN_HINT_ITALIC, "Căn cứ Luật số 31;", 0},
                           {PLAN_HINT_BOLD, "Điều 6. Trường hợp", 0}};
  expect_hints("*Căn cứ Luật **số 31;*\n**Điều 6. Trường hợp**\nKhi có yêu cầu.\n",
               "Căn cứ Luật số 31;\nĐiều 6. Trường hợp\nKhi có yêu cầu.\n", h10, 2);

  /* not markup: a bullet star, arithmetic, a lone star */
  expect_norm("* mục", "* mục\n", PLAN_TONE_TRADITIONAL, 0);
  expect_norm("2 * 3 * 4", "2 * 3 * 4\n", PLAN_TONE_TRADITIONAL, 0);
  expect_norm("#hashtag", "#hashtag\n", PLAN_TONE_TRADITIONAL, 0);
  /* kept on request */
  expect_norm("## **A**", "## **A**\n", PLAN_TONE_TRADITIONAL, PLAN_OPT_KEEP_MARKUP);
}

/* ---- abbreviations ------------------------------------------------- */

static void test_abbreviations(void **state) {
  (void)state;
  static const struct { const char *in, *want; } rows[] = {
      {"UBND tỉnh", "Ủy ban nhân dân tỉnh\n"},
      {"Sở LĐTBXH", "Sở Lao động - Thương binh và Xã hội\n"},
      {"Sở LĐ-TB&XH;", "Sở Lao động - Thương binh và Xã hội;\n"},
      {"Sở GD&ĐT, Sở VH,TT&DL", "Sở Giáo dục và Đào tạo, Sở Văn hóa, Thể thao và Du lịch\n"},
      {"(Sở KH&ĐT)", "(Sở Kế hoạch và Đầu tư)\n"},
      {"UBMTTQ tỉnh", "Ủy ban Mặt trận Tổ quốc tỉnh\n"},
      {"Công an TP", "Công an thành phố\n"},
      /* never inside a document number or a longer word */
      {"Số: 145/QĐ-UBND", "Số: 145/QĐ-UBND\n"},
      {"4040/UBND-KGVX", "4040/UBND-KGVX\n"},
      {"81/TTr-SLĐTBXH", "81/TTr-SLĐTBXH\n"},
      {"UBNDX TPHCM", "UBNDX TPHCM\n"},
      {"ubnd", "ubnd\n"},
      /* a combining mark belongs to the letter before it: no whole token */
      {"UBND\xcc\x81 tỉnh", "UBND\xcc\x81 tỉnh\n"},
      {"TP\xcc\x80 Hà", "TP\xcc\x80 Hà\n"},
  };
  for (size_t i = 0; i < sizeof rows / sizeof *rows; i++)
    expect_norm(rows[i].in, rows[i].want, PLAN_TONE_TRADITIONAL,
                PLAN_OPT_EXPAND_ABBREVIATIONS);
  /* not expanded unless asked */
  expect_norm("UBND tỉnh", "UBND tỉnh\n", PLAN_TONE_TRADITIONAL, 0);
  /* the modern style applies to expansions too (idempotence) */
  expect_norm("UBND", "Uỷ ban nhân dân\n", PLAN_TONE_MODERN, PLAN_OPT_EXPAND_ABBREVIATIONS);
}

static void test_abbreviations_every_entry(void **state) {
  (void)state;
  plan_lexicon *lex;
  assert_status(plan_lexicon_new(&lex, NULL), PLAN_OK);
  size_t n = plan_lexicon_abbreviation_count(lex);
  assert_true(n >= 20);
  for (size_t i = 0; i < n; i++) {
    const char *a, *x;
    assert_status(plan_lexicon_abbreviation(lex, i, &a, &x, NULL), PLAN_OK);
    assert_string_equal(plan_lexicon_expand(lex, a), x);
    char in[128], want[256];
    snprintf(in, sizeof in, "Sở %s tỉnh", a);
    char *xn = norm(x);
    xn[strlen(xn) - 1] = '\0';
    snprintf(want, sizeof want, "Sở %s tỉnh\n", xn);
    free(xn);
    expect_norm(in, want, PLAN_TONE_TRADITIONAL, PLAN_OPT_EXPAND_ABBREVIATIONS);
  }
  assert_status(plan_lexicon_abbreviation(lex, n, NULL, NULL, NULL), PLAN_EINVAL);
  plan_lexicon_free(lex);
}

static void test_lexicon_file(void **state) {
  (void)state;
  char path[] = "/tmp/plan-lexicon-XXXXXX";
  int fd = mkstemp(path);
  assert_true(fd >= 0);
  FILE *f = fdopen(fd, "w");
  fputs("# extra abbreviations\nabbrev\tSYT\tSở Y tế\n\nabbrev\tUBND\tUBND (mới)\n", f);
  fclose(f);
  plan_lexicon *lex;
  assert_status(plan_lexicon_new(&lex, NULL), PLAN_OK);
  plan_error e;
  assert_status(plan_lexicon_load_file(lex, path, &e), PLAN_OK);
  plan_options o;
  plan_options_init(&o);
  o.flags = PLAN_OPT_EXPAND_ABBREVIATIONS;
  o.lexicon = lex;
  char *r = test_normalize_string("SYT và UBND", strlen("SYT và UBND"), &o, NULL, &e);
  assert_string_equal(r, "Sở Y tế và UBND (mới)\n");
  plan_free(r);
  assert_status(plan_lexicon_add_abbreviation(lex, "A B", "x", NULL), PLAN_EINVAL);
  assert_status(plan_lexicon_add_abbreviation(lex, "", "x", NULL), PLAN_EINVAL);
  assert_status(plan_lexicon_add_abbreviation(lex, "CAHN", "Công an Hà Nội", NULL), PLAN_OK);
  assert_string_equal(plan_lexicon_expand(lex, "CAHN"), "Công an Hà Nội");

  f = fopen(path, "w");
  fputs("abbrev\tX1\tfine\nabbrev only-two-fields\n", f);
  fclose(f);
  assert_status(plan_lexicon_load_file(lex, path, &e), PLAN_EFORMAT);
  assert_int_equal(e.line, 2);
  assert_string_equal(plan_lexicon_expand(lex, "X1"), "fine");
  assert_status(plan_lexicon_load_file(lex, "/nonexistent/lexicon.tsv", &e), PLAN_EIO);
  unlink(path);
  plan_lexicon_free(lex);
}

/* ---- invalid input ------------------------------------------------- */

static void expect_error(const char *in, size_t len, plan_status st, size_t offset,
                         size_t line, size_t column) {
  plan_text *t = (plan_text *)1;
  plan_error e;
  assert_status(plan_normalize(in, len, NULL, &t, &e), st);
  assert_null(t);
  assert_int_equal(e.status, st);
  assert_int_equal(e.offset, offset);
  assert_int_equal(e.line, line);
  assert_int_equal(e.column, column);
  assert_true(strlen(e.message) > 0);
}

static void test_invalid_utf8(void **state) {
  (void)state;
  expect_error("ab\xff", 3, PLAN_EUTF8, 2, 1, 3);
  expect_error("a\nb\xc3", 4, PLAN_EUTF8, 3, 2, 2);            /* truncated */
  expect_error("x\xc0\xaf", 3, PLAN_EUTF8, 1, 1, 2);            /* overlong */
  expect_error("\xed\xa0\x80", 3, PLAN_EUTF8, 0, 1, 1);         /* surrogate */
  expect_error("ok\n\n\xf4\x90\x80\x80", 8, PLAN_EUTF8, 4, 3, 1); /* > U+10FFFF */
  expect_error("\x80", 1, PLAN_EUTF8, 0, 1, 1);                /* lone continuation */
  expect_error("a\0b", 3, PLAN_ENUL, 1, 1, 2);

  plan_options o;
  plan_options_init(&o);
  o.flags = PLAN_OPT_REPLACE_INVALID;
  plan_text *t;
  plan_error e;
  static const char bad[] = "ab\xff" "c\xc0\xaf\n\xe1\xba";
  assert_status(plan_normalize(bad, sizeof bad - 1, &o, &t, &e), PLAN_OK);
  assert_string_equal(plan_text_data(t, NULL), "ab\xef\xbf\xbd" "c\xef\xbf\xbd\n\xef\xbf\xbd\n");
  assert_int_equal(plan_text_replacements(t), 3);
  plan_text_free(t);
  /* NUL is an error even when replacing */
  assert_status(plan_normalize("a\0", 2, &o, &t, &e), PLAN_ENUL);
}

static void test_edges_and_options(void **state) {
  (void)state;
  expect_norm("", "", PLAN_TONE_TRADITIONAL, 0);
  expect_norm("a", "a\n", PLAN_TONE_TRADITIONAL, 0);
  expect_norm(" ", "", PLAN_TONE_TRADITIONAL, 0);
  expect_norm("\n", "", PLAN_TONE_TRADITIONAL, 0);
  expect_norm("\xc3\xa0", "à\n", PLAN_TONE_TRADITIONAL, 0);
  expect_norm("|", "", PLAN_TONE_TRADITIONAL, 0);

  plan_text *t;
  plan_error e;
  assert_status(plan_normalize(NULL, 0, NULL, &t, &e), PLAN_OK);
  assert_int_equal(strlen(plan_text_data(t, NULL)), 0);
  plan_text_free(t);
  assert_status(plan_normalize(NULL, 3, NULL, &t, &e), PLAN_EINVAL);
  assert_status(plan_normalize("a", 1, NULL, NULL, &e), PLAN_EINVAL);

  plan_options o;
  plan_options_init(&o);
  assert_int_equal(o.size, sizeof o);
  assert_int_equal(o.max_input_bytes, PLAN_DEFAULT_MAX_INPUT);
  o.max_input_bytes = 4;
  assert_status(plan_normalize("abcde", 5, &o, &t, &e), PLAN_ELIMIT);
  plan_options_init(&o);
  o.tone_style = (plan_tone_style)7;
  assert_status(plan_normalize("a", 1, &o, &t, &e), PLAN_EINVAL);
  plan_text_free(NULL);
}

/* ---- the offset map ------------------------------------------------- */

static void expect_source(const plan_text *t, const char *needle, size_t in_off,
                          size_t line, size_t col) {
  size_t len;
  const char *s = plan_text_data(t, &len);
  const char *p = strstr(s, needle);
  if (!p) fail_msg("\"%s\" not in output", needle);
  size_t io, l, c;
  assert_status(plan_text_source(t, (size_t)(p - s), &io, &l, &c, NULL), PLAN_OK);
  if (io != in_off || l != line || c != col)
    fail_msg("\"%s\": input %zu line %zu col %zu, want %zu %zu %zu", needle, io, l, c,
             in_off, line, col);
}

static void test_offsets(void **state) {
  (void)state;
  /* NFD word, doubled spaces, CRLF, a removed heading and bold */
  const char *in = "## ho\xcc\x80" "a  x\r\n**Sở** y\n\n\n| \nz";
  plan_text *t;
  plan_error e;
  assert_status(plan_normalize(in, strlen(in), NULL, &t, &e), PLAN_OK);
  assert_string_equal(plan_text_data(t, NULL), "hòa x\nSở y\n\nz\n");
  expect_source(t, "hòa", 3, 1, 4);
  expect_source(t, "x", 10, 1, 11);
  expect_source(t, "Sở", 15, 2, 3);
  expect_source(t, "y", 22, 2, 10);
  expect_source(t, "z", 29, 6, 1);
  size_t io;
  assert_status(plan_text_source(t, 1000, &io, NULL, NULL, NULL), PLAN_OK);
  assert_int_equal(io, strlen(in));
  plan_text_free(t);

  /* after abbreviation expansion */
  plan_options o;
  plan_options_init(&o);
  o.flags = PLAN_OPT_EXPAND_ABBREVIATIONS;
  const char *in2 = "Giao UBND tỉnh\nSở LĐTBXH chủ trì";
  assert_status(plan_normalize(in2, strlen(in2), &o, &t, &e), PLAN_OK);
  expect_source(t, "Ủy ban", 5, 1, 6);
  expect_source(t, "tỉnh", 10, 1, 11);
  expect_source(t, "Lao", 22, 2, 6);
  expect_source(t, "chủ", 30, 2, 14);
  /* inside an expansion: within the abbreviation's bytes */
  const char *s = plan_text_data(t, NULL);
  assert_status(plan_text_source(t, (size_t)(strstr(s, "nhân") - s), &io, NULL, NULL, NULL), PLAN_OK);
  assert_true(io >= 5 && io < 9);
  plan_text_free(t);
}

/* ---- keys ---------------------------------------------------------- */

static void test_key(void **state) {
  (void)state;
  static const char *same[] = {
      "Sở Lao động - Thương binh và Xã hội", "Sở Lao động Thương binh và Xã hội",
      "Sở LĐTBXH", "Sở LĐ-TB&XH", "SỞ LAO ĐỘNG – THƯƠNG BINH VÀ XÃ HỘI",
      "**Sở Lao động - Thương binh và Xã hội:**", "So lao dong thuong binh va xa hoi",
  };
  for (size_t i = 0; i < sizeof same / sizeof *same; i++) {
    char *k = key_string(same[i], strlen(same[i]), NULL, NULL, NULL);
    assert_non_null(k);
    assert_string_equal(k, "so lao dong thuong binh va xa hoi");
    plan_free(k);
  }
  const char *mixed = "Đồng, Ủy ban\nnhân dân 2021";
  char *k = key_string(mixed, strlen(mixed), NULL, NULL, NULL);
  assert_string_equal(k, "dong uy ban nhan dan 2021");
  plan_free(k);
  plan_error e;
  assert_null(key_string("\xff", 1, NULL, NULL, &e));
  assert_status(e.status, PLAN_EUTF8);
}

/* ---- the corpus ---------------------------------------------------- */

static void test_corpus(void **state) {
  (void)state;
  for (size_t i = 0; i < CORPUS_COUNT; i++) {
    size_t len, n1, n2, nd;
    char *raw = read_corpus(corpus_files[i], &len);
    char *once = test_normalize_string(raw, len, NULL, &n1, NULL);
    assert_non_null(once);
    char *twice = test_normalize_string(once, n1, NULL, &n2, NULL);
    assert_non_null(twice);
    if (n1 != n2 || memcmp(once, twice, n1) != 0) fail_msg("%s: not idempotent", corpus_files[i]);
    /* its NFD copy gives the same bytes */
    char *nfd = nf(raw, true);
    char *from_nfd = test_normalize_string(nfd, strlen(nfd), NULL, &nd, NULL);
    assert_non_null(from_nfd);
    if (nd != n1 || memcmp(from_nfd, once, n1) != 0) fail_msg("%s: NFD copy differs", corpus_files[i]);
    /* modern style, expanded: idempotent too */
    char *m1 = norm_with(raw, len, PLAN_TONE_MODERN, PLAN_OPT_EXPAND_ABBREVIATIONS);
    char *m2 = norm_with(m1, strlen(m1), PLAN_TONE_MODERN, PLAN_OPT_EXPAND_ABBREVIATIONS);
    assert_string_equal(m1, m2);
    /* nothing but the markup is lost: every letter of the source survives */
    char *k_raw = key_string(raw, len, NULL, NULL, NULL), *k_norm = key_string(once, n1, NULL, NULL, NULL);
    assert_string_equal(k_raw, k_norm);
    plan_free(k_raw);
    plan_free(k_norm);
    free(m1);
    free(m2);
    free(raw);
    free(nfd);
    plan_free(once);
    plan_free(twice);
    plan_free(from_nfd);
  }
}

static void test_large_input(void **state) {
  (void)state;
  size_t len, n1;
  char *doc = read_corpus(corpus_files[0], &len);
  char *one = test_normalize_string(doc, len, NULL, &n1, NULL);
  size_t copies = (50u << 20) / (len + 2) + 1, total = copies * (len + 2);
  char *big = malloc(total);
  assert_non_null(big);
  for (size_t i = 0; i < copies; i++) {
    memcpy(big + i * (len + 2), doc, len);
    memcpy(big + i * (len + 2) + len, "\n\n", 2);
  }
  assert_true(total >= 50u << 20);
  plan_text *t;
  plan_error e;
  assert_status(plan_normalize(big, total, NULL, &t, &e), PLAN_OK);
  size_t n;
  const char *s = plan_text_data(t, &n);
  /* the copies, separated by one blank line */
  assert_int_equal(n, copies * (n1 + 1) - 1);
  for (size_t i = 0; i < copies; i += copies / 7 + 1)
    assert_memory_equal(s + i * (n1 + 1), one, n1);
  /* the last byte maps into the last copy */
  size_t io;
  assert_status(plan_text_source(t, n - 2, &io, NULL, NULL, NULL), PLAN_OK);
  assert_true(io >= (copies - 1) * (len + 2) && io < total);
  plan_text_free(t);
  plan_free(one);
  free(big);
  free(doc);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_tone_every_rule),
      cmocka_unit_test(test_tone_literals),
      cmocka_unit_test(test_tone_before_modifier),
      cmocka_unit_test(test_nfc),
      cmocka_unit_test(test_whitespace),
      cmocka_unit_test(test_dashes),
      cmocka_unit_test(test_markup),
      cmocka_unit_test(test_abbreviations),
      cmocka_unit_test(test_abbreviations_every_entry),
      cmocka_unit_test(test_lexicon_file),
      cmocka_unit_test(test_invalid_utf8),
      cmocka_unit_test(test_edges_and_options),
      cmocka_unit_test(test_offsets),
      cmocka_unit_test(test_key),
      cmocka_unit_test(test_corpus),
      cmocka_unit_test(test_large_input),
  };
  return cmocka_run_group_tests_name("normalize", tests, NULL, NULL);
}
