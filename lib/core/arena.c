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
