/* frame.h - reading the frame's parts (frame.c), used by tree.c. */
#ifndef PLAN_FRAME_H
#define PLAN_FRAME_H

#include "segment.h"

PLAN_INTERNAL bool plan__frame_is_motto(const plan_para *p);
PLAN_INTERNAL bool plan__frame_issuer(plan_outline *doc, const char *s, size_t n);
PLAN_INTERNAL bool plan__frame_number(plan_outline *doc, const char *s, size_t n);
/* Whether s[0, n) is a "Số: ..." line; fills nothing. */
PLAN_INTERNAL bool plan__frame_is_number(const plan_outline *doc, const char *s, size_t n);
PLAN_INTERNAL bool plan__frame_place_date(plan_outline *doc, const plan_para *p);
PLAN_INTERNAL void plan__frame_signer_title(plan_outline *doc, const char *s, size_t n);
/* Fills what the frame did not print but implies (issuer from the number). */
PLAN_INTERNAL void plan__frame_defaults(plan_outline *doc);

#endif
