/* blocks.c - the marker that opens a paragraph: I., 1., 1.1., a), -, Điều 1.
 * A scanner rather than a pattern: the rules are about what follows the
 * number ("2021." ending a date is not an item; "Điều 2 Nghị quyết" is not an
 * article), which reads plainer as code. */
#include <string.h>

#include "segment.h"

/* The Vietnamese alphabet order of lettered items: a b c d đ e g h i k l m n
 * o p q r s t u v x y.  Letters only the Latin alphabet has are f j w z. */
static const char *const vietnamese_letters[] = {
    "a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l", "m",
    "n", "o", "p", "q", "r", "s", "t", "u", "v", "x", "y"};

typedef struct marker_info {
  plan_marker kind;
  size_t label_len;   /* bytes of the label in the text */
  size_t label_off;
  size_t body;        /* offset of the text after the marker */
  int number;
  bool latin_only;
} marker_info;

static bool is_digit(char c) { return c >= '0' && c <= '9'; }

/* After the marker: a space, or the end of the paragraph. */
static bool ends_marker(const char *s, size_t n, size_t i) { return i == n || s[i] == ' '; }

static size_t skip_spaces(const char *s, size_t n, size_t i) {
  while (i < n && s[i] == ' ') i++;
  return i;
}

/* A Roman numeral I..XXXIX in canonical form; its value, or 0. */
static int roman_value(const char *s, size_t n) {
  static const char *const units[] = {"", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"};
  static const char *const tens[] = {"", "X", "XX", "XXX"};
  for (int t = 3; t >= 0; t--) {
    size_t tl = strlen(tens[t]);
    if (tl > n || memcmp(s, tens[t], tl) != 0) continue;
    for (int u = 9; u >= 0; u--)
      if (strlen(units[u]) == n - tl && memcmp(s + tl, units[u], n - tl) == 0 && t * 10 + u > 0)
        return t * 10 + u;
  }
  return 0;
}

/* "Điều 1.", "Chương II", "Phần I", "Mục 2": word, number, then '.', ':' or
 * the end.  The word may be upper case ("CHƯƠNG I"). */
static bool scan_titled(const char *s, size_t n, const char *word, const char *upper,
                        plan_marker kind, bool need_punct, marker_info *m) {
  size_t wl = strlen(word);
  if (n <= wl + 1 || (memcmp(s, word, wl) != 0 && memcmp(s, upper, wl) != 0) || s[wl] != ' ')
    return false;
  size_t i = wl + 1, d = i;
  int value = 0;
  while (i < n && is_digit(s[i]) && i - d < 3) value = value * 10 + (s[i++] - '0');
  if (i == d) {
    while (i < n && (s[i] == 'I' || s[i] == 'V' || s[i] == 'X')) i++;
    value = roman_value(s + d, i - d);
  }
  if (value == 0) return false;
  size_t end = i;
  if (i < n && (s[i] == '.' || s[i] == ':')) i++;
  else if (need_punct) return false;
  if (!ends_marker(s, n, i)) return false;
  m->kind = kind;
  m->label_off = 0;
  m->label_len = end;
  m->number = value;
  m->body = skip_spaces(s, n, i);
  return true;
}

static bool scan(const char *s, size_t n, marker_info *m) {
  memset(m, 0, sizeof *m);
  if (n == 0) return false;
  unsigned char c0 = (unsigned char)s[0];
  if ((c0 == 0xC4 || c0 == 'C' || c0 == 'P' || c0 == 'M') && /* Đ, Chương, Phần, Mục */
      (scan_titled(s, n, "Điều", "ĐIỀU", PLAN_MARKER_ARTICLE, true, m) ||
      scan_titled(s, n, "Chương", "CHƯƠNG", PLAN_MARKER_CHAPTER, false, m) ||
      scan_titled(s, n, "Phần", "PHẦN", PLAN_MARKER_PART, false, m) ||
      scan_titled(s, n, "Mục", "MỤC", PLAN_MARKER_SECTION, true, m)))
    return true;

  /* Bullets: -, +, *, • followed by a space or nothing. */
  if ((s[0] == '-' || s[0] == '+' || s[0] == '*') && ends_marker(s, n, 1)) {
    m->kind = PLAN_MARKER_BULLET;
    m->label_len = 1;
    m->body = skip_spaces(s, n, 1);
    return true;
  }
  if (n >= 3 && memcmp(s, "•", 3) == 0 && ends_marker(s, n, 3)) {
    m->kind = PLAN_MARKER_BULLET;
    m->label_len = 3;
    m->body = skip_spaces(s, n, 3);
    return true;
  }

  /* Roman parts: I. II. (upper case I, V, X only). */
  size_t i = 0;
  while (i < n && (s[i] == 'I' || s[i] == 'V' || s[i] == 'X')) i++;
  if (i > 0 && i < n && s[i] == '.' && ends_marker(s, n, i + 1)) {
    int v = roman_value(s, i);
    if (v) {
      m->kind = PLAN_MARKER_ROMAN;
      m->label_len = i;
      m->number = v;
      m->body = skip_spaces(s, n, i + 1);
      return true;
    }
  }

  /* Arabic 1. 12) and dotted 1.1. 2.3 */
  i = 0;
  int value = 0;
  while (i < n && is_digit(s[i]) && i < 3) value = value * 10 + (s[i++] - '0');
  if (i > 0 && i < n && !is_digit(s[i])) {
    size_t end = i;
    int parts = 1;
    while (end + 1 < n && s[end] == '.' && is_digit(s[end + 1])) {
      size_t j = end + 1, k = j;
      while (k < n && is_digit(s[k]) && k - j < 3) k++;
      if (k < n && is_digit(s[k])) return false; /* 19.6.2020: a date */
      if (k - j == 3) return false; /* 270.000.000 đồng: an amount */
      end = k;
      parts++;
    }
    if (parts > 1) {
      size_t after = end;
      if (after < n && (s[after] == '.' || s[after] == ')')) after++;
      if (!ends_marker(s, n, after) || after == n) return false;
      m->kind = PLAN_MARKER_DOTTED;
      m->label_len = end;
      m->number = value;
      m->body = skip_spaces(s, n, after);
      return true;
    }
    if ((s[i] == '.' || s[i] == ')') && ends_marker(s, n, i + 1) && i + 1 < n) {
      m->kind = PLAN_MARKER_ARABIC;
      m->label_len = i;
      m->number = value;
      m->body = skip_spaces(s, n, i + 1);
      return true;
    }
    return false;
  }

  /* Letters: a) b) đ) or a. followed by a space; lower case only. */
  size_t ll = 0;
  if (s[0] >= 'a' && s[0] <= 'z') ll = 1;
  else if (n >= 2 && memcmp(s, "đ", 2) == 0) ll = 2;
  if (ll && ll < n && (s[ll] == ')' || (s[ll] == '.' && ll + 1 < n && s[ll + 1] == ' ')) &&
      ends_marker(s, n, ll + 1)) {
    m->kind = PLAN_MARKER_LETTER;
    m->label_len = ll;
    m->body = skip_spaces(s, n, ll + 1);
    m->number = 0;
    for (size_t k = 0; k < sizeof vietnamese_letters / sizeof *vietnamese_letters; k++)
      if (strlen(vietnamese_letters[k]) == ll && memcmp(vietnamese_letters[k], s, ll) == 0)
        m->number = (int)k + 1;
    if (m->number == 0) { /* f, j, w, z */
      m->latin_only = true;
      m->number = s[0] - 'a' + 1;
    }
    return true;
  }
  return false;
}

bool plan__scan_marker(const char *s, size_t n, plan_marker *kind) {
  marker_info m;
  bool ok = scan(s, n, &m);
  if (kind) *kind = ok ? m.kind : PLAN_MARKER_NONE;
  return ok;
}

bool plan__marker_follows(const char *item, size_t in, const char *s, size_t n) {
  marker_info a, b;
  if (!scan(item, in, &a) || !scan(s, n, &b) || a.kind != b.kind) return false;
  if (a.kind == PLAN_MARKER_ARABIC) return b.number == a.number + 1;
  if (a.kind != PLAN_MARKER_LETTER) return false;
  /* in the Vietnamese alphabet, or in the Latin one ("e)" / "f)") */
  if (!a.latin_only && !b.latin_only && b.number == a.number + 1) return true;
  return a.label_len == 1 && b.label_len == 1 && s[0] == item[0] + 1;
}

/* Something that opens like a marker but is none we know: "A.", "(1)",
 * "(a)".  Worth a diagnostic, not a structure. */
static size_t unknown_marker(const char *s, size_t n) {
  if (n >= 3 && s[0] >= 'A' && s[0] <= 'Z' && (s[1] == '.' || s[1] == ')') && s[2] == ' ' &&
      !plan__is_upper_text(s, n))
    return 2;
  if (n >= 4 && s[0] == '(') {
    size_t i = 1;
    while (i < n && i < 4 && ((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' && s[i] <= 'z'))) i++;
    if (i > 1 && i + 1 < n && s[i] == ')' && s[i + 1] == ' ') return i + 1;
  }
  return 0;
}

/* Numbers or letters between brackets that open a paragraph: "(1) ",
 * "(a) ", "[1] ".  Which ones a document uses as markers is decided from
 * the document (enclosed_scheme). */
typedef struct enclosure {
  char open, close;
  bool letter;
  const char *example; /* for the diagnostic */
} enclosure;

static const enclosure enclosures[] = {
    {'(', ')', false, "(1), (2)"}, {'(', ')', true, "(a), (b)"}, {'[', ']', false, "[1], [2]"}};
#define NENCLOSURES (sizeof enclosures / sizeof *enclosures)

/* The value of enclosed marker e opening s (letters counted in the
 * Vietnamese order) and where its text starts, or 0. */
static int enclosed_marker(const enclosure *e, const char *s, size_t n, size_t *label_len,
                           size_t *body) {
  if (n < 4 || s[0] != e->open) return 0;
  size_t i = 1;
  int value = 0;
  if (e->letter) {
    for (size_t k = 0; k < sizeof vietnamese_letters / sizeof *vietnamese_letters && !value; k++) {
      size_t ll = strlen(vietnamese_letters[k]);
      if (ll < n - 1 && memcmp(s + 1, vietnamese_letters[k], ll) == 0 && s[1 + ll] == e->close) {
        value = (int)k + 1;
        i = 1 + ll;
      }
    }
  } else {
    while (i < n && is_digit(s[i]) && i < 4) value = value * 10 + (s[i++] - '0');
  }
  if (!value || i + 1 >= n || s[i] != e->close || s[i + 1] != ' ') return 0;
  *label_len = i - 1;
  *body = skip_spaces(s, n, i + 1);
  return value;
}

/* The highest number s cites as "[12]" after its start, or 0. */
static int cited_bracketed(const char *s, size_t n) {
  int high = 0;
  for (size_t i = 1; i + 2 < n; i++) {
    if (s[i] != '[' || !is_digit(s[i + 1])) continue;
    size_t k = i + 1;
    int v = 0;
    while (k < n && is_digit(s[k]) && k - i < 4) v = v * 10 + (s[k++] - '0');
    if (k < n && s[k] == ']' && v > high) high = v;
  }
  return high;
}

/* Whether the document numbers its items "(1)", "(2)" (or "(a)", "(b)",
 * "[1]", "[2]"), two in a row at least, and never "1." (or "a)"): then, and
 * only then, those are its markers of that kind.  Evidence from the
 * document, not a guess: a lone "(1)" inside a text, a document that
 * numbers both ways, or bracketed numbers called in the text before they
 * open a paragraph (footnotes; "tại [3]" after item [3] only points back)
 * stay text. */
static bool enclosed_scheme(const plan_outline *doc, const enclosure *e) {
  bool consecutive = false;
  int last = 0, opened = 0;
  for (size_t i = 0; i < doc->npara; i++) {
    const plan_para *p = &doc->paras[i];
    marker_info m;
    if (scan(p->text, p->len, &m) && m.kind == (e->letter ? PLAN_MARKER_LETTER : PLAN_MARKER_ARABIC))
      return false;
    size_t ll, body;
    int v = enclosed_marker(e, p->text, p->len, &ll, &body);
    if (v) {
      consecutive |= last > 0 && v == last + 1;
      last = v;
      if (v > opened) opened = v;
    }
    if (e->open == '[' && cited_bracketed(p->text, p->len) > opened) return false;
  }
  return consecutive;
}

void plan__blocks(plan_outline *doc) {
  bool used[NENCLOSURES];
  for (size_t k = 0; k < NENCLOSURES; k++) used[k] = enclosed_scheme(doc, &enclosures[k]);
  if (used[0] && used[2]) used[0] = used[2] = false; /* "(1)" and "[1]": which is which is unknown */
  for (size_t k = 0; k < NENCLOSURES; k++)
    if (used[k])
      plan__diag(doc, PLAN_DIAG_HEURISTIC, 0,
                 "items numbered %s, and never otherwise: read as markers", enclosures[k].example);
  for (size_t i = 0; i < doc->npara; i++) {
    plan_para *p = &doc->paras[i];
    marker_info m;
    bool found = scan(p->text, p->len, &m);
    for (size_t k = 0; k < NENCLOSURES && !found; k++) {
      size_t ll, body;
      int v = used[k] ? enclosed_marker(&enclosures[k], p->text, p->len, &ll, &body) : 0;
      if (!v) continue;
      memset(&m, 0, sizeof m);
      m.kind = enclosures[k].letter ? PLAN_MARKER_LETTER : PLAN_MARKER_ARABIC;
      m.label_off = 1;
      m.label_len = ll;
      m.number = v;
      m.body = body;
      found = true;
    }
    if (!found) {
      size_t k = unknown_marker(p->text, p->len);
      if (k)
        plan__diag(doc, PLAN_DIAG_UNKNOWN_MARKER, p->norm_start,
                   "\"%.*s\" looks like a marker but is not one libplan knows", (int)k, p->text);
      p->marker = PLAN_MARKER_NONE;
      p->label = "";
      p->body_off = 0;
      continue;
    }
    p->marker = m.kind;
    p->number = m.number;
    p->latin_only = m.latin_only;
    p->body_off = m.body;
    p->label = plan__arena_strndup(&doc->arena, p->text + m.label_off, m.label_len);
    if (!p->label) p->label = "";
  }
}
