/* refs.c - the documents a plan cites: numbers (1472/QĐ-TTg, 121/2020/QH14,
 * 240-KH/TU) with their kind, issuing body and date, and laws by name.
 * Mentions merge case-insensitively: "1472/QĐ-TTG" in an upper-case title
 * is "1472/QĐ-TTg". */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "segment.h"

static const struct { const char *fold, *kind; } kind_words[] = {
    {"quyet dinh", "Quyết định"}, {"nghi quyet", "Nghị quyết"}, {"ke hoach", "Kế hoạch"},
    {"chi thi", "Chỉ thị"},       {"to trinh", "Tờ trình"},     {"nghi dinh", "Nghị định"},
    {"thong tu lien tich", "Thông tư liên tịch"}, {"thong tu", "Thông tư"},
    {"cong van", "Công văn"},     {"thong bao", "Thông báo"},   {"huong dan", "Hướng dẫn"},
    {"chuong trinh", "Chương trình"}, {"bao cao", "Báo cáo"},
};

static const char *kind_of_word(const char *s, size_t n) {
  char f[64]; /* longer than every kind word: none */
  if (!plan__fold_fixed(f, sizeof f, s, n)) return NULL;
  for (size_t i = 0; i < sizeof kind_words / sizeof *kind_words; i++)
    if (strcmp(f, kind_words[i].fold) == 0) return kind_words[i].kind;
  return NULL;
}

static bool mostly_upper(const char *s, size_t n) {
  size_t lower = 0;
  for (size_t i = 0; i < n; i++) lower += s[i] >= 'a' && s[i] <= 'z';
  return lower == 0;
}

/* The references by their folded key: open addressing over indices into
 * doc->refs (plus one; 0 is empty), kept under half full, so merging a
 * mention costs the same with ten references or ten thousand. */
typedef struct ref_index {
  size_t *slots;
  size_t cap; /* a power of two */
  bool oom;
} ref_index;

static size_t hash_str(const char *s) {
  uint64_t h = 1469598103934665603ull;
  for (; *s; s++) h = (h ^ (unsigned char)*s) * 1099511628211ull;
  return (size_t)(h ^ h >> 29);
}

static plan_reference *find(const plan_outline *doc, const ref_index *ix, const char *fold, size_t *slot) {
  for (size_t i = hash_str(fold) & (ix->cap - 1);; i = (i + 1) & (ix->cap - 1)) {
    *slot = i;
    if (!ix->slots[i]) return NULL;
    plan_reference *r = (plan_reference *)doc->refs.data + ix->slots[i] - 1;
    if (strcmp(r->fold, fold) == 0) return r;
  }
}

/* Room for one more reference; false when out of memory. */
static bool index_grow(const plan_outline *doc, ref_index *ix) {
  if ((doc->refs.len + 1) * 2 <= ix->cap) return true;
  size_t cap = ix->cap ? ix->cap * 2 : 64;
  size_t *slots = calloc(cap, sizeof *slots);
  if (!slots) return !(ix->oom = true);
  free(ix->slots);
  ix->slots = slots;
  ix->cap = cap;
  for (size_t k = 0; k < doc->refs.len; k++) {
    size_t at;
    find(doc, ix, ((plan_reference *)doc->refs.data)[k].fold, &at);
    ix->slots[at] = k + 1;
  }
  return true;
}

/* Adds one mention; display is the number or law as printed. */
static plan_reference *mention(plan_outline *doc, ref_index *ix, const plan_para *p, size_t at,
                               const char *display, size_t dl, bool law) {
  if (!index_grow(doc, ix)) return NULL;
  char *f = plan__fold(display, dl);
  if (!f) { /* the stage says PLAN_ENOMEM */
    doc->arena.oom = true;
    return NULL;
  }
  size_t slot;
  plan_reference *r = find(doc, ix, f, &slot);
  if (r) {
    free(f);
    r->count++;
    /* prefer a mixed-case spelling over one from an upper-case title */
    if (!law && mostly_upper(r->number, strlen(r->number)) && !mostly_upper(display, dl)) {
      r->number = plan__arena_strndup(&doc->arena, display, dl);
      r->issuer = NULL; /* read again from this spelling */
    }
    return r;
  }
  r = plan__vec_push(&doc->refs);
  if (!r) { free(f); return NULL; }
  r->fold = plan__arena_strndup(&doc->arena, f, strlen(f));
  free(f);
  if (!r->fold) return NULL;
  ix->slots[slot] = doc->refs.len;
  r->count = 1;
  if (law) {
    r->title = plan__arena_strndup(&doc->arena, display, dl);
    r->kind = "Luật";
  } else {
    r->number = plan__arena_strndup(&doc->arena, display, dl);
  }
  plan__doc_position(doc, plan__para_norm(p, at), &r->offset, &r->line, NULL);
  return r;
}

static void read_date(plan_outline *doc, const plan_para *p, size_t from, plan_reference *r,
                      pcre2_match_data *md) {
  if (r->date) return;
  const pcre2_code *re = plan__lexicon_pattern(doc->lex, PLAN_RE_DATE);
  if (pcre2_match(re, (PCRE2_SPTR)p->text, p->len, from, PCRE2_NO_UTF_CHECK, md, plan__lexicon_match_context(doc->lex)) < 0)
    return;
  PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
  char buf[16];
  snprintf(buf, sizeof buf, "%.4s-%02d-%02d", p->text + ov[6], atoi(p->text + ov[4]),
           atoi(p->text + ov[2]));
  r->date = plan__arena_strndup(&doc->arena, buf, strlen(buf));
}

/* Kind and issuing body from the number's codes: 1472/QĐ-TTg -> QĐ, TTg. */
static void codes(plan_outline *doc, plan_reference *r, const char *code, size_t cl, bool hyphen_style,
                  const char *body, size_t bl) {
  const char *dash = memchr(code, '-', cl);
  size_t first = dash ? (size_t)(dash - code) : cl;
  size_t type_len = first;
  while (type_len && code[type_len - 1] >= '0' && code[type_len - 1] <= '9') type_len--; /* QH14 */
  const char *kind = plan__ref_kind_of_code(code, type_len);
  if (!r->kind) r->kind = kind;
  if (r->issuer) return;
  if (hyphen_style) r->issuer = plan__arena_strndup(&doc->arena, body, bl);
  else if (dash && kind && strcmp(kind, "Công văn") != 0)
    r->issuer = plan__arena_strndup(&doc->arena, dash + 1, cl - first - 1);
  else
    r->issuer = plan__arena_strndup(&doc->arena, code, first);
}

/* Longest number a mention is tidied in: the pattern's window is shorter. */
#define NUMBER_MAX 256

/* s[0, *n) without the stray spaces a copy left after a code's dash or
 * before a slash ("1717/QĐ- UBND" is "1717/QĐ-UBND", "409 /TTr-SVHTTDL"
 * is "409/TTr-SVHTTDL"): buf, or s itself when it has none. */
static const char *without_stray_spaces(const char *s, size_t *n, char *buf) {
  if (*n >= NUMBER_MAX || (!memmem(s, *n, "- ", 2) && !memmem(s, *n, " /", 2))) return s;
  size_t k = 0;
  for (size_t i = 0; i < *n; i++)
    if (!(s[i] == ' ' && ((i > 0 && s[i - 1] == '-') || (i + 1 < *n && s[i + 1] == '/'))))
      buf[k++] = s[i];
  *n = k;
  return buf;
}

/* Does the text hold "Luật"?  memchr finds the capitals fast; glibc's
 * memmem costs more for a needle this short. */
static bool has_law_word(const char *s, size_t n) {
  static const char word[] = "Luật";
  const size_t wl = sizeof word - 1;
  for (const char *p = s; (p = memchr(p, 'L', (size_t)(s + n - p))) != NULL; p++)
    if ((size_t)(s + n - p) >= wl && memcmp(p, word, wl) == 0) return true;
  return false;
}

plan_status plan__refs(plan_outline *doc) {
  const pcre2_code *re = plan__lexicon_pattern(doc->lex, PLAN_RE_REFERENCE);
  const pcre2_code *law = plan__lexicon_pattern(doc->lex, PLAN_RE_LAW);
  pcre2_match_data *md = pcre2_match_data_create_from_pattern(re, NULL);
  pcre2_match_data *md2 = pcre2_match_data_create(8, NULL);
  ref_index ix = {0};
  if (!md || !md2) {
    pcre2_match_data_free(md);
    pcre2_match_data_free(md2);
    return PLAN_ENOMEM;
  }
  for (size_t i = doc->first_para; i < doc->end_para; i++) {
    const plan_para *p = &doc->paras[i];
    /* Every document number holds a '/', and the kind word, "số" and the
     * number before it fit in 64 bytes, the codes after it in a word: the
     * pattern runs on that window around each '/' only, not from every
     * position of the paragraph.  The window widens to whole words, by 32
     * bytes at most each way: a token of thousands of slashes ("1/2/3/...")
     * costs each slash a bounded window, not the token (the pattern's
     * look-behind still sees the bytes before the window). */
    size_t pos = 0;
    while (pos < p->len) {
      const char *sl = memchr(p->text + pos, '/', p->len - pos);
      if (!sl) break;
      size_t slash = (size_t)(sl - p->text), start = slash > 64 ? slash - 64 : 0;
      if (start < pos) start = pos;
      else
        for (size_t k = 0; k < 32 && start > pos && p->text[start - 1] != ' '; k++) start--;
      size_t end = slash + 64 < p->len ? slash + 64 : p->len;
      for (size_t k = 0; k < 32 && end < p->len && p->text[end] != ' '; k++) end++;
      if (pcre2_match(re, (PCRE2_SPTR)p->text, end, start, PCRE2_NO_UTF_CHECK, md,
                      plan__lexicon_match_context(doc->lex)) <= 0) {
        pos = slash + 1;
        continue;
      }
      PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
      bool hyphen = ov[4] == PCRE2_UNSET;
      size_t ns = hyphen ? ov[10] : ov[4], ne = ov[1], nl = ne - ns;
      char number[NUMBER_MAX], code[NUMBER_MAX];
      const char *shown = without_stray_spaces(p->text + ns, &nl, number);
      plan_reference *r = mention(doc, &ix, p, ns, shown, nl, false);
      if (r) {
        if (ov[2] != PCRE2_UNSET && !r->kind) r->kind = kind_of_word(p->text + ov[2], ov[3] - ov[2]);
        if (hyphen) {
          codes(doc, r, p->text + ov[12], ov[13] - ov[12], true, p->text + ov[14], ov[15] - ov[14]);
        } else {
          size_t cl = ov[9] - ov[8];
          const char *c = without_stray_spaces(p->text + ov[8], &cl, code);
          codes(doc, r, c, cl, false, NULL, 0);
        }
        read_date(doc, p, ne, r, md2);
      }
      pos = ne > pos ? ne : pos + 1;
    }
    pos = has_law_word(p->text, p->len) ? 0 : p->len;
    while (pos < p->len &&
           pcre2_match(law, (PCRE2_SPTR)p->text, p->len, pos, PCRE2_NO_UTF_CHECK, md2, plan__lexicon_match_context(doc->lex)) > 0) {
      PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md2);
      mention(doc, &ix, p, ov[0], p->text + ov[0], ov[3] - ov[0], true);
      pos = ov[1] > pos ? ov[1] : pos + 1;
    }
  }
  pcre2_match_data_free(md);
  pcre2_match_data_free(md2);
  free(ix.slots);
  /* the document's own number is dated by its header ("Số: 145/QĐ-UBND"
   * over "Bắc Kạn, ngày 02 tháng 02 năm 2021"), which no date follows on
   * its line */
  const char *own = doc->meta[PLAN_META_NUMBER], *date = doc->meta[PLAN_META_DATE];
  plan_reference *refs = doc->refs.data;
  for (size_t r = 0; own && date && strlen(date) == 10 && r < doc->refs.len; r++)
    if (!refs[r].date && refs[r].number && strcmp(refs[r].number, own) == 0) refs[r].date = date;
  return doc->refs.oom || doc->arena.oom || ix.oom ? PLAN_ENOMEM : PLAN_OK;
}
