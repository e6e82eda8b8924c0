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

typedef struct docx {
  numbering *nums;
  size_t nnums;
  xmlDocPtr styles;
} docx;

/* ---- reading the ZIP ------------------------------------------------- */

static plan_status read_part(zip_t *za, const char *name, size_t limit, char **out, size_t *n,
                             plan_error *err) {
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
                       "DOCX part %s inflates past the limit of %zu bytes", name, limit);
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
  return PLAN_OK;
}

/* Parses an XML part: no network, no entity substitution, no DTD; a
 * DOCTYPE (Word never writes one) is refused before libxml2 sees it. */
static plan_status parse_part(const char *name, const char *s, size_t n, xmlDocPtr *out,
                              plan_error *err) {
  *out = NULL;
  if (n > INT32_MAX) return plan__error(err, PLAN_ELIMIT, 0, 0, 0, "DOCX part %s over 2 GiB", name);
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

static void load_numbering(docx *d, xmlDocPtr nd) {
  const xmlNode *root = xmlDocGetRootElement(nd);
  size_t count = 0;
  for (const xmlNode *c = root ? root->children : NULL; c; c = c->next) count += is(c, "num");
  d->nums = calloc(count ? count : 1, sizeof *d->nums);
  if (!d->nums) return;
  for (const xmlNode *c = root ? root->children : NULL; c; c = c->next) {
    if (!is(c, "num")) continue;
    numbering *nu = &d->nums[d->nnums++];
    nu->num_id = attr_int(c, "numId", -1);
    nu->abstract_id = attr_int(child(c, "abstractNumId"), "val", -1);
    for (const xmlNode *a = root->children; a; a = a->next) {
      if (!is(a, "abstractNum") || attr_int(a, "abstractNumId", -2) != nu->abstract_id) continue;
      for (const xmlNode *l = a->children; l; l = l->next) {
        int il = attr_int(l, "ilvl", -1);
        if (!is(l, "lvl") || il < 0 || il >= MAX_LEVELS) continue;
        num_level *lv = &nu->lv[il];
        const char *fmt = attr(child(l, "numFmt"), "val");
        const char *txt = attr(child(l, "lvlText"), "val");
        snprintf(lv->fmt, sizeof lv->fmt, "%s", fmt ? fmt : "decimal");
        snprintf(lv->text, sizeof lv->text, "%s", txt ? txt : "%1.");
        lv->start = attr_int(child(l, "start"), "val", 1);
      }
    }
  }
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
  } else if (strstr(fmt, "Letter") && v > 0) {
    char c = (char)((upper ? 'A' : 'a') + (v - 1) % 26);
    for (int k = 0; k <= (v - 1) / 26; k++) plan__buf_putc(b, c);
  } else {
    plan__buf_printf(b, "%d", v);
  }
}

/* The marker Word would show for a paragraph numbered (numId, ilvl). */
static void number_label(docx *d, int num_id, int ilvl, plan_buf *out) {
  if (ilvl < 0 || ilvl >= MAX_LEVELS) return;
  numbering *nu = NULL;
  for (size_t i = 0; i < d->nnums; i++)
    if (d->nums[i].num_id == num_id) nu = &d->nums[i];
  if (!nu || num_id == 0) return;
  num_level *lv = &nu->lv[ilvl];
  if (strcmp(lv->fmt, "bullet") == 0 || strcmp(lv->fmt, "none") == 0) {
    if (strcmp(lv->fmt, "bullet") == 0) plan__buf_put(out, "- ", 2);
    return;
  }
  nu->counter[ilvl] = nu->used[ilvl] ? nu->counter[ilvl] + 1 : lv->start;
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

/* Heading level of a paragraph style: "Heading2", "heading 2", "Title". */
static int heading_level(docx *d, const char *style_id) {
  if (!style_id) return 0;
  const char *name = style_id;
  const xmlNode *root = d->styles ? xmlDocGetRootElement(d->styles) : NULL;
  for (const xmlNode *s = root ? root->children : NULL; s; s = s->next)
    if (is(s, "style") && attr(s, "styleId") && strcmp(attr(s, "styleId"), style_id) == 0 &&
        attr(child(s, "name"), "val"))
      name = attr(child(s, "name"), "val");
  if (strncasecmp(name, "heading", 7) == 0) {
    const char *p = name + 7;
    while (*p == ' ') p++;
    if (*p >= '1' && *p <= '6' && !p[1]) return *p - '0';
  }
  return strcasecmp(name, "Title") == 0 ? 1 : 0;
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
  size_t nbody = 0, nnum = 0, nsty = 0;
  xmlDocPtr doc = NULL, numdoc = NULL;
  plan_status st = read_part(za, "word/document.xml", o->max_input_bytes, &body, &nbody, err);
  if (st == PLAN_EEMPTY)
    st = plan__error(err, PLAN_EFORMAT, 0, 0, 0, "a ZIP file without word/document.xml is not DOCX");
  if (st == PLAN_OK) st = parse_part("word/document.xml", body, nbody, &doc, err);
  /* numbering and styles are optional parts */
  if (st == PLAN_OK &&
      read_part(za, "word/numbering.xml", o->max_input_bytes, &num, &nnum, NULL) == PLAN_OK &&
      parse_part("word/numbering.xml", num, nnum, &numdoc, NULL) == PLAN_OK)
    load_numbering(&d, numdoc);
  if (st == PLAN_OK &&
      read_part(za, "word/styles.xml", o->max_input_bytes, &sty, &nsty, NULL) == PLAN_OK)
    parse_part("word/styles.xml", sty, nsty, &d.styles, NULL);
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
  xmlFreeDoc(d.styles);
  free(d.nums);
  free(body);
  free(num);
  free(sty);
  zip_discard(za); /* read only: nothing to write back */
  return st;
}
