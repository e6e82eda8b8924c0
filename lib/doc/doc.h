/* doc.h - the document stage: a parsed document is its outline (the
 * segmentation stage's) and its assignments (the assignment stage's).
 * plan_doc_parse() runs the stages below in order. */
#ifndef PLAN_DOC_H
#define PLAN_DOC_H

#include "assign/assign.h"
#include "input/input.h"

struct plan_doc {
  plan_outline outline;
  plan_assigned assigned;
};

#endif
