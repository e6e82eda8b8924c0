/* normalize.c - bytes to normalized text, with hints and an offset map.
 *
 * One pass over the input, a line at a time: decode and validate the line
 * into code points (remembering the input offset of each), map spaces,
 * dashes and invisible characters, take off markdown and table leftovers
 * (marking where emphasis was), then emit the line word by word: ASCII goes
 * straight through, other words are decomposed, their tone placed
 * (tone.c) and recomposed with utf8proc.  Reading the input (HTML, DOCX,
 * legacy encodings) comes before this pass and expanding abbreviations
 * after it; both are the input stage's (input/read.c). */
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "text.h"

/* Code points that stand for removed emphasis markers inside a line. */
#define MARK_BOLD (-1)
#define MARK_ITALIC (-2)
/* A code point deleted from the line. */
#define DELETED (-3)

typedef struct norm {
  const char *in;
  size_t len;
  plan_options o;
  plan_text *t;
  int32_t *cp;  /* the current line */
  size_t *src;  /* input offset of each code point, plus one past the line */
  size_t ncp, cap;
  bool bold_open;
  size_t seg_end;   /* the code point where the part of the line being emitted ends */
  bool italic_open; /* an italic span a later line closes ("*Hà Nội, ngày 17" / "... 2025*") */
  size_t bold_start, italic_start;
  bool blank_pending;
  /* what the current line holds, so passes with nothing to do are skipped */
  bool has_star, has_dash, dropped;
  int32_t word[64 * 4];
} norm;

static inline bool is_space_cp(int32_t c) {
  if (c == ' ' || c == '\t') return true;
  if (c < 0x80 || plan__letter(c)) return false;
  return utf8proc_category(c) == UTF8PROC_CATEGORY_ZS;
}

/* Zero-width characters and the BOM carry nothing a reader sees.  U+00AD
 * (soft hyphen) is kept: it marks a hyphenation point the source chose, and
 * the matching key drops it anyway. */
static inline bool is_invisible(int32_t c) {
  return c == 0x200B || c == 0x200C || c == 0x200D || c == 0x2060 || c == 0xFEFF;
}

/* Control characters (C0 but the tab, DEL, C1) and the two noncharacters
 * XML forbids are no text: each is replaced with U+FFFD and counted, so no
 * output carries a terminal escape or a character its format forbids. */
static inline bool is_control(int32_t c) {
  return (c < 0x20 && c != '\t') || (c >= 0x7F && c <= 0x9F) || c == 0xFFFE || c == 0xFFFF;
}

static inline bool is_dash(int32_t c) {
  return c == 0x2010 || c == 0x2011 || c == 0x2012 || c == 0x2013 ||
         c == 0x2014 || c == 0x2015 || c == 0x2212;
}

static inline bool is_mark_cp(int32_t c) {
  if (c < 0x300 || plan__letter(c)) return false;
  utf8proc_category_t k = utf8proc_category(c);
  return k == UTF8PROC_CATEGORY_MN || k == UTF8PROC_CATEGORY_MC ||
         k == UTF8PROC_CATEGORY_ME;
}

static inline bool is_letter_cp(int32_t c) {
  if (c < 0x80) return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
  if (plan__letter(c)) return true;
  utf8proc_category_t k = utf8proc_category(c);
  return k >= UTF8PROC_CATEGORY_LU && k <= UTF8PROC_CATEGORY_LO;
}

static inline bool is_alnum_cp(int32_t c) {
  if (c >= '0' && c <= '9') return true;
  return is_letter_cp(c);
}

static bool grow_line(norm *s, size_t need) {
  if (need <= s->cap) return true;
  size_t cap = s->cap ? s->cap : 256;
  while (cap < need) cap *= 2;
  int32_t *cp = realloc(s->cp, cap * sizeof *cp);
  if (!cp) return false;
  s->cp = cp;
  size_t *src = realloc(s->src, (cap + 1) * sizeof *src);
  if (!src) return false;
  s->src = src;
  s->cap = cap;
  return true;
}

static plan_status add_hint(norm *s, plan_hint_kind kind, size_t start,
                            size_t end, int level) {
  /* An opening marker counts the space that would come before the next
   * word; when none came (the span closed at once), the span is empty. */
  if (start > end) start = end;
  plan_hint *h = plan__vec_push(&s->t->hints);
  if (!h) return PLAN_ENOMEM;
  h->kind = kind;
  h->start = start;
  h->end = end;
  h->level = level;
  return PLAN_OK;
}

static plan_status utf8_error(norm *s, size_t off, plan_error *err) {
  size_t line, col;
  plan__position(s->in, s->len, off, &line, &col);
  return plan__error(err, PLAN_EUTF8, off, line, col,
                     "invalid UTF-8 at byte %zu (line %zu, column %zu)", off,
                     line, col);
}

/* Decodes [b, e) into s->cp / s->src, mapping spaces and dropping invisible
 * characters. */
static plan_status decode_line(norm *s, size_t b, size_t e, plan_error *err) {
  if (!grow_line(s, e - b + 1)) return PLAN_ENOMEM;
  size_t n = 0, i = b;
  s->has_star = s->has_dash = s->dropped = false;
  while (i < e) {
    unsigned char c = (unsigned char)s->in[i];
    int32_t cp;
    size_t at = i;
    if (c < 0x80) {
      if (c == 0) {
        size_t line, col;
        plan__position(s->in, s->len, i, &line, &col);
        return plan__error(err, PLAN_ENUL, i, line, col,
                           "NUL byte at byte %zu (line %zu, column %zu)", i,
                           line, col);
      }
      cp = c;
      i++;
      if (c == '*') s->has_star = true;
    } else {
      ptrdiff_t k = plan__utf8_next(s->in + i, e - i, &cp);
      if (k < 0) {
        if (!(s->o.flags & PLAN_OPT_REPLACE_INVALID)) return utf8_error(s, i, err);
        /* Skip the maximal bad prefix: the lead byte and the continuation
         * bytes that follow it. */
        cp = 0xFFFD;
        i++;
        while (i < e && ((unsigned char)s->in[i] & 0xC0) == 0x80 &&
               i - at < 4)
          i++;
        s->t->replacements++;
        s->dropped = true;
      } else {
        i += (size_t)k;
      }
      if (is_dash(cp)) s->has_dash = true;
    }
    if (is_invisible(cp)) {
      s->dropped = true;
      continue;
    }
    if (is_control(cp)) {
      cp = 0xFFFD;
      s->t->replacements++;
    }
    if (cp == '\t' || (cp >= 0x80 && is_space_cp(cp))) cp = ' ';
    s->cp[n] = cp;
    s->src[n++] = at;
  }
  s->src[n] = e;
  s->ncp = n;
  return PLAN_OK;
}

/* Markup taken off a line leaves sentinels (negative code points) where it
 * was.  The checks below look through them, as a second pass over the
 * output would, so that one pass takes off all that a second could: that
 * is what makes normalization idempotent. */
static size_t next_visible(const int32_t *cp, size_t i, size_t e) {
  while (i < e && cp[i] < 0) i++;
  return i;
}

/* One past the nearest visible character before i, or b when none. */
static size_t prev_visible(const int32_t *cp, size_t b, size_t i) {
  while (i > b && cp[i - 1] < 0) i--;
  return i;
}

/* A line made only of one repeated rule character (at least three). */
/* A line of emphasis markers and spaces alone, with a space among them
 * ("* *"; "**" alone is handled as markup by the line's own pass). */
static bool emphasis_only(const int32_t *cp, size_t b, size_t e) {
  bool space = false;
  for (size_t i = b; i < e; i++) {
    if (cp[i] == ' ') space = true;
    else if (cp[i] != '*' && cp[i] != '_') return false;
  }
  return space;
}

static bool is_rule(const int32_t *cp, size_t b, size_t e) {
  int32_t ch = 0;
  size_t count = 0;
  for (size_t i = b; i < e; i++) {
    if (cp[i] == ' ' || cp[i] < 0) continue;
    if (cp[i] != '-' && cp[i] != '_' && cp[i] != '*' && cp[i] != '=' &&
        !is_dash(cp[i]))
      return false;
    if (ch && cp[i] != ch) return false;
    ch = cp[i];
    count++;
  }
  return count >= 3;
}

static bool is_pipes(const int32_t *cp, size_t b, size_t e) {
  bool any = false;
  for (size_t i = b; i < e; i++) {
    if (cp[i] == '|') any = true;
    else if (cp[i] != ' ' && cp[i] >= 0) return false;
  }
  return any;
}

/* Whether the star at i follows a closing parenthesis, across the spaces
 * and comma a copy put between (looking back no further than b). */
static bool after_parenthesis(const int32_t *cp, size_t b, size_t i) {
  size_t k = i;
  while (k > b && (cp[k - 1] == ' ' || cp[k - 1] == ',' || cp[k - 1] == DELETED)) k--;
  return k > b && cp[k - 1] == ')';
}

/* "*(trước ngày 20/6), *năm": a span that opened on a parenthesis ends
 * where it closes, whatever spaces and comma a copy put before the star. */
static bool closes_parenthesis(const int32_t *cp, size_t open, size_t i) {
  return cp[open + 1] == '(' && after_parenthesis(cp, open + 1, i);
}

/* Turns emphasis markers into MARK_* code points: every "**" toggles bold
 * (bold may span lines, as in a signature block); a single '*' opens italic
 * before a non-space and closes after one.  carry: an italic span opened on
 * an earlier line is still open, so the first closer closes it.  *unpaired
 * gets the last opener left open on this line (SIZE_MAX when none).
 * Returns whether it took any off. */
static bool mark_emphasis(norm *s, size_t b, size_t e, bool carry, size_t *unpaired) {
  int32_t *cp = s->cp;
  size_t open = SIZE_MAX;
  bool changed = false;
  /* "* (Đính kèm Danh mục)*": a copy put a space after the opener; the
   * closer at the line's end, the only other star, says it is no bullet */
  if (!carry && e - b > 3 && cp[b] == '*' && cp[b + 1] == ' ' && cp[e - 1] == '*' &&
      cp[e - 2] != ' ' && cp[e - 2] != '*') {
    size_t stars = 0;
    for (size_t i = b; i < e; i++) stars += cp[i] == '*';
    if (stars == 2) {
      cp[b] = MARK_ITALIC;
      cp[b + 1] = DELETED;
      cp[e - 1] = MARK_ITALIC;
      *unpaired = SIZE_MAX;
      return true;
    }
  }
  size_t last_star = b; /* whether a star is left after a point, in one look */
  for (size_t i = b; i < e; i++)
    if (cp[i] == '*') last_star = i;
  for (size_t i = b; i < e; i++) {
    if (cp[i] != '*') continue;
    size_t j = next_visible(cp, i + 1, e);
    if (j < e && cp[j] == '*') {
      cp[i] = MARK_BOLD;
      cp[j] = DELETED;
      changed = true;
      i = j;
      continue;
    }
    size_t p = prev_visible(cp, b, i);
    bool prev_space = p == b || cp[p - 1] == ' ';
    bool next_space = j >= e || cp[j] == ' ';
    if (carry && open == SIZE_MAX &&
        (!prev_space || j >= e || after_parenthesis(cp, b, i) || last_star < j)) {
      /* "2025*", "2025 *", "), *", or the line's only star: the closer */
      cp[i] = MARK_ITALIC; /* closes the span an earlier line opened */
      s->italic_open = false;
      carry = false;
      changed = true;
    } else if (open == SIZE_MAX) {
      if (!next_space && (prev_space || !is_alnum_cp(cp[p - 1]))) {
        open = i;
        continue;
      }
      /* "2024* *của": a closer with no span open, then only spaces and an
       * opener, is an empty span a copy left; neither star is text */
      size_t k = j;
      while (k < e && (cp[k] == ' ' || cp[k] < 0)) k++;
      size_t after = k + 1 < e ? next_visible(cp, k + 1, e) : e;
      if (!prev_space && next_space && k < e && cp[k] == '*' && after < e && cp[after] != '*' &&
          cp[after] != ' ') {
        cp[i] = DELETED;
        cp[k] = DELETED;
        changed = true;
        i = k;
      }
    } else if (!prev_space || last_star < j || closes_parenthesis(cp, open, i)) {
      /* "*(đấu thầu ...) *để": with no star left on the line to close a
       * span this one would open, it closes the open one, the space a
       * copy's slip */
      cp[open] = MARK_ITALIC;
      cp[i] = MARK_ITALIC;
      open = SIZE_MAX;
      changed = true;
    }
  }
  *unpaired = open;
  return changed;
}

/* Lines the look for an italic span's closer may read past its opener's
 * line, and bytes: a span wrapped by a copy is a sentence or two, which a
 * narrow wrap (50 columns) cuts into a score of lines. */
#define ITALIC_SPAN_LINES 32
#define ITALIC_SPAN_BYTES 2048

/* Whether an italic span opened on the line ending at input offset e closes
 * within the next few lines of the same paragraph: a '*' after a non-space
 * (or after a parenthesis and a space) that is not part of "**".  Bounded,
 * so the pass stays linear. */
static bool italic_closes_later(const norm *s, size_t e) {
  const char *in = s->in;
  size_t end = s->len - e > ITALIC_SPAN_BYTES ? e + ITALIC_SPAN_BYTES : s->len;
  size_t lines = 0;
  bool line_blank = true;
  for (size_t i = e; i < end; i++) {
    char c = in[i];
    if (c == '\n' || c == '\r') {
      if (i > e && line_blank) return false; /* a blank line ends the paragraph */
      if (++lines > ITALIC_SPAN_LINES) return false;
      line_blank = true;
      continue;
    }
    if (c != ' ' && c != '\t') line_blank = false;
    if (c != '*') continue;
    bool star_before = i > 0 && in[i - 1] == '*', star_after = i + 1 < s->len && in[i + 1] == '*';
    if (star_before || star_after) continue;
    char p = i > 0 ? in[i - 1] : ' ';
    if (p != ' ' && p != '\t' && p != '\n' && p != '\r') return true;
    size_t k = i + 1; /* "năm 2025 *": a closer alone at the line's end */
    while (k < s->len && (in[k] == ' ' || in[k] == '\t')) k++;
    if (k == s->len || in[k] == '\n' || in[k] == '\r') return true;
    k = i; /* "hàng năm), *đột xuất": a closer a copy put a space before */
    while (k > e && (in[k - 1] == ' ' || in[k - 1] == ',' || in[k - 1] == '\n' || in[k - 1] == '\r')) k--;
    if (k > e && in[k - 1] == ')') return true;
    /* "*(Sở Khoa học và Công nghệ)" / "*trực tiếp": the span closed with the
     * parenthesis that ends the opener's line, the star wrapped after it */
    if (k == e && e > 0 && in[e - 1] == ')') return true;
    /* "Quỹ *“Vì người" / "nghèo” *được": the line's last star, with none
     * after it to close a span it would open, closes the open one (as
     * mark_emphasis reads it on one line) */
    k = i + 1;
    while (k < s->len && in[k] != '\n' && in[k] != '\r' && in[k] != '*') k++;
    if (k == s->len || in[k] != '*') return true;
  }
  return false;
}

/* Takes off heading hashes ("## **II. ...**"), every group of them, and
 * records the first group's level.  Returns whether it took any off. */
static bool strip_heading(norm *s, size_t *lb, size_t le, int *heading) {
  int32_t *cp = s->cp;
  bool changed = false;
  for (;;) {
    /* leading spaces count for nothing: the emitted line drops them */
    size_t first = *lb;
    while (first < le && (cp[first] < 0 || cp[first] == ' ')) first++;
    size_t h = first, count = 0;
    while (h < le && (cp[h] == '#' || cp[h] < 0)) {
      count += cp[h] == '#';
      h++;
    }
    while (h > first && cp[h - 1] < 0) h--; /* markers after the hashes stay */
    size_t after = next_visible(cp, h, le);
    if (count == 0 || count > 6 || (after < le && cp[after] != ' ')) break;
    if (!*heading) *heading = (int)count;
    for (size_t k = first; k < h; k++)
      if (cp[k] == '#') cp[k] = DELETED; /* markers keep their places */
    changed = true;
  }
  return changed;
}

/* A dash that separates words becomes '-'; one inside a word (a range such
 * as 2021–2030 written tight) is left alone. */
static void map_dashes(norm *s, size_t b, size_t e) {
  int32_t *cp = s->cp;
  for (size_t i = b; i < e; i++) {
    if (!is_dash(cp[i])) continue;
    size_t p = prev_visible(cp, b, i), n = next_visible(cp, i + 1, e);
    bool before = p == b || cp[p - 1] == ' ';
    bool after = n >= e || cp[n] == ' ';
    if (before || after) cp[i] = '-';
  }
}

/* True when the word [b, e) is made of precomposed Vietnamese letters only
 * (so it is already NFC) and carries at most one tone, already where the
 * style wants it: the common case, copied without any Unicode work. */
static bool already_normal(const norm *s, size_t b, size_t e) {
  enum { MAX = 24 };
  char skel[MAX];
  bool modified[MAX];
  size_t n = e - b, tones = 0, tone_letter = 0;
  if (n > MAX) return false;
  for (size_t i = 0; i < n; i++) {
    int32_t c = s->cp[b + i];
    if (c < 0x80) {
      skel[i] = (char)(c | 0x20);
      modified[i] = false;
      continue;
    }
    const plan_letter *l = plan__letter(c);
    if (!l) return false;
    skel[i] = l->skeleton;
    modified[i] = l->info & 1;
    if (l->info >> 1) {
      tones++;
      tone_letter = i;
    }
  }
  if (tones == 0) return true;
  if (tones > 1 || s->o.tone_style == PLAN_TONE_KEEP) return tones == 1;
  return plan__tone_target(skel, modified, n, tone_letter, s->o.tone_style) == tone_letter;
}

static inline size_t utf8_len(int32_t c) {
  return c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
}

/* Copies a word that needs no change (letters are never mapped, so its
 * bytes are the input's): straight from the input when they are contiguous
 * there (nothing invisible was dropped inside). */
static void copy_word(norm *s, size_t b, size_t e) {
  plan_buf *out = &s->t->out;
  if (!s->dropped) { /* the line lost nothing: the word's bytes are contiguous */
    size_t bytes = s->src[e] - s->src[b];
    plan__offmap_mark(&s->t->map, out->len, s->src[b]);
    plan__buf_put(out, s->in + s->src[b], bytes);
    return;
  }
  size_t bytes = 0;
  for (size_t k = b; k < e; k++) bytes += utf8_len(s->cp[k]);
  size_t last = s->src[e - 1] + utf8_len(s->cp[e - 1]);
  if (last - s->src[b] == bytes) {
    plan__offmap_mark(&s->t->map, out->len, s->src[b]);
    plan__buf_put(out, s->in + s->src[b], bytes);
    return;
  }
  for (size_t k = b; k < e; k++) {
    plan__offmap_mark(&s->t->map, out->len, s->src[k]);
    plan__buf_put_cp(out, s->cp[k]);
  }
}

/* Emits one word or one character with its marks: decomposed, tone placed,
 * recomposed. */
static void emit_cluster(norm *s, size_t b, size_t e, bool word) {
  plan_buf *out = &s->t->out;
  int32_t *w = s->word;
  size_t cap = sizeof s->word / sizeof *s->word, n = 0;
  bool fits = true;
  for (size_t i = b; i < e && fits; i++) {
    utf8proc_ssize_t k = utf8proc_decompose_char(
        s->cp[i], w + n, (utf8proc_ssize_t)(cap - n), UTF8PROC_DECOMPOSE, NULL);
    if (k < 0 || (size_t)k > cap - n) fits = false;
    else n += (size_t)k;
  }
  if (!fits) {
    /* Too long to be a word we reason about: compose in slices at starters,
     * which NFC allows, with no tone placement. */
    size_t i = b;
    while (i < e) {
      size_t j = i + 1;
      while (j < e && j - i < 16 && is_mark_cp(s->cp[j])) j++;
      while (j < e && is_mark_cp(s->cp[j])) j++; /* never split a cluster */
      if (j - i > 16) { /* pathological mark run: emit as is */
        for (size_t k = i; k < j; k++) plan__buf_put_cp(out, s->cp[k]);
      } else {
        emit_cluster(s, i, j, false);
      }
      i = j;
    }
    return;
  }
  if (word) n = plan__tone_place(w, n, s->o.tone_style);
  else if (n > 1) n = plan__tone_place(w, n, PLAN_TONE_KEEP);
  utf8proc_ssize_t m = utf8proc_normalize_utf32(w, (utf8proc_ssize_t)n,
                                                UTF8PROC_COMPOSE | UTF8PROC_STABLE);
  if (m < 0) m = (utf8proc_ssize_t)n;
  /* Map each output character to the input character it starts from. */
  size_t src_i = b;
  for (utf8proc_ssize_t k = 0; k < m; k++) {
    plan__offmap_mark(&s->t->map, out->len, s->src[src_i]);
    plan__buf_put_cp(out, w[k]);
    while (src_i + 1 < e && is_mark_cp(s->cp[src_i + 1])) src_i++;
    if (src_i + 1 < e) src_i++;
  }
}

/* Markup inside a word ("*I*á", "**Th**ủy": a marker between two letters)
 * moves to the end of the word: tone placement must see the one syllable
 * the output will hold, or reading the output again would place its tone
 * elsewhere.  The letters keep their order; the markers theirs. */
static plan_status markers_out_of_words(norm *s, size_t b, size_t e) {
  for (size_t k = b + 1; k < e; k++) {
    if (s->cp[k] >= 0 || !(is_letter_cp(s->cp[k - 1]) || is_mark_cp(s->cp[k - 1]))) continue;
    size_t r = k, letters = 0;
    while (r < e && (s->cp[r] < 0 || is_letter_cp(s->cp[r]) || is_mark_cp(s->cp[r]))) {
      letters += s->cp[r] >= 0;
      r++;
    }
    if (letters) {
      size_t n = r - k, w = 0;
      int32_t *cp = malloc(n * sizeof *cp);
      size_t *src = malloc(n * sizeof *src);
      if (!cp || !src) {
        free(cp);
        free(src);
        return PLAN_ENOMEM;
      }
      for (int pass = 0; pass < 2; pass++) /* letters first, then markup */
        for (size_t i = k; i < r; i++)
          if ((s->cp[i] >= 0) == (pass == 0)) {
            cp[w] = s->cp[i];
            src[w++] = s->src[i];
          }
      memcpy(&s->cp[k], cp, n * sizeof *cp);
      memcpy(&s->src[k], src, n * sizeof *src);
      free(cp);
      free(src);
      s->dropped = true; /* the word's bytes are no longer contiguous */
    }
    k = r;
  }
  return PLAN_OK;
}

static plan_status emit_line(norm *s, size_t b, size_t e, int heading) {
  plan_buf *out = &s->t->out;
  if (markers_out_of_words(s, b, e) != PLAN_OK) return PLAN_ENOMEM;
  size_t line_start = out->len;
  bool pending_space = false, any = false;
  for (size_t i = b; i < e;) {
    int32_t c = s->cp[i];
    if (c == DELETED) { i++; continue; }
    if (c == MARK_BOLD || c == MARK_ITALIC) {
      size_t at = out->len + (pending_space && any ? 1 : 0);
      if (c == MARK_BOLD) {
        if (s->bold_open) {
          if (add_hint(s, PLAN_HINT_BOLD, s->bold_start, out->len, 0)) return PLAN_ENOMEM;
        } else {
          s->bold_start = at;
        }
        s->bold_open = !s->bold_open;
      } else if (s->italic_start == SIZE_MAX) {
        s->italic_start = at;
      } else {
        if (add_hint(s, PLAN_HINT_ITALIC, s->italic_start, out->len, 0)) return PLAN_ENOMEM;
        /* "*Căn cứ Luật Đất đai **số 31/2024/QH15;*": spans nest, so a
         * bold opened inside the italic one and still open when it closes
         * was a stray "**"; left open, it would pair every later "**" with
         * the wrong partner */
        if (s->bold_open && s->bold_start >= s->italic_start) s->bold_open = false;
        s->italic_start = SIZE_MAX;
      }
      i++;
      continue;
    }
    if (c == ' ') { pending_space = true; i++; continue; }
    if (pending_space && any) {
      plan__offmap_mark(&s->t->map, out->len, s->src[i] - 1);
      plan__buf_putc(out, ' ');
    }
    pending_space = false;
    any = true;
    size_t j = i + 1;
    bool word = is_letter_cp(c);
    bool plain = c < 0x80;
    /* A word is a run of letters and marks, taken whole so that its onset
     * (qu, gi) is seen; a pure ASCII word needs no Unicode work. */
    while (j < e && s->cp[j] >= 0 &&
           (is_mark_cp(s->cp[j]) || (word && is_letter_cp(s->cp[j])))) {
      if (s->cp[j] >= 0x80) plain = false;
      j++;
    }
    if (plain && !word) { /* punctuation or a digit, possibly mapped */
      plan__offmap_mark(&s->t->map, out->len, s->src[i]);
      plan__buf_putc(out, (char)c);
      i = j;
      continue;
    }
    if (word && (plain || already_normal(s, i, j))) {
      copy_word(s, i, j);
      i = j;
      continue;
    }
    emit_cluster(s, i, j, word);
    i = j;
  }
  if (s->italic_start != SIZE_MAX && !s->italic_open) s->italic_start = SIZE_MAX; /* unpaired */
  if (!any) return PLAN_OK;
  if (heading && add_hint(s, PLAN_HINT_HEADING, line_start, out->len, heading))
    return PLAN_ENOMEM;
  plan__offmap_mark(&s->t->map, out->len, s->src[s->seg_end]);
  plan__buf_putc(out, '\n');
  return out->oom ? PLAN_ENOMEM : PLAN_OK;
}

/* Punctuation outside ASCII that normalization leaves as it is. */
static inline bool is_plain_punct(int32_t c) {
  return c == 0x201C || c == 0x201D || c == 0x2018 || c == 0x2019 || c == 0x2026;
}

/* Checks a word's tone placement from its skeleton (as already_normal). */
static bool word_tone_ok(const norm *s, const char *skel, const bool *mod, size_t n, size_t tones,
                         size_t tone_letter, size_t vowels, size_t last_mod) {
  if (tones == 0) return true;
  if (tones > 1) return false;
  if (s->o.tone_style == PLAN_TONE_KEEP) return true;
  /* Most syllables settle it at once: the tone sits on the last vowel with
   * a mark (ơ of "ườ"), or on the only vowel.  (Where the full rule gives
   * up on a word, the word is left as it is, as here.) */
  if (last_mod == tone_letter || vowels == 1) return true;
  return plan__tone_target(skel, mod, n, tone_letter, s->o.tone_style) == tone_letter;
}

/* Bit (c - 'a') is set for the vowels a, e, i, o, u, y. */
#define VOWEL_BITS ((1u << 0) | (1u << 4) | (1u << 8) | (1u << 14) | (1u << 20) | (1u << 24))

/* The common line needs nothing: valid UTF-8 of ASCII and precomposed
 * Vietnamese letters, single spaces, no markup, every tone in place.  One
 * pass checks that and copies the line whole; anything else goes the long
 * way (decode_line and emit_line). */
static bool fast_line(norm *s, size_t b, size_t e) {
  const char *in = s->in;
  if (e == b || in[b] == ' ' || in[e - 1] == ' ' || in[b] == '#' || in[b] == '_' ||
      in[b] == '=' || in[b] == '|' || in[b] == '+')
    return false;
  /* a bullet ("- Chủ trì ...") is the common line; a rule ("---", "- - -")
   * and anything else that opens with a dash go the long way */
  if (in[b] == '-' && !(e - b > 2 && in[b + 1] == ' ' && in[b + 2] != '-' && in[b + 2] != ' '))
    return false;
  enum { MAX = 24 };
  char skel[MAX];
  bool mod[MAX];
  size_t wl = 0, tones = 0, tone_letter = 0, vowels = 0, last_mod = SIZE_MAX;
  bool prev_space = false;
  for (size_t i = b; i < e;) {
    unsigned char c = (unsigned char)in[i];
    if (c < 0x80) {
      char lc = (char)(c | 0x20);
      if (lc >= 'a' && lc <= 'z') {
        if (wl == MAX) return false;
        vowels += (VOWEL_BITS >> (lc - 'a')) & 1;
        skel[wl] = lc;
        mod[wl++] = false;
      } else {
        if (wl && !word_tone_ok(s, skel, mod, wl, tones, tone_letter, vowels, last_mod))
          return false;
        wl = tones = vowels = 0;
        last_mod = SIZE_MAX;
        if (c < 0x20 || c == '*' || (c == ' ' && prev_space) || c == 0x7F) return false;
      }
      prev_space = c == ' ';
      i++;
      continue;
    }
    int32_t cp;
    ptrdiff_t k = plan__utf8_next(in + i, e - i, &cp);
    if (k < 0) return false;
    i += (size_t)k;
    prev_space = false;
    const plan_letter *l = plan__letter(cp);
    if (l) {
      if (wl == MAX) return false;
      skel[wl] = l->skeleton;
      mod[wl] = l->info & 1;
      vowels += (VOWEL_BITS >> (l->skeleton - 'a')) & 1;
      if (mod[wl]) last_mod = wl;
      if (l->info >> 1) {
        tones++;
        tone_letter = wl;
      }
      wl++;
      continue;
    }
    if (!is_plain_punct(cp)) return false;
    if (wl && !word_tone_ok(s, skel, mod, wl, tones, tone_letter, vowels, last_mod)) return false;
    wl = tones = vowels = 0;
    last_mod = SIZE_MAX;
  }
  if (wl && !word_tone_ok(s, skel, mod, wl, tones, tone_letter, vowels, last_mod)) return false;
  plan_buf *out = &s->t->out;
  if (s->blank_pending) {
    plan__offmap_mark(&s->t->map, out->len, b);
    plan__buf_putc(out, '\n');
    s->blank_pending = false;
  }
  plan__offmap_mark(&s->t->map, out->len, b);
  plan__buf_put(out, in + b, e - b);
  plan__offmap_mark(&s->t->map, out->len, e);
  plan__buf_putc(out, '\n');
  return true;
}

static plan_status segment(norm *s, size_t lb, size_t le, size_t e);

/* A markdown table row: opens and closes with '|' and has a cell
 * boundary inside ("| a | b |"); a line of pipes alone is a cell break. */
static bool is_pipe_row(const int32_t *cp, size_t b, size_t e) {
  if (e - b < 3 || cp[b] != '|' || cp[e - 1] != '|' || is_pipes(cp, b, e)) return false;
  for (size_t i = b + 1; i + 1 < e; i++)
    if (cp[i] == '|') return true;
  return false;
}

/* Processes the physical line [b, e) of the input. */
static plan_status do_line(norm *s, size_t b, size_t e, plan_error *err) {
  if (e - b > s->o.max_line_bytes) {
    size_t line, col;
    plan__position(s->in, s->len, b, &line, &col);
    return plan__error(err, PLAN_ELIMIT, b, line, col,
                       "line %zu is %zu bytes long, over the limit of %zu", line, e - b,
                       s->o.max_line_bytes);
  }
  if (!(s->o.flags & PLAN_OPT_KEEP_MARKUP) && !s->bold_open && fast_line(s, b, e))
    return s->t->out.oom ? PLAN_ENOMEM : PLAN_OK;
  plan_status st = decode_line(s, b, e, err);
  if (st) return st;
  int32_t *cp = s->cp;
  size_t lb = 0, le = s->ncp;
  while (lb < le && cp[lb] == ' ') lb++;
  while (le > lb && cp[le - 1] == ' ') le--;
  if (!(s->o.flags & PLAN_OPT_KEEP_MARKUP) && emphasis_only(cp, lb, le) && !is_rule(cp, lb, le))
    return PLAN_OK; /* "* *", "** **": markup a copy left, no bullet and no break */
  if (!(s->o.flags & PLAN_OPT_KEEP_MARKUP) && is_pipe_row(cp, lb, le)) {
    /* "| ỦY BAN NHÂN DÂN ... | CỘNG HÒA ... |": each cell a line of its own
     * after a cell break, as a table copied cell by cell reads */
    for (size_t cb = lb + 1; cb < le;) {
      size_t ce = cb;
      while (ce < le && cp[ce] != '|') ce++;
      size_t at = s->t->out.len;
      if (add_hint(s, PLAN_HINT_TABLE_CELL, at, at, 0)) return PLAN_ENOMEM;
      s->italic_open = false;
      if (s->t->out.len) s->blank_pending = true;
      size_t tb = cb, te = ce;
      while (tb < te && cp[tb] == ' ') tb++;
      while (te > tb && cp[te - 1] == ' ') te--;
      s->seg_end = ce;
      if (tb < te && (st = segment(s, tb, te, e)) != PLAN_OK) return st;
      cb = ce + 1;
    }
    return PLAN_OK;
  }
  s->seg_end = s->ncp;
  return segment(s, lb, le, e);
}

/* Normalizes the part [lb, le) of the decoded line (which ends at input
 * offset e): markup off, dashes mapped, words emitted. */
static plan_status segment(norm *s, size_t lb, size_t le, size_t e) {
  int32_t *cp = s->cp;
  plan_status st;
  int heading = 0;
  if (!(s->o.flags & PLAN_OPT_KEEP_MARKUP)) {
    /* Until nothing more comes off: taking off emphasis can make a line a
     * heading, a table cell or a rule, and the other way round. */
    for (int round = 0; round < 16; round++) {
      plan_hint_kind brk = 0;
      if (lb < le && is_pipes(cp, lb, le)) brk = PLAN_HINT_TABLE_CELL;
      else if (is_rule(cp, lb, le)) brk = PLAN_HINT_RULE;
      if (brk) {
        size_t at = s->t->out.len;
        if (add_hint(s, brk, at, at, 0)) return PLAN_ENOMEM;
        lb = le;
        break;
      }
      size_t unpaired = SIZE_MAX;
      bool changed = s->has_star && mark_emphasis(s, lb, le, round == 0 && s->italic_open, &unpaired);
      changed |= strip_heading(s, &lb, le, &heading);
      if (!changed) {
        if (unpaired != SIZE_MAX && italic_closes_later(s, e)) {
          cp[unpaired] = MARK_ITALIC;
          s->italic_open = true;
        }
        break;
      }
    }
  }
  if (s->has_dash) map_dashes(s, lb, le);
  if (lb == le) {
    s->italic_open = false; /* a span never runs past its paragraph */
    if (s->t->out.len) s->blank_pending = true;
    return PLAN_OK;
  }
  size_t before = s->t->out.len;
  if (s->blank_pending) {
    plan__offmap_mark(&s->t->map, s->t->out.len, s->src[lb]);
    plan__buf_putc(&s->t->out, '\n');
  }
  size_t hints_before = s->t->hints.len;
  st = emit_line(s, lb, le, heading);
  if (st) return st;
  if (s->t->out.len == before + (s->blank_pending ? 1 : 0)) {
    /* Only markup: no text.  The newline put before it goes, and with it
     * any place a hint of this line took. */
    s->t->out.len = before;
    for (size_t i = hints_before; i < s->t->hints.len; i++) {
      plan_hint *h = (plan_hint *)s->t->hints.data + i;
      if (h->end > before) h->end = before;
      if (h->start > h->end) h->start = h->end;
    }
    if (s->bold_open && s->bold_start > before) s->bold_start = before;
    /* A line of emphasis markers alone ("**" closing "**ỦY BAN NHÂN DÂN",
     * "** **") is markup a copy wrapped, not a paragraph break. */
  } else {
    s->blank_pending = false;
  }
  return PLAN_OK;
}

static int hint_cmp(const void *a, const void *b) {
  const plan_hint *x = a, *y = b;
  if (x->start != y->start) return x->start < y->start ? -1 : 1;
  return (int)x->kind - (int)y->kind;
}

plan_status plan__normalize_pass(const plan_options *o, const char *data, size_t len,
                                 plan_text *t, plan_error *err) {
  norm s;
  memset(&s, 0, sizeof s);
  s.o = *o;
  s.in = data ? data : "";
  s.len = len;
  s.italic_start = SIZE_MAX;
  s.t = t;
  /* The output is rarely longer than the input: one allocation usually. */
  plan__buf_reserve(&s.t->out, s.len + 64);

  plan_status st = PLAN_OK;
  /* Most files end lines with LF alone; memchr finds those fast. */
  bool other_breaks = s.len && (memchr(s.in, '\r', s.len) || memchr(s.in, '\f', s.len) ||
                                memchr(s.in, '\v', s.len));
  size_t b = 0;
  while (b < s.len && st == PLAN_OK) {
    size_t e = b;
    if (!other_breaks) {
      const char *nl = memchr(s.in + b, '\n', s.len - b);
      e = nl ? (size_t)(nl - s.in) : s.len;
    } else {
      while (e < s.len && s.in[e] != '\n' && s.in[e] != '\r' && s.in[e] != '\f' &&
             s.in[e] != '\v')
        e++;
    }
    st = do_line(&s, b, e, err);
    if (e < s.len && s.in[e] == '\r' && e + 1 < s.len && s.in[e + 1] == '\n') e++;
    b = e + 1;
  }
  if (st == PLAN_OK && s.bold_open &&
      add_hint(&s, PLAN_HINT_BOLD, s.bold_start, s.t->out.len, 0))
    st = PLAN_ENOMEM;
  free(s.cp);
  free(s.src);
  if (st == PLAN_OK && (s.t->out.oom || s.t->map.anchors.oom || s.t->hints.oom))
    st = PLAN_ENOMEM;
  if (st == PLAN_OK && s.t->hints.len)
    qsort(s.t->hints.data, s.t->hints.len, sizeof(plan_hint), hint_cmp);
  if (st == PLAN_ENOMEM) plan__error(err, st, 0, 0, 0, "out of memory");
  return st;
}
