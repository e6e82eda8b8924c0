/* html.c - the text of an HTML page, read with libxml2's HTML parser in
 * SAX mode (no tree is built).  Blocks become lines, headings '#' lines,
 * bold and italic '**' and '*', table cells lines between '|' lines (as in
 * text copied from a page), so the normalizer keeps the same hints as for
 * markdown.  Script, style, navigation and comments are dropped; libxml2
 * decodes the entities.  Every text run is anchored to the byte it came
 * from. */
#include <libxml/HTMLparser.h>
#include <libxml/parserInternals.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "input.h"

/* Where text goes: the page's output, or a table cell being collected. */
typedef struct sink {
  plan_buf *buf;
  plan_offmap *map;  /* buf offsets -> page offsets */
  int pending_break; /* 1 newline, 2 blank line, before the next text */
  bool pending_space;
  int bold_depth, italic_depth;     /* <b> and <i> elements open */
  bool bold_pending, italic_pending; /* opened, nothing written yet */
  bool bold_open, italic_open;       /* the opener was written */
} sink;

typedef struct list_level {
  bool ordered;
  int counter;
} list_level;

typedef struct html {
  htmlParserCtxtPtr ctxt;
  const char *in; /* the page */
  size_t len;
  size_t scan; /* just past the last word found in it */
  plan_offmap *map;
  int skip;    /* inside script, style, nav, ...: depth */
  int heading; /* level of the open heading, 0 outside */
  bool heading_written;
  char marker[16]; /* a list item's marker, written before its first text */
  list_level lists[64];
  int nlists;
  plan_table table; /* the outermost table, collected to its end */
  bool in_table;
  int inner_tables; /* tables inside it: their cells are plain lines */
  sink sinks[2];    /* the page; the open cell */
  int nsinks;
  plan_table_cell *cell; /* the open cell, or NULL */
  plan_buf cellbuf;
  plan_offmap cellmap;
  bool oom;
} html;

static sink *top_sink(html *h) { return &h->sinks[h->nsinks - 1]; }

static size_t source_pos(html *h, size_t len) {
  long c = xmlByteConsumed(h->ctxt);
  return c > 0 && (size_t)c >= len ? (size_t)c - len : 0;
}

/* Where a word of text the parser handed over stands in the page.  The
 * parser's byte count is only near it (it reads ahead), so the word is
 * looked for from the last one found; a word written with entities is not
 * found and takes the estimate. */
static size_t locate(html *h, const char *w, size_t n, size_t estimate) {
  /* not before the last word found, nor far before the estimate (a word
   * of the page's title or script must not be taken for it) */
  size_t from = h->scan, to = estimate + n + 512;
  if (estimate > 2048 && estimate - 2048 > from) from = estimate - 2048;
  if (to > h->len) to = h->len;
  if (from < to && n) {
    const char *at = memmem(h->in + from, to - from, w, n);
    if (at) {
      h->scan = (size_t)(at - h->in) + n;
      return (size_t)(at - h->in);
    }
  }
  return estimate > h->scan ? estimate : h->scan;
}

static void put(html *h, sink *k, const char *s, size_t n, size_t src) {
  plan__offmap_store_forward(k->map, k->buf->len, src);
  plan__buf_put(k->buf, s, n);
}

static void block_break(html *h, int kind) {
  sink *k = top_sink(h);
  if (k->buf->len && kind > k->pending_break) k->pending_break = kind;
}

/* A list item's own marker ("1.", "a)", "-") makes the generated one
 * unneeded. */
static bool starts_with_marker(const char *s, size_t n) {
  size_t i = 0;
  while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r')) i++;
  if (i < n && (s[i] == '-' || s[i] == '+' || s[i] == '*')) return true;
  if (n - i >= 3 && memcmp(s + i, "\xE2\x80\xA2", 3) == 0) return true; /* • */
  size_t j = i;
  while (j < n && ((s[j] >= '0' && s[j] <= '9') || strchr("IVXLC", s[j]))) j++;
  if (j > i && j < n && (s[j] == '.' || s[j] == ')')) return true;
  return n - i >= 2 && s[i] >= 'a' && s[i] <= 'z' && s[i + 1] == ')';
}

/* Writes what must come before text: breaks, the heading's '#'s, the list
 * marker, emphasis openers, a space. */
static void before_text(html *h, sink *k, size_t src, const char *text, size_t n) {
  if (k->pending_break) {
    put(h, k, k->pending_break > 1 ? "\n\n" : "\n", (size_t)k->pending_break, src);
    k->pending_break = 0;
    k->pending_space = false;
  }
  bool line_start = !k->buf->len || k->buf->data[k->buf->len - 1] == '\n';
  if (line_start && h->heading && !h->heading_written) {
    put(h, k, "######", (size_t)h->heading, src);
    put(h, k, " ", 1, src);
    h->heading_written = true;
  }
  if (h->marker[0]) {
    if (!starts_with_marker(text, n)) {
      if (!line_start && k->pending_space) put(h, k, " ", 1, src);
      put(h, k, h->marker, strlen(h->marker), src);
      put(h, k, " ", 1, src);
      line_start = true; /* no space after the marker's own */
    }
    h->marker[0] = '\0';
  }
  if (k->pending_space && !line_start) put(h, k, " ", 1, src);
  k->pending_space = false;
  if (k->bold_pending) { put(h, k, "**", 2, src); k->bold_open = true; k->bold_pending = false; }
  if (k->italic_pending) { put(h, k, "*", 1, src); k->italic_open = true; k->italic_pending = false; }
}

static void on_text(void *ctx, const xmlChar *ch, int len) {
  html *h = ctx;
  if (h->skip || len <= 0) return;
  sink *k = top_sink(h);
  size_t n = (size_t)len, src = source_pos(h, n);
  const char *s = (const char *)ch;
  for (size_t i = 0; i < n;) {
    if (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r' || s[i] == '\f') {
      k->pending_space = true;
      i++;
      continue;
    }
    size_t j = i;
    while (j < n && s[j] != ' ' && s[j] != '\t' && s[j] != '\n' && s[j] != '\r' && s[j] != '\f') j++;
    size_t at = locate(h, s + i, j - i, src + i);
    before_text(h, k, at, s + i, n - i);
    put(h, k, s + i, j - i, at);
    i = j;
  }
}

static bool name_is(const xmlChar *name, const char *s) {
  return strcasecmp((const char *)name, s) == 0;
}

static bool is_skipped(const xmlChar *name, const xmlChar **atts) {
  static const char *const skipped[] = {"script", "style", "noscript", "template", "nav",
                                        "aside", "menu", "iframe", "object", "svg",
                                        "head", "select", "button", "form"};
  for (size_t i = 0; i < sizeof skipped / sizeof *skipped; i++)
    if (name_is(name, skipped[i])) return true;
  for (size_t i = 0; atts && atts[i]; i += 2) /* role="navigation" */
    if (name_is(atts[i], "role") && atts[i + 1] &&
        (name_is(atts[i + 1], "navigation") || name_is(atts[i + 1], "banner")))
      return true;
  return false;
}

static bool is_block(const xmlChar *name) {
  static const char *const blocks[] = {"p", "div", "section", "article", "main", "header",
                                       "footer", "blockquote", "ul", "ol", "dl", "dt", "dd",
                                       "pre", "address", "center", "body", "caption",
                                       "figure", "figcaption", "fieldset"};
  for (size_t i = 0; i < sizeof blocks / sizeof *blocks; i++)
    if (name_is(name, blocks[i])) return true;
  return false;
}

static int heading_level(const xmlChar *name) {
  if ((name[0] == 'h' || name[0] == 'H') && name[1] >= '1' && name[1] <= '6' && !name[2])
    return name[1] - '0';
  return 0;
}

static void open_emphasis(sink *k, bool bold) {
  if ((bold ? k->bold_depth++ : k->italic_depth++) == 0) {
    if (bold) k->bold_pending = true;
    else k->italic_pending = true;
  }
}

/* Closes the emphasis when its outermost element ends (all = the sink is
 * done).  The closer goes before a pending space: "**Sở Nội vụ:** Kiện". */
static void close_emphasis(html *h, sink *k, bool bold, bool all) {
  int *depth = bold ? &k->bold_depth : &k->italic_depth;
  if (*depth == 0 || (--*depth > 0 && !all)) return;
  *depth = 0;
  bool *pending = bold ? &k->bold_pending : &k->italic_pending;
  bool *open = bold ? &k->bold_open : &k->italic_open;
  if (*open) put(h, k, bold ? "**" : "*", bold ? 2 : 1, source_pos(h, 0));
  *pending = *open = false; /* pending: nothing inside, nothing written */
}

static void cell_begin(html *h, size_t src) {
  plan_table *t = &h->table;
  if (!t->rows.len) plan__table_add_row(t);
  h->cell = plan__table_add_cell(t, src);
  if (!h->cell) { h->oom = true; return; }
  h->cellbuf = (plan_buf){0};
  plan__offmap_init(&h->cellmap);
  h->sinks[h->nsinks++] = (sink){.buf = &h->cellbuf, .map = &h->cellmap};
}

static void cell_end(html *h) {
  if (!h->cell) return;
  sink *k = top_sink(h);
  close_emphasis(h, k, true, true);
  close_emphasis(h, k, false, true);
  if (h->cellbuf.oom) h->oom = true;
  if (h->cellmap.anchors.oom) h->oom = true;
  h->cell->text = plan__buf_take(&h->cellbuf, &h->cell->len);
  plan__offmap_free(&h->cell->map);
  h->cell->map = h->cellmap; /* the cell keeps its anchors */
  plan__offmap_init(&h->cellmap);
  h->nsinks--;
  h->cell = NULL;
}

static void on_start(void *ctx, const xmlChar *name, const xmlChar **atts) {
  html *h = ctx;
  if (h->skip || is_skipped(name, atts)) { h->skip++; return; }
  size_t src = source_pos(h, 0);
  int level = heading_level(name);
  if (name_is(name, "table")) {
    block_break(h, 2);
    if (h->in_table) h->inner_tables++;
    else { plan__table_init(&h->table); h->in_table = true; }
  } else if (name_is(name, "tr") && h->in_table && !h->inner_tables) {
    if (h->cell) cell_end(h);
    if (!plan__table_add_row(&h->table)) h->oom = true;
  } else if ((name_is(name, "td") || name_is(name, "th")) && h->in_table && !h->inner_tables) {
    if (h->cell) cell_end(h);
    cell_begin(h, src);
  } else if (name_is(name, "tr") || name_is(name, "td") || name_is(name, "th")) {
    block_break(h, 1); /* a table inside a cell: one line per cell */
  } else if (name_is(name, "br")) {
    block_break(h, 1);
  } else if (name_is(name, "hr")) {
    block_break(h, 2);
    sink *k = top_sink(h);
    before_text(h, k, src, "-", 1);
    put(h, k, "-----", 5, src);
    block_break(h, 2);
  } else if (name_is(name, "b") || name_is(name, "strong")) {
    open_emphasis(top_sink(h), true);
  } else if (name_is(name, "i") || name_is(name, "em")) {
    open_emphasis(top_sink(h), false);
  } else if (level) {
    block_break(h, 2);
    h->heading = level;
    h->heading_written = false;
  } else if (name_is(name, "li")) {
    block_break(h, 1);
    list_level *l = h->nlists ? &h->lists[h->nlists - 1] : NULL;
    if (l && l->ordered) snprintf(h->marker, sizeof h->marker, "%d.", ++l->counter);
    else snprintf(h->marker, sizeof h->marker, "-");
  } else if (name_is(name, "ul") || name_is(name, "ol")) {
    block_break(h, 2);
    if (h->nlists < (int)(sizeof h->lists / sizeof *h->lists))
      h->lists[h->nlists++] = (list_level){.ordered = name_is(name, "ol")};
  } else if (is_block(name)) {
    block_break(h, 2);
  }
}

/* Writes the collected table where it stood. */
static void end_table(html *h) {
  if (h->cell) cell_end(h);
  sink *k = top_sink(h);
  if (k->buf->len) put(h, k, "\n\n", 2, source_pos(h, 0));
  k->pending_break = 0;
  k->pending_space = false;
  plan__table_emit(&h->table, k->buf, h->map);
  plan__table_free(&h->table);
  h->in_table = false;
  k->pending_break = 2;
}

static void on_end(void *ctx, const xmlChar *name) {
  html *h = ctx;
  if (h->skip) { h->skip--; return; }
  if (name_is(name, "table")) {
    if (h->inner_tables) {
      h->inner_tables--;
      block_break(h, 2);
    } else if (h->in_table) {
      end_table(h);
    }
  } else if ((name_is(name, "td") || name_is(name, "th")) && !h->inner_tables) {
    cell_end(h);
  } else if (name_is(name, "tr") || name_is(name, "td") || name_is(name, "th")) {
    block_break(h, 1);
  } else if (name_is(name, "b") || name_is(name, "strong")) {
    close_emphasis(h, top_sink(h), true, false);
  } else if (name_is(name, "i") || name_is(name, "em")) {
    close_emphasis(h, top_sink(h), false, false);
  } else if (heading_level(name)) {
    h->heading = 0;
    block_break(h, 2);
  } else if (name_is(name, "li")) {
    h->marker[0] = '\0';
    block_break(h, 1);
  } else if (name_is(name, "ul") || name_is(name, "ol")) {
    if (h->nlists) h->nlists--;
    block_break(h, 2);
  } else if (is_block(name)) {
    block_break(h, 2);
  }
}

void plan__xml_quiet(void *ctx, struct _xmlError *error) {
  (void)ctx;
  (void)error;
}

plan_status plan__html_extract(const char *in, size_t len, const plan_options *o, plan_buf *out,
                               plan_offmap *map, plan_error *err) {
  if (len > INT32_MAX)
    return plan__error(err, PLAN_ELIMIT, 0, 0, 0, "HTML input over 2 GiB");
  plan_status lst = plan__markup_limits(in, len, o->max_elements, true, "HTML page", err);
  if (lst != PLAN_OK) return lst;
  htmlSAXHandler sax;
  memset(&sax, 0, sizeof sax);
  sax.startElement = on_start;
  sax.endElement = on_end;
  sax.characters = on_text;
  sax.ignorableWhitespace = on_text;
  /* no comment, processing-instruction, entity-declaration or cdata
   * handlers: those parts of the page are dropped.  Errors go to a
   * structured handler that keeps them (libxml2 would print them). */
  sax.initialized = XML_SAX2_MAGIC;
  sax.serror = plan__xml_quiet;
  html *h = calloc(1, sizeof *h);
  if (!h) return plan__error(err, PLAN_ENOMEM, 0, 0, 0, "out of memory");
  h->map = map;
  h->in = in;
  h->len = len;
  h->sinks[0] = (sink){.buf = out, .map = map};
  h->nsinks = 1;
  htmlParserCtxtPtr ctxt = htmlCreatePushParserCtxt(&sax, h, NULL, 0, NULL, XML_CHAR_ENCODING_UTF8);
  if (!ctxt) {
    free(h);
    return plan__error(err, PLAN_ENOMEM, 0, 0, 0, "out of memory");
  }
  /* no network, no error output, nothing read but these bytes, and the
   * bytes are UTF-8 whatever a <meta charset> says (the input stage
   * converted them) */
  htmlCtxtUseOptions(ctxt, HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                               HTML_PARSE_NOIMPLIED | HTML_PARSE_IGNORE_ENC);
  h->ctxt = ctxt;
  htmlParseChunk(ctxt, in, (int)len, 1);
  if (h->in_table) end_table(h); /* a table the page never closed */
  sink *k = &h->sinks[0];
  close_emphasis(h, k, true, true);
  close_emphasis(h, k, false, true);
  plan__buf_putc(out, '\n');
  bool oom = h->oom || out->oom || map->anchors.oom;
  plan__buf_free(&h->cellbuf);
  plan__offmap_free(&h->cellmap);
  htmlFreeParserCtxt(ctxt);
  free(h);
  if (oom) return plan__error(err, PLAN_ENOMEM, 0, 0, 0, "out of memory");
  return PLAN_OK;
}
