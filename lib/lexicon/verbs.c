/* verbs.c - the duty verbs: the words a duty starts with, where the agency
 * part of a heading or a bullet ends ("Sở Y tế chủ trì ...").  From
 * data/duty_verbs.tsv and what a caller adds.  Some are nouns after
 * certain words ("lĩnh vực xây dựng", "các tổ chức", "Viện Nghiên cứu"):
 * each entry lists those words. */
#include <stdlib.h>
#include <string.h>

#include "lexicon.h"
#include "data/data.h"

plan_status plan__duty_verb_add(plan_lexicon *lex, const char *phrase, const char *noun_after) {
  if (!phrase) return PLAN_EINVAL;
  if (!noun_after || strcmp(noun_after, "-") == 0) noun_after = "";
  plan_duty_verb v = {plan__fold(phrase, strlen(phrase)), plan__fold_word_list(noun_after), 0};
  if (!v.key || !v.noun_after) {
    free(v.key);
    free(v.noun_after);
    return PLAN_ENOMEM;
  }
  if (!*v.key) {
    free(v.key);
    free(v.noun_after);
    return PLAN_EINVAL;
  }
  v.first = plan__word_hash_n(v.key, strcspn(v.key, " "));
  plan_duty_verb *slot = plan__vec_push(&lex->duty_verbs);
  if (!slot) {
    free(v.key);
    free(v.noun_after);
    return PLAN_ENOMEM;
  }
  *slot = v;
  plan__bit_set(lex->verb_first, PLAN_VERB_BITS, v.first);
  return PLAN_OK;
}

plan_status plan__duty_verbs_init(plan_lexicon *lex) {
  plan__vec_init(&lex->duty_verbs, sizeof(plan_duty_verb));
  plan_status st = PLAN_OK;
  for (size_t i = 0; i < plan__table_duty_verbs_count && st == PLAN_OK; i++)
    st = plan__duty_verb_add(lex, plan__table_duty_verbs[i].first, plan__table_duty_verbs[i].second);
  return st;
}

void plan__duty_verbs_free(plan_lexicon *lex) {
  for (size_t i = 0; i < lex->duty_verbs.len; i++) {
    plan_duty_verb *v = (plan_duty_verb *)lex->duty_verbs.data + i;
    free(v->key);
    free(v->noun_after);
  }
  plan__vec_free(&lex->duty_verbs);
}

/* Is word w (the one before a verb) one of the '|'-separated words of
 * list, or a comma that list names? */
static bool listed_before(const char *list, const plan_words *ws, size_t w) {
  const char *key = plan__word_key(ws, w);
  size_t kl = strlen(key);
  for (const char *p = list; *p;) {
    size_t n = strcspn(p, "|");
    if (n == 1 && *p == ',' ? plan__word_comma(ws, w) : n == kl && memcmp(p, key, n) == 0)
      return true;
    p += n + (p[n] == '|');
  }
  return false;
}

bool plan__duty_verb_at(const plan_lexicon *lex, const plan_words *ws, size_t i) {
  uint32_t h = plan__word(ws, i)->hash;
  if (!plan__bit(lex->verb_first, PLAN_VERB_BITS, h)) return false;
  /* "có liên quan tới việc thực hiện Kế hoạch": after "việc" any verb is a
   * noun ("the carrying out"), no duty's start */
  if (i > 0 && strcmp(plan__word_key(ws, i - 1), "viec") == 0) return false;
  for (size_t k = 0; k < lex->duty_verbs.len; k++) {
    const plan_duty_verb *v = (const plan_duty_verb *)lex->duty_verbs.data + k;
    if (v->first != h || !plan__words_match_str(ws, i, v->key, NULL)) continue;
    if (i > 0 && *v->noun_after && listed_before(v->noun_after, ws, i - 1)) continue;
    return true;
  }
  return false;
}
