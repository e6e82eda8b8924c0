/* bench_compare - comparison cost as N grows: N synthetic provincial plans
 * made from the corpus (duties reordered, dropped, merged, reworded with
 * synonym swaps, agencies renamed to their aliases), compared all at once.
 * Prints wall time, duty pairs scored per second, word diffs per second and
 * peak memory for N = 2, 8, 34, 63, 128, 256, and, in the same run, the same
 * all-pairs duty similarity in Python's difflib for N = 34. */
#include "plan.h"
#include "bench_util.h"
#include "synth.h"

/* Writes every agency's duties of the first n documents for the Python
 * peer: one line per duty, "doc<TAB>agency<TAB>text". */
static void write_duties(const plan_doc *const *docs, size_t n, const char *path) {
  FILE *f = fopen(path, "w");
  for (size_t d = 0; d < n; d++)
    for (size_t i = 0; i < plan_doc_assignment_count(docs[d]); i++) {
      const plan_assignment *a = plan_doc_assignment(docs[d], i);
      for (size_t k = 0; k < plan_assignment_duty_count(a); k++)
        for (size_t g = 0; g < plan_assignment_agency_count(a); g++)
          fprintf(f, "%zu\t%s\t%s\n", d, plan_agency_id(plan_mention_agency(plan_assignment_agency(a, g))),
                  plan_duty_text(plan_assignment_duty(a, k)));
    }
  fclose(f);
}

/* The figures of one comparison of n synthetic plans. */
typedef struct result {
  double align_s, diffs_s, peak;
  size_t pairs, diffs;
} result;

/* Parses the n plans, compares them, computes every diff.  Runs in a child
 * process of its own, so that its peak memory is this comparison's: the
 * n parsed plans and the comparison, nothing of the other sizes. */
static result measure(size_t n) {
  result r = {0};
  plan_doc *corpus[BENCH_NFILES];
  for (int i = 0; i < BENCH_NFILES; i++)
    if (plan_doc_parse_file(bench_files[i], NULL, &corpus[i], NULL) != PLAN_OK) exit(1);
  plan_lexicon *lex;
  plan_lexicon_new(&lex, NULL);
  plan_options o;
  plan_options_init(&o);
  o.lexicon = lex;
  plan_doc **docs = calloc(n, sizeof *docs);
  for (size_t i = 0; i < n; i++) {
    size_t len;
    char *text = synthesize(corpus[i % BENCH_NFILES], (unsigned)i * 7919u + 1, (int)i, NULL, &len);
    if (plan_doc_parse(text, len, &o, &docs[i], NULL) != PLAN_OK) exit(1);
    free(text);
  }
  for (int i = 0; i < BENCH_NFILES; i++) plan_doc_free(corpus[i]);
  double t0 = now();
  plan_compare *c;
  if (plan_compare_new((const plan_doc *const *)docs, n, NULL, &c, NULL) != PLAN_OK) exit(1);
  r.align_s = now() - t0;
  double t1 = now();
  for (size_t g = 0; g < plan_compare_agency_count(c); g++)
    for (size_t a = 0; a < n; a++)
      for (size_t b = a + 1; b < n; b++) {
        r.pairs += plan_compare_duty_count(c, g, a) * plan_compare_duty_count(c, g, b);
        for (size_t l = 0; l < plan_compare_link_count(c, g, a, b); l++) {
          const plan_link *link = plan_compare_link(c, g, a, b, l);
          plan_link_kind k = plan_link_kind_of(link);
          if (k != PLAN_LINK_REWORDED && k != PLAN_LINK_MERGED && k != PLAN_LINK_SPLIT) continue;
          plan_diff_step *steps;
          size_t ns;
          if (plan_link_diff(c, link, &steps, &ns, NULL) != PLAN_OK) exit(1);
          plan_free(steps);
          r.diffs++;
        }
      }
  r.diffs_s = now() - t1;
  r.peak = peak_rss();
  plan_compare_free(c);
  for (size_t i = 0; i < n; i++) plan_doc_free(docs[i]);
  free(docs);
  plan_lexicon_free(lex);
  return r;
}

static result measure_apart(size_t n) {
  int fd[2];
  result r = {0};
  if (pipe(fd) != 0) return r;
  fflush(stdout);
  pid_t pid = fork();
  if (pid == 0) {
    close(fd[0]);
    result mine = measure(n);
    if (write(fd[1], &mine, sizeof mine) != (ssize_t)sizeof mine) _exit(1);
    _exit(0);
  }
  close(fd[1]);
  if (pid < 0 || read(fd[0], &r, sizeof r) != (ssize_t)sizeof r) {
    fprintf(stderr, "bench_compare: the N = %zu run failed\n", n);
    exit(1);
  }
  close(fd[0]);
  waitpid(pid, NULL, 0);
  return r;
}

int main(void) {
  static const size_t sizes[] = {2, 8, 34, 63, 128, 256};
  printf("compare: N synthetic plans from the corpus (reordered, dropped, merged, reworded, renamed)\n");
  printf("  %4s %9s %9s %14s %12s %12s %10s\n", "N", "align s", "+diffs s", "pairs/s", "pairs",
         "diffs/s", "peak MB");
  double rate34 = 0;
  for (size_t s = 0; s < sizeof sizes / sizeof *sizes; s++) {
    size_t n = sizes[s];
    result r = measure_apart(n);
    if (n == 34) { /* the figure the peer is set against: the median of three runs */
      result more[2] = {measure_apart(n), measure_apart(n)};
      double t[3] = {r.align_s, more[0].align_s, more[1].align_s};
      r.align_s = median(t, 3);
    }
    printf("  %4zu %9.3f %9.3f %14.0f %12zu %12.0f %10.1f\n", n, r.align_s, r.align_s + r.diffs_s,
           r.pairs / r.align_s, r.pairs, r.diffs / r.diffs_s, r.peak / MB);
    if (n == 34) rate34 = r.pairs / r.align_s;
  }
  printf("  (align s: plan_compare_new, which scores every pair and aligns; +diffs s: with every\n"
         "   reworded, merged or split pair's word diff computed as well; peak MB: the peak of a\n"
         "   process that parses the N plans and compares them, one process per N)\n");

  /* the Python peer scores the same duties of the first 34 plans */
  plan_doc *corpus[BENCH_NFILES], *docs[34];
  for (int i = 0; i < BENCH_NFILES; i++)
    if (plan_doc_parse_file(bench_files[i], NULL, &corpus[i], NULL) != PLAN_OK) return 1;
  for (int i = 0; i < 34; i++) {
    size_t len;
    char *text = synthesize(corpus[i % BENCH_NFILES], (unsigned)i * 7919u + 1, i, NULL, &len);
    if (plan_doc_parse(text, len, NULL, &docs[i], NULL) != PLAN_OK) return 1;
    free(text);
  }
  char path[] = "/tmp/plan-bench-duties-XXXXXX";
  int fd = mkstemp(path);
  close(fd);
  write_duties((const plan_doc *const *)docs, 34, path);
  char cmd[512];
  snprintf(cmd, sizeof cmd, "python3 bench/difflib_pairs.py %s", path);
  fflush(stdout);
  FILE *p = popen(cmd, "r");
  double py_rate = 0;
  if (p) {
    char line[256];
    while (fgets(line, sizeof line, p)) {
      if (sscanf(line, "pairs/s %lf", &py_rate) == 1) continue;
      fputs(line, stdout);
    }
    pclose(p);
  }
  unlink(path);
  if (py_rate > 0)
    printf("  N = 34: libplan %.0f pairs/s (scored and aligned), difflib %.0f pairs/s (scored): %.0fx; target >= 100x\n",
           rate34, py_rate, rate34 / py_rate);
  else
    printf("  difflib peer not available (python3)\n");
  for (int i = 0; i < 34; i++) plan_doc_free(docs[i]);
  for (int i = 0; i < BENCH_NFILES; i++) plan_doc_free(corpus[i]);
  return 0;
}
