/* file.c - reading a whole file, bounded: what may be read is a regular
 * file (its size known before reading), a pipe or a socket or a terminal
 * (read up to the limit), never a device that never ends (/dev/zero) or a
 * directory. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core.h"

static const char *kind_of(mode_t m) {
  return S_ISDIR(m) ? "a directory" : S_ISCHR(m) ? "a character device"
         : S_ISBLK(m) ? "a block device" : "not a regular file";
}

plan_status plan__read_file(const char *path, size_t limit, char **out, size_t *len,
                            plan_error *err) {
  *out = NULL;
  if (len) *len = 0;
  int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY);
  if (fd < 0)
    return plan__error(err, PLAN_EIO, 0, 0, 0, "cannot open %s: %s", path, strerror(errno));
  struct stat st;
  if (fstat(fd, &st) != 0) {
    int e = errno;
    close(fd);
    return plan__error(err, PLAN_EIO, 0, 0, 0, "cannot read %s: %s", path, strerror(e));
  }
  bool stream = S_ISFIFO(st.st_mode) || S_ISSOCK(st.st_mode) || (S_ISCHR(st.st_mode) && isatty(fd));
  if (!S_ISREG(st.st_mode) && !stream) {
    close(fd);
    return plan__error(err, PLAN_EIO, 0, 0, 0, "cannot read %s: %s, not a file", path,
                       kind_of(st.st_mode));
  }
  if (S_ISREG(st.st_mode) && (uintmax_t)st.st_size > limit) {
    close(fd);
    return plan__error(err, PLAN_ELIMIT, limit, 0, 0,
                       "%s: %jd bytes exceed the limit of %zu bytes", path, (intmax_t)st.st_size,
                       limit);
  }
  plan_buf b = {0};
  /* a regular file's size is known (it may still grow: the limit holds) */
  plan__buf_reserve(&b, S_ISREG(st.st_mode) ? (size_t)st.st_size : 65536);
  plan_status status = PLAN_OK;
  for (;;) {
    if (!plan__buf_reserve(&b, 65536)) {
      status = plan__error(err, PLAN_ENOMEM, 0, 0, 0, "out of memory reading %s", path);
      break;
    }
    size_t room = b.cap - b.len - 1, left = limit - b.len;
    if (left < SIZE_MAX && room > left + 1) room = left + 1; /* one past: to see the breach */
    ssize_t k = read(fd, b.data + b.len, room);
    if (k < 0 && errno == EINTR) continue;
    if (k < 0) {
      status = plan__error(err, PLAN_EIO, b.len, 0, 0, "cannot read %s: %s", path, strerror(errno));
      break;
    }
    if (k == 0) break;
    b.len += (size_t)k;
    if (b.len > limit) {
      status = plan__error(err, PLAN_ELIMIT, limit, 0, 0,
                           "%s: more than the limit of %zu bytes", path, limit);
      break;
    }
  }
  close(fd);
  if (status != PLAN_OK) {
    plan__buf_free(&b);
    return status;
  }
  *out = plan__buf_take(&b, len);
  return *out ? PLAN_OK : plan__error(err, PLAN_ENOMEM, 0, 0, 0, "out of memory reading %s", path);
}
