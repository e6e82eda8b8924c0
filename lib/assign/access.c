/* access.c - the accessors of plan.h's agency, mention, assignment and
 * duty records. */
#include "assign.h"

const char *plan_agency_id(const plan_agency *a) { return a ? a->id : NULL; }
const char *plan_agency_name(const plan_agency *a) { return a ? a->name : NULL; }
const char *plan_agency_kind(const plan_agency *a) { return a ? a->kind : NULL; }
const char *plan_agency_level(const plan_agency *a) { return a ? a->level : NULL; }
const char *plan_agency_portfolios(const plan_agency *a) { return a ? a->portfolios : NULL; }
int plan_agency_known(const plan_agency *a) { return a && a->known; }


const plan_agency *plan_mention_agency(const plan_mention *m) { return m ? m->agency : NULL; }
plan_role plan_mention_role(const plan_mention *m) { return m ? m->role : PLAN_ROLE_NAMED; }
const char *plan_mention_text(const plan_mention *m) { return m ? m->text : NULL; }


const char *plan_assignment_label(const plan_assignment *a) { return a ? a->label : NULL; }
const char *plan_assignment_heading(const plan_assignment *a) { return a ? a->heading : NULL; }
int plan_assignment_requested(const plan_assignment *a) { return a && a->requested; }
const plan_node *plan_assignment_node(const plan_assignment *a) { return a ? a->node : NULL; }
size_t plan_assignment_agency_count(const plan_assignment *a) { return a ? a->nagencies : 0; }
const plan_mention *plan_assignment_agency(const plan_assignment *a, size_t i) {
  return a && i < a->nagencies ? &a->agencies[i] : NULL;
}
size_t plan_assignment_duty_count(const plan_assignment *a) { return a ? a->nduties : 0; }
const plan_duty *plan_assignment_duty(const plan_assignment *a, size_t i) {
  return a && i < a->nduties ? &a->duties[i] : NULL;
}

const char *plan_duty_text(const plan_duty *d) { return d ? d->text : NULL; }
void plan_duty_span(const plan_duty *d, size_t *start, size_t *end, size_t *line) {
  if (start) *start = d ? d->start : 0;
  if (end) *end = d ? d->end : 0;
  if (line) *line = d ? d->line : 0;
}
const plan_agency *plan_duty_agency(const plan_duty *d) { return d ? d->agency : NULL; }
size_t plan_duty_mention_count(const plan_duty *d) { return d ? d->nmentions : 0; }
const plan_mention *plan_duty_mention(const plan_duty *d, size_t i) {
  return d && i < d->nmentions ? &d->mentions[i] : NULL;
}
const char *plan_duty_deadline(const plan_duty *d) { return d ? d->deadline : NULL; }

