/* test_words - the folded word lists (lib/lexicon/words.c) the agency matcher,
 * the assignment stage and the comparison read.  Both folds, the scalar
 * one-pass fold and the vector fold (lib/lexicon/words_simd.c, where the CPU has
 * it), must give what the long way gives (plan__key_append on each token,
 * its abbreviation expanded, split at spaces), with the same spans, clause
 * ends and hashes, on every corpus line and on random mixes of what real
 * text holds: letters of both tables, capitals, abbreviations, edge and
 * inner punctuation, characters outside the tables, broken UTF-8. */
#include "test_util.h"
#include "lexicon/lexicon.h"

typedef struct ref_word {
  char *key;
  size_t token, start, end;
  bool clause_end, comma;
} ref_word;

static bool edge(unsigned char c) {
  return c && strchr(",;:.)(\"'!?", c) != NULL;
}

static size_t capital(const char *s, size_t n) {
  if (n && s[0] >= 'A' && s[0] <= 'Z') return 1;
  if (n > 1 && (unsigned char)s[0] == 0xC4 && (unsigned char)s[1] == 0x90) return 2;
  return 0;
}

/* The words the long way gives, one token at a time. */
static size_t reference(const plan_lexicon *lex, const char *s, size_t n, ref_word *out) {
  size_t count = 0;
  for (size_t i = 0; i < n;) {
    if (s[i] == ' ') {
      i++;
      continue;
    }
    size_t b = i;
    while (i < n && s[i] != ' ') i++;
    size_t cb = b, ce = i;
    while (cb < ce && edge((unsigned char)s[cb])) cb++;
    while (ce > cb && edge((unsigned char)s[ce - 1])) ce--;
    const char *exp = NULL;
    size_t a = capital(s + cb, ce - cb);
    if (a && capital(s + cb + a, ce - cb - a) && ce - cb < 64) {
      char core[64];
      memcpy(core, s + cb, ce - cb);
      core[ce - cb] = '\0';
      exp = plan_lexicon_expand(lex, core);
    }
    plan_buf key = {0};
    if (exp) plan__key_append(&key, exp, strlen(exp));
    else plan__key_append(&key, s + b, i - b);
    plan__buf_putc(&key, '\0');
    size_t first = count;
    for (char *w = strtok(key.data, " "); w; w = strtok(NULL, " ")) {
      out[count].key = strdup(w);
      out[count].token = b;
      out[count].start = cb;
      out[count].end = ce > cb ? ce : i;
      out[count].clause_end = out[count].comma = false;
      count++;
    }
    if (count > first) {
      out[count - 1].clause_end = s[i - 1] == ';' || s[i - 1] == '.';
      out[count - 1].comma = s[i - 1] == ',';
    }
    plan__buf_free(&key);
  }
  return count;
}

static void check_words(const plan_words *ws, const ref_word *ref, size_t count, const char *s,
                        size_t n, const char *fold) {
  if (plan__words_count(ws) != count)
    fail_msg("%s fold: %zu words, the long way %zu, in \"%.*s\"", fold, plan__words_count(ws),
             count, (int)n, s);
  for (size_t i = 0; i < count; i++) {
    const char *k = plan__word_key(ws, i);
    if (strcmp(k, ref[i].key) != 0 || plan__word(ws, i)->token != ref[i].token ||
        plan__word_start(ws, i) != ref[i].start || plan__word_end(ws, i) != ref[i].end ||
        plan__word_clause_end(ws, i) != ref[i].clause_end || plan__word_comma(ws, i) != ref[i].comma)
      fail_msg("%s fold, word %zu of \"%.*s\": \"%s\" token %zu [%zu, %zu) %d%d, the long way "
               "\"%s\" token %zu [%zu, %zu) %d%d",
               fold, i, (int)n, s, k, plan__word(ws, i)->token, plan__word_start(ws, i),
               plan__word_end(ws, i), plan__word_clause_end(ws, i), plan__word_comma(ws, i),
               ref[i].key, ref[i].token, ref[i].start, ref[i].end, ref[i].clause_end, ref[i].comma);
    assert_int_equal(plan__word(ws, i)->hash, plan__word_hash(k));
  }
}

/* Both folds of s against the long way; true when the vector fold took
 * the text (it leaves some to the scalar fold). */
static bool same_words(const plan_lexicon *lex, plan_words *ws, const char *s, size_t n) {
  ref_word *ref = malloc((n + 1) * sizeof *ref);
  assert_non_null(ref);
  size_t count = reference(lex, s, n, ref);
  assert_int_equal(plan__words_refill_scalar(lex, s, n, ws), PLAN_OK);
  check_words(ws, ref, count, s, n, "scalar");
  /* the scalar fold reserved room for this text, as the vector fold needs */
  bool vector = plan__words_vector_ok() && plan__words_fold_vector(s, n, ws);
  if (vector) check_words(ws, ref, count, s, n, "vector");
  assert_int_equal(plan__words_refill(lex, s, n, ws), PLAN_OK);
  check_words(ws, ref, count, s, n, "the chosen");
  for (size_t i = 0; i < count; i++) free(ref[i].key);
  free(ref);
  return vector;
}

static void test_corpus_lines(void **state) {
  (void)state;
  plan_lexicon *lex;
  assert_int_equal(plan_lexicon_new(&lex, NULL), PLAN_OK);
  plan_words ws;
  memset(&ws, 0, sizeof ws);
  size_t lines = 0, vector = 0;
  for (size_t f = 0; f < CORPUS_COUNT; f++) {
    char path[256];
    snprintf(path, sizeof path, "%s/%s", CORPUS_DIR, corpus_files[f]);
    size_t len;
    char *text = read_file(path, &len);
    for (char *line = text, *nl; line < text + len; line = nl + 1) {
      nl = memchr(line, '\n', (size_t)(text + len - line));
      if (!nl) nl = text + len;
      vector += same_words(lex, &ws, line, (size_t)(nl - line));
      lines++;
    }
    free(text);
  }
  assert_true(lines > 1000);
  /* Most lines are plain text the vector fold takes (not those with an
   * abbreviation or a character outside the tables). */
  if (plan__words_vector_ok()) assert_true(vector > lines * 3 / 4);
  else print_message("no vector fold on this CPU: the scalar fold only\n");
  plan__words_free(&ws);
  plan_lexicon_free(lex);
}

/* Pieces random text is made of. */
static const char *const pieces[] = {
    " ", " ", " ", "  ", "sở", "Sở", "SỞ", "y", "tế", "Ủy", "ban", "nhân", "dân", "UBND", "LĐTBXH",
    "LĐ-TB&XH", "Đài", "ĐÀI", "đoàn", "thực", "hiện", "nghiêng", "Ư", "ơ", "ễ", "ỹ", "1472",
    "QĐ-TTg", "/", "-", ",", ";", ".", ":", "(", ")", "\"", "'", "!", "?", "“", "”", "–", "…",
    "e\xCC\x81", "\xCC\x81", "ç", "ß", "Ω", "中", "\xC3", "\xE1\xBA", "\xE1\xBB", "\xFF", "\x80",
    "\xC6\xB1", "\xE1\xBA\x9F", "\xE1\xBB\xBA", "a", "B", "Đ", "đ", "\t", "&", "#", "\x01",
    "\xE2\x80\x8B", "\xE2\x80\xAA", "‰", "\xE2\x80", "\xE2\x84\xA2",
};

/* What the vector fold takes: letters of both tables, capitals alone,
 * ASCII and U+2010-U+2027 punctuation; words and capitals that come close
 * to an abbreviation ("ĐT" inside a token, "A.B"). */
static const char *const plain_pieces[] = {
    " ", " ", " ", " ", "  ", "sở", "Sở", "y", "tế", "Ủy", "ban", "nhân", "dân", "Đài", "đoàn",
    "thực", "hiện", "nghiêng", "Ư", "ơ", "ễ", "ỹ", "ñ", "1472", "/QĐ-TTg", "-CT/TW", "/", "-",
    ",", ";", ".", ":", "(", ")", "\"", "'", "!", "?", "“", "”", "–", "—", "…", "•", "‘", "’",
    "a", "B", "Đ", "đ", "\t", "&", "#", "\x01", "x(", "1UB", "A.", "Ê",
};

static void random_texts(const char *const *from, size_t kinds, size_t most, int rounds,
                         size_t *vector) {
  plan_lexicon *lex;
  assert_int_equal(plan_lexicon_new(&lex, NULL), PLAN_OK);
  plan_words ws;
  memset(&ws, 0, sizeof ws);
  uint64_t x = 88172645463325252ull;
  char buf[1024];
  for (int r = 0; r < rounds; r++) {
    size_t n = 0;
    x ^= x << 13, x ^= x >> 7, x ^= x << 17;
    size_t count = x % most;
    for (size_t p = 0; p < count; p++) {
      x ^= x << 13, x ^= x >> 7, x ^= x << 17;
      const char *piece = from[x % kinds];
      size_t pl = strlen(piece);
      if (n + pl >= sizeof buf) break;
      memcpy(buf + n, piece, pl);
      n += pl;
    }
    /* without a lexicon too (the comparison folds so): no expansion */
    *vector += same_words(r % 4 ? lex : NULL, &ws, buf, n);
  }
  plan__words_free(&ws);
  plan_lexicon_free(lex);
}

static void test_random_text(void **state) {
  (void)state;
  size_t vector = 0;
  random_texts(pieces, sizeof pieces / sizeof *pieces, 24, 20000, &vector);
  /* long texts: words and characters across the vector fold's 64-byte chunks */
  random_texts(pieces, sizeof pieces / sizeof *pieces, 300, 3000, &vector);
}

static void test_random_plain_text(void **state) {
  (void)state;
  size_t vector = 0;
  random_texts(plain_pieces, sizeof plain_pieces / sizeof *plain_pieces, 300, 20000, &vector);
  if (plan__words_vector_ok()) assert_true(vector > 20000 / 2);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_corpus_lines),
      cmocka_unit_test(test_random_text),
      cmocka_unit_test(test_random_plain_text),
  };
  return cmocka_run_group_tests_name("words", tests, NULL, NULL);
}
