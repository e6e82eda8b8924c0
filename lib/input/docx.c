/* docx.c - the text of a Word document: word/document.xml read from the
 * ZIP with libzip and parsed with libxml2 (no network, no DTD: a part that
 * declares one is refused, so no entity is ever expanded).  Paragraphs
 * become lines, list numbering (word/numbering.xml) their markers, heading
 * styles '#' lines, bold runs '**', tables the same text as HTML tables.
 * Positions refer to this extracted text: a ZIP has no useful byte
 * offsets. */
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <zip.h>

#include "input.h"

#define MAX_LEVELS 9
/* Word's own bounds on a list's start value; counters are held under
 * COUNTER_MAX so no arithmetic on them overflows. */
#define START_MAX 32767
#define COUNTER_MAX 1000000000

typedef struct num_level {
  char fmt[24];  /* decimal, lowerLetter, upperRoman, bullet, ... */
  char text[32]; /* "%1.", "%1.%2.", "-" */
  int start;
} num_level;

typedef struct numbering {
  int num_id, abstract_id;
  num_level lv[MAX_LEVELS];
  int counter[MAX_LEVELS];
  bool used[MAX_LEVELS];
} numbering;

/* A paragraph style and the heading level its name gives. */
typedef struct style {
  const char *id;
  int level;
  size_t order; /* in the part: of two styles with one id, the last counts */
} style;

typedef struct docx {
  numbering *nums; /* sorted by num_id */
  size_t nnums;
  style *styles;   /* sorted by id */
  size_t nstyles;
} docx;

/* ---- reading the ZIP ------------------------------------------------- */

/* Reads a part, inflating at most *budget bytes (what all parts together
 * may inflate to), which it lowers by what it read. */
static plan_status read_part(zip_t *za, const char *name, size_t *budget, char **out, size_t *n,
                             plan_error *err) {
  size_t limit = *budget;
  *out = NULL;
  *n = 0;
  zip_file_t *f = zip_fopen(za, name, 0);
  if (!f) return PLAN_EEMPTY; /* no such part */
  plan_buf b = {0};
  char chunk[16384];
  zip_int64_t k;
  plan_status st = PLAN_OK;
  /* the sizes a ZIP declares can lie: count what is actually inflated */
  while ((k = zip_fread(f, chunk, sizeof chunk)) > 0) {
    if (b.len + (size_t)k > limit) {
      st = plan__error(err, PLAN_ELIMIT, 0, 0, 0,
                       "DOCX part %s inflates past what is left of the limit (%zu bytes)",
                       name, limit);
      break;
    }
    plan__buf_put(&b, chunk, (size_t)k);
  }
  if (st == PLAN_OK && k < 0)
    st = plan__error(err, PLAN_EFORMAT, 0, 0, 0, "DOCX part %s is damaged: %s", name,
                     zip_file_strerror(f));
  zip_fclose(f);
  if (st == PLAN_OK && b.oom) st = plan__error(err, PLAN_ENOMEM, 0, 0, 0, "out of memory");
  if (st != PLAN_OK) {
    plan__buf_free(&b);
    return st;
  }
  *out = plan__buf_take(&b, n);
  if (!*out) return plan__error(err, PLAN_ENOMEM, 0, 0, 0, "out of memory");
  *budget -= *n;
  return PLAN_OK;
}

/* Parses an XML part: no network, no entity substitution, no DTD; a
 * DOCTYPE (Word never writes one) is refused before libxml2 sees it. */
static plan_status parse_part(const char *name, const char *s, size_t n, size_t max_elements,
                              xmlDocPtr *out, plan_error *err) {
  *out = NULL;
  if (n > INT32_MAX) return plan__error(err, PLAN_ELIMIT, 0, 0, 0, "DOCX part %s over 2 GiB", name);
  /* the tree libxml2 builds is a few hundred bytes an element: count first */
  plan_status lst = plan__markup_limits(s, n, max_elements, false, name, err);
  if (lst != PLAN_OK) return lst;
  if (memmem(s, n, "<!DOCTYPE", 9) || memmem(s, n, "<!ENTITY", 8))
    return plan__error(err, PLAN_EFORMAT, 0, 0, 0,
                       "DOCX part %s declares a DTD or entities, which Word never writes", name);
  xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
  if (!ctxt) return plan__error(err, PLAN_ENOMEM, 0, 0, 0, "out of memory");
  ctxt->sax->serror = plan__xml_quiet;
  ctxt->sax->error = NULL;
  ctxt->sax->warning = NULL;
  *out = xmlCtxtReadMemory(ctxt, s, (int)n, name, "UTF-8", XML_PARSE_NONET | XML_PARSE_NOERROR |
                                                               XML_PARSE_NOWARNING);
  const xmlError *e = xmlCtxtGetLastError(ctxt);
  plan_status st = PLAN_OK;
  if (!*out)
    st = plan__error(err, PLAN_EFORMAT, 0, e ? (size_t)e->line : 0, 0,
                     "DOCX part %s is not well-formed XML: %s", name,
                     e && e->message ? e->message : "unreadable");
  xmlFreeParserCtxt(ctxt);
  return st;
}

/* ---- element helpers --------------------------------------------------- */

static bool is(const xmlNode *n, const char *local) {
  return n && n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, local) == 0;
}

static const xmlNode *child(const xmlNode *n, const char *local) {
  for (const xmlNode *c = n ? n->children : NULL; c; c = c->next)
    if (is(c, local)) return c;
  return NULL;
}

/* w:val (or another attribute) whatever its namespace prefix. */
static const char *attr(const xmlNode *n, const char *local) {
  for (const xmlAttr *a = n ? n->properties : NULL; a; a = a->next)
    if (strcmp((const char *)a->name, local) == 0 && a->children && a->children->content)
      return (const char *)a->children->content;
  return NULL;
}

static int attr_int(const xmlNode *n, const char *local, int dflt) {
  const char *v = attr(n, local);
  return v ? atoi(v) : dflt;
}

/* A toggle property (w:b, w:i): present and not switched off. */
static bool toggle(const xmlNode *rpr, const char *local) {
  const xmlNode *t = child(rpr, local);
  if (!t) return false;
  const char *v = attr(t, "val");
  return !v || !(strcmp(v, "0") == 0 || strcmp(v, "false") == 0 || strcmp(v, "off") == 0);
}

/* ---- numbering ----------------------------------------------------------- */

typedef struct abstract_ref {
  int id;
  const xmlNode *node;
} abstract_ref;

static int abstract_cmp(const void *a, const void *b) {
  int x = ((const abstract_ref *)a)->id, y = ((const abstract_ref *)b)->id;
  return (x > y) - (x < y);
}

static int num_cmp(const void *a, const void *b) {
  int x = ((const numbering *)a)->num_id, y = ((const numbering *)b)->num_id;
  return (x > y) - (x < y);
}

/* The lists of word/numbering.xml: each w:num with the levels of the
 * w:abstractNum it names, found by a sorted index (n log n, however many
 * lists a document defines). */
static plan_status load_numbering(docx *d, xmlDocPtr nd) {
  const xmlNode *root = xmlDocGetRootElement(nd);
  size_t count = 0, nabs = 0;
  for (const xmlNode *c = root ? root->children : NULL; c; c = c->next) {
    count += is(c, "num");
    nabs += is(c, "abstractNum");
  }
  d->nums = calloc(count ? count : 1, sizeof *d->nums);
  abstract_ref *abs = calloc(nabs ? nabs : 1, sizeof *abs);
  if (!d->nums || !abs) {
    free(abs);
    return PLAN_ENOMEM;
  }
  size_t k = 0;
  for (const xmlNode *a = root ? root->children : NULL; a; a = a->next)
    if (is(a, "abstractNum")) abs[k++] = (abstract_ref){attr_int(a, "abstractNumId", -2), a};
  qsort(abs, nabs, sizeof *abs, abstract_cmp);
  for (const xmlNode *c = root ? root->children : NULL; c; c = c->next) {
    if (!is(c, "num")) continue;
    numbering *nu = &d->nums[d->nnums++];
    nu->num_id = attr_int(c, "numId", -1);
    nu->abstract_id = attr_int(child(c, "abstractNumId"), "val", -1);
    abstract_ref key = {nu->abstract_id, NULL};
    const abstract_ref *a = bsearch(&key, abs, nabs, sizeof *abs, abstract_cmp);
    for (const xmlNode *l = a ? a->node->children : NULL; l; l = l->next) {
      int il = attr_int(l, "ilvl", -1);
      if (!is(l, "lvl") || il < 0 || il >= MAX_LEVELS) continue;
      num_level *lv = &nu->lv[il];
      const char *fmt = attr(child(l, "numFmt"), "val");
      const char *txt = attr(child(l, "lvlText"), "val");
      snprintf(lv->fmt, sizeof lv->fmt, "%s", fmt ? fmt : "decimal");
      snprintf(lv->text, sizeof lv->text, "%s", txt ? txt : "%1.");
      int start = attr_int(child(l, "start"), "val", 1);
      lv->start = start < 0 ? 0 : start > START_MAX ? START_MAX : start;
    }
  }
  free(abs);
  /* stable order for equal ids is not needed: Word's numIds are unique, and
   * of two equal the first found wins as before */
  qsort(d->nums, d->nnums, sizeof *d->nums, num_cmp);
  return PLAN_OK;
}

static void format_counter(plan_buf *b, const char *fmt, int v) {
  static const char *const romans[] = {"m", "cm", "d", "cd", "c", "xc", "l", "xl", "x", "ix",
                                       "v", "iv", "i"};
  static const int values[] = {1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1};
  bool upper = strncmp(fmt, "upper", 5) == 0;
  if (strstr(fmt, "Roman") && v > 0 && v < 4000) {
    for (size_t i = 0; i < 13; i++)
      while (v >= values[i]) {
        for (const char *r = romans[i]; *r; r++) plan__buf_putc(b, upper ? (char)(*r - 32) : *r);
        v -= values[i];
      }
  } else if (strstr(fmt, "Letter") && v > 0 && v <= 26 * 8) {
    /* a, ..., z, aa, ..., zz, aaa: past eight letters Word's own label is
     * no shorter than the number, which is written instead */
    char c = (char)((upper ? 'A' : 'a') + (v - 1) % 26);
    for (int k = 0; k <= (v - 1) / 26; k++) plan__buf_putc(b, c);
  } else {
    plan__buf_printf(b, "%d", v);
  }
}

/* The marker Word would show for a paragraph numbered (numId, ilvl). */
static void number_label(docx *d, int num_id, int ilvl, plan_buf *out) {
  if (ilvl < 0 || ilvl >= MAX_LEVELS) return;
  numbering key = {.num_id = num_id};
  numbering *nu = d->nums ? bsearch(&key, d->nums, d->nnums, sizeof *d->nums, num_cmp) : NULL;
  if (!nu || num_id == 0) return;
  num_level *lv = &nu->lv[ilvl];
  if (strcmp(lv->fmt, "bullet") == 0 || strcmp(lv->fmt, "none") == 0) {
    if (strcmp(lv->fmt, "bullet") == 0) plan__buf_put(out, "- ", 2);
    return;
  }
  nu->counter[ilvl] = !nu->used[ilvl] ? lv->start
                     : nu->counter[ilvl] < COUNTER_MAX ? nu->counter[ilvl] + 1 : COUNTER_MAX;
  nu->used[ilvl] = true;
  for (int k = ilvl + 1; k < MAX_LEVELS; k++) nu->used[k] = false; /* deeper levels restart */
  for (const char *t = lv->text; *t; t++) {
    if (t[0] == '%' && t[1] >= '1' && t[1] <= '9') {
      int k = t[1] - '1';
      format_counter(out, nu->lv[k].fmt[0] ? nu->lv[k].fmt : "decimal",
                     nu->used[k] ? nu->counter[k] : nu->lv[k].start);
      t++;
    } else {
      plan__buf_putc(out, *t);
    }
  }
  plan__buf_putc(out, ' ');
}

/* Heading level a style's name gives: "Heading2", "heading 2", "Title". */
static int level_of_name(const char *name) {
  if (strncasecmp(name, "heading", 7) == 0) {
    const char *p = name + 7;
    while (*p == ' ') p++;
    if (*p >= '1' && *p <= '6' && !p[1]) return *p - '0';
  }
  return strcasecmp(name, "Title") == 0 ? 1 : 0;
}

static int style_cmp(const void *a, const void *b) {
  return strcmp(((const style *)a)->id, ((const style *)b)->id);
}

static int style_order_cmp(const void *a, const void *b) {
  int r = style_cmp(a, b);
  if (r) return r;
  size_t x = ((const style *)a)->order, y = ((const style *)b)->order;
  return (x > y) - (x < y);
}

/* The styles of word/styles.xml with the level each gives, sorted by id;
 * of two with one id, the last (as Word reads it).  The strings stay in
 * the tree sd. */
static plan_status load_styles(docx *d, xmlDocPtr sd) {
  const xmlNode *root = xmlDocGetRootElement(sd);
  size_t count = 0;
  for (const xmlNode *s = root ? root->children : NULL; s; s = s->next) count += is(s, "style");
  d->styles = calloc(count ? count : 1, sizeof *d->styles);
  if (!d->styles) return PLAN_ENOMEM;
  for (const xmlNode *s = root ? root->children : NULL; s; s = s->next) {
    const char *id = is(s, "style") ? attr(s, "styleId") : NULL;
    const char *name = attr(child(s, "name"), "val");
    if (id && name) d->styles[d->nstyles] = (style){id, level_of_name(name), d->nstyles}, d->nstyles++;
  }
  qsort(d->styles, d->nstyles, sizeof *d->styles, style_order_cmp);
  return PLAN_OK;
}

/* Heading level of a paragraph style, by its id; an id no style names is
 * read as a name ("Heading2"). */
static int heading_level(docx *d, const char *style_id) {
  if (!style_id) return 0;
  style key = {style_id, 0, 0};
  const style *s = d->styles ? bsearch(&key, d->styles, d->nstyles, sizeof *d->styles, style_cmp) : NULL;
  while (s && s + 1 < d->styles + d->nstyles && style_cmp(s, s + 1) == 0) s++; /* the last */
  return s ? s->level : level_of_name(style_id);
}

/* ---- text ---------------------------------------------------------------- */

typedef struct para_state {
  bool bold; /* a "**" is open */
} para_state;

static void run(const xmlNode *r, plan_buf *out, para_state *ps) {
  bool bold = toggle(child(r, "rPr"), "b");
  for (const xmlNode *c = r->children; c; c = c->next) {
    if (is(c, "t")) {
      xmlChar *s = xmlNodeGetContent(c);
      if (s && *s) {
        if (bold != ps->bold) {
          /* the closer goes before the space: "**Sở Nội vụ:** Kiện" */
          size_t sp = 0;
          while (!bold && sp < out->len && out->data[out->len - 1 - sp] == ' ') sp++;
          out->len -= sp;
          plan__buf_put(out, "**", 2);
          while (sp--) plan__buf_putc(out, ' ');
          ps->bold = bold;
        }
        plan__buf_put(out, s, strlen((const char *)s));
      }
      xmlFree(s);
    } else if (is(c, "tab")) {
      plan__buf_putc(out, ' ');
    } else if (is(c, "br") || is(c, "cr")) {
      plan__buf_putc(out, '\n');
    } else if (is(c, "noBreakHyphen")) {
      plan__buf_putc(out, '-');
    }
  }
}

/* Runs, also inside hyperlinks, insertions, smart tags and simple fields;
 * deleted text (w:del) is not part of the document. */
static void runs(const xmlNode *n, plan_buf *out, para_state *ps) {
  for (const xmlNode *c = n->children; c; c = c->next) {
    if (is(c, "r")) run(c, out, ps);
    else if (is(c, "hyperlink") || is(c, "ins") || is(c, "smartTag") || is(c, "fldSimple") ||
             is(c, "sdt") || is(c, "sdtContent") || is(c, "customXml"))
      runs(c, out, ps);
  }
}

static void paragraph(docx *d, const xmlNode *p, plan_buf *out) {
  const xmlNode *ppr = child(p, "pPr");
  int level = heading_level(d, attr(child(ppr, "pStyle"), "val"));
  if (level) {
    for (int i = 0; i < level; i++) plan__buf_putc(out, '#');
    plan__buf_putc(out, ' ');
  }
  const xmlNode *numpr = child(ppr, "numPr");
  if (numpr)
    number_label(d, attr_int(child(numpr, "numId"), "val", 0),
                 attr_int(child(numpr, "ilvl"), "val", 0), out);
  para_state ps = {false};
  runs(p, out, &ps);
  if (ps.bold) plan__buf_put(out, "**", 2);
  plan__buf_putc(out, '\n');
}

static void block_content(docx *d, const xmlNode *n, plan_buf *out, int depth);

static void table(docx *d, const xmlNode *tbl, plan_buf *out, int depth) {
  plan_table t;
  plan__table_init(&t);
  for (const xmlNode *tr = tbl->children; tr; tr = tr->next) {
    if (!is(tr, "tr")) continue;
    plan__table_add_row(&t);
    for (const xmlNode *tc = tr->children; tc; tc = tc->next) {
      if (!is(tc, "tc")) continue;
      plan_buf cell = {0};
      block_content(d, tc, &cell, depth + 1);
      plan_table_cell *c = plan__table_add_cell(&t, 0);
      if (c) c->text = plan__buf_take(&cell, &c->len);
      plan__buf_free(&cell);
    }
  }
  if (out->len) plan__buf_putc(out, '\n');
  plan__table_emit(&t, out, NULL);
  plan__table_free(&t);
}

static void block_content(docx *d, const xmlNode *n, plan_buf *out, int depth) {
  for (const xmlNode *c = n->children; c; c = c->next) {
    if (is(c, "p")) paragraph(d, c, out);
    else if (is(c, "tbl") && depth < 8) table(d, c, out, depth);
    else if (is(c, "tbl")) block_content(d, c, out, depth + 1);
    else if (is(c, "tr") || is(c, "tc") || is(c, "sdt") || is(c, "sdtContent") ||
             is(c, "customXml"))
      block_content(d, c, out, depth + 1);
  }
}

/* An optional part (numbering, styles) read, parsed and loaded into d: one
 * missing or malformed is read without (PLAN_OK); one past a limit, or out
 * of memory, fails the document as the body would. */
static plan_status optional_part(zip_t *za, const char *name, size_t *budget,
                                 const plan_options *o, char **raw, xmlDocPtr *doc,
                                 plan_status (*load)(docx *, xmlDocPtr), docx *d,
                                 plan_error *err) {
  size_t n;
  plan_error e;
  plan_status st = read_part(za, name, budget, raw, &n, &e);
  if (st == PLAN_OK) st = parse_part(name, *raw, n, o->max_elements, doc, &e);
  if (st == PLAN_OK && load(d, *doc) != PLAN_OK)
    st = plan__error(&e, PLAN_ENOMEM, 0, 0, 0, "out of memory");
  if (st != PLAN_ELIMIT && st != PLAN_ENOMEM) return PLAN_OK;
  if (err) *err = e;
  return st;
}

plan_status plan__docx_extract(const char *in, size_t len, const plan_options *o, plan_buf *out,
                               plan_error *err) {
  zip_error_t ze;
  zip_error_init(&ze);
  zip_source_t *src = zip_source_buffer_create(in, len, 0, &ze);
  zip_t *za = src ? zip_open_from_source(src, ZIP_RDONLY, &ze) : NULL;
  if (!za) {
    plan_status st = plan__error(err, PLAN_EFORMAT, 0, 0, 0, "not a DOCX file: %s",
                                 zip_error_strerror(&ze));
    if (src) zip_source_free(src);
    zip_error_fini(&ze);
    return st;
  }
  zip_error_fini(&ze);
  docx d = {0};
  char *body = NULL, *num = NULL, *sty = NULL;
  size_t nbody = 0;
  xmlDocPtr doc = NULL, numdoc = NULL, styledoc = NULL;
  size_t budget = o->max_input_bytes; /* what all parts together may inflate to */
  plan_status st = read_part(za, "word/document.xml", &budget, &body, &nbody, err);
  if (st == PLAN_EEMPTY)
    st = plan__error(err, PLAN_EFORMAT, 0, 0, 0, "a ZIP file without word/document.xml is not DOCX");
  if (st == PLAN_OK) st = parse_part("word/document.xml", body, nbody, o->max_elements, &doc, err);
  if (st == PLAN_OK)
    st = optional_part(za, "word/numbering.xml", &budget, o, &num, &numdoc, load_numbering, &d, err);
  if (st == PLAN_OK)
    st = optional_part(za, "word/styles.xml", &budget, o, &sty, &styledoc, load_styles, &d, err);
  if (st == PLAN_OK) {
    const xmlNode *root = xmlDocGetRootElement(doc);
    const xmlNode *b = child(root, "body");
    if (!is(root, "document") || !b)
      st = plan__error(err, PLAN_EFORMAT, 0, 0, 0, "word/document.xml has no w:body");
    else
      block_content(&d, b, out, 0);
    if (st == PLAN_OK && out->oom) st = plan__error(err, PLAN_ENOMEM, 0, 0, 0, "out of memory");
  }
  xmlFreeDoc(doc);
  xmlFreeDoc(numdoc);
  xmlFreeDoc(styledoc);
  free(d.styles);
  free(d.nums);
  free(body);
  free(num);
  free(sty);
  zip_discard(za); /* read only: nothing to write back */
  return st;
}
