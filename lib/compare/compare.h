/* compare.h - the comparison's insides, shared by similarity.c, align.c,
 * worddiff.c, compare.c and the comparison renderers. */
#ifndef PLAN_COMPARE_H
#define PLAN_COMPARE_H

#include "doc/doc.h"

/* A syllable (or a pair of them) of a duty, with its weight. */
typedef struct plan_feat {
  uint64_t hash;
  double w;
  const char *word; /* the folded syllable (in the duty's key), for unigrams */
  uint32_t id;      /* its index among the comparison's distinct features */
  uint32_t wlen;    /* the syllable's length */
} plan_feat;

/* A duty as the comparison sees it. */
typedef struct plan_cduty {
  const plan_duty *duty;
  const char *item;    /* label of its assignment item */
  size_t item_index;   /* its position in that item */
  const char *key;     /* folded text: equal keys are the same duty */
  plan_feat *uni, *bi; /* sorted by hash */
  size_t nuni, nbi;
  double norm_u, norm_b, mass_u; /* L2 norms; sum of squared unigram weights */
  /* the features' ids and weights side by side (unigrams, then bigrams),
   * for the dense scoring's inner loop */
  uint32_t *fid;
  double *fw;
  uint64_t *tokens;    /* one hash per syllable of the text, for diffs */
  size_t *tok_off, *tok_len;
  size_t ntok;
} plan_cduty;

struct plan_link {
  plan_link_kind kind;
  size_t *ia, *ib;
  size_t na, nb;
  double sim, uni, bi;
  bool boilerplate;
  const char *rare;
  const char *text[2]; /* a side's duty text, or its duties' joined */
  size_t agency, a, b; /* where it belongs: diffs are computed on demand */
};

typedef struct plan_cpair {
  plan_link *links;
  size_t n;
} plan_cpair;

typedef struct plan_cagency {
  const char *id, *name, *portfolios, *kind;
  bool collective;
  plan_cduty **duties; /* per document: an array */
  size_t *count;       /* per document */
  const char **via;    /* per document: portfolio stand-ins, or NULL */
  plan_cpair *pairs;   /* per document pair a < b; NULL with PLAN_COMPARE_NO_PAIRS */
  struct plan_group *groups; /* the duty groups, made as the pairs are aligned */
  size_t ngroups;
  struct plan_gmember *members; /* the groups' members, all in one array */
  /* the union-find the groups came from, for plan_compare_export_groups:
   * each duty (all documents' in a row) its group's first duty and the
   * kinds of link it took part in (1 same, 2 reworded, 4 merged/split) */
  size_t nodes;
  size_t *root;
  unsigned char *link_flags;
} plan_cagency;

struct plan_compare {
  plan_arena arena;
  plan_compare_options o;
  const plan_doc **docs; /* canonical order */
  size_t n;
  plan_cagency *agencies;
  size_t nagencies;
  size_t total_duties;
  size_t nfeat;  /* distinct features (unigrams and bigrams) */
  double *dense; /* nfeat weights, zero but while a duty is scattered in */
  void *scratch; /* align.c's working arrays, kept from pair to pair */
  size_t scratch_cap;
  void *km_scratch; /* and the assignment solver's */
  size_t km_scratch_cap;
  /* Where the links of a pair are made: the comparison's arena when it
   * keeps them, else pair_arena, emptied after each pair. */
  plan_arena *link_arena;
  plan_arena pair_arena;
  /* The pair being aligned (while on_pair runs, the accessors see it). */
  plan_cpair current;
  size_t current_agency, current_a, current_b;
  bool in_callback;
};

/* Duty groups of one agency: duties linked (same, reworded, merged, split)
 * across documents, for the coverage matrix.  A group keeps only the
 * documents that have it (sparse: memory grows with the duties, not with
 * groups times documents). */
typedef enum plan_gstatus { PLAN_G_ABSENT = 0, PLAN_G_PRESENT, PLAN_G_REWORDED, PLAN_G_MERGED } plan_gstatus;
typedef struct plan_gmember {
  size_t doc;   /* a document that has the group */
  size_t first; /* its first duty in the group */
  plan_gstatus status;
} plan_gmember;
typedef struct plan_group {
  size_t rep_doc, rep_duty; /* the representative wording */
  plan_gmember *m;          /* in document order */
  size_t nm;
} plan_group;
/* Group k's member in document doc, or NULL where the group is absent. */
PLAN_INTERNAL const plan_gmember *plan__group_member(const plan_group *g, size_t doc);
PLAN_INTERNAL plan_gstatus plan__group_status(const plan_group *g, size_t doc);
PLAN_INTERNAL const char *plan__gstatus_name(plan_gstatus s);

/* The links of a pair of one agency, or NULL: kept ones, or while on_pair
 * runs the current pair's. */
PLAN_INTERNAL const plan_cpair *plan__pair(const plan_compare *c, size_t agency, size_t a,
                                           size_t b);

static inline size_t plan__pair_index(size_t n, size_t a, size_t b) {
  return a * (2 * n - a - 1) / 2 + (b - a - 1);
}

/* similarity.c */
PLAN_INTERNAL plan_status plan__features(plan_compare *c, plan_cduty *d);
PLAN_INTERNAL plan_status plan__weigh(plan_compare *c); /* document frequencies -> weights */
/* Dense scoring: scatter duty a's weights into c->dense (on), score any
 * number of duties b against it, then clear them again (off).  The
 * similarity is (1 - bigram_weight) * the unigram cosine + bigram_weight *
 * the bigram cosine, idf-weighted; each b costs time linear in b alone. */
PLAN_INTERNAL void plan__scatter(plan_compare *c, const plan_cduty *a, bool on);
PLAN_INTERNAL void plan__similarity_scattered(const plan_compare *c, const plan_cduty *a,
                                              const plan_cduty *b, double *sim, double *uni,
                                              double *bi);
/* The same for containment (unigrams only): a's unigrams scattered. */
PLAN_INTERNAL void plan__scatter_unigrams(plan_compare *c, const plan_cduty *a, bool on);
PLAN_INTERNAL double plan__containment_scattered(const plan_compare *c, const plan_cduty *a,
                                                 const plan_cduty *b);
/* The share of a's unigram weight that b also has. */
PLAN_INTERNAL double plan__containment(const plan_cduty *a, const plan_cduty *b);
/* Evidence for a link: rare shared words and the boilerplate flag. */
PLAN_INTERNAL void plan__evidence(plan_compare *c, plan_link *l, plan_cduty *const *as,
                                  plan_cduty *const *bs);

/* align.c: the links of one agency between two documents. */
PLAN_INTERNAL void plan__score_against(plan_compare *c, const plan_cagency *ag, size_t a,
                                       double **sims);
PLAN_INTERNAL plan_status plan__align(plan_compare *c, plan_cagency *ag, size_t a, size_t b,
                                      const double *sims, plan_cpair *out);
/* The best one-to-one assignment of an m x n score matrix (row-major);
 * match[i] is the column of row i or SIZE_MAX.  Scores <= 0 never match. */
PLAN_INTERNAL plan_status plan__assignment(const double *score, size_t m, size_t n, size_t *match);

/* worddiff.c: a minimal syllable edit script between token lists; *ops is
 * malloc'd, for the caller to free. */
PLAN_INTERNAL plan_status plan__word_diff(const uint64_t *a, size_t na,
                                          const uint64_t *b, size_t nb, plan_diff_op **ops,
                                          size_t *nops);
/* The diff of a link, computed now; *steps is malloc'd (NULL when n = 0). */
PLAN_INTERNAL plan_status plan__link_diff(const plan_compare *c, const plan_link *l,
                                          plan_diff_step **steps, size_t *n);
/* A side's text: its one duty's, or its duties' joined (into the arena). */
PLAN_INTERNAL const char *plan__side_text(plan_compare *c, plan_cduty *const *ds, size_t n);

#endif
