/* assign.c - who must do what: the agency items of the part that assigns
 * duties, the agencies each names, its duties, the member organisations
 * that carry some of them, and the agencies a duty mentions with their
 * roles.  Reads the tree (tree.c) and the agency lexicon (agencies.c). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "assign.h"

/* Titles of the part that assigns duties (folded). */
static const char *const assigning_titles[] = {
    "to chuc thuc hien", "phan cong nhiem vu", "phan cong trach nhiem",
    "trach nhiem cua cac", "trach nhiem thuc hien", "giao nhiem vu",
};

static const struct { const char *words; plan_role role; } role_words[] = {
    {"chu tri", PLAN_ROLE_LEAD},        {"phoi hop", PLAN_ROLE_COORDINATE},
    {"tham muu", PLAN_ROLE_ADVISE},     {"bao cao", PLAN_ROLE_REPORT},
    {"qua", PLAN_ROLE_REPORT},          {"gui", PLAN_ROLE_REPORT},
};

enum { PHRASE_BITS = 256 }; /* the first-word set of roles */

typedef struct ctx {
  plan_outline *doc;
  plan_assigned *out;
  size_t *unknown;    /* the unknown agencies by id: indices into out->agencies plus one */
  size_t unknown_cap; /* a power of two, kept under half full */
  size_t nunknown;
  const plan_lexicon *lex;
  plan_words province;
  plan_words head;  /* an item's heading's words, the list reused for each */
  plan_words duty;  /* a duty's words, the list reused for each */
  plan_words elided; /* "Sở " and a name a list left it out of, reused */
  plan_vec scratch; /* of plan_mention, reused */
  plan_vec duties;  /* of plan_duty: an item's, reused */
  plan_buf fold;    /* a title folded, reused */
  plan_text_cursor pos; /* duties come in the text's order: positions are found on from here */
  const plan_agency **known; /* the record of each lexicon agency, once made */
  uint32_t thoi;    /* plan__word_hash("thoi"), where a deadline starts */
  bool oom;         /* a duty's words could not be made */
  bool bare_owner;  /* headings read now may name their owner after "Trách nhiệm" alone */
  const bool *taken; /* by paragraph, what earlier passes made agency items; or NULL */
  /* plan__word_hash() of each role phrase's first word, and a set of
   * them: a word not in the set starts none */
  uint32_t role_first[sizeof role_words / sizeof *role_words];
  uint64_t roles[PHRASE_BITS / 64];
} ctx;

static uint32_t first_word_hash(const char *phrase) {
  return plan__word_hash_n(phrase, strcspn(phrase, " "));
}


/* s[b, e) without trailing separators, copied into the document; *len
 * gets its length when len is not NULL. */
static char *span_dup_len(plan_outline *doc, const char *s, size_t b, size_t e, size_t *len) {
  while (e > b && (s[e - 1] == ',' || s[e - 1] == ':' || s[e - 1] == ';' || s[e - 1] == ' ')) e--;
  if (len) *len = e - b;
  return plan__arena_strndup(&doc->arena, s + b, e - b);
}

/* s[0, n) as a duty's text: s itself when that is all of it and nothing
 * is trimmed (the document owns both), else a trimmed copy. */
static const char *duty_text(plan_outline *doc, const char *s, size_t n, size_t *len) {
  char last = n ? s[n - 1] : ',';
  if (s[n] != '\0' || last == ',' || last == ':' || last == ';' || last == ' ')
    return span_dup_len(doc, s, 0, n, len);
  *len = n;
  return s;
}

/* Whether s[0, n) holds a letter or a digit: text a duty can be. */
static bool has_words(const char *s, size_t n) {
  for (size_t i = 0; i < n; i++) {
    unsigned char ch = (unsigned char)s[i];
    if (ch >= 0x80 || (ch >= '0' && ch <= '9') || ((ch | 0x20) >= 'a' && (ch | 0x20) <= 'z'))
      return true;
  }
  return false;
}

/* The length of a node's text: it runs to its paragraph's end. */
static size_t node_text_len(const plan_outline *doc, const plan_node *k) {
  if (k->para < doc->npara) {
    const plan_para *p = &doc->paras[k->para];
    uintptr_t t = (uintptr_t)k->text, pt = (uintptr_t)p->text;
    if (t >= pt && t <= pt + p->len) return p->len - (size_t)(t - pt);
  }
  return strlen(k->text);
}

static char *span_dup(plan_outline *doc, const char *s, size_t b, size_t e) {
  return span_dup_len(doc, s, b, e, NULL);
}

/* The document's record of lexicon agency i, made on first use. */
static const plan_agency *known_agency(ctx *c, size_t i) {
  plan_outline *doc = c->doc;
  if (c->known[i]) return c->known[i];
  plan_agency_info info;
  plan__agency_info(c->lex, i, &info);
  plan_agency *a = plan__arena_alloc(&doc->arena, sizeof *a);
  const plan_agency **slot = a ? plan__vec_push(&c->out->agencies) : NULL;
  if (!slot) return NULL;
  a->id = plan__arena_strndup(&doc->arena, info.id, strlen(info.id));
  a->name = plan__arena_strndup(&doc->arena, info.name, strlen(info.name));
  a->kind = plan__arena_strndup(&doc->arena, info.kind, strlen(info.kind));
  a->level = plan__arena_strndup(&doc->arena, info.level, strlen(info.level));
  a->portfolios = plan__arena_strndup(&doc->arena, info.portfolios, strlen(info.portfolios));
  a->known = true;
  a->lex_index = (long)i;
  *slot = a;
  c->known[i] = a;
  return a;
}

static size_t hash_id(const char *s) {
  uint64_t h = 1469598103934665603ull;
  for (; *s; s++) h = (h ^ (unsigned char)*s) * 1099511628211ull;
  return (size_t)(h ^ h >> 29);
}

/* The unknown agency with this id, or NULL with *at the free slot for it. */
static const plan_agency *find_unknown(const ctx *c, const char *id, size_t *at) {
  const plan_agency **all = c->out->agencies.data;
  for (size_t i = hash_id(id) & (c->unknown_cap - 1);; i = (i + 1) & (c->unknown_cap - 1)) {
    *at = i;
    if (!c->unknown[i]) return NULL;
    if (strcmp(all[c->unknown[i] - 1]->id, id) == 0) return all[c->unknown[i] - 1];
  }
}

/* Room in the index for one more unknown agency; false out of memory. */
static bool unknown_room(ctx *c) {
  if ((c->nunknown + 1) * 2 <= c->unknown_cap) return true;
  size_t cap = c->unknown_cap ? c->unknown_cap * 2 : 64;
  size_t *slots = calloc(cap, sizeof *slots);
  if (!slots) return false;
  size_t *old = c->unknown, old_cap = c->unknown_cap;
  c->unknown = slots;
  c->unknown_cap = cap;
  const plan_agency **all = c->out->agencies.data;
  for (size_t k = 0; k < old_cap; k++) {
    if (!old[k]) continue;
    size_t at;
    find_unknown(c, all[old[k] - 1]->id, &at);
    slots[at] = old[k];
  }
  free(old);
  return true;
}

/* An agency the lexicon does not know: its id comes from its folded name,
 * so the same name gets the same id in every document. */
static const plan_agency *unknown_agency(ctx *c, const plan_words *ws, size_t b, size_t e,
                                         const char *text) {
  plan_outline *doc = c->doc;
  plan_buf id = {0};
  plan__buf_put(&id, "x", 1);
  for (size_t i = b; i < e && i < b + 8; i++) {
    plan__buf_putc(&id, '-');
    const char *w = plan__word_key(ws, i);
    plan__buf_put(&id, w, strlen(w));
  }
  plan__buf_putc(&id, '\0');
  if (id.oom || !unknown_room(c)) {
    c->oom = true;
    plan__buf_free(&id);
    return NULL;
  }
  size_t at;
  const plan_agency *found = find_unknown(c, id.data, &at);
  if (found) {
    plan__buf_free(&id);
    return found;
  }
  plan_agency *a = plan__arena_alloc(&doc->arena, sizeof *a);
  const plan_agency **slot = a ? plan__vec_push(&c->out->agencies) : NULL;
  if (slot) {
    c->unknown[at] = c->out->agencies.len; /* the slot just pushed, plus one */
    c->nunknown++;
    a->id = plan__arena_strndup(&doc->arena, id.data, strlen(id.data));
    a->name = text;
    a->kind = "unknown";
    a->level = "";
    a->portfolios = "";
    a->known = false;
    a->lex_index = -1;
    *slot = a;
  }
  plan__buf_free(&id);
  return slot ? a : NULL;
}

/* The agency whose alias starts at word i, or NULL. */
static const plan_agency *agency_at(ctx *c, const plan_words *ws, size_t i, size_t *n) {
  size_t idx;
  if (!plan__agency_at(c->lex, ws, i, &c->province, &idx, n)) return NULL;
  return known_agency(c, idx);
}

/* Does a duty verb (data/duty_verbs.tsv, and the caller's) start at word i? */
static bool verb_at(const ctx *c, const plan_words *ws, size_t i) {
  return plan__duty_verb_at(c->lex, ws, i);
}

/* The role words of a duty's current clause, read once as the mentions
 * are met left to right (reading back from each mention to the clause's
 * start cost a list of n agencies n times n). */
enum { RECENT_ROLES = 16 };
typedef struct role_scan {
  size_t next; /* words read so far */
  struct { size_t start, end; plan_role role; } recent[RECENT_ROLES]; /* oldest first */
  size_t n;
} role_scan;

/* The role the words before word i give an agency named there: the nearest
 * role phrase that ends by i, back to the start of the clause. */
static plan_role role_before(const ctx *c, const plan_words *ws, size_t i, role_scan *rs) {
  for (; rs->next < i; rs->next++) {
    size_t j = rs->next;
    if (j > 0 && plan__word_clause_end(ws, j - 1)) rs->n = 0; /* a new clause */
    uint32_t h = plan__word(ws, j)->hash;
    for (size_t r = 0; plan__bit(c->roles, PHRASE_BITS, h) && r < sizeof role_words / sizeof *role_words; r++) {
      size_t n;
      if (c->role_first[r] != h || !plan__words_match_str(ws, j, role_words[r].words, &n)) continue;
      if (rs->n == RECENT_ROLES) { /* the oldest goes: a nearer one ends by any later i */
        memmove(rs->recent, rs->recent + 1, (RECENT_ROLES - 1) * sizeof *rs->recent);
        rs->n--;
      }
      rs->recent[rs->n].start = j;
      rs->recent[rs->n].end = j + n;
      rs->recent[rs->n++].role = role_words[r].role;
    }
  }
  /* the nearest start first; at one start, the table's order */
  for (size_t k = rs->n; k-- > 0;) {
    size_t first = k;
    while (first > 0 && rs->recent[first - 1].start == rs->recent[k].start) first--;
    for (size_t m = first; m <= k; m++)
      if (rs->recent[m].end <= i) return rs->recent[m].role;
    k = first;
  }
  return PLAN_ROLE_NAMED;
}

static plan_mention *keep_mentions(ctx *c, size_t *n) {
  *n = c->scratch.len;
  if (!*n) return NULL;
  plan_mention *m = plan__arena_alloc(&c->doc->arena, *n * sizeof *m);
  if (m) memcpy(m, c->scratch.data, *n * sizeof *m);
  c->scratch.len = 0;
  return m;
}

static void push_mention(ctx *c, const plan_agency *a, plan_role role, const char *s,
                         size_t b, size_t e) {
  plan_mention *m = plan__vec_push(&c->scratch);
  if (!m || !a) return;
  m->agency = a;
  m->role = role;
  m->text = span_dup(c->doc, s, b, e);
}

/* Bytes of text after a list's "Sở" read for a department's name. */
#define ELIDED_SCAN 160

/* "các Sở: Xây dựng, Tài chính, Nội vụ": after a generic "các Sở" and its
 * colon, departments named by what follows "Sở" in each.  Reads s[b, n)
 * for such names one after another (a comma, a semicolon or "và" between
 * them), pushes a mention of each with role, and returns where the last
 * ends, or b when the list names none (what follows is then the generic
 * body's: "các sở: phối hợp ..."). */
static size_t elided_departments(ctx *c, const char *s, size_t b, size_t n, plan_role role) {
  static const char so[] = "Sở ";
  const size_t sol = sizeof so - 1;
  char buf[sizeof so + ELIDED_SCAN];
  size_t p = b, end = b;
  for (;;) {
    while (p < n && s[p] == ' ') p++;
    size_t take = n - p < ELIDED_SCAN ? n - p : ELIDED_SCAN;
    while (take > 0 && p + take < n && ((unsigned char)s[p + take] & 0xC0) == 0x80) take--;
    if (take == 0) break;
    memcpy(buf, so, sol);
    memcpy(buf + sol, s + p, take);
    if (plan__words_refill(c->lex, buf, sol + take, &c->elided) != PLAN_OK) {
      c->oom = true;
      break;
    }
    size_t idx, len;
    if (!plan__agency_at(c->lex, &c->elided, 0, &c->province, &idx, &len) || len < 2) break;
    const plan_agency *ag = known_agency(c, idx);
    if (!ag || strcmp(ag->kind, "department") != 0) break;
    size_t e = p + plan__word_end(&c->elided, len - 1) - sol;
    push_mention(c, ag, role, s, p, e);
    end = p = e;
    while (p < n && (s[p] == ' ' || s[p] == ',' || s[p] == ';')) p++;
    if (n - p > 4 && memcmp(s + p, "và ", 4) == 0) p += 4;
  }
  return end;
}

/* Whether words i and i + 1 are a generic "các Sở" that a colon ends: a
 * list of departments by the rest of their names follows. */
static bool elided_list_at(const plan_words *ws, size_t i, const char *s, size_t n) {
  if (i + 1 >= plan__words_count(ws) || strcmp(plan__word_key(ws, i), "cac") != 0 ||
      strcmp(plan__word_key(ws, i + 1), "so") != 0)
    return false;
  size_t e = plan__word_end(ws, i + 1);
  return e < n && s[e] == ':';
}

/* The first word from i on where a mention or a deadline may start, or
 * the word count: the scan over a duty's words, in a loop of its own so
 * that it keeps everything in registers. */
static size_t next_candidate(const ctx *c, const plan_words *ws, size_t i, uint64_t province) {
  const plan_word *w = ws->words.data;
  size_t nw = plan__words_count(ws);
  const plan_lexicon *lex = c->lex;
  uint32_t thoi = c->thoi;
  for (; i + 1 < nw; i++)
    if (w[i].hash == thoi || plan__alias_may_start(lex, w[i].hash, w[i + 1].hash, province))
      return i;
  if (i < nw && (w[i].hash == thoi || plan__alias_may_start(lex, w[i].hash, 0, province))) return i;
  return nw;
}

/* Fills a duty from text s[b, e) of paragraph para: span, member
 * organisation, mentions, deadline. */
static void fill_duty(ctx *c, plan_duty *d, const plan_para *p, const char *s, size_t b, size_t e,
                      const plan_assignment *item) {
  plan_outline *doc = c->doc;
  size_t text_len;
  d->text = b == 0 ? duty_text(doc, s, e, &text_len) : span_dup_len(doc, s, b, e, &text_len);
  if (p) {
    size_t off = (size_t)(s - p->text) + b;
    d->para = p;
    d->para_off = off;
    plan__doc_position_from(doc, &c->pos, plan__para_norm(p, off), &d->start, &d->line);
    plan__doc_position_from(doc, &c->pos, plan__para_norm(p, (size_t)(s - p->text) + e), &d->end,
                            NULL);
  }
  plan_words *ws = &c->duty;
  if (!d->text || plan__words_refill(c->lex, d->text, text_len, ws) != PLAN_OK) {
    c->oom = true;
    return;
  }
  size_t start = 0, n;
  if (plan__words_match_str(ws, 0, "de nghi", &n)) start = n;
  size_t skip_to = 0;
  const plan_agency *carrier = agency_at(c, ws, start, &n);
  if (carrier) {
    bool own = false;
    for (size_t k = 0; k < item->nagencies; k++) own |= item->agencies[k].agency == carrier;
    if (!own) d->agency = carrier;
    skip_to = start + n;
  }
  size_t nw = plan__words_count(ws);
  uint64_t province = plan__province_first(&c->province);
  role_scan rs = {0};
  for (size_t i = next_candidate(c, ws, skip_to, province); i < nw;
       i = next_candidate(c, ws, i, province)) {
    size_t len;
    uint32_t h = plan__word(ws, i)->hash;
    if (h == c->thoi &&
        (plan__words_match_str(ws, i, "thoi gian thuc hien", &len) ||
         plan__words_match_str(ws, i, "thoi gian hoan thanh", &len))) {
      size_t j = i + len;
      while (j < nw && !plan__word_clause_end(ws, j)) j++;
      if (i + len < nw) {
        size_t last = j < nw ? j : nw - 1;
        d->deadline = span_dup(doc, d->text, plan__word_start(ws, i + len), plan__word_end(ws, last));
      }
      i = j + 1;
      continue;
    }
    const plan_agency *a = agency_at(c, ws, i, &len);
    size_t listed;
    if (a && elided_list_at(ws, i, d->text, text_len) &&
        (listed = elided_departments(c, d->text, plan__word_end(ws, i + 1) + 1, text_len,
                                     role_before(c, ws, i, &rs))) > plan__word_end(ws, i + 1) + 1) {
      /* "phối hợp với các Sở: Tài chính, Tư pháp": the departments named */
      i += 2;
      while (i < nw && plan__word_start(ws, i) < listed) i++;
    } else if (a) {
      push_mention(c, a, role_before(c, ws, i, &rs), d->text, plan__word_start(ws, i),
                   plan__word_end(ws, i + len - 1));
      i += len;
    } else {
      i++;
    }
  }
  d->mentions = keep_mentions(c, &d->nmentions);
}

/* Whether node k holds text of its own: an item or a paragraph (an
 * attached document nested under an item holds its own parts). */
static bool holds_text(const plan_node *k) {
  return k->kind == PLAN_NODE_ITEM || k->kind == PLAN_NODE_PARAGRAPH;
}

/* The node after g in a depth-first walk of the items and paragraphs
 * under k, past what is under g unless enter; NULL after the last. */
static const plan_node *next_under(const plan_node *k, const plan_node *g, bool enter) {
  if (enter && holds_text(g) && g->first) return g->first;
  for (; g != k; g = g->parent)
    if (g->next) return g->next;
  return NULL;
}

static bool names_task_lead(ctx *c, const plan_node *k);

/* Fills a duty from item k, whose text is body[0, n): with the items and
 * paragraphs under it, when it has any ("8. Chỉ đạo ... các công tác:"
 * over "a) ...", "b) ..."; "1. ... có trách nhiệm:" over its bullets), so
 * that no text of theirs is lost; each keeps its marker.  A task that
 * names its own lead ("- ... Cơ quan chủ trì: Sở Tư pháp") is that
 * agency's, not this duty's. */
static void fill_duty_with_items(ctx *c, plan_duty *d, const plan_node *k, const char *body,
                                 size_t n, const plan_assignment *item) {
  plan_outline *doc = c->doc;
  const plan_para *kp = &doc->paras[k->para];
  const plan_node *last = NULL;
  plan_buf text = {0};
  const plan_node *g = k->first;
  while (g) {
    const plan_para *gp = g->para < doc->npara ? &doc->paras[g->para] : NULL;
    if (!holds_text(g) || !gp || g->para == k->para || !has_words(gp->text, gp->len)) {
      g = next_under(k, g, true);
      continue;
    }
    if (g->kind == PLAN_NODE_ITEM && names_task_lead(c, g)) {
      g = next_under(k, g, false);
      continue;
    }
    if (!text.len) plan__buf_put(&text, body, n);
    plan__buf_putc(&text, ' ');
    plan__buf_put(&text, gp->text, gp->len);
    last = g;
    g = next_under(k, g, true);
  }
  if (!last || text.oom) {
    if (text.oom) c->oom = true;
    plan__buf_free(&text);
    fill_duty(c, d, kp, body, 0, n, item);
    return;
  }
  char *joined = plan__arena_strndup(&doc->arena, text.data, text.len);
  size_t len = text.len;
  plan__buf_free(&text);
  if (!joined) {
    c->oom = true;
    return;
  }
  fill_duty(c, d, NULL, joined, 0, len, item);
  plan__doc_position_from(doc, &c->pos, plan__para_norm(kp, (size_t)(body - kp->text)), &d->start,
                          &d->line);
  d->end = last->end;
}

/* Whether s[0, n) opens with a duty's verb (data/duty_verbs.tsv); reads
 * it into the heading's word list, which the caller is done with. */
static bool opens_with_verb(ctx *c, const char *s, size_t n) {
  if (plan__words_refill(c->lex, s, n, &c->head) != PLAN_OK) {
    c->oom = true;
    return false;
  }
  return plan__words_count(&c->head) > 0 && verb_at(c, &c->head, 0);
}

static size_t after_owner_opener(const plan_words *ws, bool *requested);
static bool agency_item(ctx *c, const plan_node *n);

/* How many of n's numbered items are agency items, two at most: two say
 * that n is a level over bodies of their own ("1. Sở Tài chính"). */
static size_t count_bodies(ctx *c, const plan_node *n) {
  size_t bodies = 0;
  for (const plan_node *k = n->first; k && bodies < 2; k = k->next)
    if (k->kind == PLAN_NODE_ITEM && k->marker != PLAN_MARKER_BULLET && agency_item(c, k))
      bodies++;
  return bodies;
}

/* How many of n's items are a level over two agency items or more, two at
 * most: "Chương II. TRÁCH NHIỆM PHỐI HỢP CỦA CÁC CƠ QUAN" over articles,
 * each over the bodies' items. */
static size_t count_groups(ctx *c, const plan_node *n) {
  size_t groups = 0;
  for (const plan_node *k = n->first; k && groups < 2; k = k->next)
    if (k->kind == PLAN_NODE_ITEM && k->marker != PLAN_MARKER_BULLET && k->first && count_bodies(c, k) >= 2)
      groups++;
  return groups;
}

/* The key of s[0, n) in the reused buffer c->fold (valid until the next
 * call), or NULL when it could not be made. */
static const char *folded(ctx *c, const char *s, size_t n) {
  c->fold.len = 0;
  plan__key_append(&c->fold, s, n);
  plan__buf_putc(&c->fold, '\0');
  if (c->fold.oom) {
    c->oom = true;
    return NULL;
  }
  return c->fold.data;
}

/* "trách nhiệm phối hợp của các ...": the bodies' responsibility in a role
 * (role_words), as "trách nhiệm của các" names it with none. */
static bool role_responsibility(const char *key) {
  static const char tn[] = "trach nhiem ", cua[] = " cua cac";
  for (const char *t = strstr(key, tn); t; t = strstr(t + 1, tn)) {
    const char *r = t + sizeof tn - 1;
    for (size_t k = 0; k < sizeof role_words / sizeof *role_words; k++) {
      const char *w = role_words[k].words;
      size_t wl = strlen(w);
      if (strchr(w, ' ') && strncmp(r, w, wl) == 0 && strncmp(r + wl, cua, sizeof cua - 1) == 0)
        return true; /* "qua", "gửi" (no space) are no role alone */
    }
  }
  return false;
}

static bool is_assigning(ctx *c, const plan_node *n) {
  const char *t = n->title ? n->title : n->text;
  size_t len = strnlen(t, 200);
  if (!folded(c, t, len)) return false;
  bool yes = false, collective = false;
  for (size_t i = 0; i < sizeof assigning_titles / sizeof *assigning_titles; i++)
    if (strstr(c->fold.data, assigning_titles[i])) {
      yes = true;
      collective |= strcmp(assigning_titles[i], "trach nhiem cua cac") == 0;
    }
  if (!yes && role_responsibility(c->fold.data)) yes = collective = true;
  if (yes && collective && !strstr(c->fold.data, "to chuc thuc hien")) {
    /* "Trách nhiệm của các cơ quan, đơn vị": a part when its items are
     * bodies of their own, or levels over such, else that body's item */
    return count_bodies(c, n) + count_groups(c, n) >= 2;
  }
  if (yes || !n->title) return yes;
  /* "Trách nhiệm của Sở Nông nghiệp và Môi trường; Ủy ban nhân dân các xã":
   * the duties of two or more bodies, each an item below; with one body,
   * or items below that are duties, not bodies, the heading is the item
   * of the bodies it names */
  plan_words *ws = &c->head;
  size_t at;
  if (plan__words_refill(c->lex, t, len, ws) != PLAN_OK) {
    c->oom = true;
    return false;
  }
  bool requested;
  at = after_owner_opener(ws, &requested);
  if (at == 0 || requested) return false;
  size_t bodies = 0, nw = plan__words_count(ws), idx, n_words;
  for (size_t i = at; i < nw && bodies < 2;) {
    if (plan__agency_at(c->lex, ws, i, &c->province, &idx, &n_words)) {
      bodies++;
      i += n_words;
    } else {
      i++;
    }
  }
  return bodies >= 2 && count_bodies(c, n) >= 2;
}

/* Words before the agency in an item's heading that say whose duties
 * follow ("Trách nhiệm của Sở Tài chính", "Đề nghị Hội ...": a request to
 * a body the province does not direct). */
static const struct { const char *words; bool requested; } duty_owner_openers[] = {
    {"trach nhiem cua", false}, {"nhiem vu cua", false}, {"nhiem vu cu the cua", false},
    {"de nghi", true},          {"giao", false},         {"uy quyen cho", false},
};

/* Where the agency of a heading's words starts: after an opener of
 * duty_owner_openers, else at the first word.  *requested: the opener
 * asks rather than assigns. */
static size_t after_owner_opener(const plan_words *ws, bool *requested) {
  size_t len;
  *requested = false;
  for (size_t k = 0; k < sizeof duty_owner_openers / sizeof *duty_owner_openers; k++)
    if (plan__words_match_str(ws, 0, duty_owner_openers[k].words, &len)) {
      *requested = duty_owner_openers[k].requested;
      return len;
    }
  return 0;
}

/* Does word i open a body's name, known to the lexicon or not ("Sở ...",
 * "Các cơ quan", "Chi cục"; data/agency_heads.tsv)? */
static bool agency_head_at(const ctx *c, const plan_words *ws, size_t i) {
  return plan__agency_head_at(c->lex, ws, i);
}

/* Whether the heading names its owner: "Trách nhiệm của doanh nghiệp viễn
 * thông", "Nhiệm vụ của ..." say that what follows them is the body the
 * duties are for, whatever its first word. */
static bool owner_named(const plan_words *ws, size_t start) {
  size_t len;
  return start > 0 && start < plan__words_count(ws) &&
         (plan__words_match_str(ws, 0, "trach nhiem cua", &len) ||
          plan__words_match_str(ws, 0, "nhiem vu cua", &len) ||
          plan__words_match_str(ws, 0, "nhiem vu cu the cua", &len));
}

/* Whether the words from start on open with an agency: one the lexicon
 * knows, a body's head word ("Sở ...", "Trung tâm ..."), or any words a
 * "Trách nhiệm của" names as the owner. */
static bool opens_with_agency(ctx *c, const plan_words *ws, size_t start) {
  size_t nw = plan__words_count(ws), len, idx;
  if (start >= nw) return false;
  /* the lexicon's look-up alone: no record is made for a mere test */
  return plan__agency_at(c->lex, ws, start, &c->province, &idx, &len) ||
         agency_head_at(c, ws, start) || owner_named(ws, start);
}

/* The items of group k as duties of item a. */
static void group_duties(ctx *c, plan_outline *doc, const plan_node *k, plan_vec *duties,
                           const plan_assignment *a) {
  for (const plan_node *g = k->first; g; g = g->next) {
    if (g->kind != PLAN_NODE_ITEM || !has_words(g->text, node_text_len(doc, g))) continue;
    plan_duty *d = plan__vec_push(duties);
    if (d) fill_duty_with_items(c, d, g, g->text, node_text_len(doc, g), a);
  }
}

/* Whether word i begins with a capital letter: inside a heading written in
 * mixed case, a duty's verb after a name is lower case ("Văn phòng đăng ký
 * đất đai tiếp nhận hồ sơ") and a capitalised one belongs to the name
 * ("Bộ phận Tiếp nhận và Trả kết quả", "Phòng Tổng hợp"). */
static bool capitalized(const char *head, const plan_words *ws, size_t i, bool mixed_case) {
  if (!mixed_case) return false;
  size_t at = plan__word_start(ws, i);
  int32_t cp;
  ptrdiff_t k = plan__utf8_next(head + at, strlen(head + at), &cp);
  return k > 0 && utf8proc_category(cp) == UTF8PROC_CATEGORY_LU;
}

/* Where the name that opens a heading at word start ends, looking from
 * word from on: before a duty's verb, or after a colon ("Sở Xây dựng:
 * ..."), never inside parentheses ("(sau đây gọi là Chi cục)"). */
static size_t name_end(const ctx *c, const char *head, const plan_words *ws, size_t start,
                       size_t from) {
  size_t nw = plan__words_count(ws), cut = from;
  if (start >= nw) return nw;
  int depth = 0;
  bool mixed_case = !plan__is_upper_text(head, strlen(head));
  for (size_t pos = plan__word_start(ws, start); cut < nw; cut++) {
    for (size_t to = plan__word_start(ws, cut); pos < to; pos++) {
      if (head[pos] == '(') depth++;
      else if (head[pos] == ')' && depth > 0) depth--;
    }
    if (plan__word_colon(ws, cut - 1)) break;
    /* a name listed after the first ("..., Sở Xây dựng, Sở Tư pháp") is
     * read whole: its words are no verb */
    size_t idx, len;
    if (depth == 0 && cut > start &&
        plan__agency_at(c->lex, ws, cut, &c->province, &idx, &len) && len > 1) {
      cut += len - 1;
      continue;
    }
    if (depth == 0 && verb_at(c, ws, cut) && !capitalized(head, ws, cut, mixed_case)) break;
  }
  return cut;
}

/* "Chánh Văn phòng ..., Giám đốc Sở ... chịu trách nhiệm thi hành Quyết
 * định này": the closing article names who executes the decision; it
 * assigns no duty. */
static bool executes_decision(ctx *c, const plan_para *p) {
  const char *key = folded(c, p->text, p->len);
  return key && strstr(key, "chiu trach nhiem thi hanh") != NULL;
}

/* Phrases of time or ground a heading may open with before its agency
 * ("Định kỳ 06 tháng hoặc đột xuất, Văn phòng UBND tỉnh báo cáo ...",
 * "Trên cơ sở quy định tại [3], Sở Xây dựng ..."). */
static const struct { const char *words; bool time; } time_openers[] = {
    {"dinh ky", true},     {"hang nam", true},    {"hang quy", true},
    {"hang thang", true},  {"truoc ngay", true},  {"trong quy", true},
    {"trong thang", true}, {"tren co so", false}, {"can cu", false}};

/* Where the words after an opening phrase of time or ground and its comma
 * start; 0 without one, or when no comma ends it within a few words.
 * *time: the phrase says when ("Định kỳ 06 tháng"), not on what ground. */
static size_t after_time_phrase(const plan_words *ws, bool *time) {
  size_t len, nw = plan__words_count(ws);
  for (size_t t = 0; t < sizeof time_openers / sizeof *time_openers; t++) {
    if (!plan__words_match_str(ws, 0, time_openers[t].words, &len)) continue;
    *time = time_openers[t].time;
    for (size_t i = len - 1; i < nw && i < 16; i++)
      if (plan__word_comma(ws, i)) return i + 1 < nw ? i + 1 : 0;
    return 0;
  }
  return 0;
}

/* "Các đơn vị thuộc Chi cục gồm:", "Hội đồng Quản lý gồm có:": a heading
 * that is a body's name and "gồm" says what the body consists of, and its
 * items are members (units, people), not duties.  A duty that leads into a
 * list ("... tổ chức rà soát các công trình, bao gồm:") has its verb before
 * the "gồm", and stays one. */
static bool lists_members(const ctx *c, const char *head, const plan_words *ws, size_t start) {
  size_t nw = plan__words_count(ws), g;
  if (nw < 2 || nw - start > 12) return false;
  const char *last = plan__word_key(ws, nw - 1), *before = plan__word_key(ws, nw - 2);
  if (strcmp(last, "gom") == 0) g = nw - 1;
  else if (strcmp(last, "co") == 0 && strcmp(before, "gom") == 0) g = nw - 2;
  else return false;
  if (g > start && strcmp(plan__word_key(ws, g - 1), "bao") == 0) g--;
  return g > start && name_end(c, head, ws, start, start + 1) >= g;
}

/* "Các tổ chức thuộc Sở Quy hoạch - Kiến trúc:" over "- Văn phòng;", "-
 * Phòng Quy hoạch chung;": items that are each a body's name and nothing
 * more list the members of the body the heading names, not its duties (a
 * member's duty goes on past the name with its verb: "Phòng Văn hóa chủ
 * trì ..."). */
static bool lists_names(ctx *c, const plan_vec *duties) {
  if (duties->len < 2) return false;
  plan_words *ws = &c->elided; /* free here: the heading's words may still be read */
  for (size_t k = 0; k < duties->len; k++) {
    const char *t = ((const plan_duty *)duties->data)[k].text;
    if (!t || plan__words_refill(c->lex, t, strlen(t), ws) != PLAN_OK) {
      c->oom |= t != NULL;
      return false;
    }
    size_t nw = plan__words_count(ws);
    if (nw == 0 || !agency_head_at(c, ws, 0) || name_end(c, t, ws, 0, 1) < nw) return false;
  }
  return true;
}

/* How far text (after a heading's colon) is a list of proper names, as a
 * collective body's heading names its members ("Ủy ban nhân dân các xã:"
 * / "Gia Thuận, Tân Điền, Gò Công Đông"): names of one to four words, each
 * word capitalised as place and person names are (a duty's words after
 * its first are not), between commas or "và", to the text's end.  0 when
 * it is not such a list. */
static size_t place_names(ctx *c, const char *text) {
  size_t n = strlen(text);
  plan_words *ws = &c->elided;
  if (plan__words_refill(c->lex, text, n, ws) != PLAN_OK) {
    c->oom = true;
    return 0;
  }
  size_t nw = plan__words_count(ws), in_name = 0, names = 0;
  for (size_t i = 0; i < nw; i++) {
    if (strcmp(plan__word_key(ws, i), "va") == 0 && in_name) {
      in_name = 0;
      continue;
    }
    if (!capitalized(text, ws, i, true) || ++in_name > 4) return 0;
    names += in_name == 1;
    if (plan__word_comma(ws, i)) in_name = 0;
    else if (plan__word_clause_end(ws, i) && i + 1 < nw) return 0;
  }
  return names >= 2 ? plan__word_end(ws, nw - 1) : 0;
}

/* Records n as a heading of an assigning part that names no agency. */
static plan_status non_assignment(plan_assigned *out, const plan_node *n) {
  const plan_node **slot = plan__vec_push(&out->non_assignments);
  if (slot) *slot = n;
  return slot ? PLAN_OK : PLAN_ENOMEM;
}

/* Adds agency item a with the duties built in the scratch list duties
 * (c->duties lent out; given back here). */
static plan_status add_assignment(ctx *c, plan_assignment *a, plan_vec duties) {
  plan_outline *doc = c->doc;
  a->nduties = duties.len;
  a->duties = plan__arena_alloc(&doc->arena, (duties.len + 1) * sizeof(plan_duty));
  if (a->duties && duties.len) memcpy(a->duties, duties.data, duties.len * sizeof(plan_duty));
  bool oom = duties.oom || !a->duties;
  c->duties = duties;
  c->duties.oom = false;
  plan_assignment *slot = oom ? NULL : plan__vec_push(&c->out->assignments);
  if (!slot) return PLAN_ENOMEM;
  *slot = *a;
  return PLAN_OK;
}

/* Where a name ends before the parenthesis that defines a short form for
 * it ("Chi cục Kiểm lâm (sau đây viết tắt là Chi cục)"): the short form is
 * the document's, not the body's name.  cut when there is none. */
static size_t before_definition(const char *head, const plan_words *ws, size_t start, size_t cut) {
  for (size_t i = start + 1; i + 1 < cut; i++) {
    size_t at = plan__word_start(ws, i);
    if (at > 0 && head[at - 1] == '(' && plan__words_match_str(ws, i, "sau day", NULL)) return i;
  }
  return cut;
}

/* Titles of a body's head, before its name ("Thủ trưởng các đơn vị ..."). */
static const char *const leader_titles[] = {"thu truong", "giam doc", "chu tich"};

/* Whether a name listed in a heading may begin at word i: after a comma
 * or "và". */
static bool listed_at(const plan_words *ws, size_t i) {
  return i > 0 && (plan__word_comma(ws, i - 1) || strcmp(plan__word_key(ws, i - 1), "va") == 0);
}

/* A body the lexicon does not know, listed in a heading beside ones it
 * knows ("Công ty Điện lực Quảng Trị, Hợp tác xã dịch vụ điện Quảng Phú và
 * các đơn vị bán lẻ điện"): at the heading's start, or after a comma or
 * "và" a head word with a capital, its name running to the next listed
 * name and holding no known body.  Adds it and answers the word after its
 * name; i when none starts at i. */
static size_t listed_unknown(ctx *c, const char *head, const plan_words *ws, size_t i,
                             size_t start, size_t cut, bool mixed_case) {
  size_t idx, len;
  if (!(i == start || (listed_at(ws, i) && capitalized(head, ws, i, mixed_case))) ||
      !agency_head_at(c, ws, i) || plan__agency_at(c->lex, ws, i, &c->province, &idx, &len))
    return i;
  size_t e = i + 1;
  for (; e < cut; e++) {
    bool known = plan__agency_at(c->lex, ws, e, &c->province, &idx, &len);
    if (listed_at(ws, e) && (known || (agency_head_at(c, ws, e) && capitalized(head, ws, e, mixed_case))))
      break;
    /* "... và các đơn vị bán lẻ điện": kinds of body, no name, end it */
    if (listed_at(ws, e) && !known && (strcmp(plan__word_key(ws, e), "cac") == 0 ||
                                       strcmp(plan__word_key(ws, e), "nhung") == 0))
      break;
    /* "Chủ tịch Ủy ban nhân dân cấp xã", "Trung tâm ... thuộc Sở ...": a
     * known body inside says whose head or part it is; read as before */
    if (known) return i;
  }
  size_t end = before_definition(head, ws, i, e < cut && !plan__word_comma(ws, e - 1) ? e - 1 : e);
  /* "Thủ trưởng các đơn vị thoát nước": the body is the one its head leads */
  size_t b = i, tl;
  for (size_t t = 0; t < sizeof leader_titles / sizeof *leader_titles; t++)
    if (plan__words_match_str(ws, i, leader_titles[t], &tl) && i + tl < end && agency_head_at(c, ws, i + tl)) {
      b = i + tl;
      break;
    }
  const char *name = span_dup(c->doc, head, plan__word_start(ws, b), plan__word_end(ws, end - 1));
  const plan_agency *ag = name ? unknown_agency(c, ws, b, end, name) : NULL;
  if (!ag) c->oom = true;
  else push_mention(c, ag, PLAN_ROLE_NAMED, head, plan__word_start(ws, b), plan__word_end(ws, end - 1));
  return e;
}

/* The duties under item n, after any on its own line (already in
 * *duties): its items and the paragraphs that lead into them or go on a
 * duty; without items or duties, its paragraphs joined as one. */
static void duties_under(ctx *c, const plan_node *n, plan_vec *duties, const plan_assignment *a) {
  plan_outline *doc = c->doc;
  plan_duty *d;
  bool items = false, has_items = false, text_duty = duties->len > 0;
  for (const plan_node *k = n->first; k && !has_items; k = k->next) has_items = k->kind == PLAN_NODE_ITEM;
  for (const plan_node *k = n->first; k; k = k->next) {
    /* a paragraph under the item: the lead-in before its items ("Sở ...
     * là cơ quan ..., có trách nhiệm:"), or, after a duty on the item's
     * own line, one that opens with a duty's verb ("Phối hợp với ..."),
     * is a duty (what else follows such a line, a caption or a form's
     * fields, is not) */
    if (k->kind == PLAN_NODE_PARAGRAPH && k->para < doc->npara) {
      size_t klen = node_text_len(doc, k);
      if (has_words(k->text, klen) && (has_items || (text_duty && opens_with_verb(c, k->text, klen))) &&
          (d = plan__vec_push(duties)))
        fill_duty(c, d, &doc->paras[k->para], k->text, 0, klen, a);
      continue;
    }
    if (k->kind != PLAN_NODE_ITEM) continue;
    items = true;
    /* "1. Trách nhiệm trong việc quản lý ứng dụng" over "a) ...", "b) ...":
     * a heading that groups duties, which are its items ("8. Chỉ đạo ...
     * các công tác:" over its items is one duty, led in by a colon) */
    const plan_para *kp = &doc->paras[k->para];
    if (k->title && !*k->text && k->first && k->first != k->last && kp->len &&
        kp->text[kp->len - 1] != ':') {
      group_duties(c, doc, k, duties, a);
      continue;
    }
    /* the whole item: one with a heading ("1.1. Bố trí kinh phí", "1. Sở
     * Xây dựng là cơ quan ... về: hướng dẫn, ...") was split into the
     * heading and a text; a bullet with no words ("-" alone in a table
     * cell) is no duty */
    const char *body = k->title && k->para < doc->npara ? kp->text + kp->body_off : k->text;
    size_t body_len = body == k->text ? node_text_len(doc, k) : kp->len - kp->body_off;
    if (!has_words(body, body_len)) continue;
    if ((d = plan__vec_push(duties))) fill_duty_with_items(c, d, k, body, body_len, a);
  }
  if (!items && duties->len == 0) {
    /* An item without bullets is one duty: its paragraphs, joined. */
    const plan_node *first = NULL, *last = NULL;
    plan_buf text = {0};
    for (const plan_node *k = n->first; k; k = k->next) {
      if (k->kind != PLAN_NODE_PARAGRAPH) continue;
      if (text.len) plan__buf_putc(&text, ' ');
      plan__buf_put(&text, k->text, strlen(k->text));
      if (!first) first = k;
      last = k;
    }
    if (text.oom) c->oom = true;
    if (first && !text.oom && (d = plan__vec_push(duties))) {
      char *joined = plan__arena_strndup(&doc->arena, text.data, text.len);
      if (joined) {
        fill_duty(c, d, NULL, joined, 0, text.len, a);
        d->start = first->start;
        d->end = last->end;
        d->line = first->line;
      }
    }
    plan__buf_free(&text);
  }
}

/* Whether the words from i on say what a body is responsible for ("có
 * trách nhiệm", "chịu trách nhiệm", "có nhiệm vụ") and go on past it. */
static bool states_responsibility(const plan_words *ws, size_t i) {
  static const char *const phrases[] = {"co trach nhiem", "chiu trach nhiem", "co nhiem vu"};
  size_t len;
  for (size_t k = 0; k < sizeof phrases / sizeof *phrases; k++)
    if (plan__words_match_str(ws, i, phrases[k], &len) && i + len < plan__words_count(ws)) return true;
  return false;
}

/* One candidate item; adds an assignment or a non-assignment.  strict: the
 * heading must open with the agency (a bullet "- Sở Nội vụ hướng dẫn ..."),
 * else the item is no assignment and nothing is recorded; *added says
 * whether it made an assignment. */
static plan_status item(ctx *c, const plan_node *n, bool in_part, bool strict, bool *added) {
  plan_outline *doc = c->doc;
  const plan_para *p = &doc->paras[n->para];
  const char *head = n->title ? n->title : n->text;
  size_t head_len = strlen(head);
  plan_words *ws = &c->head;
  if (plan__words_refill(c->lex, head, head_len, ws) != PLAN_OK) return PLAN_ENOMEM;
  size_t nw = plan__words_count(ws), start, len;
  plan_assignment a;
  memset(&a, 0, sizeof a);
  a.label = n->label;
  a.node = n;
  start = after_owner_opener(ws, &a.requested);
  size_t bare;
  if (start == 0 && c->bare_owner && plan__words_match_str(ws, 0, "trach nhiem", &bare)) start = bare;
  bool timed = false;
  if (start == 0 && !opens_with_agency(c, ws, 0)) start = after_time_phrase(ws, &timed);
  if ((strict && !opens_with_agency(c, ws, start)) || executes_decision(c, p) ||
      (n->title && lists_members(c, head, ws, start)))
    return in_part ? non_assignment(c->out, n) : PLAN_OK;
  /* "Định kỳ 06 tháng, Văn phòng ... báo cáo ...": when the duties of the
   * heading are due (read now: the word list is refilled further on) */
  const char *when = timed && start > 0 ? span_dup(doc, head, 0, plan__word_end(ws, start - 1)) : NULL;
  /* the agency's name is no place for a verb ("Sở Xây dựng") */
  size_t cut = start + 1, idx;
  if (start < nw && plan__agency_at(c->lex, ws, start, &c->province, &idx, &len) && len > 1)
    cut = start + len;
  cut = name_end(c, head, ws, start, cut);
  bool mixed_case = !plan__is_upper_text(head, head_len);
  bool some_known = false;
  for (size_t i = start; i < cut && !some_known; i++)
    some_known = plan__agency_at(c->lex, ws, i, &c->province, &idx, &len);
  for (size_t i = start; i < cut;) {
    size_t e;
    if (some_known && (e = listed_unknown(c, head, ws, i, start, cut, mixed_case)) > i) {
      i = e;
      continue;
    }
    const plan_agency *ag = agency_at(c, ws, i, &len);
    /* "các sở, cơ quan thuộc Ủy ban nhân dân tỉnh", "bộ phận chuyên trách
     * tại các cơ quan, đơn vị": a body named after "thuộc" or "tại" says
     * whose or where the others are, it is not assigned */
    if (ag && i > start && (strcmp(plan__word_key(ws, i - 1), "thuoc") == 0 ||
                            strcmp(plan__word_key(ws, i - 1), "tai") == 0)) {
      i += len;
      continue;
    }
    if (ag) {
      bool seen = false;
      for (size_t k = 0; k < c->scratch.len; k++)
        seen |= ((plan_mention *)c->scratch.data)[k].agency == ag;
      if (!seen)
        push_mention(c, ag, PLAN_ROLE_NAMED, head, plan__word_start(ws, i),
                     plan__word_end(ws, i + len - 1));
      i += len;
    } else {
      i++;
    }
  }
  if (start < nw) { /* "... Hội An (Trung tâm)": with the parenthesis it closes */
    size_t e = plan__word_end(ws, cut - 1);
    while (head[e] == ')') e++;
    a.heading = span_dup(doc, head, plan__word_start(ws, start), e);
  }
  /* "Trách nhiệm của các Sở:" / "Xây dựng, Tài chính, Nội vụ.": the
   * departments the list after the colon names, not every department */
  size_t listed = 0;
  if (n->title && *n->text && a.heading && cut == nw && c->scratch.len == 1 && nw >= 2 &&
      strcmp(plan__word_key(ws, nw - 2), "cac") == 0 && strcmp(plan__word_key(ws, nw - 1), "so") == 0) {
    c->scratch.len = 0;
    listed = elided_departments(c, n->text, 0, strlen(n->text), PLAN_ROLE_NAMED);
    if (listed) {
      size_t hl = strlen(a.heading), need = hl + 2 + listed + 1;
      char *h = plan__arena_alloc(&doc->arena, need);
      if (h) snprintf(h, need, "%s: %.*s", a.heading, (int)listed, n->text);
      a.heading = h;
      while (n->text[listed] && strchr(" .,;:", n->text[listed])) listed++;
    } else {
      c->scratch.len = 1; /* no list: the generic body it was, pushed first */
    }
  } else if (n->title && *n->text && a.heading && cut == nw && c->scratch.len == 1 && nw >= 2 &&
             strcmp(plan__word_key(ws, nw - 2), "cac") == 0 && (listed = place_names(c, n->text))) {
    /* "Ủy ban nhân dân các xã: Gia Thuận, Tân Điền": which of them, not a duty */
    size_t hl = strlen(a.heading), need = hl + 2 + listed + 1;
    char *h = plan__arena_alloc(&doc->arena, need);
    if (h) snprintf(h, need, "%s: %.*s", a.heading, (int)listed, n->text);
    a.heading = h;
    while (n->text[listed] && strchr(" .,;:", n->text[listed])) listed++;
  }
  if (c->scratch.len == 0 && start < nw && (agency_head_at(c, ws, start) || owner_named(ws, start))) {
    size_t last = before_definition(head, ws, start, cut);
    /* a body per name the heading lists ("Văn phòng đăng ký đất đai, Chi
     * nhánh Văn phòng đăng ký đất đai"): after a comma or "và", a head word
     * written with a capital begins the next name (in lower case it goes on
     * a list of kinds: "các phòng, ban, đơn vị") */
    for (size_t b = start, i = start + 1; i <= last; i++) {
      bool and = i < last && strcmp(plan__word_key(ws, i - 1), "va") == 0;
      if (i < last && !(listed_at(ws, i) && agency_head_at(c, ws, i) && capitalized(head, ws, i, mixed_case)))
        continue;
      size_t e = and ? i - 1 : i; /* the name ends before "và" */
      const char *name = b == start && i == last && last == cut
                             ? a.heading
                             : span_dup(doc, head, plan__word_start(ws, b), plan__word_end(ws, e - 1));
      const plan_agency *ag = name && e > b ? unknown_agency(c, ws, b, e, name) : NULL;
      if (ag) push_mention(c, ag, PLAN_ROLE_NAMED, head, plan__word_start(ws, b), plan__word_end(ws, e - 1));
      b = i;
    }
  }
  a.agencies = keep_mentions(c, &a.nagencies);
  if (a.nagencies == 0) return in_part ? non_assignment(c->out, n) : PLAN_OK;

  /* The duties, in order. */
  plan_vec duties = c->duties; /* the scratch list, given back below */
  duties.len = 0;
  plan_duty *d;
  /* where the heading (a trimmed copy of the paragraph's text up to the
   * colon) starts in the paragraph's body, or SIZE_MAX */
  const char *body = p->text + p->body_off;
  size_t body_len = p->len - p->body_off, lead = SIZE_MAX;
  if (n->title) {
    size_t tl = strlen(n->title);
    for (lead = 0; lead < body_len && body[lead] == ' ';) lead++;
    if (lead + tl > body_len || memcmp(body + lead, n->title, tl) != 0) lead = SIZE_MAX;
  }
  if (n->title && *n->text && listed) { /* the list was the heading's */
    size_t tl = node_text_len(doc, n);
    if (listed < tl && (d = plan__vec_push(&duties))) fill_duty(c, d, p, n->text, listed, tl, &a);
  } else if (n->title && *n->text) { /* "Agency: duty ..." */
    /* "Sở Y tế chủ trì, phối hợp với các đơn vị: Văn phòng ...": a heading
     * that goes on past the name holds the duty's start */
    if ((d = plan__vec_push(&duties))) {
      if (cut < nw && lead != SIZE_MAX)
        fill_duty(c, d, p, body, lead + plan__word_start(ws, cut), body_len, &a);
      else
        fill_duty(c, d, p, n->text, 0, node_text_len(doc, n), &a);
    }
  } else if (n->title && cut < nw && lead != SIZE_MAX && p->len && p->text[p->len - 1] != ':' &&
             states_responsibility(ws, cut)) {
    /* "2. Các cơ quan, đơn vị có trách nhiệm theo dõi, tổng hợp ... (qua
     * Sở Nội vụ)" over "a) Công an tỉnh: ...": a heading over items that
     * goes on past the name with the body's responsibility, and into no
     * colon, is a duty of its own */
    if ((d = plan__vec_push(&duties))) fill_duty(c, d, p, body, lead + plan__word_start(ws, cut), body_len, &a);
  } else if (!n->title && cut < nw) {
    /* "Agency ... does this; Member organisation does that." */
    size_t b = cut;
    for (size_t i = cut; i < nw; i++) {
      bool last = i + 1 == nw;
      size_t alen;
      if (!last && plan__word_clause_end(ws, i) && agency_at(c, ws, i + 1, &alen)) {
        if ((d = plan__vec_push(&duties)))
          fill_duty(c, d, p, head, plan__word_start(ws, b), plan__word_end(ws, i), &a);
        b = i + 1;
      } else if (last) {
        if ((d = plan__vec_push(&duties)))
          fill_duty(c, d, p, head, plan__word_start(ws, b), head_len, &a);
      }
    }
  }
  for (size_t k = 0; k < duties.len; k++) {
    plan_duty *hd = (plan_duty *)duties.data + k;
    if (!hd->deadline) hd->deadline = when;
  }
  duties_under(c, n, &duties, &a);
  if (lists_names(c, &duties)) {
    c->duties = duties; /* the scratch list, kept */
    return in_part ? non_assignment(c->out, n) : PLAN_OK;
  }
  if (add_assignment(c, &a, duties) != PLAN_OK) return PLAN_ENOMEM;
  if (added) *added = true;
  return PLAN_OK;
}

/* How many of n's numbered items are headed by a body the lexicon knows
 * and nothing else ("1. Sở Nông nghiệp và Môi trường:" over its duties),
 * two at most: stricter than count_bodies, since the level above may name
 * a body itself. */
static size_t count_named_bodies(ctx *c, const plan_node *n) {
  size_t bodies = 0;
  for (const plan_node *k = n->first; k && bodies < 2; k = k->next) {
    if (k->kind != PLAN_NODE_ITEM || k->marker == PLAN_MARKER_BULLET || !k->title) continue;
    plan_words *ws = &c->head;
    if (plan__words_refill(c->lex, k->title, strlen(k->title), ws) != PLAN_OK) {
      c->oom = true;
      return 0;
    }
    bool requested;
    size_t start = after_owner_opener(ws, &requested), idx, len;
    if (plan__agency_at(c->lex, ws, start, &c->province, &idx, &len) &&
        start + len == plan__words_count(ws))
      bodies++;
  }
  return bodies;
}

/* The items of an assigning part.  An item that names no agency but holds
 * items of its own is a level of grouping ("1. Trách nhiệm của các sở" /
 * "1.1. Sở Tài chính"): its items are looked at in turn.  Bullets and
 * lettered items count when they open with the agency ("- Sở Nội vụ
 * hướng dẫn ..."). */
static plan_status assigning_part(ctx *c, const plan_node *part, bool *found, size_t depth) {
  plan_status st = PLAN_OK;
  for (const plan_node *k = part->first; k && st == PLAN_OK; k = k->next) {
    if (k->kind != PLAN_NODE_ITEM) continue;
    /* a part read again as a list of agencies: what it holds was read */
    if (c->taken && k->para < c->doc->npara && c->taken[k->para]) continue;
    bool bullet = k->marker == PLAN_MARKER_BULLET, added = false;
    bool groups = false;
    for (const plan_node *g = k->first; g && !groups; g = g->next)
      groups = g->kind == PLAN_NODE_ITEM && g->marker != PLAN_MARKER_BULLET;
    /* "Điều 18. Trách nhiệm của các Sở, Ban, ngành" over "1. Sở Nông
     * nghiệp và Môi trường:", "2. Sở Xây dựng:": even when it names a
     * body, an item over two agency items of their own is a level of
     * grouping, its items the agency items */
    /* and so is an item titled as an assigning part itself ("Điều 15.
     * Trách nhiệm của các Sở, ngành" under "TỔ CHỨC THỰC HIỆN") */
    if (groups && depth < 4 && (count_named_bodies(c, k) >= 2 || is_assigning(c, k))) {
      st = assigning_part(c, k, found, depth + 1);
      continue;
    }
    /* below a grouping level, an item must open with its agency */
    st = item(c, k, !bullet && !groups, bullet || groups || depth > 0, &added);
    *found |= added;
    if (st == PLAN_OK && !added && groups && depth < 4) st = assigning_part(c, k, found, depth + 1);
  }
  return st;
}

/* Agency items a part needs, and the share of its numbered items they must
 * be, to assign duties by its items alone ("IV. NHIỆM VỤ CỤ THỂ" / "1. Sở
 * Nông nghiệp và Môi trường" / "2. Sở Văn hóa ..."). */
#define AGENCY_LIST_MIN 3

/* Whether agency item k opens with a body the lexicon knows (read after
 * agency_item, whose word list of k's heading is still there). */
static bool opens_known(ctx *c) {
  bool requested;
  size_t start = after_owner_opener(&c->head, &requested), idx, len;
  return start < plan__words_count(&c->head) &&
         plan__agency_at(c->lex, &c->head, start, &c->province, &idx, &len);
}

static bool agency_list(ctx *c, const plan_node *n) {
  size_t items = 0, agencies = 0, known = 0;
  for (const plan_node *k = n->first; k; k = k->next) {
    if (k->kind != PLAN_NODE_ITEM || k->marker == PLAN_MARKER_BULLET) continue;
    items++;
    if (agency_item(c, k)) {
      agencies++;
      known += opens_known(c);
    }
  }
  /* bodies the lexicon does not know, alone, are as likely one body's
   * rules item by item ("a) Hội đồng xét duyệt ...", "b) Thành viên Hội
   * đồng ...") as an assignment: two known bodies say which */
  return agencies >= AGENCY_LIST_MIN && agencies * 3 >= items * 2 && known >= 2;
}

/* Looks for the parts that assign duties at any depth: under a chapter, an
 * article ("Điều 3. Tổ chức thực hiện") or an attached plan. */
static plan_status container(ctx *c, const plan_node *root, bool *found) {
  plan_status st = PLAN_OK;
  for (const plan_node *n = root->first; n && st == PLAN_OK; n = n->next) {
    if (n->kind == PLAN_NODE_ATTACHMENT) {
      st = container(c, n, found);
    } else if (n->kind == PLAN_NODE_ITEM && n->first) {
      if (is_assigning(c, n)) st = assigning_part(c, n, found, 0);
      else st = container(c, n, found);
    }
  }
  return st;
}

/* In a document that has a titled assigning part, other parts whose
 * numbered items are mostly agencies with duties assign too ("IV. NHIỆM
 * VỤ CỤ THỂ" besides "VI. TỔ CHỨC THỰC HIỆN"); a diagnostic says a
 * heuristic decided.  Titled parts were read by container(). */
static plan_status agency_lists(ctx *c, const plan_node *root) {
  plan_status st = PLAN_OK;
  for (const plan_node *n = root->first; n && st == PLAN_OK; n = n->next) {
    if (n->kind == PLAN_NODE_ATTACHMENT) {
      st = agency_lists(c, n);
    } else if (n->kind == PLAN_NODE_ITEM && n->first && !is_assigning(c, n)) {
      if (agency_list(c, n)) {
        size_t before = c->out->assignments.len;
        bool found = false;
        st = assigning_part(c, n, &found, 0);
        if (st == PLAN_OK && c->out->assignments.len > before)
          plan__diag(c->doc, PLAN_DIAG_HEURISTIC, c->doc->paras[n->para].norm_start,
                     "%zu agency items in a part titled as no assigning part is, taken as "
                     "assigning: most of its numbered items are agencies with duties",
                     c->out->assignments.len - before);
      } else {
        st = agency_lists(c, n);
      }
    }
  }
  return st;
}

/* Whether item n looks like an agency item by its roles: its heading
 * opens with an agency (after "Trách nhiệm của", "Đề nghị", ...) and
 * something follows that is a duty: items of its own, text after a colon,
 * or a duty verb after the name. */
static bool agency_item(ctx *c, const plan_node *n) {
  const char *head = n->title ? n->title : n->text;
  plan_words *ws = &c->head;
  if (plan__words_refill(c->lex, head, strlen(head), ws) != PLAN_OK) {
    c->oom = true;
    return false;
  }
  bool requested;
  size_t start = after_owner_opener(ws, &requested), nw = plan__words_count(ws);
  if (!opens_with_agency(c, ws, start)) return false;
  if (n->para < c->doc->npara && executes_decision(c, &c->doc->paras[n->para])) return false;
  for (const plan_node *k = n->first; k; k = k->next)
    if (k->kind == PLAN_NODE_ITEM || k->kind == PLAN_NODE_PARAGRAPH) return true;
  if (n->title && *n->text) return true;
  return start + 1 < nw && name_end(c, head, ws, start, start + 1) < nw;
}

/* Articles and items headed "Trách nhiệm của <body>" anywhere in the
 * document name their owner; those no pass took yet are agency items
 * ("Điều 10. Trách nhiệm của cơ quan quản lý ..." in a chapter of rules).
 * taken: the paragraphs of nodes already agency items, so none is taken
 * twice, nor anything inside one. */
static plan_status owned_items(ctx *c, const plan_node *root, const bool *taken, size_t depth) {
  plan_status st = PLAN_OK;
  for (const plan_node *n = root->first; n && st == PLAN_OK; n = n->next) {
    if (n->kind != PLAN_NODE_ITEM && n->kind != PLAN_NODE_ATTACHMENT) continue;
    if (n->kind == PLAN_NODE_ITEM && n->para < c->doc->npara && taken[n->para]) continue;
    if (n->kind == PLAN_NODE_ITEM && is_assigning(c, n)) continue; /* read as a part */
    if (n->kind == PLAN_NODE_ITEM && n->title && n->marker != PLAN_MARKER_BULLET) {
      plan_words *ws = &c->head;
      if (plan__words_refill(c->lex, n->title, strlen(n->title), ws) != PLAN_OK) return PLAN_ENOMEM;
      bool requested, added = false;
      size_t start = after_owner_opener(ws, &requested);
      size_t tl;
      if (owner_named(ws, start) ||
          (start == 0 && plan__words_match_str(ws, 0, "trach nhiem", &tl) &&
           opens_with_agency(c, ws, tl))) {
        /* its items bodies of their own: a part; else the owner's item */
        size_t before = c->out->assignments.len;
        if (count_bodies(c, n) >= 2) {
          st = assigning_part(c, n, &added, 0);
        } else {
          c->bare_owner = true; /* "Trách nhiệm Văn phòng UBND tỉnh" */
          st = item(c, n, false, true, &added);
          c->bare_owner = false;
        }
        if (added || c->out->assignments.len > before) continue;
      }
    }
    if (n->first && depth < 8) st = owned_items(c, n, taken, depth + 1);
  }
  return st;
}

/* The lead agencies of a task, as its lead field names them. */
enum { TASK_LEADS = 8 };
typedef struct task_leads {
  const plan_agency *lead[TASK_LEADS];
  size_t start[TASK_LEADS], end[TASK_LEADS]; /* each name in the task's text */
  size_t n;
} task_leads;

/* Where a body the lexicon does not know, named first in a lead field or
 * listed after another ("Sở Khoa học và Công nghệ, Viện Nghiên cứu phát
 * triển Thành phố"), ends: a head word with a capital at j, its name
 * running to a comma, the field's end, "và" or a known body.  j when none
 * starts there. */
static size_t unlisted_name_end(ctx *c, const char *text, const plan_words *ws, size_t j,
                                bool first) {
  size_t nw = plan__words_count(ws), idx, len;
  if (!(first || listed_at(ws, j)) || !agency_head_at(c, ws, j) || !capitalized(text, ws, j, true))
    return j;
  for (size_t e = j + 1; e <= nw && e <= j + 12; e++) {
    if (plan__word_comma(ws, e - 1) || plan__word_clause_end(ws, e - 1) || e == nw) return e;
    if (strcmp(plan__word_key(ws, e), "va") == 0 ||
        plan__agency_at(c->lex, ws, e, &c->province, &idx, &len))
      return e;
  }
  return j; /* too long for a name: a sentence */
}

/* A task of a table ("- Tập huấn cán bộ. Cơ quan chủ trì: Sở Tư pháp.
 * ...", as table.c writes one) that no agency item holds: the agencies its
 * lead field lists ("Sở Khoa học và Công nghệ, Trung tâm Chuyển đổi số
 * Thành phố", or one name per line of the cell), known bodies one after
 * another up to the field's end, and with unlisted set, bodies the
 * lexicon does not know by their head word (they become the document's
 * unknown agencies, as a heading's do).  Returns how many (0: no task). */
static size_t task_lead_list(ctx *c, const plan_node *k, task_leads *tl, bool unlisted) {
  plan_words *ws = &c->head;
  tl->n = 0;
  if (plan__words_refill(c->lex, k->text, strlen(k->text), ws) != PLAN_OK) {
    c->oom = true;
    return 0;
  }
  size_t nw = plan__words_count(ws), len, n;
  for (size_t i = 0; i + 4 < nw; i++) {
    if (!((plan__words_match_str(ws, i, "co quan chu tri", &len) ||
           plan__words_match_str(ws, i, "don vi chu tri", &len)) &&
          plan__word_colon(ws, i + len - 1)))
      continue;
    for (size_t j = i + len; j < nw && tl->n < TASK_LEADS;) {
      if (j > i + len && plan__word_clause_end(ws, j - 1)) break; /* the field ends */
      if (tl->n && strcmp(plan__word_key(ws, j), "va") == 0 && j + 1 < nw) j++;
      const plan_agency *a = agency_at(c, ws, j, &n);
      size_t e;
      if (!a && unlisted && (e = unlisted_name_end(c, k->text, ws, j, tl->n == 0)) > j) {
        n = e - j;
        size_t ne = plan__word_end(ws, e - 1);
        const char *name = span_dup(c->doc, k->text, plan__word_start(ws, j), ne);
        if (!name || !(a = unknown_agency(c, ws, j, e, name))) {
          c->oom = true;
          break;
        }
      }
      if (!a) break;
      bool seen = false;
      for (size_t m = 0; m < tl->n; m++) seen |= tl->lead[m] == a;
      if (!seen) {
        tl->lead[tl->n] = a;
        tl->start[tl->n] = plan__word_start(ws, j);
        tl->end[tl->n++] = plan__word_end(ws, j + n - 1);
      }
      j += n;
    }
    return tl->n;
  }
  return 0;
}

/* Whether item k is a task that names its own lead (a known body). */
static bool names_task_lead(ctx *c, const plan_node *k) {
  task_leads tl;
  return task_lead_list(c, k, &tl, false) > 0;
}

typedef struct task {
  const plan_node *node;
  const plan_node *field; /* the node whose text names the leads */
  task_leads leads;
  uintptr_t set[TASK_LEADS]; /* the leads in address order: the set's key */
  size_t index;              /* the task's place in the document */
} task;

/* The order of two tasks' sets of leads (0: the same set). */
static int set_order(const task *a, const task *b) {
  if (a->leads.n != b->leads.n) return a->leads.n < b->leads.n ? -1 : 1;
  for (size_t i = 0; i < a->leads.n; i++)
    if (a->set[i] != b->set[i]) return a->set[i] < b->set[i] ? -1 : 1;
  return 0;
}

/* Tasks by their set of leads, then by their place: a set's tasks are a
 * run, in document order. */
static int by_leads(const void *pa, const void *pb) {
  const task *a = pa, *b = pb;
  int o = set_order(a, b);
  return o ? o : a->index < b->index ? -1 : a->index > b->index;
}

/* Runs of one set, by the place of their first task. */
typedef struct lead_run {
  size_t first, begin, end; /* first task's place; [begin, end) in the sorted tasks */
} lead_run;

static int by_first(const void *pa, const void *pb) {
  const lead_run *a = pa, *b = pb;
  return a->first < b->first ? -1 : a->first > b->first;
}

/* Collects the tasks outside agency items (taken: their paragraphs). */
static void collect_tasks(ctx *c, const plan_node *root, const bool *taken, plan_vec *tasks,
                          size_t depth) {
  for (const plan_node *n = root->first; n; n = n->next) {
    if (n->para < c->doc->npara && taken[n->para]) continue;
    task t = {.node = n};
    if (n->kind == PLAN_NODE_ITEM && n->marker == PLAN_MARKER_BULLET) {
      if (task_lead_list(c, n, &t.leads, true)) t.field = n;
    } else if (n->kind == PLAN_NODE_ITEM) {
      /* "1. Tuyên truyền ..." over "- Đơn vị chủ trì: Sở Tư pháp": the
       * item is the task, its field names the lead */
      for (const plan_node *k = n->first; k && !t.field; k = k->next)
        if ((k->kind == PLAN_NODE_ITEM || k->kind == PLAN_NODE_PARAGRAPH) && task_lead_list(c, k, &t.leads, true))
          t.field = k;
    }
    if (t.leads.n) {
      for (size_t m = 0; m < t.leads.n; m++) { /* insertion sort: at most TASK_LEADS */
        uintptr_t v = (uintptr_t)t.leads.lead[m];
        size_t at = m;
        for (; at > 0 && t.set[at - 1] > v; at--) t.set[at] = t.set[at - 1];
        t.set[at] = v;
      }
      t.index = tasks->len;
      task *slot = plan__vec_push(tasks);
      if (slot) *slot = t;
      continue;
    }
    if (n->first && depth < 8) collect_tasks(c, n, taken, tasks, depth + 1);
  }
}

/* The tasks of a table that stands apart (an appendix "Nhiệm vụ | Cơ quan
 * chủ trì | ...") become the duties of their lead agencies: one agency
 * item per set of leads (a task two bodies lead is the item of both, as a
 * heading that names two is), in the order they first lead, with a
 * diagnostic. */
static plan_status lead_tasks(ctx *c, const bool *taken) {
  plan_outline *doc = c->doc;
  plan_vec tasks, runs;
  plan__vec_init(&tasks, sizeof(task));
  plan__vec_init(&runs, sizeof(lead_run));
  collect_tasks(c, doc->root, taken, &tasks, 0);
  plan_status st = tasks.oom ? PLAN_ENOMEM : PLAN_OK;
  task *ts = tasks.data;
  size_t made = 0, first_para = tasks.len ? ts[0].node->para : 0;
  /* group by sorting, not by scanning the rest for each set: a table of n
   * rows with n sets of leads costs n log n */
  if (st == PLAN_OK && tasks.len) qsort(ts, tasks.len, sizeof *ts, by_leads);
  for (size_t i = 0; i < tasks.len && st == PLAN_OK; i++) {
    if (i && set_order(&ts[i - 1], &ts[i]) == 0) continue;
    lead_run *r = plan__vec_push(&runs);
    if (!r) st = PLAN_ENOMEM;
    else *r = (lead_run){ts[i].index, i, i + 1};
  }
  lead_run *rs = runs.data;
  for (size_t k = 0; k < runs.len; k++) /* each run's end: the next's begin */
    rs[k].end = k + 1 < runs.len ? rs[k + 1].begin : tasks.len;
  if (st == PLAN_OK && runs.len) qsort(rs, runs.len, sizeof *rs, by_first);
  for (size_t k = 0; k < runs.len && st == PLAN_OK; k++) {
    const task *t0 = &ts[rs[k].begin];
    const task_leads *tl = &t0->leads;
    const char *field = t0->field->text;
    plan_assignment a;
    memset(&a, 0, sizeof a);
    a.label = t0->node->label;
    a.node = t0->node;
    a.heading = span_dup(doc, field, tl->start[0], tl->end[tl->n - 1]);
    c->scratch.len = 0;
    for (size_t m = 0; m < tl->n; m++)
      push_mention(c, tl->lead[m], PLAN_ROLE_LEAD, field, tl->start[m], tl->end[m]);
    a.agencies = keep_mentions(c, &a.nagencies);
    plan_vec duties = c->duties;
    duties.len = 0;
    for (size_t j = rs[k].begin; j < rs[k].end; j++) {
      const plan_para *kp = &doc->paras[ts[j].node->para];
      plan_duty *d = plan__vec_push(&duties);
      if (d) fill_duty(c, d, kp, kp->text + kp->body_off, 0, kp->len - kp->body_off, &a);
    }
    st = add_assignment(c, &a, duties);
    if (st == PLAN_OK) made++;
  }
  if (made)
    plan__diag(doc, PLAN_DIAG_HEURISTIC, doc->paras[first_para].norm_start,
               "%zu agency items made from a task table's lead agencies", made);
  plan__vec_free(&runs);
  plan__vec_free(&tasks);
  return st;
}

/* A decision that sets out a body's functions ("Quy định chức năng, nhiệm
 * vụ, quyền hạn và cơ cấu tổ chức của Sở Nội vụ", a fund's charter) defines
 * the body in an article on its position and functions ("Điều 1. Vị trí
 * và chức năng" / "1. Sở Nội vụ là cơ quan chuyên môn ...") and lists what
 * it must do in the articles after it ("Điều 2. Nhiệm vụ và quyền hạn"):
 * those are the body's agency items.  The defining article's own items
 * describe the body; they assign nothing.  Titles folded. */
static const char *const defining_titles[] = {"vi tri va chuc nang", "vi tri chuc nang"};
static const char *const task_titles[] = {
    "nhiem vu va quyen han", "nhiem vu quyen han", "quyen han va nhiem vu",
    "nhiem vu quyen han va trach nhiem", "nhiem vu", "quyen han",
};

#define COUNT(a) (sizeof (a) / sizeof *(a))

/* An item's title folded (in c->fold), or NULL for a node with none. */
static const char *title_key(ctx *c, const plan_node *n) {
  return n->kind == PLAN_NODE_ITEM && n->title ? folded(c, n->title, strnlen(n->title, 200)) : NULL;
}

/* Whether key is one of titles[0, count). */
static bool one_of(const char *key, const char *const *titles, size_t count) {
  for (size_t i = 0; key && i < count; i++)
    if (strcmp(key, titles[i]) == 0) return true;
  return false;
}

/* Articles that describe a body, not what it must do: its position and
 * functions, and its structure ("Điều 3. Cơ cấu tổ chức" / "2. Các phòng
 * chuyên môn gồm:" / "4. Các Trạm Kiểm lâm thuộc các Hạt Kiểm lâm:" over
 * the stations' names).  Their items are no agency items by their roles. */
static bool describing_article(ctx *c, const plan_node *n) {
  static const char *const structure[] = {"co cau to chuc"};
  const char *key = title_key(c, n);
  return one_of(key, defining_titles, COUNT(defining_titles)) || one_of(key, structure, COUNT(structure));
}

/* Longest name a definition may give, in words. */
#define DEFINED_NAME_MAX 20

/* The body a defining article defines: its first item or paragraph opens
 * with a name, capitalised, then "là" ("Quỹ Bảo vệ môi trường tỉnh Quảng
 * Trị là quỹ tài chính ..."); the name ends before a parenthesis that
 * gives it a short form ("... Hội An (Trung tâm) là").  Adds the mention
 * to the scratch list and answers the name as printed, or NULL. */
static const char *defined_body(ctx *c, const plan_node *art) {
  const plan_node *k = art->first;
  while (k && k->kind != PLAN_NODE_ITEM && k->kind != PLAN_NODE_PARAGRAPH) k = k->next;
  if (!k || k->para >= c->doc->npara) return NULL;
  const plan_para *kp = &c->doc->paras[k->para];
  const char *s = kp->text + kp->body_off;
  size_t n = kp->len - kp->body_off;
  while (n && *s == ' ') s++, n--;
  plan_words *ws = &c->head;
  if (!plan__starts_upper(s, n)) return NULL;
  if (plan__words_refill(c->lex, s, n, ws) != PLAN_OK) {
    c->oom = true;
    return NULL;
  }
  size_t nw = plan__words_count(ws), e = 1;
  while (e < nw && e <= DEFINED_NAME_MAX && strcmp(plan__word_key(ws, e), "la") != 0 &&
         !plan__word_clause_end(ws, e - 1))
    e++;
  if (e >= nw || e > DEFINED_NAME_MAX || strcmp(plan__word_key(ws, e), "la") != 0) return NULL;
  for (size_t i = 1; i < e; i++)
    if (s[plan__word_start(ws, i) - 1] == '(') {
      e = i;
      break;
    }
  size_t len; /* a known body's alias opens the name, as in any heading */
  const plan_agency *ag = agency_at(c, ws, 0, &len);
  if (ag && len > e) ag = NULL;
  const char *name = span_dup(c->doc, s, 0, plan__word_end(ws, e - 1));
  if (!ag && name) ag = unknown_agency(c, ws, 0, e, name);
  if (!ag || !name) {
    c->oom |= !name;
    return NULL;
  }
  c->scratch.len = 0;
  push_mention(c, ag, PLAN_ROLE_NAMED, name, 0, strlen(name));
  return name;
}

/* The body a defining article defined, which the task articles after it
 * in the same document belong to (chapters between them or not). */
typedef struct charter {
  const plan_node *defining; /* NULL before the first */
  const char *owner;         /* its name as printed, NULL when none was read */
  plan_mention *mention;
  size_t made;               /* the owner's items so far */
} charter;

/* Says how many items the owner got, once its articles are read. */
static void charter_done(ctx *c, charter *ch) {
  if (ch->made)
    plan__diag(c->doc, PLAN_DIAG_HEURISTIC, c->doc->paras[ch->defining->para].norm_start,
               "%zu article%s on tasks and powers taken as the agency item%s of %s, the body "
               "the article on its position and functions defines",
               ch->made, ch->made == 1 ? "" : "s", ch->made == 1 ? "" : "s", ch->owner);
  memset(ch, 0, sizeof *ch);
}

/* The task articles under parent, each the agency item of the body the
 * defining article before it defined (taken: paragraphs agency items
 * hold).  An attached document starts afresh. */
static plan_status charters(ctx *c, const plan_node *parent, const bool *taken, charter *ch,
                            size_t depth) {
  plan_status st = PLAN_OK;
  for (const plan_node *n = parent->first; n && st == PLAN_OK && !c->oom; n = n->next) {
    if (n->kind == PLAN_NODE_ATTACHMENT) {
      charter inner = {0};
      if (depth < 8) st = charters(c, n, taken, &inner, depth + 1);
      charter_done(c, &inner);
      continue;
    }
    if (n->kind != PLAN_NODE_ITEM || (n->para < c->doc->npara && taken[n->para])) continue;
    const char *key = title_key(c, n);
    if (one_of(key, defining_titles, COUNT(defining_titles))) {
      charter_done(c, ch);
      size_t one;
      ch->defining = n;
      ch->owner = defined_body(c, n);
      ch->mention = ch->owner ? keep_mentions(c, &one) : NULL;
      continue;
    }
    /* "Chương II. NHIỆM VỤ VÀ QUYỀN HẠN" groups the articles that are the items */
    bool grouping = n->marker == PLAN_MARKER_CHAPTER || n->marker == PLAN_MARKER_PART ||
                    n->marker == PLAN_MARKER_SECTION;
    if (ch->mention && !grouping && one_of(key, task_titles, COUNT(task_titles))) {
      plan_assignment a;
      memset(&a, 0, sizeof a);
      a.label = n->label;
      a.node = n;
      a.heading = ch->owner;
      a.agencies = ch->mention;
      a.nagencies = 1;
      plan_vec duties = c->duties;
      duties.len = 0;
      duties_under(c, n, &duties, &a);
      st = add_assignment(c, &a, duties);
      ch->made += st == PLAN_OK;
      continue;
    }
    if (n->first && depth < 8) st = charters(c, n, taken, ch, depth + 1);
  }
  return st;
}

/* A document whose assigning part has no title libplan knows: any list of
 * two or more items that are agency items by their roles is one.  Says so
 * in a diagnostic, as a heuristic decided. */
static plan_status by_roles(ctx *c, const plan_node *parent, bool *found, size_t depth) {
  plan_status st = PLAN_OK;
  size_t agencies = 0;
  if (describing_article(c, parent)) return PLAN_OK;
  for (const plan_node *k = parent->first; k && agencies < 2; k = k->next)
    if (k->kind == PLAN_NODE_ITEM && k->marker != PLAN_MARKER_BULLET && agency_item(c, k)) agencies++;
  if (agencies >= 2) {
    size_t before = c->out->assignments.len;
    for (const plan_node *k = parent->first; k && st == PLAN_OK; k = k->next)
      if (k->kind == PLAN_NODE_ITEM && k->marker != PLAN_MARKER_BULLET && agency_item(c, k))
        st = item(c, k, false, true, found);
    if (st == PLAN_OK && c->out->assignments.len > before) {
      const plan_node *first = parent->first;
      while (first && first->kind != PLAN_NODE_ITEM) first = first->next;
      plan__diag(c->doc, PLAN_DIAG_HEURISTIC, first ? c->doc->paras[first->para].norm_start : 0,
                 "%zu agency items found by their roles, under no title that assigns duties",
                 c->out->assignments.len - before);
    }
    return st;
  }
  for (const plan_node *k = parent->first; k && st == PLAN_OK; k = k->next)
    if ((k->kind == PLAN_NODE_ITEM || k->kind == PLAN_NODE_ATTACHMENT) && k->first && depth < 8)
      st = by_roles(c, k, found, depth + 1);
  return st;
}

/* Whether paragraph node n is a markdown heading ("## ...", no marker)
 * titled as an assigning part: a portal's page on a decision heads the
 * articles it quotes so ("## Tổ chức thực hiện Quyết định 3650/QĐ-UBND"). */
static bool assigning_heading(ctx *c, const plan_node *n) {
  /* before the first item a paragraph is the preamble's */
  if ((n->kind != PLAN_NODE_PARAGRAPH && n->kind != PLAN_NODE_PREAMBLE) || n->para >= c->doc->npara)
    return false;
  const plan_para *p = &c->doc->paras[n->para];
  if (!p->heading) return false;
  const char *key = folded(c, p->text, p->len < 200 ? p->len : 200);
  for (size_t i = 0; key && i < sizeof assigning_titles / sizeof *assigning_titles; i++)
    if (strncmp(key, assigning_titles[i], strlen(assigning_titles[i])) == 0) return true;
  return false;
}

/* A page with no numbered part that assigns: the bullets after a markdown
 * heading titled as one, up to the next heading, are its agency items
 * when two or more open with a body the lexicon knows ("- Sở Xây dựng:
 * Chịu trách nhiệm ...", then "- Hội đồng thẩm định ...: ..." too; not
 * "- Cơ quan thẩm định: Sở Xây dựng", a role and who holds it).  Says so
 * in a diagnostic, as a heuristic decided. */
static plan_status headed_bullets(ctx *c, const plan_node *parent, bool *found) {
  plan_status st = PLAN_OK;
  for (const plan_node *h = parent->first; h && st == PLAN_OK; h = h->next) {
    if (!assigning_heading(c, h)) continue;
    size_t known = 0;
    const plan_node *k = h->next;
    for (; k && !((k->kind == PLAN_NODE_PARAGRAPH || k->kind == PLAN_NODE_PREAMBLE) &&
                  k->para < c->doc->npara && c->doc->paras[k->para].heading);
         k = k->next)
      if (k->kind == PLAN_NODE_ITEM && k->marker == PLAN_MARKER_BULLET && agency_item(c, k))
        known += opens_known(c);
    if (known < 2) continue;
    size_t before = c->out->assignments.len;
    for (const plan_node *b = h->next; b != k && st == PLAN_OK; b = b->next)
      if (b->kind == PLAN_NODE_ITEM && b->marker == PLAN_MARKER_BULLET && agency_item(c, b))
        st = item(c, b, false, true, found);
    if (st == PLAN_OK && c->out->assignments.len > before)
      plan__diag(c->doc, PLAN_DIAG_HEURISTIC, c->doc->paras[h->para].norm_start,
                 "%zu agency items found by their roles in the bullets under a heading titled as "
                 "an assigning part, in a text with no numbered one",
                 c->out->assignments.len - before);
  }
  return st;
}

/* A letter has no parts: its top-level items that open with an agency
 * ("2. Sở Y tế: ...", "Điều 2. Giao Văn phòng ... chủ trì ..."), not those
 * that only name one further on ("Điều 1. Công bố ... của Sở ...",
 * "Điều 4. Chánh Văn phòng ..., Giám đốc Sở ... chịu trách nhiệm thi
 * hành"). */
static plan_status letter(ctx *c, const plan_node *root) {
  plan_status st = PLAN_OK;
  for (const plan_node *n = root->first; n && st == PLAN_OK; n = n->next) {
    if (n->kind == PLAN_NODE_ATTACHMENT) st = letter(c, n);
    else if (n->kind == PLAN_NODE_ITEM && n->marker != PLAN_MARKER_BULLET)
      st = item(c, n, false, true, NULL);
  }
  return st;
}

/* Flags the paragraphs of agency items and of the items and paragraphs
 * under them, which their duties hold (taken: one flag per paragraph). */
static void mark_assigned(const plan_outline *doc, const plan_assigned *out, bool *taken) {
  memset(taken, 0, (doc->npara + 1) * sizeof *taken);
  const plan_assignment *as = out->assignments.data;
  for (size_t i = 0; i < out->assignments.len; i++) {
    const plan_node *an = as[i].node;
    if (an->para < doc->npara) taken[an->para] = true;
    for (const plan_node *k = an->first; k; k = next_under(an, k, true))
      if (k->para < doc->npara) taken[k->para] = true;
  }
}

/* A heading an earlier pass called no agency may since have become a duty
 * of an agency item (or one itself): it leaves the list.  taken: scratch. */
static void drop_duties_from_non_assignments(const plan_outline *doc, plan_assigned *out,
                                              bool *taken) {
  mark_assigned(doc, out, taken);
  const plan_node **na = out->non_assignments.data;
  size_t kept = 0;
  for (size_t i = 0; i < out->non_assignments.len; i++)
    if (!(na[i]->para < doc->npara && taken[na[i]->para])) na[kept++] = na[i];
  out->non_assignments.len = kept;
}

static int by_position(const void *a, const void *b) {
  size_t x = ((const plan_assignment *)a)->node->para, y = ((const plan_assignment *)b)->node->para;
  return x < y ? -1 : x > y;
}

static int node_by_position(const void *a, const void *b) {
  size_t x = (*(const plan_node *const *)a)->para, y = (*(const plan_node *const *)b)->para;
  return x < y ? -1 : x > y;
}

plan_status plan__assign(plan_outline *doc, plan_assigned *out) {
  ctx c;
  memset(&c, 0, sizeof c);
  c.doc = doc;
  c.out = out;
  plan__vec_init(&out->assignments, sizeof(plan_assignment));
  plan__vec_init(&out->agencies, sizeof(plan_agency *));
  plan__vec_init(&out->non_assignments, sizeof(const plan_node *));
  c.lex = doc->lex;
  plan__vec_init(&c.scratch, sizeof(plan_mention));
  plan__vec_init(&c.duties, sizeof(plan_duty));
  c.thoi = plan__word_hash("thoi");
  for (size_t r = 0; r < sizeof role_words / sizeof *role_words; r++)
    plan__bit_set(c.roles, PHRASE_BITS, c.role_first[r] = first_word_hash(role_words[r].words));
  const char *prov = doc->meta[PLAN_META_PROVINCE];
  plan_status st = plan__words(c.lex, prov ? prov : "", prov ? strlen(prov) : 0, &c.province);
  c.known = calloc(c.lex->agencies.len + 1, sizeof *c.known);
  if (!c.known) st = PLAN_ENOMEM;
  bool found = false;
  /* one flag per paragraph: what agency items hold, so no later pass
   * takes it again */
  bool *taken = st == PLAN_OK ? calloc(doc->npara + 1, sizeof *taken) : NULL;
  if (st == PLAN_OK && !taken) st = PLAN_ENOMEM;
  if (st == PLAN_OK) st = container(&c, doc->root, &found);
  if (st == PLAN_OK && found) {
    mark_assigned(doc, out, taken);
    c.taken = taken;
    st = agency_lists(&c, doc->root);
    c.taken = NULL;
  }
  if (st == PLAN_OK && !found) st = by_roles(&c, doc->root, &found, 0);
  if (st == PLAN_OK && !found) st = headed_bullets(&c, doc->root, &found);
  if (st == PLAN_OK && found) {
    mark_assigned(doc, out, taken);
    st = owned_items(&c, doc->root, taken, 0);
    if (st == PLAN_OK) drop_duties_from_non_assignments(doc, out, taken);
  }
  if (st == PLAN_OK && !found) st = letter(&c, doc->root);
  if (st == PLAN_OK) {
    mark_assigned(doc, out, taken);
    charter ch = {0};
    st = charters(&c, doc->root, taken, &ch, 0);
    charter_done(&c, &ch);
  }
  if (st == PLAN_OK) {
    mark_assigned(doc, out, taken);
    st = lead_tasks(&c, taken);
  }
  free(taken);
  /* in the order the document gives them, whichever pass found them */
  if (out->assignments.len > 1)
    qsort(out->assignments.data, out->assignments.len, sizeof(plan_assignment), by_position);
  if (out->non_assignments.len > 1)
    qsort(out->non_assignments.data, out->non_assignments.len, sizeof(const plan_node *),
          node_by_position);
  plan__words_free(&c.province);
  plan__words_free(&c.head);
  plan__words_free(&c.duty);
  plan__words_free(&c.elided);
  plan__vec_free(&c.scratch);
  plan__vec_free(&c.duties);
  plan__buf_free(&c.fold);
  free(c.known);
  free(c.unknown);
  if (st == PLAN_OK && (c.oom || c.scratch.oom || doc->arena.oom || doc->diags.oom ||
                         out->assignments.oom || out->agencies.oom || out->non_assignments.oom))
    st = PLAN_ENOMEM;
  return st;
}

size_t plan__duty_input_offset(const plan_outline *doc, const plan_duty *d, size_t off) {
  if (!d->para) return d->start;
  size_t in;
  plan__doc_position(doc, plan__para_norm(d->para, d->para_off + off), &in, NULL, NULL);
  return in;
}

void plan__assigned_free(plan_assigned *a) {
  plan__vec_free(&a->assignments);
  plan__vec_free(&a->agencies);
  plan__vec_free(&a->non_assignments);
}
