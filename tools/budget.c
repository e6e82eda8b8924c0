/* budget.c - the memory budget of a run: a limit on the process's data
 * (RLIMIT_DATA, which counts the heap and private mappings), set above what
 * the process holds when the run starts.  Allocations past it fail, and the
 * library, which handles every failed allocation, returns PLAN_ENOMEM: the
 * run ends with a message naming the budget instead of being killed
 * without one.  Summary comparisons stay far under the default. */
#include "budget.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

static size_t budget; /* the tool's one run: set once, before threads start */

static size_t machine_memory(void) {
  long pages = sysconf(_SC_PHYS_PAGES), size = sysconf(_SC_PAGESIZE);
  return pages > 0 && size > 0 ? (size_t)pages * (size_t)size : 0;
}

bool plan_budget_parse(const char *arg, size_t *bytes) {
  char *end;
  errno = 0;
  double v = strtod(arg, &end);
  double scale = 1;
  if (end != arg && *end) {
    switch (*end) {
      case 'k': case 'K': scale = 1024.0; break;
      case 'm': case 'M': scale = 1024.0 * 1024; break;
      case 'g': case 'G': scale = 1024.0 * 1024 * 1024; break;
      case 't': case 'T': scale = 1024.0 * 1024 * 1024 * 1024; break;
      case '%': scale = machine_memory() / 100.0; break;
      default: scale = 0;
    }
    if (end[1] && !((end[1] == 'B' || end[1] == 'b') && !end[2])) scale = 0;
  }
  double b = v * scale;
  if (end == arg || errno || !(v > 0) || !(scale > 0) || b >= (double)SIZE_MAX || b < 1024 * 1024) {
    fprintf(stderr, "plan: --memory=%s: expected a size of 1M or more (\"2G\", \"512M\") or a share "
            "of the machine's memory (\"50%%\")\n", arg);
    return false;
  }
  *bytes = (size_t)b;
  return true;
}

/* The data the process holds now (VmData), in bytes; 0 when unknown. */
static size_t data_now(void) {
  FILE *f = fopen("/proc/self/status", "r");
  if (!f) return 0;
  char line[256];
  size_t kb = 0;
  while (fgets(line, sizeof line, f))
    if (sscanf(line, "VmData: %zu kB", &kb) == 1) break;
  fclose(f);
  return kb * 1024;
}

bool plan_budget_apply(size_t bytes) {
  if (!bytes) bytes = machine_memory() / 4 * 3;
  if (!bytes) return false;
  struct rlimit rl;
  if (getrlimit(RLIMIT_DATA, &rl) != 0) return false;
  size_t held = data_now();
  rlim_t want = bytes > SIZE_MAX - held ? RLIM_INFINITY : (rlim_t)(held + bytes);
  if (rl.rlim_max != RLIM_INFINITY && want > rl.rlim_max) want = rl.rlim_max;
  if (rl.rlim_cur != RLIM_INFINITY && rl.rlim_cur < want) want = rl.rlim_cur; /* a lower one stands */
  rl.rlim_cur = want;
  if (setrlimit(RLIMIT_DATA, &rl) != 0) return false;
  budget = (size_t)want > held ? (size_t)want - held : 0;
  return true;
}

size_t plan_budget(void) { return budget; }

void plan_budget_exceeded(const char *prog, const char *what) {
  fprintf(stderr, "%s: %s: out of memory within the memory budget of %.0f MB: give it more "
          "with --memory=SIZE (\"8G\", \"90%%\"), or compare fewer plans at once\n",
          prog, what, budget / (1024.0 * 1024.0));
}
