/* bench_normalize - normalization throughput over many different
 * documents (the corpus's five plans and the 127 of ../shared/corpus/wild),
 * libplan beside ICU's NFC (libicu: UTF-8 to UTF-16, unorm2_normalize, back
 * to UTF-8, what `uconv -x any-nfc` does), both timed the same way: in this
 * process, through their libraries, one document a call, the median of
 * five measurements of at least half a second each. */
#include <stdbool.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>

#include "plan.h"
#include "bench_util.h"

enum { RUNS = 5 };

typedef struct job {
  const bench_docs *docs;
  bool icu;
  const UNormalizer2 *nfc;
  UChar *u16, *n16; /* ICU's working buffers, sized once for the largest document */
  char *u8;
  int32_t cap16, cap8;
  size_t out_bytes;
} job;

static void one_round(job *j) {
  for (size_t i = 0; i < j->docs->n; i++) {
    const char *s = j->docs->data[i];
    size_t len = j->docs->len[i];
    if (j->icu) {
      UErrorCode e = U_ZERO_ERROR;
      int32_t n16 = 0, m16, n8 = 0;
      u_strFromUTF8Lenient(j->u16, j->cap16, &n16, s, (int32_t)len, &e);
      m16 = unorm2_normalize(j->nfc, j->u16, n16, j->n16, j->cap16, &e);
      u_strToUTF8(j->u8, j->cap8, &n8, j->n16, m16, &e);
      if (U_FAILURE(e)) exit(1);
      j->out_bytes += (size_t)n8;
    } else {
      plan_text *t;
      size_t n = 0;
      if (plan_normalize(s, len, NULL, &t, NULL) == PLAN_OK) plan_text_data(t, &n);
      j->out_bytes += n;
      plan_text_free(t);
    }
  }
}

static void round_of(void *j) { one_round(j); }

static double time_job(job *j) { return time_rounds(round_of, j, RUNS); }

static int bench_set(const bench_docs *d, const UNormalizer2 *nfc) {
  if (d->n == 0) {
    printf("  %s: not found\n", d->name);
    return 0;
  }
  size_t longest = 0;
  for (size_t i = 0; i < d->n; i++) longest = d->len[i] > longest ? d->len[i] : longest;
  job lp = {d, false, NULL, NULL, NULL, NULL, 0, 0, 0};
  job icu = {d, true, nfc, NULL, NULL, NULL, 0, 0, 0};
  /* NFC of UTF-16 is at most 3 times as long; UTF-8 at most 3 bytes a unit */
  icu.cap16 = (int32_t)(3 * longest + 16);
  icu.cap8 = 3 * icu.cap16;
  icu.u16 = malloc(sizeof(UChar) * (size_t)icu.cap16);
  icu.n16 = malloc(sizeof(UChar) * (size_t)icu.cap16);
  icu.u8 = malloc((size_t)icu.cap8);
  if (!icu.u16 || !icu.n16 || !icu.u8) return 1;
  double t_lp = time_job(&lp), t_icu = time_job(&icu);
  printf("  %s: %zu documents, %.2f MB\n", d->name, d->n, d->bytes / MB);
  printf("    %-34s %8.1f MB/s %9.0f documents/s\n", "libplan plan_normalize", d->bytes / MB / t_lp,
         d->n / t_lp);
  printf("    %-34s %8.1f MB/s %9.0f documents/s\n", "ICU unorm2 NFC (UTF-8 in and out)",
         d->bytes / MB / t_icu, d->n / t_icu);
  printf("    libplan/ICU %.1fx (libplan does more: tones, spaces, markup, hints, offsets)\n",
         t_icu / t_lp);
  free(icu.u16);
  free(icu.n16);
  free(icu.u8);
  return lp.out_bytes && icu.out_bytes ? 0 : 1;
}

int main(void) {
  printf("normalize: libplan and ICU in this process, one document a call, median of %d\n", RUNS);
  UErrorCode e = U_ZERO_ERROR;
  const UNormalizer2 *nfc = unorm2_getNFCInstance(&e);
  if (U_FAILURE(e)) return 1;
  bench_docs corpus = load_docs("corpus", BENCH_CORPUS_GLOB),
             wild = load_docs("wild", BENCH_WILD_GLOB);
  int rc = bench_set(&corpus, nfc) | bench_set(&wild, nfc);
  printf("  peak RSS of this process: %.1f MB\n", peak_rss() / MB);
  free_docs(&corpus);
  free_docs(&wild);
  return rc;
}
