/* bench_corpus.c - `plan corpus` over a generated folder of 2,000 plans:
 * the five corpus documents copied with 63 provinces' names and with the
 * national documents they implement renumbered per group of 63 (so the
 * folder holds about 32 policies, each answered by every province, as the
 * national corpus does).  Runs the command with 1 and 2 threads on a fresh
 * output folder, then once more on the 2-thread folder (all cached), and
 * prints documents per second, time to the first report, peak memory, and
 * what the rate means for the national corpus (150,000 documents, ~5 GB). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "bench_util.h"

#define PLANS 2000
#define PER_GROUP 63

static const char *const provinces[][2] = {
    {"An Giang", "AN GIANG"},       {"Bà Rịa - Vũng Tàu", "BÀ RỊA - VŨNG TÀU"},
    {"Bắc Giang", "BẮC GIANG"},     {"Bạc Liêu", "BẠC LIÊU"},
    {"Bắc Ninh", "BẮC NINH"},       {"Bến Tre", "BẾN TRE"},
    {"Bình Dương", "BÌNH DƯƠNG"},   {"Bình Thuận", "BÌNH THUẬN"},
    {"Cà Mau", "CÀ MAU"},           {"Cao Bằng", "CAO BẰNG"},
    {"Đắk Lắk", "ĐẮK LẮK"},         {"Đắk Nông", "ĐẮK NÔNG"},
    {"Điện Biên", "ĐIỆN BIÊN"},     {"Đồng Nai", "ĐỒNG NAI"},
    {"Đồng Tháp", "ĐỒNG THÁP"},     {"Gia Lai", "GIA LAI"},
    {"Hà Giang", "HÀ GIANG"},       {"Hà Nam", "HÀ NAM"},
    {"Hà Tĩnh", "HÀ TĨNH"},         {"Hải Dương", "HẢI DƯƠNG"},
    {"Hậu Giang", "HẬU GIANG"},     {"Hòa Bình", "HÒA BÌNH"},
    {"Hưng Yên", "HƯNG YÊN"},       {"Khánh Hòa", "KHÁNH HÒA"},
    {"Kiên Giang", "KIÊN GIANG"},   {"Kon Tum", "KON TUM"},
    {"Lai Châu", "LAI CHÂU"},       {"Lâm Đồng", "LÂM ĐỒNG"},
    {"Lạng Sơn", "LẠNG SƠN"},       {"Lào Cai", "LÀO CAI"},
    {"Long An", "LONG AN"},         {"Nam Định", "NAM ĐỊNH"},
    {"Nghệ An", "NGHỆ AN"},         {"Ninh Bình", "NINH BÌNH"},
    {"Ninh Thuận", "NINH THUẬN"},   {"Phú Thọ", "PHÚ THỌ"},
    {"Phú Yên", "PHÚ YÊN"},         {"Quảng Bình", "QUẢNG BÌNH"},
    {"Quảng Nam", "QUẢNG NAM"},     {"Quảng Ninh", "QUẢNG NINH"},
    {"Quảng Trị", "QUẢNG TRỊ"},     {"Sóc Trăng", "SÓC TRĂNG"},
    {"Sơn La", "SƠN LA"},           {"Tây Ninh", "TÂY NINH"},
    {"Thái Bình", "THÁI BÌNH"},     {"Thái Nguyên", "THÁI NGUYÊN"},
    {"Thanh Hóa", "THANH HÓA"},     {"Thừa Thiên Huế", "THỪA THIÊN HUẾ"},
    {"Tiền Giang", "TIỀN GIANG"},   {"Trà Vinh", "TRÀ VINH"},
    {"Tuyên Quang", "TUYÊN QUANG"}, {"Vĩnh Long", "VĨNH LONG"},
    {"Vĩnh Phúc", "VĨNH PHÚC"},     {"Yên Bái", "YÊN BÁI"},
    {"Bắc Kạn", "BẮC KẠN"},         {"Bình Định", "BÌNH ĐỊNH"},
    {"Bình Phước", "BÌNH PHƯỚC"},   {"Hải Phòng", "HẢI PHÒNG"},
    {"Quảng Ngãi", "QUẢNG NGÃI"},   {"Hà Nội", "HÀ NỘI"},
    {"Đà Nẵng", "ĐÀ NẴNG"},         {"Cần Thơ", "CẦN THƠ"},
    {"Thành phố Hồ Chí Minh", "THÀNH PHỐ HỒ CHÍ MINH"}};

/* Each corpus document's own province, in the two cases it is printed in. */
static const char *const own[][2] = {{"Bắc Kạn", "BẮC KẠN"},     {"Bình Định", "BÌNH ĐỊNH"},
                                     {"Bình Phước", "BÌNH PHƯỚC"}, {"Hải Phòng", "HẢI PHÒNG"},
                                     {"Quảng Ngãi", "QUẢNG NGÃI"}};

/* Replaces every from in s (len *n) by to; returns a new string. */
static char *replace(char *s, size_t *n, const char *from, const char *to) {
  size_t fl = strlen(from), tl = strlen(to), count = 0;
  for (char *p = s; (p = strstr(p, from)) != NULL; p += fl) count++;
  char *r = malloc(*n + count * (tl > fl ? tl - fl : 0) + 1), *w = r;
  const char *p = s, *q;
  while ((q = strstr(p, from)) != NULL) {
    memcpy(w, p, (size_t)(q - p));
    w += q - p;
    memcpy(w, to, tl);
    w += tl;
    p = q + fl;
  }
  size_t rest = strlen(p);
  memcpy(w, p, rest + 1);
  *n = (size_t)(w - r) + rest;
  free(s);
  return r;
}

static size_t generate(const char *dir) {
  size_t total = 0;
  for (int i = 0; i < PLANS; i++) {
    int base = i % 5, group = i / PER_GROUP;
    size_t n;
    char *s = slurp(bench_files[base], &n);
    if (!s) { perror(bench_files[base]); exit(1); }
    char num[64];
    /* renumber what it implements: one policy per group of 63 */
    snprintf(num, sizeof num, "%d/QĐ-TTg", 3000 + group);
    s = replace(s, &n, "1472/QĐ-TTg", num);
    snprintf(num, sizeof num, "%d/QĐ-TTG", 3000 + group);
    s = replace(s, &n, "1472/QĐ-TTG", num);
    snprintf(num, sizeof num, "%d/2020/QH14", 500 + group);
    s = replace(s, &n, "121/2020/QH14", num);
    snprintf(num, sizeof num, "%d-CT/TW", 100 + group);
    s = replace(s, &n, "28-CT/TW", num);
    int p = (i / 5 + base * 13) % (int)(sizeof provinces / sizeof *provinces);
    s = replace(s, &n, own[base][0], provinces[p][0]);
    s = replace(s, &n, own[base][1], provinces[p][1]);
    char path[700];
    snprintf(path, sizeof path, "%s/plan-%04d.txt", dir, i);
    FILE *f = fopen(path, "wb");
    if (!f) { perror(path); exit(1); }
    fwrite(s, 1, n, f);
    fprintf(f, "\nBản số %d.\n", i); /* no two plans are the same bytes */
    fclose(f);
    total += n;
    free(s);
  }
  return total;
}

typedef struct run {
  double docs_per_s, mb_per_s, parse_s, first_report_s, total_s, peak_mb;
} run;

static run corpus_run(const char *in, const char *out, int threads) {
  char cmd[1024];
  snprintf(cmd, sizeof cmd, "build/plan corpus -q --stats -j %d -o %s %s 2>&1", threads, out, in);
  FILE *p = popen(cmd, "r");
  run r = {0};
  char line[1024];
  int threads_seen = 0;
  size_t docs = 0;
  double mb = 0;
  while (p && fgets(line, sizeof line, p))
    if (sscanf(line,
               "stats: threads %d; parsed %zu documents (%lf MB) in %lf s: %lf documents/s, "
               "%lf MB/s; first report after %lf s; total %lf s; peak memory %lf MB",
               &threads_seen, &docs, &mb, &r.parse_s, &r.docs_per_s, &r.mb_per_s,
               &r.first_report_s, &r.total_s, &r.peak_mb) != 9)
      fputs(line, stderr);
  if (!p || pclose(p) == -1 || r.total_s == 0) {
    fprintf(stderr, "bench_corpus: %s failed\n", cmd);
    exit(1);
  }
  return r;
}

int main(void) {
  char dir[] = "/tmp/plan-bench-corpus-XXXXXX";
  if (!mkdtemp(dir)) { perror("mkdtemp"); return 1; }
  char in[600], out1[600], out2[600], cmd[2000];
  snprintf(in, sizeof in, "%s/in", dir);
  snprintf(out1, sizeof out1, "%s/out1", dir);
  snprintf(out2, sizeof out2, "%s/out2", dir);
  mkdir(in, 0777);
  size_t bytes = generate(in);
  printf("plan corpus: %d generated plans (%.1f MB, groups of %d: one policy answered by every "
         "province)\n", PLANS, bytes / 1e6, PER_GROUP);
  run r1 = corpus_run(in, out1, 1);
  run r2 = corpus_run(in, out2, 2);
  run rc = corpus_run(in, out2, 2);
  printf("  %-28s %12s %10s %14s %12s %10s\n", "", "documents/s", "MB/s", "first report", "total",
         "peak");
  printf("  %-28s %12.0f %10.1f %12.2f s %10.2f s %7.0f MB\n", "1 thread, fresh", r1.docs_per_s,
         r1.mb_per_s, r1.first_report_s, r1.total_s, r1.peak_mb);
  printf("  %-28s %12.0f %10.1f %12.2f s %10.2f s %7.0f MB\n", "2 threads, fresh", r2.docs_per_s,
         r2.mb_per_s, r2.first_report_s, r2.total_s, r2.peak_mb);
  printf("  %-28s %12s %10s %14s %10.2f s %7.0f MB\n", "2 threads, all cached", "-", "-", "-",
         rc.total_s, rc.peak_mb);
  printf("  parse scaling 1 -> 2 threads: %.2fx\n", r2.docs_per_s / r1.docs_per_s);
  /* the national corpus: 150,000 documents, about 5 GB */
  double core_min = 5000.0 / r1.mb_per_s / 60.0;
  double by_docs_min = 150000.0 / r1.docs_per_s / 60.0;
  printf("  national corpus (150,000 documents, ~5 GB) at the 1-thread rate: %.1f min of one "
         "core by bytes (%.1f min by documents); target < 3 min per core: %s; with 2 threads "
         "%.1f min\n",
         core_min, by_docs_min, core_min < 3.0 ? "met" : "NOT met",
         5000.0 / r2.mb_per_s / 60.0);
  snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
  if (system(cmd) != 0) fprintf(stderr, "bench_corpus: could not remove %s\n", dir);
  return 0;
}
