/* textutil.c - small questions about UTF-8 text the segmenter asks often. */
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "text.h"

static int32_t first_cp(const char *s, size_t n) {
  int32_t c = -1;
  if (n) utf8proc_iterate((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n, &c);
  return c;
}

bool plan__is_upper_text(const char *s, size_t n) {
  size_t upper = 0;
  for (size_t i = 0; i < n;) {
    int32_t c;
    ptrdiff_t k = plan__utf8_next(s + i, n - i, &c);
    if (k <= 0) return false;
    i += (size_t)k;
    if (c < 0x80) {
      if (c >= 'a' && c <= 'z') return false;
      upper += c >= 'A' && c <= 'Z';
      continue;
    }
    utf8proc_category_t cat = utf8proc_category(c);
    if (cat == UTF8PROC_CATEGORY_LL) return false;
    if (cat == UTF8PROC_CATEGORY_LU) upper++;
  }
  return upper >= 2;
}

bool plan__starts_lower(const char *s, size_t n) {
  return utf8proc_category(first_cp(s, n)) == UTF8PROC_CATEGORY_LL;
}

bool plan__starts_upper(const char *s, size_t n) {
  return utf8proc_category(first_cp(s, n)) == UTF8PROC_CATEGORY_LU;
}

char *plan__fold(const char *s, size_t n) {
  plan_buf b = {0};
  plan__buf_reserve(&b, n);
  plan__key_append(&b, s, n);
  while (b.len && b.data[b.len - 1] == ' ') b.len--;
  return plan__buf_take(&b, NULL);
}

bool plan__fold_fixed(char *dst, size_t cap, const char *s, size_t n) {
  plan_buf b = {.data = dst, .cap = cap, .fixed = true};
  plan__key_append(&b, s, n);
  while (b.len && b.data[b.len - 1] == ' ') b.len--;
  if (cap) dst[b.len] = '\0';
  return !b.oom;
}

bool plan__fold_starts(const char *s, size_t n, const char *prefix) {
  size_t pl = strlen(prefix);
  /* A folded byte never comes from more than 4 source bytes' worth of the
   * prefix; fold a bounded head only. */
  size_t head = n < pl * 4 + 16 ? n : pl * 4 + 16;
  char f[512]; /* a prefix is a few words: what does not fit is past it */
  if (pl + 2 > sizeof f) return false;
  plan__fold_fixed(f, sizeof f, s, head);
  return strncmp(f, prefix, pl) == 0 && (f[pl] == '\0' || f[pl] == ' ');
}

char *plan__title_case(plan_arena *a, const char *s, size_t n) {
  plan_buf b = {0};
  bool word_start = true;
  for (size_t i = 0; i < n;) {
    int32_t c;
    utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
                                          (utf8proc_ssize_t)(n - i), &c);
    if (k <= 0) break;
    i += (size_t)k;
    bool letter = utf8proc_category(c) >= UTF8PROC_CATEGORY_LU &&
                  utf8proc_category(c) <= UTF8PROC_CATEGORY_LO;
    plan__buf_put_cp(&b, letter ? (word_start ? utf8proc_toupper(c) : utf8proc_tolower(c)) : c);
    word_start = !letter;
  }
  if (b.oom) a->oom = true; /* as if the arena had failed: the caller's stage says so */
  char *r = b.oom ? NULL : plan__arena_strndup(a, b.data ? b.data : "", b.len);
  plan__buf_free(&b);
  return r;
}

char *plan__trim_dup(plan_arena *a, const char *s, size_t n) {
  while (n && (*s == ' ' || *s == '\n')) { s++; n--; }
  while (n && (s[n - 1] == ' ' || s[n - 1] == '\n')) n--;
  return plan__arena_strndup(a, s, n);
}
