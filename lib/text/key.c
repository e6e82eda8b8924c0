/* key.c - the matching key: what two spellings of the same words share. */
#include <stdlib.h>
#include <utf8proc.h>

#include "data/data.h"
#include "text.h"

void plan__key_append(plan_buf *out, const char *s, size_t len) {
  bool space = out->len > 0 && out->data[out->len - 1] != ' ';
  for (size_t i = 0; i < len;) {
    int32_t c;
    utf8proc_int32_t d[8];
    ptrdiff_t k = plan__utf8_next(s + i, len - i, &c);
    if (k <= 0) { i++; continue; } /* the caller validated; be safe anyway */
    i += (size_t)k;
    if (c < 0x80) { /* the common case, without a table look-up */
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) goto keep_c;
      if (c >= 'A' && c <= 'Z') { c += 32; goto keep_c; }
      space = out->len > 0;
      continue;
    keep_c:
      if (space && out->data[out->len - 1] != ' ') plan__buf_putc(out, ' ');
      space = false;
      plan__buf_putc(out, (char)c);
      continue;
    }
    const plan_letter *l = plan__letter(c);
    if (l) { /* a precomposed Vietnamese letter: its skeleton is its key */
      c = l->skeleton;
      goto keep_c;
    }
    utf8proc_ssize_t m = utf8proc_decompose_char(c, d, 8, UTF8PROC_DECOMPOSE | UTF8PROC_CASEFOLD, NULL);
    if (m < 0 || m > 8) continue;
    for (utf8proc_ssize_t j = 0; j < m; j++) {
      utf8proc_int32_t x = d[j];
      utf8proc_category_t cat = utf8proc_category(x);
      if (cat == UTF8PROC_CATEGORY_MN || cat == UTF8PROC_CATEGORY_MC ||
          cat == UTF8PROC_CATEGORY_ME || cat == UTF8PROC_CATEGORY_CF)
        continue; /* diacritics, soft hyphens, zero-width characters */
      if (x == 0x0111) x = 'd'; /* đ has no decomposition */
      bool keep = (cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO) ||
                  (cat >= UTF8PROC_CATEGORY_ND && cat <= UTF8PROC_CATEGORY_NO);
      if (!keep) { space = out->len > 0; continue; }
      if (space && out->data[out->len - 1] != ' ') plan__buf_putc(out, ' ');
      space = false;
      plan__buf_put_cp(out, x);
    }
  }
}
