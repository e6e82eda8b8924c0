/* enospc.c - an LD_PRELOAD shim for the fault tests where no small disk
 * can be mounted: fsync() of any file under $PLAN_ENOSPC_DIR fails with
 * ENOSPC, as a full disk (or a quota) reports when the blocks are
 * allocated at the sync.  Every output of plan corpus is fsync'd before
 * it is renamed into place, so each write path meets the failure. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int fsync(int fd) {
  static int (*real)(int);
  if (!real) real = (int (*)(int))dlsym(RTLD_NEXT, "fsync");
  const char *dir = getenv("PLAN_ENOSPC_DIR");
  if (dir && *dir) {
    char link[64], path[PATH_MAX];
    snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
    ssize_t n = readlink(link, path, sizeof path - 1);
    if (n > 0) {
      path[n] = '\0';
      if (strncmp(path, dir, strlen(dir)) == 0) {
        errno = ENOSPC;
        return -1;
      }
    }
  }
  return real ? real(fd) : -1;
}
