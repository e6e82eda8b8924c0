/* buf.c - growable buffers and arrays that fail soft on out-of-memory. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "core.h"

bool plan__buf_reserve(plan_buf *b, size_t extra) {
  if (b->oom) return false;
  if (extra > SIZE_MAX - b->len - 1) { b->oom = true; return false; }
  size_t need = b->len + extra + 1; /* room for the NUL of take() */
  if (need <= b->cap) return true;
  if (b->fixed) { b->oom = true; return false; }
  size_t cap = b->cap ? b->cap : 64;
  while (cap < need) cap = cap > SIZE_MAX / 2 ? need : cap * 2;
  char *p = realloc(b->data, cap);
  if (!p) { b->oom = true; return false; }
  b->data = p;
  b->cap = cap;
  return true;
}

void plan__buf_put(plan_buf *b, const void *p, size_t n) {
  if (n == 0 || !plan__buf_reserve(b, n)) return;
  memcpy(b->data + b->len, p, n);
  b->len += n;
}

void plan__buf_put_cp(plan_buf *b, int32_t cp) {
  if (!plan__buf_reserve(b, 4)) return;
  b->len += (size_t)utf8proc_encode_char(cp, (utf8proc_uint8_t *)b->data + b->len);
}

void plan__buf_printf(plan_buf *b, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(NULL, 0, fmt, ap);
  va_end(ap);
  if (n < 0 || !plan__buf_reserve(b, (size_t)n)) return;
  va_start(ap, fmt);
  vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
  va_end(ap);
  b->len += (size_t)n;
}

char *plan__buf_take(plan_buf *b, size_t *len) {
  if (!plan__buf_reserve(b, 0)) { plan__buf_free(b); return NULL; }
  b->data[b->len] = '\0';
  char *p = b->data;
  if (len) *len = b->len;
  b->data = NULL;
  b->len = b->cap = 0;
  return p;
}

void plan__buf_free(plan_buf *b) {
  free(b->data);
  b->data = NULL;
  b->len = b->cap = 0;
}

void plan__vec_init(plan_vec *v, size_t elem) {
  memset(v, 0, sizeof *v);
  v->elem = elem;
}

void *plan__vec_push(plan_vec *v) {
  if (v->oom) return NULL;
  if (v->len == v->cap) {
    size_t cap = v->cap ? v->cap * 2 : 16;
    if (cap > SIZE_MAX / v->elem) { v->oom = true; return NULL; }
    void *p = realloc(v->data, cap * v->elem);
    if (!p) { v->oom = true; return NULL; }
    v->data = p;
    v->cap = cap;
  }
  void *slot = (char *)v->data + v->len++ * v->elem;
  memset(slot, 0, v->elem);
  return slot;
}

void plan__vec_free(plan_vec *v) {
  free(v->data);
  v->data = NULL;
  v->len = v->cap = 0;
}

ptrdiff_t plan__utf8_next_slow(const char *s, size_t n, int32_t *cp) {
  return (ptrdiff_t)utf8proc_iterate((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n, cp);
}
