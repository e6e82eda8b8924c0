/* bench_scale - the comparison at national scale: N synthetic plans made
 * from the corpus and the wild documents (each a template whose duties are
 * reordered, dropped, merged, reworded and renamed), compared the way
 * `plan compare` does beyond 10 plans (PLAN_COMPARE_NO_PAIRS, the summary),
 * for N = 250, 500, 1000 and 2000; the full detail (every pair kept) for
 * N = 250 and 500 beside it; and `plan corpus` on a folder of 1,600 such
 * plans that carry out one decision, so form one group.
 *
 * Each size runs in a process of its own, so that its peak resident memory
 * is that run's: the N parsed plans, the comparison and its reports.
 * Printed: compare seconds, duty pairs scored per second, peak MB, and the
 * size of the default reports (text, JSON, HTML); then how time and memory
 * grow against the pairs and against N. */
#include <stdbool.h>
#include <sys/stat.h>

#include "plan.h"
#include "bench_util.h"
#include "synth.h"

/* The templates: every corpus and wild document with two agency items or
 * more (what a plan to compare looks like). */
typedef struct templates {
  plan_doc **doc;
  size_t n;
} templates;

static templates load_templates(void) {
  templates t = {0};
  bench_docs sets[2] = {load_docs("corpus", "corpus/*.txt"),
                        load_docs("wild", "../shared/corpus/wild/*.md")};
  t.doc = calloc(sets[0].n + sets[1].n + 1, sizeof *t.doc);
  for (int s = 0; s < 2; s++) {
    for (size_t i = 0; i < sets[s].n; i++) {
      plan_doc *d;
      if (plan_doc_parse(sets[s].data[i], sets[s].len[i], NULL, &d, NULL) != PLAN_OK) continue;
      if (plan_doc_assignment_count(d) >= 2) t.doc[t.n++] = d;
      else plan_doc_free(d);
    }
    free_docs(&sets[s]);
  }
  return t;
}

static void free_templates(templates *t) {
  for (size_t i = 0; i < t->n; i++) plan_doc_free(t->doc[i]);
  free(t->doc);
}

typedef struct result {
  double compare_s, peak, report_mb;
  double pairs; /* duty pairs scored: for every agency and pair of plans, m x n */
  size_t agencies;
} result;

/* Parses n synthetic plans and compares them (summary unless detail),
 * rendering the default reports.  In a child process. */
static result measure(size_t n, bool detail) {
  result r = {0};
  templates t = load_templates();
  plan_doc **docs = calloc(n, sizeof *docs);
  for (size_t i = 0; i < n; i++) {
    size_t len;
    char *text = synthesize(t.doc[i % t.n], (unsigned)i * 7919u + 1, (int)i, NULL, &len);
    if (plan_doc_parse(text, len, NULL, &docs[i], NULL) != PLAN_OK) exit(1);
    free(text);
  }
  free_templates(&t);
  plan_compare_options o;
  plan_compare_options_init(&o);
  if (!detail) o.flags |= PLAN_COMPARE_NO_PAIRS;
  double t0 = now();
  plan_compare *c;
  if (plan_compare_new((const plan_doc *const *)docs, n, &o, &c, NULL) != PLAN_OK) exit(1);
  r.compare_s = now() - t0;
  r.agencies = plan_compare_agency_count(c);
  for (size_t g = 0; g < r.agencies; g++) {
    double sum = 0, sq = 0;
    for (size_t d = 0; d < n; d++) {
      double k = (double)plan_compare_duty_count(c, g, d);
      sum += k;
      sq += k * k;
    }
    r.pairs += (sum * sum - sq) / 2;
  }
  char *out;
  size_t len, total = 0;
  if (plan_render_compare_text(c, NULL, 0, &out, &len, NULL) != PLAN_OK) exit(1);
  total += len;
  plan_free(out);
  if (plan_render_compare_json(c, NULL, &out, &len, NULL) != PLAN_OK) exit(1);
  total += len;
  plan_free(out);
  if (plan_render_compare_html(c, NULL, &out, &len, NULL) != PLAN_OK) exit(1);
  total += len;
  plan_free(out);
  r.report_mb = total / MB;
  r.peak = peak_rss();
  plan_compare_free(c);
  for (size_t i = 0; i < n; i++) plan_doc_free(docs[i]);
  free(docs);
  return r;
}

static result measure_apart(size_t n, bool detail) {
  int fd[2];
  result r = {0};
  if (pipe(fd) != 0) exit(1);
  fflush(stdout);
  pid_t pid = fork();
  if (pid == 0) {
    close(fd[0]);
    result mine = measure(n, detail);
    if (write(fd[1], &mine, sizeof mine) != (ssize_t)sizeof mine) _exit(1);
    _exit(0);
  }
  close(fd[1]);
  if (pid < 0 || read(fd[0], &r, sizeof r) != (ssize_t)sizeof r) {
    fprintf(stderr, "bench_scale: the N = %zu run failed\n", n);
    exit(1);
  }
  close(fd[0]);
  waitpid(pid, NULL, 0);
  return r;
}

static void row(const char *what, size_t n, const result *r) {
  printf("  %-8s %5zu %9.2f %13.0f %14.0f %9.1f %11.1f\n", what, n, r->compare_s, r->pairs,
         r->pairs / r->compare_s, r->peak / MB, r->report_mb);
}

/* n synthetic plans that carry out one decision, written to folder in
 * (plan-00000.txt, ...): one group for plan corpus. */
static void write_group(const char *in, size_t n) {
  char path[400];
  templates t = load_templates();
  for (size_t i = 0; i < n; i++) {
    size_t len;
    char *text = synthesize(t.doc[i % t.n], (unsigned)i * 7919u + 1, (int)i, "1472/QĐ-TTg", &len);
    snprintf(path, sizeof path, "%s/plan-%05zu.txt", in, i);
    FILE *f = fopen(path, "wb");
    if (!f || fwrite(text, 1, len, f) != len || fclose(f) != 0) exit(1);
    free(text);
  }
  free_templates(&t);
}

/* `plan corpus` over n synthetic plans that carry out one decision: a
 * folder written once, the command timed as a whole process. */
static void corpus_group(size_t n) {
  char dir[] = "/tmp/plan-bench-scale-XXXXXX";
  if (!mkdtemp(dir)) exit(1);
  char in[300], out[300];
  snprintf(in, sizeof in, "%s/in", dir);
  snprintf(out, sizeof out, "%s/out", dir);
  mkdir(in, 0700);
  write_group(in, n);
  char *argv[] = {"build/plan", "corpus", "-q", "-o", out, in, NULL};
  double rss = 0, s = run_peer(argv, "/dev/null", &rss);
  char cmd[400];
  snprintf(cmd, sizeof cmd, "du -sm %s/groups 2>/dev/null | cut -f1", out);
  FILE *p = popen(cmd, "r");
  int mb = -1;
  if (p) {
    if (fscanf(p, "%d", &mb) != 1) mb = -1;
    pclose(p);
  }
  if (s < 0) printf("  plan corpus, %zu plans in one group: failed\n", n);
  else
    printf("  plan corpus, %zu plans in one group: %.1f s, peak %.0f MB, reports %d MB (target: peak < 2048 MB)\n",
           n, s, rss / MB, mb);
  snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
  if (system(cmd) != 0) fprintf(stderr, "bench_scale: could not remove %s\n", dir);
}

int main(int argc, char **argv) {
  static const size_t sizes[] = {250, 500, 1000, 2000};
  size_t nsizes = sizeof sizes / sizeof *sizes;
  if (argc > 1 && !strcmp(argv[1], "--quick")) nsizes = 2; /* 250 and 500 only */
  if (argc == 4 && !strcmp(argv[1], "--write-group")) { /* for bench/bench_dask.py */
    mkdir(argv[2], 0700);
    write_group(argv[2], (size_t)atol(argv[3]));
    return 0;
  }
  printf("scale: N synthetic plans from the corpus and the wild documents, one process per run\n");
  printf("  %-8s %5s %9s %13s %14s %9s %11s\n", "report", "N", "compare s", "duty pairs", "pairs/s",
         "peak MB", "reports MB");
  result sum[4];
  for (size_t s = 0; s < nsizes; s++) {
    sum[s] = measure_apart(sizes[s], false);
    row("summary", sizes[s], &sum[s]);
  }
  for (size_t s = 0; s < 2; s++) {
    result r = measure_apart(sizes[s], true);
    row("detail", sizes[s], &r);
  }
  size_t last = nsizes - 1;
  printf("  from N = %zu to %zu (x%.0f): duty pairs x%.1f, time x%.1f, peak memory x%.1f\n", sizes[0],
         sizes[last], (double)sizes[last] / sizes[0], sum[last].pairs / sum[0].pairs,
         sum[last].compare_s / sum[0].compare_s, sum[last].peak / sum[0].peak);
  printf("  (summary: what plan compare writes beyond 10 plans; detail: every pair kept, as up to\n"
         "   10; reports: text + JSON + HTML; targets at N = 2000: peak < 1024 MB, reports < 100 MB,\n"
         "   pairs/s >= 2.5 million; time grows no faster than the pairs, memory linearly in N)\n");
  if (nsizes == 4) corpus_group(1600);
  return 0;
}
