/* data.h - the knowledge tables generated from data/ (tools/gen_tables.sh). */
#ifndef PLAN_DATA_H
#define PLAN_DATA_H

#include "core/core.h"

/* A row of a two-column table in data/. */
typedef struct plan_pair {
  const char *first;
  const char *second;
} plan_pair;

#define PLAN_TABLE(name)                                      \
  PLAN_INTERNAL extern const plan_pair plan__table_##name[]; \
  PLAN_INTERNAL extern const size_t plan__table_##name##_count;
PLAN_TABLE(abbreviations) /* ABBR -> expansion */
PLAN_TABLE(doc_types)     /* TYPE -> number code */
PLAN_TABLE(reference_kinds) /* code -> kind */
PLAN_TABLE(cities)        /* centrally-run cities */
PLAN_TABLE(titles)        /* signers' titles */
PLAN_TABLE(hyphenated)    /* "Lao động" - "Thương binh" */
PLAN_TABLE(enc_tcvn3)     /* legacy encodings: bytes (hex) -> text */
PLAN_TABLE(enc_vni)
PLAN_TABLE(enc_viqr)
PLAN_TABLE(enc_cp1258)
PLAN_TABLE(national_issuers) /* codes of national issuing bodies */
PLAN_TABLE(competence_bases) /* "Căn cứ" grounds of the power to act, not of a policy */
PLAN_TABLE(web_portals)   /* portals' names, which mark their pages' furniture */
PLAN_TABLE(web_furniture) /* menus, notices, labels a portal prints before a document */
PLAN_TABLE(provinces)     /* provinces' and cities' names */
PLAN_TABLE(agency_heads)  /* a body's first words -> the words that must follow */
PLAN_TABLE(not_agency_heads) /* phrases that open like a body's name but are none */
PLAN_TABLE(duty_verbs)    /* words a duty starts with -> words before which they are nouns */
#undef PLAN_TABLE

/* A row of data/agencies.tsv. */
typedef struct plan_agency_row {
  const char *id, *name, *level, *kind, *portfolios, *aliases;
} plan_agency_row;
PLAN_INTERNAL extern const plan_agency_row plan__table_agencies[];
PLAN_INTERNAL extern const size_t plan__table_agencies_count;


/* A precomposed letter: its ASCII skeleton ('a'..'z', 'd' for đ; 0 when it
 * is not a letter Vietnamese uses) and info = modified | tone << 1, where
 * modified is 1 for a circumflex, breve or horn and tone is 0 (none) or
 * 1-5 (grave, acute, tilde, hook, dot below). */
typedef struct plan_letter {
  char skeleton;
  unsigned char info;
} plan_letter;

PLAN_INTERNAL extern const plan_letter plan__letters_latin[0x1B1 - 0xC0];
PLAN_INTERNAL extern const plan_letter plan__letters_vietnamese[0x1EFA - 0x1EA0];
/* The same skeletons (0: none) by UTF-8 bytes: [(lead - 0xC3) << 6 |
 * (last & 0x3F)] for C3-C6 xx (U+00C0-U+01BF), [(middle - 0xBA) << 6 |
 * (last & 0x3F)] for E1 BA-BB xx (U+1E80-U+1EFF). */
PLAN_INTERNAL extern const unsigned char plan__skeletons_2byte[256];
PLAN_INTERNAL extern const unsigned char plan__skeletons_3byte[128];

/* The entry for c, or NULL when c is outside both tables or not a
 * Vietnamese letter. */
static inline const plan_letter *plan__letter(int32_t c) {
  const plan_letter *l = NULL;
  if (c >= 0xC0 && c <= 0x1B0) l = &plan__letters_latin[c - 0xC0];
  else if (c >= 0x1EA0 && c <= 0x1EF9) l = &plan__letters_vietnamese[c - 0x1EA0];
  return l && l->skeleton ? l : NULL;
}

#endif
