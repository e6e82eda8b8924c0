/* test_compare.c - comparing provinces: the gold alignments, invariance
 * under normalization, order independence, the assignment solver, the word
 * diff, and the reports. */
#include <jansson.h>
#include <libxml/HTMLparser.h>
#include <utf8proc.h>

#include "test_util.h"
#include "compare/compare.h" /* the solver and the diff, tested directly */

static plan_doc *parse_text(const char *s, size_t n, const char *name) {
  plan_doc *doc;
  plan_error e;
  if (plan_doc_parse(s, n, NULL, &doc, &e) != PLAN_OK) fail_msg("%s: %s", name, e.message);
  return doc;
}

/* The comparison's index of the document parsed from file name. */
static size_t doc_named(const plan_compare *c, const char *name) {
  for (size_t d = 0; d < plan_compare_document_count(c); d++) {
    const char *src = plan_doc_source(plan_compare_document(c, d));
    size_t sl = src ? strlen(src) : 0, nl = strlen(name);
    if (sl >= nl && strcmp(src + sl - nl, name) == 0) return d;
  }
  fail_msg("document %s not in the comparison", name);
  return 0;
}

static size_t agency_index(const plan_compare *c, const char *id) {
  for (size_t g = 0; g < plan_compare_agency_count(c); g++)
    if (strcmp(plan_compare_agency_id(c, g), id) == 0) return g;
  fail_msg("no agency %s", id);
  return 0;
}

/* Position k of the agency's duty list in document d that is duty `index`
 * of item `label`. */
static size_t duty_at(const plan_compare *c, size_t g, size_t d, const char *label, size_t index) {
  const plan_doc *doc = plan_compare_document(c, d);
  const plan_assignment *a = NULL;
  for (size_t i = 0; i < plan_doc_assignment_count(doc); i++)
    if (strcmp(plan_assignment_label(plan_doc_assignment(doc, i)), label) == 0)
      a = plan_doc_assignment(doc, i);
  assert_non_null(a);
  const plan_duty *want = plan_assignment_duty(a, index);
  for (size_t k = 0; k < plan_compare_duty_count(c, g, d); k++)
    if (plan_compare_duty(c, g, d, k) == want) return k;
  fail_msg("duty %s.%zu not under the agency", label, index);
  return 0;
}

/* The duty pairs linked (same, reworded, merged, split, partial) between
 * documents da and db for agency g, as (k_a, k_b) with k in each document's
 * list. */
typedef struct pairs {
  size_t a[64], b[64];
  size_t n;
} pairs;

static void linked_pairs(const plan_compare *c, size_t g, size_t da, size_t db, pairs *out,
                         size_t *merges) {
  out->n = 0;
  size_t lo = da < db ? da : db;
  for (size_t i = 0; i < plan_compare_link_count(c, g, da, db); i++) {
    const plan_link *l = plan_compare_link(c, g, da, db, i);
    plan_link_kind k = plan_link_kind_of(l);
    if (k == PLAN_LINK_ONLY_A || k == PLAN_LINK_ONLY_B) continue;
    if (k == PLAN_LINK_MERGED || k == PLAN_LINK_SPLIT) (*merges)++;
    int sa = lo == da ? 0 : 1;
    for (size_t x = 0; x < plan_link_duty_count(l, sa); x++)
      for (size_t y = 0; y < plan_link_duty_count(l, 1 - sa); y++) {
        out->a[out->n] = plan_link_duty(l, sa, x);
        out->b[out->n++] = plan_link_duty(l, 1 - sa, y);
      }
  }
}

static bool has_pair(const pairs *p, size_t a, size_t b) {
  for (size_t i = 0; i < p->n; i++)
    if (p->a[i] == a && p->b[i] == b) return true;
  return false;
}

/* Precision and recall of the linked pairs against gold/alignments.json,
 * pairs marked partial counting neither way.  Returns the merge count. */
static size_t check_gold(const plan_compare *c, double *precision, double *recall) {
  json_error_t je;
  char path[512];
  snprintf(path, sizeof path, "%s/gold/alignments.json", CORPUS_DIR);
  json_t *gold = json_load_file(path, 0, &je);
  assert_non_null(gold);
  size_t tp = 0, fp = 0, fn = 0, merges = 0, gold_merges = 0;
  size_t i;
  json_t *al;
  json_array_foreach(json_object_get(gold, "alignments"), i, al) {
    const char *fa = json_string_value(json_object_get(al, "a"));
    const char *fb = json_string_value(json_object_get(al, "b"));
    size_t da = doc_named(c, fa), db = doc_named(c, fb);
    size_t g = agency_index(c, json_string_value(json_object_get(al, "agency")));
    const char *la = json_string_value(json_object_get(al, "a_label"));
    const char *lb = json_string_value(json_object_get(al, "b_label"));
    pairs got;
    linked_pairs(c, g, da, db, &got, &merges);
    json_t *gp = json_object_get(al, "pairs"), *partial = json_object_get(al, "partial");
    bool counted[64] = {0};
    size_t k;
    json_t *p;
    json_array_foreach(gp, k, p) {
      size_t ka = duty_at(c, g, da, la, (size_t)json_integer_value(json_array_get(p, 0)));
      size_t kb = duty_at(c, g, db, lb, (size_t)json_integer_value(json_array_get(p, 1)));
      if (strcmp(json_string_value(json_array_get(p, 2)), "merged") == 0) gold_merges++;
      bool found = false;
      for (size_t x = 0; x < got.n; x++)
        if (got.a[x] == ka && got.b[x] == kb) { found = true; counted[x] = true; }
      if (found) tp++;
      else { fn++; print_message("missed %s %s %zu-%zu\n", json_string_value(json_object_get(al, "agency")), la, ka, kb); }
    }
    for (size_t x = 0; x < got.n; x++) {
      if (counted[x]) continue;
      bool allowed = false;
      json_array_foreach(partial, k, p) {
        size_t ka = duty_at(c, g, da, la, (size_t)json_integer_value(json_array_get(p, 0)));
        size_t kb = duty_at(c, g, db, lb, (size_t)json_integer_value(json_array_get(p, 1)));
        allowed |= got.a[x] == ka && got.b[x] == kb;
      }
      if (!allowed) { fp++; print_message("extra %s %zu-%zu\n", json_string_value(json_object_get(al, "agency")), got.a[x], got.b[x]); }
    }
  }
  json_decref(gold);
  *precision = tp + fp ? (double)tp / (double)(tp + fp) : 0;
  *recall = tp + fn ? (double)tp / (double)(tp + fn) : 0;
  assert_true(gold_merges >= 2);
  return merges;
}

static void test_gold_alignments(void **state) {
  (void)state;
  plan_doc *a = parse_corpus("binh-dinh-2021-kh-1472.txt", NULL);
  plan_doc *b = parse_corpus("bac-kan-2021-qd-145.txt", NULL);
  const plan_doc *docs[] = {a, b};
  plan_compare *c;
  plan_error e;
  assert_status(plan_compare_new(docs, 2, NULL, &c, &e), PLAN_OK);
  double p, r;
  size_t merges = check_gold(c, &p, &r);
  print_message("precision %.3f recall %.3f\n", p, r);
  assert_true(p >= 0.95);
  assert_true(r >= 0.95);
  /* the two merged gold pairs are one merge: one n:1 link */
  size_t g = agency_index(c, "doh");
  size_t n_merge = 0;
  for (size_t i = 0; i < plan_compare_link_count(c, g, 0, 1); i++) {
    const plan_link *l = plan_compare_link(c, g, 0, 1, i);
    if (plan_link_kind_of(l) == PLAN_LINK_MERGED || plan_link_kind_of(l) == PLAN_LINK_SPLIT) {
      n_merge++;
      assert_int_equal(plan_link_duty_count(l, 0) + plan_link_duty_count(l, 1), 3);
      plan_diff_step *steps;
      size_t ns;
      assert_status(plan_link_diff(c, l, &steps, &ns, NULL), PLAN_OK);
      assert_true(ns > 0);
      plan_free(steps);
      assert_true(strlen(plan_link_rare_words(l)) > 0);
    }
  }
  assert_int_equal(n_merge, 1);
  assert_true(merges >= 1);
  plan_compare_free(c);
  plan_doc_free(a);
  plan_doc_free(b);
}

/* The same pairs when one document is NFD, in the modern tone style, or
 * carries extra markdown and spaces. */
static char *variant(const char *s, int kind) {
  if (kind == 0) { /* NFD */
    utf8proc_uint8_t *r;
    assert_true(utf8proc_map((const utf8proc_uint8_t *)s, 0, &r,
                             UTF8PROC_NULLTERM | UTF8PROC_STABLE | UTF8PROC_DECOMPOSE) >= 0);
    return (char *)r;
  }
  if (kind == 1) { /* modern tone placement */
    plan_options o;
    plan_options_init(&o);
    o.tone_style = PLAN_TONE_MODERN;
    o.flags = PLAN_OPT_KEEP_MARKUP;
    char *m = test_normalize_string(s, strlen(s), &o, NULL, NULL);
    assert_non_null(m);
    char *r = strdup(m);
    plan_free(m);
    return r;
  }
  /* extra markdown and spaces: bold numbered headings, doubled spaces */
  plan_buf b = {0};
  for (const char *p = s; *p; p++) {
    bool line_start = p == s || p[-1] == '\n';
    if (line_start && *p >= '1' && *p <= '9') plan__buf_put(&b, "**", 2);
    if (*p == '\n' && p > s && p[-1] != '\n') {
      const char *ls = p;
      while (ls > s && ls[-1] != '\n') ls--;
      if (*ls >= '1' && *ls <= '9') plan__buf_put(&b, "**", 2);
      plan__buf_put(&b, "  ", 2);
    }
    if (*p == ' ') plan__buf_putc(&b, ' ');
    plan__buf_putc(&b, *p);
  }
  return plan__buf_take(&b, NULL);
}

static void test_invariance(void **state) {
  (void)state;
  size_t na, nb;
  char *sa = read_corpus("binh-dinh-2021-kh-1472.txt", &na);
  char *sb = read_corpus("bac-kan-2021-qd-145.txt", &nb);
  plan_doc *b = parse_text(sb, nb, "bac-kan");
  plan_doc *a0 = parse_text(sa, na, "binh-dinh");
  const plan_doc *d0[] = {a0, b};
  plan_compare *c0;
  assert_status(plan_compare_new(d0, 2, NULL, &c0, NULL), PLAN_OK);
  for (int kind = 0; kind < 3; kind++) {
    char *v = variant(sa, kind);
    plan_doc *a1 = parse_text(v, strlen(v), "variant");
    const plan_doc *d1[] = {a1, b};
    plan_compare *c1;
    assert_status(plan_compare_new(d1, 2, NULL, &c1, NULL), PLAN_OK);
    assert_int_equal(plan_compare_agency_count(c1), plan_compare_agency_count(c0));
    for (size_t g = 0; g < plan_compare_agency_count(c0); g++) {
      assert_string_equal(plan_compare_agency_id(c1, g), plan_compare_agency_id(c0, g));
      pairs p0, p1;
      size_t m0 = 0, m1 = 0;
      linked_pairs(c0, g, 0, 1, &p0, &m0);
      linked_pairs(c1, g, 0, 1, &p1, &m1);
      if (p0.n != p1.n) fail_msg("variant %d, %s: %zu pairs, %zu before", kind, plan_compare_agency_id(c0, g), p1.n, p0.n);
      for (size_t i = 0; i < p0.n; i++) assert_true(has_pair(&p1, p0.a[i], p0.b[i]));
      assert_int_equal(m0, m1);
    }
    plan_compare_free(c1);
    plan_doc_free(a1);
    free(v);
  }
  plan_compare_free(c0);
  plan_doc_free(a0);
  plan_doc_free(b);
  free(sa);
  free(sb);
}

static void test_order_independence(void **state) {
  (void)state;
  plan_doc *d[3] = {parse_corpus("binh-dinh-2021-kh-1472.txt", NULL), parse_corpus("bac-kan-2021-qd-145.txt", NULL),
                    parse_corpus("hai-phong-2021-kh-03.txt", NULL)};
  static const int perms[6][3] = {{0, 1, 2}, {0, 2, 1}, {1, 0, 2}, {1, 2, 0}, {2, 0, 1}, {2, 1, 0}};
  char *first = NULL;
  for (int p = 0; p < 6; p++) {
    const plan_doc *docs[3] = {d[perms[p][0]], d[perms[p][1]], d[perms[p][2]]};
    plan_compare *c;
    assert_status(plan_compare_new(docs, 3, NULL, &c, NULL), PLAN_OK);
    char *js = test_render_compare_json(c, NULL, NULL);
    assert_non_null(js);
    if (!first) first = js;
    else {
      if (strcmp(first, js) != 0) fail_msg("permutation %d gives different JSON", p);
      plan_free(js);
    }
    plan_compare_free(c);
  }
  json_error_t je;
  json_t *j = json_loads(first, 0, &je);
  if (!j) fail_msg("invalid JSON: %s", je.text);
  assert_int_equal(json_array_size(json_object_get(j, "documents")), 3);
  json_t *ag = json_array_get(json_object_get(j, "agencies"), 0);
  assert_non_null(json_object_get(ag, "pairs"));
  json_t *pair = json_array_get(json_object_get(ag, "pairs"), 0);
  assert_true(json_is_integer(json_object_get(pair, "a")));
  assert_non_null(json_object_get(pair, "matches"));
  assert_non_null(json_object_get(pair, "only_a"));
  json_decref(j);
  plan_free(first);
  for (int i = 0; i < 3; i++) plan_doc_free(d[i]);
}

static void test_assignment_solver(void **state) {
  (void)state;
  /* reordered: the best total, not the greedy first choice */
  const double s1[] = {0.9, 0.8, 0.0,
                       0.85, 0.1, 0.0,
                       0.0, 0.0, 0.7};
  size_t m1[3];
  assert_status(plan__assignment(s1, 3, 3, m1), PLAN_OK);
  assert_int_equal(m1[0], 1);
  assert_int_equal(m1[1], 0);
  assert_int_equal(m1[2], 2);
  /* rectangular, and zero scores never match */
  const double s2[] = {0.0, 0.5,
                       0.0, 0.0,
                       0.6, 0.4};
  size_t m2[3];
  assert_status(plan__assignment(s2, 3, 2, m2), PLAN_OK);
  assert_int_equal(m2[0], 1);
  assert_int_equal(m2[1], SIZE_MAX);
  assert_int_equal(m2[2], 0);
}

/* The length of the longest common subsequence, by dynamic programming. */
static size_t lcs(const uint64_t *a, size_t na, const uint64_t *b, size_t nb) {
  size_t *row = calloc(nb + 1, sizeof *row), *prev = calloc(nb + 1, sizeof *prev);
  for (size_t i = 1; i <= na; i++) {
    for (size_t j = 1; j <= nb; j++)
      row[j] = a[i - 1] == b[j - 1] ? prev[j - 1] + 1 : (row[j - 1] > prev[j] ? row[j - 1] : prev[j]);
    size_t *t = prev; prev = row; row = t;
  }
  size_t r = prev[nb];
  free(row);
  free(prev);
  return r;
}

static void test_word_diff(void **state) {
  (void)state;
  unsigned seed = 12345;
  for (int t = 0; t < 300; t++) {
    uint64_t a[40], b[40];
    size_t na = (seed = seed * 1103515245u + 12345u) % 30, nb = (seed = seed * 1103515245u + 12345u) % 30;
    for (size_t i = 0; i < na; i++) a[i] = (seed = seed * 1103515245u + 12345u) % 5;
    for (size_t i = 0; i < nb; i++) b[i] = (seed = seed * 1103515245u + 12345u) % 5;
    plan_diff_op *ops;
    size_t n;
    assert_status(plan__word_diff(a, na, b, nb, &ops, &n), PLAN_OK);
    /* applying the script to a yields b */
    uint64_t out[80];
    size_t x = 0, y = 0, o = 0, edits = 0;
    for (size_t i = 0; i < n; i++) {
      if (ops[i] == PLAN_DIFF_EQUAL) { assert_true(a[x] == b[y]); out[o++] = a[x]; x++; y++; }
      else if (ops[i] == PLAN_DIFF_DELETE) { x++; edits++; }
      else { out[o++] = b[y++]; edits++; }
    }
    assert_int_equal(x, na);
    assert_int_equal(o, nb);
    assert_memory_equal(out, b, nb * sizeof *b);
    /* minimal: as many edits as the LCS allows */
    assert_int_equal(edits, na + nb - 2 * lcs(a, na, b, nb));
    free(ops);
  }

  /* on real text: steps cover whole syllables, and rebuild side b */
  plan_doc *a = parse_corpus("binh-dinh-2021-kh-1472.txt", NULL), *b = parse_corpus("bac-kan-2021-qd-145.txt", NULL);
  const plan_doc *docs[] = {a, b};
  plan_compare *c;
  assert_status(plan_compare_new(docs, 2, NULL, &c, NULL), PLAN_OK);
  size_t checked = 0;
  for (size_t g = 0; g < plan_compare_agency_count(c); g++)
    for (size_t i = 0; i < plan_compare_link_count(c, g, 0, 1); i++) {
      const plan_link *l = plan_compare_link(c, g, 0, 1, i);
      plan_link_kind kind = plan_link_kind_of(l);
      if (kind != PLAN_LINK_REWORDED && kind != PLAN_LINK_MERGED && kind != PLAN_LINK_SPLIT) continue;
      plan_diff_step *steps;
      size_t ns;
      assert_status(plan_link_diff(c, l, &steps, &ns, NULL), PLAN_OK);
      const char *ta = plan_link_text(l, 0), *tb = plan_link_text(l, 1);
      plan_buf rebuilt = {0};
      for (size_t k = 0; k < ns; k++) {
        const plan_diff_step *s = &steps[k];
        /* never inside a syllable: steps start and end at word edges */
        if (s->op != PLAN_DIFF_INSERT) {
          assert_true(s->a_off == 0 || ta[s->a_off - 1] == ' ' || ta[s->a_off - 1] == '(' || ta[s->a_off - 1] == '"');
          char e = ta[s->a_off + s->a_len];
          assert_true(e == '\0' || e == ' ' || e == ',' || e == '.' || e == ';' || e == ':' || e == ')');
        }
        if (s->op != PLAN_DIFF_DELETE) {
          if (rebuilt.len) plan__buf_putc(&rebuilt, ' ');
          if (s->op == PLAN_DIFF_EQUAL) plan__buf_put(&rebuilt, ta + s->a_off, s->a_len);
          else plan__buf_put(&rebuilt, tb + s->b_off, s->b_len);
        }
        assert_true(s->a_source <= 40000 && s->b_source <= 40000);
      }
      char *k1 = key_string(rebuilt.data ? rebuilt.data : "", rebuilt.len, NULL, NULL, NULL);
      char *k2 = key_string(tb, strlen(tb), NULL, NULL, NULL);
      assert_string_equal(k1, k2); /* the same words as side b */
      plan_free(k1);
      plan_free(k2);
      plan__buf_free(&rebuilt);
      plan_free(steps);
      checked++;
    }
  assert_true(checked >= 10);
  plan_compare_free(c);
  plan_doc_free(a);
  plan_doc_free(b);
}

static void test_reports_and_errors(void **state) {
  (void)state;
  plan_doc *d[5];
  for (size_t i = 0; i < CORPUS_COUNT; i++) d[i] = parse_corpus(corpus_files[i], NULL);
  plan_compare *c;
  plan_error e;
  assert_status(plan_compare_new((const plan_doc *const *)d, 5, NULL, &c, &e), PLAN_OK);
  assert_int_equal(plan_compare_document_count(c), 5);
  /* culture, sports and tourism: Bắc Kạn's one department against Bình
   * Định's two */
  size_t g = agency_index(c, "docst");
  bool via = false;
  for (size_t k = 0; k < 5; k++) {
    const char *v = plan_compare_agency_via(c, g, k);
    if (v && strcmp(v, "docs+dot") == 0) via = true;
  }
  assert_true(via);
  /* collective agencies stay visible, and can be left out */
  assert_true(plan_compare_agency_collective(c, agency_index(c, "all-departments")));
  /* the N-way duty groups through the API: each present somewhere, its
   * representative among the documents that have it, as the JSON says */
  char *json = test_render_compare_json(c, NULL, NULL);
  assert_non_null(json);
  json_error_t je;
  json_t *root = json_loads(json, 0, &je);
  assert_non_null(root);
  json_t *jags = json_object_get(root, "agencies");
  size_t total_groups = 0;
  for (size_t a = 0; a < plan_compare_agency_count(c); a++) {
    size_t ng = plan_compare_group_count(c, a);
    json_t *ja = json_array_get(jags, a);
    assert_string_equal(json_string_value(json_object_get(ja, "id")), plan_compare_agency_id(c, a));
    assert_int_equal(json_array_size(json_object_get(ja, "groups")), ng);
    for (size_t k = 0; k < ng; k++) {
      size_t rep = plan_compare_group_representative(c, a, k), present = 0;
      assert_true(rep < 5);
      assert_int_not_equal(plan_compare_group_status(c, a, k, rep), PLAN_GROUP_ABSENT);
      json_t *js = json_object_get(json_array_get(json_object_get(ja, "groups"), k), "status");
      for (size_t x = 0; x < 5; x++) {
        plan_group_status st = plan_compare_group_status(c, a, k, x);
        assert_string_equal(json_string_value(json_array_get(js, x)), plan_group_status_name(st));
        assert_true((plan_compare_group_duty(c, a, k, x) != NULL) == (st != PLAN_GROUP_ABSENT));
        present += st != PLAN_GROUP_ABSENT;
      }
      assert_true(present >= 1);
    }
    total_groups += ng;
  }
  assert_true(total_groups > 50);
  assert_int_equal(plan_compare_group_status(c, 0, 99999, 0), PLAN_GROUP_ABSENT);
  assert_null(plan_compare_group_duty(c, 0, 0, 99));
  assert_int_equal(plan_compare_group_representative(NULL, 0, 0), SIZE_MAX);
  json_decref(root);
  plan_free(json);

  /* the CSV is tidy: a header of variables, then one row per agency, duty
   * group and document, every row with as many fields as the header */
  char *csv = test_render_compare_csv(c, NULL, NULL);
  assert_non_null(csv);
  const char *header = "agency,agency_name,group,group_size,representative,province,document,"
                       "number,date,status,item,duty\r\n";
  assert_true(strncmp(csv, header, strlen(header)) == 0);
  size_t rows = 0, groups = 0;
  for (size_t a = 0; a < plan_compare_agency_count(c); a++) groups += plan_compare_group_count(c, a);
  for (const char *p = csv + strlen(header); *p;) {
    size_t fields = 1;
    bool quoted = false;
    for (; *p && !(*p == '\r' && !quoted); p++) {
      if (*p == '"') quoted = !quoted;
      else if (*p == ',' && !quoted) fields++;
    }
    assert_int_equal(fields, 12);
    rows++;
    p += *p ? 2 : 0;
  }
  assert_int_equal(rows, groups * 5); /* every group, in every document */
  assert_non_null(strstr(csv, ",\"Bắc Kạn\",\"corpus/bac-kan-2021-qd-145.txt\",\"145/QĐ-UBND\","));
  plan_free(csv);
  size_t n;
  char *html = test_render_compare_html(c, NULL, &n);
  assert_non_null(html);
  assert_true(strncmp(html, "<!DOCTYPE html>", 15) == 0);
  htmlDocPtr h = htmlReadMemory(html, (int)n, "r.html", "UTF-8", HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING);
  assert_non_null(h);
  xmlFreeDoc(h);
  assert_null(strstr(html, "<script"));
  assert_non_null(strstr(html, "<ins>"));
  plan_free(html);
  char *txt = test_render_compare_text(c, "doh", 0, NULL);
  assert_non_null(strstr(txt, "merged"));
  assert_null(strstr(txt, "\033["));
  plan_free(txt);
  plan_compare_free(c);

  plan_compare_options o;
  plan_compare_options_init(&o);
  o.flags = PLAN_COMPARE_EXCLUDE_COLLECTIVE;
  assert_status(plan_compare_new((const plan_doc *const *)d, 5, &o, &c, &e), PLAN_OK);
  for (size_t k = 0; k < plan_compare_agency_count(c); k++) assert_false(plan_compare_agency_collective(c, k));
  plan_compare_free(c);

  assert_status(plan_compare_new((const plan_doc *const *)d, 1, NULL, &c, &e), PLAN_EINVAL);
  const plan_doc *twice[] = {d[0], d[0]};
  assert_status(plan_compare_new(twice, 2, NULL, &c, &e), PLAN_EINVAL);
  o.max_documents = 3;
  assert_status(plan_compare_new((const plan_doc *const *)d, 5, &o, &c, &e), PLAN_ELIMIT);
  plan_compare_free(NULL);
  for (size_t i = 0; i < CORPUS_COUNT; i++) plan_doc_free(d[i]);
}

/* What on_pair saw: for every pair, its link count and its JSON line. */
typedef struct pair_log {
  size_t calls, links, stop_after;
  char *lines; /* every pair's JSON line, joined */
  size_t len;
} pair_log;

static int log_pair(void *user, const plan_compare *c, size_t g, size_t a, size_t b) {
  pair_log *log = user;
  log->calls++;
  log->links += plan_compare_link_count(c, g, a, b);
  assert_int_equal(plan_compare_link_count(c, g, b, a), plan_compare_link_count(c, g, a, b));
  assert_true(plan_compare_duty_count(c, g, a) > 0 && plan_compare_duty_count(c, g, b) > 0);
  char *line;
  size_t n;
  assert_status(plan_render_compare_pair_json(c, g, a, b, &line, &n, NULL), PLAN_OK);
  log->lines = realloc(log->lines, log->len + n + 2);
  memcpy(log->lines + log->len, line, n);
  log->len += n;
  log->lines[log->len++] = '\n';
  log->lines[log->len] = '\0';
  plan_free(line);
  return log->stop_after && log->calls == log->stop_after;
}

/* Without the pairs (PLAN_COMPARE_NO_PAIRS): the same duty groups as the
 * full comparison, no links kept, every pair still seen by on_pair with the
 * links and JSON the full comparison has; the reports are the summary. */
static void test_summary_without_pairs(void **state) {
  (void)state;
  plan_doc *d[5];
  for (size_t i = 0; i < CORPUS_COUNT; i++) d[i] = parse_corpus(corpus_files[i], NULL);
  plan_compare_options o;
  plan_compare_options_init(&o);
  pair_log full_log = {0}, sum_log = {0};
  o.on_pair = log_pair;
  o.user = &full_log;
  plan_compare *full, *sum;
  assert_status(plan_compare_new((const plan_doc *const *)d, 5, &o, &full, NULL), PLAN_OK);
  o.flags |= PLAN_COMPARE_NO_PAIRS;
  o.user = &sum_log;
  assert_status(plan_compare_new((const plan_doc *const *)d, 5, &o, &sum, NULL), PLAN_OK);

  /* the same pairs, links and pair JSON, seen as they were aligned */
  assert_true(full_log.calls > 20);
  assert_int_equal(sum_log.calls, full_log.calls);
  assert_int_equal(sum_log.links, full_log.links);
  assert_string_equal(sum_log.lines, full_log.lines);
  /* the full comparison renders the same line for a kept pair afterwards */
  size_t g = agency_index(full, "dolisa"), da = doc_named(full, "bac-kan-2021-qd-145.txt"),
         db = doc_named(full, "binh-dinh-2021-kh-1472.txt");
  char *line;
  assert_status(plan_render_compare_pair_json(full, g, da, db, &line, NULL, NULL), PLAN_OK);
  assert_non_null(strstr(full_log.lines, line));
  plan_free(line);
  /* the summary keeps none: no links, no pair to render */
  assert_true(plan_compare_link_count(full, g, da, db) > 0);
  assert_int_equal(plan_compare_link_count(sum, g, da, db), 0);
  assert_null(plan_compare_link(sum, g, da, db, 0));
  plan_error e;
  assert_status(plan_render_compare_pair_json(sum, g, da, db, &line, NULL, &e), PLAN_EINVAL);
  assert_null(line);

  /* the same duty groups, member for member */
  assert_int_equal(plan_compare_agency_count(sum), plan_compare_agency_count(full));
  size_t members = 0;
  for (size_t a = 0; a < plan_compare_agency_count(full); a++) {
    assert_int_equal(plan_compare_group_count(sum, a), plan_compare_group_count(full, a));
    for (size_t k = 0; k < plan_compare_group_count(full, a); k++) {
      assert_int_equal(plan_compare_group_representative(sum, a, k),
                       plan_compare_group_representative(full, a, k));
      for (size_t x = 0; x < 5; x++) {
        assert_int_equal(plan_compare_group_status(sum, a, k, x), plan_compare_group_status(full, a, k, x));
        assert_ptr_equal(plan_compare_group_duty(sum, a, k, x), plan_compare_group_duty(full, a, k, x));
        members += plan_compare_group_status(full, a, k, x) != PLAN_GROUP_ABSENT;
      }
    }
  }

  /* the summary's JSON: no pairs, each group with the documents that have it */
  char *json = test_render_compare_json(sum, NULL, NULL);
  json_error_t je;
  json_t *root = json_loads(json, 0, &je);
  assert_non_null(root);
  assert_string_equal(json_string_value(json_object_get(root, "detail")), "summary");
  json_t *jags = json_object_get(root, "agencies");
  size_t json_members = 0;
  for (size_t a = 0; a < json_array_size(jags); a++) {
    json_t *ja = json_array_get(jags, a);
    assert_null(json_object_get(ja, "pairs"));
    json_t *gs = json_object_get(ja, "groups");
    for (size_t k = 0; k < json_array_size(gs); k++) {
      json_t *docs = json_object_get(json_array_get(gs, k), "documents");
      assert_null(json_object_get(json_array_get(gs, k), "status"));
      for (size_t i = 0; i < json_array_size(docs); i++) {
        json_t *m = json_array_get(docs, i);
        size_t x = (size_t)json_integer_value(json_array_get(m, 0));
        assert_string_equal(json_string_value(json_array_get(m, 1)),
                            plan_group_status_name(plan_compare_group_status(full, a, k, x)));
        json_members++;
      }
    }
  }
  assert_int_equal(json_members, members);
  json_decref(root);
  plan_free(json);
  /* the CSV: a row per group and document that has it, none for absences */
  char *csv = test_render_compare_csv(sum, NULL, NULL);
  size_t lines = 0;
  for (size_t i = 0; csv[i]; i++) lines += csv[i] == '\n';
  assert_int_equal(lines, members + 1); /* and the header */
  assert_null(strstr(csv, ",absent,"));
  plan_free(csv);
  /* the text: the shared duties and those of one document, no pairs */
  char *text;
  assert_status(plan_render_compare_text(sum, "dolisa", 0, &text, NULL, NULL), PLAN_OK);
  size_t gd = agency_index(sum, "dolisa"), shared = 0, alone = 0;
  for (size_t k = 0; k < plan_compare_group_count(sum, gd); k++) {
    size_t in = 0;
    for (size_t x = 0; x < 5; x++) in += plan_compare_group_status(sum, gd, k, x) != PLAN_GROUP_ABSENT;
    shared += in > 1;
    alone += in == 1;
  }
  char want[96];
  snprintf(want, sizeof want, "  %zu duties shared by several documents, %zu in one only\n", shared, alone);
  assert_non_null(strstr(text, want));
  size_t in_lines = 0, only_lines = 0;
  for (const char *p = text; (p = strstr(p, "\n  in ")); p++) in_lines++;
  for (const char *p = text; (p = strstr(p, "\n  only [")); p++) only_lines++;
  assert_int_equal(in_lines, shared);
  assert_int_equal(only_lines, alone);
  assert_true(shared > 0 && alone > 0);
  assert_null(strstr(text, " vs ["));
  plan_free(text);
  /* the HTML parses and lists the groups */
  size_t n;
  char *html = test_render_compare_html(sum, NULL, &n);
  assert_non_null(strstr(html, "which, and how"));
  htmlDocPtr h = htmlReadMemory(html, (int)n, "s.html", "UTF-8",
                                HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING);
  assert_non_null(h);
  xmlFreeDoc(h);
  plan_free(html);
  plan_compare_free(sum);
  plan_compare_free(full);

  /* on_pair can stop the comparison */
  pair_log stop = {.stop_after = 3};
  o.user = &stop;
  assert_status(plan_compare_new((const plan_doc *const *)d, 5, &o, &sum, &e), PLAN_ECANCELED);
  assert_null(sum);
  assert_int_equal(stop.calls, 3);
  assert_non_null(strstr(e.message, "stopped"));
  free(stop.lines);
  free(full_log.lines);
  free(sum_log.lines);
  for (size_t i = 0; i < CORPUS_COUNT; i++) plan_doc_free(d[i]);
}

/* One comparison cut into blocks of rows (rows_from, rows_to), each block's
 * groups exported, the parts merged: the same duty groups and the same
 * summary reports as the comparison in one piece.  Parts of other
 * documents, damaged parts and bad blocks are refused. */
static void test_blocks_merged(void **state) {
  (void)state;
  plan_doc *d[5];
  for (size_t i = 0; i < CORPUS_COUNT; i++) d[i] = parse_corpus(corpus_files[i], NULL);
  const plan_doc *const *docs = (const plan_doc *const *)d;
  plan_compare_options o;
  plan_compare_options_init(&o);
  o.flags |= PLAN_COMPARE_NO_PAIRS;
  plan_compare *whole, *block, *merged;
  assert_status(plan_compare_new(docs, 5, &o, &whole, NULL), PLAN_OK);
  static const size_t cuts[][2] = {{0, 1}, {1, 3}, {3, SIZE_MAX}};
  char *parts[3];
  for (size_t k = 0; k < 3; k++) {
    plan_compare_options bo;
    plan_compare_options_init(&bo);
    bo.rows_from = cuts[k][0];
    bo.rows_to = cuts[k][1];
    assert_status(plan_compare_new(docs, 5, &bo, &block, NULL), PLAN_OK);
    assert_int_equal(plan_compare_link_count(block, 0, 0, 1), 0); /* a block keeps no pairs */
    assert_status(plan_compare_export_groups(block, &parts[k], NULL, NULL), PLAN_OK);
    assert_true(strncmp(parts[k], "libplan-groups 1 5\n", 19) == 0);
    plan_compare_free(block);
  }
  plan_compare_options mo;
  plan_compare_options_init(&mo);
  mo.parts = (const char *const *)parts;
  mo.nparts = 3;
  assert_status(plan_compare_new(docs, 5, &mo, &merged, NULL), PLAN_OK);
  /* the same groups, and the same reports */
  assert_int_equal(plan_compare_agency_count(merged), plan_compare_agency_count(whole));
  for (size_t a = 0; a < plan_compare_agency_count(whole); a++) {
    assert_int_equal(plan_compare_group_count(merged, a), plan_compare_group_count(whole, a));
    for (size_t k = 0; k < plan_compare_group_count(whole, a); k++)
      for (size_t x = 0; x < 5; x++)
        assert_int_equal(plan_compare_group_status(merged, a, k, x), plan_compare_group_status(whole, a, k, x));
  }
  char *w, *m;
  w = test_render_compare_json(whole, NULL, NULL);
  m = test_render_compare_json(merged, NULL, NULL);
  assert_string_equal(m, w);
  plan_free(w);
  plan_free(m);
  w = test_render_compare_html(whole, NULL, NULL);
  m = test_render_compare_html(merged, NULL, NULL);
  assert_string_equal(m, w);
  plan_free(w);
  plan_free(m);
  char *ew, *em;
  assert_status(plan_compare_export_groups(whole, &ew, NULL, NULL), PLAN_OK);
  assert_status(plan_compare_export_groups(merged, &em, NULL, NULL), PLAN_OK);
  assert_string_equal(em, ew);
  plan_free(ew);
  plan_free(em);
  /* a block alone is not the whole */
  mo.nparts = 1;
  assert_status(plan_compare_new(docs, 5, &mo, &block, NULL), PLAN_OK);
  size_t fewer = 0, more = 0;
  for (size_t a = 0; a < plan_compare_agency_count(whole); a++) {
    fewer += plan_compare_group_count(whole, a);
    more += plan_compare_group_count(block, a);
  }
  assert_true(more > fewer);
  plan_compare_free(block);

  /* refused: parts of other documents, damaged parts, bad blocks */
  plan_error e;
  const char *bad[] = {"libplan-groups 1 4\n", "not a part", "libplan-groups 1 5\nnobody 3\n",
                       "libplan-groups 1 5\ndolisa 1 0:99:1\n"};
  char damaged[4096];
  snprintf(damaged, sizeof damaged, "%.*s 99999999:0:1\n", (int)(strchr(parts[0] + 19, '\n') - parts[0]), parts[0]);
  for (size_t k = 0; k < sizeof bad / sizeof *bad + 1; k++) {
    const char *one = k < sizeof bad / sizeof *bad ? bad[k] : damaged;
    mo.parts = &one;
    mo.nparts = 1;
    assert_status(plan_compare_new(docs, 5, &mo, &block, &e), PLAN_EINVAL);
    assert_null(block);
    assert_true(strstr(e.message, "part 0") != NULL);
  }
  const char *none = NULL;
  mo.parts = &none;
  assert_status(plan_compare_new(docs, 5, &mo, &block, &e), PLAN_EINVAL);
  mo.parts = (const char *const *)parts;
  mo.rows_to = 2;
  assert_status(plan_compare_new(docs, 5, &mo, &block, &e), PLAN_EINVAL);
  plan_compare_options bo;
  plan_compare_options_init(&bo);
  bo.rows_from = 3;
  bo.rows_to = 2;
  assert_status(plan_compare_new(docs, 5, &bo, &block, &e), PLAN_EINVAL);
  for (size_t k = 0; k < 3; k++) plan_free(parts[k]);
  plan_compare_free(merged);
  plan_compare_free(whole);
  for (size_t i = 0; i < CORPUS_COUNT; i++) plan_doc_free(d[i]);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_gold_alignments),
      cmocka_unit_test(test_invariance),
      cmocka_unit_test(test_order_independence),
      cmocka_unit_test(test_assignment_solver),
      cmocka_unit_test(test_word_diff),
      cmocka_unit_test(test_reports_and_errors),
      cmocka_unit_test(test_summary_without_pairs),
      cmocka_unit_test(test_blocks_merged),
  };
  return cmocka_run_group_tests_name("compare", tests, NULL, NULL);
}
