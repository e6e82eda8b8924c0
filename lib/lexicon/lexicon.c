/* lexicon.c - the run-time table of abbreviations (agencies come later):
 * embedded defaults, entries added by the caller, and one compiled pcre2
 * matcher rebuilt whenever the table changes. */
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "lexicon.h"
#include "data/data.h"

typedef struct abbrev {
  char *abbreviation;
  char *expansion;
} abbrev;


static plan_status fold_table(plan_lexicon *lex, plan_table_id id, const plan_pair *t,
                              size_t count, bool second) {
  char **k = calloc(count + 1, sizeof *k);
  if (!k) return PLAN_ENOMEM;
  lex->keys[id] = k;
  for (size_t i = 0; i < count; i++) {
    const char *s = second ? t[i].second : t[i].first;
    if (!(k[i] = plan__fold(s, strlen(s)))) return PLAN_ENOMEM;
  }
  return PLAN_OK;
}

static plan_status fold_tables(plan_lexicon *lex) {
  plan_status st = fold_table(lex, PLAN_TABLE_DOC_TYPES, plan__table_doc_types,
                              plan__table_doc_types_count, false);
  if (!st) st = fold_table(lex, PLAN_TABLE_CITIES, plan__table_cities, plan__table_cities_count, false);
  if (!st) st = fold_table(lex, PLAN_TABLE_HYPHEN_LEFT, plan__table_hyphenated,
                           plan__table_hyphenated_count, false);
  if (!st) st = fold_table(lex, PLAN_TABLE_HYPHEN_RIGHT, plan__table_hyphenated,
                           plan__table_hyphenated_count, true);
  if (!st) st = fold_table(lex, PLAN_TABLE_PROVINCES, plan__table_provinces,
                           plan__table_provinces_count, false);
  if (!st) st = fold_table(lex, PLAN_TABLE_WEB_PORTALS, plan__table_web_portals,
                           plan__table_web_portals_count, false);
  if (!st) st = fold_table(lex, PLAN_TABLE_WEB_FURNITURE, plan__table_web_furniture,
                           plan__table_web_furniture_count, false);
  return st;
}

char *plan__fold_word_list(const char *list) {
  plan_buf b = {0};
  for (const char *p = list; *p && !b.oom;) {
    size_t n = strcspn(p, "|");
    char *w = plan__fold(p, n);
    if (!w) b.oom = true;
    else if (n) {
      if (b.len) plan__buf_putc(&b, '|');
      if (*w) plan__buf_put(&b, w, strlen(w));
      else plan__buf_put(&b, p, n); /* "," or "*": no word, kept as written */
    }
    free(w);
    p += n + (p[n] == '|');
  }
  plan__buf_putc(&b, '\0');
  if (b.oom) {
    plan__buf_free(&b);
    return NULL;
  }
  return b.data;
}

const char *const *plan__lexicon_keys(const plan_lexicon *lex, plan_table_id t) {
  return (const char *const *)lex->keys[t];
}

/* The segmenter's patterns, compiled once per lexicon.  Matched on text the
 * normalizer already validated, so with PCRE2_NO_UTF_CHECK. */
#define DOC_KINDS "quyết định|nghị quyết|kế hoạch|chỉ thị|tờ trình|nghị định|thông tư liên tịch|thông tư|công văn|thông báo|hướng dẫn|chương trình|báo cáo"
#define CODE "\\p{L}[\\p{L}\\p{N}&]*"
static const char *const pattern_sources[PLAN_RE_COUNT_] = {
    /* PLAN_RE_REFERENCE: 1472/QĐ-TTg, 121/2020/QH14, 56/2017/NĐ-CP, 240-KH/TU,
     * 66.2/2025/NQ-CP (a number with a part, never its part alone),
     * with the kind word that may precede it; a copy's stray space after a
     * code's dash before one in capitals ("1717/QĐ- UBND") stays inside,
     * and so does a line wrapped before the slash after a kind word ("Tờ
     * trình số 409" / "/TTr-SVHTTDL") */
    "(?:(?i)(" DOC_KINDS ")(?-i)\\s+(?:(?i)số(?-i)\\s*)?)?"
    "(?<![\\p{L}\\p{N}/\\-]|\\d\\.)"
    "(?:(\\d{1,5}(?:\\.\\d{1,2})?)(?:/(\\d{4}))?(?(1) ?)/(" CODE "(?:-" CODE "|- (?=\\p{Lu}[\\p{Lu}\\p{N}&]*(?![\\p{L}\\p{N}]))" CODE ")*)"
    "|(\\d{1,5})-(" CODE ")/(" CODE "))"
    "(?![\\p{L}\\p{N}])",
    /* PLAN_RE_DATE (anchored): ngày 28 tháng 9 năm 2020, ngày 28/9/2020 */
    "\\s*(?i)(?:,\\s*)?ngày\\s+(\\d{1,2})(?:\\s*/\\s*|\\s+tháng\\s+)(\\d{1,2})"
    "(?:\\s*/\\s*|\\s+năm\\s+)(\\d{4})",
    /* PLAN_RE_NUMBER_LINE (anchored): Số: 145/QĐ-UBND, Số: /KH-UBND, and
     * with no colon a number and its code: Số 2696/QĐ-UBND; a line wrapped
     * after a code's dash ("3783/QĐ-" / "UBND") leaves a space there */
    "(?i)số(?-i)(?:\\s*:\\s*|\\s+(?=\\d+/\\S))(\\d*)"
    "(/(?:- (?=\\p{Lu}[\\p{Lu}\\p{N}&]*(?![\\p{L}\\p{N}]))|\\S)*)?",
    /* PLAN_RE_PLACE_DATE (anchored): Bắc Kạn, ngày 02 tháng 02 năm 2021 */
    "([\\p{L}][\\p{L} .'\\-]*?)\\s*,\\s*(?i)ngày(?-i)\\s*(\\d{1,2})?\\s*(?i)tháng(?-i)\\s*"
    "(\\d{1,2})?\\s*(?i)năm(?-i)\\s*(\\d{4})",
    /* PLAN_RE_LAW: Luật Trẻ em, Luật Phòng, chống bạo lực gia đình */
    "\\bLuật\\s+(\\p{Lu}\\p{L}*(?:(?:,\\s+|\\s+)(?!ngày|năm|của|về|để|theo|trong|tại|và các|"
    "quy định|đã|được|nhằm|số|và\\s+\\p{Lu})\\p{Ll}+){0,8})",
};

static plan_status compile_patterns(plan_lexicon *lex) {
  lex->mctx = pcre2_match_context_create(NULL);
  if (!lex->mctx) return PLAN_ENOMEM;
  pcre2_set_match_limit(lex->mctx, PLAN_PCRE2_MATCH_LIMIT);
  pcre2_set_depth_limit(lex->mctx, PLAN_PCRE2_DEPTH_LIMIT);
  for (int i = 0; i < PLAN_RE_COUNT_; i++) {
    int code;
    PCRE2_SIZE at;
    uint32_t flags = PCRE2_UTF | PCRE2_UCP;
    if (i == PLAN_RE_DATE || i == PLAN_RE_NUMBER_LINE || i == PLAN_RE_PLACE_DATE)
      flags |= PCRE2_ANCHORED;
    lex->patterns[i] = pcre2_compile((PCRE2_SPTR)pattern_sources[i], PCRE2_ZERO_TERMINATED,
                                     flags, &code, &at, NULL);
    if (!lex->patterns[i]) return code == PCRE2_ERROR_NOMEMORY ? PLAN_ENOMEM : PLAN_EINVAL;
    pcre2_jit_compile(lex->patterns[i], PCRE2_JIT_COMPLETE);
  }
  return PLAN_OK;
}

pcre2_match_context *plan__lexicon_match_context(const plan_lexicon *lex) { return lex->mctx; }

const pcre2_code *plan__lexicon_pattern(const plan_lexicon *lex, plan_pattern p) {
  return lex->patterns[p];
}

static int abbrev_cmp(const void *a, const void *b) {
  return strcmp(((const abbrev *)a)->abbreviation, ((const abbrev *)b)->abbreviation);
}

static bool valid_utf8(const char *s) {
  size_t n = strlen(s);
  for (size_t i = 0; i < n;) {
    utf8proc_int32_t c;
    utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
                                          (utf8proc_ssize_t)(n - i), &c);
    if (k <= 0) return false;
    i += (size_t)k;
  }
  return true;
}

/* Longest first, so that "LĐ-TB&XH" wins over a shorter entry at the same
 * place; pcre2 takes the first alternative that matches. */
static int by_length_desc(const void *a, const void *b) {
  size_t x = strlen((*(const abbrev *const *)a)->abbreviation);
  size_t y = strlen((*(const abbrev *const *)b)->abbreviation);
  if (x != y) return x > y ? -1 : 1;
  return strcmp((*(const abbrev *const *)a)->abbreviation,
                (*(const abbrev *const *)b)->abbreviation);
}

static plan_status compile_matcher(plan_lexicon *lex) {
  pcre2_code_free(lex->abbrev_re);
  lex->abbrev_re = NULL;
  size_t n = lex->abbrevs.len;
  if (n == 0) return PLAN_OK;
  const abbrev **order = malloc(n * sizeof *order);
  if (!order) return PLAN_ENOMEM;
  for (size_t i = 0; i < n; i++) order[i] = (const abbrev *)lex->abbrevs.data + i;
  qsort(order, n, sizeof *order, by_length_desc);
  plan_buf p = {0};
  /* Whole tokens only, and never part of a document number such as
   * 145/QĐ-UBND or 4040/UBND-KGVX. A combining mark belongs to the letter
   * before it: "UBND" and U+0301 is no token (expanded, the mark would
   * compose with the expansion's last letter on the next pass). */
  plan__buf_printf(&p, "(?<![\\p{L}\\p{M}\\p{N}/&\\-])(?:");
  for (size_t i = 0; i < n; i++) {
    if (i) plan__buf_putc(&p, '|');
    for (const char *c = order[i]->abbreviation; *c; c++) {
      unsigned char u = (unsigned char)*c;
      if (u < 0x80 && !((u | 0x20) >= 'a' && (u | 0x20) <= 'z') && !(u >= '0' && u <= '9'))
        plan__buf_putc(&p, '\\');
      plan__buf_putc(&p, *c);
    }
  }
  plan__buf_printf(&p, ")(?![\\p{L}\\p{M}\\p{N}/&]|-[\\p{L}\\p{N}])");
  free(order);
  if (p.oom) { plan__buf_free(&p); return PLAN_ENOMEM; }
  int code;
  PCRE2_SIZE at;
  lex->abbrev_re = pcre2_compile((PCRE2_SPTR)p.data, p.len, PCRE2_UTF | PCRE2_UCP,
                                 &code, &at, NULL);
  plan__buf_free(&p);
  if (!lex->abbrev_re) return code == PCRE2_ERROR_NOMEMORY ? PLAN_ENOMEM : PLAN_EINVAL;
  pcre2_jit_compile(lex->abbrev_re, PCRE2_JIT_COMPLETE); /* optional speed-up */
  return PLAN_OK;
}

static abbrev *find(const plan_lexicon *lex, const char *key) {
  abbrev probe = {(char *)key, NULL};
  if (!lex->abbrevs.len) return NULL;
  return bsearch(&probe, lex->abbrevs.data, lex->abbrevs.len, sizeof(abbrev), abbrev_cmp);
}

/* Adds without recompiling; the caller recompiles once. */
static plan_status add(plan_lexicon *lex, const char *a, const char *e) {
  if (!a || !e || !*a || !*e || !valid_utf8(a) || !valid_utf8(e) ||
      strpbrk(a, " \t\n/"))
    return PLAN_EINVAL;
  char *ex = strdup(e);
  if (!ex) return PLAN_ENOMEM;
  abbrev *old = find(lex, a);
  if (old) {
    free(old->expansion);
    old->expansion = ex;
    return PLAN_OK;
  }
  char *ab = strdup(a);
  abbrev *slot = ab ? plan__vec_push(&lex->abbrevs) : NULL;
  if (!slot) {
    free(ab);
    free(ex);
    return PLAN_ENOMEM;
  }
  slot->abbreviation = ab;
  slot->expansion = ex;
  qsort(lex->abbrevs.data, lex->abbrevs.len, sizeof(abbrev), abbrev_cmp);
  return PLAN_OK;
}

/* Lexicons built so far, for tests (plan__lexicon_builds()). */
static atomic_size_t builds;

size_t plan__lexicon_builds(void) { return atomic_load(&builds); }

/* The lexicon of the embedded tables: PLAN_OK or PLAN_ENOMEM. */
static plan_status build(plan_lexicon **out) {
  *out = NULL;
  atomic_fetch_add(&builds, 1);
  plan_lexicon *lex = calloc(1, sizeof *lex);
  if (!lex) return PLAN_ENOMEM;
  plan__vec_init(&lex->abbrevs, sizeof(abbrev));
  plan_status st = PLAN_OK;
  for (size_t i = 0; i < plan__table_abbreviations_count && st == PLAN_OK; i++)
    st = add(lex, plan__table_abbreviations[i].first, plan__table_abbreviations[i].second);
  if (st == PLAN_OK) st = compile_matcher(lex);
  if (st == PLAN_OK) st = compile_patterns(lex);
  if (st == PLAN_OK) st = fold_tables(lex);
  if (st == PLAN_OK) st = plan__agencies_init(lex);
  if (st == PLAN_OK) st = plan__duty_verbs_init(lex);
  if (st == PLAN_OK) st = plan__agency_heads_init(lex);
  if (st != PLAN_OK) {
    plan_lexicon_free(lex);
    return st;
  }
  *out = lex;
  return PLAN_OK;
}

plan_status plan_lexicon_new(plan_lexicon **out, plan_error *err) {
  if (!out) return plan__error(err, PLAN_EINVAL, 0, 0, 0, "out is NULL");
  plan_status st = build(out);
  return st == PLAN_OK ? st : plan__error(err, st, 0, 0, 0, "%s", plan_strerror(st));
}

void plan_lexicon_free(plan_lexicon *lex) {
  if (!lex) return;
  for (size_t i = 0; i < lex->abbrevs.len; i++) {
    abbrev *a = (abbrev *)lex->abbrevs.data + i;
    free(a->abbreviation);
    free(a->expansion);
  }
  plan__vec_free(&lex->abbrevs);
  pcre2_code_free(lex->abbrev_re);
  for (int i = 0; i < PLAN_RE_COUNT_; i++) pcre2_code_free(lex->patterns[i]);
  plan__agencies_free(lex);
  plan__duty_verbs_free(lex);
  plan__agency_heads_free(lex);
  pcre2_match_context_free(lex->mctx);
  for (int t = 0; t < PLAN_TABLE_COUNT_; t++) {
    for (size_t i = 0; lex->keys[t] && lex->keys[t][i]; i++) free(lex->keys[t][i]);
    free(lex->keys[t]);
  }
  free(lex);
}

plan_status plan_lexicon_add_abbreviation(plan_lexicon *lex, const char *abbreviation,
                                          const char *expansion, plan_error *err) {
  if (!lex) return plan__error(err, PLAN_EINVAL, 0, 0, 0, "lexicon is NULL");
  plan_status st = add(lex, abbreviation, expansion);
  if (st == PLAN_EINVAL)
    return plan__error(err, st, 0, 0, 0,
                       "an abbreviation is non-empty UTF-8 without spaces or slashes, and so "
                       "is its expansion");
  if (st == PLAN_OK) st = compile_matcher(lex);
  return st == PLAN_OK ? st : plan__error(err, st, 0, 0, 0, "%s", plan_strerror(st));
}

plan_status plan_lexicon_add_duty_verb(plan_lexicon *lex, const char *phrase, const char *noun_after,
                                       plan_error *err) {
  if (!lex) return plan__error(err, PLAN_EINVAL, 0, 0, 0, "lexicon is NULL");
  plan_status st = !phrase || !valid_utf8(phrase) || (noun_after && !valid_utf8(noun_after))
                       ? PLAN_EINVAL
                       : plan__duty_verb_add(lex, phrase, noun_after);
  if (st == PLAN_EINVAL)
    return plan__error(err, st, 0, 0, 0, "a duty verb is a UTF-8 phrase of one word or more");
  return st == PLAN_OK ? st : plan__error(err, st, 0, 0, 0, "%s", plan_strerror(st));
}

plan_status plan_lexicon_add_agency_head(plan_lexicon *lex, const char *word, const char *next,
                                         plan_error *err) {
  if (!lex) return plan__error(err, PLAN_EINVAL, 0, 0, 0, "lexicon is NULL");
  plan_status st = !word || !valid_utf8(word) || (next && !valid_utf8(next))
                       ? PLAN_EINVAL
                       : plan__agency_head_add(lex, word, next);
  if (st == PLAN_EINVAL)
    return plan__error(err, st, 0, 0, 0, "a body's head word is one UTF-8 word");
  return st == PLAN_OK ? st : plan__error(err, st, 0, 0, 0, "%s", plan_strerror(st));
}

plan_status plan_lexicon_load_file(plan_lexicon *lex, const char *path, plan_error *err) {
  if (!lex || !path) return plan__error(err, PLAN_EINVAL, 0, 0, 0, "lexicon or path is NULL");
  char *data;
  size_t size;
  plan_status st = plan__read_file(path, PLAN_DEFAULT_MAX_INPUT, &data, &size, err);
  if (st != PLAN_OK) return st;
  if (memchr(data, '\0', size)) {
    size_t at = (size_t)((char *)memchr(data, '\0', size) - data), line, col;
    plan__position(data, size, at, &line, &col);
    free(data);
    return plan__error(err, PLAN_ENUL, at, line, col, "%s:%zu: a NUL byte", path, line);
  }
  size_t lineno = 0, offset = 0;
  while (st == PLAN_OK && offset < size) {
    char *line = data + offset, *nl = memchr(line, '\n', size - offset);
    size_t n = nl ? (size_t)(nl - line) : size - offset;
    if (nl) *nl = '\0';
    else line[n] = '\0'; /* the buffer's own NUL */
    lineno++;
    size_t here = offset;
    offset += n + 1;
    while (n > 0 && line[n - 1] == '\r') line[--n] = '\0';
    if (n == 0 || line[0] == '#') continue;
    if (!valid_utf8(line)) {
      st = plan__error(err, PLAN_EUTF8, here, lineno, 1, "%s:%zu: invalid UTF-8", path, lineno);
      break;
    }
    char *fields[8];
    size_t nf = 0;
    for (char *c = line; nf < 8;) {
      fields[nf++] = c;
      c = strchr(c, '\t');
      if (!c) break;
      *c++ = '\0';
    }
    if (strcmp(fields[0], "abbrev") == 0 && nf == 3) {
      st = add(lex, fields[1], fields[2]);
    } else if (strcmp(fields[0], "agency") == 0 && nf == 7) {
      st = plan__agency_add(lex, fields[1], fields[2], fields[3], fields[4], fields[5], fields[6]);
    } else if (strcmp(fields[0], "duty_verb") == 0 && (nf == 2 || nf == 3)) {
      st = plan__duty_verb_add(lex, fields[1], nf == 3 ? fields[2] : NULL);
    } else if (strcmp(fields[0], "agency_head") == 0 && (nf == 2 || nf == 3)) {
      st = plan__agency_head_add(lex, fields[1], nf == 3 ? fields[2] : NULL);
    } else {
      st = plan__error(err, PLAN_EFORMAT, here, lineno, 1,
                       "%s:%zu: expected abbrev<TAB>ABBR<TAB>Expansion, "
                       "agency<TAB>id<TAB>name<TAB>level<TAB>kind<TAB>portfolios<TAB>aliases "
                       "duty_verb<TAB>phrase[<TAB>words before which it is a noun] or "
                       "agency_head<TAB>word[<TAB>words one of which must follow]",
                       path, lineno);
      break;
    }
    if (st == PLAN_EINVAL)
      st = plan__error(err, PLAN_EFORMAT, here, lineno, 1, "%s:%zu: bad %s entry", path, lineno,
                       fields[0]);
    else if (st)
      plan__error(err, st, here, lineno, 1, "%s", plan_strerror(st));
  }
  free(data);
  plan_status cst = compile_matcher(lex);
  if (st == PLAN_OK && cst) st = plan__error(err, cst, 0, 0, 0, "%s", plan_strerror(cst));
  return st;
}

size_t plan_lexicon_abbreviation_count(const plan_lexicon *lex) {
  return lex ? lex->abbrevs.len : 0;
}

plan_status plan_lexicon_abbreviation(const plan_lexicon *lex, size_t i,
                                      const char **abbreviation, const char **expansion,
                                      plan_error *err) {
  if (!lex) return plan__error(err, PLAN_EINVAL, 0, 0, 0, "lexicon is NULL");
  if (i >= lex->abbrevs.len)
    return plan__error(err, PLAN_EINVAL, 0, 0, 0, "abbreviation %zu of %zu", i, lex->abbrevs.len);
  const abbrev *a = (const abbrev *)lex->abbrevs.data + i;
  if (abbreviation) *abbreviation = a->abbreviation;
  if (expansion) *expansion = a->expansion;
  return PLAN_OK;
}

const char *plan_lexicon_expand(const plan_lexicon *lex, const char *abbreviation) {
  if (!lex || !abbreviation) return NULL;
  const abbrev *a = find(lex, abbreviation);
  return a ? a->expansion : NULL;
}

const pcre2_code *plan__lexicon_abbrev_re(const plan_lexicon *lex) {
  return lex ? lex->abbrev_re : NULL;
}

/* The default lexicon: written once, under the lock, and read without it
 * after (the pointer is published with release order, so a reader that
 * sees it sees the lexicon whole).  A failed build leaves it NULL for the
 * next caller to try again. */
static _Atomic(plan_lexicon *) default_lexicon;
static pthread_mutex_t default_lock = PTHREAD_MUTEX_INITIALIZER;

const plan_lexicon *plan__lexicon_default(void) {
  plan_lexicon *lex = atomic_load_explicit(&default_lexicon, memory_order_acquire);
  if (lex) return lex;
  pthread_mutex_lock(&default_lock);
  lex = atomic_load_explicit(&default_lexicon, memory_order_relaxed);
  if (!lex && build(&lex) == PLAN_OK)
    atomic_store_explicit(&default_lexicon, lex, memory_order_release);
  pthread_mutex_unlock(&default_lock);
  return lex;
}

/* Freed when the library is unloaded (or the program ends), so leak
 * checkers see every byte given back. */
__attribute__((destructor)) static void free_default_lexicon(void) {
  plan_lexicon_free(atomic_exchange(&default_lexicon, NULL));
}
