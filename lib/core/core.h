/* core.h - the bottom stage: buffers, arrays, the arena, offset maps,
 * errors and the JSON writer, which every other stage may use.  Never
 * installed. */
#ifndef PLAN_CORE_H
#define PLAN_CORE_H

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "plan.h"

/* Internal symbols carry this prefix and hidden visibility (the default
 * under -fvisibility=hidden), so only plan_ API symbols are exported. */
#define PLAN_INTERNAL __attribute__((visibility("hidden")))

/* utf8proc_iterate, for the forms plan__utf8_next does not decode inline. */
PLAN_INTERNAL ptrdiff_t plan__utf8_next_slow(const char *s, size_t n, int32_t *cp);

/* A growable byte buffer.  On allocation failure it sets oom and drops
 * further writes, so callers check once at the end. */
typedef struct plan_buf {
  char *data;
  size_t len;
  size_t cap;
  bool oom;
  bool fixed; /* data is the caller's array of cap bytes: never grown; a
                 write past it sets oom, and nothing more is written */
} plan_buf;

PLAN_INTERNAL bool plan__buf_reserve(plan_buf *b, size_t extra);
PLAN_INTERNAL void plan__buf_put(plan_buf *b, const void *p, size_t n);
PLAN_INTERNAL void plan__buf_put_cp(plan_buf *b, int32_t cp);

/* Inline: the normalizer's inner loop appends a byte at a time. */
static inline void plan__buf_putc(plan_buf *b, char c) {
  if (b->len + 2 > b->cap && !plan__buf_reserve(b, 1)) return;
  b->data[b->len++] = c;
}
PLAN_INTERNAL void plan__buf_printf(plan_buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* NUL-terminates and hands the data over; the buffer is left empty. */
PLAN_INTERNAL char *plan__buf_take(plan_buf *b, size_t *len);
PLAN_INTERNAL void plan__buf_free(plan_buf *b);

/* A growable array of fixed-size elements, same failure rule as plan_buf. */
typedef struct plan_vec {
  void *data;
  size_t len;
  size_t cap;
  size_t elem;
  bool oom;
} plan_vec;

PLAN_INTERNAL void plan__vec_init(plan_vec *v, size_t elem);
PLAN_INTERNAL void *plan__vec_push(plan_vec *v); /* zeroed slot or NULL */
PLAN_INTERNAL void plan__vec_free(plan_vec *v);

/* Decodes the code point at s (n > 0 bytes left) into *cp and returns its
 * length, or a negative utf8proc error for invalid UTF-8.  The 1-3 byte
 * forms Vietnamese text is made of are decoded inline (their lead bytes
 * C2-DF, E1-EC, EE-EF admit no overlong form and no surrogate); anything
 * else goes to utf8proc_iterate. */
static inline ptrdiff_t plan__utf8_next(const char *s, size_t n, int32_t *cp) {
  const unsigned char *u = (const unsigned char *)s;
  if (u[0] < 0x80) {
    *cp = u[0];
    return 1;
  }
  if (u[0] >= 0xC2 && u[0] <= 0xDF && n >= 2 && (u[1] & 0xC0) == 0x80) {
    *cp = ((int32_t)(u[0] & 0x1F) << 6) | (u[1] & 0x3F);
    return 2;
  }
  if (((u[0] >= 0xE1 && u[0] <= 0xEC) || u[0] >= 0xEE) && u[0] <= 0xEF && n >= 3 &&
      (u[1] & 0xC0) == 0x80 && (u[2] & 0xC0) == 0x80) {
    *cp = ((int32_t)(u[0] & 0x0F) << 12) | ((int32_t)(u[1] & 0x3F) << 6) | (u[2] & 0x3F);
    return 3;
  }
  return plan__utf8_next_slow(s, n, cp);
}

/* A per-document bump allocator (arena.c); memory is zeroed. */
typedef struct plan_arena {
  void *head;
  bool oom;
} plan_arena;

PLAN_INTERNAL void *plan__arena_alloc(plan_arena *a, size_t n);
PLAN_INTERNAL char *plan__arena_strndup(plan_arena *a, const char *s, size_t n);
PLAN_INTERNAL void plan__arena_free(plan_arena *a);
/* Empties the arena for reuse, keeping its newest block (what a loop that
 * makes and drops the same kind of things each turn wants). */
PLAN_INTERNAL void plan__arena_reset(plan_arena *a);
/* A copy of s[0, n) into the arena that any output may carry: each byte
 * that starts no valid UTF-8 sequence, and each control character (C0 but
 * the tab, DEL, C1), replaced with U+FFFD.  For names the caller gives
 * (file names), which the normalizer never saw. */
PLAN_INTERNAL char *plan__arena_clean(plan_arena *a, const char *s, size_t n);

/* Each status's name and message (statuses.c, generated from plan.h's
 * enum by tools/gen_statuses.sh). */
typedef struct plan_status_info {
  plan_status status;
  const char *name;
  const char *message;
} plan_status_info;
PLAN_INTERNAL extern const plan_status_info plan__statuses[];
PLAN_INTERNAL extern const size_t plan__statuses_count;

/* Fills *err (if non-NULL) with status, position and a formatted message,
 * and returns status. */
PLAN_INTERNAL plan_status plan__error(plan_error *err, plan_status status,
                                      size_t offset, size_t line, size_t column,
                                      const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));

/* Hands a new string to the caller: *out = s, PLAN_OK; PLAN_ENOMEM with
 * err filled when s is NULL (the one way a renderer fails). */
PLAN_INTERNAL plan_status plan__give_string(char *s, char **out, plan_error *err);

/* The whole file at path, at most limit bytes, into *out (NUL-terminated,
 * for free()) and *len.  A regular file, a pipe, a socket or a terminal;
 * PLAN_EIO for a directory or a device, PLAN_ELIMIT past the limit (a
 * regular file's size is looked at before reading), PLAN_ENOMEM. */
PLAN_INTERNAL plan_status plan__read_file(const char *path, size_t limit, char **out, size_t *len,
                                          plan_error *err);

/* Line and column (1-based, column in bytes) of a byte offset. */
PLAN_INTERNAL void plan__position(const char *text, size_t len, size_t offset,
                                  size_t *line, size_t *column);

/* Options with the caller's fields read only up to the size they declared;
 * NULL src gives the defaults.  PLAN_EINVAL (err filled) for a size that is
 * 0 or no version's. */
PLAN_INTERNAL plan_status plan__options_copy(plan_options *dst, const plan_options *src,
                                             plan_error *err);
/* Is size the size of some version of a struct whose fields end at ends[]
 * (n of them, in order; padded to align or not)? */
PLAN_INTERNAL bool plan__struct_size_ok(size_t size, const size_t *ends, size_t n, size_t align);

/* ---- offset map: output offset -> input offset ---------------------- */

/* Anchors where the output-minus-input delta changes.  Between two anchors
 * an output offset maps linearly, clamped below the next anchor's input. */
typedef struct plan_anchor {
  size_t out;
  size_t in;
} plan_anchor;

typedef struct plan_offmap {
  plan_vec anchors; /* of plan_anchor, sorted by out */
} plan_offmap;

PLAN_INTERNAL void plan__offmap_init(plan_offmap *m);
/* Records that output offset out comes from input offset in.  Inline for
 * the common case of an unchanged delta, which stores nothing. */
PLAN_INTERNAL void plan__offmap_store(plan_offmap *m, size_t out, size_t in);
/* As plan__offmap_store, never mapping back before an earlier anchor: for
 * maps whose input positions are found rather than counted (HTML), so
 * that later output never maps to earlier input. */
PLAN_INTERNAL void plan__offmap_store_forward(plan_offmap *m, size_t out, size_t in);
static inline void plan__offmap_mark(plan_offmap *m, size_t out, size_t in) {
  const plan_vec *v = &m->anchors;
  if (v->len) {
    const plan_anchor *last = (const plan_anchor *)v->data + v->len - 1;
    if (last->out != out && in >= last->in && in - last->in == out - last->out) return;
  } else if (in == out) {
    return;
  }
  plan__offmap_store(m, out, in);
}
PLAN_INTERNAL size_t plan__offmap_lookup(const plan_offmap *m, size_t out);
/* Where the last position looked up through a text's maps and lines was
 * found (plan__text_source_from()): zero it to start. */
typedef struct plan_text_cursor {
  size_t anchor2, anchor, anchor0, line;
} plan_text_cursor;

/* As plan__offmap_lookup(), the search starting at *hint (0 at first),
 * which it moves on: lookups at rising offsets cost a few steps each. */
PLAN_INTERNAL size_t plan__offmap_lookup_from(const plan_offmap *m, size_t out, size_t *hint);
/* The first of n elements of `size` bytes from base, sorted by the size_t
 * at byte `key` of each, whose key is above x: a binary search, galloping
 * first from at when at > 0 (the last result), so a search a little past
 * the last one costs a few steps; from 0 when the element before at is
 * above x already. */
PLAN_INTERNAL size_t plan__upper_bound_from(const void *base, size_t size, size_t key, size_t n,
                                            size_t at, size_t x);
PLAN_INTERNAL void plan__offmap_free(plan_offmap *m);

/* ---- JSON writing (json.c): strings escaped per RFC 8259 ----------- */

PLAN_INTERNAL void plan__json_str(plan_buf *b, const char *s); /* NULL writes null */
PLAN_INTERNAL void plan__json_strn(plan_buf *b, const char *s, size_t n);
PLAN_INTERNAL void plan__json_key(plan_buf *b, bool *first, const char *key);


#endif
