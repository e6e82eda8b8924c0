/* assign.h - the assignment stage: reads the outline segmentation left and
 * finds who is asked to do what: the agency items of the implementation
 * part, their agencies (with roles) and their duties.  Uses every stage
 * up to segment. */
#ifndef PLAN_ASSIGN_H
#define PLAN_ASSIGN_H

#include "segment/segment.h"

struct plan_agency {
  const char *id, *name, *kind, *level, *portfolios;
  bool known;
  long lex_index; /* -1 for an unknown agency */
};

struct plan_mention {
  const plan_agency *agency;
  plan_role role;
  const char *text;
};

struct plan_duty {
  const char *text;
  size_t start, end, line;
  const plan_para *para; /* where text starts (NULL for joined paragraphs) */
  size_t para_off;       /* offset of text in para->text */
  const plan_agency *agency; /* a member organisation, or NULL */
  plan_mention *mentions;
  size_t nmentions;
  const char *deadline;
};

struct plan_assignment {
  const char *label, *heading;
  const plan_node *node;
  plan_mention *agencies;
  size_t nagencies;
  bool requested;
  plan_duty *duties;
  size_t nduties;
};


/* Input byte offset of byte off of a duty's text. */
PLAN_INTERNAL size_t plan__duty_input_offset(const plan_outline *doc, const plan_duty *d, size_t off);

/* What the assignment stage adds to a document (its strings and records
 * live in the outline's arena). */
typedef struct plan_assigned {
  plan_vec assignments;     /* of plan_assignment */
  plan_vec agencies;        /* of plan_agency * */
  plan_vec non_assignments; /* of const plan_node * */
} plan_assigned;

/* Finds the assignments of doc's outline into out (zeroed by the caller);
 * adds its diagnostics to doc.  PLAN_OK or PLAN_ENOMEM. */
PLAN_INTERNAL plan_status plan__assign(plan_outline *doc, plan_assigned *out);
PLAN_INTERNAL void plan__assigned_free(plan_assigned *a);

#endif
