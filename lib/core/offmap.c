/* offmap.c - the sparse map from output offsets back to input offsets.
 * Most text passes through unchanged, so only the places where the
 * output-minus-input delta changes are stored. */
#include <stddef.h>
#include <string.h>

#include "core.h"

void plan__offmap_init(plan_offmap *m) { plan__vec_init(&m->anchors, sizeof(plan_anchor)); }

void plan__offmap_store(plan_offmap *m, size_t out, size_t in) {
  plan_vec *v = &m->anchors;
  if (v->len) {
    plan_anchor *last = (plan_anchor *)v->data + v->len - 1;
    if (last->out == out) { last->in = in; return; }
    if (in >= last->in && in - last->in == out - last->out) return; /* same delta */
  } else if (in == out) {
    return; /* identity so far */
  }
  plan_anchor *a = plan__vec_push(v);
  if (a) { a->out = out; a->in = in; }
}

void plan__offmap_store_forward(plan_offmap *m, size_t out, size_t in) {
  const plan_vec *v = &m->anchors;
  if (v->len) {
    const plan_anchor *last = (const plan_anchor *)v->data + v->len - 1;
    if (in < last->in) in = last->in;
  }
  plan__offmap_store(m, out, in);
}

/* The input offset of out, given lo: the first anchor past it. */
static size_t map_from(const plan_offmap *m, size_t out, size_t lo) {
  const plan_anchor *a = m->anchors.data;
  size_t n = m->anchors.len;
  if (lo == 0) {
    size_t in = out;
    if (n && in >= a[0].in) in = a[0].in ? a[0].in - 1 : 0;
    return in;
  }
  size_t in = a[lo - 1].in + (out - a[lo - 1].out);
  if (lo < n && in >= a[lo].in) in = a[lo].in > a[lo - 1].in ? a[lo].in - 1 : a[lo - 1].in;
  return in;
}

static size_t key_at(const void *base, size_t size, size_t key, size_t i) {
  size_t k;
  memcpy(&k, (const char *)base + i * size + key, sizeof k);
  return k;
}

size_t plan__upper_bound_from(const void *base, size_t size, size_t key, size_t n, size_t at,
                              size_t x) {
  if (at > n || (at > 0 && key_at(base, size, key, at - 1) > x)) at = 0;
  size_t lo = at, hi = n; /* the element before lo is not above x */
  if (at > 0) { /* gallop: near at is where a rising search is */
    size_t step = 1;
    while (lo + step <= n && key_at(base, size, key, lo + step - 1) <= x) {
      lo += step;
      step *= 2;
    }
    hi = lo + step - 1 < n ? lo + step - 1 : n; /* above x, or the end */
  }
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (key_at(base, size, key, mid) <= x) lo = mid + 1; else hi = mid;
  }
  return lo;
}

size_t plan__offmap_lookup(const plan_offmap *m, size_t out) {
  size_t from_start = 0;
  return plan__offmap_lookup_from(m, out, &from_start);
}

size_t plan__offmap_lookup_from(const plan_offmap *m, size_t out, size_t *hint) {
  size_t lo = plan__upper_bound_from(m->anchors.data, sizeof(plan_anchor),
                                     offsetof(plan_anchor, out), m->anchors.len, *hint, out);
  *hint = lo;
  return map_from(m, out, lo);
}

void plan__offmap_free(plan_offmap *m) { plan__vec_free(&m->anchors); }
