/* status.c - version, status names and messages, error filling, options. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core.h"

int plan_version(void) { return PLAN_VERSION; }
const char *plan_version_string(void) { return PLAN_VERSION_STRING; }

void plan_free(void *ptr) { free(ptr); }

static const struct {
  plan_status status;
  const char *name;
  const char *message;
} status_table[] = {
    {PLAN_OK, "PLAN_OK", "success"},
    {PLAN_EINVAL, "PLAN_EINVAL", "invalid argument"},
    {PLAN_ENOMEM, "PLAN_ENOMEM", "out of memory"},
    {PLAN_EUTF8, "PLAN_EUTF8", "invalid UTF-8"},
    {PLAN_ENUL, "PLAN_ENUL", "NUL byte in input"},
    {PLAN_ELIMIT, "PLAN_ELIMIT", "limit exceeded"},
    {PLAN_EFORMAT, "PLAN_EFORMAT", "malformed input"},
    {PLAN_EIO, "PLAN_EIO", "input/output error"},
    {PLAN_EEMPTY, "PLAN_EEMPTY", "empty input"},
    {PLAN_EENCODING, "PLAN_EENCODING", "unknown encoding"},
};

const char *plan_strerror(plan_status status) {
  for (size_t i = 0; i < sizeof status_table / sizeof *status_table; i++)
    if (status_table[i].status == status) return status_table[i].message;
  return "unknown status";
}

const char *plan_status_name(plan_status status) {
  for (size_t i = 0; i < sizeof status_table / sizeof *status_table; i++)
    if (status_table[i].status == status) return status_table[i].name;
  return "PLAN_UNKNOWN";
}

plan_status plan__error(plan_error *err, plan_status status, size_t offset,
                        size_t line, size_t column, const char *fmt, ...) {
  if (!err) return status;
  memset(err, 0, sizeof *err);
  err->status = status;
  err->offset = offset;
  err->line = line;
  err->column = column;
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(err->message, sizeof err->message, fmt, ap);
  va_end(ap);
  return status;
}

void plan__position(const char *text, size_t len, size_t offset, size_t *line,
                    size_t *column) {
  if (offset > len) offset = len;
  size_t l = 1, start = 0;
  for (const char *p = text, *end = text + offset;
       (p = memchr(p, '\n', (size_t)(end - p))) != NULL; p++) {
    l++;
    start = (size_t)(p - text) + 1;
  }
  if (line) *line = l;
  if (column) *column = offset - start + 1;
}

void plan_options_init(plan_options *opts) {
  if (!opts) return;
  memset(opts, 0, sizeof *opts);
  opts->size = sizeof *opts;
  opts->flags = PLAN_OPT_DEFAULT;
  opts->tone_style = PLAN_TONE_TRADITIONAL;
  opts->max_input_bytes = PLAN_DEFAULT_MAX_INPUT;
  opts->lexicon = NULL;
  opts->max_line_bytes = PLAN_DEFAULT_MAX_LINE;
  opts->max_depth = PLAN_DEFAULT_MAX_DEPTH;
  opts->input = PLAN_INPUT_AUTO;
  opts->encoding = PLAN_ENCODING_AUTO;
}

void plan__options_copy(plan_options *dst, const plan_options *src) {
  plan_options_init(dst);
  if (!src) return;
  size_t n = src->size < sizeof *dst ? src->size : sizeof *dst;
  if (n > sizeof src->size) memcpy(dst, src, n);
  dst->size = sizeof *dst;
}
