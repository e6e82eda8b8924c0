/* tone.c - where a Vietnamese syllable carries its tone mark.
 *
 * The word arrives decomposed (base letters, each followed by its combining
 * marks).  We find the one tone mark, take it off, work out which vowel
 * should carry it, and put it back after that vowel's other marks, so a
 * tone typed before a circumflex or breve is repaired too.  The rules are
 * the orthography's, not a list of words:
 *   - "qu" and "gi" before another vowel are onsets, not vowels (quý, già);
 *   - a vowel with a circumflex, breve or horn takes the tone (the last such
 *     one: người, rượu);
 *   - a lone vowel takes it; in a closed syllable the last vowel does
 *     (hoạch, toán, Huỳnh); in three open vowels the middle one (khuỷu);
 *   - in the open pairs oa, oe, uy the style decides: first (traditional:
 *     hòa, khỏe, thủy) or second (modern: hoà, khoẻ, thuỷ); other open
 *     pairs take it on the first (mái, mía, múa). */
#include <utf8proc.h>

#include "text.h"

/* The five tone marks and the three vowel modifiers, as combining marks. */
static const int32_t tone_marks[] = {0x0300, 0x0301, 0x0303, 0x0309, 0x0323};
static const int32_t modifier_marks[] = {0x0302, 0x0306, 0x031B};

/* The open vowel pairs whose tone placement differs between the styles. */
static const char *const style_pairs[] = {"oa", "oe", "uy"};

#define MAX_LETTERS 24

static bool in_list(int32_t c, const int32_t *list, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (list[i] == c) return true;
  return false;
}

static bool is_mark(int32_t c) {
  utf8proc_category_t cat = utf8proc_category(c);
  return cat == UTF8PROC_CATEGORY_MN || cat == UTF8PROC_CATEGORY_MC ||
         cat == UTF8PROC_CATEGORY_ME;
}

static int ccc(int32_t c) { return utf8proc_get_property(c)->combining_class; }

/* Stable sort of each run of combining marks by combining class: the
 * canonical order NFC needs before composition. */
static void canonical_order(int32_t *cps, size_t n) {
  for (size_t i = 1; i < n; i++) {
    int32_t c = cps[i];
    int k = ccc(c);
    if (k == 0) continue;
    size_t j = i;
    while (j > 0 && ccc(cps[j - 1]) > k) {
      cps[j] = cps[j - 1];
      j--;
    }
    cps[j] = c;
  }
}

/* The lower-case ASCII skeleton of a base letter: 'a'..'z', 'd' for đ, or 0
 * for anything that is not a Latin letter Vietnamese uses. */
static char skeleton(int32_t c) {
  if (c >= 'A' && c <= 'Z') return (char)(c - 'A' + 'a');
  if (c >= 'a' && c <= 'z') return (char)c;
  if (c == 0x0110 || c == 0x0111) return 'd';
  return 0;
}

bool plan__is_vowel(char s) {
  return s == 'a' || s == 'e' || s == 'i' || s == 'o' || s == 'u' || s == 'y';
}
#define is_vowel plan__is_vowel

size_t plan__tone_target(const char *skel, const bool *modified, size_t nl,
                         size_t tone_letter, plan_tone_style style) {
  /* The vowel nucleus: one contiguous run of vowels after the onset. */
  size_t vs = 0;
  while (vs < nl && !is_vowel(skel[vs])) vs++;
  if (vs == nl) return SIZE_MAX;
  size_t ve = vs;
  while (ve + 1 < nl && is_vowel(skel[ve + 1])) ve++;
  for (size_t i = ve + 1; i < nl; i++)
    if (is_vowel(skel[i])) return SIZE_MAX; /* two syllables, or a foreign word */
  if (ve > vs && vs == 1 && skel[0] == 'q' && skel[1] == 'u') vs++;
  else if (ve > vs && vs == 1 && skel[0] == 'g' && skel[1] == 'i') vs++;

  if (style == PLAN_TONE_KEEP) return tone_letter;
  size_t target = vs;
  size_t len = ve - vs + 1;
  bool closed = ve + 1 < nl;
  bool found_mod = false;
  for (size_t i = vs; i <= ve; i++)
    if (modified[i]) { target = i; found_mod = true; }
  if (!found_mod && len > 1) {
    if (closed) {
      target = ve;
    } else if (len == 3) {
      target = vs + 1;
    } else {
      for (size_t k = 0; k < sizeof style_pairs / sizeof *style_pairs; k++)
        if (skel[vs] == style_pairs[k][0] && skel[ve] == style_pairs[k][1])
          target = style == PLAN_TONE_MODERN ? ve : vs;
    }
  }
  return target;
}

size_t plan__tone_place(int32_t *cps, size_t n, plan_tone_style style) {
  size_t start[MAX_LETTERS + 1]; /* index in cps of each letter's base */
  char skel[MAX_LETTERS];
  bool modified[MAX_LETTERS];
  size_t nl = 0, tones = 0, tone_letter = 0;
  int32_t tone = 0;

  canonical_order(cps, n);
  for (size_t i = 0; i < n; i++) {
    int32_t c = cps[i];
    if (is_mark(c)) {
      if (nl == 0) return n; /* a mark with no base letter */
      if (in_list(c, tone_marks, 5)) {
        tones++;
        tone = c;
        tone_letter = nl - 1;
      } else if (in_list(c, modifier_marks, 3)) {
        modified[nl - 1] = true;
      }
      continue;
    }
    if (nl == MAX_LETTERS) return n;
    skel[nl] = skeleton(c);
    if (!skel[nl]) return n; /* not a Vietnamese word: leave it */
    modified[nl] = false;
    start[nl++] = i;
  }
  start[nl] = n;
  if (tones != 1 || !is_vowel(skel[tone_letter])) return n;

  size_t target = plan__tone_target(skel, modified, nl, tone_letter, style);
  if (target == SIZE_MAX) return n;

  /* Rebuild even when the target is unchanged: the tone goes after the
   * letter's other marks, which repairs a tone typed before a circumflex
   * (equal combining classes keep their typed order in NFC). */
  int32_t out[MAX_LETTERS * 4];
  size_t o = 0;
  for (size_t l = 0; l < nl; l++) {
    for (size_t i = start[l]; i < start[l + 1]; i++) {
      if (cps[i] == tone) continue;
      if (o == sizeof out / sizeof *out) return n;
      out[o++] = cps[i];
    }
    if (l == target) {
      if (o == sizeof out / sizeof *out) return n;
      out[o++] = tone;
    }
  }
  canonical_order(out, o);
  for (size_t i = 0; i < o; i++) cps[i] = out[i];
  return o;
}
