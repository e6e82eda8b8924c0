/* compare.c - comparing N documents: canonical document order, the duties
 * of every agency in every document (with portfolio stand-ins), weights,
 * then every document pair aligned (align.c).  And the accessors. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compare.h"

#define OPT_END(f) \
  (offsetof(plan_compare_options, f) + sizeof(((plan_compare_options *)0)->f))
static const size_t option_ends[] = {OPT_END(flags),         OPT_END(reworded_min),
                                     OPT_END(partial_min),   OPT_END(merge_min),
                                     OPT_END(bigram_weight), OPT_END(boilerplate_max),
                                     OPT_END(max_documents), OPT_END(on_pair),
                                     OPT_END(user),          OPT_END(rows_to),
                                     OPT_END(nparts)};

static bool option_size_ok(size_t size) {
  return size <= sizeof(plan_compare_options) &&
         plan__struct_size_ok(size, option_ends, sizeof option_ends / sizeof *option_ends,
                              _Alignof(plan_compare_options));
}

plan_status plan_compare_options_init_sized(plan_compare_options *o, size_t size) {
  if (!o || !option_size_ok(size)) return PLAN_EINVAL;
  plan_compare_options d;
  memset(&d, 0, sizeof d);
  d.size = size;
  d.flags = PLAN_COMPARE_DEFAULT;
  d.reworded_min = 0.30;
  d.partial_min = 0.18;
  d.merge_min = 0.55;
  d.bigram_weight = 0.5;
  d.boilerplate_max = 0.35;
  d.max_documents = 4096;
  d.rows_to = SIZE_MAX;
  memcpy(o, &d, size); /* the caller's bytes, not one more */
  return PLAN_OK;
}

static uint64_t text_hash(const plan_doc *d) {
  size_t n;
  const char *s = plan_text_data(d->outline.text, &n);
  uint64_t h = 1469598103934665603ull;
  for (size_t i = 0; i < n; i++) h = (h ^ (unsigned char)s[i]) * 1099511628211ull;
  return h;
}

static int strcmp0(const char *a, const char *b) { return strcmp(a ? a : "", b ? b : ""); }

/* A document with its text's hash, computed once for the sort. */
typedef struct doc_key {
  const plan_doc *doc;
  uint64_t hash;
} doc_key;

static int doc_order(const void *x, const void *y) {
  const doc_key *p = x, *q = y;
  const plan_doc *a = p->doc, *b = q->doc;
  int r = strcmp0(a->outline.meta[PLAN_META_PROVINCE], b->outline.meta[PLAN_META_PROVINCE]);
  if (!r) r = strcmp0(a->outline.source, b->outline.source);
  if (!r) r = (p->hash > q->hash) - (p->hash < q->hash);
  return r;
}

/* The canonical order: by province, source, text (whatever order the
 * caller gave them in). */
static plan_status canonical_order(const plan_doc **docs, size_t n) {
  doc_key *k = malloc((n ? n : 1) * sizeof *k);
  if (!k) return PLAN_ENOMEM;
  for (size_t i = 0; i < n; i++) k[i] = (doc_key){docs[i], text_hash(docs[i])};
  qsort(k, n, sizeof *k, doc_order);
  for (size_t i = 0; i < n; i++) docs[i] = k[i].doc;
  free(k);
  return PLAN_OK;
}

typedef struct owner {
  const plan_agency *agency;
  const plan_duty *duty;
  const char *item;
  size_t item_index;
} owner;

static int owner_order(const void *x, const void *y) {
  return strcmp(((const owner *)x)->agency->id, ((const owner *)y)->agency->id);
}

static bool portfolio_subset(const char *small, const char *big) {
  if (!small || !*small || !big || !*big) return false;
  for (const char *p = small; *p;) {
    const char *comma = strchr(p, ',');
    size_t n = comma ? (size_t)(comma - p) : strlen(p);
    bool found = false;
    for (const char *q = big; *q && !found;) {
      const char *c2 = strchr(q, ',');
      size_t m = c2 ? (size_t)(c2 - q) : strlen(q);
      found = m == n && memcmp(p, q, n) == 0;
      q = c2 ? c2 + 1 : q + m;
    }
    if (!found) return false;
    p = comma ? comma + 1 : p + n;
  }
  return true;
}

/* A department absent from a document whose portfolios that document
 * covers with narrower departments: their duties stand in, and the report
 * says so. */
static plan_status portfolio_stand_ins(plan_compare *c) {
  for (size_t g = 0; g < c->nagencies; g++) {
    plan_cagency *x = &c->agencies[g];
    if (strcmp(x->kind, "department") != 0 || !*x->portfolios) continue;
    for (size_t d = 0; d < c->n; d++) {
      if (x->count[d]) continue;
      plan_buf via = {0};
      size_t total = 0;
      for (size_t h = 0; h < c->nagencies; h++) {
        plan_cagency *y = &c->agencies[h];
        if (h == g || !y->count[d] || strcmp(y->kind, "department") != 0 ||
            strcmp(y->portfolios, x->portfolios) == 0 || !portfolio_subset(y->portfolios, x->portfolios))
          continue;
        if (via.len) plan__buf_putc(&via, '+');
        plan__buf_put(&via, y->id, strlen(y->id));
        total += y->count[d];
      }
      if (total) {
        plan_cduty *list = plan__arena_alloc(&c->arena, total * sizeof *list);
        if (!list) { plan__buf_free(&via); return PLAN_ENOMEM; }
        size_t k = 0;
        for (size_t h = 0; h < c->nagencies; h++) {
          plan_cagency *y = &c->agencies[h];
          if (h == g || !y->count[d] || strcmp(y->kind, "department") != 0 ||
              strcmp(y->portfolios, x->portfolios) == 0 || !portfolio_subset(y->portfolios, x->portfolios))
            continue;
          memcpy(list + k, y->duties[d], y->count[d] * sizeof *list);
          k += y->count[d];
        }
        x->duties[d] = list;
        x->count[d] = total;
        x->via[d] = plan__arena_strndup(&c->arena, via.data, via.len);
      }
      plan__buf_free(&via);
    }
  }
  return PLAN_OK;
}

static plan_status collect(plan_compare *c) {
  plan_vec own;
  plan__vec_init(&own, sizeof(owner));
  size_t *first = calloc(c->n + 1, sizeof *first);
  if (!first) return PLAN_ENOMEM;
  /* every (agency, duty) of every document: a duty belongs to the member
   * organisation that carries it, or to each agency its item names */
  for (size_t d = 0; d < c->n; d++) {
    const plan_doc *doc = c->docs[d];
    first[d] = own.len;
    for (size_t i = 0; i < doc->assigned.assignments.len; i++) {
      const plan_assignment *a = (const plan_assignment *)doc->assigned.assignments.data + i;
      for (size_t k = 0; k < a->nduties; k++) {
        const plan_duty *du = &a->duties[k];
        size_t nown = du->agency ? 1 : a->nagencies;
        for (size_t g = 0; g < nown; g++) {
          const plan_agency *ag = du->agency ? du->agency : a->agencies[g].agency;
          if ((c->o.flags & PLAN_COMPARE_EXCLUDE_COLLECTIVE) && strcmp(ag->kind, "collective") == 0)
            continue;
          owner *o = plan__vec_push(&own);
          if (!o) break;
          o->agency = ag;
          o->duty = du;
          o->item = a->label;
          o->item_index = k;
        }
      }
    }
  }
  first[c->n] = own.len;
  /* the distinct agency ids, sorted */
  owner *all = own.data;
  size_t total = own.len;
  owner *sorted = malloc((total + 1) * sizeof *sorted);
  plan_status st = sorted && !own.oom ? PLAN_OK : PLAN_ENOMEM;
  if (st == PLAN_OK) {
    if (total) memcpy(sorted, all, total * sizeof *sorted);
    qsort(sorted, total, sizeof *sorted, owner_order);
    size_t ng = 0;
    for (size_t i = 0; i < total; i++)
      if (i == 0 || strcmp(sorted[i].agency->id, sorted[i - 1].agency->id) != 0) ng++;
    c->agencies = plan__arena_alloc(&c->arena, (ng + 1) * sizeof(plan_cagency));
    if (!c->agencies) st = PLAN_ENOMEM;
    size_t g = 0;
    for (size_t i = 0; st == PLAN_OK && i < total; i++) {
      if (i && strcmp(sorted[i].agency->id, sorted[i - 1].agency->id) == 0) continue;
      plan_cagency *x = &c->agencies[g++];
      const plan_agency *ag = sorted[i].agency;
      x->id = ag->id;
      x->name = ag->name;
      x->portfolios = ag->portfolios ? ag->portfolios : "";
      x->collective = strcmp(ag->kind, "collective") == 0;
      x->kind = ag->kind;
      x->duties = plan__arena_alloc(&c->arena, c->n * sizeof *x->duties);
      x->count = plan__arena_alloc(&c->arena, c->n * sizeof *x->count);
      x->via = plan__arena_alloc(&c->arena, c->n * sizeof *x->via);
      if (!(c->o.flags & PLAN_COMPARE_NO_PAIRS)) {
        size_t npairs = c->n * (c->n - 1) / 2;
        x->pairs = plan__arena_alloc(&c->arena, (npairs + 1) * sizeof *x->pairs);
        if (!x->pairs) st = PLAN_ENOMEM;
      }
      if (!x->duties || !x->count || !x->via) st = PLAN_ENOMEM;
    }
    c->nagencies = g;
    /* each document's duties per agency, in document order */
    for (size_t d = 0; st == PLAN_OK && d < c->n; d++) {
      for (size_t i = first[d]; i < first[d + 1]; i++)
        for (size_t h = 0; h < c->nagencies; h++)
          if (strcmp(c->agencies[h].id, all[i].agency->id) == 0) c->agencies[h].count[d]++;
      for (size_t h = 0; st == PLAN_OK && h < c->nagencies; h++) {
        plan_cagency *x = &c->agencies[h];
        if (!x->count[d]) continue;
        x->duties[d] = plan__arena_alloc(&c->arena, x->count[d] * sizeof(plan_cduty));
        if (!x->duties[d]) st = PLAN_ENOMEM;
        x->count[d] = 0;
      }
      for (size_t i = first[d]; st == PLAN_OK && i < first[d + 1]; i++)
        for (size_t h = 0; st == PLAN_OK && h < c->nagencies; h++) {
          plan_cagency *x = &c->agencies[h];
          if (strcmp(x->id, all[i].agency->id) != 0) continue;
          plan_cduty *cd = &x->duties[d][x->count[d]++];
          cd->duty = all[i].duty;
          cd->item = all[i].item;
          cd->item_index = all[i].item_index;
          st = plan__features(c, cd);
        }
    }
  }
  free(sorted);
  free(first);
  plan__vec_free(&own);
  return st;
}

/* The duty groups of one agency as its pairs are aligned: a union-find
 * over its duties (all documents' in a row), each duty flagged with the
 * kinds of link it took part in. */
typedef struct grouping {
  size_t *base;   /* per document: where its duties start */
  size_t *parent; /* per duty */
  unsigned char *flags; /* 1 same, 2 reworded, 4 merged or split */
  size_t total;
} grouping;

static size_t find(size_t *parent, size_t x) {
  while (parent[x] != x) x = parent[x] = parent[parent[x]];
  return x;
}

static void grouping_free(grouping *gr) {
  free(gr->base);
  free(gr->parent);
  free(gr->flags);
}

static plan_status grouping_init(grouping *gr, const plan_compare *c, const plan_cagency *ag) {
  memset(gr, 0, sizeof *gr);
  gr->base = malloc((c->n + 1) * sizeof *gr->base);
  if (!gr->base) return PLAN_ENOMEM;
  gr->base[0] = 0;
  for (size_t d = 0; d < c->n; d++) gr->base[d + 1] = gr->base[d] + ag->count[d];
  gr->total = gr->base[c->n];
  gr->parent = malloc((gr->total + 1) * sizeof *gr->parent);
  gr->flags = calloc(gr->total + 1, 1);
  if (!gr->parent || !gr->flags) return PLAN_ENOMEM;
  for (size_t i = 0; i < gr->total; i++) gr->parent[i] = i;
  return PLAN_OK;
}

/* Joins the duties a pair's links relate. */
static void grouping_add(grouping *gr, const plan_cpair *p, size_t a, size_t b) {
  for (size_t k = 0; k < p->n; k++) {
    const plan_link *l = &p->links[k];
    unsigned char f = l->kind == PLAN_LINK_SAME ? 1 : l->kind == PLAN_LINK_REWORDED ? 2
                    : l->kind == PLAN_LINK_MERGED || l->kind == PLAN_LINK_SPLIT ? 4 : 0;
    if (!f) continue;
    size_t r = gr->base[a] + l->ia[0];
    for (size_t x = 0; x < l->na; x++) {
      gr->flags[gr->base[a] + l->ia[x]] |= f;
      gr->parent[find(gr->parent, gr->base[a] + l->ia[x])] = find(gr->parent, r);
    }
    for (size_t y = 0; y < l->nb; y++) {
      gr->flags[gr->base[b] + l->ib[y]] |= f;
      gr->parent[find(gr->parent, gr->base[b] + l->ib[y])] = find(gr->parent, r);
    }
  }
}

/* The groups, in order of their first member (documents in canonical
 * order), each with the documents that have it. */
static plan_status grouping_finish(grouping *gr, plan_compare *c, plan_cagency *ag) {
  size_t total = gr->total;
  size_t *root_group = malloc((total + 1) * sizeof *root_group);
  size_t *last_doc = malloc((total + 1) * sizeof *last_doc);
  size_t *nm = calloc(total + 1, sizeof *nm);
  plan_status st = root_group && last_doc && nm ? PLAN_OK : PLAN_ENOMEM;
  size_t ng = 0, nmembers = 0;
  if (st == PLAN_OK) {
    /* number the groups; count each one's documents */
    for (size_t i = 0; i < total; i++) root_group[i] = SIZE_MAX;
    for (size_t d = 0; d < c->n; d++)
      for (size_t k = 0; k < ag->count[d]; k++) {
        size_t r = find(gr->parent, gr->base[d] + k);
        if (root_group[r] == SIZE_MAX) {
          last_doc[ng] = SIZE_MAX;
          root_group[r] = ng++;
        }
        size_t x = root_group[r];
        if (last_doc[x] != d) {
          last_doc[x] = d;
          nm[x]++;
          nmembers++;
        }
      }
    ag->groups = plan__arena_alloc(&c->arena, (ng + 1) * sizeof *ag->groups);
    ag->members = plan__arena_alloc(&c->arena, (nmembers + 1) * sizeof *ag->members);
    if (!ag->groups || !ag->members) st = PLAN_ENOMEM;
  }
  if (st == PLAN_OK) {
    size_t at = 0;
    for (size_t x = 0; x < ng; x++) {
      ag->groups[x].m = ag->members + at;
      at += nm[x];
      ag->groups[x].rep_doc = SIZE_MAX;
    }
    for (size_t d = 0; d < c->n; d++)
      for (size_t k = 0; k < ag->count[d]; k++) {
        size_t node = gr->base[d] + k;
        plan_group *g = &ag->groups[root_group[find(gr->parent, node)]];
        if (g->rep_doc == SIZE_MAX) {
          g->rep_doc = d;
          g->rep_duty = k;
        }
        unsigned char f = gr->flags[node];
        plan_gstatus s = f & 4 ? PLAN_G_MERGED : f & 2 ? PLAN_G_REWORDED : PLAN_G_PRESENT;
        plan_gmember *m = g->nm ? &g->m[g->nm - 1] : NULL;
        if (!m || m->doc != d) {
          m = &g->m[g->nm++];
          m->doc = d;
          m->first = k;
          m->status = s;
        } else if (s > m->status) {
          m->status = s;
        }
      }
    ag->ngroups = ng;
    /* kept for plan_compare_export_groups: each duty's group's first duty */
    ag->nodes = total;
    ag->root = plan__arena_alloc(&c->arena, (total + 1) * sizeof *ag->root);
    ag->link_flags = plan__arena_alloc(&c->arena, total + 1);
    if (!ag->root || !ag->link_flags) st = PLAN_ENOMEM;
    for (size_t d = 0; st == PLAN_OK && d < c->n; d++)
      for (size_t k = 0; k < ag->count[d]; k++) {
        size_t node = gr->base[d] + k;
        const plan_group *g = &ag->groups[root_group[find(gr->parent, node)]];
        ag->root[node] = gr->base[g->rep_doc] + g->rep_duty;
        ag->link_flags[node] = gr->flags[node];
      }
  }
  free(root_group);
  free(last_doc);
  free(nm);
  return st;
}

/* The agency of id, by binary search (agencies are sorted by id), or
 * SIZE_MAX. */
static size_t agency_index(const plan_compare *c, const char *id, size_t len) {
  size_t lo = 0, hi = c->nagencies;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    const char *x = c->agencies[mid].id;
    int r = strncmp(x, id, len);
    if (r == 0) r = x[len] ? 1 : 0;
    if (r == 0) return mid;
    if (r < 0) lo = mid + 1;
    else hi = mid;
  }
  return SIZE_MAX;
}

static bool read_size(const char **p, const char *end, size_t *out) {
  const char *q = *p;
  size_t v = 0;
  if (q >= end || *q < '0' || *q > '9') return false;
  while (q < end && *q >= '0' && *q <= '9') {
    if (v > (SIZE_MAX - 9) / 10) return false;
    v = v * 10 + (size_t)(*q++ - '0');
  }
  *p = q;
  *out = v;
  return true;
}

/* Joins one part (plan_compare_export_groups of a block) into the agencies'
 * groupings; PLAN_EINVAL for a part of other documents or not a part. */
static plan_status merge_part(plan_compare *c, grouping *grs, const char *part, size_t k,
                              plan_error *err) {
  const char *p = part, *end = part + strlen(part);
  size_t n;
  static const char magic[] = "libplan-groups 1 ";
  if (strncmp(p, magic, sizeof magic - 1) != 0)
    return plan__error(err, PLAN_EINVAL, 0, 0, 0, "part %zu is not from plan_compare_export_groups", k);
  p += sizeof magic - 1;
  if (!read_size(&p, end, &n) || n != c->n || p >= end || *p++ != '\n')
    return plan__error(err, PLAN_EINVAL, 0, 0, 0, "part %zu compares other documents", k);
  while (p < end) {
    const char *sp = memchr(p, ' ', (size_t)(end - p));
    size_t total, g = sp ? agency_index(c, p, (size_t)(sp - p)) : SIZE_MAX;
    if (g == SIZE_MAX || (p = sp + 1, !read_size(&p, end, &total)) || total != grs[g].total)
      return plan__error(err, PLAN_EINVAL, 0, 0, 0, "part %zu compares other documents", k);
    while (p < end && *p == ' ') {
      size_t i, r, f;
      p++;
      if (!read_size(&p, end, &i) || p >= end || *p++ != ':' || !read_size(&p, end, &r) ||
          p >= end || *p++ != ':' || !read_size(&p, end, &f) || i >= total || r >= total || f > 7)
        return plan__error(err, PLAN_EINVAL, 0, 0, 0, "part %zu is damaged", k);
      grs[g].flags[i] |= (unsigned char)f;
      size_t a = find(grs[g].parent, i), b = find(grs[g].parent, r);
      if (a != b) grs[g].parent[a > b ? a : b] = a < b ? a : b;
    }
    if (p < end && *p++ != '\n') return plan__error(err, PLAN_EINVAL, 0, 0, 0, "part %zu is damaged", k);
  }
  return PLAN_OK;
}

/* The duty groups from the parts, aligning no pair. */
static plan_status merge_parts(plan_compare *c, plan_error *err) {
  grouping *grs = calloc(c->nagencies + 1, sizeof *grs);
  plan_status st = grs ? PLAN_OK : PLAN_ENOMEM;
  for (size_t g = 0; st == PLAN_OK && g < c->nagencies; g++) st = grouping_init(&grs[g], c, &c->agencies[g]);
  if (st != PLAN_OK) plan__error(err, st, 0, 0, 0, "out of memory");
  for (size_t k = 0; st == PLAN_OK && k < c->o.nparts; k++)
    st = c->o.parts[k] ? merge_part(c, grs, c->o.parts[k], k, err)
                       : plan__error(err, PLAN_EINVAL, 0, 0, 0, "part %zu is NULL", k);
  for (size_t g = 0; st == PLAN_OK && g < c->nagencies; g++) {
    st = grouping_finish(&grs[g], c, &c->agencies[g]);
    if (st != PLAN_OK) plan__error(err, st, 0, 0, 0, "out of memory");
  }
  for (size_t g = 0; grs && g < c->nagencies; g++) grouping_free(&grs[g]);
  free(grs);
  return st;
}

/* Every agency, every document pair: one document's duties scored against
 * all the later documents' at once, then each pair aligned, its links
 * joined into the agency's duty groups, shown to on_pair, and kept or
 * dropped. */
static plan_status align_all(plan_compare *c) {
  double **sims = calloc(c->n + 1, sizeof *sims), *block = NULL;
  size_t cap = 0;
  bool keep = !(c->o.flags & PLAN_COMPARE_NO_PAIRS);
  plan_status st = sims ? PLAN_OK : PLAN_ENOMEM;
  for (size_t g = 0; st == PLAN_OK && g < c->nagencies; g++) {
    plan_cagency *ag = &c->agencies[g];
    grouping gr;
    st = grouping_init(&gr, c, ag);
    size_t rows_to = c->o.rows_to < c->n ? c->o.rows_to : c->n;
    for (size_t a = c->o.rows_from; st == PLAN_OK && a < rows_to; a++) {
      size_t need = 0;
      for (size_t b = a + 1; b < c->n; b++) need += 3 * ag->count[a] * ag->count[b];
      if (need == 0) continue; /* no duty here or in any later document: no pair to align */
      if (need > cap) {
        double *grown = realloc(block, need * sizeof *block);
        if (!grown) { st = PLAN_ENOMEM; break; }
        block = grown;
        cap = need;
      }
      for (size_t b = a + 1, at = 0; b < c->n; b++) {
        sims[b] = block + at;
        at += 3 * ag->count[a] * ag->count[b];
      }
      plan__score_against(c, ag, a, sims);
      for (size_t b = a + 1; st == PLAN_OK && b < c->n; b++) {
        if (!ag->count[b]) continue;
        plan_cpair *p = keep ? &ag->pairs[plan__pair_index(c->n, a, b)] : &c->current;
        st = plan__align(c, ag, a, b, sims[b], p);
        if (st == PLAN_OK && c->link_arena->oom) st = PLAN_ENOMEM;
        if (st != PLAN_OK) break;
        grouping_add(&gr, p, a, b);
        if (c->o.on_pair) {
          c->current = *p;
          c->current_agency = g;
          c->current_a = a;
          c->current_b = b;
          c->in_callback = true;
          int stop = c->o.on_pair(c->o.user, c, g, a, b);
          c->in_callback = false;
          if (stop) st = PLAN_ECANCELED;
        }
        if (!keep) plan__arena_reset(&c->pair_arena); /* the pair's links, gone */
      }
    }
    if (st == PLAN_OK) st = grouping_finish(&gr, c, ag);
    grouping_free(&gr);
  }
  free(block);
  free(sims);
  return st;
}

plan_status plan_compare_new(const plan_doc *const *docs, size_t n, const plan_compare_options *opts,
                             plan_compare **out, plan_error *err) {
  if (!out) return plan__error(err, PLAN_EINVAL, 0, 0, 0, "out is NULL");
  *out = NULL;
  plan_compare_options o;
  plan_compare_options_init(&o);
  if (opts && !option_size_ok(opts->size))
    return plan__error(err, PLAN_EINVAL, 0, 0, 0,
                       opts->size ? "comparison options of %zu bytes match no version of "
                                    "plan_compare_options"
                                  : "comparison options not initialised (size %zu): call "
                                    "plan_compare_options_init() first",
                       opts->size);
  if (opts) {
    memcpy(&o, opts, opts->size);
    o.size = sizeof o;
  }
  const struct { const char *name; double x; } knobs[] = {
      {"reworded_min", o.reworded_min},   {"partial_min", o.partial_min},
      {"merge_min", o.merge_min},         {"bigram_weight", o.bigram_weight},
      {"boilerplate_max", o.boilerplate_max}};
  for (size_t k = 0; k < sizeof knobs / sizeof *knobs; k++)
    if (!(knobs[k].x >= 0 && knobs[k].x <= 1)) /* NaN fails both */
      return plan__error(err, PLAN_EINVAL, 0, 0, 0, "%s is %g: expected a number from 0 to 1",
                         knobs[k].name, knobs[k].x);
  if (!docs || n < 2) return plan__error(err, PLAN_EINVAL, 0, 0, 0, "a comparison needs two documents or more");
  bool block = o.rows_from != 0 || o.rows_to != SIZE_MAX;
  if (o.rows_from > o.rows_to)
    return plan__error(err, PLAN_EINVAL, 0, 0, 0, "rows_from %zu is past rows_to %zu", o.rows_from, o.rows_to);
  if (o.nparts && (!o.parts || block))
    return plan__error(err, PLAN_EINVAL, 0, 0, 0,
                       o.parts ? "parts are merged, not aligned: no rows_from or rows_to with them"
                               : "nparts without parts");
  if (block || o.nparts) o.flags |= PLAN_COMPARE_NO_PAIRS; /* a block's or a merge's: no pairs */
  if (n > o.max_documents)
    return plan__error(err, PLAN_ELIMIT, 0, 0, 0, "%zu documents exceed the limit of %zu", n, o.max_documents);
  for (size_t i = 0; i < n; i++) {
    if (!docs[i]) return plan__error(err, PLAN_EINVAL, 0, 0, 0, "document %zu is NULL", i);
    for (size_t j = 0; j < i; j++)
      if (docs[i] == docs[j]) return plan__error(err, PLAN_EINVAL, 0, 0, 0, "document %zu is given twice", i);
  }
  plan_compare *c = calloc(1, sizeof *c);
  if (!c) return plan__error(err, PLAN_ENOMEM, 0, 0, 0, "out of memory");
  c->o = o;
  c->link_arena = o.flags & PLAN_COMPARE_NO_PAIRS ? &c->pair_arena : &c->arena;
  c->n = n;
  c->docs = plan__arena_alloc(&c->arena, n * sizeof *c->docs);
  plan_status st = c->docs ? PLAN_OK : PLAN_ENOMEM;
  if (st == PLAN_OK) {
    memcpy(c->docs, docs, n * sizeof *c->docs);
    st = canonical_order(c->docs, n);
  }
  if (st == PLAN_OK) {
    st = collect(c);
  }
  if (st == PLAN_OK) st = plan__weigh(c);
  if (st == PLAN_OK && !(o.flags & PLAN_COMPARE_NO_PORTFOLIO)) st = portfolio_stand_ins(c);
  if (st == PLAN_OK && o.nparts) {
    st = merge_parts(c, err);
    if (st == PLAN_EINVAL) {
      plan_compare_free(c);
      return st; /* err says which part */
    }
  } else if (st == PLAN_OK) {
    st = align_all(c); /* and the duty groups: c is read only after */
  }
  if (st == PLAN_OK && c->arena.oom) st = PLAN_ENOMEM;
  if (st != PLAN_OK) {
    plan_compare_free(c);
    return plan__error(err, st, 0, 0, 0, "%s",
                       st == PLAN_ECANCELED ? "the comparison was stopped by on_pair" : plan_strerror(st));
  }
  *out = c;
  return PLAN_OK;
}

void plan_compare_free(plan_compare *c) {
  if (!c) return;
  free(c->dense);
  free(c->scratch);
  free(c->km_scratch);
  plan__arena_free(&c->arena);
  plan__arena_free(&c->pair_arena);
  free(c);
}

size_t plan_compare_document_count(const plan_compare *c) { return c ? c->n : 0; }

_Static_assert((int)PLAN_G_ABSENT == (int)PLAN_GROUP_ABSENT && (int)PLAN_G_MERGED == (int)PLAN_GROUP_MERGED,
               "the public group statuses are the internal ones");

const char *plan_group_status_name(plan_group_status s) {
  return (unsigned)s <= PLAN_GROUP_MERGED ? plan__gstatus_name((plan_gstatus)s) : "unknown";
}

static const plan_group *group_at(const plan_compare *c, size_t agency, size_t k, size_t doc) {
  if (!c || agency >= c->nagencies || doc >= c->n) return NULL;
  const plan_cagency *ag = &c->agencies[agency];
  return k < ag->ngroups ? &ag->groups[k] : NULL;
}

size_t plan_compare_group_count(const plan_compare *c, size_t agency) {
  return c && agency < c->nagencies ? c->agencies[agency].ngroups : 0;
}

plan_group_status plan_compare_group_status(const plan_compare *c, size_t agency, size_t k,
                                            size_t doc) {
  const plan_group *g = group_at(c, agency, k, doc);
  return g ? (plan_group_status)plan__group_status(g, doc) : PLAN_GROUP_ABSENT;
}

const plan_duty *plan_compare_group_duty(const plan_compare *c, size_t agency, size_t k,
                                         size_t doc) {
  const plan_group *g = group_at(c, agency, k, doc);
  const plan_gmember *m = g ? plan__group_member(g, doc) : NULL;
  return m ? c->agencies[agency].duties[doc][m->first].duty : NULL;
}

size_t plan_compare_group_representative(const plan_compare *c, size_t agency, size_t k) {
  const plan_group *g = group_at(c, agency, k, 0);
  return g ? g->rep_doc : SIZE_MAX;
}
const plan_doc *plan_compare_document(const plan_compare *c, size_t i) {
  return c && i < c->n ? c->docs[i] : NULL;
}
size_t plan_compare_agency_count(const plan_compare *c) { return c ? c->nagencies : 0; }
const char *plan_compare_agency_id(const plan_compare *c, size_t i) {
  return c && i < c->nagencies ? c->agencies[i].id : NULL;
}
const char *plan_compare_agency_name(const plan_compare *c, size_t i) {
  return c && i < c->nagencies ? c->agencies[i].name : NULL;
}
int plan_compare_agency_collective(const plan_compare *c, size_t i) {
  return c && i < c->nagencies && c->agencies[i].collective;
}
size_t plan_compare_duty_count(const plan_compare *c, size_t g, size_t d) {
  return c && g < c->nagencies && d < c->n ? c->agencies[g].count[d] : 0;
}
const plan_duty *plan_compare_duty(const plan_compare *c, size_t g, size_t d, size_t k) {
  return k < plan_compare_duty_count(c, g, d) ? c->agencies[g].duties[d][k].duty : NULL;
}
const char *plan_compare_duty_item(const plan_compare *c, size_t g, size_t d, size_t k) {
  return k < plan_compare_duty_count(c, g, d) ? c->agencies[g].duties[d][k].item : NULL;
}
const char *plan_compare_agency_via(const plan_compare *c, size_t g, size_t d) {
  return c && g < c->nagencies && d < c->n ? c->agencies[g].via[d] : NULL;
}

const plan_cpair *plan__pair(const plan_compare *c, size_t g, size_t a, size_t b) {
  if (!c || g >= c->nagencies || a >= c->n || b >= c->n || a == b) return NULL;
  if (a > b) { size_t t = a; a = b; b = t; }
  if (c->in_callback && g == c->current_agency && a == c->current_a && b == c->current_b)
    return &c->current;
  return c->agencies[g].pairs ? &c->agencies[g].pairs[plan__pair_index(c->n, a, b)] : NULL;
}
size_t plan_compare_link_count(const plan_compare *c, size_t g, size_t a, size_t b) {
  const plan_cpair *p = plan__pair(c, g, a, b);
  return p ? p->n : 0;
}
const plan_link *plan_compare_link(const plan_compare *c, size_t g, size_t a, size_t b, size_t i) {
  const plan_cpair *p = plan__pair(c, g, a, b);
  return p && i < p->n ? &p->links[i] : NULL;
}

const char *plan_link_kind_name(plan_link_kind k) {
  static const char *const names[] = {"", "same", "reworded", "merged", "split", "partial", "only_a", "only_b"};
  return (unsigned)k < sizeof names / sizeof *names ? names[k] : "unknown";
}
plan_link_kind plan_link_kind_of(const plan_link *l) { return l ? l->kind : 0; }
size_t plan_link_duty_count(const plan_link *l, int side) { return l ? (side ? l->nb : l->na) : 0; }
size_t plan_link_duty(const plan_link *l, int side, size_t i) {
  if (!l || i >= (side ? l->nb : l->na)) return SIZE_MAX;
  return side ? l->ib[i] : l->ia[i];
}
double plan_link_similarity(const plan_link *l) { return l ? l->sim : 0; }
double plan_link_unigram(const plan_link *l) { return l ? l->uni : 0; }
double plan_link_bigram(const plan_link *l) { return l ? l->bi : 0; }
int plan_link_boilerplate(const plan_link *l) { return l && l->boilerplate; }
const char *plan_link_rare_words(const plan_link *l) { return l ? l->rare : NULL; }
plan_status plan_link_diff(const plan_compare *c, const plan_link *l, plan_diff_step **steps,
                           size_t *n, plan_error *err) {
  if (!c || !l || !steps || !n)
    return plan__error(err, PLAN_EINVAL, 0, 0, 0, "comparison, link, steps or n is NULL");
  plan_status st = plan__link_diff(c, l, steps, n);
  return st == PLAN_OK ? st : plan__error(err, st, 0, 0, 0, "%s", plan_strerror(st));
}
const char *plan_link_text(const plan_link *l, int side) { return l ? l->text[side ? 1 : 0] : NULL; }

/* ---- duty groups ---------------------------------------------------- */

const char *plan__gstatus_name(plan_gstatus s) {
  static const char *const names[] = {"absent", "present", "reworded", "merged"};
  return names[s];
}

const plan_gmember *plan__group_member(const plan_group *g, size_t doc) {
  size_t lo = 0, hi = g->nm;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (g->m[mid].doc < doc) lo = mid + 1;
    else hi = mid;
  }
  return lo < g->nm && g->m[lo].doc == doc ? &g->m[lo] : NULL;
}

plan_gstatus plan__group_status(const plan_group *g, size_t doc) {
  const plan_gmember *m = plan__group_member(g, doc);
  return m ? m->status : PLAN_G_ABSENT;
}

plan_status plan_compare_export_groups(const plan_compare *c, char **out, size_t *len,
                                       plan_error *err) {
  if (out) *out = NULL;
  if (!c || !out) return plan__error(err, PLAN_EINVAL, 0, 0, 0, "cmp or out is NULL");
  plan_buf b = {0};
  plan__buf_printf(&b, "libplan-groups 1 %zu\n", c->n);
  for (size_t g = 0; g < c->nagencies; g++) {
    const plan_cagency *ag = &c->agencies[g];
    plan__buf_printf(&b, "%s %zu", ag->id, ag->nodes);
    for (size_t i = 0; i < ag->nodes; i++)
      if (ag->root[i] != i || ag->link_flags[i])
        plan__buf_printf(&b, " %zu:%zu:%u", i, ag->root[i], (unsigned)ag->link_flags[i]);
    plan__buf_putc(&b, '\n');
  }
  if (b.oom) {
    plan__buf_free(&b);
    return plan__error(err, PLAN_ENOMEM, 0, 0, 0, "out of memory");
  }
  *out = plan__buf_take(&b, len);
  return *out ? PLAN_OK : plan__error(err, PLAN_ENOMEM, 0, 0, 0, "out of memory");
}
