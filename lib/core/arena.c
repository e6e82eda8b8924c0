/* arena.c - one bump allocator per document: everything a document hands
 * out lives here and goes with one free.  Never shared between documents. */
#include <stdlib.h>
#include <string.h>

#include "core.h"

typedef struct chunk {
  struct chunk *next;
  size_t used, size;
  max_align_t data[];
} chunk;

void *plan__arena_alloc(plan_arena *a, size_t n) {
  n = (n + sizeof(max_align_t) - 1) / sizeof(max_align_t) * sizeof(max_align_t);
  chunk *c = a->head;
  if (!c || c->size - c->used < n) {
    size_t size = n > 64 * 1024 - sizeof(chunk) ? n : 64 * 1024 - sizeof(chunk);
    c = malloc(sizeof(chunk) + size);
    if (!c) { a->oom = true; return NULL; }
    c->size = size;
    c->used = 0;
    c->next = a->head;
    a->head = c;
  }
  void *p = (char *)c->data + c->used;
  c->used += n;
  memset(p, 0, n);
  return p;
}

char *plan__arena_strndup(plan_arena *a, const char *s, size_t n) {
  char *p = plan__arena_alloc(a, n + 1);
  if (!p) return NULL;
  memcpy(p, s, n);
  p[n] = '\0';
  return p;
}

void plan__arena_free(plan_arena *a) {
  for (chunk *c = a->head, *next; c; c = next) {
    next = c->next;
    free(c);
  }
  a->head = NULL;
}

void plan__arena_reset(plan_arena *a) {
  chunk *keep = a->head;
  if (!keep) return;
  for (chunk *c = keep->next, *next; c; c = next) {
    next = c->next;
    free(c);
  }
  keep->next = NULL;
  keep->used = 0;
  a->oom = false;
}

char *plan__arena_clean(plan_arena *a, const char *s, size_t n) {
  plan_buf b = {0};
  plan__buf_reserve(&b, n + 3);
  for (size_t i = 0; i < n;) {
    int32_t cp;
    ptrdiff_t k = plan__utf8_next(s + i, n - i, &cp);
    if (k <= 0 || cp < 0x09 || (cp > 0x09 && cp < 0x20) || (cp >= 0x7F && cp <= 0x9F)) {
      plan__buf_put(&b, "\xEF\xBF\xBD", 3);
      i += k > 0 ? (size_t)k : 1;
    } else {
      plan__buf_put(&b, s + i, (size_t)k);
      i += (size_t)k;
    }
  }
  char *r = b.oom ? NULL : plan__arena_strndup(a, b.data ? b.data : "", b.len);
  plan__buf_free(&b);
  return r;
}
