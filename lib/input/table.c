/* table.c - a table read from HTML or DOCX, written out as text.  A plain
 * table (the header with issuer, number and date) becomes its cells'
 * lines between '|' lines, as text copied from a page shows it.  A task
 * table (content, lead agency, supporting agencies, deadline columns)
 * becomes one bullet per task whose words name the roles ("Cơ quan chủ
 * trì: ..."), so the assignment stage gives its duties those fields. */
#include <stdlib.h>
#include <string.h>

#include "input.h"

void plan__table_init(plan_table *t) { plan__vec_init(&t->rows, sizeof(plan_vec)); }

plan_vec *plan__table_add_row(plan_table *t) {
  plan_vec *r = plan__vec_push(&t->rows);
  if (r) plan__vec_init(r, sizeof(plan_table_cell));
  return r;
}

plan_table_cell *plan__table_add_cell(plan_table *t, size_t src) {
  if (!t->rows.len && !plan__table_add_row(t)) return NULL;
  plan_vec *r = (plan_vec *)t->rows.data + t->rows.len - 1;
  plan_table_cell *c = plan__vec_push(r);
  if (c) {
    c->src = src;
    plan__offmap_init(&c->map);
  }
  return c;
}

void plan__table_free(plan_table *t) {
  plan_vec *rows = t->rows.data;
  for (size_t i = 0; i < t->rows.len; i++) {
    plan_table_cell *c = rows[i].data;
    for (size_t j = 0; j < rows[i].len; j++) {
      free(c[j].text);
      plan__offmap_free(&c[j].map);
    }
    plan__vec_free(&rows[i]);
  }
  plan__vec_free(&t->rows);
}

enum { COL_CONTENT, COL_LEAD, COL_SUPPORT, COL_DEADLINE, COL_COUNT_ };

/* Header words that name a task table's columns (matching keys). */
static const struct { int col; const char *key; } header_words[] = {
    {COL_LEAD, "chu tri"},         {COL_SUPPORT, "phoi hop"},   {COL_DEADLINE, "thoi gian"},
    {COL_DEADLINE, "thoi han"},    {COL_DEADLINE, "tien do"},   {COL_CONTENT, "noi dung"},
    {COL_CONTENT, "nhiem vu"},     {COL_CONTENT, "hoat dong"},  {COL_CONTENT, "cong viec"},
    {COL_CONTENT, "giai phap"}};

/* The role words each column's text gets in the output. */
static const char *const column_words[COL_COUNT_] = {NULL, "Cơ quan chủ trì:",
                                                     "Cơ quan phối hợp:",
                                                     "Thời gian thực hiện:"};

static void column_roles(const plan_vec *header, int cols[COL_COUNT_]) {
  for (int k = 0; k < COL_COUNT_; k++) cols[k] = -1;
  const plan_table_cell *c = header->data;
  for (size_t j = 0; j < header->len; j++) {
    if (!c[j].text) continue;
    char key[512]; /* a header cell longer than this names no column */
    plan__fold_fixed(key, sizeof key, c[j].text, c[j].len);
    /* a header names its column in a few words: a sentence that holds
     * "chủ trì" is a cell of the table's body, not a header */
    size_t words = 1;
    for (const char *k = key; *k; k++) words += *k == ' ';
    if (words > 6) continue;
    for (size_t w = 0; w < sizeof header_words / sizeof *header_words; w++)
      if (strstr(key, header_words[w].key) && cols[header_words[w].col] < 0) {
        cols[header_words[w].col] = (int)j;
        break;
      }
  }
}

/* Writes the text of cell c in [b, e), trimmed, on one line when flat
 * (its breaks become spaces), carrying its anchors over to map. */
static void put_range(plan_buf *out, plan_offmap *map, const plan_table_cell *c, size_t b,
                      size_t e, bool flat) {
  const char *s = c->text ? c->text : "";
  size_t n = c->text ? e : 0, lead = b;
  while (lead < n && (s[lead] == '\n' || (flat && s[lead] == ' '))) lead++;
  while (n > lead && (s[n - 1] == '\n' || (flat && s[n - 1] == ' '))) n--;
  size_t base = out->len;
  if (map) {
    plan__offmap_store_forward(map, base, c->src + (b == 0 ? 0 : lead));
    const plan_anchor *a = c->map.anchors.data;
    for (size_t i = 0; i < c->map.anchors.len; i++)
      if (a[i].out >= lead && a[i].out < n)
        plan__offmap_store_forward(map, base + a[i].out - lead, a[i].in);
  }
  for (size_t i = lead; i < n; i++) plan__buf_putc(out, flat && s[i] == '\n' ? ' ' : s[i]);
}

static void put_cell(plan_buf *out, plan_offmap *map, const plan_table_cell *c, bool flat) {
  put_range(out, map, c, 0, c->len, flat);
}

static bool blank(const plan_table_cell *c) {
  for (size_t i = 0; c->text && i < c->len; i++)
    if (c->text[i] != ' ' && c->text[i] != '\n') return false;
  return true;
}

/* A header that names the rows' numbers ("TT", "STT"): its cells are the
 * order of the bullets, which say it already. */
static bool number_header(const plan_table_cell *h) {
  char key[16];
  return h && h->text && plan__fold_fixed(key, sizeof key, h->text, h->len) &&
         (strcmp(key, "tt") == 0 || strcmp(key, "stt") == 0);
}

/* A cell's parts, each [b, e) of its text. */
enum { PARTS_MAX = 8 };
typedef struct cell_parts {
  size_t b[PARTS_MAX], e[PARTS_MAX], n;
} cell_parts;

/* Whether s[0, n) opens with a capital, past any emphasis marks. */
static bool opens_upper(const char *s, size_t n) {
  size_t i = 0;
  while (i < n && (s[i] == '*' || s[i] == '_' || s[i] == ' ')) i++;
  return plan__starts_upper(s + i, n - i);
}

/* Parts a cell's lines make: a line opens a part when it opens with a
 * capital and the line before ends with one of ends (a name list wrapped
 * over lines ends a line with a comma or goes on in lower case, and so
 * does a sentence).  0 parts when over PARTS_MAX. */
static size_t line_parts(const plan_table_cell *c, const char *ends, cell_parts *p) {
  p->n = 0;
  const char *s = c->text;
  if (!s) return 0;
  size_t len = c->len, start = 0;
  while (start < len && (s[start] == '\n' || s[start] == ' ')) start++;
  if (start == len) return 0;
  p->b[0] = start;
  p->n = 1;
  for (size_t i = start; i < len; i++) {
    if (s[i] != '\n') continue;
    size_t e = i, nb = i + 1;
    while (e > p->b[p->n - 1] && (s[e - 1] == ' ' || s[e - 1] == '*' || s[e - 1] == '_')) e--;
    while (nb < len && s[nb] == ' ') nb++;
    if (nb == len || e == p->b[p->n - 1]) continue;
    bool cut = (ends ? strchr(ends, s[e - 1]) != NULL
                     : s[e - 1] != ',' && s[e - 1] != ';' && s[e - 1] != '-') &&
               opens_upper(s + nb, len - nb);
    if (!cut) continue;
    if (p->n == PARTS_MAX) return p->n = 0;
    p->e[p->n - 1] = i;
    p->b[p->n++] = nb;
  }
  p->e[p->n - 1] = len;
  return p->n;
}

/* A row that holds several tasks, merged from rows the table had ("Bố trí
 * nhân lực ... hệ thống." / "Bố trí nhân lực ... khai thác ..." beside
 * "Các sở, ngành, UBND xã, phường, đặc khu" / "Sở Tài chính"): its content
 * cell holds k sentences each opening a line and its lead cell k lines
 * each naming a body (and its supporting cell k, or none).  k, or 0. */
static size_t merged_tasks(const plan_table_cell *c, size_t n, const int cols[COL_COUNT_],
                           cell_parts parts[COL_COUNT_]) {
  size_t k = line_parts(&c[cols[COL_LEAD]], NULL, &parts[COL_LEAD]);
  if (k < 2 || line_parts(&c[cols[COL_CONTENT]], ".;", &parts[COL_CONTENT]) != k) return 0;
  parts[COL_SUPPORT].n = parts[COL_DEADLINE].n = 0; /* the deadline is every task's */
  if (cols[COL_SUPPORT] >= 0 && cols[COL_SUPPORT] < (int)n &&
      line_parts(&c[cols[COL_SUPPORT]], NULL, &parts[COL_SUPPORT]) &&
      parts[COL_SUPPORT].n != k)
    return 0;
  return k;
}

/* Writes one task of row c (n cells): its part `part` of the columns
 * that parts splits, the others whole.  The tasks after a row's first
 * point at its last cell at the earliest: offsets only run forward. */
static void emit_task(const plan_table_cell *c, size_t n, const plan_table_cell *header,
                      size_t nheader, const int cols[COL_COUNT_], const cell_parts *parts,
                      size_t part, plan_buf *out, plan_offmap *map) {
  plan__buf_put(out, "- ", 2);
  for (int k = COL_CONTENT; k < COL_COUNT_; k++) {
    if (cols[k] < 0 || cols[k] >= (int)n || blank(&c[cols[k]])) continue;
    if (k != COL_CONTENT) {
      const char *w = column_words[k];
      char end = out->len ? out->data[out->len - 1] : ' ';
      plan__buf_put(out, end == '.' || end == ';' ? " " : ". ", end == '.' || end == ';' ? 1 : 2);
      plan__buf_put(out, w, strlen(w));
      plan__buf_putc(out, ' ');
    }
    const plan_table_cell *cell = &c[cols[k]];
    if (parts && parts[k].n)
      put_range(out, map, cell, parts[k].b[part], parts[k].e[part], true);
    else
      put_cell(out, map, cell, true);
  }
  /* the other columns ("Sản phẩm", "Ghi chú"), each under its header's
   * words: a task table loses none of its text */
  for (size_t j = 0; j < n; j++) {
    bool known = false;
    for (int k = 0; k < COL_COUNT_; k++) known |= cols[k] == (int)j;
    const plan_table_cell *h = j < nheader ? &header[j] : NULL;
    if (known || blank(&c[j]) || number_header(h)) continue;
    char end = out->len ? out->data[out->len - 1] : ' ';
    plan__buf_put(out, end == '.' || end == ';' ? " " : ". ", end == '.' || end == ';' ? 1 : 2);
    if (h && !blank(h)) put_cell(out, NULL, h, true);
    else plan__buf_printf(out, "Cột %zu", j + 1);
    plan__buf_put(out, ": ", 2);
    put_cell(out, map, &c[j], true);
  }
  plan__buf_put(out, "\n\n", 2);
}

static void emit_tasks(plan_table *t, const int cols[COL_COUNT_], plan_buf *out,
                       plan_offmap *map) {
  plan_vec *rows = t->rows.data;
  const plan_table_cell *header = rows[0].data;
  size_t nheader = rows[0].len;
  for (size_t i = 1; i < t->rows.len; i++) {
    plan_table_cell *c = rows[i].data;
    size_t n = rows[i].len, filled = 0, last = 0;
    for (size_t j = 0; j < n; j++)
      if (!blank(&c[j])) { filled++; last = j; }
    if (!filled) continue;
    if (filled == 1 || (int)n <= cols[COL_CONTENT] || (int)n <= cols[COL_LEAD]) {
      /* a group heading across the columns ("I" / "Hoàn thiện thể chế") */
      put_cell(out, map, &c[last], true);
      plan__buf_put(out, "\n\n", 2);
      continue;
    }
    cell_parts parts[COL_COUNT_];
    size_t k = merged_tasks(c, n, cols, parts);
    if (!k) {
      emit_task(c, n, header, nheader, cols, NULL, 0, out, map);
      continue;
    }
    for (size_t part = 0; part < k; part++) emit_task(c, n, header, nheader, cols, parts, part, out, map);
  }
}

/* Whether a row after the first holds text.  A header with no task under
 * it (cells with no row between them, as a plain table's text is
 * written) is no task table: its words (an issuer, a number, "Cơ quan chủ
 * trì") are written as a plain table's, not dropped. */
static bool has_body(const plan_table *t) {
  const plan_vec *rows = t->rows.data;
  for (size_t i = 1; i < t->rows.len; i++) {
    const plan_table_cell *c = rows[i].data;
    for (size_t j = 0; j < rows[i].len; j++)
      if (!blank(&c[j])) return true;
  }
  return false;
}

/* Whether t is a task table: its first row names the content and lead
 * columns (cols gets each column's index, or -1), and tasks follow. */
static bool task_columns(const plan_table *t, int cols[COL_COUNT_]) {
  if (!t->rows.len) return false;
  column_roles(t->rows.data, cols);
  return cols[COL_CONTENT] >= 0 && cols[COL_LEAD] >= 0 && has_body(t);
}

bool plan__table_is_tasks(plan_table *t) {
  int cols[COL_COUNT_];
  return task_columns(t, cols);
}

void plan__table_emit(plan_table *t, plan_buf *out, plan_offmap *map) {
  if (!t->rows.len) return;
  int cols[COL_COUNT_];
  if (task_columns(t, cols)) {
    emit_tasks(t, cols, out, map);
    return;
  }
  plan_vec *rows = t->rows.data;
  bool first = true;
  for (size_t i = 0; i < t->rows.len; i++) {
    plan_table_cell *c = rows[i].data;
    for (size_t j = 0; j < rows[i].len; j++) {
      if (blank(&c[j])) continue;
      if (!first) plan__buf_put(out, "\n|\n", 3);
      first = false;
      put_cell(out, map, &c[j], false);
    }
  }
  plan__buf_put(out, "\n\n", 2);
}
