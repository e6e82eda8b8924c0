/* status.c - version, status names and messages, error filling, options. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core.h"

int plan_version(void) { return PLAN_VERSION; }
const char *plan_version_string(void) { return PLAN_VERSION_STRING; }

void plan_free(void *ptr) { free(ptr); }

const char *plan_strerror(plan_status status) {
  for (size_t i = 0; i < plan__statuses_count; i++)
    if (plan__statuses[i].status == status) return plan__statuses[i].message;
  return "unknown status";
}

const char *plan_status_name(plan_status status) {
  for (size_t i = 0; i < plan__statuses_count; i++)
    if (plan__statuses[i].status == status) return plan__statuses[i].name;
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

plan_status plan__give_string(char *s, char **out, plan_error *err) {
  *out = s;
  return s ? PLAN_OK : plan__error(err, PLAN_ENOMEM, 0, 0, 0, "out of memory");
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

/* The size of a struct of a caller's version: the end of one of its fields
 * (ends[], in order), or that end padded to the struct's alignment. */
bool plan__struct_size_ok(size_t size, const size_t *ends, size_t n, size_t align) {
  for (size_t i = 0; i < n; i++)
    if (size == ends[i] || size == (ends[i] + align - 1) / align * align) return true;
  return false;
}

#define OPT_END(f) (offsetof(plan_options, f) + sizeof(((plan_options *)0)->f))
static const size_t option_ends[] = {OPT_END(flags),          OPT_END(tone_style),
                                     OPT_END(max_input_bytes), OPT_END(lexicon),
                                     OPT_END(max_line_bytes),  OPT_END(max_depth),
                                     OPT_END(input),           OPT_END(encoding),
                                     OPT_END(max_elements)};

static bool option_size_ok(size_t size) {
  return size <= sizeof(plan_options) &&
         plan__struct_size_ok(size, option_ends, sizeof option_ends / sizeof *option_ends,
                              _Alignof(plan_options));
}

plan_status plan_options_init_sized(plan_options *opts, size_t size) {
  if (!opts || !option_size_ok(size)) return PLAN_EINVAL;
  plan_options d;
  memset(&d, 0, sizeof d);
  d.size = size;
  d.flags = PLAN_OPT_DEFAULT;
  d.tone_style = PLAN_TONE_TRADITIONAL;
  d.max_input_bytes = PLAN_DEFAULT_MAX_INPUT;
  d.lexicon = NULL;
  d.max_line_bytes = PLAN_DEFAULT_MAX_LINE;
  d.max_depth = PLAN_DEFAULT_MAX_DEPTH;
  d.input = PLAN_INPUT_AUTO;
  d.encoding = PLAN_ENCODING_AUTO;
  d.max_elements = PLAN_DEFAULT_MAX_ELEMENTS;
  memcpy(opts, &d, size); /* the caller's bytes, not one more */
  return PLAN_OK;
}

plan_status plan__options_copy(plan_options *dst, const plan_options *src, plan_error *err) {
  plan_options_init_sized(dst, sizeof *dst);
  if (!src) return PLAN_OK;
  if (src->size == 0)
    return plan__error(err, PLAN_EINVAL, 0, 0, 0,
                       "options not initialised (size 0): call plan_options_init() first");
  if (!option_size_ok(src->size))
    return plan__error(err, PLAN_EINVAL, 0, 0, 0,
                       "options of %zu bytes match no version of plan_options (this library's "
                       "has %zu)", src->size, sizeof *dst);
  memcpy(dst, src, src->size);
  dst->size = sizeof *dst;
  return PLAN_OK;
}
