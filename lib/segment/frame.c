/* frame.c - what the frame of an administrative document says: the issuer,
 * the number, the place and date, the signer.  Each function reads one
 * paragraph and fills the document's metadata. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "segment.h"
#include "frame.h"

static pcre2_match_data *match(const plan_outline *doc, plan_pattern which, const char *s, size_t n,
                               size_t start) {
  const pcre2_code *re = plan__lexicon_pattern(doc->lex, which);
  pcre2_match_data *md = pcre2_match_data_create_from_pattern(re, NULL);
  if (!md) return NULL;
  if (pcre2_match(re, (PCRE2_SPTR)s, n, start, PCRE2_NO_UTF_CHECK, md, plan__lexicon_match_context(doc->lex)) < 0) {
    pcre2_match_data_free(md);
    return NULL;
  }
  return md;
}

/* Group g of a match, or n == 0 when it did not take part. */
static const char *group(pcre2_match_data *md, const char *s, int g, size_t *n) {
  PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
  if (ov[2 * g] == PCRE2_UNSET) { *n = 0; return NULL; }
  *n = ov[2 * g + 1] - ov[2 * g];
  return s + ov[2 * g];
}

bool plan__frame_is_motto(const plan_para *p) {
  return plan__para_starts(p, "cong hoa xa hoi chu nghia viet nam") ||
         plan__para_starts(p, "doc lap tu do hanh phuc");
}

/* The bytes of s[0, n) that a province's name (data/provinces.tsv) fills
 * from its start, the longest that does, or 0: "BẮC NINH SỞ Y TẾ" -> 9. */
static size_t province_prefix(const plan_outline *doc, const char *s, size_t n) {
  char f[256];
  plan__fold_fixed(f, sizeof f, s, n < 200 ? n : 200);
  const char *const *keys = plan__lexicon_keys(doc->lex, PLAN_TABLE_PROVINCES);
  size_t best_words = 0;
  for (size_t k = 0; k < plan__table_provinces_count; k++) {
    size_t kl = keys[k] ? strlen(keys[k]) : 0;
    if (!kl || strncmp(f, keys[k], kl) != 0 || (f[kl] != '\0' && f[kl] != ' ')) continue;
    size_t words = 1;
    for (const char *c = keys[k]; *c; c++) words += *c == ' ';
    if (words > best_words) best_words = words;
  }
  size_t at = 0;
  for (size_t w = 0; w < best_words && at < n; w++) {
    while (at < n && s[at] == ' ') at++;
    while (at < n && s[at] != ' ') at++;
  }
  return at;
}

/* "SỞ Y TẾ" -> "Sở Y tế": the lexicon's name of the body printed, or the
 * text as printed when the lexicon does not know it. */
static char *body_name(plan_outline *doc, const char *s, size_t n) {
  const char *id = plan_lexicon_resolve(doc->lex, s, n);
  for (size_t i = 0, count = plan_lexicon_agency_count(doc->lex); id && i < count; i++) {
    const char *aid, *name;
    if (plan_lexicon_agency(doc->lex, i, &aid, &name, NULL, NULL, NULL, NULL) == PLAN_OK &&
        strcmp(aid, id) == 0)
      return plan__arena_strndup(&doc->arena, name, strlen(name));
  }
  return plan__trim_dup(&doc->arena, s, n);
}

/* "ỦY BAN NHÂN DÂN TỈNH BẮC KẠN" -> issuer "Ủy ban nhân dân tỉnh Bắc Kạn",
 * province "Bắc Kạn".  Under the province's committee, a body of its own
 * issues ("UBND TỈNH BẮC NINH" / "SỞ Y TẾ"): the issuer is that body, the
 * province the committee's.  Other issuers are kept as printed. */
bool plan__frame_issuer(plan_outline *doc, const char *s, size_t n) {
  static const struct { const char *fold, *prefix; } forms[] = {
      {"uy ban nhan dan tinh", "Ủy ban nhân dân tỉnh"},
      {"uy ban nhan dan thanh pho", "Ủy ban nhân dân thành phố"},
      {"ubnd tinh", "Ủy ban nhân dân tỉnh"},
      {"ubnd thanh pho", "Ủy ban nhân dân thành phố"},
      /* a decision its chair issues ("QĐ-CTUBND") */
      {"chu tich uy ban nhan dan tinh", "Chủ tịch Ủy ban nhân dân tỉnh"},
      {"chu tich uy ban nhan dan thanh pho", "Chủ tịch Ủy ban nhân dân thành phố"},
  };
  char f[256]; /* the forms are a few words: a prefix of the line is enough */
  plan__fold_fixed(f, sizeof f, s, n < 400 ? n : 400);
  bool ok = false;
  for (size_t i = 0; i < sizeof forms / sizeof *forms && !ok; i++) {
    size_t fl = strlen(forms[i].fold);
    if (strncmp(f, forms[i].fold, fl) != 0 || f[fl] != ' ') continue;
    /* the province: the words after as many source words as the form has */
    size_t words = 1;
    for (const char *c = forms[i].fold; *c; c++) words += *c == ' ';
    size_t at = 0;
    for (size_t w = 0; w < words && at < n; w++) {
      while (at < n && s[at] != ' ') at++;
      while (at < n && s[at] == ' ') at++;
    }
    /* a known province's name (what follows it is none of it), then
     * more words: the body that issues */
    size_t pl = province_prefix(doc, s + at, n - at), body = at + pl;
    while (body < n && s[body] == ' ') body++;
    unsigned char first = body < n ? (unsigned char)s[body] : 0; /* "-----" under it is a rule */
    bool under = pl && ((first >= 'A' && first <= 'Z') || first >= 0xC0);
    char *prov = plan__title_case(&doc->arena, s + at, pl ? pl : n - at);
    if (!prov) break;
    char *iss;
    if (under) {
      iss = body_name(doc, s + body, n - body);
    } else {
      size_t need = strlen(forms[i].prefix) + strlen(prov) + 2;
      iss = plan__arena_alloc(&doc->arena, need);
      if (iss) snprintf(iss, need, "%s %s", forms[i].prefix, prov);
    }
    if (!iss) break;
    doc->meta[PLAN_META_ISSUER] = iss;
    doc->meta[PLAN_META_PROVINCE] = prov;
    ok = true;
  }
  if (!ok && !doc->meta[PLAN_META_ISSUER]) doc->meta[PLAN_META_ISSUER] = plan__trim_dup(&doc->arena, s, n);
  return true;
}

bool plan__frame_is_number(const plan_outline *doc, const char *s, size_t n) {
  static const char so[] = "Số"; /* four bytes: S and ố */
  if (n < sizeof so - 1 || memcmp(s, so, sizeof so - 1) != 0) return false;
  pcre2_match_data *md = match(doc, PLAN_RE_NUMBER_LINE, s, n, 0);
  if (md) pcre2_match_data_free(md);
  return md != NULL;
}

bool plan__frame_number(plan_outline *doc, const char *s, size_t n) {
  pcre2_match_data *md = match(doc, PLAN_RE_NUMBER_LINE, s, n, 0);
  if (!md) return false;
  size_t dl, sl;
  const char *digits = group(md, s, 1, &dl), *suffix = group(md, s, 2, &sl);
  char *got = NULL;
  if (dl) /* "145" + "/QĐ-UBND" */
    got = plan__arena_strndup(&doc->arena, digits, dl + sl);
  else if (sl)
    got = plan__arena_strndup(&doc->arena, suffix, sl);
  if (got) { /* "3783/QĐ- UBND": the wrap's space goes */
    char *w = got;
    for (const char *r = got; *r; r++)
      if (!(*r == ' ' && r > got && r[-1] == '-')) *w++ = *r;
    *w = '\0';
    doc->meta[dl ? PLAN_META_NUMBER : PLAN_META_NUMBER_PATTERN] = got;
  }
  pcre2_match_data_free(md);
  return true;
}

bool plan__frame_place_date(plan_outline *doc, const plan_para *p) {
  pcre2_match_data *md = match(doc, PLAN_RE_PLACE_DATE, p->text, p->len, 0);
  if (!md) return false;
  size_t pl, dl, ml, yl;
  const char *place = group(md, p->text, 1, &pl);
  const char *day = group(md, p->text, 2, &dl), *month = group(md, p->text, 3, &ml);
  const char *year = group(md, p->text, 4, &yl);
  doc->meta[PLAN_META_PLACE] = plan__trim_dup(&doc->arena, place, pl);
  char buf[16];
  if (dl && ml) {
    snprintf(buf, sizeof buf, "%.4s-%02d-%02d", year, atoi(month), atoi(day));
  } else {
    snprintf(buf, sizeof buf, "%.4s", year);
    plan__diag(doc, PLAN_DIAG_GUESSED_DATE, p->norm_start,
               "the date has no %s: only the year %.4s is known", dl ? "month" : "day",
               year);
  }
  doc->meta[PLAN_META_DATE] = plan__arena_strndup(&doc->arena, buf, strlen(buf));
  pcre2_match_data_free(md);
  return true;
}

/* "TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH": the signer's title is the
 * title the block ends with. */
void plan__frame_signer_title(plan_outline *doc, const char *s, size_t n) {
  while (n && (s[n - 1] == ' ' || s[n - 1] == ':')) n--;
  size_t t = plan__title_suffix(s, n);
  if (t && !doc->meta[PLAN_META_SIGNER_TITLE])
    doc->meta[PLAN_META_SIGNER_TITLE] = plan__arena_strndup(&doc->arena, s + n - t, t);
}

void plan__frame_defaults(plan_outline *doc) {
  const char **m = doc->meta;
  /* No issuer block (Bình Định): a people's committee's number ("/KH-UBND")
   * and the place say who issued it. */
  const char *num = m[PLAN_META_NUMBER] ? m[PLAN_META_NUMBER] : m[PLAN_META_NUMBER_PATTERN];
  if (!m[PLAN_META_ISSUER] && m[PLAN_META_PLACE] && num && strstr(num, "UBND")) {
    const char *place = m[PLAN_META_PLACE];
    const char *level = plan__is_city(doc->lex, place, strlen(place)) ? "thành phố" : "tỉnh";
    size_t need = strlen(place) + 40;
    char *iss = plan__arena_alloc(&doc->arena, need);
    if (iss) {
      snprintf(iss, need, "Ủy ban nhân dân %s %s", level, place);
      m[PLAN_META_ISSUER] = iss;
    }
  }
  if (!m[PLAN_META_PROVINCE] && m[PLAN_META_PLACE]) m[PLAN_META_PROVINCE] = m[PLAN_META_PLACE];
  if (!m[PLAN_META_DOC_TYPE] && m[PLAN_META_SUBJECT]) m[PLAN_META_DOC_TYPE] = "CÔNG VĂN";
}
