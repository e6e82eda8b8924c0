/* lines.c - physical lines to logical paragraphs.
 *
 * PDF and HTML copies wrap sentences, headings and dates over several lines
 * ("3. Sở Thông tin và Truyền" / "thông"; "ngày 07" / "tháng" / "01 năm
 * 2021"); page breaks split paragraphs with a blank line ("Phong" / "" /
 * "trào ...").  A line continues the paragraph before it unless something
 * says a new one starts: a blank line (unless the next line clearly goes on
 * with the sentence), a table cell or rule, a marker, a change between upper
 * and mixed case, the words that open a frame part ("Căn cứ", "Nơi nhận"),
 * or a sentence that ended at the line's end. */
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "segment.h"
#include "data/data.h"

/* Words that open a part of the frame; a line starting with one starts a
 * paragraph when the line before it ended a sentence or was upper case. */
static const char *const frame_openers[] = {
    "Căn cứ", "Thực hiện", "Xét đề nghị", "Theo đề nghị", "Kính gửi", "Nơi nhận",
    "Trên đây", "Số:", "V/v", "TM.", "KT.", "TL.", "TUQ.", "Q.", "ỦY BAN NHÂN DÂN",
    "CHỦ TỊCH ỦY BAN NHÂN DÂN", /* the enacting authority of a chair's decision */
    "(Kèm theo", "Ban hành kèm theo",
};

static bool starts_with(const char *s, size_t n, const char *w) {
  size_t wl = strlen(w);
  return n >= wl && memcmp(s, w, wl) == 0;
}

/* The frame's openers that begin a sentence of the preamble or the body,
 * not a part of the closing. */
static const char *const sentence_openers[] = {"Căn cứ", "Thực hiện", "Xét đề nghị", "Theo đề nghị",
                                               "Trên đây"};

static bool opens_sentence_part(const char *s, size_t n) {
  for (size_t i = 0; i < sizeof sentence_openers / sizeof *sentence_openers; i++)
    if (starts_with(s, n, sentence_openers[i])) return true;
  return false;
}

/* A line that is all of an opener of five words or more but its last
 * word or two: the wrap cut the opener itself ("**CHỦ TỊCH ỦY BAN NHÂN" /
 * "DÂN TỈNH VĨNH LONG**"). */
static bool cut_opener(const char *s, size_t n, const char *w) {
  size_t wl = strlen(w), words = 1;
  if (n >= wl || w[n] != ' ' || memcmp(s, w, n) != 0) return false;
  for (size_t i = 0; i < n; i++) words += s[i] == ' ';
  return words >= 5;
}

static bool opens_frame_part(const char *s, size_t n) {
  for (size_t i = 0; i < sizeof frame_openers / sizeof *frame_openers; i++)
    if (starts_with(s, n, frame_openers[i]) || cut_opener(s, n, frame_openers[i])) return true;
  return false;
}

/* Words a heading cannot end with: after them the next line, even in upper
 * case ("Sở Văn hóa, Thể thao và" / "Du lịch"), goes on with the name.  (An
 * agency name the lexicon knows across the break counts too.) */
static const char *const connectives[] = {
    "và", "của", "các", "với", "về", "cho", "tại", "trong", "hoặc", "những", "được",
    "là", "có", "theo", "đối", "thuộc", "Sở", "Ban", "Ủy", "Hội", "Đài", "Bộ", "-", ",",
    /* a title that the body it heads follows: "với Giám đốc" / "Sở ..." */
    "Giám đốc", "giám đốc", "Chủ tịch", "chủ tịch", "Thủ trưởng", "thủ trưởng",
    /* a body's head noun, its name to come: "tại Trung tâm" / "Phục vụ ..." */
    "Trung tâm", "Hội đồng", "Cục", "Chi cục", "Tổng cục", "Bộ phận", "Viện", "Quỹ", "Cổng",
    "Công ty", "Chi nhánh",
    /* a part cited by its number to come: "thứ 5 Phụ lục" / "IIb Danh mục ..." */
    "Phụ lục", "phụ lục", "mục", "phần", "chương",
};

/* Whether s[0, n) ends with one of the words of list, as a word; a
 * one-byte entry ("-", ",") may end a word too. */
static bool ends_with_word(const char *s, size_t n, const char *const *list, size_t count) {
  for (size_t i = 0; i < count; i++) {
    size_t wl = strlen(list[i]);
    if (n >= wl && memcmp(s + n - wl, list[i], wl) == 0 &&
        (n == wl || s[n - wl - 1] == ' ' || wl == 1))
      return true;
  }
  return false;
}

static bool ends_with_connective(const char *s, size_t n) {
  return ends_with_word(s, n, connectives, sizeof connectives / sizeof *connectives);
}

static bool ends_sentence(const char *s, size_t n) {
  if (n == 0) return false;
  char c = s[n - 1];
  return c == '.' || c == ';' || c == ':' || c == '!' || c == '?';
}

static bool has_letters(const char *s, size_t n) {
  for (size_t i = 0; i < n; i++)
    if ((unsigned char)s[i] >= 0x80 || ((s[i] | 0x20) >= 'a' && (s[i] | 0x20) <= 'z')) return true;
  return false;
}

/* Words an outline marker's number follows ("Điều" / "1. Phạm vi ...",
 * "**Chương" / "I**"); alone on a line, they wait for it. */
static const char *const marker_words[] = {"Điều", "ĐIỀU", "Chương", "CHƯƠNG", "Mục", "MỤC",
                                           "Phần", "PHẦN"};

/* The length of the word of marker_words that s[0, n) opens with, as a
 * word ("Điều", "Điều 4"); 0 when none. */
static size_t marker_word_length(const char *s, size_t n) {
  for (size_t i = 0; i < sizeof marker_words / sizeof *marker_words; i++) {
    size_t wl = strlen(marker_words[i]);
    if (n >= wl && memcmp(s, marker_words[i], wl) == 0 && (n == wl || s[wl] == ' ')) return wl;
  }
  return 0;
}

/* Words a number goes on from, in a sentence: "tháng" / "2. ..." is no item. */
static const char *const number_words[] = {"tháng", "số", "khoản", "điểm", "ngày", "năm",
                                           "Điều", "điều", "Chương", "Mục", "Phần"};

/* Words a Roman numeral goes on from, in a sentence: a level or a class
 * ("từ cấp I đến cấp" / "V. Ký hiệu ..."); an Arabic one after them may
 * open an item ("Nội dung phân cấp" / "1. Cấp Giấy ..."). */
static const char *const rank_words[] = {"cấp", "loại", "nhóm", "hạng", "Phụ lục", "phụ lục"};

static bool is_digit(char c) { return c >= '0' && c <= '9'; }

/* Whether s[0, n) holds two words at most: one space or none. */
static bool two_words_at_most(const char *s, size_t n) {
  const char *sp = memchr(s, ' ', n);
  return !sp || !memchr(sp + 1, ' ', (size_t)(s + n - sp - 1));
}

/* How many words of s[0, n) hold a letter (two at most are counted). */
static size_t lettered_words(const char *s, size_t n) {
  size_t words = 0;
  bool in_word = false, letter = false;
  for (size_t i = 0; i <= n && words < 2; i++) {
    if (i == n || s[i] == ' ') {
      words += in_word && letter;
      in_word = letter = false;
      continue;
    }
    in_word = true;
    unsigned char c = (unsigned char)s[i];
    letter |= (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c >= 0xC0;
  }
  return words;
}

/* Bytes a line of one word fits in: longer lines are not looked at for
 * being one. */
#define SHORT_LINE 32

/* Whether a paragraph is in upper case, read from its first bytes: a
 * heading is short, and reading the whole paragraph again for each of its
 * lines would cost its length squared. */
#define CASE_PREFIX 256

static bool upper_start(const char *para, size_t pn) {
  size_t n = pn < CASE_PREFIX ? pn : CASE_PREFIX;
  while (n < pn && ((unsigned char)para[n] & 0xC0) == 0x80) n++;
  return plan__is_upper_text(para, n);
}

/* Whether s[0, n) has a letter and none in lower case: "Ý", "UBND". */
static bool no_lower(const char *s, size_t n) {
  bool letter = false;
  for (size_t i = 0; i < n;) {
    int32_t c;
    ptrdiff_t k = plan__utf8_next(s + i, n - i, &c);
    if (k <= 0) return false;
    i += (size_t)k;
    utf8proc_category_t cat = utf8proc_category(c);
    if (cat == UTF8PROC_CATEGORY_LL) return false;
    letter |= cat == UTF8PROC_CATEGORY_LU;
  }
  return letter;
}

static size_t code_points(const char *s, size_t n) {
  size_t k = 0;
  for (size_t i = 0; i < n; i++) k += ((unsigned char)s[i] & 0xC0) != 0x80;
  return k;
}

/* "trả kết quả" / "TTHC và thực hiện ...": a line that opens with an
 * acronym (two capitals or more, then a word in lower case) goes on with
 * a sentence; a body's text under its heading opens with a verb. */
static bool opens_with_acronym(const char *s, size_t n) {
  const char *space = memchr(s, ' ', n);
  if (!space || space - s < 2) return false;
  size_t w = (size_t)(space - s);
  return no_lower(s, w) && code_points(s, w) >= 2 && plan__starts_lower(space + 1, n - w - 1);
}

/* A marker with nothing after it: "2.", "1.1.", "3)", "IV.", "a)", "Điều 2.",
 * "Chương I", or the word alone ("Điều").  A copy that wrapped the line
 * right after the number leaves these; the next line is the item's text,
 * whatever it opens with. */
static bool bare_marker(const char *s, size_t n) {
  if (n == 0) return false;
  size_t wl = marker_word_length(s, n);
  if (wl) {
    if (n == wl) return true;
    size_t k = wl + 1;
    while (k < n && (is_digit(s[k]) || s[k] == 'I' || s[k] == 'V' || s[k] == 'X')) k++;
    if (k < n && (s[k] == '.' || s[k] == ':')) k++;
    return k == n && k > wl + 1;
  }
  size_t i = 0;
  if (is_digit(s[0])) { /* 2.  1.1.  3)  but not 2021 or 15/11 */
    while (i < n && (is_digit(s[i]) || (s[i] == '.' && i + 1 < n && is_digit(s[i + 1])))) i++;
    return i + 1 == n && (s[i] == '.' || s[i] == ')') && i <= 8;
  }
  while (i < n && (s[i] == 'I' || s[i] == 'V' || s[i] == 'X')) i++;
  if (i > 0 && i + 1 == n && s[i] == '.') return true;
  return n == 2 && s[0] >= 'a' && s[0] <= 'z' && s[1] == ')';
}

/* "giai đoạn 2021" / "- 2025": a range's dash, not a bullet. */
static bool continues_range(const char *last, size_t ln, const char *s, size_t n) {
  return ln && is_digit(last[ln - 1]) && n > 2 && s[0] == '-' && s[1] == ' ' && is_digit(s[2]);
}

/* The parentheses left open after line [s, n), depth of them before it;
 * a closing one with none open ("a)") counts for nothing.  *opened: the
 * offset in the line of the parenthesis that opened from none, if one
 * did. */
static size_t count_parens(size_t depth, const char *s, size_t n, size_t *opened) {
  if (!depth && !memchr(s, '(', n)) return 0; /* most lines hold none */
  for (size_t k = 0; k < n; k++) {
    if (s[k] == '(' && depth++ == 0) *opened = k;
    else if (s[k] == ')' && depth > 0) depth--;
  }
  return depth;
}

/* The longest text an open parenthesis holds a paragraph together over:
 * an aside is a clause or two, and a form's blanks ("(ghi tên ..." never
 * closed) must not run on through the page. */
#define PAREN_SPAN_MAX 240

/* Whether s[0, n) leaves a parenthesis open. */
static bool paren_open(const char *s, size_t n) {
  const char *first = memchr(s, '(', n); /* most lines hold none */
  if (!first) return false;
  int depth = 0;
  for (size_t k = (size_t)(first - s); k < n; k++) {
    if (s[k] == '(') depth++;
    else if (s[k] == ')' && depth > 0) depth--;
  }
  return depth > 0;
}

/* Whether s[0, n) leaves a quotation open: an opening curly quote (“)
 * after the last closing one (”). */
static bool quote_open(const char *s, size_t n) {
  bool inside = false; /* “ is E2 80 9C, ” E2 80 9D: memchr finds the lead byte */
  for (const char *p = s, *end = s + n; (p = memchr(p, 0xE2, (size_t)(end - p))) != NULL; p++) {
    if (end - p < 3 || (unsigned char)p[1] != 0x80) continue;
    if ((unsigned char)p[2] == 0x9C) inside = true;
    else if ((unsigned char)p[2] == 0x9D) inside = false;
  }
  return inside;
}

/* "Thông tư số 29/2024/TT-BTC", "Nghị định 68/2024/NĐ-CP", "Quyết định để
 * triển khai ...": a line that opens with a kind of document
 * (data/reference_kinds.tsv) and goes on in lower case or with a number
 * cites it in running text, and starts no paragraph; "Quyết định này quy
 * định ..." opens a sentence of its own. */
static bool cites_document(const char *s, size_t n) {
  /* "Điều 4 của Quyết định này": an article cited, no article's marker
   * (which has its period: "Điều 4.") */
  static const char dieu[] = "Điều ";
  if (n > sizeof dieu && memcmp(s, dieu, sizeof dieu - 1) == 0 && is_digit(s[sizeof dieu - 1])) {
    size_t k = sizeof dieu - 1;
    while (k < n && is_digit(s[k])) k++;
    if (k == n || s[k] == ' ' || s[k] == ',' || s[k] == ';') return true;
  }
  for (size_t k = 0; k < plan__table_reference_kinds_count; k++) {
    const char *kind = plan__table_reference_kinds[k].second;
    size_t kl = strlen(kind);
    if (n > kl + 1 && memcmp(s, kind, kl) == 0 && s[kl] == ' ' &&
        (plan__starts_lower(s + kl + 1, n - kl - 1) || is_digit(s[kl + 1])))
      return !(n >= kl + 5 && memcmp(s + kl + 1, "này", 4) == 0 &&
               (n == kl + 5 || s[kl + 5] == ' '));
  }
  return false;
}

/* "tại khoản 1" / "Điều 4 Quyết định này", "theo" / "Chương IV Thông tư
 * 16/2025/TT-BXD", "mục I" / "Phần IV Phụ lục I": a part of a document
 * cited in running text, its number with no stop and then a word in lower
 * case, "Phụ lục" or a kind of document (data/reference_kinds.tsv).  An
 * article's own heading ("Điều 5. Tổ chức thực hiện") has its stop. */
static bool cites_part(const char *s, size_t n) {
  size_t wl = marker_word_length(s, n);
  if (!wl || n <= wl + 1) return false;
  size_t k = wl + 1, num = k;
  while (k < n && (is_digit(s[k]) || s[k] == 'I' || s[k] == 'V' || s[k] == 'X' ||
                   (k > num && s[k] >= 'a' && s[k] <= 'z'))) /* "18d" */
    k++;
  if (k == num || k + 1 >= n || s[k] != ' ') return false;
  const char *w = s + k + 1;
  size_t wn = n - k - 1;
  if (plan__starts_lower(w, wn) || starts_with(w, wn, "Phụ lục")) return true;
  for (size_t r = 0; r < plan__table_reference_kinds_count; r++) {
    const char *kind = plan__table_reference_kinds[r].second;
    size_t kl = strlen(kind);
    if (wn >= kl && memcmp(w, kind, kl) == 0 && (wn == kl || w[kl] == ' ')) return true; /* "Thông tư" / "16/2025/TT-BXD" */
  }
  return false;
}

/* Whether key ends with the words of w (a suffix at a word boundary). */
static bool ends_with_words(const char *key, const char *w, size_t wl) {
  size_t kl = strlen(key);
  return wl <= kl && memcmp(key + kl - wl, w, wl) == 0 && (wl == kl || key[kl - wl - 1] == ' ');
}

/* What holds for the whole document, read once before its lines. */
typedef struct habits {
  const plan_lexicon *lex;
  bool *oom;             /* set when a look-up could not allocate: the document's arena's */
  bool blank_paragraphs; /* a blank line between paragraphs: other breaks are wraps */
  size_t wrap_width;     /* the width its lines were hard-wrapped at, or 0 */
  size_t wrap_limit;     /* the longest of its lines near that width */
} habits;

/* "... kể từ ngày ký." / "Chánh Văn phòng ...", "... với đất:" / "Mẫu số
 * 15;": a line that a wrap at the document's width cut, not one a
 * paragraph ended: the next line's first word would not have fit on it.
 * Only a wrap at a fixed count of characters leaves that evidence; a
 * PDF's lines, wrapped by their drawn width, rarely come so close to the
 * longest, so the test seldom holds there and a sentence's end stays one.
 * A line as long as the longest may be a sentence that filled it.  The
 * caller asks only where the next line opens no emphasis: "đề xuất." /
 * "*II) Thẩm định ...*" starts a paragraph whatever the width says. */
static bool cut_by_wrap(const habits *hb, const char *last, size_t ln, const char *s, size_t n) {
  if (!hb->wrap_limit) return false;
  const char *space = memchr(s, ' ', n);
  size_t word = code_points(s, space ? (size_t)(space - s) : n);
  size_t w = code_points(last, ln);
  return w < hb->wrap_limit && w + 1 + word >= hb->wrap_limit;
}

/* Bytes at a paragraph's start that may hold its marker ("Điều 12.") */
#define MARKER_SCAN 12

/* "Chánh Văn phòng Ủy ban nhân dân tỉnh;" / "Giám đốc Sở ... ; Thủ trưởng
 * ...": a sentence that lists the bodies or office holders it goes on to
 * charge, cut inside its list.  Read from the words, where the width may
 * be gone (a copy wrapped twice leaves a cut line short): the clause the
 * paragraph ends with (after its last stop, semicolon or colon, or after
 * its marker) names bodies alone, no duty verb ("Các cơ quan gửi báo
 * cáo;" ended a sentence), and stops at a semicolon, and the next line
 * opens with another. */
static bool lists_bodies(habits *hb, const char *para, size_t pn, bool item, const char *s, size_t n) {
  if (pn < 2 || para[pn - 1] != ';') return false;
  size_t c = pn - 1;
  while (c > 0 && !((para[c - 1] == ';' || para[c - 1] == '.' || para[c - 1] == ':') &&
                    c < pn - 1 && para[c] == ' '))
    c--;
  if (c == 0 && item) { /* "Điều 4. Chánh ...", "2. Giám đốc ...": past the marker */
    const char *sp = memchr(para, ' ', pn < MARKER_SCAN ? pn : MARKER_SCAN);
    while (sp && sp > para && sp[-1] != '.' && sp[-1] != ')')
      sp = memchr(sp + 1, ' ', (size_t)(para + (pn < MARKER_SCAN ? pn : MARKER_SCAN) - sp - 1));
    if (!sp) return false;
    c = (size_t)(sp - para);
  }
  while (c < pn && para[c] == ' ') c++;
  return plan__opens_with_body(hb->lex, para + c, pn - 1 - c, true, hb->oom) &&
         plan__opens_with_body(hb->lex, s, n, false, hb->oom);
}

/* "tỉnh Ninh" / "Bình ban hành": a province's name (data/provinces.tsv)
 * that the wrap cut in two goes on.  Folded, so tone placement and case
 * do not matter; looked at only where a line would end a heading. */
static bool place_spans(habits *hb, const char *last, size_t ln, const char *s, size_t n) {
  const char *const *places = plan__lexicon_keys(hb->lex, PLAN_TABLE_PROVINCES);
  size_t lb = ln > 32 ? ln - 32 : 0;
  while (lb > 0 && ((unsigned char)last[lb] & 0xC0) == 0x80) lb--;
  size_t he = n < 32 ? n : 32;
  while (he < n && ((unsigned char)s[he] & 0xC0) == 0x80) he++;
  char tail[256], head[256]; /* 32 bytes and a character each way */
  plan__fold_fixed(tail, sizeof tail, last + lb, ln - lb);
  plan__fold_fixed(head, sizeof head, s, he);
  bool spans = false;
  for (size_t k = 0; k < plan__table_provinces_count && !spans; k++) {
    const char *key = places[k];
    /* each cut of the name between two of its words */
    for (const char *sp = strchr(key, ' '); sp && !spans; sp = strchr(sp + 1, ' ')) {
      size_t al = (size_t)(sp - key), bl = strlen(sp + 1);
      spans = ends_with_words(tail, key, al) && strncmp(head, sp + 1, bl) == 0 &&
              (head[bl] == '\0' || head[bl] == ' ');
    }
  }
  return spans;
}

/* The longest line after a colon that, when the next line goes on in lower
 * case, is what a second wrap left of a line ("Tăng cường"). */
#define FRAGMENT_MAX 16

/* The shortest line after which a dash and a lower-case word go on with
 * it: "1. Sở Y tế" / "- chủ trì ..." is an item over its duties. */
#define DASH_WRAP_MIN 60

/* The shortest line that, as long as the item's line before it, was cut
 * rather than ended (a heading wrapped short is two short lines). */
#define FULL_LINE_MIN 40

/* Does line [s, n) continue the paragraph so far (pn bytes, whose last
 * physical line is [last, ln), the one before it `before` bytes, 0 when
 * none)?  item: the paragraph opens with a number, letter or article
 * marker; opens_emphasis: a bold or italic span starts with the line. */
static bool continues(habits *hb, size_t pn, const char *last, size_t ln, size_t before,
                      const char *s, size_t n, plan_marker marker, bool blank,
                      bool cell_break, bool heading, bool item, bool bold_marker,
                      bool bold_closed, bool fragment, bool in_italic, bool paren_left_open,
                      bool opens_emphasis) {
  const plan_lexicon *lex = hb->lex;
  if (cell_break || heading) return false;
  /* "2." / "Văn phòng ...", "Điều" / "1. Phạm vi ...": the item's text, or
   * its number; across a blank line only text with no marker of its own */
  const char *para = last - (pn - ln); /* "Chương" / "V": the marker may span lines */
  if (bare_marker(para, pn) &&
      (!blank || (marker == PLAN_MARKER_NONE && !bare_marker(s, n)) ||
       ends_with_word(para, pn, marker_words, sizeof marker_words / sizeof *marker_words)))
    return true;
  /* "(lần" / "2) đến", "(Mã TTHC:" / "2.002740)", "(Căn cứ" / "Điều 33
   * ...": a parenthesis the line left open goes on, whatever opens the
   * next line */
  if (!blank && paren_open(last, ln)) return true;
  /* "hồ sơ (Thời gian ... là 15 ngày" / "kể từ ngày ra thông báo." /
   * "Quá thời hạn ...)": and so does text with no marker of its own while
   * an earlier line's parenthesis is open (a marker still starts its item,
   * should the parenthesis never close) */
  if (!blank && marker == PLAN_MARKER_NONE && paren_left_open && !opens_frame_part(s, n)) return true;
  /* "tại khoản 3" / "Điều" / "này.", "khoản 1" / "Điều 4" / "Quyết định
   * này": where paragraphs have blank lines between them, an article's
   * word alone, or with its number, after none goes on with the sentence
   * (an article's own "**Điều" / "2. ..." follows a blank line) */
  if (bare_marker(s, n))
    return !blank && (ends_with_word(last, ln, number_words, sizeof number_words / sizeof *number_words) ||
                      (hb->blank_paragraphs && !ends_sentence(last, ln) && marker_word_length(s, n)));
  if (!blank && continues_range(last, ln, s, n)) return true;
  if (!blank && (marker == PLAN_MARKER_ARABIC || marker == PLAN_MARKER_DOTTED || marker == PLAN_MARKER_ROMAN) &&
      ends_with_word(last, ln, number_words, sizeof number_words / sizeof *number_words))
    return true; /* "ngày 15 tháng" / "2. năm 2025" */
  if (!blank && marker == PLAN_MARKER_ROMAN &&
      ends_with_word(last, ln, rank_words, sizeof rank_words / sizeof *rank_words))
    return true;
  bool marked = marker != PLAN_MARKER_NONE;
  bool bullet = marker == PLAN_MARKER_BULLET;
  if (blank) {
    /* A page break inside a sentence: the next line goes on in lower case,
     * or the line before stopped at a comma. */
    if (marked) return false;
    return plan__starts_lower(s, n) || (ln && last[ln - 1] == ',');
  }
  if (bullet) { /* "Sở Lao động" / "- Thương binh": the name goes on */
    if (ends_sentence(last, ln)) return false;
    if (fragment) return true;
    /* "là: “Kỷ cương - Sáng tạo" / "- Đột phá ...”": a quotation the line
     * opened goes on */
    if (quote_open(last, ln)) return true;
    /* "di tích lịch sử" / "- văn hóa": after a long line (for the
     * document's wrap width, when it has one), or where paragraphs have
     * blank lines between them inside a sentence that is no bullet's, a
     * dash that follows no blank line before a word in lower case joins
     * two words (a lead-in to a list ends with a colon, a bullet with a
     * stop) */
    bool bullet_para = para[0] == '-' || para[0] == '+';
    size_t width = code_points(last, ln);
    bool long_line = width >= DASH_WRAP_MIN || (hb->wrap_width && width * 20 >= hb->wrap_width * 17);
    if ((long_line || (hb->blank_paragraphs && !bullet_para)) && n > 2 &&
        plan__starts_lower(s + 2, n - 2))
      return true;
    size_t tail = ln > 48 ? ln - 48 : 0; /* a name's first half is short */
    while (tail > 0 && ((unsigned char)last[tail] & 0xC0) == 0x80) tail--;
    return plan__joins_hyphenated(lex, last + tail, ln - tail, s, n < 64 ? n : 64);
  }
  /* a part of a document cited across the break of a mixed-case sentence */
  if (marked && !ends_sentence(last, ln) && !plan__is_upper_text(last, ln) && cites_part(s, n)) return true;
  if (marked) return false;
  if (pn == 1 && (last[0] == '-' || last[0] == '+')) return true; /* a lone bullet, then its text */
  /* "*Căn cứ ... hành chính;" / "Nghị định số 92/2017/NĐ-CP ...*": an
   * italic span that an earlier line opened and a later one closes holds
   * one paragraph (the normalizer closes a span at a blank line) */
  if (in_italic) return true;
  /* "nói riêng." / "Trong" / "đó chú trọng ...": a word alone that the next
   * line goes on from in lower case is what a second wrap left of a line,
   * no paragraph's start */
  if (fragment && !plan__is_upper_text(last, ln) && !opens_frame_part(s, n)) return true;
  /* "... THỦY LỢI;" / "QUYẾT ĐỊNH XỬ LÝ ...": an upper-case title listing
   * its subjects goes on after a semicolon or comma, a kind of document
   * its word */
  bool listing = ln && (last[ln - 1] == ';' || last[ln - 1] == ',');
  if ((plan__doc_type_of(lex, s, n) && !listing) || (pn == ln && plan__doc_type_of(lex, last, ln)))
    return false;
  if (plan__starts_lower(s, n)) return true;
  if (s[0] >= '0' && s[0] <= '9') return true; /* "2021." ending a date, "1472/QĐ-TTg ngày" */
  /* "của “Phần VI." / "TRÌNH TỰ, THỦ TỤC ...”": a quotation the line
   * opened goes on, whatever its case or the stop inside it */
  if (quote_open(last, ln)) return true;
  /* a line too short to have a case ("LẤY" / "Ý" / "KIẾN ...") has its
   * paragraph's */
  bool prev_upper = plan__is_upper_text(last, ln) ||
                    (pn > ln && ln < SHORT_LINE && lettered_words(last, ln) < 2 && upper_start(para, pn));
  /* and so has a capital alone ("Ý"): it goes with an upper-case line */
  bool upper = plan__is_upper_text(s, n) ||
               (prev_upper && n < SHORT_LINE && lettered_words(s, n) < 2 && no_lower(s, n));
  /* where paragraphs have blank lines between them, a sentence that opens
   * like the preamble ("Căn cứ kế hoạch ...") after a full stop and no
   * blank line is a wrap (the preamble's grounds end with ";"); the
   * closing's parts ("Nơi nhận", "KT.") still start their own */
  if (opens_frame_part(s, n) && (ends_sentence(last, ln) || prev_upper) &&
      !(hb->blank_paragraphs && !prev_upper && last[ln - 1] == '.' && opens_sentence_part(s, n)))
    return false;
  /* a switch between upper and mixed case ends a paragraph ("ỦY BAN NHÂN
   * DÂN TỈNH" / "Số: ..."), but an acronym alone is no upper-case line
   * ("(Mã" / "TTHC: 1.014464)") */
  /* "do Chủ tịch" / "UBND" / "Thành phố quyết định": an acronym alone that
   * a wrap left on a line of a mixed-case sentence is no upper-case line */
  bool acronym_line = prev_upper && !upper && pn > ln + 1 && ln < SHORT_LINE &&
                      lettered_words(last, ln) < 2 && !upper_start(para, pn - ln - 1);
  /* where paragraphs have blank lines between them, upper case inside a
   * mixed-case sentence is a quotation ("tại “PHẦN C. TRÌNH TỰ ... GẮN
   * LIỀN" / "VỚI ĐẤT” thuộc ..."): the sentence goes on unless it ended */
  bool quoted = prev_upper != upper && hb->blank_paragraphs && !ends_sentence(last, ln) &&
                (upper ? !prev_upper : !upper_start(para, pn));
  /* "dịch vụ của" / "**THƯ VIỆN PHÁP LUẬT**.": nor a name in capitals that
   * a mixed-case sentence left unfinished at a connective goes on with */
  bool unfinished = upper && !prev_upper && ends_with_connective(last, ln);
  if (has_letters(last, ln) && has_letters(s, n) && prev_upper != upper && !acronym_line && !quoted &&
      !unfinished &&
      (upper ? lettered_words(s, n) : lettered_words(para, pn)) >= 2)
    return false;
  /* "**Điều 3. Hiệu lực và trách nhiệm thi hành**" / "Quyết định này ...":
   * the bold that opened the item closed at the line's end, so the heading
   * ended there */
  if (item && bold_closed && plan__starts_upper(s, n)) return false;
  /* Where the document puts a blank line between its paragraphs, a line
   * break without one is a wrap, even after a full stop or a short
   * numbered heading. */
  if (hb->blank_paragraphs) return true;
  /* "Giám đốc:" / "Trung tâm Phục vụ ...", "Giám đốc các Sở:" / "Nông
   * nghiệp ...": a colon after a title or a head noun opens the names it
   * heads, in the sentence (a list of its own has markers) */
  if (last[ln - 1] == ':' && ends_with_connective(last, ln - 1)) return true;
  /* "Chánh Văn phòng Ủy ban nhân dân tỉnh;" / "Giám đốc Sở ...": a line as
   * long as the document's wrapped lines that stops at a semicolon was cut
   * inside its list, where a paragraph's own end would have a marker or
   * open a part of the frame on the next line */
  bool wrapped = hb->wrap_width && code_points(last, ln) * 20 >= hb->wrap_width * 17;
  if ((wrapped && last[ln - 1] == ';') || ((last[ln - 1] == '.' || last[ln - 1] == ':') && !opens_emphasis && cut_by_wrap(hb, last, ln, s, n)) ||
      lists_bodies(hb, para, pn, item, s, n)) {
    if (!prev_upper && !upper && plan__starts_upper(s, n) && !opens_frame_part(s, n)) return true;
  }
  if (ends_sentence(last, ln) && plan__starts_upper(s, n) && !(listing && prev_upper && upper)) return false;
  /* "8. Ban Dân tộc tỉnh" / "Chủ trì thống kê, ...": a short numbered
   * heading, then its body in a new sentence; not when the bold stopped
   * at the marker ("**Điều 1.** Ban hành ..."): the text is no heading. */
  /* a line as long as the document's wrapped lines was cut by the wrap,
   * not ended by a heading */
  bool full = wrapped;
  /* or, where no width is known, a line as long as the item's line before
   * it: a heading that ran over a line is not cut again the same length */
  full |= before && code_points(last, ln) >= FULL_LINE_MIN &&
          code_points(last, ln) * 20 >= code_points(last - 1 - before, before) * 17;
  if (item && !bold_marker && !full && pn <= 200 && !prev_upper && plan__starts_upper(s, n) &&
      !cites_document(s, n) && !opens_with_acronym(s, n) && !place_spans(hb, last, ln, s, n) && !paren_open(last, ln) &&
      !ends_with_connective(last, ln) && !plan__alias_spans(lex, para, pn, s, n, hb->oom))
    return false;
  return true;
}

typedef struct builder {
  plan_outline *doc;
  plan_vec paras; /* of plan_para */
  plan_buf text;  /* the paragraph being built */
  plan_vec segs;  /* of plan_seg */
  plan_para cur;
  bool open;
  bool item; /* the paragraph opens with a non-bullet marker */
  bool bold_marker; /* its bold span covers the marker alone */
  size_t bold_end;  /* where the bold span it opens with ends (0: none) */
  size_t last; /* offset in text of the last physical line */
  size_t before_last; /* and of the one before it (last when none) */
  size_t parens; /* parentheses the paragraph opened and has not closed */
  size_t paren_at; /* offset in text of the outermost one */
} builder;

/* Bytes of an item's opening that hold its marker. */
#define MARKER_MAX 16

/* "... chữa cháy rừng. đ) Lực lượng Quân đội ...": where a copy ran the
 * next item of the list into a line, after a full stop, the item after the
 * one the line or its paragraph opens with (the document's own sequence
 * says so) starts there; [next, next_len) is the start of the line after,
 * for a marker that a wrap left at the line's end.  The offset in line
 * [s, n) where it starts, or 0.
 * An enumeration inside a sentence ("gồm: a) ...; b) ...") follows no
 * item of its own and stays. */
static size_t next_item_inside(const builder *b, const char *s, size_t n, const char *next,
                               size_t next_len) {
  if (n < 6) return 0; /* "x. a) B" at the least */
  plan_marker m = PLAN_MARKER_NONE;
  plan__scan_marker(s, n, &m);
  const char *item = s;
  size_t in = n;
  if (m != PLAN_MARKER_LETTER && m != PLAN_MARKER_ARABIC) {
    if (!b->open || m != PLAN_MARKER_NONE) return 0;
    item = b->text.data; /* "d)" alone on its line opens it too */
    in = b->text.len;
  }
  if (in > MARKER_MAX) in = MARKER_MAX;
  plan__scan_marker(item, in, &m);
  if (m != PLAN_MARKER_LETTER && m != PLAN_MARKER_ARABIC) return 0;
  for (const char *p = memchr(s + 1, '.', n - 1); p && p + 2 < s + n;
       p = memchr(p + 1, '.', (size_t)(s + n - p - 1))) {
    const char *q = p + 2;
    size_t qn = (size_t)(s + n - q), body = 0;
    if (p[1] != ' ' || p[-1] == ' ' || p[-1] == '.') continue;
    while (body < qn && body < 4 && q[body] != ')') body++;
    if (body == qn || q[body] != ')') continue;
    /* its text on the line, or on the next when the marker ends the line
     * ("người qua đời. b)" / "Ủy ban nhân dân ...") */
    bool text_here = body + 2 < qn && q[body + 1] == ' ';
    if (!(text_here ? plan__starts_upper(q + body + 2, qn - body - 2)
                    : body + 1 == qn && plan__starts_upper(next, next_len)))
      continue;
    if (plan__marker_follows(item, in, q, qn < MARKER_MAX ? qn : MARKER_MAX))
      return (size_t)(q - s);
  }
  return 0;
}

static plan_status finish(builder *b) {
  if (!b->open) return PLAN_OK;
  plan_para *p = plan__vec_push(&b->paras);
  if (!p) return PLAN_ENOMEM;
  *p = b->cur;
  if (b->text.oom) return PLAN_ENOMEM;
  p->text = plan__arena_strndup(&b->doc->arena, b->text.data ? b->text.data : "", b->text.len);
  p->len = b->text.len;
  if (!p->text) return PLAN_ENOMEM;
  char key[4 * PLAN_PARA_KEY_BYTES]; /* the key of 64 bytes is no longer */
  plan__fold_fixed(key, sizeof key, p->text ? p->text : "",
                   p->len < PLAN_PARA_KEY_BYTES ? p->len : PLAN_PARA_KEY_BYTES);
  p->key = plan__arena_strndup(&b->doc->arena, key, strlen(key)); /* the document frees it */
  if (!p->key) return PLAN_ENOMEM;
  p->segs = plan__arena_alloc(&b->doc->arena, b->segs.len * sizeof(plan_seg));
  if (!p->text || !p->segs) return PLAN_ENOMEM;
  memcpy(p->segs, b->segs.data, b->segs.len * sizeof(plan_seg));
  p->nsegs = b->segs.len;
  b->text.len = 0;
  b->segs.len = 0;
  b->open = false;
  return PLAN_OK;
}

static plan_status add_seg(builder *b, size_t norm_off) {
  plan_seg *g = plan__vec_push(&b->segs);
  if (!g) return PLAN_ENOMEM;
  g->para_off = b->text.len;
  g->norm_off = norm_off;
  return PLAN_OK;
}

/* Lines a document needs, the longest width, and the share of lines near
 * it, for its lines to count as hard-wrapped at a width. */
#define WRAP_MIN_LINES 20
#define WRAP_MAX_WIDTH 120
#define WRAP_LONGEST 400

/* The width a document's lines were hard-wrapped at (by a PDF or a web
 * copy): the length three lines in four stay within, when at least half
 * the lines come close to it; 0 when the lines are not wrapped so (a
 * paragraph per line).  *limit gets the longest line near that width.
 * One pass, a fixed histogram. */
static size_t hard_wrap_width(const char *t, size_t len, size_t *limit) {
  size_t hist[WRAP_LONGEST + 1] = {0}, lines = 0;
  for (size_t ls = 0; ls < len;) {
    const char *nl = memchr(t + ls, '\n', len - ls);
    size_t le = nl ? (size_t)(nl - t) : len;
    size_t w = code_points(t + ls, le - ls);
    if (w >= 20) {
      hist[w < WRAP_LONGEST ? w : WRAP_LONGEST]++;
      lines++;
    }
    ls = le + 1;
  }
  if (lines < WRAP_MIN_LINES) return 0;
  size_t p75 = 0, seen = 0;
  while (p75 < WRAP_LONGEST && (seen + hist[p75]) * 4 < lines * 3) seen += hist[p75++];
  if (p75 > WRAP_MAX_WIDTH) return 0;
  size_t near = 0, longest = 0;
  for (size_t w = p75 * 4 / 5; w <= p75 + 5 && w <= WRAP_LONGEST; w++) {
    near += hist[w];
    if (hist[w]) longest = w;
  }
  if (near * 2 < lines) return 0;
  *limit = longest;
  return p75;
}

/* Lines opening with a marker a document needs before its habit counts. */
#define BLANK_PARAGRAPHS_MIN_ITEMS 5

/* Whether the document separates its paragraphs with blank lines: nearly
 * every line that opens with a marker (17 in 20) has one before it.  Then
 * a line break with none is a wrap, whatever the line ends with.  A bullet
 * right after a bullet does not count (a tight list, such as the
 * receivers, says nothing of the paragraphs: a bullet starts its own
 * anyway), nor the number a wrap put on the line after its word ("**Điều"
 * / "2. ..."). */
static bool separates_with_blank_lines(const char *t, size_t len) {
  size_t items = 0, after_blank = 0;
  bool blank = true, marker_word = false, bullet = false;
  for (size_t ls = 0; ls < len;) {
    const char *nl = memchr(t + ls, '\n', len - ls);
    size_t le = nl ? (size_t)(nl - t) : len;
    plan_marker m = PLAN_MARKER_NONE;
    if (le > ls && !marker_word && plan__scan_marker(t + ls, le - ls, &m) &&
        m != PLAN_MARKER_NONE && !(m == PLAN_MARKER_BULLET && bullet && !blank)) {
      items++;
      after_blank += blank;
    }
    if (le > ls) bullet = m == PLAN_MARKER_BULLET;
    blank = le == ls;
    /* the words end in u, g, c or n: most lines are out at their last byte */
    marker_word = le > ls && strchr("uUgGcCnN", t[le - 1]) &&
                  ends_with_word(t + ls, le - ls, marker_words, sizeof marker_words / sizeof *marker_words);
    ls = le + 1;
  }
  return items >= BLANK_PARAGRAPHS_MIN_ITEMS && after_blank * 20 >= items * 17;
}

/* Bytes of the line after the one ending at le (its newline nl, or NULL
 * at the text's end) that are read for its first letter. */
static size_t next_line_head(size_t len, size_t le, const char *nl) {
  if (!nl) return 0;
  return len - (le + 1) < 8 ? len - (le + 1) : 8;
}

plan_status plan__lines(plan_outline *doc) {
  size_t len;
  const char *t = plan_text_data(doc->text, &len);
  habits hb = {doc->lex, &doc->arena.oom, separates_with_blank_lines(t, len), 0, 0};
  hb.wrap_width = hard_wrap_width(t, len, &hb.wrap_limit);
  if (hb.wrap_width)
    plan__diag(doc, PLAN_DIAG_HEURISTIC, 0,
               "lines are hard-wrapped at about %zu characters (the longest %zu): a line near that "
               "long that stops at a semicolon, or at a full stop or colon where the next line's first word "
               "would not have fit, is read as cut by the wrap",
               hb.wrap_width, hb.wrap_limit);
  if (hb.blank_paragraphs)
    plan__diag(doc, PLAN_DIAG_HEURISTIC, 0,
               "paragraphs are separated by blank lines: a line break without one is read as a wrap");
  size_t nh = plan_text_hint_count(doc->text), h = 0;
  size_t italic_end = 0; /* the furthest end of an italic span opened so far */
  builder b;
  memset(&b, 0, sizeof b);
  b.doc = doc;
  plan__vec_init(&b.paras, sizeof(plan_para));
  plan__vec_init(&b.segs, sizeof(plan_seg));
  plan_status st = PLAN_OK;
  bool blank = false;
  for (size_t ls = 0; ls < len && st == PLAN_OK;) {
    if (b.text.oom) { /* the paragraph being joined lost its bytes */
      st = PLAN_ENOMEM;
      break;
    }
    const char *nl = memchr(t + ls, '\n', len - ls);
    size_t le = nl ? (size_t)(nl - t) : len;
    size_t split = next_item_inside(&b, t + ls, le - ls, nl ? nl + 1 : t + le, next_line_head(len, le, nl));
    if (split) { /* the line ends before the next item; that item, next */
      le = ls + split - 1;
      nl = t + le;
    }
    if (le == ls) { /* a blank line: a paragraph break, maybe a cell break */
      blank = true;
      ls = le + 1;
      continue;
    }
    bool cell = false, heading_hint = false, bold = false, italic = false;
    size_t bold_end = ls;
    int level = 0;
    while (h < nh && plan_text_hint(doc->text, h)->start < ls) {
      const plan_hint *x = plan_text_hint(doc->text, h);
      if ((x->kind == PLAN_HINT_TABLE_CELL || x->kind == PLAN_HINT_RULE) && x->start + 1 == ls)
        cell = true;
      if (x->kind == PLAN_HINT_ITALIC && x->end > italic_end) italic_end = x->end;
      h++;
    }
    for (size_t k = h; k < nh && plan_text_hint(doc->text, k)->start == ls; k++) {
      const plan_hint *x = plan_text_hint(doc->text, k);
      if (x->kind == PLAN_HINT_HEADING) { heading_hint = true; level = x->level; }
      if (x->kind == PLAN_HINT_BOLD) { bold = true; bold_end = x->end; }
      if (x->kind == PLAN_HINT_ITALIC) italic = true;
    }
    const char *s = t + ls;
    size_t n = le - ls;
    plan_marker m = PLAN_MARKER_NONE;
    plan__scan_marker(s, n, &m);
    /* a word alone, or two short ones ("(nếu cần thiết)." / "Dự thảo" /
     * "văn bản ..."), or after a colon a few words ("có liên quan:" /
     * "Tăng cường" / "giám sát ..."), then a line that goes on in lower
     * case; a dash before the word alone ("mục B" / "- Danh" / "mục TTHC
     * ...") is a hyphen a second wrap left at a line's start, no bullet's:
     * a bullet's first line is not one word */
    bool fragment = false;
    size_t nn = next_line_head(len, le, nl);
    if (nn > 0 && nl[1] != '\n' && (m == PLAN_MARKER_NONE || (m == PLAN_MARKER_BULLET && s[0] == '-')) &&
        !ends_sentence(s, n) && plan__starts_lower(nl + 1, nn))
      fragment = ((n < SHORT_LINE && lettered_words(s, n) == 1) ||
                  (n <= 4 * FRAGMENT_MAX && two_words_at_most(s, n) && code_points(s, n) <= FRAGMENT_MAX) ||
                  (m == PLAN_MARKER_NONE && b.open && b.text.len && b.text.data[b.text.len - 1] == ':' &&
                   code_points(s, n) <= FRAGMENT_MAX)) &&
                 !bare_marker(s, n);
    size_t before = b.last > b.before_last ? b.last - b.before_last - 1 : 0; /* its bytes, its space */
    if (b.open && continues(&hb, b.text.len, b.text.data + b.last, b.text.len - b.last, before, s, n,
                            m, blank, cell, heading_hint, b.item, b.bold_marker,
                            b.bold_end && b.bold_end <= b.cur.norm_end &&
                                b.bold_end + 1 >= b.cur.norm_end && !bold,
                            fragment, italic_end > ls,
                            b.parens > 0 && b.text.len - b.paren_at <= PAREN_SPAN_MAX,
                            bold || italic)) {
      plan__buf_putc(&b.text, ' ');
      b.before_last = b.last;
      b.last = b.text.len;
      st = add_seg(&b, ls);
      plan__buf_put(&b.text, s, n);
      size_t opened = SIZE_MAX;
      b.parens = count_parens(b.parens, s, n, &opened);
      if (opened != SIZE_MAX) b.paren_at = b.last + opened;
      b.cur.norm_end = le;
    } else {
      st = finish(&b);
      memset(&b.cur, 0, sizeof b.cur);
      b.cur.norm_start = ls;
      b.cur.norm_end = le;
      b.cur.heading = level;
      b.cur.bold = bold;
      b.cur.after_break = blank || cell;
      b.open = true;
      b.last = b.before_last = 0;
      /* a marker alone on its line ("Điều 1.") is followed by text wrapped
       * anywhere, not by a short heading that ends at the line */
      b.item = m != PLAN_MARKER_NONE && m != PLAN_MARKER_BULLET && !bare_marker(s, n);
      size_t be = bold_end < le ? bold_end : le;
      while (be > ls && t[be - 1] == ' ') be--;
      b.bold_marker = bold && be < le && bare_marker(s, be - ls);
      b.bold_end = bold ? bold_end : 0;
      if (st == PLAN_OK) st = add_seg(&b, ls);
      plan__buf_put(&b.text, s, n);
      size_t opened = 0;
      b.parens = count_parens(0, s, n, &opened);
      b.paren_at = opened;
    }
    blank = false;
    ls = le + 1;
  }
  if (st == PLAN_OK) st = finish(&b);
  if (st == PLAN_OK && (b.text.oom || b.paras.oom || b.segs.oom)) st = PLAN_ENOMEM;
  if (st == PLAN_OK) {
    doc->npara = b.paras.len;
    doc->paras = plan__arena_alloc(&doc->arena, (b.paras.len + 1) * sizeof(plan_para));
    if (!doc->paras) st = PLAN_ENOMEM;
    else if (b.paras.len) memcpy(doc->paras, b.paras.data, b.paras.len * sizeof(plan_para));
  }
  plan__vec_free(&b.paras);
  plan__vec_free(&b.segs);
  plan__buf_free(&b.text);
  return st;
}

bool plan__para_starts(const plan_para *p, const char *prefix) {
  size_t pl = strlen(prefix);
  return strncmp(p->key, prefix, pl) == 0 && (p->key[pl] == '\0' || p->key[pl] == ' ');
}

size_t plan__para_norm(const plan_para *p, size_t off) {
  size_t lo = 0, hi = p->nsegs;
  while (lo + 1 < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (p->segs[mid].para_off <= off) lo = mid; else hi = mid;
  }
  if (p->nsegs == 0) return p->norm_start;
  size_t d = off - p->segs[lo].para_off;
  return p->segs[lo].norm_off + d;
}
