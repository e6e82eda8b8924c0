/* words_simd.c - words.c's fold, sixty-four bytes at a time (AVX-512 with
 * VBMI2), for the texts it folds without a second look: ASCII, the
 * precomposed letters of the two letter tables, the punctuation of
 * U+2010-U+2027, and no two capitals after a space or edge punctuation
 * (which could start an abbreviation).  The scalar fold spends most of its
 * time on branches no predictor learns (is the next character one byte or
 * several, does the word end here); here a chunk's letters are looked up,
 * skeletons packed and words found with masks.  Any other text, or a CPU
 * without these instructions, is left to the scalar fold, which gives the
 * same words (tests/test_words.c and fuzz/fuzz_words.c hold the two to
 * each other). */
#include "data/data.h"
#include "lexicon.h"

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__)) && !defined(PLAN_NO_SIMD)
#include <immintrin.h>

#define TARGET                                                                                  \
  __attribute__((target("avx512f,avx512bw,avx512vl,avx512vbmi,avx512vbmi2,bmi,bmi2,popcnt,"    \
                        "lzcnt")))

/* (Every CPU with VBMI2 has LZCNT, which not every compiler can ask about.) */
bool plan__words_vector_ok(void) {
  return __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw") &&
         __builtin_cpu_supports("avx512vl") && __builtin_cpu_supports("avx512vbmi") &&
         __builtin_cpu_supports("avx512vbmi2") && __builtin_cpu_supports("bmi") &&
         __builtin_cpu_supports("bmi2") && __builtin_cpu_supports("popcnt");
}

/* Lane j takes byte j + 60 of the previous chunk and this one (lanes 64 on
 * are this chunk's): the byte four back; one more for three, two, one. */
static const unsigned char four_back[67] = {
    60,  61,  62,  63,  64,  65,  66,  67,  68,  69,  70,  71,  72,  73,  74,  75,  76,  77,
    78,  79,  80,  81,  82,  83,  84,  85,  86,  87,  88,  89,  90,  91,  92,  93,  94,
    95,  96,  97,  98,  99,  100, 101, 102, 103, 104, 105, 106, 107, 108, 109, 110, 111,
    112, 113, 114, 115, 116, 117, 118, 119, 120, 121, 122, 123, 124, 125, 126,
};

TARGET static inline __m512i back_by(__m512i prev, __m512i cur, int back) {
  __m512i idx = _mm512_loadu_si512(four_back + 4 - back);
  return _mm512_permutex2var_epi8(prev, idx, cur);
}

TARGET static inline uint64_t eq(__m512i v, int c) {
  return _mm512_cmpeq_epi8_mask(v, _mm512_set1_epi8((char)c));
}

/* Bytes in [lo, lo + count). */
TARGET static inline uint64_t in_range(__m512i v, int lo, int count) {
  return _mm512_cmplt_epu8_mask(_mm512_sub_epi8(v, _mm512_set1_epi8((char)lo)),
                                _mm512_set1_epi8((char)count));
}

/* Bytes after which a token's abbreviation can start: a space, the
 * punctuation words.c trims from a token's edges, NUL (before the text). */
TARGET static inline uint64_t opens(__m512i b, __m512i class_lo, __m512i class_hi) {
  __m512i class = _mm512_permutex2var_epi8(class_lo, b, class_hi);
  /* PLAN_BYTE_SPACE, then PLAN_BYTE_EDGE */
  return (in_range(class, PLAN_BYTE_SPACE, 2) & ~_mm512_movepi8_mask(b)) | eq(b, 0);
}

/* A capital an abbreviation is made of (A-Z, Đ) ends at each lane of v,
 * given the two bytes before, and the byte before the capital opens a
 * token's core. */
TARGET static inline uint64_t opening_capital(__m512i v, __m512i b1, __m512i b2,
                                              __m512i class_lo, __m512i class_hi) {
  return (in_range(v, 'A', 26) & opens(b1, class_lo, class_hi)) |
         (eq(v, 0x90) & eq(b1, 0xC4) & opens(b2, class_lo, class_hi));
}

TARGET static bool fold(const char *s, size_t n, plan_words *ws) {
  /* the folds' byte classes of ASCII: a letter folded, or a class below */
  const __m512i class_lo = _mm512_loadu_si512(plan__byte_class);
  const __m512i class_hi = _mm512_loadu_si512(plan__byte_class + 64);
  const __m512i two[4] = {
      _mm512_loadu_si512(plan__skeletons_2byte), _mm512_loadu_si512(plan__skeletons_2byte + 64),
      _mm512_loadu_si512(plan__skeletons_2byte + 128),
      _mm512_loadu_si512(plan__skeletons_2byte + 192)};
  const __m512i three_lo = _mm512_loadu_si512(plan__skeletons_3byte);
  const __m512i three_hi = _mm512_loadu_si512(plan__skeletons_3byte + 64);
  const __m512i low6 = _mm512_set1_epi8(0x3F);
  plan_word *w = ws->words.data;
  char *out = ws->keys.data;
  size_t nw = 0, len = 0, last_token = 0;
  __m512i prev = _mm512_setzero_si512();
  uint64_t prev_letters = 0, prev_space = (uint64_t)1 << 63; /* text starts a token */
  /* Every lead byte must have its continuation: counted, then compared. */
  size_t leads2 = 0, lasts2 = 0, leads3 = 0, middles3 = 0, lasts3 = 0;
  size_t leads_punct = 0, middles_punct = 0, lasts_punct = 0;
  for (size_t i = 0; i < n; i += 64) {
    uint64_t valid = n - i >= 64 ? ~(uint64_t)0 : _bzhi_u64(~(uint64_t)0, (unsigned)(n - i));
    __m512i x = _mm512_maskz_loadu_epi8(valid, s + i);
    __m512i x1 = back_by(prev, x, 1), x2 = back_by(prev, x, 2);

    uint64_t high = _mm512_movepi8_mask(x), ascii = valid & ~high;
    __m512i class = _mm512_permutex2var_epi8(class_lo, x, class_hi);
    uint64_t ascii_letters =
        ascii & _mm512_cmpgt_epu8_mask(class, _mm512_set1_epi8(PLAN_BYTE_MULTIBYTE));
    __m512i folded = _mm512_maskz_mov_epi8(ascii_letters, class); /* 0: a separator */

    /* C3-C6 xx: the skeleton by lead and last byte */
    uint64_t cont = eq(_mm512_and_si512(x, _mm512_set1_epi8((char)0xC0)), 0x80);
    __m512i lead = _mm512_and_si512(_mm512_add_epi8(x1, _mm512_set1_epi8(1)), _mm512_set1_epi8(3));
    __m512i i2 = _mm512_or_si512(_mm512_slli_epi16(lead, 6), _mm512_and_si512(x, low6));
    __m512i k2 = _mm512_mask_blend_epi8(_mm512_movepi8_mask(i2),
                                        _mm512_permutex2var_epi8(two[0], i2, two[1]),
                                        _mm512_permutex2var_epi8(two[2], i2, two[3]));
    uint64_t last2 = cont & in_range(x1, 0xC3, 4) & _mm512_test_epi8_mask(k2, k2);
    /* E1 BA-BB xx: by middle and last byte */
    __m512i mid = _mm512_and_si512(x1, _mm512_set1_epi8(1));
    __m512i i3 = _mm512_or_si512(_mm512_slli_epi16(mid, 6), _mm512_and_si512(x, low6));
    __m512i k3 = _mm512_permutex2var_epi8(three_lo, i3, three_hi);
    uint64_t last3 = cont & in_range(x1, 0xBA, 2) & eq(x2, 0xE1) & _mm512_test_epi8_mask(k3, k3);
    uint64_t lead2 = in_range(x, 0xC3, 4), lead3 = eq(x, 0xE1);
    uint64_t middle3 = in_range(x, 0xBA, 2) & eq(x1, 0xE1);
    /* E2 80 90-A7: dashes, quotes, bullets, ellipsis (U+2010-U+2027),
     * separators as ASCII punctuation is */
    uint64_t lead_punct = eq(x, 0xE2), middle_punct = eq(x, 0x80) & eq(x1, 0xE2);
    uint64_t last_punct = in_range(x, 0x90, 0x18) & eq(x1, 0x80) & eq(x2, 0xE2);
    uint64_t letters = ascii_letters | lead2 | last2 | lead3 | middle3 | last3;
    if (high & ~(letters | lead_punct | middle_punct | last_punct)) return false;
    leads2 += (size_t)_mm_popcnt_u64(lead2);
    lasts2 += (size_t)_mm_popcnt_u64(last2);
    leads3 += (size_t)_mm_popcnt_u64(lead3);
    middles3 += (size_t)_mm_popcnt_u64(middle3);
    lasts3 += (size_t)_mm_popcnt_u64(last3);
    leads_punct += (size_t)_mm_popcnt_u64(lead_punct);
    middles_punct += (size_t)_mm_popcnt_u64(middle_punct);
    lasts_punct += (size_t)_mm_popcnt_u64(last_punct);
    /* Two capitals after a space or edge punctuation: maybe an
     * abbreviation (words.c looks closer).  Capital pairs are rare; the
     * bytes before them are looked at only when there is one. */
    uint64_t ascii_capital = in_range(x, 'A', 26), d_capital = eq(x, 0x90) & eq(x1, 0xC4);
    if ((ascii_capital & (in_range(x1, 'A', 26) | (eq(x1, 0x90) & eq(x2, 0xC4)))) |
        (d_capital & (in_range(x2, 'A', 26) | eq(x2, 0x90)))) {
      __m512i x3 = back_by(prev, x, 3), x4 = back_by(prev, x, 4);
      if ((ascii_capital & opening_capital(x1, x2, x3, class_lo, class_hi)) |
          (d_capital & opening_capital(x2, x3, x4, class_lo, class_hi)))
        return false;
    }
    prev = x;

    /* The skeletons, packed: one byte a letter, 0 for a separator. */
    uint64_t keep = ascii | last2 | last3 | last_punct;
    __m512i o = _mm512_mask_blend_epi8(last3, _mm512_mask_blend_epi8(last2, folded, k2), k3);
    o = _mm512_mask_blend_epi8(last_punct, o, _mm512_setzero_si512());
    _mm512_storeu_si512(out + len, _mm512_maskz_compress_epi8(keep, o));

    /* A word starts at the byte that gives its first letter when the
     * character before is no letter: one, two or three bytes back. */
    uint64_t starts = (ascii_letters & ~(letters << 1 | prev_letters >> 63)) |
                      (last2 & ~(letters << 2 | prev_letters >> 62)) |
                      (last3 & ~(letters << 3 | prev_letters >> 61));
    prev_letters = letters;
    uint64_t space = eq(x, ' ') & valid;
    uint64_t tokens = valid & ~space & (space << 1 | prev_space >> 63);
    prev_space = space;
    while (starts) {
      unsigned p = (unsigned)_tzcnt_u64(starts);
      uint64_t before = _bzhi_u64(tokens, p + 1);
      w[nw].key = len + (size_t)_mm_popcnt_u64(_bzhi_u64(keep, p));
      w[nw].token = before ? i + 63 - (size_t)_lzcnt_u64(before) : last_token;
      nw++;
      starts = _blsr_u64(starts);
    }
    if (tokens) last_token = i + 63 - (size_t)_lzcnt_u64(tokens);
    len += (size_t)_mm_popcnt_u64(keep);
  }
  if (leads2 != lasts2 || leads3 != middles3 || middles3 != lasts3 ||
      leads_punct != middles_punct || middles_punct != lasts_punct)
    return false;
  out[len++] = '\0';
  /* Each word's length (up to the next 0) and hash. */
  for (size_t k = 0; k < nw; k++) {
    const char *key = out + w[k].key;
    unsigned zeros = (unsigned)_mm_movemask_epi8(
        _mm_cmpeq_epi8(_mm_loadu_si128((const __m128i *)key), _mm_setzero_si128()));
    size_t l = zeros ? (size_t)_tzcnt_u32(zeros) : strlen(key);
    w[k].hash = plan__word_hash_padded(key, l);
  }
  ws->words.len = nw;
  ws->keys.len = len;
  return true;
}

bool plan__words_fold_vector(const char *s, size_t n, plan_words *ws) { return fold(s, n, ws); }

#else

bool plan__words_vector_ok(void) { return false; }
bool plan__words_fold_vector(const char *s, size_t n, plan_words *ws) {
  (void)s, (void)n, (void)ws;
  return false;
}

#endif
