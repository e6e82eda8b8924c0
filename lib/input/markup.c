/* markup.c - what an HTML page or an XML part may hold, counted in one pass
 * before a parser sees it: elements (a DOCX part of a few hundred
 * compressed kilobytes can inflate to millions, which libxml2's tree would
 * hold at a few hundred bytes each) and the attributes of each tag
 * (libxml2 checks every attribute of a tag against the others). */
#include <string.h>
#include <strings.h>

#include "input.h"

static bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

static bool is_letter(char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }

/* Where the text from i on holds close (case-insensitively), or len. */
static size_t find_ci(const char *in, size_t len, size_t i, const char *close) {
  size_t n = strlen(close);
  for (const char *p; i < len && (p = memchr(in + i, close[0], len - i)) != NULL;) {
    i = (size_t)(p - in);
    if (len - i >= n && strncasecmp(p, close, n) == 0) return i;
    i++;
  }
  return len;
}

static plan_status breach(const char *in, size_t len, size_t at, plan_error *err,
                          const char *what, const char *limit_name, size_t limit) {
  size_t line, col;
  plan__position(in, len, at, &line, &col);
  return plan__error(err, PLAN_ELIMIT, at, line, col, "%s: more than %zu %s (line %zu, column %zu)",
                     what, limit, limit_name, line, col);
}

plan_status plan__markup_limits(const char *in, size_t len, size_t max_elements, bool html,
                                const char *what, plan_error *err) {
  size_t elements = 0;
  for (size_t i = 0; i < len;) {
    const char *lt = memchr(in + i, '<', len - i);
    if (!lt) break;
    size_t at = (size_t)(lt - in);
    i = at + 1;
    if (len - i >= 3 && memcmp(in + i, "!--", 3) == 0) { /* a comment */
      size_t e = find_ci(in, len, i + 3, "-->");
      i = e < len ? e + 3 : len;
      continue;
    }
    if (i >= len || !is_letter(in[i])) continue; /* an end tag, <!...>, <?...>, a lone '<' */
    if (++elements > max_elements) return breach(in, len, at, err, what, "elements", max_elements);
    size_t name = i;
    while (i < len && !is_space(in[i]) && in[i] != '>' && in[i] != '/') i++;
    size_t name_len = i - name;
    size_t attributes = 0;
    for (;;) {
      while (i < len && (is_space(in[i]) || in[i] == '/')) i++;
      if (i >= len || in[i] == '>') break;
      if (++attributes > PLAN_MAX_ATTRIBUTES)
        return breach(in, len, at, err, what, "attributes in one tag", PLAN_MAX_ATTRIBUTES);
      while (i < len && !is_space(in[i]) && in[i] != '>' && in[i] != '=' && in[i] != '/') i++;
      while (i < len && is_space(in[i])) i++;
      if (i < len && in[i] == '=') {
        i++;
        while (i < len && is_space(in[i])) i++;
        if (i < len && (in[i] == '"' || in[i] == '\'')) {
          const char *q = memchr(in + i + 1, in[i], len - i - 1);
          i = q ? (size_t)(q - in) + 1 : len;
        } else {
          while (i < len && !is_space(in[i]) && in[i] != '>') i++;
        }
      } else if (i < len && in[i] == '/') {
        i++;
      }
    }
    /* an HTML script or style holds text, not tags, up to its end tag */
    if (html && ((name_len == 6 && strncasecmp(in + name, "script", 6) == 0) ||
                 (name_len == 5 && strncasecmp(in + name, "style", 5) == 0)))
      i = find_ci(in, len, i, name_len == 6 ? "</script" : "</style");
  }
  return PLAN_OK;
}
