/* test_util.h - what every cmocka test program shares.  cmocka 1.1.5 (Debian
 * 12) has no typed 2.0 macros; the helpers here stay within 1.1. */
#ifndef PLAN_TEST_UTIL_H
#define PLAN_TEST_UTIL_H

#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include <dirent.h>
#include <math.h>
#include <unistd.h>
#include <zip.h>

#include "plan.h"

#ifndef CORPUS_DIR
#define CORPUS_DIR "corpus"
#endif

/* The five corpus documents, by file name. */
static const char *const corpus_files[] = {
    "bac-kan-2021-qd-145.txt",     "binh-dinh-2021-kh-1472.txt",
    "binh-phuoc-2024-kh-ct28.txt", "hai-phong-2021-kh-03.txt",
    "quang-ngai-2020-cv-4040.txt",
};
#define CORPUS_COUNT (sizeof corpus_files / sizeof *corpus_files)

/* The documents that have gold: the five (corpus/NAME.txt, gold in
 * corpus/gold/NAME.json) and the annotated wild documents
 * (corpus/wild/ID.md, gold in corpus/gold/wild/ID.json), each as the name
 * parse_corpus takes and the gold's path, in name order. */
typedef struct gold_doc {
  char name[256];
  char gold[512];
} gold_doc;

static inline int gold_doc_cmp(const void *a, const void *b) {
  return strcmp(((const gold_doc *)a)->gold, ((const gold_doc *)b)->gold);
}

/* Fills up to max entries; returns how many there are. */
static inline size_t gold_docs(gold_doc *out, size_t max) {
  size_t n = 0;
  for (size_t i = 0; i < CORPUS_COUNT && n < max; i++, n++) {
    snprintf(out[n].name, sizeof out[n].name, "%s", corpus_files[i]);
    snprintf(out[n].gold, sizeof out[n].gold, "%s/gold/%.*s.json", CORPUS_DIR,
             (int)(strlen(corpus_files[i]) - 4), corpus_files[i]);
  }
  size_t five = n;
  DIR *d = opendir(CORPUS_DIR "/gold/wild");
  if (!d) fail_msg("cannot open %s/gold/wild", CORPUS_DIR);
  struct dirent *e;
  while ((e = readdir(d)) && n < max) {
    size_t len = strlen(e->d_name);
    if (len < 6 || strcmp(e->d_name + len - 5, ".json") != 0) continue;
    if (len > 200) continue;
    snprintf(out[n].name, sizeof out[n].name, "wild/%.*s.md", (int)(len - 5), e->d_name);
    snprintf(out[n].gold, sizeof out[n].gold, "%s/gold/wild/%.200s", CORPUS_DIR, e->d_name);
    n++;
  }
  closedir(d);
  qsort(out + five, n - five, sizeof *out, gold_doc_cmp);
  return n;
}
#define GOLD_MAX 256

/* Reads a whole file; fails the test when it cannot. */
static inline char *read_file(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (!f) fail_msg("cannot open %s", path);
  fseek(f, 0, SEEK_END);
  long n = ftell(f);
  fseek(f, 0, SEEK_SET);
  char *buf = malloc((size_t)n + 1);
  assert_non_null(buf);
  assert_int_equal(fread(buf, 1, (size_t)n, f), (size_t)n);
  buf[n] = '\0';
  fclose(f);
  *len = (size_t)n;
  return buf;
}

static inline char *read_corpus(const char *name, size_t *len) {
  char path[512];
  snprintf(path, sizeof path, "%s/%.255s", CORPUS_DIR, name);
  return read_file(path, len);
}

/* Parses a text with the default options; fails the test when it cannot. */
static inline plan_doc *parse_str(const char *s) {
  plan_doc *doc = NULL;
  plan_error e;
  plan_status st = plan_doc_parse(s, strlen(s), NULL, &doc, &e);
  if (st != PLAN_OK) fail_msg("parse failed: %s", e.message);
  return doc;
}

/* The item whose path is path ("IV.2", "Chương I.Điều 3") under n, or NULL. */
static inline const plan_node *find_path(const plan_node *n, const char *path) {
  for (const plan_node *c = plan_node_first_child(n); c; c = plan_node_next(c)) {
    if (plan_node_kind_of(c) == PLAN_NODE_ITEM && strcmp(plan_node_path(c), path) == 0) return c;
    const plan_node *r = find_path(c, path);
    if (r) return r;
  }
  return NULL;
}

/* The item with that path after *skip others with it, in document order: a
 * decision's "Điều 1" and its attached rules' "Điều 1" share a path. */
static inline const plan_node *find_nth_path(const plan_node *n, const char *path, size_t *skip) {
  for (const plan_node *c = plan_node_first_child(n); c; c = plan_node_next(c)) {
    if (plan_node_kind_of(c) == PLAN_NODE_ITEM && strcmp(plan_node_path(c), path) == 0 && (*skip)-- == 0)
      return c;
    const plan_node *r = find_nth_path(c, path, skip);
    if (r) return r;
  }
  return NULL;
}

/* Parses corpus document name from its file (so it has a source name),
 * with lex or the defaults; fails the test when it cannot. */
static inline plan_doc *parse_corpus(const char *name, const plan_lexicon *lex) {
  char path[1024];
  snprintf(path, sizeof path, "%s/%.900s", CORPUS_DIR, name);
  plan_options o;
  plan_options_init(&o);
  o.lexicon = lex;
  plan_doc *doc;
  plan_error e;
  if (plan_doc_parse_file(path, &o, &doc, &e) != PLAN_OK) fail_msg("%s: %s", name, e.message);
  return doc;
}

/* A ZIP (a DOCX is one) holding the n parts names[i] with data[i] (len[i]
 * bytes), made with libzip in a temporary file and read back. */
static inline char *make_zip(const char *const *names, const char *const *data,
                             const size_t *len, size_t n, size_t *out_len) {
  char path[] = "/tmp/plan-test-zip-XXXXXX";
  int fd = mkstemp(path);
  assert_true(fd >= 0);
  close(fd);
  int zerr;
  zip_t *za = zip_open(path, ZIP_CREATE | ZIP_TRUNCATE, &zerr);
  assert_non_null(za);
  for (size_t i = 0; i < n; i++) {
    zip_source_t *src = zip_source_buffer(za, data[i], len[i], 0);
    assert_true(zip_file_add(za, names[i], src, 0) >= 0);
  }
  assert_int_equal(zip_close(za), 0);
  char *bytes = read_file(path, out_len);
  unlink(path);
  return bytes;
}

/* Asserts a status, printing names rather than numbers. */
#define assert_status(got, want)                                              \
  do {                                                                        \
    plan_status g_ = (got), w_ = (want);                                      \
    if (g_ != w_)                                                             \
      fail_msg("status %s, expected %s", plan_status_name(g_),                \
               plan_status_name(w_));                                         \
  } while (0)

/* A growable string for building inputs. */
typedef struct test_buf {
  char *data;
  size_t len, cap;
} test_buf;

static inline void test_put(test_buf *b, const char *s) {
  size_t n = strlen(s);
  if (b->len + n + 1 > b->cap) {
    b->cap = (b->len + n + 1) * 2;
    b->data = realloc(b->data, b->cap);
    assert_non_null(b->data);
  }
  memcpy(b->data + b->len, s, n + 1);
  b->len += n;
}

/* Normalizes with a tone style and flags; the caller frees. */
static inline char *norm_with(const char *s, size_t len, plan_tone_style style,
                              unsigned flags) {
  plan_options o;
  plan_options_init(&o);
  o.tone_style = style;
  o.flags = flags;
  plan_error e;
  char *r = NULL;
  if (plan_normalize_string(s, len, &o, &r, NULL, &e) != PLAN_OK)
    fail_msg("normalize failed: %s", e.message);
  return r;
}

static inline char *norm(const char *s) {
  return norm_with(s, strlen(s), PLAN_TONE_TRADITIONAL, 0);
}

/* The calls that hand out a string, as expressions for the tests that
 * look at the string: NULL on failure (the status is tested in
 * test_api.c). */
static inline char *test_normalize_string(const char *s, size_t n, const plan_options *o,
                                          size_t *out_len, plan_error *e) {
  char *r = NULL;
  plan_normalize_string(s, n, o, &r, out_len, e);
  return r;
}
static inline char *key_string(const char *s, size_t n, const plan_options *o, size_t *out_len,
                             plan_error *e) {
  char *r = NULL;
  plan_key(s, n, o, &r, out_len, e);
  return r;
}
#define TEST_RENDER(name, call)                                       \
  static inline char *test_##name(const plan_doc *d, size_t *len) {   \
    char *r = NULL;                                                   \
    call(d, &r, len, NULL);                                           \
    return r;                                                         \
  }
TEST_RENDER(render_json, plan_render_json)
TEST_RENDER(render_xml, plan_render_xml)
TEST_RENDER(render_text, plan_render_text)
#undef TEST_RENDER
#define TEST_RENDER_COMPARE(name, call)                                                    \
  static inline char *test_##name(const plan_compare *c, const char *agency, size_t *len) { \
    char *r = NULL;                                                                        \
    call(c, agency, &r, len, NULL);                                                        \
    return r;                                                                              \
  }
TEST_RENDER_COMPARE(render_compare_json, plan_render_compare_json)
TEST_RENDER_COMPARE(render_compare_csv, plan_render_compare_csv)
TEST_RENDER_COMPARE(render_compare_html, plan_render_compare_html)
#undef TEST_RENDER_COMPARE
static inline char *test_render_compare_text(const plan_compare *c, const char *agency,
                                             unsigned flags, size_t *len) {
  char *r = NULL;
  plan_render_compare_text(c, agency, flags, &r, len, NULL);
  return r;
}
static inline plan_iter *test_iter_new(const plan_node *root) {
  plan_iter *it = NULL;
  plan_iter_new(root, &it, NULL);
  return it;
}

#endif
