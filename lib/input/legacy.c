/* legacy.c - the encodings older Vietnamese documents are in (TCVN3, VNI,
 * VIQR, Windows-1258): decoding them to UTF-8 with a map back to the input
 * bytes, and telling them apart by the syllables each decoding gives.
 * The byte tables are data (data/enc_*.tsv). */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <utf8proc.h>

#include "input.h"
#include "data/data.h"

typedef struct enc_entry {
  unsigned char bytes[3];
  unsigned char n;
  const char *text;
  unsigned char tlen;
} enc_entry;

/* One encoding's table, indexed by first byte for the longest match. */
typedef struct enc_index {
  enc_entry *entries;
  unsigned short first[257]; /* entries with first byte b: [first[b], first[b+1]) */
  bool viqr;                 /* backslash escapes, marks after the letter */
} enc_index;

static const plan_pair *table_of(plan_encoding e, size_t *n) {
  switch (e) {
  case PLAN_ENCODING_TCVN3: *n = plan__table_enc_tcvn3_count; return plan__table_enc_tcvn3;
  case PLAN_ENCODING_VNI: *n = plan__table_enc_vni_count; return plan__table_enc_vni;
  case PLAN_ENCODING_VIQR: *n = plan__table_enc_viqr_count; return plan__table_enc_viqr;
  case PLAN_ENCODING_CP1258: *n = plan__table_enc_cp1258_count; return plan__table_enc_cp1258;
  default: *n = 0; return NULL;
  }
}

static int hexval(char c) {
  return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

static int entry_cmp(const void *a, const void *b) {
  const enc_entry *x = a, *y = b;
  if (x->bytes[0] != y->bytes[0]) return x->bytes[0] - y->bytes[0];
  return (int)y->n - (int)x->n; /* longest first: the first match wins */
}

static bool index_build(enc_index *ix, plan_encoding e) {
  size_t n;
  const plan_pair *rows = table_of(e, &n);
  memset(ix, 0, sizeof *ix);
  ix->viqr = e == PLAN_ENCODING_VIQR;
  ix->entries = calloc(n ? n : 1, sizeof *ix->entries);
  if (!ix->entries) return false;
  size_t k = 0;
  for (size_t i = 0; i < n; i++) {
    enc_entry *en = &ix->entries[k];
    size_t hl = strlen(rows[i].first);
    if (hl == 0 || hl % 2 || hl > 6) continue;
    for (size_t j = 0; j < hl / 2; j++)
      en->bytes[j] = (unsigned char)(hexval(rows[i].first[2 * j]) * 16 +
                                     hexval(rows[i].first[2 * j + 1]));
    en->n = (unsigned char)(hl / 2);
    en->text = rows[i].second;
    en->tlen = (unsigned char)strlen(rows[i].second);
    k++;
  }
  qsort(ix->entries, k, sizeof *ix->entries, entry_cmp);
  size_t j = 0;
  for (int b = 0; b <= 256; b++) {
    while (j < k && ix->entries[j].bytes[0] < b) j++;
    ix->first[b] = (unsigned short)j;
  }
  return true;
}

static bool viqr_special(char c) {
  return c && strchr("^(+'`?~.\\dD", c) != NULL;
}

plan_status plan__legacy_decode(plan_encoding e, const char *in, size_t len, plan_buf *out,
                                plan_offmap *map, size_t *bad, size_t *first_bad) {
  enc_index ix;
  if (!index_build(&ix, e)) return PLAN_ENOMEM;
  const unsigned char *u = (const unsigned char *)in;
  size_t nbad = 0;
  *first_bad = SIZE_MAX;
  plan__buf_reserve(out, len + len / 2 + 16);
  for (size_t i = 0; i < len;) {
    plan__offmap_store(map, out->len, i);
    unsigned char b = u[i];
    if (ix.viqr && b == '\\' && i + 1 < len && viqr_special(in[i + 1])) {
      plan__buf_putc(out, in[i + 1]); /* an escaped mark is the character itself */
      i += 2;
      continue;
    }
    const enc_entry *best = NULL;
    for (unsigned j = ix.first[b]; j < ix.first[b + 1]; j++) {
      const enc_entry *en = &ix.entries[j];
      if (en->n <= len - i && memcmp(en->bytes, u + i, en->n) == 0) { best = en; break; }
    }
    if (best) {
      plan__buf_put(out, best->text, best->tlen);
      i += best->n;
    } else if (b < 0x80) {
      plan__buf_putc(out, (char)b);
      i++;
    } else { /* a byte the encoding does not define */
      if (nbad++ == 0) *first_bad = i;
      plan__buf_put(out, "\xEF\xBF\xBD", 3);
      i++;
    }
  }
  free(ix.entries);
  *bad = nbad;
  return out->oom || map->anchors.oom ? PLAN_ENOMEM : PLAN_OK;
}

/* ---- detection ------------------------------------------------------ */

#define SAMPLE_BYTES ((size_t)256 << 10) /* what detection decodes at most */

/* A Vietnamese syllable's skeleton (letters without marks, lower case):
 * onset, a vowel cluster Vietnamese has, coda. */
static const char syllable_pattern[] =
    "^(?:ngh|ng|gh|gi|nh|ch|kh|ph|th|tr|qu|[bcdghklmnprstvx])?"
    "(?:uye|uya|uyu|ieu|yeu|oai|oay|oeo|uoi|uou|uay|"
    "ai|ao|au|ay|eo|eu|ia|ie|iu|oa|oe|oi|oo|ua|ue|ui|uo|uu|uy|ye|[aeiouy])"
    "(?:ch|ng|nh|[cmnpt])?$";

typedef struct scorer {
  pcre2_code *re;
  pcre2_match_data *md;
} scorer;

/* Marks that legitimately stand outside words in any of the encodings. */
static bool benign_symbol(int32_t c) {
  return c == 0xA0 || (c >= 0x2010 && c <= 0x2027) || c == 0xFFFD || c == 0xAB || c == 0xBB ||
         c == 0xB0 || c == 0xA7 || c == 0xA9;
}

/* Scores a decoded text: +1 per word with a diacritic that is a valid
 * syllable, -1 per word with a non-ASCII character that is not, -1 per
 * stray symbol.  Words of plain ASCII letters read the same in every
 * encoding and do not count. */
static long score_text(scorer *sc, const char *s, size_t n, long *valid) {
  long score = 0;
  *valid = 0;
  char skel[16];
  size_t k = 0, tones = 0;
  bool marked = false, bad = false;
  for (size_t i = 0; i <= n;) {
    int32_t c = 0;
    ptrdiff_t l = 1;
    if (i < n) {
      l = plan__utf8_next(s + i, n - i, &c);
      if (l < 0) { c = 0xFFFD; l = 1; }
    }
    const plan_letter *lt = c >= 0x80 ? plan__letter(c) : NULL;
    bool ascii_letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    bool combining = c >= 0x300 && c <= 0x36F;
    bool other_letter = c >= 0x80 && !lt && !combining && !benign_symbol(c) &&
                        c != 0xFFFD && (c < 0x2000 || c > 0x206F);
    if (i < n && (ascii_letter || lt || combining || other_letter)) {
      if (ascii_letter) {
        if (k < sizeof skel - 1) skel[k++] = (char)(c | 0x20);
      } else if (lt) {
        if (k < sizeof skel - 1) skel[k++] = lt->skeleton;
        marked = true;
        if (lt->info >> 1) tones++;
      } else {
        marked = bad = true; /* a combining mark NFC left, or a letter Vietnamese lacks */
      }
    } else {
      if (k && marked) {
        skel[k] = '\0';
        bool ok = !bad && tones <= 1 && k < sizeof skel - 1 &&
                  pcre2_match(sc->re, (PCRE2_SPTR)skel, k, 0, 0, sc->md, NULL) >= 0;
        score += ok ? 1 : -1;
        *valid += ok;
      }
      k = tones = 0;
      marked = bad = false;
      if (i < n && c >= 0x80 && !benign_symbol(c)) score--; /* stray symbol */
    }
    i += (size_t)l;
  }
  return score;
}

/* A cheap look for VIQR marks in ASCII text: a vowel followed by ^ ( + or
 * a tone character that is followed by a letter. */
static size_t viqr_signals(const char *s, size_t n) {
  size_t hits = 0;
  for (size_t i = 1; i + 1 < n; i++) {
    char p = (char)(s[i - 1] | 0x20), c = s[i], nx = s[i + 1];
    if (!strchr("aeiouy", p)) continue;
    if (c == '^' || c == '(' || c == '+') hits++;
    else if ((c == '\'' || c == '`' || c == '~' || c == '?') &&
             ((nx | 0x20) >= 'a' && (nx | 0x20) <= 'z'))
      hits++;
  }
  return hits;
}

static bool scorer_new(scorer *sc) {
  int ec;
  PCRE2_SIZE eo;
  sc->re = pcre2_compile((PCRE2_SPTR)syllable_pattern, PCRE2_ZERO_TERMINATED, 0, &ec, &eo, NULL);
  sc->md = sc->re ? pcre2_match_data_create_from_pattern(sc->re, NULL) : NULL;
  if (sc->re) pcre2_jit_compile(sc->re, PCRE2_JIT_COMPLETE);
  return sc->md != NULL;
}

static void scorer_free(scorer *sc) {
  pcre2_match_data_free(sc->md);
  pcre2_code_free(sc->re);
}

/* Scores the input decoded as e; NFC first, so that Windows-1258's
 * combining tones meet their letters. */
static plan_status score_encoding(scorer *sc, plan_encoding e, const char *in, size_t len,
                                  long *score, long *valid) {
  plan_buf b = {0};
  plan_offmap m;
  plan__offmap_init(&m);
  size_t bad, first_bad;
  plan_status st = plan__legacy_decode(e, in, len, &b, &m, &bad, &first_bad);
  plan__offmap_free(&m);
  if (st == PLAN_OK) {
    utf8proc_uint8_t *nfc = NULL;
    utf8proc_ssize_t r = utf8proc_map((const utf8proc_uint8_t *)b.data, (utf8proc_ssize_t)b.len,
                                      &nfc, UTF8PROC_COMPOSE | UTF8PROC_STABLE);
    if (r < 0) st = PLAN_ENOMEM;
    else *score = score_text(sc, (const char *)nfc, (size_t)r, valid) - 2 * (long)bad;
    free(nfc);
  }
  plan__buf_free(&b);
  return st;
}

/* Valid multi-byte UTF-8 sequences against invalid bytes: a UTF-8 file with
 * a few broken bytes stays UTF-8 (and gets the UTF-8 error). */
static bool mostly_utf8(const char *s, size_t n, bool *ascii) {
  size_t good = 0, badn = 0;
  *ascii = true;
  for (size_t i = 0; i < n;) {
    if ((unsigned char)s[i] < 0x80) { i++; continue; }
    *ascii = false;
    int32_t c;
    ptrdiff_t l = plan__utf8_next(s + i, n - i, &c);
    if (l > 0) { good++; i += (size_t)l; }
    else { badn++; i++; }
  }
  return badn == 0 || good > badn;
}

plan_status plan__legacy_detect(const char *in, size_t len, bool allow_viqr,
                                plan_encoding *out, plan_error *err) {
  bool ascii;
  *out = PLAN_ENCODING_UTF8;
  if (mostly_utf8(in, len, &ascii)) {
    if (!ascii || !allow_viqr || viqr_signals(in, len) < 3) return PLAN_OK;
  }
  static const plan_encoding eight_bit[] = {PLAN_ENCODING_TCVN3, PLAN_ENCODING_VNI,
                                            PLAN_ENCODING_CP1258};
  static const plan_encoding seven_bit[] = {PLAN_ENCODING_VIQR};
  const plan_encoding *cand = ascii ? seven_bit : eight_bit;
  size_t ncand = ascii ? 1 : 3;
  scorer sc;
  if (!scorer_new(&sc)) {
    scorer_free(&sc);
    return plan__error(err, PLAN_ENOMEM, 0, 0, 0, "out of memory");
  }
  /* A few hundred kilobytes hold thousands of syllables, plenty to tell
   * the encodings apart: a large file is not decoded three times over.
   * The sample ends at a space, so no character is cut in two. */
  size_t sample = len;
  if (sample > SAMPLE_BYTES) {
    sample = SAMPLE_BYTES;
    while (sample > 0 && in[sample - 1] != ' ' && in[sample - 1] != '\n') sample--;
    if (sample == 0) sample = SAMPLE_BYTES;
  }
  long score[3] = {0}, valid[3] = {0};
  plan_status st = PLAN_OK;
  for (size_t i = 0; i < ncand && st == PLAN_OK; i++)
    st = score_encoding(&sc, cand[i], in, sample, &score[i], &valid[i]);
  scorer_free(&sc);
  if (st != PLAN_OK) return plan__error(err, st, 0, 0, 0, "out of memory");
  size_t best = 0, second = ncand > 1 ? 1 : 0;
  for (size_t i = 1; i < ncand; i++) {
    if (score[i] > score[best]) { second = best; best = i; }
    else if (i != best && (second == best || score[i] > score[second])) second = i;
  }
  if (ascii) { /* VIQR or plain ASCII text */
    if (valid[0] >= 3 && score[0] >= 3) *out = PLAN_ENCODING_VIQR;
    return PLAN_OK;
  }
  if (score[best] < 3) {
    *out = PLAN_ENCODING_UTF8; /* none reads as Vietnamese: report it as bad UTF-8 */
    return PLAN_OK;
  }
  if (ncand > 1 && score[second] * 2 > score[best])
    return plan__error(err, PLAN_EENCODING, 0, 0, 0,
                       "not UTF-8, and could be %s (score %ld) or %s (score %ld); "
                       "name the encoding",
                       plan_encoding_name(cand[best]), score[best],
                       plan_encoding_name(cand[second]), score[second]);
  *out = cand[best];
  return PLAN_OK;
}

/* ---- names ----------------------------------------------------------- */

static const char *const input_names[] = {"auto", "text", "markdown", "html", "docx"};
static const char *const encoding_names[] = {"auto", "utf-8", "tcvn3", "vni", "viqr",
                                             "windows-1258"};

const char *plan_input_name(plan_input input) {
  return (unsigned)input < sizeof input_names / sizeof *input_names ? input_names[input] : NULL;
}

const char *plan_encoding_name(plan_encoding e) {
  return (unsigned)e < sizeof encoding_names / sizeof *encoding_names ? encoding_names[e] : NULL;
}

static int input_of(const char *name) {
  for (size_t i = 0; i < sizeof input_names / sizeof *input_names; i++)
    if (strcasecmp(name, input_names[i]) == 0) return (int)i;
  if (strcasecmp(name, "md") == 0) return PLAN_INPUT_MARKDOWN;
  if (strcasecmp(name, "txt") == 0) return PLAN_INPUT_TEXT;
  return -1;
}

plan_status plan_input_from_name(const char *name, plan_input *out, plan_error *err) {
  if (!name || !out) return plan__error(err, PLAN_EINVAL, 0, 0, 0, "name or out is NULL");
  int v = input_of(name);
  if (v < 0)
    return plan__error(err, PLAN_EINVAL, 0, 0, 0,
                       "unknown input kind '%.40s' (auto, text, markdown, html or docx)", name);
  *out = (plan_input)v;
  return PLAN_OK;
}

static int encoding_of(const char *name) {
  static const struct { const char *alias; plan_encoding e; } aliases[] = {
      {"utf8", PLAN_ENCODING_UTF8},      {"abc", PLAN_ENCODING_TCVN3},
      {"tcvn", PLAN_ENCODING_TCVN3},     {"tcvn5712", PLAN_ENCODING_TCVN3},
      {"vni-windows", PLAN_ENCODING_VNI}, {"cp1258", PLAN_ENCODING_CP1258},
      {"windows1258", PLAN_ENCODING_CP1258}};
  for (size_t i = 0; i < sizeof encoding_names / sizeof *encoding_names; i++)
    if (strcasecmp(name, encoding_names[i]) == 0) return (int)i;
  for (size_t i = 0; i < sizeof aliases / sizeof *aliases; i++)
    if (strcasecmp(name, aliases[i].alias) == 0) return (int)aliases[i].e;
  return -1;
}

plan_status plan_encoding_from_name(const char *name, plan_encoding *out, plan_error *err) {
  if (!name || !out) return plan__error(err, PLAN_EINVAL, 0, 0, 0, "name or out is NULL");
  int v = encoding_of(name);
  if (v < 0)
    return plan__error(err, PLAN_EINVAL, 0, 0, 0,
                       "unknown encoding '%.40s' (auto, utf-8, tcvn3, vni, viqr or "
                       "windows-1258)", name);
  *out = (plan_encoding)v;
  return PLAN_OK;
}
