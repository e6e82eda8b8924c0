/* synth.h - synthetic provincial plans for the comparison benchmarks: a
 * parsed plan's agency items and duties, shuffled, dropped, merged,
 * reworded with synonyms and renamed with aliases, so that N plans are N
 * different plans with the genre's overlap. */
#ifndef PLAN_BENCH_SYNTH_H
#define PLAN_BENCH_SYNTH_H

#include "plan.h"
#include "bench_util.h"

static const struct { const char *from, *to; } synonyms[] = {
    {"Tăng cường", "Đẩy mạnh"}, {"Chỉ đạo", "Hướng dẫn"}, {"phối hợp với", "cùng với"},
    {"tổ chức", "triển khai"}, {"kịp thời", "nhanh chóng"}, {"hiệu quả", "thiết thực"},
    {"tuyên truyền", "truyền thông"}, {"bảo đảm", "đảm bảo"},
};
static const struct { const char *id, *alias; } aliases[] = {
    {"dolisa", "Sở LĐ-TB&XH"}, {"doet", "Sở GD&ĐT"}, {"district-pcs", "UBND các huyện, thị xã, thành phố"},
    {"front", "Ủy ban MTTQ Việt Nam tỉnh"}, {"doic", "Sở TT&TT"},
};

static unsigned rnd(unsigned *s) { return *s = *s * 1103515245u + 12345u, (*s >> 8) & 0xFFFFFF; }

static void reword(plan_buf *b, const char *t, unsigned *seed) {
  while (*t) {
    size_t k = 0, n = sizeof synonyms / sizeof *synonyms;
    for (; k < n; k++)
      if (strncmp(t, synonyms[k].from, strlen(synonyms[k].from)) == 0) break;
    if (k < n && rnd(seed) % 3 == 0) {
      plan__bench_put(b, synonyms[k].to);
      t += strlen(synonyms[k].from);
    } else {
      plan__bench_putc(b, *t++);
    }
  }
}

/* One synthetic plan from a parsed document: its agency items reordered,
 * agencies sometimes named by an alias, duties reordered, dropped, merged
 * and reworded.  implements: a document it says it carries out ("Thực hiện
 * Quyết định số ..."), so that plan corpus groups the plans, or NULL. */
static char *synthesize(const plan_doc *src, unsigned seed, int index, const char *implements,
                        size_t *len) {
  plan_buf b = {0};
  char head[320];
  snprintf(head, sizeof head, "KẾ HOẠCH\n\nThử nghiệm %d\n\nTỉnh Mẫu %d, ngày 01 tháng 02 năm 2021\n\n", index,
           index);
  plan__bench_put(&b, head);
  if (implements) {
    snprintf(head, sizeof head, "Thực hiện Quyết định số %s của Thủ tướng Chính phủ, Ủy ban nhân dân "
             "tỉnh ban hành Kế hoạch thực hiện như sau:\n\n", implements);
    plan__bench_put(&b, head);
  }
  plan__bench_put(&b, "III. TỔ CHỨC THỰC HIỆN\n\n");
  size_t na = plan_doc_assignment_count(src);
  for (size_t i = 0; i < na; i++) {
    const plan_assignment *a = plan_doc_assignment(src, (i + seed) % na);
    const char *name = plan_assignment_heading(a);
    const char *id = plan_agency_id(plan_mention_agency(plan_assignment_agency(a, 0)));
    for (size_t k = 0; k < sizeof aliases / sizeof *aliases; k++)
      if (!strcmp(id, aliases[k].id) && rnd(&seed) % 2) name = aliases[k].alias;
    snprintf(head, sizeof head, "%zu. ", i + 1);
    plan__bench_put(&b, head);
    plan__bench_put(&b, name ? name : "Sở Nội vụ");
    plan__bench_put(&b, "\n\n");
    size_t nd = plan_assignment_duty_count(a);
    size_t *order = malloc((nd + 1) * sizeof *order);
    for (size_t k = 0; k < nd; k++) order[k] = k;
    for (size_t k = nd; k > 1; k--) { /* reorder */
      size_t j = rnd(&seed) % k, t = order[k - 1];
      order[k - 1] = order[j];
      order[j] = t;
    }
    for (size_t k = 0; k < nd; k++) {
      if (nd > 1 && rnd(&seed) % 8 == 0) continue; /* drop */
      plan__bench_put(&b, "- ");
      reword(&b, plan_duty_text(plan_assignment_duty(a, order[k])), &seed);
      if (k + 1 < nd && rnd(&seed) % 10 == 0) { /* merge with the next */
        plan__bench_put(&b, "; ");
        reword(&b, plan_duty_text(plan_assignment_duty(a, order[++k])), &seed);
      }
      plan__bench_put(&b, "\n\n");
    }
    free(order);
  }
  *len = b.len;
  return b.data;
}

#endif
