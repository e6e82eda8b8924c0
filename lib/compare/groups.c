/* groups.c - documents grouped by the national documents they carry out
 * (plan_groups_*): the corpus job compares each group on its own.  Plans
 * that implement a common document share a group: a plan carrying out
 * Decision 1472/QĐ-TTg, which itself carries out Resolution 121/2020/QH14,
 * and a letter carrying out that resolution directly answer the same
 * policy. */
#include <stdlib.h>
#include <string.h>

#include "compare.h"

typedef struct member {
  char **numbers; /* as given */
  char **keys;    /* folded */
  size_t n;
  size_t group;
} member;

typedef struct group {
  size_t *members;
  size_t n;
  const char *key;
  char *cites;
} group;

struct plan_groups {
  member *m;
  size_t n, cap;
  group *g;
  size_t ng;
  bool finished;
};

static plan_status oom(plan_error *err) {
  return plan__error(err, PLAN_ENOMEM, 0, 0, 0, "out of memory");
}

plan_status plan_groups_new(plan_groups **out, plan_error *err) {
  if (!out) return plan__error(err, PLAN_EINVAL, 0, 0, 0, "out is NULL");
  *out = calloc(1, sizeof **out);
  return *out ? PLAN_OK : oom(err);
}

void plan_groups_free(plan_groups *g) {
  if (!g) return;
  for (size_t i = 0; i < g->n; i++) {
    for (size_t k = 0; k < g->m[i].n; k++) {
      free(g->m[i].numbers[k]);
      free(g->m[i].keys[k]);
    }
    free(g->m[i].numbers);
    free(g->m[i].keys);
  }
  for (size_t i = 0; i < g->ng; i++) {
    free(g->g[i].members);
    free(g->g[i].cites);
  }
  free(g->m);
  free(g->g);
  free(g);
}

plan_status plan_groups_add(plan_groups *g, const char *const *numbers, size_t n, size_t *index,
                            plan_error *err) {
  if (!g || (n && !numbers))
    return plan__error(err, PLAN_EINVAL, 0, 0, 0, "groups or numbers is NULL");
  if (g->finished)
    return plan__error(err, PLAN_EINVAL, 0, 0, 0, "the groups are finished: no member can join");
  for (size_t k = 0; k < n; k++)
    if (!numbers[k]) return plan__error(err, PLAN_EINVAL, 0, 0, 0, "number %zu is NULL", k);
  if (g->n == g->cap) {
    size_t cap = g->cap ? g->cap * 2 : 16;
    member *m = realloc(g->m, cap * sizeof *m);
    if (!m) return oom(err);
    g->m = m;
    g->cap = cap;
  }
  member *m = &g->m[g->n];
  memset(m, 0, sizeof *m);
  m->numbers = calloc(n ? n : 1, sizeof *m->numbers);
  m->keys = calloc(n ? n : 1, sizeof *m->keys);
  bool failed = !m->numbers || !m->keys;
  for (size_t k = 0; k < n && !failed; k++) {
    m->numbers[k] = strdup(numbers[k]);
    m->keys[k] = plan__fold(numbers[k], strlen(numbers[k]));
    failed = !m->numbers[k] || !m->keys[k];
    m->n = k + 1;
  }
  g->n++;
  if (index) *index = g->n - 1;
  return failed ? oom(err) : PLAN_OK;
}

plan_status plan_groups_add_doc(plan_groups *g, const plan_doc *doc, size_t *index,
                                plan_error *err) {
  if (!doc) return plan__error(err, PLAN_EINVAL, 0, 0, 0, "doc is NULL");
  size_t n = plan_doc_implements_count(doc);
  const char **nums = calloc(n ? n : 1, sizeof *nums);
  if (!nums) return oom(err);
  for (size_t i = 0; i < n; i++) nums[i] = plan_reference_number(plan_doc_implements(doc, i));
  plan_status st = plan_groups_add(g, nums, n, index, err);
  free(nums);
  return st;
}

static size_t find_root(size_t *parent, size_t i) {
  while (parent[i] != i) i = parent[i] = parent[parent[i]];
  return i;
}

/* One number one member cites, for sorting. */
typedef struct cite {
  const char *key, *number;
  size_t member, pos; /* pos: its place in the member's list */
} cite;

static int cite_cmp(const void *a, const void *b) {
  const cite *x = a, *y = b;
  int d = strcmp(x->key, y->key);
  if (d) return d;
  return x->member != y->member ? (x->member < y->member ? -1 : 1) : (x->pos > y->pos) - (x->pos < y->pos);
}

typedef struct tally {
  const char *number;
  size_t first, all, seen; /* first: members citing it first; seen: first member */
} tally;

static int tally_cmp(const void *a, const void *b) {
  const tally *x = a, *y = b;
  if (x->first != y->first) return x->first > y->first ? -1 : 1;
  if (x->all != y->all) return x->all > y->all ? -1 : 1;
  return (x->seen > y->seen) - (x->seen < y->seen);
}

/* Names a group: what most of its members implement first, then what most
 * cite, then what came first. */
static plan_status name_group(plan_groups *g, group *gr) {
  size_t nc = 0;
  for (size_t i = 0; i < gr->n; i++) nc += g->m[gr->members[i]].n;
  cite *c = malloc((nc ? nc : 1) * sizeof *c);
  tally *t = malloc((nc ? nc : 1) * sizeof *t);
  if (!c || !t) {
    free(c);
    free(t);
    return PLAN_ENOMEM;
  }
  size_t k = 0;
  for (size_t i = 0; i < gr->n; i++) {
    const member *m = &g->m[gr->members[i]];
    for (size_t j = 0; j < m->n; j++) c[k++] = (cite){m->keys[j], m->numbers[j], gr->members[i], j};
  }
  qsort(c, nc, sizeof *c, cite_cmp);
  size_t nt = 0;
  for (size_t i = 0; i < nc; i++) {
    if (i == 0 || strcmp(c[i].key, c[i - 1].key) != 0) t[nt++] = (tally){c[i].number, 0, 0, c[i].member};
    tally *x = &t[nt - 1];
    x->all++;
    x->first += c[i].pos == 0;
    if (c[i].member < x->seen) { x->seen = c[i].member; x->number = c[i].number; }
  }
  qsort(t, nt, sizeof *t, tally_cmp);
  plan_buf b = {0};
  for (size_t j = 0; j < nt; j++) {
    if (j) plan__buf_put(&b, ", ", 2);
    plan__buf_put(&b, t[j].number, strlen(t[j].number));
  }
  gr->key = nt ? t[0].number : "";
  gr->cites = plan__buf_take(&b, NULL);
  free(c);
  free(t);
  return gr->cites ? PLAN_OK : PLAN_ENOMEM;
}

plan_status plan_groups_finish(plan_groups *g, plan_error *err) {
  if (!g) return plan__error(err, PLAN_EINVAL, 0, 0, 0, "groups is NULL");
  if (g->finished) return plan__error(err, PLAN_EINVAL, 0, 0, 0, "the groups are finished already");
  size_t nc = 0;
  for (size_t i = 0; i < g->n; i++) nc += g->m[i].n;
  size_t *parent = malloc((g->n ? g->n : 1) * sizeof *parent);
  size_t *group_of_root = malloc((g->n ? g->n : 1) * sizeof *group_of_root);
  cite *c = malloc((nc ? nc : 1) * sizeof *c);
  g->g = calloc(g->n ? g->n : 1, sizeof *g->g);
  plan_status st = parent && group_of_root && c && g->g ? PLAN_OK : PLAN_ENOMEM;
  if (st == PLAN_OK) {
    /* members citing one number are joined: sort the citations by number
     * and join neighbours (n log n, for corpora of any size) */
    size_t k = 0;
    for (size_t i = 0; i < g->n; i++) {
      parent[i] = i;
      group_of_root[i] = SIZE_MAX;
      for (size_t j = 0; j < g->m[i].n; j++) c[k++] = (cite){g->m[i].keys[j], NULL, i, j};
    }
    qsort(c, nc, sizeof *c, cite_cmp);
    for (size_t i = 1; i < nc; i++)
      if (strcmp(c[i].key, c[i - 1].key) == 0) {
        size_t a = find_root(parent, c[i].member), b = find_root(parent, c[i - 1].member);
        if (a != b) parent[a > b ? a : b] = a < b ? a : b;
      }
  }
  for (size_t i = 0; i < g->n && st == PLAN_OK; i++) {
    g->m[i].group = SIZE_MAX;
    if (g->m[i].n == 0) continue; /* implements nothing found: no group */
    size_t r = find_root(parent, i);
    if (group_of_root[r] == SIZE_MAX) group_of_root[r] = g->ng++;
    group *gr = &g->g[group_of_root[r]];
    if ((gr->n & (gr->n - 1)) == 0) { /* grow at powers of two */
      size_t *mm = realloc(gr->members, (gr->n ? gr->n * 2 : 1) * sizeof *mm);
      if (!mm) { st = PLAN_ENOMEM; break; }
      gr->members = mm;
    }
    gr->members[gr->n++] = i;
    g->m[i].group = group_of_root[r];
  }
  for (size_t i = 0; i < g->ng && st == PLAN_OK; i++) st = name_group(g, &g->g[i]);
  free(parent);
  free(group_of_root);
  free(c);
  g->finished = st == PLAN_OK;
  return st == PLAN_OK ? st : oom(err);
}

size_t plan_groups_count(const plan_groups *g) { return g && g->finished ? g->ng : 0; }

const char *plan_groups_key(const plan_groups *g, size_t i) {
  return g && g->finished && i < g->ng ? g->g[i].key : NULL;
}

const char *plan_groups_cites(const plan_groups *g, size_t i) {
  return g && g->finished && i < g->ng ? g->g[i].cites : NULL;
}

size_t plan_groups_size(const plan_groups *g, size_t i) {
  return g && g->finished && i < g->ng ? g->g[i].n : 0;
}

size_t plan_groups_member(const plan_groups *g, size_t i, size_t k) {
  return g && g->finished && i < g->ng && k < g->g[i].n ? g->g[i].members[k] : SIZE_MAX;
}

size_t plan_groups_of(const plan_groups *g, size_t doc) {
  return g && g->finished && doc < g->n ? g->m[doc].group : SIZE_MAX;
}
