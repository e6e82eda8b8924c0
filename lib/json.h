/* json.h - a small JSON writer over plan_buf (strings escaped per RFC 8259). */
#ifndef PLAN_JSON_H
#define PLAN_JSON_H

#include "internal.h"

PLAN_INTERNAL void plan__json_str(plan_buf *b, const char *s); /* NULL writes null */
PLAN_INTERNAL void plan__json_strn(plan_buf *b, const char *s, size_t n);
PLAN_INTERNAL void plan__json_key(plan_buf *b, bool *first, const char *key);

#endif
