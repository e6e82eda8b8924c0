/* bench_normalize - normalization throughput and memory on the corpus
 * replicated to 64 MB, beside ICU's `uconv -x any-nfc` on the same bytes. */
#include "plan.h"
#include "bench_util.h"

enum { RUNS = 5 };
#define TARGET (64u << 20)

int main(void) {
  size_t dlen[BENCH_NFILES], total, copies;
  char *big = replicate_corpus(TARGET, dlen, &total, &copies);
  size_t ndocs = copies * BENCH_NFILES;
  size_t *starts = malloc((ndocs + 1) * sizeof *starts);
  for (size_t d = 0, at = 0; d < ndocs; d++) {
    starts[d] = at;
    at += dlen[d % BENCH_NFILES] + 1;
  }
  printf("normalize: the corpus replicated to %.1f MB (%zu documents)\n", total / MB, ndocs);

  double t[RUNS];
  size_t out_bytes = 0;
  for (int r = 0; r < RUNS; r++) {
    double t0 = now();
    out_bytes = 0;
    for (size_t d = 0; d < ndocs; d++) {
      size_t b = starts[d], e = d + 1 < ndocs ? starts[d + 1] : total, n;
      plan_text *txt;
      if (plan_normalize(big + b, e - b, NULL, &txt, NULL) != PLAN_OK) return 1;
      plan_text_data(txt, &n);
      out_bytes += n;
      plan_text_free(txt);
    }
    t[r] = now() - t0;
  }
  double per_doc = median(t, RUNS), per_doc_rss = peak_rss();
  printf("  libplan, one call per document : %8.1f MB/s  peak RSS %6.1f MB = %.2fx input\n",
         total / MB / per_doc, per_doc_rss / MB, per_doc_rss / total);

  for (int r = 0; r < 3; r++) {
    double t0 = now();
    plan_text *txt;
    if (plan_normalize(big, total, NULL, &txt, NULL) != PLAN_OK) return 1;
    t[r] = now() - t0;
    plan_text_free(txt);
  }
  double whole = median(t, 3), whole_rss = peak_rss();
  printf("  libplan, one %3.0f MB call       : %8.1f MB/s  peak RSS %6.1f MB = %.2fx input\n",
         total / MB, total / MB / whole, whole_rss / MB, whole_rss / total);

  char *const uconv[] = {"uconv", "-f", "utf-8", "-t", "utf-8", "-x", "any-nfc", NULL};
  double urss = 0, u = time_peer(uconv, big, total, 3, &urss);
  if (u < 0) {
    printf("  uconv -x any-nfc                : not available (apt-get install icu-devtools)\n");
  } else {
    printf("  uconv -x any-nfc (ICU)          : %8.1f MB/s  peak RSS %6.1f MB = %.2fx input\n",
           total / MB / u, urss / MB, urss / total);
    printf("  ratio libplan/uconv             : %8.1fx (per document), %.1fx (one call); target >= 3x\n",
           u / per_doc, u / whole);
  }
  free(big);
  free(starts);
  return 0;
}
