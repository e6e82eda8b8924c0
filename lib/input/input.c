/* input.c - what kind of input this is and in which encoding, and the
 * conversions that turn it into the UTF-8 text the normalizer reads.
 * UTF-8 text, by far the most common input, passes through uncopied. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "input.h"

static bool starts_with_ci(const char *s, size_t n, const char *prefix) {
  size_t k = strlen(prefix);
  return n >= k && strncasecmp(s, prefix, k) == 0;
}

/* Counts tags HTML pages are made of in the first few kilobytes. */
static size_t html_tags(const char *s, size_t n) {
  static const char *const tags[] = {"<p>", "<p ", "<div", "<br", "<table", "<td", "<tr",
                                     "<span", "<li", "<h1", "<h2", "<h3", "<strong", "<b>"};
  size_t hits = 0;
  for (size_t i = 0; i + 1 < n; i++) {
    if (s[i] != '<') continue;
    for (size_t t = 0; t < sizeof tags / sizeof *tags; t++)
      if (starts_with_ci(s + i, n - i, tags[t])) { hits++; break; }
  }
  return hits;
}

static plan_input sniff(const char *s, size_t n) {
  if (n >= 4 && memcmp(s, "PK\x03\x04", 4) == 0) return PLAN_INPUT_DOCX;
  size_t lim = n < 8192 ? n : 8192, i = 0;
  if (lim >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0) i = 3;
  while (i < lim && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' || s[i] == '\n')) i++;
  static const char *const openers[] = {"<!doctype html", "<html", "<head", "<body", "<meta",
                                        "<?xml", "<!--"};
  for (size_t k = 0; k < sizeof openers / sizeof *openers; k++)
    if (starts_with_ci(s + i, lim - i, openers[k])) return PLAN_INPUT_HTML;
  if (memchr(s, '<', lim) && html_tags(s, lim) >= 3) return PLAN_INPUT_HTML;
  for (const char *p = s; (p = memchr(p, '*', (size_t)(s + lim - p))) != NULL; p++)
    if (p + 1 < s + lim && p[1] == '*') return PLAN_INPUT_MARKDOWN; /* "**" bold */
  for (const char *p = s; (p = memchr(p, '#', (size_t)(s + lim - p))) != NULL; p++) {
    if (p != s && p[-1] != '\n') continue; /* '#' headings */
    const char *q = p;
    while (q < s + lim && *q == '#') q++;
    if (q < s + lim && *q == ' ' && q - p <= 6) return PLAN_INPUT_MARKDOWN;
  }
  return PLAN_INPUT_TEXT;
}

/* Pure ASCII?  Eight bytes at a time: Vietnamese UTF-8 text stops it at
 * once. */
static bool all_ascii(const char *s, size_t n) {
  size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    uint64_t w;
    memcpy(&w, s + i, 8);
    if (w & 0x8080808080808080ull) return false;
  }
  for (; i < n; i++)
    if ((unsigned char)s[i] >= 0x80) return false;
  return true;
}

/* For HTML, which libxml2 must get as valid UTF-8 without NUL: the first
 * bad byte, or SIZE_MAX. */
static size_t first_invalid(const char *s, size_t n, bool *nul) {
  for (size_t i = 0; i < n;) {
    if ((unsigned char)s[i] < 0x80) {
      if (!s[i]) { *nul = true; return i; }
      i++;
      continue;
    }
    int32_t c;
    ptrdiff_t l = plan__utf8_next(s + i, n - i, &c);
    if (l < 0) { *nul = false; return i; }
    i += (size_t)l;
  }
  return SIZE_MAX;
}

/* Copies s with invalid sequences replaced by U+FFFD and NUL dropped. */
static void sanitize(const char *s, size_t n, plan_buf *out, plan_offmap *map) {
  for (size_t i = 0; i < n;) {
    plan__offmap_store(map, out->len, i);
    int32_t c;
    ptrdiff_t l = (unsigned char)s[i] < 0x80 ? 1 : plan__utf8_next(s + i, n - i, &c);
    if (l < 0) { plan__buf_put(out, "\xEF\xBF\xBD", 3); i++; continue; }
    if (s[i]) plan__buf_put(out, s + i, (size_t)l);
    i += (size_t)l;
  }
}

/* Anchors of b (b.out -> mid) followed through a (mid -> input). */
static void compose(plan_offmap *b, const plan_offmap *a) {
  plan_anchor *an = b->anchors.data;
  for (size_t i = 0; i < b->anchors.len; i++) an[i].in = plan__offmap_lookup(a, an[i].in);
}

static plan_status position_error(plan_error *err, plan_status st, const char *in, size_t len,
                                  size_t at, const char *what) {
  size_t line, col;
  plan__position(in, len, at, &line, &col);
  return plan__error(err, st, at, line, col, "%s at byte %zu (line %zu, column %zu)", what, at,
                     line, col);
}

static plan_status open_html(plan_source *s, const char *text, size_t tlen,
                             const plan_offmap *decoded, const char *in, size_t len,
                             const plan_options *o, plan_error *err) {
  plan_buf clean = {0};
  plan_offmap cmap;
  plan__offmap_init(&cmap);
  bool nul = false;
  size_t bad = first_invalid(text, tlen, &nul);
  plan_status st = PLAN_OK;
  if (bad != SIZE_MAX) {
    size_t at = decoded ? plan__offmap_lookup(decoded, bad) : bad;
    if (nul)
      st = position_error(err, PLAN_ENUL, in, len, at, "NUL byte");
    else if (!(o->flags & PLAN_OPT_REPLACE_INVALID))
      st = position_error(err, PLAN_EUTF8, in, len, at, "invalid UTF-8");
    else {
      sanitize(text, tlen, &clean, &cmap);
      text = clean.data;
      tlen = clean.len;
      if (clean.oom || cmap.anchors.oom) st = PLAN_ENOMEM;
    }
  }
  if (st == PLAN_OK) st = plan__html_extract(text, tlen, o, &s->buf, &s->map, err);
  if (st == PLAN_OK) {
    if (clean.data) compose(&s->map, &cmap);
    if (decoded) compose(&s->map, decoded);
  }
  plan__buf_free(&clean);
  plan__offmap_free(&cmap);
  return st;
}

/* A text copied cell by cell may hold task tables: read as the HTML and
 * DOCX readers read theirs (text_table.c). */
static plan_status open_text_tables(plan_source *s) {
  if (!memmem(s->data, s->len, "\n|", 2)) return PLAN_OK;
  plan_buf out = {0};
  plan_offmap map;
  plan__offmap_init(&map);
  bool changed = false;
  plan_status st = plan__text_tables(s->data, s->len, &out, &map, &changed);
  if (st == PLAN_OK && changed) {
    s->buf = out;
    s->map = map;
    s->data = s->buf.data;
    s->len = s->buf.len;
    s->converted = true;
    return PLAN_OK;
  }
  plan__buf_free(&out);
  plan__offmap_free(&map);
  return st;
}

plan_status plan__source_open(plan_source *s, const char *in, size_t len, const plan_options *o,
                              plan_error *err) {
  memset(s, 0, sizeof *s);
  plan__offmap_init(&s->map);
  s->data = in;
  s->len = len;
  s->input = o->input;
  s->encoding = o->encoding;
  if ((unsigned)s->input > PLAN_INPUT_DOCX)
    return plan__error(err, PLAN_EINVAL, 0, 0, 0, "unknown input kind %d", (int)s->input);
  if ((unsigned)s->encoding > PLAN_ENCODING_CP1258)
    return plan__error(err, PLAN_EINVAL, 0, 0, 0, "unknown encoding %d", (int)s->encoding);
  if (s->input == PLAN_INPUT_AUTO) s->input = sniff(in, len);

  if (s->input == PLAN_INPUT_DOCX) {
    s->encoding = PLAN_ENCODING_UTF8;
    s->converted = s->detached = true;
    plan_status st = plan__docx_extract(in, len, o, &s->buf, err);
    s->data = s->buf.data;
    s->len = s->buf.len;
    return st;
  }
  if (s->encoding == PLAN_ENCODING_AUTO) {
    /* Invalid UTF-8 is looked at only when the normalizer meets it (see
     * plan_normalize); here only pure ASCII may be VIQR, and an HTML page
     * must be sorted out before libxml2 reads it. */
    s->encoding = PLAN_ENCODING_UTF8;
    bool ascii = all_ascii(in, len);
    if (ascii || s->input == PLAN_INPUT_HTML) {
      plan_status st = plan__legacy_detect(in, len, s->input != PLAN_INPUT_HTML, &s->encoding, err);
      if (st != PLAN_OK) return st;
    }
  }
  plan_buf dec = {0};
  plan_offmap dmap;
  plan__offmap_init(&dmap);
  const char *text = in;
  size_t tlen = len;
  plan_status st = PLAN_OK;
  if (s->encoding != PLAN_ENCODING_UTF8) {
    size_t bad, first_bad;
    st = plan__legacy_decode(s->encoding, in, len, &dec, &dmap, &bad, &first_bad);
    if (st == PLAN_ENOMEM) plan__error(err, st, 0, 0, 0, "out of memory");
    if (st == PLAN_OK && bad && !(o->flags & PLAN_OPT_REPLACE_INVALID)) {
      char what[80];
      snprintf(what, sizeof what, "byte 0x%02x, which %s does not define",
               (unsigned char)in[first_bad], plan_encoding_name(s->encoding));
      st = position_error(err, PLAN_EFORMAT, in, len, first_bad, what);
    }
    text = dec.data;
    tlen = dec.len;
  }
  if (st == PLAN_OK && s->input == PLAN_INPUT_HTML) {
    st = open_html(s, text, tlen, text == in ? NULL : &dmap, in, len, o, err);
    s->data = s->buf.data;
    s->len = s->buf.len;
    s->converted = true;
  } else if (st == PLAN_OK && text != in) {
    s->buf = dec; /* the decoded text is what the normalizer reads */
    dec = (plan_buf){0};
    plan_offmap t = s->map;
    s->map = dmap;
    dmap = t;
    s->data = s->buf.data;
    s->len = s->buf.len;
    s->converted = true;
  }
  if (st == PLAN_OK && !s->converted && s->input != PLAN_INPUT_HTML) st = open_text_tables(s);
  plan__buf_free(&dec);
  plan__offmap_free(&dmap);
  return st;
}

bool plan__source_is_docx(const char *in, size_t len, const plan_options *o) {
  return o->input == PLAN_INPUT_DOCX ||
         (o->input == PLAN_INPUT_AUTO && len >= 4 && memcmp(in, "PK\x03\x04", 4) == 0);
}

void plan__source_close(plan_source *s) {
  plan__buf_free(&s->buf);
  plan__offmap_free(&s->map);
}
