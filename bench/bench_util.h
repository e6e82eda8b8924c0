/* bench_util.h - timing, memory and peer-running helpers for bench/. */
#ifndef PLAN_BENCH_UTIL_H
#define PLAN_BENCH_UTIL_H

#include <glob.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static inline double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Peak resident set of this process so far, in bytes. */
static inline double peak_rss(void) {
  struct rusage ru;
  getrusage(RUSAGE_SELF, &ru);
  return ru.ru_maxrss * 1024.0;
}

static inline int cmp_double(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

static inline double median(double *v, int n) {
  qsort(v, (size_t)n, sizeof *v, cmp_double);
  return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

static inline char *slurp(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (!f) { fprintf(stderr, "bench: cannot open %s\n", path); exit(1); }
  fseek(f, 0, SEEK_END);
  long n = ftell(f);
  fseek(f, 0, SEEK_SET);
  char *b = malloc((size_t)n + 1);
  if (!b || fread(b, 1, (size_t)n, f) != (size_t)n) exit(1);
  b[n] = 0;
  fclose(f);
  *len = (size_t)n;
  return b;
}

/* Runs argv with stdin from in_path and stdout to /dev/null; returns the
 * wall time in seconds (negative when it could not run) and its peak RSS. */
static inline double run_peer(char *const argv[], const char *in_path, double *rss) {
  fflush(stdout); /* or the child would write our buffer again */
  double t0 = now();
  pid_t pid = fork();
  if (pid == 0) {
    if (!freopen(in_path, "rb", stdin) || !freopen("/dev/null", "wb", stdout)) _exit(127);
    execvp(argv[0], argv);
    _exit(127);
  }
  int status;
  struct rusage ru;
  if (pid < 0 || wait4(pid, &status, 0, &ru) < 0) return -1;
  double t = now() - t0;
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) return -1;
  *rss = ru.ru_maxrss * 1024.0;
  return t;
}

#define MB (1024.0 * 1024.0)

/* The corpus, replicated to at least target bytes: whole documents, each
 * followed by a newline.  Returns the buffer; *total its size, *copies the
 * number of rounds; doc_len[i] the length of document i. */
static const char *const bench_files[] = {
    "corpus/bac-kan-2021-qd-145.txt",     "corpus/binh-dinh-2021-kh-1472.txt",
    "corpus/binh-phuoc-2024-kh-ct28.txt", "corpus/hai-phong-2021-kh-03.txt",
    "corpus/quang-ngai-2020-cv-4040.txt",
};
enum { BENCH_NFILES = 5 };

static inline char *replicate_corpus(size_t target, size_t doc_len[BENCH_NFILES], size_t *total,
                                     size_t *copies) {
  char *doc[BENCH_NFILES];
  size_t set = 0;
  for (int i = 0; i < BENCH_NFILES; i++) {
    doc[i] = slurp(bench_files[i], &doc_len[i]);
    set += doc_len[i] + 1;
  }
  *copies = target / set + 1;
  char *big = malloc(*copies * set);
  if (!big) exit(1);
  size_t at = 0;
  for (size_t c = 0; c < *copies; c++)
    for (int i = 0; i < BENCH_NFILES; i++) {
      memcpy(big + at, doc[i], doc_len[i]);
      at += doc_len[i];
      big[at++] = '\n';
    }
  for (int i = 0; i < BENCH_NFILES; i++) free(doc[i]);
  *total = at;
  return big;
}

/* A set of different documents, each in its own buffer. */
typedef struct bench_docs {
  char **data;
  size_t *len;
  size_t n, bytes;
  const char *name;
} bench_docs;

/* Every file matching pattern (a glob) but a README, in name order; an
 * empty set when none does (the wild folder is beside the project, not in
 * it). */
static inline bench_docs load_docs(const char *name, const char *pattern) {
  bench_docs d = {0};
  d.name = name;
  glob_t g;
  if (glob(pattern, 0, NULL, &g) != 0) return d;
  d.data = calloc(g.gl_pathc, sizeof *d.data);
  d.len = calloc(g.gl_pathc, sizeof *d.len);
  if (!d.data || !d.len) exit(1);
  for (size_t i = 0; i < g.gl_pathc; i++) {
    const char *base = strrchr(g.gl_pathv[i], '/');
    if (strncmp(base ? base + 1 : g.gl_pathv[i], "README", 6) == 0) continue; /* no plan */
    d.data[d.n] = slurp(g.gl_pathv[i], &d.len[d.n]);
    d.bytes += d.len[d.n++];
  }
  globfree(&g);
  return d;
}

static inline void free_docs(bench_docs *d) {
  for (size_t i = 0; i < d->n; i++) free(d->data[i]);
  free(d->data);
  free(d->len);
}

/* The two sets every in-process benchmark runs over: the corpus's five
 * plans and the 127 real documents of ../shared/corpus/wild. */
#define BENCH_CORPUS_GLOB "corpus/*.txt"
#define BENCH_WILD_GLOB "../shared/corpus/wild/*.md"

/* Rounds over a set so that one measurement lasts about min_s seconds. */
static inline int rounds_for(double one_round_s, double min_s) {
  if (one_round_s <= 0) return 1000;
  int r = (int)(min_s / one_round_s) + 1;
  return r > 1000 ? 1000 : r;
}

/* Seconds one round (a pass over a document set) takes: the median of runs
 * measurements of as many rounds as fill half a second, after one round
 * to warm up and to calibrate.  round gets arg. */
static inline double time_rounds(void (*round)(void *), void *arg, int runs) {
  double t0 = now();
  round(arg);
  int rounds = rounds_for(now() - t0, 0.5);
  double t[16];
  if (runs > 16) runs = 16;
  for (int r = 0; r < runs; r++) {
    t0 = now();
    for (int k = 0; k < rounds; k++) round(arg);
    t[r] = (now() - t0) / rounds;
  }
  return median(t, runs);
}

/* Times a peer program on the same bytes: writes them to a temporary file,
 * runs argv on it runs times, and returns the median wall time (negative
 * when the peer is missing or fails) and its peak RSS in *rss. */
static inline double time_peer(char *const argv[], const char *bytes, size_t len, int runs,
                               double *rss) {
  char path[] = "/tmp/plan-bench-XXXXXX";
  int fd = mkstemp(path);
  if (fd < 0) return -1;
  if (write(fd, bytes, len) != (ssize_t)len) {
    close(fd);
    unlink(path);
    return -1;
  }
  close(fd);
  double t[16];
  if (runs > 16) runs = 16;
  int ok = 1;
  for (int r = 0; r < runs && ok; r++) {
    t[r] = run_peer(argv, path, rss);
    if (t[r] < 0) ok = 0;
  }
  unlink(path);
  return ok ? median(t, runs) : -1;
}

/* A tiny growable string for generating inputs (the library's own buffer
 * is internal). */
typedef struct plan_buf {
  char *data;
  size_t len, cap;
} plan_buf;

static inline void plan__bench_putn(plan_buf *b, const char *s, size_t n) {
  if (b->len + n + 1 > b->cap) {
    b->cap = (b->len + n + 1) * 2;
    b->data = realloc(b->data, b->cap);
    if (!b->data) exit(1);
  }
  memcpy(b->data + b->len, s, n);
  b->len += n;
  b->data[b->len] = '\0';
}
static inline void plan__bench_put(plan_buf *b, const char *s) { plan__bench_putn(b, s, strlen(s)); }
static inline void plan__bench_putc(plan_buf *b, char c) { plan__bench_putn(b, &c, 1); }

#endif
