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

/* Writes a cell's text, trimmed, on one line when flat (its breaks become
 * spaces), carrying its anchors over to map. */
static void put_cell(plan_buf *out, plan_offmap *map, const plan_table_cell *c, bool flat) {
  const char *s = c->text ? c->text : "";
  size_t n = c->len, lead = 0;
  while (lead < n && (s[lead] == '\n' || (flat && s[lead] == ' '))) lead++;
  while (n > lead && (s[n - 1] == '\n' || (flat && s[n - 1] == ' '))) n--;
  size_t base = out->len;
  if (map) {
    plan__offmap_store_forward(map, base, c->src);
    const plan_anchor *a = c->map.anchors.data;
    for (size_t i = 0; i < c->map.anchors.len; i++)
      if (a[i].out >= lead && a[i].out < n)
        plan__offmap_store_forward(map, base + a[i].out - lead, a[i].in);
  }
  for (size_t i = lead; i < n; i++) plan__buf_putc(out, flat && s[i] == '\n' ? ' ' : s[i]);
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

static void emit_tasks(plan_table *t, const int cols[COL_COUNT_], plan_buf *out,
                       plan_offmap *map) {
  plan_vec *rows = t->rows.data;
  const plan_table_cell *header = rows[0].data;
  size_t nheader = rows[0].len;
  for (size_t i = 1; i < t->rows.len; i++) {
    plan_table_cell *c = rows[i].data;
    size_t filled = 0, last = 0;
    for (size_t j = 0; j < rows[i].len; j++)
      if (!blank(&c[j])) { filled++; last = j; }
    if (!filled) continue;
    if (filled == 1 || (int)rows[i].len <= cols[COL_CONTENT] || (int)rows[i].len <= cols[COL_LEAD]) {
      /* a group heading across the columns ("I" / "Hoàn thiện thể chế") */
      put_cell(out, map, &c[last], true);
      plan__buf_put(out, "\n\n", 2);
      continue;
    }
    const plan_table_cell *content = &c[cols[COL_CONTENT]];
    plan__buf_put(out, "- ", 2);
    put_cell(out, map, content, true);
    for (int k = COL_LEAD; k < COL_COUNT_; k++) {
      if (cols[k] < 0 || cols[k] >= (int)rows[i].len || blank(&c[cols[k]])) continue;
      const char *w = column_words[k];
      char end = out->len ? out->data[out->len - 1] : ' ';
      plan__buf_put(out, end == '.' || end == ';' ? " " : ". ", end == '.' || end == ';' ? 1 : 2);
      plan__buf_put(out, w, strlen(w));
      plan__buf_putc(out, ' ');
      put_cell(out, map, &c[cols[k]], true);
    }
    /* the other columns ("Sản phẩm", "Ghi chú"), each under its header's
     * words: a task table loses none of its text */
    for (size_t j = 0; j < rows[i].len; j++) {
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
