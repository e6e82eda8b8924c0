/* tree.c - paragraphs with markers into the document tree: the frame
 * (issuer, motto, number, place and date, type, title, recipients,
 * preamble), the outline, a decision's attached plan, the closing, the
 * "Nơi nhận" list and the signature.  The outline's hierarchy comes from the
 * markers themselves: an item closes the open items down to the last one of
 * its own kind, whatever the markdown heading levels said. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "segment.h"
#include "frame.h"
#include "data/data.h"

/* The stack of open items; the deepest level is plan_options.max_depth. */
#define MAX_DEPTH 1024

typedef enum state {
  S_HEAD,       /* before the type line */
  S_TITLE,      /* after a type line: its title */
  S_RECIPIENTS, /* the items under "Kính gửi:" */
  S_BODY,       /* preamble and outline */
  S_CLOSING,    /* after "Trên đây là ..." */
  S_RECEIVERS,  /* the items under "Nơi nhận:" */
  S_SIGNATURE   /* TM. / KT. ... name */
} state;

typedef struct walker {
  plan_outline *doc;
  plan_node *container; /* the root, or an attached plan */
  plan_node *stack[MAX_DEPTH];
  size_t depth;
  state st;
  plan_node *title, *list, *sig;
  plan_node *form; /* an attachment a later motto opened, its type not read yet */
  bool seen_type, seen_items, sig_named;
} walker;

static const char *const closing_openers[] = {"tren day la", "trong qua trinh", "yeu cau cac",
                                              "uy ban nhan dan tinh yeu cau"};
static const char *const signature_openers[] = {"TM.", "KT.", "TL.", "TUQ.", "Q."};

static bool starts_with(const char *s, size_t n, const char *w) {
  size_t wl = strlen(w);
  return n >= wl && memcmp(s, w, wl) == 0;
}

static bool para_starts_any(const plan_para *p, const char *const *list, size_t count) {
  for (size_t i = 0; i < count; i++)
    if (plan__para_starts(p, list[i])) return true;
  return false;
}

void plan__doc_position(const plan_outline *doc, size_t norm_off, size_t *offset, size_t *line,
                        size_t *column) {
  plan_text_source(doc->text, norm_off, offset, line, column, NULL);
}

void plan__doc_position_from(const plan_outline *doc, plan_text_cursor *cur, size_t norm_off,
                             size_t *offset, size_t *line) {
  plan__text_source_from(doc->text, cur, norm_off, offset, line);
}

void plan__diag(plan_outline *doc, plan_diag_code code, size_t norm_off, const char *fmt, ...) {
  plan_diagnostic *d = plan__vec_push(&doc->diags);
  if (!d) return;
  char msg[256];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  d->code = code;
  d->message = plan__arena_strndup(&doc->arena, msg, strlen(msg));
  if (!d->message) d->message = "";
  plan__doc_position(doc, norm_off, &d->offset, &d->line, &d->column);
}

plan_node *plan__node_new(plan_outline *doc, plan_node_kind kind, size_t para) {
  plan_node *n = plan__arena_alloc(&doc->arena, sizeof *n);
  if (!n) return NULL;
  n->kind = kind;
  n->label = "";
  n->text = "";
  n->path = "";
  n->para = para;
  if (para < doc->npara) {
    const plan_para *p = &doc->paras[para];
    plan__doc_position(doc, p->norm_start, &n->start, &n->line, NULL);
    plan__doc_position(doc, p->norm_end, &n->end, NULL, NULL);
    if (n->end < n->start) n->end = n->start;
    n->text = p->text;
    n->emphasized = p->bold || p->heading;
  }
  return n;
}

void plan__node_append(plan_node *parent, plan_node *child) {
  child->parent = parent;
  child->prev = parent->last;
  if (parent->last) parent->last->next = child;
  else parent->first = child;
  parent->last = child;
}

/* A node for paragraph i under parent; NULL (and the arena's oom flag) when
 * out of memory. */
static plan_node *add(walker *w, plan_node *parent, plan_node_kind kind, size_t i) {
  plan_node *n = plan__node_new(w->doc, kind, i);
  if (n) plan__node_append(parent, n);
  return n;
}

/* "6. Sở Nội vụ: Kiện toàn ..." gives the heading "Sở Nội vụ" and the text
 * after the colon; a short item with no sentence end is all heading. */
static void split_heading(plan_outline *doc, plan_node *n, const plan_para *p) {
  const char *body = p->text + p->body_off;
  size_t len = p->len - p->body_off;
  n->text = body;
  if (p->marker == PLAN_MARKER_BULLET || p->marker == PLAN_MARKER_LETTER) return;
  /* the first colon outside parentheses ("(Mã TTHC: 1.014465)" is none) */
  const char *colon = NULL;
  int depth = 0;
  for (size_t k = 0; k < len && k <= 240 && !colon; k++) {
    if (body[k] == '(') depth++;
    else if (body[k] == ')' && depth > 0) depth--;
    else if (body[k] == ':' && depth == 0) colon = body + k;
  }
  if (colon) {
    size_t hl = (size_t)(colon - body);
    bool sentence = false;
    for (size_t k = 0; k < hl; k++)
      if (body[k] == ';' || (body[k] == '.' && k + 1 < hl && body[k + 1] == ' ')) sentence = true;
    if (!sentence && hl > 0) {
      n->title = plan__trim_dup(&doc->arena, body, hl);
      const char *rest = colon + 1;
      while (*rest == ' ') rest++;
      n->text = rest;
      return;
    }
  }
  bool ends = len && (body[len - 1] == '.' || body[len - 1] == ';');
  if (!ends && len > 0 && len <= 300) {
    n->title = plan__trim_dup(&doc->arena, body, len);
    n->text = "";
  }
}

static char *join_path(plan_outline *doc, const char *parent, const char *label) {
  size_t need = strlen(parent) + strlen(label) + 2;
  char *s = plan__arena_alloc(&doc->arena, need);
  if (s) snprintf(s, need, "%s%s%s", parent, *parent ? "." : "", label);
  return s;
}

/* How deep the open item of paragraph p's kind is (0: none open), whose
 * level p's item takes.  Bullets: one of p's sign; else a bullet of
 * another sign right before p opens a level for it ("- Chủ trì:" / "+
 * Bố trí vốn"); else any bullet (signs mixed at one level, as in a table
 * copied cell by cell). */
static size_t open_of_kind(const walker *w, const plan_para *p, size_t i) {
  size_t k = w->depth;
  if (p->marker != PLAN_MARKER_BULLET) {
    while (k > 0 && w->stack[k - 1]->marker != p->marker) k--;
    return k;
  }
  while (k > 0 && !(w->stack[k - 1]->marker == PLAN_MARKER_BULLET &&
                    strcmp(w->stack[k - 1]->label, p->label) == 0))
    k--;
  if (k > 0) return k;
  const plan_node *top = w->depth ? w->stack[w->depth - 1] : NULL;
  if (top && top->marker == PLAN_MARKER_BULLET && top->para + 1 == i) return 0;
  k = w->depth;
  while (k > 0 && w->stack[k - 1]->marker != PLAN_MARKER_BULLET) k--;
  return k;
}

static void push_item(walker *w, size_t i) {
  const plan_para *p = &w->doc->paras[i];
  size_t k = open_of_kind(w, p, i);
  if (k > 0) w->depth = k - 1; /* close down to, and including, the last of its kind */
  plan_node *parent = w->depth ? w->stack[w->depth - 1] : w->container;
  plan_node *n = add(w, parent, PLAN_NODE_ITEM, i);
  if (!n) return;
  n->marker = p->marker;
  n->number = p->number;
  n->label = p->label; /* "I", "2.3", "a", "Điều 1" */
  split_heading(w->doc, n, p);
  n->path = join_path(w->doc, parent->kind == PLAN_NODE_ITEM ? parent->path : "", n->label);
  if (!n->path) n->path = "";
  if (w->depth < w->doc->max_depth) w->stack[w->depth++] = n;
  w->seen_items = true;
}

static void start_attachment(walker *w, size_t i, const char *type) {
  w->form = NULL;
  plan_node *a = add(w, w->doc->root, PLAN_NODE_ATTACHMENT, i);
  if (!a) return;
  w->container = a;
  w->depth = 0;
  w->seen_items = false;
  w->sig = NULL;
  w->sig_named = false;
  plan_node *t = add(w, a, PLAN_NODE_TYPE, i);
  if (t) t->title = type;
  if (!w->doc->meta[PLAN_META_ATTACHMENT_TYPE]) w->doc->meta[PLAN_META_ATTACHMENT_TYPE] = type;
  w->st = S_TITLE;
  w->title = NULL;
}

/* What an attachment a motto opens is, until a type line says more. */
static const char form_type[] = "MẪU";

/* The paragraphs a form's head holds before its motto: its label ("Mẫu
 * số 01"), title, "(Kèm theo ...)" note, issuer. */
#define FORM_HEAD_MAX 6
/* A head's paragraph is short, or the note of what it is attached to. */
#define FORM_HEAD_BYTES 200

/* "... thi hành Quyết định này./.": the mark that ends a document's text
 * ("/." alone in some copies). */
static bool ends_text(const plan_para *p) {
  return p->len >= 2 && memcmp(p->text + p->len - 2, "/.", 2) == 0;
}

static bool form_head(const plan_para *p) {
  if (p->marker != PLAN_MARKER_NONE) return false;
  if (ends_text(p)) return false; /* a body's end */
  return p->len <= FORM_HEAD_BYTES || starts_with(p->text, p->len, "(Kèm theo") ||
         starts_with(p->text, p->len, "(Ban hành kèm theo") || starts_with(p->text, p->len, "Mẫu số");
}

/* "Mẫu số 01" / "Mẫu báo cáo ..." / "(Kèm theo Quy chế ...)" / "ỦY BAN NHÂN
 * DÂN ..." / "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM": after the outline has
 * items, a national motto opens a document of its own (a form, a report's
 * template), and the short paragraphs just before it are its head.  Does
 * one start at paragraph i?  A look FORM_HEAD_MAX paragraphs ahead at
 * most. */
static bool opens_form(const plan_outline *doc, size_t i) {
  for (size_t j = i; j < doc->end_para && j <= i + FORM_HEAD_MAX; j++) {
    const plan_para *q = &doc->paras[j];
    if (q->marker == PLAN_MARKER_NONE && plan__frame_is_motto(q)) return true;
    if (!form_head(q)) return false;
  }
  return false;
}

static void start_form(walker *w, size_t i) {
  const char *kept = w->doc->meta[PLAN_META_ATTACHMENT_TYPE];
  start_attachment(w, i, form_type);
  w->doc->meta[PLAN_META_ATTACHMENT_TYPE] = kept; /* a type line may still say */
  w->form = w->container != w->doc->root ? w->container : NULL;
}

static bool looks_like_signature(const plan_para *p);

/* Bytes of a signer's name at most: a paragraph longer is no name. */
#define NAME_MAX_BYTES 60

/* "Nguyễn Thị Loan": two to seven words, each opening with a capital, no
 * digit or punctuation ("Tungnt.QĐ/T11/2025", a drafter's mark, is none). */
static bool person_name(const char *s, size_t n) {
  if (n == 0 || n >= NAME_MAX_BYTES) return false;
  size_t words = 0;
  for (size_t i = 0; i < n;) {
    while (i < n && s[i] == ' ') i++;
    if (i == n) break;
    size_t e = i;
    for (; e < n && s[e] != ' '; e++)
      if ((s[e] >= '0' && s[e] <= '9') || strchr(".,;:/()", s[e])) return false;
    if (!plan__starts_upper(s + i, e - i)) return false;
    words++;
    i = e;
  }
  return words >= 2 && words <= 7;
}

static void signature_line(walker *w, size_t i) {
  const plan_para *p = &w->doc->paras[i];
  if (!w->sig || w->sig_named) {
    w->sig = add(w, w->container, PLAN_NODE_SIGNATURE, i);
    w->sig_named = false;
    if (!w->sig) return;
  } else {
    plan__doc_position(w->doc, p->norm_end, &w->sig->end, NULL, NULL);
  }
  if (plan__is_upper_text(p->text, p->len)) {
    plan__frame_signer_title(w->doc, p->text, p->len);
    if (!w->sig->title) w->sig->title = p->text;
  } else {
    w->sig->text = p->text;
    w->sig_named = true;
    w->depth = 0; /* the signature ends the outline: what follows is attached */
    /* "Tungnt.QĐ/T11/2025" under the receivers (a drafter's mark), "(Chữ
     * ký, dấu)" in a form: the line a name takes, no signer's name */
    if (!w->doc->meta[PLAN_META_SIGNER] && person_name(p->text, p->len))
      w->doc->meta[PLAN_META_SIGNER] = plan__trim_dup(&w->doc->arena, p->text, p->len);
    w->st = S_BODY;
  }
}

static bool looks_like_signature(const plan_para *p) {
  for (size_t k = 0; k < sizeof signature_openers / sizeof *signature_openers; k++)
    if (starts_with(p->text, p->len, signature_openers[k]) &&
        plan__is_upper_text(p->text, p->len < 40 ? p->len : 40))
      return true;
  return false;
}

static void body_paragraph(walker *w, size_t i) {
  plan_outline *doc = w->doc;
  const plan_para *p = &doc->paras[i];
  if (p->marker != PLAN_MARKER_NONE) {
    w->st = S_BODY;
    push_item(w, i);
    /* "8. Đề nghị ... Quy chế này./.": an item that ends the text; what
     * follows with no marker of its own is none of its paragraphs (a
     * page's trailer, an attached document's head) */
    if (ends_text(p)) w->st = S_CLOSING;
    return;
  }
  bool closing = w->st == S_CLOSING || (w->seen_items && para_starts_any(p, closing_openers, 4));
  if (closing) {
    add(w, w->container, PLAN_NODE_CLOSING, i);
    w->st = S_CLOSING;
    return;
  }
  if (!w->seen_items) {
    bool enacting = plan__is_upper_text(p->text, p->len) &&
                    (plan__para_starts(p, "uy ban nhan dan") || plan__para_starts(p, "chu tich uy ban nhan dan"));
    add(w, w->container, enacting ? PLAN_NODE_ENACTING : PLAN_NODE_PREAMBLE, i);
    return;
  }
  /* "## Lựa chọn nhà đầu tư ... như thế nào?": a markdown heading with no
   * marker opens a part of the text, no paragraph of the item before it,
   * and so does a question in bold (an article's next question): it closes
   * the open items, but for those whose own heading is of a higher level
   * ("## III. TỔ CHỨC THỰC HIỆN" over "### Sở Y tế") */
  int level = p->heading ? p->heading : p->bold && p->len && p->text[p->len - 1] == '?' ? 7 : 0;
  while (level && w->depth) {
    int above = doc->paras[w->stack[w->depth - 1]->para].heading;
    if (above && above < level) break;
    w->depth--;
  }
  add(w, w->depth ? w->stack[w->depth - 1] : w->container, PLAN_NODE_PARAGRAPH, i);
  if (ends_text(p)) w->st = S_CLOSING;
}

static void paragraph(walker *w, size_t i) {
  plan_outline *doc = w->doc;
  const plan_para *p = &doc->paras[i];
  const char *s = p->text;
  size_t n = p->len;
  bool front = !w->seen_items && (w->st == S_HEAD || w->st == S_TITLE);

  if (front && p->marker == PLAN_MARKER_NONE && plan__frame_is_motto(p)) {
    add(w, w->container, PLAN_NODE_MOTTO, i);
    return;
  }
  if (front && starts_with(s, n, "Số") && !doc->meta[PLAN_META_NUMBER] &&
      plan__frame_number(doc, s, n)) {
    add(w, doc->root, PLAN_NODE_NUMBER, i);
    if (!doc->meta[PLAN_META_NUMBER] && doc->meta[PLAN_META_NUMBER_PATTERN])
      plan__diag(doc, PLAN_DIAG_NO_NUMBER, p->norm_start,
                 "the document has no number yet (\"Số: %s\")", doc->meta[PLAN_META_NUMBER_PATTERN]);
    return;
  }
  if (front && !doc->meta[PLAN_META_DATE] && plan__frame_place_date(doc, p)) {
    add(w, doc->root, PLAN_NODE_PLACE_DATE, i);
    return;
  }
  const char *type = p->marker == PLAN_MARKER_NONE ? plan__doc_type_of(doc->lex, s, n) : NULL;
  if (type && n && s[n - 1] == ':') { /* "QUYẾT ĐỊNH:" enacts the articles */
    add(w, w->container, PLAN_NODE_ENACTING, i);
    w->st = S_BODY;
    return;
  }
  if (type && w->form && !w->seen_items) { /* the attachment the motto opened is of this type */
    for (plan_node *t = w->form->first; t; t = t->next)
      if (t->kind == PLAN_NODE_TYPE) t->title = type;
    if (!doc->meta[PLAN_META_ATTACHMENT_TYPE]) doc->meta[PLAN_META_ATTACHMENT_TYPE] = type;
    w->form = NULL;
    w->st = S_TITLE;
    w->title = NULL;
    return;
  }
  if (type) {
    if (!w->seen_type) {
      doc->meta[PLAN_META_DOC_TYPE] = type;
      plan_node *t = add(w, doc->root, PLAN_NODE_TYPE, i);
      if (t) t->title = type;
      w->seen_type = true;
      w->st = S_TITLE;
      w->title = NULL;
    } else {
      start_attachment(w, i, type);
    }
    return;
  }
  if (starts_with(s, n, "V/v") && !doc->meta[PLAN_META_SUBJECT]) {
    add(w, doc->root, PLAN_NODE_SUBJECT, i);
    doc->meta[PLAN_META_SUBJECT] = s;
    return;
  }
  if (plan__para_starts(p, "kinh gui")) {
    w->list = add(w, doc->root, PLAN_NODE_RECIPIENTS, i);
    w->st = S_RECIPIENTS;
    return;
  }
  if (plan__para_starts(p, "noi nhan")) {
    w->list = add(w, w->container, PLAN_NODE_RECEIVERS, i);
    w->st = S_RECEIVERS;
    return;
  }
  if ((w->st == S_RECIPIENTS || w->st == S_RECEIVERS) && w->list) {
    /* "Phòng KT, TTPVHCC;": a receiver whose dash was lost still ends with
     * the list's semicolon */
    if (p->marker == PLAN_MARKER_BULLET ||
        (w->st == S_RECEIVERS && p->marker == PLAN_MARKER_NONE && p->len && p->text[p->len - 1] == ';')) {
      plan_node *it = add(w, w->list, PLAN_NODE_ITEM, i);
      if (it) {
        it->marker = PLAN_MARKER_BULLET;
        it->label = p->label;
        it->text = p->text + p->body_off;
      }
      return;
    }
    w->st = w->st == S_RECIPIENTS ? S_BODY : S_SIGNATURE;
  }
  if (p->marker == PLAN_MARKER_NONE &&
      (looks_like_signature(p) || (w->st == S_SIGNATURE) ||
       (w->sig && !w->sig_named && !plan__is_upper_text(s, n) && n < 60))) {
    signature_line(w, i);
    return;
  }
  if (w->st == S_HEAD && p->marker == PLAN_MARKER_NONE && plan__is_upper_text(s, n) &&
      !doc->meta[PLAN_META_ISSUER]) {
    add(w, doc->root, PLAN_NODE_ISSUER, i);
    plan__frame_issuer(doc, s, n);
    return;
  }
  if (w->st == S_TITLE && p->marker == PLAN_MARKER_NONE) {
    if (!w->title) {
      w->title = add(w, w->container, PLAN_NODE_TITLE, i);
      if (!doc->meta[PLAN_META_TITLE]) doc->meta[PLAN_META_TITLE] = s;
      return;
    }
    if (starts_with(s, n, "(Kèm theo")) {
      add(w, w->container, PLAN_NODE_PARAGRAPH, i);
      return;
    }
    w->st = S_BODY;
  }
  if (w->seen_items && p->marker == PLAN_MARKER_NONE && opens_form(doc, i)) {
    plan__diag(doc, PLAN_DIAG_HEURISTIC, p->norm_start,
               "a national motto after the outline's items: an attached document (a form) starts here");
    start_form(w, i);
    return;
  }
  if (w->st == S_HEAD) w->st = S_BODY;
  body_paragraph(w, i);
}

/* Numbering checks on the items of one parent. */
static void check_numbering(plan_outline *doc, const plan_node *parent) {
  static const plan_marker kinds[] = {PLAN_MARKER_ROMAN, PLAN_MARKER_ARABIC, PLAN_MARKER_LETTER,
                                      PLAN_MARKER_ARTICLE, PLAN_MARKER_CHAPTER, PLAN_MARKER_PART};
  for (size_t k = 0; k < sizeof kinds / sizeof *kinds; k++) {
    bool has_dd = false, has_latin = false;
    for (const plan_node *c = parent->first; c; c = c->next) {
      if (c->kind != PLAN_NODE_ITEM || c->marker != kinds[k]) continue;
      if (c->marker == PLAN_MARKER_LETTER) {
        if (strcmp(c->label, "đ") == 0) has_dd = true;
        if (strchr("fjwz", c->label[0]) && c->label[0]) has_latin = true;
      }
    }
    int prev = 0;
    const plan_node *first = NULL;
    for (const plan_node *c = parent->first; c; c = c->next) {
      if (c->kind != PLAN_NODE_ITEM || c->marker != kinds[k]) continue;
      int num = c->number;
      if (c->marker == PLAN_MARKER_LETTER && has_latin && c->label[0] >= 'a' && c->label[0] <= 'z')
        num = c->label[0] - 'a' + 1;
      size_t norm = doc->paras[c->para].norm_start;
      if (!first) {
        first = c;
        if (num != 1)
          plan__diag(doc, PLAN_DIAG_STARTS_LATE, norm, "the %s items start at %s, not at the first",
                     plan_marker_name(c->marker), c->label);
      } else if (num == prev) {
        plan__diag(doc, PLAN_DIAG_DUPLICATE_NUMBER, norm, "two %s items numbered %s",
                   plan_marker_name(c->marker), c->label);
      } else if (num > prev + 1) {
        plan__diag(doc, PLAN_DIAG_NUMBERING_GAP, norm, "the %s items jump to %s",
                   plan_marker_name(c->marker), c->label);
      }
      prev = num;
    }
    if (has_dd && has_latin)
      plan__diag(doc, PLAN_DIAG_MIXED_ALPHABET, doc->paras[first ? first->para : 0].norm_start,
                 "a lettered list mixes the Vietnamese (đ) and Latin (f, j, w, z) alphabets");
  }
  for (const plan_node *c = parent->first; c; c = c->next) check_numbering(doc, c);
}

/* Paragraphs a page's leading furniture may run to, and the length of a
 * paragraph that is no menu, tab or metadata value (running text ends the
 * look). */
#define FURNITURE_SEARCH_PARAS 60
#define FURNITURE_SHORT 80
#define FURNITURE_PHRASE_MAX 160

static bool names_portal(plan_outline *doc, const plan_para *p, const char *const *names);

/* Which of what a portal prints around a document (data/web_furniture.tsv)
 * the paragraph is, by its kind ("menu", "tab", "label", "notice",
 * "trailer"), or NULL: a menu, tab or label whole ("- Văn bản liên quan",
 * "Số hiệu:"), a notice or trailer at its start ("Đang tải văn bản..." and
 * what a wrap joined to it). */
static const char *furniture_kind(const plan_outline *doc, const plan_para *p) {
  char key[4 * FURNITURE_PHRASE_MAX];
  size_t n = p->len < FURNITURE_PHRASE_MAX ? p->len : FURNITURE_PHRASE_MAX;
  while (n < p->len && ((unsigned char)p->text[n] & 0xC0) == 0x80) n++;
  if (!plan__fold_fixed(key, sizeof key, p->text, n)) return NULL;
  const char *k = key;
  while (*k == ' ') k++; /* a bullet's dash folds to nothing */
  const char *const *phrases = plan__lexicon_keys(doc->lex, PLAN_TABLE_WEB_FURNITURE);
  for (size_t i = 0; phrases[i]; i++) {
    size_t pl = strlen(phrases[i]);
    const char *kind = plan__table_web_furniture[i].second;
    bool prefix = strcmp(kind, "notice") == 0 || strcmp(kind, "trailer") == 0;
    if (strncmp(k, phrases[i], pl) == 0 &&
        (k[pl] == '\0' || (prefix && k[pl] == ' ')) && (prefix || n == p->len))
      return kind;
  }
  return NULL;
}

/* Whether the paragraph is a portal's furniture; *label: a metadata label,
 * whose value the next cell holds. */
static bool is_furniture_phrase(const plan_outline *doc, const plan_para *p, bool *label) {
  const char *kind = furniture_kind(doc, p);
  if (kind) *label = strcmp(kind, "label") == 0;
  return kind != NULL;
}

/* Where a page with no header starts its text: after the last of its
 * leading paragraphs that is a portal's furniture (a notice naming the
 * portal, a tab, a metadata label), when every paragraph up to it is
 * furniture or short (menus, metadata values), no numbered item and not
 * the document's type.  0 when there is none. */
static size_t leading_furniture(plan_outline *doc) {
  size_t limit = doc->npara < FURNITURE_SEARCH_PARAS ? doc->npara : FURNITURE_SEARCH_PARAS;
  const char *const *names = plan__lexicon_keys(doc->lex, PLAN_TABLE_WEB_PORTALS);
  size_t last = 0, found = 0;
  bool portal = false, label = false;
  for (size_t i = 0; i < limit && !doc->arena.oom; i++) {
    const plan_para *p = &doc->paras[i];
    /* a numbered item or the document's type: its own text has begun */
    if ((p->marker != PLAN_MARKER_NONE && p->marker != PLAN_MARKER_BULLET) ||
        plan__doc_type_of(doc->lex, p->text, p->len))
      break;
    bool named = names_portal(doc, p, names);
    if (named || is_furniture_phrase(doc, p, &label)) {
      last = i + 1;
      found++;
      portal |= named;
      continue;
    }
    /* a label's value, the next cell ("Số hiệu:" | "1805/QĐ-UBND") */
    if (label && last == i && p->after_break && p->len <= FURNITURE_SHORT) {
      last = i + 1;
      label = false;
      continue;
    }
    label = false;
    if (p->len > FURNITURE_SHORT) break;
  }
  /* one tab or label alone could be the text's own word: a portal's name
   * or two of them say it is a page */
  if (last == 0 || (!portal && found < 2)) return 0;
  plan__diag(doc, PLAN_DIAG_FURNITURE, doc->paras[0].norm_start,
             "%zu paragraph%s before the text, up to the last that is a portal's menu, notice "
             "or label (%s), taken as the furniture of a web page and left out",
             last, last == 1 ? "" : "s", "data/web_furniture.tsv");
  return last;
}

/* Paragraphs a header may stand after: a portal's page puts its menus,
 * metadata table and notices first.  Beyond this the motto is not looked
 * for, so the search stays bounded. */
#define HEADER_SEARCH_PARAS 400

/* Where the document's own text starts.  The national motto ("CỘNG HÒA XÃ
 * HỘI CHỦ NGHĨA VIỆT NAM") and the number head every administrative
 * document; its issuer block (upper-case lines, at most three) stands just
 * before them.
 * What comes before both is furniture of the page the text was copied
 * from: the walk starts after it, and a diagnostic says so. */
static size_t header_start(plan_outline *doc) {
  size_t limit = doc->npara < HEADER_SEARCH_PARAS ? doc->npara : HEADER_SEARCH_PARAS;
  /* the motto, or the "Số:" line where there is none (a draft, a copy
   * without it): whichever comes first, so that a form attached further
   * on, with a motto of its own, never makes the plan before it furniture */
  size_t m = 0;
  while (m < limit && !(doc->paras[m].marker == PLAN_MARKER_NONE && plan__frame_is_motto(&doc->paras[m])) &&
         !plan__frame_is_number(doc, doc->paras[m].text, doc->paras[m].len))
    m++;
  if (m == limit) return leading_furniture(doc);
  size_t start = m;
  while (start > 0 && m - start < 3) {
    const plan_para *p = &doc->paras[start - 1];
    if (p->marker != PLAN_MARKER_NONE || !plan__is_upper_text(p->text, p->len)) break;
    if (plan__frame_is_motto(p)) break;
    start--;
  }
  if (start == 0) return 0;
  if (start == m) { /* no issuer block: the motto alone tells where */
    const plan_para *p = &doc->paras[m - 1];
    if (starts_with(p->text, p->len, "Số")) start--;
  }
  if (start == 0) return 0;
  plan__diag(doc, PLAN_DIAG_FURNITURE, doc->paras[0].norm_start,
             "%zu paragraph%s before the header (the national motto or the number, and the "
             "issuer) taken as the furniture of a web page and left out",
             start, start == 1 ? "" : "s");
  return start;
}

/* Whether the paragraph names a web portal: one of names (the portals'
 * names of data/web_portals.tsv, folded; NULL entries skipped). */
static bool names_portal_or_trailer(plan_outline *doc, const plan_para *p, const char *const *names,
                                    bool trailer) {
  char *key = plan__fold(p->text, p->len);
  if (!key) return !(doc->arena.oom = true); /* the parse fails with PLAN_ENOMEM */
  bool found = false;
  for (size_t k = 0; k < plan__table_web_portals_count && !found; k++)
    found = names[k] && strstr(key, names[k]);
  /* or, asked for, it holds a trailer notice (data/web_furniture.tsv): a
   * line with no stop before it joins the portal's repeat of the title */
  const char *const *phrases = plan__lexicon_keys(doc->lex, PLAN_TABLE_WEB_FURNITURE);
  for (size_t i = 0; trailer && !found && phrases[i]; i++)
    found = strcmp(plan__table_web_furniture[i].second, "trailer") == 0 && strstr(key, phrases[i]);
  free(key);
  return found;
}

static bool names_portal(plan_outline *doc, const plan_para *p, const char *const *names) {
  return names_portal_or_trailer(doc, p, names, false);
}

/* Where a page with no signature (a question and answer) prints a trailer
 * notice of its portal (data/web_furniture.tsv, "Quý khách cần hỏi thêm
 * thông tin ..."): its text ends before it.  npara when it prints none. */
static size_t trailer_notice(plan_outline *doc) {
  size_t i = doc->first_para;
  while (i < doc->npara) {
    const char *kind = furniture_kind(doc, &doc->paras[i]);
    if (kind && strcmp(kind, "trailer") == 0) break;
    i++;
  }
  if (i < doc->npara)
    plan__diag(doc, PLAN_DIAG_FURNITURE, doc->paras[i].norm_start,
               "%zu paragraph%s from a portal's trailer notice (%s) taken as the page's "
               "furniture and left out",
               doc->npara - i, doc->npara - i == 1 ? "" : "s", "data/web_furniture.tsv");
  return i;
}

/* Where a web page's trailer starts: after the document's first signature
 * or receivers' list (a chairman's own decision signs "CHỦ TỊCH" with no
 * "TM."), the paragraph that names the portal the text was copied from
 * (its notices and account pop-ups follow the document) or opens its
 * trailer notice ("Văn bản này chưa cập nhật nội dung Tiếng Anh", before
 * its related documents and its comparison help), taken back to the table
 * cell or blank line that opens its block.  npara when there is none. */
static size_t trailer_start(plan_outline *doc) {
  size_t i = doc->first_para;
  while (i < doc->npara && !looks_like_signature(&doc->paras[i]) &&
         !plan__para_starts(&doc->paras[i], "noi nhan"))
    i++;
  size_t sig = i;
  if (i == doc->npara) return trailer_notice(doc);
  const char *const *names = plan__lexicon_keys(doc->lex, PLAN_TABLE_WEB_PORTALS);
  while (i < doc->npara && !doc->arena.oom && !names_portal_or_trailer(doc, &doc->paras[i], names, true)) i++;
  if (i == doc->npara || doc->arena.oom) return doc->npara;
  while (i > sig + 1 && !doc->paras[i].after_break) i--;
  plan__diag(doc, PLAN_DIAG_FURNITURE, doc->paras[i].norm_start,
             "%zu paragraph%s after the document, from the first that names the web portal it "
             "was copied from or opens its trailer notice (%s), taken as the page's furniture and "
             "left out",
             doc->npara - i, doc->npara - i == 1 ? "" : "s", "data/web_portals.tsv, data/web_furniture.tsv");
  return i;
}

plan_status plan__tree(plan_outline *doc) {
  walker w;
  memset(&w, 0, sizeof w);
  w.doc = doc;
  doc->root = plan__node_new(doc, PLAN_NODE_DOCUMENT, SIZE_MAX);
  if (!doc->root) return PLAN_ENOMEM;
  doc->root->end = doc->text->input_len;
  doc->root->line = 1;
  w.container = doc->root;
  doc->first_para = header_start(doc);
  doc->end_para = trailer_start(doc);
  for (size_t i = doc->first_para; i < doc->end_para && !doc->arena.oom; i++) paragraph(&w, i);
  if (doc->arena.oom) return PLAN_ENOMEM;
  plan__frame_defaults(doc);
  check_numbering(doc, doc->root);
  return doc->arena.oom || doc->diags.oom ? PLAN_ENOMEM : PLAN_OK;
}
