/* text_table.c - task tables in text copied cell by cell.  A page's table
 * pasted as text puts each cell's lines between '|' lines and a second '|'
 * line between rows ("|" / "**Nhiệm vụ**" / "|" / "**Cơ quan chủ trì**" /
 * "|" / "|" / "1" / "|" ...).  When the first row names a task table's
 * columns (content and lead agency), the block is rewritten as the HTML
 * and DOCX readers write their task tables (table.c): one bullet per task
 * with "Cơ quan chủ trì: ...", so the same table gives the same duties
 * whatever form it came in.  Other tables are left as they are. */
#include <stdlib.h>
#include <string.h>

#include "input.h"

/* A line [b, e) that is a lone '|' (spaces around allowed). */
static bool pipe_line(const char *s, size_t b, size_t e) {
  while (b < e && (s[b] == ' ' || s[b] == '\t' || s[b] == '\r')) b++;
  while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == '\r')) e--;
  return e == b + 1 && s[b] == '|';
}

/* The end of the line that starts at at (before e), and where the next
 * one starts. */
static size_t line_end(const char *s, size_t at, size_t e, size_t *next) {
  const char *nl = memchr(s + at, '\n', e - at);
  size_t le = nl ? (size_t)(nl - s) : e;
  *next = nl ? le + 1 : e;
  return le;
}

static bool blank_line(const char *s, size_t b, size_t e) {
  for (; b < e; b++)
    if (s[b] != ' ' && s[b] != '\t' && s[b] != '\r') return false;
  return true;
}

/* A cell that numbers its row ("1", "12", "IV", "2.3", "**I**"): the
 * first cell of a new row. */
static bool row_number(const char *s, size_t b, size_t e) {
  while (b < e && (s[b] == '*' || s[b] == ' ')) b++;
  while (e > b && (s[e - 1] == '*' || s[e - 1] == ' ' || s[e - 1] == '\n' || s[e - 1] == '\r')) e--;
  if (b == e || e - b > 8) return false;
  for (size_t i = b; i < e; i++)
    if (!((s[i] >= '0' && s[i] <= '9') || s[i] == '.' || s[i] == 'I' || s[i] == 'V' ||
          s[i] == 'X'))
      return false;
  return true;
}

static bool add_cell(plan_table *t, const char *s, size_t b, size_t e) {
  plan_table_cell *c = plan__table_add_cell(t, b);
  if (!c) return false;
  while (e > b && (s[e - 1] == '\n' || s[e - 1] == '\r')) e--;
  c->len = e - b;
  c->text = malloc(c->len + 1);
  if (!c->text) return false;
  memcpy(c->text, s + b, c->len);
  c->text[c->len] = '\0';
  return true;
}

/* Ends the last row of t before its cell at, dropping the drop empty
 * cells there: the cells after them open a new row.  Returns false when
 * out of memory. */
static bool split_row(plan_table *t, size_t at, size_t drop) {
  plan_vec *rows = t->rows.data;
  size_t last = t->rows.len - 1, moved = rows[last].len - at - drop;
  if (!plan__table_add_row(t)) return false;
  rows = t->rows.data;
  plan_vec *from = &rows[last], *to = &rows[last + 1];
  plan_table_cell *c = from->data;
  for (size_t i = at; i < at + drop; i++) {
    free(c[i].text);
    plan__offmap_free(&c[i].map);
    c[i].text = NULL; /* each cell has one owner, out of memory too */
    plan__offmap_init(&c[i].map);
  }
  for (size_t i = 0; i < moved; i++) {
    plan_table_cell *d = plan__vec_push(to);
    if (!d) return false;
    *d = c[at + drop + i];
    c[at + drop + i].text = NULL;
    plan__offmap_init(&c[at + drop + i].map);
  }
  from->len = at;
  return true;
}

/* Reads the block of lines [b, e) (it opens with a '|' line) into t.  A
 * run of k '|' lines after a cell closes it; with k >= 2 a row ends (k - 2
 * empty cells before) when the row is full or the next cell numbers a
 * row, else k - 1 empty cells follow in the same row.  A row that then
 * holds more cells than the first shows it was wrong: the row ended at
 * that run (a short row, its cells merged away: "Quý IV/2026" / "|" / "|"
 * / "Thực hiện sao lưu ..."), and the cells after it are the next row's.
 * Returns false when out of memory. */
static bool read_block(const char *s, size_t b, size_t e, plan_table *t) {
  size_t columns = 0, cells = 0;
  size_t guess_at = 0, guess_empties = 0; /* the run read as empty cells */
  bool guessed = false, first_row = true;
  if (!plan__table_add_row(t)) return false;
  size_t at; /* past the opening '|' */
  line_end(s, b, e, &at);
  while (at < e) {
    /* a cell: the lines up to the next '|' line */
    size_t cb = at, next;
    while (at < e) {
      size_t le = line_end(s, at, e, &next);
      if (pipe_line(s, at, le)) break;
      at = next;
    }
    if (at > cb) {
      if (!add_cell(t, s, cb, at)) return false;
      cells++;
      if (guessed && cells > columns) {
        if (!split_row(t, guess_at, guess_empties)) return false;
        cells -= guess_at + guess_empties;
        guessed = false;
      }
    }
    /* the run of '|' lines */
    size_t k = 0;
    while (at < e) {
      size_t le = line_end(s, at, e, &next);
      if (!pipe_line(s, at, le)) break;
      k++;
      at = next;
    }
    if (k == 0) break;
    if (k == 1) continue;
    size_t next_end = at;
    while (next_end < e && s[next_end] != '\n') next_end++;
    bool ends = first_row || cells + (k - 2) >= columns || at >= e ||
                row_number(s, at, next_end);
    size_t empties = ends ? k - 2 : k - 1;
    size_t row_end = cells + k - 2; /* where the row ends if it does */
    for (size_t i = 0; i < empties && (columns == 0 || cells < columns); i++, cells++)
      if (!add_cell(t, s, at, at)) return false;
    if (!ends) { /* the latest such run is the likelier end */
      guessed = true;
      guess_at = row_end < cells ? row_end : cells;
      guess_empties = cells - guess_at;
    }
    if (ends) {
      if (first_row) columns = cells;
      first_row = false;
      guessed = false;
      cells = 0;
      if (at < e && !plan__table_add_row(t)) return false;
    }
  }
  return true;
}

/* A table that numbers its rows ("TT", "STT" first) may have rows that
 * lost their number cell to a merge ("| | Xây dựng ... | Trung tâm ...
 * |"): such a row gets an empty first cell back, so its columns line up.
 * Returns false when out of memory. */
static bool realign_rows(plan_table *t) {
  plan_vec *rows = t->rows.data;
  if (t->rows.len < 2 || !rows[0].len) return true;
  const plan_table_cell *h = rows[0].data;
  size_t b = 0, e = h->len;
  while (b < e && (h->text[b] == '*' || h->text[b] == ' ')) b++;
  while (e > b && (h->text[e - 1] == '*' || h->text[e - 1] == ' ')) e--;
  bool numbered = (e - b == 2 && memcmp(h->text + b, "TT", 2) == 0) ||
                  (e - b == 3 && memcmp(h->text + b, "STT", 3) == 0);
  if (!numbered) return true;
  for (size_t i = 1; i < t->rows.len; i++) {
    plan_vec *r = &rows[i];
    plan_table_cell *c = r->data;
    if (r->len < 2 || r->len >= rows[0].len || !c[0].text ||
        row_number(c[0].text, 0, c[0].len))
      continue;
    if (!plan__vec_push(r)) return false;
    c = r->data;
    memmove(c + 1, c, (r->len - 1) * sizeof *c);
    memset(&c[0], 0, sizeof c[0]);
    c[0].src = c[1].src;
    plan__offmap_init(&c[0].map);
  }
  return true;
}

plan_status plan__text_tables(const char *s, size_t len, plan_buf *out, plan_offmap *map,
                              bool *changed) {
  *changed = false;
  size_t copied = 0; /* input copied to out so far */
  for (size_t ls = 0; ls < len;) {
    size_t next, le = line_end(s, ls, len, &next);
    if (!pipe_line(s, ls, le)) {
      ls = next;
      continue;
    }
    /* the block: non-blank lines from this '|' line on */
    size_t be = next, after;
    while (be < len) {
      size_t e2 = line_end(s, be, len, &after);
      if (blank_line(s, be, e2)) break;
      be = after;
    }
    plan_table t;
    plan__table_init(&t);
    bool ok = read_block(s, ls, be, &t) && realign_rows(&t);
    if (ok && plan__table_is_tasks(&t)) {
      plan__offmap_mark(map, out->len, copied);
      plan__buf_put(out, s + copied, ls - copied);
      plan__table_emit(&t, out, map);
      plan__offmap_store_forward(map, out->len, be);
      copied = be;
      *changed = true;
    }
    plan__table_free(&t);
    if (!ok) return PLAN_ENOMEM;
    ls = be;
  }
  if (*changed) {
    plan__offmap_mark(map, out->len, copied);
    plan__buf_put(out, s + copied, len - copied);
  }
  return out->oom || map->anchors.oom ? PLAN_ENOMEM : PLAN_OK;
}
