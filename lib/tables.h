/* tables.h - the knowledge tables generated from data/ (tools/gen_tables.sh). */
#ifndef PLAN_TABLES_H
#define PLAN_TABLES_H

#include "internal.h"

typedef struct plan_abbrev_entry {
  const char *abbreviation;
  const char *expansion;
} plan_abbrev_entry;

PLAN_INTERNAL extern const plan_abbrev_entry plan__default_abbreviations[];
PLAN_INTERNAL extern const size_t plan__default_abbreviation_count;

#endif
