/* bench_parse - parse throughput over many different documents: the five
 * corpus plans and the 127 real documents of ../shared/corpus/wild, each
 * parsed on its own.  libplan and its peer, cmark (libcmark: the markdown
 * parsed into its tree and rendered as XML, the nearest thing cmark has to
 * a document model), are timed the same way: in this process, through
 * their libraries, the same loop over the same documents, the median of
 * five measurements of at least half a second each. */
#include <cmark.h>
#include <stdbool.h>

#include "plan.h"
#include "bench_util.h"

enum { RUNS = 5 };

typedef struct job {
  const bench_docs *docs;
  const plan_options *opts; /* NULL: the library's defaults */
  bool cmark;
  size_t sink; /* what the parses found, so none is optimised away */
} job;

static void one_round(job *j) {
  for (size_t i = 0; i < j->docs->n; i++) {
    if (j->cmark) {
      cmark_node *root = cmark_parse_document(j->docs->data[i], j->docs->len[i], CMARK_OPT_DEFAULT);
      char *xml = cmark_render_xml(root, CMARK_OPT_DEFAULT);
      j->sink += strlen(xml);
      free(xml);
      cmark_node_free(root);
    } else {
      plan_doc *d;
      if (plan_doc_parse(j->docs->data[i], j->docs->len[i], j->opts, &d, NULL) != PLAN_OK) {
        j->sink += 1; /* a document that is no plan still costs its parse */
        continue;
      }
      j->sink += plan_doc_reference_count(d) + plan_doc_assignment_count(d);
      plan_doc_free(d);
    }
  }
}

static void round_of(void *j) { one_round(j); }

static double time_job(job *j) { return time_rounds(round_of, j, RUNS); }

static void report(const char *what, const bench_docs *d, double s) {
  printf("    %-34s %8.1f MB/s %9.0f documents/s\n", what, d->bytes / MB / s, d->n / s);
}

static int bench_set(const bench_docs *d, const plan_lexicon *lex) {
  if (d->n == 0) {
    printf("  %s: not found\n", d->name);
    return 0;
  }
  printf("  %s: %zu documents, %.2f MB\n", d->name, d->n, d->bytes / MB);
  plan_options with, without;
  plan_options_init(&with);
  plan_options_init(&without);
  with.lexicon = lex;
  without.lexicon = lex;
  without.flags |= PLAN_OPT_NO_ASSIGNMENTS;
  job defaults = {d, NULL, false, 0}, own = {d, &with, false, 0}, seg = {d, &without, false, 0},
      cm = {d, NULL, true, 0};
  double t_defaults = time_job(&defaults), t_own = time_job(&own), t_seg = time_job(&seg),
         t_cm = time_job(&cm);
  report("libplan, no assignments", d, t_seg);
  report("libplan, with assignments", d, t_own);
  report("libplan, NULL options (defaults)", d, t_defaults);
  report("cmark, parse + XML", d, t_cm);
  printf("    assignments keep %.0f%% of the parse's throughput; libplan/cmark %.2fx without "
         "assignments, %.2fx with\n",
         100.0 * t_seg / t_own, t_cm / t_seg, t_cm / t_own);
  return defaults.sink && own.sink && seg.sink && cm.sink ? 0 : 1;
}

int main(void) {
  printf("parse: libplan and cmark in this process, one document a call, median of %d\n", RUNS);
  plan_lexicon *lex;
  if (plan_lexicon_new(&lex, NULL) != PLAN_OK) return 1;
  bench_docs corpus = load_docs("corpus", BENCH_CORPUS_GLOB),
             wild = load_docs("wild", BENCH_WILD_GLOB);
  int rc = bench_set(&corpus, lex) | bench_set(&wild, lex);
  printf("  peak RSS of this process: %.1f MB\n", peak_rss() / MB);
  plan_lexicon_free(lex);
  free_docs(&corpus);
  free_docs(&wild);
  return rc;
}
