/* agencies.c - the agency lexicon: the embedded table of data/agencies.tsv
 * plus what callers add, and the matcher that finds an agency's alias at a
 * word of a text.  Aliases are word lists (folded, abbreviations expanded),
 * bucketed by their first word and tried longest first. */
#include <stdlib.h>
#include <string.h>

#include "lexicon.h"
#include "data/data.h"

static char *dup0(const char *s) { return strdup(s ? s : ""); }

static long find_agency(const plan_lexicon *lex, const char *id) {
  for (size_t i = 0; i < lex->agencies.len; i++)
    if (strcmp(((plan_agency_def *)lex->agencies.data)[i].id, id) == 0) return (long)i;
  return -1;
}

uint16_t plan__word_marks(const char *s, size_t n, bool *plain) {
  unsigned tone = 0, modified = 0, letters = 0;
  *plain = true;
  for (size_t i = 0; i < n; letters++) {
    int32_t c;
    ptrdiff_t k = plan__utf8_next(s + i, n - i, &c);
    if (k <= 0) return PLAN_MARKS_ANY;
    i += (size_t)k;
    if (c < 0x80) continue;
    const plan_letter *l = plan__letter(c);
    if (!l) return PLAN_MARKS_ANY;
    *plain = false;
    if (l->info >> 1) tone = l->info >> 1;
    if ((l->info & 1) && letters < 12) modified |= 1u << letters;
  }
  return (uint16_t)(tone << 12 | modified);
}

/* One alias, "Sở LĐ-TB&XH" or "Báo %p", into its word keys. */
static plan_status add_alias(plan_lexicon *lex, size_t agency, const char *text, size_t n) {
  plan_buf keys = {0}, marks = {0};
  size_t count = 0;
  uint64_t commas = 0;
  for (size_t i = 0; i < n;) {
    while (i < n && text[i] == ' ') i++;
    size_t j = i;
    while (j < n && text[j] != ' ') j++;
    if (j == i) break;
    if (j - i == 2 && memcmp(text + i, "%p", 2) == 0) {
      plan__buf_put(&keys, "%p", 3);
      uint16_t any = PLAN_MARKS_ANY;
      plan__buf_put(&marks, (const char *)&any, sizeof any);
      count++;
    } else {
      plan_words ws;
      if (plan__words(lex, text + i, j - i, &ws) != PLAN_OK) {
        plan__words_free(&ws);
        plan__buf_free(&keys);
        plan__buf_free(&marks);
        return PLAN_ENOMEM;
      }
      size_t nw = plan__words_count(&ws);
      for (size_t k = 0; k < nw; k++) {
        const char *w = plan__word_key(&ws, k);
        plan__buf_put(&keys, w, strlen(w) + 1);
        bool plain;
        uint16_t m = nw == 1 ? plan__word_marks(text + i + plan__word_start(&ws, k),
                                                plan__word_end(&ws, k) - plan__word_start(&ws, k), &plain)
                            : PLAN_MARKS_ANY;
        plan__buf_put(&marks, (const char *)&m, sizeof m);
        count++;
      }
      /* "Văn hóa," and "Lao động -": a copy may write a comma where the
       * name has its dash */
      bool dash = (j - i == 1 && text[i] == '-') || (j - i == 3 && memcmp(text + i, "–", 3) == 0);
      if (count && count <= 64 && (text[j - 1] == ',' || dash)) commas |= (uint64_t)1 << (count - 1);
      plan__words_free(&ws);
    }
    i = j;
  }
  if (keys.oom || marks.oom) {
    plan__buf_free(&keys);
    plan__buf_free(&marks);
    return PLAN_ENOMEM;
  }
  if (count == 0) {
    plan__buf_free(&keys);
    plan__buf_free(&marks);
    return PLAN_EINVAL;
  }
  plan_alias *a = plan__vec_push(&lex->aliases);
  if (!a) {
    plan__buf_free(&keys);
    plan__buf_free(&marks);
    return PLAN_ENOMEM;
  }
  a->marks = (uint16_t *)(void *)marks.data; /* count of them, back to back */
  a->key = keys.data; /* count NUL-terminated words, back to back */
  a->commas = commas;
  a->len = count;
  a->agency = agency;
  a->hashes = malloc(count * sizeof *a->hashes);
  if (!a->hashes) return PLAN_ENOMEM;
  const char *w = keys.data;
  a->province = count;
  for (size_t k = 0; k < count; k++, w += strlen(w) + 1) {
    a->hashes[k] = plan__word_hash(w);
    if (strcmp(w, "%p") == 0 && a->province == count) a->province = k;
  }
  uint32_t key = plan__pair_key(a->hashes[0], count > 1 ? a->hashes[1] : 0);
  a->bucket = key % PLAN_ALIAS_BUCKETS;
  plan__bit_set(lex->pairs, PLAN_PAIR_BITS, key);
  if (count == 1) plan__bit_set(lex->singles, PLAN_FIRST_WORD_BITS, a->hashes[0]);
  if (count > 1 && a->province == 1)
    plan__bit_set(lex->province_led, PLAN_FIRST_WORD_BITS, a->hashes[0]);
  size_t *slot = plan__vec_push(&lex->buckets[a->bucket]);
  if (!slot) return PLAN_ENOMEM;
  *slot = lex->aliases.len - 1;
  /* keep each bucket longest first */
  plan_vec *b = &lex->buckets[a->bucket];
  size_t *ix = b->data;
  for (size_t k = b->len - 1; k > 0; k--) {
    const plan_alias *x = (const plan_alias *)lex->aliases.data + ix[k - 1];
    if (x->len >= count) break;
    size_t t = ix[k];
    ix[k] = ix[k - 1];
    ix[k - 1] = t;
  }
  return PLAN_OK;
}

plan_status plan__agency_add(plan_lexicon *lex, const char *id, const char *name, const char *level,
                             const char *kind, const char *portfolios, const char *aliases) {
  if (!id || !*id || !name || !*name || strpbrk(id, " \t\n")) return PLAN_EINVAL;
  long at = find_agency(lex, id);
  if (at < 0) {
    plan_agency_def *d = plan__vec_push(&lex->agencies);
    if (!d) return PLAN_ENOMEM;
    d->id = dup0(id);
    d->name = dup0(name);
    d->level = dup0(level && *level ? level : "province");
    d->kind = dup0(kind && *kind ? kind : "agency");
    d->portfolios = dup0(portfolios);
    if (!d->id || !d->name || !d->level || !d->kind || !d->portfolios) return PLAN_ENOMEM;
    at = (long)lex->agencies.len - 1;
  }
  /* the display name is an alias too */
  plan_status st = add_alias(lex, (size_t)at, name, strlen(name));
  for (const char *a = aliases; st == PLAN_OK && a && *a;) {
    const char *bar = strchr(a, '|');
    size_t n = bar ? (size_t)(bar - a) : strlen(a);
    if (n) st = add_alias(lex, (size_t)at, a, n);
    a = bar ? bar + 1 : a + n;
  }
  return st;
}

plan_status plan__agencies_init(plan_lexicon *lex) {
  plan__vec_init(&lex->agencies, sizeof(plan_agency_def));
  plan__vec_init(&lex->aliases, sizeof(plan_alias));
  for (int b = 0; b < PLAN_ALIAS_BUCKETS; b++) plan__vec_init(&lex->buckets[b], sizeof(size_t));
  lex->province_hash = plan__word_hash("%p");
  plan_status st = PLAN_OK;
  for (size_t i = 0; i < plan__table_agencies_count && st == PLAN_OK; i++) {
    const plan_agency_row *r = &plan__table_agencies[i];
    st = plan__agency_add(lex, r->id, r->name, r->level, r->kind, r->portfolios, r->aliases);
  }
  return st;
}

void plan__agencies_free(plan_lexicon *lex) {
  for (size_t i = 0; i < lex->agencies.len; i++) {
    plan_agency_def *d = (plan_agency_def *)lex->agencies.data + i;
    free(d->id);
    free(d->name);
    free(d->level);
    free(d->kind);
    free(d->portfolios);
  }
  for (size_t i = 0; i < lex->aliases.len; i++) {
    free(((plan_alias *)lex->aliases.data)[i].key);
    free(((plan_alias *)lex->aliases.data)[i].hashes);
    free(((plan_alias *)lex->aliases.data)[i].marks);
  }
  plan__vec_free(&lex->agencies);
  plan__vec_free(&lex->aliases);
  for (int b = 0; b < PLAN_ALIAS_BUCKETS; b++) plan__vec_free(&lex->buckets[b]);
}

/* Do the words from pos on hold the province's words?  *n gets their count. */
static bool province_at(const plan_words *ws, size_t pos, const plan_words *province, size_t *n) {
  size_t pn = province ? plan__words_count(province) : 0;
  if (pn == 0 || pos + pn > plan__words_count(ws)) return false;
  for (size_t p = 0; p < pn; p++)
    if (plan__word(ws, pos + p)->hash != plan__word(province, p)->hash ||
        strcmp(plan__word_key(ws, pos + p), plan__word_key(province, p)) != 0)
      return false;
  *n = pn;
  return true;
}

/* "các sở, ban, ngành cấp tỉnh, Ủy ban nhân dân": a comma or a stop in the
 * text after word i of an alias where the alias has none ("Tỉnh ủy")
 * parts two names, not two words of one.  Only between tokens: the words
 * one token folds to ("LĐ-TB&XH,") share its last byte. */
static bool punctuation_between(const plan_alias *a, size_t i, const plan_words *ws, size_t pos) {
  if (pos + 1 >= plan__words_count(ws) || plan__word(ws, pos)->token == plan__word(ws, pos + 1)->token)
    return false;
  if (plan__word_clause_end(ws, pos)) return true;
  return plan__word_comma(ws, pos) && i < 64 && !(a->commas >> i & 1);
}

/* "đảm bảo tính" / "Báo tỉnh", "thống kê tình hình" / "Thống kê tỉnh": the
 * keys fold diacritics away, so the words a text and an alias agree on
 * may still differ in them.  Word i of the alias is the text's word pos
 * unless the text's word has a tone or a mark the alias's has not (a copy
 * that lost some or all of them still matches; a tone placed in another
 * style still agrees). */
static bool same_diacritics(const plan_alias *a, size_t i, const plan_words *ws, size_t pos) {
  uint16_t want;
  memcpy(&want, (const char *)a->marks + i * sizeof want, sizeof want);
  return plan__marks_agree(want, ws, pos);
}

bool plan__marks_agree(uint16_t want, const plan_words *ws, size_t pos) {
  if (want == PLAN_MARKS_ANY) return true;
  size_t tok = plan__word(ws, pos)->token, n = plan__words_count(ws);
  if ((pos > 0 && plan__word(ws, pos - 1)->token == tok) || (pos + 1 < n && plan__word(ws, pos + 1)->token == tok))
    return true; /* one of the words a token folds to ("LĐ-TB&XH") */
  size_t b = plan__word_start(ws, pos), e = plan__word_end(ws, pos);
  bool plain;
  uint16_t got = plan__word_marks(ws->text + b, e - b, &plain);
  if (plain || got == PLAN_MARKS_ANY) return true;
  /* a tone or a mark lost ("Khu kinh tê") is a slip; one of its own is another word */
  unsigned got_tone = got >> 12, want_tone = want >> 12;
  return (got_tone == 0 || got_tone == want_tone) && (got & 0xFFF & ~want) == 0;
}

/* Does alias a match the words from at on?  *nwords gets how many it
 * covers.  Words are compared by hash, then, once all agree, by key. */
static bool alias_at(const plan_alias *a, const plan_words *ws, size_t at,
                     const plan_words *province, size_t *nwords) {
  size_t n = plan__words_count(ws), pos = at, pn = 0;
  for (size_t i = 0; i < a->len; i++) {
    if (i == a->province) {
      if (!province_at(ws, pos, province, &pn)) return false;
      pos += pn;
    } else {
      if (pos >= n || plan__word(ws, pos)->hash != a->hashes[i]) return false;
      pos++;
    }
  }
  *nwords = pos - at;
  pos = at;
  const char *w = a->key;
  for (size_t i = 0; i < a->len; i++, w += strlen(w) + 1) {
    if (i == a->province) {
      pos += pn; /* compared by key already */
    } else if (strcmp(plan__word_key(ws, pos++), w) != 0 || !same_diacritics(a, i, ws, pos - 1)) {
      return false;
    }
    if (i + 1 < a->len && punctuation_between(a, i, ws, pos - 1)) return false;
  }
  return true;
}

static bool try_bucket(const plan_lexicon *lex, uint32_t key, const plan_words *ws, size_t at,
                       const plan_words *province, size_t *agency, size_t *nwords) {
  if (!plan__bit(lex->pairs, PLAN_PAIR_BITS, key)) return false;
  const plan_vec *b = &lex->buckets[key % PLAN_ALIAS_BUCKETS];
  const size_t *ix = b->data;
  for (size_t k = 0; k < b->len; k++) {
    const plan_alias *a = (const plan_alias *)lex->aliases.data + ix[k];
    if (a->hashes[0] == plan__word(ws, at)->hash && alias_at(a, ws, at, province, nwords)) {
      *agency = a->agency;
      return true;
    }
  }
  return false;
}

bool plan__agency_at(const plan_lexicon *lex, const plan_words *ws, size_t at,
                     const plan_words *province, size_t *agency, size_t *nwords) {
  size_t n = plan__words_count(ws);
  if (at >= n) return false;
  uint32_t h0 = plan__word(ws, at)->hash;
  if (!plan__alias_may_start(lex, h0, at + 1 < n ? plan__word(ws, at + 1)->hash : 0,
                             plan__province_first(province)))
    return false; /* most words */
  /* multi-word aliases first (longest first within the bucket), then one-word ones */
  if (at + 1 < n &&
      try_bucket(lex, plan__pair_key(h0, plan__word(ws, at + 1)->hash), ws, at, province, agency, nwords))
    return true;
  if (at + 1 < n && province && plan__words_count(province)) {
    /* "Báo %p": the second word is the province's first */
    if (try_bucket(lex, plan__pair_key(h0, lex->province_hash), ws, at, province, agency, nwords))
      return true;
  }
  return try_bucket(lex, plan__pair_key(h0, 0), ws, at, province, agency, nwords);
}

void plan__agency_info(const plan_lexicon *lex, size_t i, plan_agency_info *out) {
  const plan_agency_def *d = (const plan_agency_def *)lex->agencies.data + i;
  out->id = d->id;
  out->name = d->name;
  out->level = d->level;
  out->kind = d->kind;
  out->portfolios = d->portfolios;
}

size_t plan_lexicon_agency_count(const plan_lexicon *lex) { return lex ? lex->agencies.len : 0; }

plan_status plan_lexicon_agency(const plan_lexicon *lex, size_t i, const char **id,
                                const char **name, const char **level, const char **kind,
                                const char **portfolios, plan_error *err) {
  if (!lex) return plan__error(err, PLAN_EINVAL, 0, 0, 0, "lexicon is NULL");
  if (i >= lex->agencies.len)
    return plan__error(err, PLAN_EINVAL, 0, 0, 0, "agency %zu of %zu", i, lex->agencies.len);
  plan_agency_info a;
  plan__agency_info(lex, i, &a);
  if (id) *id = a.id;
  if (name) *name = a.name;
  if (level) *level = a.level;
  if (kind) *kind = a.kind;
  if (portfolios) *portfolios = a.portfolios;
  return PLAN_OK;
}

plan_status plan_lexicon_add_agency(plan_lexicon *lex, const char *id, const char *name,
                                    const char *level, const char *kind, const char *portfolios,
                                    const char *aliases, plan_error *err) {
  if (!lex) return plan__error(err, PLAN_EINVAL, 0, 0, 0, "lexicon is NULL");
  plan_status st = plan__agency_add(lex, id, name, level, kind, portfolios, aliases);
  if (st == PLAN_EINVAL)
    return plan__error(err, st, 0, 0, 0, "an agency needs an id without spaces and a name");
  return st == PLAN_OK ? st : plan__error(err, st, 0, 0, 0, "%s", plan_strerror(st));
}

const char *plan_lexicon_resolve(const plan_lexicon *lex, const char *name, size_t len) {
  if (!lex || !name) return NULL;
  plan_words ws;
  if (plan__words(lex, name, len, &ws) != PLAN_OK) {
    plan__words_free(&ws);
    return NULL;
  }
  size_t start = 0, agency, n;
  if (plan__words_match_str(&ws, 0, "de nghi", &n)) start = n;
  const char *id = NULL;
  if (plan__agency_at(lex, &ws, start, NULL, &agency, &n))
    id = ((const plan_agency_def *)lex->agencies.data)[agency].id;
  plan__words_free(&ws);
  return id;
}

/* Out of memory it answers false and sets *oom. */
bool plan__alias_spans(const plan_lexicon *lex, const char *left, size_t ln, const char *right,
                       size_t rn, bool *oom) {
  /* the tail of the left line and the head of the right one, as words */
  size_t lb = ln > 48 ? ln - 48 : 0;
  while (lb > 0 && ((unsigned char)left[lb] & 0xC0) == 0x80) lb--;
  size_t re = rn < 64 ? rn : 64;
  while (re < rn && ((unsigned char)right[re] & 0xC0) == 0x80) re++;
  char text[48 + 4 + 1 + 64 + 4 + 1]; /* the two pieces and a space: no allocation */
  plan_buf joined = {.data = text, .cap = sizeof text, .fixed = true};
  plan__buf_put(&joined, left + lb, ln - lb);
  size_t boundary = joined.len;
  plan__buf_putc(&joined, ' ');
  plan__buf_put(&joined, right, re);
  bool spans = false;
  plan_words ws = {0};
  if (joined.oom) return false; /* cannot be: the pieces are bounded */
  if (plan__words(lex, joined.data, joined.len, &ws) != PLAN_OK) {
    *oom = true;
  } else {
    for (size_t i = 0; i < plan__words_count(&ws) && !spans; i++) {
      if (plan__word_start(&ws, i) >= boundary) break;
      size_t agency, n;
      if (plan__agency_at(lex, &ws, i, NULL, &agency, &n) &&
          plan__word_end(&ws, i + n - 1) > boundary)
        spans = true;
    }
  }
  plan__words_free(&ws);
  return spans;
}

/* The longest text read as names alone: a few office holders. */
#define NAMES_MAX 240

/* Out of memory it answers false and sets *oom. */
bool plan__opens_with_body(const plan_lexicon *lex, const char *s, size_t n, bool whole,
                           bool *oom) {
  size_t e = n < 64 ? n : 64; /* a name's first words */
  if (whole) {
    if (n > NAMES_MAX) return false;
    e = n;
  }
  while (e < n && ((unsigned char)s[e] & 0xC0) == 0x80) e++;
  plan_words ws = {0};
  bool opens = false;
  if (plan__words(lex, s, e, &ws) != PLAN_OK) {
    *oom = true;
  } else if (plan__words_count(&ws)) {
    size_t agency, len;
    opens = plan__agency_head_at(lex, &ws, 0) || plan__agency_at(lex, &ws, 0, NULL, &agency, &len);
    for (size_t i = 1; opens && whole && i < plan__words_count(&ws); i++)
      if (plan__duty_verb_at(lex, &ws, i)) opens = false;
  }
  plan__words_free(&ws);
  return opens;
}
