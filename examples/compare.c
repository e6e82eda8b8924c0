/* compare.c - compare provincial plans with libplan: which duties each
 * province gives an agency, and how the wording differs.
 *
 *   cc compare.c $(pkg-config --cflags --libs libplan) -o compare
 *   ./compare corpus/binh-dinh-2021-kh-1472.txt corpus/bac-kan-2021-qd-145.txt
 *
 * Uses only the public API (plan.h).  Copy it and change what it prints. */
#include <plan.h>
#include <stdio.h>
#include <stdlib.h>

/* Prints a reworded duty pair with deleted words [-like this-] and inserted
 * ones {+like this+}. */
static void print_diff(const plan_compare *cmp, const plan_link *link) {
  const char *a = plan_link_text(link, 0), *b = plan_link_text(link, 1);
  plan_diff_step *steps;
  size_t n;
  if (plan_link_diff(cmp, link, &steps, &n, NULL) != PLAN_OK) return;
  for (size_t i = 0; i < n; i++) {
    const plan_diff_step *s = &steps[i];
    if (s->op == PLAN_DIFF_EQUAL)
      printf("%.*s ", (int)s->a_len, a + s->a_off);
    else if (s->op == PLAN_DIFF_DELETE)
      printf("[-%.*s-] ", (int)s->a_len, a + s->a_off);
    else
      printf("{+%.*s+} ", (int)s->b_len, b + s->b_off);
  }
  printf("\n");
  plan_free(steps);
}

static const char *province(const plan_compare *cmp, size_t d) {
  const char *p = plan_doc_meta(plan_compare_document(cmp, d), PLAN_META_PROVINCE);
  return p ? p : "?";
}

int main(int argc, char **argv) {
  if (argc < 3) {
    fprintf(stderr, "usage: %s PLAN PLAN...\n", argv[0]);
    return 2;
  }
  size_t n = (size_t)argc - 1;
  plan_doc **docs = calloc(n, sizeof *docs);
  plan_error err;
  for (size_t i = 0; i < n; i++) {
    if (plan_doc_parse_file(argv[i + 1], NULL, &docs[i], &err) != PLAN_OK) {
      fprintf(stderr, "%s:%zu: %s\n", argv[i + 1], err.line, err.message);
      return 1;
    }
  }

  plan_compare *cmp;
  if (plan_compare_new((const plan_doc *const *)docs, n, NULL, &cmp, &err) != PLAN_OK) {
    fprintf(stderr, "compare: %s\n", err.message);
    return 1;
  }

  /* 1. Who gets how many duties in each province. */
  for (size_t d = 0; d < n; d++) printf("[%zu] %s\n", d + 1, province(cmp, d));
  printf("\n%-24s", "agency");
  for (size_t d = 0; d < n; d++) printf(" [%zu]", d + 1);
  printf("\n");
  for (size_t g = 0; g < plan_compare_agency_count(cmp); g++) {
    printf("%-24s", plan_compare_agency_id(cmp, g));
    for (size_t d = 0; d < n; d++) {
      size_t count = plan_compare_duty_count(cmp, g, d);
      if (count) printf(" %3zu", count);
      else printf(" %3s", "-");
    }
    printf("\n");
  }

  /* 2. For the first two provinces: every agency's duties, aligned. */
  printf("\n%s against %s\n", province(cmp, 0), province(cmp, 1));
  for (size_t g = 0; g < plan_compare_agency_count(cmp); g++) {
    size_t links = plan_compare_link_count(cmp, g, 0, 1);
    if (!links) continue;
    printf("\n== %s\n", plan_compare_agency_name(cmp, g));
    for (size_t i = 0; i < links; i++) {
      const plan_link *link = plan_compare_link(cmp, g, 0, 1, i);
      plan_link_kind kind = plan_link_kind_of(link);
      printf("  %-8s ", plan_link_kind_name(kind));
      if (kind == PLAN_LINK_ONLY_A || kind == PLAN_LINK_ONLY_B) {
        int side = kind == PLAN_LINK_ONLY_B;
        size_t k = plan_link_duty(link, side, 0);
        printf("%s\n", plan_duty_text(plan_compare_duty(cmp, g, (size_t)side, k)));
      } else if (kind != PLAN_LINK_SAME && kind != PLAN_LINK_PARTIAL) {
        printf("(%.2f) ", plan_link_similarity(link));
        print_diff(cmp, link);
      } else {
        size_t k = plan_link_duty(link, 0, 0);
        printf("(%.2f) %s\n", plan_link_similarity(link),
               plan_duty_text(plan_compare_duty(cmp, g, 0, k)));
      }
    }
  }

  plan_compare_free(cmp);
  for (size_t i = 0; i < n; i++) plan_doc_free(docs[i]);
  free(docs);
  return 0;
}
