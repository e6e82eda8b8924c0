/* names.c - the names of plan.h's enumerations, as the outputs write them. */
#include "core.h"

static const char *const meta_names[PLAN_META_COUNT_] = {
    "doc_type", "number", "number_pattern", "date", "place", "issuer", "province",
    "signer", "signer_title", "title", "subject", "attachment_type"};

const char *plan_meta_name(plan_meta field) {
  return (int)field >= 0 && field < PLAN_META_COUNT_ ? meta_names[field] : NULL;
}


static const char *const kind_names[] = {
    "document", "issuer", "motto", "number", "place_date", "type", "title", "subject",
    "recipients", "preamble", "enacting", "attachment", "item", "paragraph", "closing",
    "receivers", "signature"};
static const char *const marker_names[] = {"none", "roman", "arabic", "dotted", "letter",
                                           "bullet", "article", "chapter", "part", "section"};

const char *plan_node_kind_name(plan_node_kind k) {
  return (unsigned)k < sizeof kind_names / sizeof *kind_names ? kind_names[k] : "unknown";
}
const char *plan_marker_name(plan_marker m) {
  return (unsigned)m < sizeof marker_names / sizeof *marker_names ? marker_names[m] : "unknown";
}

const char *plan_diag_code_name(plan_diag_code code) {
  static const char *const names[] = {"",  "numbering-gap", "duplicate-number", "starts-late",
                                      "mixed-alphabet", "unknown-marker", "guessed-date",
                                      "no-number", "furniture", "heuristic"};
  return (unsigned)code < sizeof names / sizeof *names ? names[code] : "unknown";
}

const char *plan_role_name(plan_role role) {
  static const char *const names[] = {"named", "lead", "coordinate", "advise", "report"};
  return (unsigned)role < sizeof names / sizeof *names ? names[role] : "unknown";
}

