/* bench_parse - parse throughput on the corpus replicated to 64 MB: without
 * the assignment stage (normalize + segment + references) and with it,
 * beside `cmark -t xml` on the same bytes. */
#include "plan.h"
#include "bench_util.h"

enum { RUNS = 3 };
#define TARGET (64u << 20)

int main(void) {
  size_t dlen[BENCH_NFILES], total, copies;
  char *big = replicate_corpus(TARGET, dlen, &total, &copies);
  printf("parse: the corpus replicated to %.1f MB (%zu documents)\n", total / MB, copies * BENCH_NFILES);

  plan_lexicon *lex;
  if (plan_lexicon_new(&lex, NULL) != PLAN_OK) return 1;
  plan_options o;
  plan_options_init(&o);
  o.lexicon = lex;
  double t[RUNS], tn[RUNS];
  size_t nodes = 0;
  for (int r = 0; r < RUNS; r++) {
    for (int with = 0; with < 2; with++) {
      o.flags = with ? PLAN_OPT_DEFAULT : PLAN_OPT_NO_ASSIGNMENTS;
      double t0 = now();
      size_t at = 0;
      for (size_t c = 0; c < copies; c++)
        for (int i = 0; i < BENCH_NFILES; i++) {
          plan_doc *d;
          if (plan_doc_parse(big + at, dlen[i], &o, &d, NULL) != PLAN_OK) return 1;
          nodes += plan_doc_reference_count(d) + plan_doc_assignment_count(d);
          plan_doc_free(d);
          at += dlen[i] + 1;
        }
      (with ? t : tn)[r] = now() - t0;
    }
  }
  double per_doc = median(t, RUNS), no_assign = median(tn, RUNS), rss = peak_rss();
  printf("  libplan parse, no assignments        : %7.1f MB/s  %7.0f documents/s\n",
         total / MB / no_assign, copies * BENCH_NFILES / no_assign);
  printf("  libplan parse, with assignments      : %7.1f MB/s  %7.0f documents/s  peak RSS %6.1f MB = %.2fx input\n",
         total / MB / per_doc, copies * BENCH_NFILES / per_doc, rss / MB, rss / total);
  printf("  assignments keep                     : %7.0f%% of the throughput; target >= 80%%\n",
         100.0 * no_assign / per_doc);

  char *const cmark[] = {"cmark", "-t", "xml", NULL};
  double crss = 0, c = time_peer(cmark, big, total, RUNS, &crss);
  if (c < 0) {
    printf("  cmark -t xml                         : not available (apt-get install cmark)\n");
  } else {
    printf("  cmark -t xml (whole file)            : %7.1f MB/s                       peak RSS %6.1f MB = %.2fx input\n",
           total / MB / c, crss / MB, crss / total);
    printf("  ratio libplan/cmark                  : %7.2fx without assignments, %.2fx with; target >= 1x\n",
           c / no_assign, c / per_doc);
  }
  plan_lexicon_free(lex);
  free(big);
  return nodes == 0;
}
