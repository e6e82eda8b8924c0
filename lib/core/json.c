/* json.c - JSON string escaping and keys. */
#include <string.h>

#include "core.h"

/* Every string comes out as valid JSON (RFC 8259): quotes, backslashes and
 * control characters escaped, and a byte that starts no valid UTF-8
 * sequence (a file name in another encoding) written as U+FFFD. */
void plan__json_strn(plan_buf *b, const char *s, size_t n) {
  static const char hex[] = "0123456789abcdef";
  plan__buf_putc(b, '"');
  size_t run = 0;
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    if (c >= 0x80) {
      int32_t cp;
      ptrdiff_t k = plan__utf8_next(s + i, n - i, &cp);
      if (k > 0) {
        i += (size_t)k - 1;
        continue;
      }
      plan__buf_put(b, s + run, i - run);
      plan__buf_put(b, "\xEF\xBF\xBD", 3);
      run = i + 1;
      continue;
    }
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    plan__buf_put(b, s + run, i - run);
    run = i + 1;
    switch (c) {
      case '"': plan__buf_put(b, "\\\"", 2); break;
      case '\\': plan__buf_put(b, "\\\\", 2); break;
      case '\n': plan__buf_put(b, "\\n", 2); break;
      case '\r': plan__buf_put(b, "\\r", 2); break;
      case '\t': plan__buf_put(b, "\\t", 2); break;
      default: {
        char e[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
        plan__buf_put(b, e, 6);
      }
    }
  }
  plan__buf_put(b, s + run, n - run);
  plan__buf_putc(b, '"');
}

void plan__json_str(plan_buf *b, const char *s) {
  if (!s) plan__buf_put(b, "null", 4);
  else plan__json_strn(b, s, strlen(s));
}

void plan__json_key(plan_buf *b, bool *first, const char *key) {
  if (!*first) plan__buf_putc(b, ',');
  *first = false;
  plan__json_str(b, key);
  plan__buf_putc(b, ':');
}
