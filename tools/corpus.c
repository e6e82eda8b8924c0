/* corpus.c - `plan corpus`: a folder of downloaded plans in, every
 * province's answer to each national policy compared out.
 *
 * Reads files, folders and JSON Lines records; parses them on N threads
 * (the library is thread-safe for different documents); groups them by the
 * national document they implement (plan_groups); compares each group and
 * writes its reports, an index page and documents.jsonl.  Work is cached
 * under DIR/cache by name and content hash, so a second run parses only new or
 * changed documents and compares only groups whose members changed. */
#include <dirent.h>
#include <errno.h>
#include <fnmatch.h>
#include <fcntl.h>
#include <jansson.h>
#include <libxml/HTMLtree.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <xxhash.h>

#include "plan.h"

#include "budget.h"
#include "corpus.h"

/* One input document.  Only what the summary, the grouping and the index
 * need stays in memory: texts are read when a document is parsed, parsed
 * documents are freed once their JSON is in the cache, and a group's
 * documents are parsed again only while that group is compared.  So memory
 * stays that of one group however large the corpus. */
typedef struct item {
  char *id;          /* path, or "file.jsonl#id" */
  char *path;        /* the file that holds it */
  long long rec_off; /* a JSON Lines record: its line's offset; -1: the whole file */
  size_t rec_len;
  size_t size;       /* bytes of text */
  char hash[33];      /* the content's XXH3-128: duplicates, changes */
  char key[33];       /* the content's and the name's: the cache entry and the
                         member lists (a parse says its source, so a file
                         renamed or copied elsewhere is another entry) */
  long dup_of;       /* index of the first item with the same bytes, or -1 */
  bool cached;       /* its results came from the cache */
  bool parsed;       /* parsed in this run */
  bool failed;
  bool counted_failed; /* in the summary's count already */
  char *reason;      /* why it failed */
  char *province;
  char **impl;       /* numbers of the national documents it implements */
  size_t nimpl;
  plan_doc *doc;     /* while its group is compared */
} item;

typedef struct corpus corpus;
typedef void (*job_fn)(corpus *c, size_t index);

struct corpus {
  item *items;
  size_t n, cap;
  const char *out;   /* output folder */
  int threads;
  bool progress;     /* a bar on stderr */
  bool stats;
  plan_options opts;
  plan_lexicon *lex;
  atomic_size_t next, done;
  /* finer progress than jobs when a job is long (a group of many plans):
   * units of work done and in all, 0 in all to count jobs */
  atomic_size_t work_done;
  size_t work_total;
  const char *work_units;
  size_t *todo;      /* items the running job works on */
  size_t ntodo;
  job_fn job;
  struct group_out *gos; /* the groups, for the job that compares them */
  double t0, first_report;
  /* the walk: what was visited (device and inode: a symlink's target is
   * taken once, a loop ends), the user's globs, what was passed over */
  struct { dev_t dev; ino_t ino; } *seen;
  size_t seen_cap, nseen;
  const char **include, **exclude;
  size_t ninclude, nexclude;
  size_t skipped;
  bool quiet;
  atomic_size_t damaged; /* cache entries that failed their check */
  atomic_bool cache_failed; /* an entry could not be written (the run goes on) */
  size_t memory;     /* --memory, bytes (0: the default budget) */
  atomic_size_t scanned; /* documents parsed or found in the cache */
  /* a distributed run's steps (examples/dask_corpus.py): parse one shard
   * of the documents into the cache only, or parse and group and write
   * the groups to compare to DIR/work.json instead of comparing them */
  size_t shard, shards;
  bool parse_only, no_compare;
};

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* For the fault tests: PLAN_CORPUS_KILL_AT=POINT makes the run kill itself
 * with SIGKILL there, which leaves the disk as `kill -9` at that instant
 * would.  Points: parsing (half the documents parsed and cached),
 * comparing (a group half compared, its member list gone), reporting (a
 * group's HTML report written, its CSV and JSON not), members (the reports
 * written, the member list not), jsonl (documents.jsonl written, not
 * renamed into place), index (everything but the index). */
static void kill_point(const char *point) {
  const char *at = getenv("PLAN_CORPUS_KILL_AT");
  if (at && strcmp(at, point) == 0) raise(SIGKILL);
}

static item *add_item(corpus *c, const char *id, const char *path) {
  if (c->n == c->cap) {
    size_t cap = c->cap ? c->cap * 2 : 64;
    item *v = realloc(c->items, cap * sizeof *v);
    if (!v) return NULL;
    c->items = v;
    c->cap = cap;
  }
  item *it = &c->items[c->n++];
  memset(it, 0, sizeof *it);
  it->id = strdup(id);
  it->path = strdup(path);
  it->rec_off = -1;
  it->dup_of = -1;
  return it;
}

static void fail_item(item *it, const char *fmt, const char *detail) {
  char buf[512];
  snprintf(buf, sizeof buf, fmt, detail);
  it->failed = true;
  free(it->reason);
  it->reason = strdup(buf);
}

/* ---- reading the inputs ---------------------------------------------------- */

/* Reads a whole file ("-" is standard input) into a new buffer, as the
 * library reads files: bounded by the default input limit, devices and
 * directories refused (NULL, errno set). */
char *read_all(const char *path, size_t *len) {
  char *data;
  plan_error e;
  plan_status st = plan_read_file(strcmp(path, "-") == 0 ? "/dev/stdin" : path, NULL, &data, len, &e);
  if (st != PLAN_OK) {
    errno = st == PLAN_ENOMEM ? ENOMEM : st == PLAN_ELIMIT ? EFBIG : EIO;
    return NULL;
  }
  return data;
}

static bool ends_with(const char *s, const char *suffix) {
  size_t a = strlen(s), b = strlen(suffix);
  return a >= b && strcmp(s + a - b, suffix) == 0;
}

/* The text of a JSON Lines record. */
static char *record_text(const char *line, size_t n, size_t *len, char *why, size_t whyn) {
  json_error_t je;
  json_t *rec = json_loadb(line, n, 0, &je);
  json_t *text = rec ? json_object_get(rec, "text") : NULL;
  char *r = NULL;
  if (!rec) snprintf(why, whyn, "%s", je.text);
  else if (!json_is_string(json_object_get(rec, "id")) || !json_is_string(text))
    snprintf(why, whyn, "fields missing");
  else if ((r = malloc(json_string_length(text) + 1)) != NULL) {
    *len = json_string_length(text);
    memcpy(r, json_string_value(text), *len + 1);
  }
  json_decref(rec);
  return r;
}

/* Each line a JSON object {"id": ..., "text": ...}; only ids and places
 * are kept now, the texts are read again by the threads. */
static void add_jsonl(corpus *c, const char *path) {
  size_t len;
  char *data = read_all(path, &len);
  if (!data) {
    item *it = add_item(c, path, path);
    if (it) fail_item(it, "cannot read: %s", strerror(errno ? errno : EIO));
    return;
  }
  size_t line = 0;
  for (size_t b = 0; b < len;) {
    const char *nl = memchr(data + b, '\n', len - b);
    size_t e = nl ? (size_t)(nl - data) : len;
    line++;
    if (e > b) {
      json_error_t je;
      json_t *rec = json_loadb(data + b, e - b, 0, &je);
      const char *id = rec ? json_string_value(json_object_get(rec, "id")) : NULL;
      char name[1024];
      if (id) snprintf(name, sizeof name, "%s#%s", path, id);
      else snprintf(name, sizeof name, "%s:%zu", path, line);
      item *it = add_item(c, name, path);
      if (it && (!id || !json_is_string(json_object_get(rec, "text"))))
        fail_item(it, "not a JSON object with string id and text: %s",
                  rec ? "fields missing" : je.text);
      else if (it) {
        it->rec_off = (long long)b;
        it->rec_len = e - b;
      }
      json_decref(rec);
    }
    b = e + 1;
  }
  free(data);
}

/* A document's text, read from its file now; NULL with *why when not. */
static char *read_text(const item *it, size_t *len, char *why, size_t whyn) {
  if (it->rec_off < 0) {
    char *t = read_all(it->path, len);
    if (!t) snprintf(why, whyn, "cannot read: %s", strerror(errno ? errno : EIO));
    return t;
  }
  FILE *f = fopen(it->path, "rb");
  char *line = malloc(it->rec_len ? it->rec_len : 1);
  bool ok = f && line && fseeko(f, (off_t)it->rec_off, SEEK_SET) == 0 &&
            fread(line, 1, it->rec_len, f) == it->rec_len;
  if (f) fclose(f);
  char *t = ok ? record_text(line, it->rec_len, len, why, whyn) : NULL;
  if (!ok) snprintf(why, whyn, "cannot read the record again: %s", strerror(errno ? errno : EIO));
  free(line);
  return t;
}

/* The text, or NULL with the item failed and the reason said. */
static char *load_text(item *it, size_t *len) {
  char why[256];
  char *text = read_text(it, len, why, sizeof why);
  if (!text) fail_item(it, "%s", why);
  return text;
}

static int name_cmp(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Whether (dev, ino) was met before on this walk; records it if not.  Open
 * addressing, under half full: a walk of a national archive stays linear. */
static bool seen_before(corpus *c, dev_t dev, ino_t ino) {
  if ((c->nseen + 1) * 2 > c->seen_cap) {
    size_t cap = c->seen_cap ? c->seen_cap * 2 : 1024;
    __typeof__(c->seen) v = calloc(cap, sizeof *v);
    if (!v) return false;
    for (size_t i = 0; i < c->seen_cap; i++) {
      if (!c->seen[i].ino && !c->seen[i].dev) continue;
      size_t h = ((size_t)c->seen[i].ino * 0x9E3779B97F4A7C15ull ^ (size_t)c->seen[i].dev) & (cap - 1);
      while (v[h].ino || v[h].dev) h = (h + 1) & (cap - 1);
      v[h] = c->seen[i];
    }
    free(c->seen);
    c->seen = v;
    c->seen_cap = cap;
  }
  size_t h = ((size_t)ino * 0x9E3779B97F4A7C15ull ^ (size_t)dev) & (c->seen_cap - 1);
  for (; c->seen[h].ino || c->seen[h].dev; h = (h + 1) & (c->seen_cap - 1))
    if (c->seen[h].ino == ino && c->seen[h].dev == dev) return true;
  c->seen[h].dev = dev;
  c->seen[h].ino = ino;
  c->nseen++;
  return false;
}

static void skip(corpus *c, const char *path, const char *why) {
  c->skipped++;
  if (!c->quiet) fprintf(stderr, "plan: %s: skipped: %s\n", path, why);
}

/* Whether a file found in a folder looks like a plan: the user's globs
 * first (--exclude, then --include), then by name (plan formats; not a
 * README, licence or JSON), then, without an extension, by content (text
 * or a ZIP). */
static bool looks_like_plan(corpus *c, const char *path) {
  const char *base = strrchr(path, '/');
  base = base ? base + 1 : path;
  for (size_t i = 0; i < c->nexclude; i++)
    if (!fnmatch(c->exclude[i], base, 0) || !fnmatch(c->exclude[i], path, 0)) return false;
  for (size_t i = 0; i < c->ninclude; i++)
    if (!fnmatch(c->include[i], base, 0) || !fnmatch(c->include[i], path, 0)) return true;
  if (c->ninclude) return false;
  static const char *const not_plans[] = {"README*", "LICENSE*", "LICENCE*", "COPYING*",
                                          "CHANGELOG*", "*.json", "*.gz", "*.zip", "*.pdf",
                                          "*.png", "*.jpg", "*.jpeg", "*.css", "*.js"};
  for (size_t i = 0; i < sizeof not_plans / sizeof *not_plans; i++)
    if (!fnmatch(not_plans[i], base, FNM_CASEFOLD)) return false;
  static const char *const plans[] = {"*.txt", "*.md", "*.markdown", "*.html", "*.htm",
                                      "*.xhtml", "*.docx", "*.jsonl"};
  for (size_t i = 0; i < sizeof plans / sizeof *plans; i++)
    if (!fnmatch(plans[i], base, FNM_CASEFOLD)) return true;
  if (strchr(base, '.')) return false; /* another extension: not a plan's */
  FILE *f = fopen(path, "rb");
  unsigned char head[4096];
  size_t n = f ? fread(head, 1, sizeof head, f) : 0;
  if (f) fclose(f);
  if (n >= 4 && !memcmp(head, "PK\x03\x04", 4)) return true; /* perhaps a DOCX */
  return n > 0 && !memchr(head, 0, n);                        /* text */
}

/* Files under a folder, in name order (so runs are reproducible): what
 * looks like a plan (looks_like_plan()), each real file and folder once
 * (symlinks followed, loops ended); hidden entries, the output folder and
 * what is no regular file (FIFOs, devices, sockets) are passed over with a
 * line saying so.  A path named on the command line is read whatever its
 * name. */
static void add_path(corpus *c, const char *path, int depth) {
  struct stat st;
  if (stat(path, &st) != 0) {
    item *it = add_item(c, path, path);
    if (it) fail_item(it, "cannot read: %s", strerror(errno));
    return;
  }
  if (!S_ISDIR(st.st_mode) && !S_ISREG(st.st_mode)) {
    skip(c, path, S_ISFIFO(st.st_mode) ? "a FIFO, not a file" : S_ISSOCK(st.st_mode)
                                                                  ? "a socket, not a file"
                                                                  : "a device, not a file");
    return;
  }
  if (seen_before(c, st.st_dev, st.st_ino)) {
    if (S_ISDIR(st.st_mode)) skip(c, path, "a folder met before (a symbolic link to it, or a loop)");
    else skip(c, path, "the same file as one met before (a link)");
    return;
  }
  if (S_ISREG(st.st_mode) && depth > 0 && !ends_with(path, ".jsonl") && !looks_like_plan(c, path)) {
    c->skipped++; /* quietly: a folder of downloads holds other files */
    return;
  }
  if (S_ISDIR(st.st_mode)) {
    char real_out[4096], real_dir[4096];
    if (realpath(c->out, real_out) && realpath(path, real_dir) && !strcmp(real_out, real_dir)) return;
    DIR *d = depth <= 32 ? opendir(path) : NULL;
    if (!d) {
      item *it = add_item(c, path, path);
      if (it) fail_item(it, "cannot read folder: %s", strerror(errno ? errno : ELOOP));
      return;
    }
    char **names = NULL;
    size_t n = 0, cap = 0;
    struct dirent *de;
    while ((de = readdir(d)) != NULL) {
      if (de->d_name[0] == '.') continue;
      if (n == cap) {
        cap = cap ? cap * 2 : 64;
        char **v = realloc(names, cap * sizeof *v);
        if (!v) break;
        names = v;
      }
      size_t need = strlen(path) + strlen(de->d_name) + 2;
      names[n] = malloc(need);
      if (!names[n]) break;
      snprintf(names[n++], need, "%s/%s", path, de->d_name);
    }
    closedir(d);
    qsort(names, n, sizeof *names, name_cmp);
    for (size_t i = 0; i < n; i++) {
      add_path(c, names[i], depth + 1);
      free(names[i]);
    }
    free(names);
  } else if (ends_with(path, ".jsonl")) {
    add_jsonl(c, path);
  } else {
    add_item(c, path, path);
  }
}

/* ---- content hashes and the cache ------------------------------------------ */

/* The content's key: XXH3's 128 bits (libxxhash), as hex. */
static void hash_text(item *it, const char *text, size_t n) {
  XXH128_hash_t h = XXH3_128bits(text, n);
  snprintf(it->hash, sizeof it->hash, "%016llx%016llx", (unsigned long long)h.high64,
           (unsigned long long)h.low64);
  /* the name, its NUL, the content */
  XXH3_state_t *st = XXH3_createState();
  if (st && XXH3_128bits_reset(st) == XXH_OK && XXH3_128bits_update(st, it->id, strlen(it->id) + 1) == XXH_OK &&
      XXH3_128bits_update(st, text, n) == XXH_OK) {
    h = XXH3_128bits_digest(st);
    snprintf(it->key, sizeof it->key, "%016llx%016llx", (unsigned long long)h.high64,
             (unsigned long long)h.low64);
  } else {
    memcpy(it->key, it->hash, sizeof it->key); /* no memory for the state: the content alone */
  }
  XXH3_freeState(st);
}

static void cache_path(const corpus *c, const item *it, char *buf, size_t n) {
  snprintf(buf, n, "%s/cache/%s.doc", c->out, it->key);
}

/* An entry is "key<TAB>value" lines, the JSON last, then "checksum<TAB>" and
 * the XXH3-64 of every byte before it: an entry cut short or changed on disk
 * fails the check and is parsed again, never trusted.  Returns the entry's
 * text (for free()) without its checksum line, or NULL: missing (*damaged
 * false) or failing the check (*damaged true). */
static char *cache_read(const corpus *c, const item *it, size_t *len, bool *damaged) {
  char path[4096];
  cache_path(c, it, path, sizeof path);
  *damaged = false;
  if (access(path, F_OK) != 0) return NULL;
  size_t n;
  char *data = read_all(path, &n);
  *damaged = true;
  if (!data) return NULL;
  static const char head[] = "libplan-cache\t3\n", mark[] = "checksum\t";
  char *sum = n > 1 ? memmem(data, n, "\nchecksum\t", 10) : NULL;
  if (n < sizeof head - 1 || memcmp(data, head, sizeof head - 1) != 0 || !sum) {
    free(data);
    return NULL;
  }
  sum++; /* the line's start */
  size_t body = (size_t)(sum - data);
  char want[17];
  snprintf(want, sizeof want, "%016llx", (unsigned long long)XXH3_64bits(data, body));
  if (n - body != sizeof mark - 1 + 16 + 1 || memcmp(sum + sizeof mark - 1, want, 16) != 0 ||
      data[n - 1] != '\n') {
    free(data);
    return NULL;
  }
  data[body] = '\0';
  *len = body;
  *damaged = false;
  return data;
}

/* The small fields of an item's cache entry; the JSON is copied out when
 * documents.jsonl is written.  A damaged entry is said and forgotten. */
static bool cache_load(corpus *c, item *it) {
  size_t n;
  bool damaged;
  char *data = cache_read(c, it, &n, &damaged);
  if (damaged) {
    atomic_fetch_add(&c->damaged, 1);
    if (!c->quiet) fprintf(stderr, "plan: %s: its cache entry was damaged: parsed again\n", it->id);
  }
  if (!data) return false;
  bool json = false;
  for (char *line = strchr(data, '\n') + 1, *next; *line && !json; line = next) {
    next = strchr(line, '\n');
    if (!next) break;
    *next++ = '\0';
    char *tab = strchr(line, '\t');
    if (!tab) continue;
    *tab = '\0';
    const char *v = tab + 1;
    if (!strcmp(line, "failed")) { it->failed = true; it->reason = strdup(v); }
    else if (!strcmp(line, "province") && *v) it->province = strdup(v);
    else if (!strcmp(line, "json")) json = true;
    else if (!strcmp(line, "implements")) {
      char **impl = realloc(it->impl, (it->nimpl + 1) * sizeof *impl);
      if (impl) { it->impl = impl; it->impl[it->nimpl++] = strdup(v); }
    }
  }
  free(data);
  it->cached = it->failed || json;
  return it->cached;
}

static void mkdirs(const char *path) {
  char buf[4096];
  snprintf(buf, sizeof buf, "%s", path);
  for (char *p = buf + 1; *p; p++)
    if (*p == '/') { *p = '\0'; mkdir(buf, 0777); *p = '/'; }
  mkdir(buf, 0777);
}

/* Writes data to path through a temporary file (named by tag, so that two
 * threads writing the same entry do not share one), so a stopped run
 * never leaves half a file behind. */
static bool write_file_tagged(const char *path, const char *data, size_t n, size_t tag) {
  char tmp[4200];
  snprintf(tmp, sizeof tmp, "%s.%zu.tmp", path, tag);
  FILE *f = fopen(tmp, "wb");
  if (!f) return false;
  bool ok = fwrite(data, 1, n, f) == n;
  ok &= fflush(f) == 0;
  ok &= fsync(fileno(f)) == 0; /* on the disk before the name points at it */
  ok &= fclose(f) == 0;
  if (!ok || rename(tmp, path) != 0) {
    int e = errno ? errno : EIO;
    remove(tmp);
    errno = e;
    return false;
  }
  return true;
}

/* As write_file_tagged(), saying on standard error which file and why when
 * it fails. */
static bool write_file(const char *path, const char *data, size_t n) {
  if (write_file_tagged(path, data, n, 0)) return true;
  fprintf(stderr, "plan: cannot write %s: %s\n", path, strerror(errno));
  return false;
}

static void cache_store(corpus *c, const item *it, const char *json, size_t tag) {
  char path[4096];
  cache_path(c, it, path, sizeof path);
  size_t n = 64 + (json ? strlen(json) : 0) + (it->reason ? strlen(it->reason) : 0) +
             (it->province ? strlen(it->province) : 0);
  for (size_t i = 0; i < it->nimpl; i++) n += strlen(it->impl[i]) + 16;
  char *buf = malloc(n);
  if (!buf) return;
  n += 32; /* the checksum line */
  int k = snprintf(buf, n, "libplan-cache\t3\n");
  if (it->failed) k += snprintf(buf + k, n - (size_t)k, "failed\t%s\n", it->reason);
  if (it->province) k += snprintf(buf + k, n - (size_t)k, "province\t%s\n", it->province);
  for (size_t i = 0; i < it->nimpl; i++)
    k += snprintf(buf + k, n - (size_t)k, "implements\t%s\n", it->impl[i]);
  if (json) k += snprintf(buf + k, n - (size_t)k, "json\t%s\n", json);
  k += snprintf(buf + k, n - (size_t)k, "checksum\t%016llx\n",
                (unsigned long long)XXH3_64bits(buf, (size_t)k));
  if (!write_file_tagged(path, buf, (size_t)k, tag))
    atomic_store(&c->cache_failed, true); /* said once, at the end */
  free(buf);
}

/* Copies an item's JSON line from its cache entry to out; false when the
 * entry is gone or damaged since it was read. */
static bool copy_json(corpus *c, const item *it, FILE *out) {
  size_t n;
  bool damaged;
  char *data = cache_read(c, it, &n, &damaged);
  if (!data) return false;
  char *json = strstr(data, "\njson\t");
  bool ok = json && fputs(json + 6, out) >= 0; /* its newline ends the line */
  free(data);
  return ok;
}

/* ---- the jobs the threads run ------------------------------------------------ */

static plan_status parse_text(corpus *c, item *it, const char *text, size_t len, plan_doc **doc) {
  plan_error e;
  plan_status st = plan_doc_parse_named(text, len, it->id, &c->opts, doc, &e);
  if (st != PLAN_OK) {
    char msg[400];
    if (e.line)
      snprintf(msg, sizeof msg, "%s at line %zu, column %zu: %s", plan_status_name(st), e.line,
               e.column, e.message);
    else
      snprintf(msg, sizeof msg, "%s: %s", plan_status_name(st), e.message);
    fail_item(it, "%s", msg);
  }
  return st;
}

/* The first pass: read, hash, and take the results from the cache or
 * parse and store them. */
static void scan_item(corpus *c, size_t index) {
  item *it = &c->items[index];
  size_t len = 0;
  char *text = it->failed ? NULL : load_text(it, &len);
  if (!text) return;
  it->size = len;
  hash_text(it, text, len);
  if (cache_load(c, it)) {
    free(text);
    if (2 * (atomic_fetch_add(&c->scanned, 1) + 1) >= c->n) kill_point("parsing");
    return;
  }
  plan_doc *doc = NULL;
  it->parsed = true;
  char *json = NULL;
  plan_status st = parse_text(c, it, text, len, &doc);
  if (st == PLAN_OK) {
    size_t n = 0;
    plan_render_json(doc, &json, &n, NULL);
    while (json && n && json[n - 1] == '\n') json[--n] = '\0';
    const char *prov = plan_doc_meta(doc, PLAN_META_PROVINCE);
    if (prov) it->province = strdup(prov);
    it->nimpl = plan_doc_implements_count(doc);
    it->impl = calloc(it->nimpl ? it->nimpl : 1, sizeof *it->impl);
    for (size_t i = 0; it->impl && i < it->nimpl; i++)
      it->impl[i] = strdup(plan_reference_number(plan_doc_implements(doc, i)));
    if (!json) {
      fail_item(it, "%s", "out of memory");
      st = PLAN_ENOMEM;
    }
  }
  if (st != PLAN_ENOMEM) cache_store(c, it, json, index); /* a lack of memory may pass */
  plan_free(json);
  plan_doc_free(doc);
  free(text);
  if (2 * (atomic_fetch_add(&c->scanned, 1) + 1) >= c->n) kill_point("parsing");
}

/* The second pass, for a group to compare: parse its members again. */
static void load_item(corpus *c, size_t index) {
  item *it = &c->items[index];
  size_t len = 0;
  char *text = load_text(it, &len);
  if (!text) return;
  /* the bytes must be those hashed and parsed before: a file rewritten
   * during the run is a failure, not a silent change of what is compared */
  item now = {.id = it->id};
  hash_text(&now, text, len);
  if (strcmp(now.hash, it->hash) != 0) fail_item(it, "%s", "changed during the run");
  else parse_text(c, it, text, len, &it->doc);
  free(text);
}

static void *worker(void *arg) {
  corpus *c = arg;
  for (;;) {
    size_t k = atomic_fetch_add(&c->next, 1);
    if (k >= c->ntodo) break;
    c->job(c, c->todo[k]);
    atomic_fetch_add(&c->done, 1);
  }
  return NULL;
}

/* The phase's progress: a bar redrawn in place on a terminal, else a line;
 * jobs done of all, or the finer units of work when the phase counts them. */
static void draw_progress(corpus *c, const char *phase, const char *units, double t, bool bar) {
  size_t done = atomic_load(&c->done), total = c->ntodo;
  if (c->work_total) {
    done = atomic_load(&c->work_done);
    total = c->work_total;
    units = c->work_units;
  }
  if (done > total) done = total;
  double rate = t > 0 ? done / t : 0;
  double left = rate > 0 ? (total - done) / rate : 0;
  int width = 30, fill = total ? (int)(width * (double)done / total) : width;
  if (bar)
    fprintf(stderr, "\r%-9s [%.*s%*s] %zu/%zu %s  %.1f/s  %d:%02d left ", phase, fill,
            "##############################", width - fill, "", done, total, units, rate,
            (int)left / 60, (int)left % 60);
  else
    fprintf(stderr, "plan corpus: %s: %zu/%zu %s, %.1f/s, %d:%02d left\n", phase, done, total,
            units, rate, (int)left / 60, (int)left % 60);
}

/* Runs job on todo[0..n) on the threads, saying how far it is (phase: what
 * it does, units: what it counts): a bar on a terminal, a line every ten
 * seconds otherwise, nothing when quiet. */
static void run_jobs(corpus *c, job_fn job, size_t *todo, size_t n, const char *phase,
                     const char *units) {
  c->job = job;
  c->todo = todo;
  c->ntodo = n;
  atomic_store(&c->next, 0);
  atomic_store(&c->done, 0);
  if (!n) return;
  int nt = c->threads < 1 ? 1 : c->threads;
  if ((size_t)nt > n) nt = (int)n;
  pthread_t *tids = calloc((size_t)nt, sizeof *tids);
  int started = 0;
  for (int i = 0; tids && i < nt; i++)
    if (pthread_create(&tids[i], NULL, worker, c) == 0) started++;
  if (!started) worker(c); /* no threads to be had: do it here */
  double t0 = now(), last_line = t0;
  bool bar = c->progress, lines = !c->quiet && !c->progress;
  /* without a terminal, a line every PLAN_CORPUS_PROGRESS_EVERY seconds (10) */
  const char *every_env = getenv("PLAN_CORPUS_PROGRESS_EVERY");
  double every = every_env && atof(every_env) > 0 ? atof(every_env) : 10;
  while ((bar || lines) && atomic_load(&c->done) < n) {
    if (bar) draw_progress(c, phase, units, now() - t0, true);
    else if (now() - last_line >= every) {
      draw_progress(c, phase, units, now() - t0, false);
      last_line = now();
    }
    usleep(100000);
  }
  for (int i = 0; i < started; i++) pthread_join(tids[i], NULL);
  if (bar) {
    draw_progress(c, phase, units, now() - t0, true);
    fputc('\n', stderr);
  }
  free(tids);
}

/* ---- groups and their reports ------------------------------------------------- */

/* "1472/QĐ-TTg" -> "1472-qd-ttg": a folder name. */
static void slug(const char *key, char *buf, size_t n) {
  char *k = NULL;
  plan_key(key, strlen(key), NULL, &k, NULL, NULL);
  size_t j = 0;
  for (const char *p = k ? k : "group"; *p && j + 1 < n; p++)
    buf[j++] = (*p == ' ') ? '-' : *p;
  buf[j] = '\0';
  plan_free(k);
}

static int key_cmp(const void *a, const void *b) {
  return strcmp((*(item *const *)a)->key, (*(item *const *)b)->key);
}

typedef struct group_out {
  char slug[160];
  item **members;
  size_t n;
  char *hashes;    /* the members' hashes, sorted, one a line */
  bool reused;     /* the reports of a run with the same members stand */
  size_t agencies; /* agencies compared */
  char *error;
  plan_status status;
  double done_at;  /* when its reports were written, from the start */
  const char *key; /* the document the group implements (for the index's order) */
  corpus *c;       /* for the progress, while it is compared */
  size_t reported; /* document pairs counted in c->work_done so far */
} group_out;

static bool write_report(const char *dir, const char *name, char *data, size_t n) {
  char path[4400];
  snprintf(path, sizeof path, "%s/%s", dir, name);
  bool ok = data && write_file(path, data, n);
  plan_free(data);
  return ok;
}

static void group_dir(const corpus *c, const group_out *go, char *buf, size_t n) {
  snprintf(buf, n, "%s/groups/%s", c->out, go->slug);
}

/* Were this group's reports written by a run with the same members? */
static void check_reuse(corpus *c, group_out *go) {
  char dir[4096], path[4400];
  group_dir(c, go, dir, sizeof dir);
  snprintf(path, sizeof path, "%s/members", dir);
  size_t len;
  char *old = read_all(path, &len);
  size_t hl = strlen(go->hashes);
  if (old && len > hl && memcmp(old, go->hashes, hl) == 0 && old[hl] == '#') {
    go->agencies = strtoul(old + hl + 1, NULL, 10);
    snprintf(path, sizeof path, "%s/report.html", dir);
    go->reused = go->n < 2 || access(path, R_OK) == 0;
  }
  free(old);
}

/* The comparing phase counts document pairs: a group of n plans has
 * n(n-1)/2, each agency goes through them in order, so agency g at pair
 * (a, b) is that share of the group done. */
static size_t group_pairs(const group_out *go) { return go->n * (go->n - 1) / 2; }

static int group_progress(void *user, const plan_compare *cmp, size_t agency, size_t a, size_t b) {
  group_out *go = user;
  size_t n = go->n, all = group_pairs(go), agencies = plan_compare_agency_count(cmp);
  size_t at = a * (2 * n - a - 1) / 2 + (b - a); /* pairs of this agency done */
  size_t now_done = (size_t)(((double)agency + (double)at / all) / agencies * all);
  if (now_done > go->reported) {
    atomic_fetch_add(&go->c->work_done, now_done - go->reported);
    go->reported = now_done;
  }
  if (2 * go->reported >= all) kill_point("comparing");
  return 0;
}

/* Parses the group's members again, compares them, writes the reports
 * and frees the documents.  Groups run on the threads, one a thread. */
static plan_status compare_group(corpus *c, group_out *go) {
  char dir[4096], path[4400];
  group_dir(c, go, dir, sizeof dir);
  mkdirs(dir);
  /* the member list goes first, and comes back only after the new reports:
   * a run stopped between the two leaves no list, so no later run takes
   * half-replaced reports for the members an older list names */
  snprintf(path, sizeof path, "%s/members", dir);
  if (unlink(path) != 0 && errno != ENOENT) {
    fprintf(stderr, "plan: cannot replace %s: %s\n", path, strerror(errno));
    return PLAN_EIO;
  }
  plan_status st = PLAN_OK;
  if (go->n >= 2) {
    for (size_t k = 0; k < go->n; k++) load_item(c, (size_t)(go->members[k] - c->items));
    const plan_doc **docs = calloc(go->n, sizeof *docs);
    for (size_t k = 0; docs && k < go->n; k++) {
      docs[k] = go->members[k]->doc;
      if (!docs[k] && !go->error) {
        char msg[600];
        snprintf(msg, sizeof msg, "%s changed since it was read: %s", go->members[k]->id,
                 go->members[k]->reason ? go->members[k]->reason : "unreadable");
        go->error = strdup(msg);
      }
    }
    plan_compare *cmp = NULL;
    plan_error e;
    plan_compare_options co;
    plan_compare_options_init(&co);
    if (go->n > PLAN_DETAIL_MAX) co.flags |= PLAN_COMPARE_NO_PAIRS; /* as plan compare */
    co.on_pair = group_progress;
    co.user = go;
    if (!docs) st = PLAN_ENOMEM;
    else if (go->error) st = PLAN_EFORMAT;
    else if ((st = plan_compare_new(docs, go->n, &co, &cmp, &e)) != PLAN_OK)
      go->error = strdup(e.message);
    free(docs);
    if (st == PLAN_OK) {
      go->agencies = plan_compare_agency_count(cmp);
      size_t n = 0;
      char *r = NULL;
      plan_render_compare_html(cmp, NULL, &r, &n, NULL);
      bool ok = write_report(dir, "report.html", r, n);
      kill_point("reporting");
      plan_render_compare_csv(cmp, NULL, &r, &n, NULL);
      ok &= write_report(dir, "report.csv", r, n);
      plan_render_compare_json(cmp, NULL, &r, &n, NULL);
      ok &= write_report(dir, "report.json", r, n);
      if (!ok) st = PLAN_EIO;
      go->done_at = now() - c->t0;
    }
    plan_compare_free(cmp);
    for (size_t k = 0; k < go->n; k++) {
      plan_doc_free(go->members[k]->doc);
      go->members[k]->doc = NULL;
    }
    if (st != PLAN_OK) return st;
  }
  kill_point("members");
  /* for the fault tests: a pause between the reports and the member list */
  const char *pause = getenv("PLAN_CORPUS_PAUSE_REPORTS");
  if (pause && atoi(pause) > 0) sleep((unsigned)atoi(pause));
  /* written last: the reports above are complete when it names them */
  size_t hl = strlen(go->hashes);
  char *m = malloc(hl + 32);
  if (!m) return PLAN_ENOMEM;
  int k = snprintf(m, hl + 32, "%s#%zu\n", go->hashes, go->agencies);
  snprintf(path, sizeof path, "%s/members", dir);
  bool ok = write_file(path, m, (size_t)k);
  free(m);
  return ok ? PLAN_OK : PLAN_EIO;
}

static void group_job(corpus *c, size_t gi) {
  group_out *go = &c->gos[gi];
  if (!go->reused) go->status = compare_group(c, go);
  if (group_pairs(go) > go->reported) atomic_fetch_add(&c->work_done, group_pairs(go) - go->reported);
}

/* ---- the index page (libxml2) ------------------------------------------------ */

#define X(s) ((const xmlChar *)(s))

static void text_child(xmlNodePtr parent, const char *tag, const char *text) {
  xmlNewTextChild(parent, NULL, X(tag), X(text ? text : ""));
}

/* The index lists the largest groups first (the policies most provinces
 * answered), then by the document's number; a group's plans by province. */
static int group_order(const void *a, const void *b, void *arg) {
  const group_out *gos = arg;
  size_t x = *(const size_t *)a, y = *(const size_t *)b;
  if (gos[x].n != gos[y].n) return gos[x].n > gos[y].n ? -1 : 1;
  return strcmp(gos[x].key ? gos[x].key : "", gos[y].key ? gos[y].key : "");
}

static int member_order(const void *a, const void *b) {
  const item *x = *(const item *const *)a, *y = *(const item *const *)b;
  int r = strcmp(x->province ? x->province : "\xff", y->province ? y->province : "\xff");
  return r ? r : strcmp(x->id, y->id);
}

static bool write_index(corpus *c, const plan_groups *g, group_out *gos, size_t ngroups,
                        size_t ungrouped, size_t failed, size_t dups) {
  size_t *order = malloc((ngroups + 1) * sizeof *order);
  if (!order) return false;
  for (size_t i = 0; i < ngroups; i++) {
    order[i] = i;
    gos[i].key = plan_groups_key(g, i);
  }
  qsort_r(order, ngroups, sizeof *order, group_order, gos);
  htmlDocPtr doc = htmlNewDocNoDtD(NULL, NULL);
  xmlNodePtr html = xmlNewNode(NULL, X("html"));
  xmlNewProp(html, X("lang"), X("vi"));
  xmlDocSetRootElement(doc, html);
  xmlCreateIntSubset(doc, X("html"), NULL, NULL);
  xmlNodePtr head = xmlNewChild(html, NULL, X("head"), NULL);
  text_child(head, "title", "libplan corpus report");
  text_child(head, "style",
             "body{font:15px/1.45 system-ui,sans-serif;margin:2em;max-width:80em}"
             "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.3em .6em;"
             "vertical-align:top;text-align:left}th{background:#f3f3f3}"
             ".bad{color:#a00}.muted{color:#777}");
  xmlNodePtr body = xmlNewChild(html, NULL, X("body"), NULL);
  text_child(body, "h1", "Plans grouped by the national document they implement");
  char line[512];
  snprintf(line, sizeof line,
           "%zu documents read: %zu in %zu groups, %zu implementing nothing found, "
           "%zu duplicates, %zu failed.",
           c->n, c->n - ungrouped - failed - dups, ngroups, ungrouped, dups, failed);
  text_child(body, "p", line);
  xmlNodePtr table = xmlNewChild(body, NULL, X("table"), NULL);
  xmlNodePtr tr = xmlNewChild(table, NULL, X("tr"), NULL);
  static const char *const heads[] = {"Implements", "Also cited", "Plans", "Provinces",
                                      "Agencies compared", "Reports"};
  for (size_t i = 0; i < 6; i++) text_child(tr, "th", heads[i]);
  for (size_t oi = 0; oi < ngroups; oi++) {
    size_t gi = order[oi];
    group_out *go = &gos[gi];
    qsort(go->members, go->n, sizeof *go->members, member_order);
    tr = xmlNewChild(table, NULL, X("tr"), NULL);
    text_child(tr, "td", plan_groups_key(g, gi));
    text_child(tr, "td", plan_groups_cites(g, gi));
    snprintf(line, sizeof line, "%zu", go->n);
    text_child(tr, "td", line);
    xmlNodePtr prov = xmlNewChild(tr, NULL, X("td"), NULL);
    for (size_t k = 0; k < go->n; k++) {
      if (k) xmlAddChild(prov, xmlNewText(X(", ")));
      const item *it = go->members[k];
      xmlNodePtr span = xmlNewTextChild(prov, NULL, X("span"),
                                        X(it->province ? it->province : "(province unknown)"));
      xmlNewProp(span, X("title"), X(it->id));
    }
    snprintf(line, sizeof line, "%zu", go->agencies);
    text_child(tr, "td", go->n >= 2 ? line : "one plan: nothing to compare");
    xmlNodePtr links = xmlNewChild(tr, NULL, X("td"), NULL);
    if (go->error) {
      xmlNodePtr e = xmlNewTextChild(links, NULL, X("span"), X(go->error));
      xmlNewProp(e, X("class"), X("bad"));
    } else if (go->n >= 2) {
      static const char *const kinds[] = {"html", "csv", "json"};
      for (size_t k = 0; k < 3; k++) {
        char href[256];
        snprintf(href, sizeof href, "groups/%s/report.%s", go->slug, kinds[k]);
        if (k) xmlAddChild(links, xmlNewText(X(" · ")));
        xmlNewProp(xmlNewTextChild(links, NULL, X("a"), X(kinds[k])), X("href"), X(href));
      }
    }
  }
  if (failed || ungrouped || dups) {
    text_child(body, "h2", "Not compared");
    xmlNodePtr ul = xmlNewChild(body, NULL, X("ul"), NULL);
    for (size_t i = 0; i < c->n; i++) {
      const item *it = &c->items[i];
      if (it->failed) snprintf(line, sizeof line, "%s — failed: %s", it->id, it->reason);
      else if (it->dup_of >= 0)
        snprintf(line, sizeof line, "%s — the same bytes as %s", it->id, c->items[it->dup_of].id);
      else if (!it->nimpl)
        snprintf(line, sizeof line, "%s — cites no national document it implements", it->id);
      else
        continue;
      xmlNodePtr li = xmlNewTextChild(ul, NULL, X("li"), X(line));
      if (it->failed) xmlNewProp(li, X("class"), X("bad"));
    }
  }
  free(order);
  xmlChar *mem = NULL;
  int size = 0;
  htmlSetMetaEncoding(doc, X("UTF-8")); /* the text as UTF-8, not entities */
  htmlDocDumpMemoryFormat(doc, &mem, &size, 1);
  xmlFreeDoc(doc);
  char path[4096];
  snprintf(path, sizeof path, "%s/index.html", c->out);
  if (mem) kill_point("index");
  bool ok = mem && write_file(path, (const char *)mem, (size_t)size);
  xmlFree(mem);
  return ok;
}

static bool write_jsonl(corpus *c) {
  char path[4096], final[4096];
  snprintf(path, sizeof path, "%s/documents.jsonl.tmp", c->out);
  snprintf(final, sizeof final, "%s/documents.jsonl", c->out);
  FILE *f = fopen(path, "wb");
  if (!f) {
    fprintf(stderr, "plan: cannot write %s: %s\n", path, strerror(errno));
    return false;
  }
  bool ok = true;
  for (size_t i = 0; i < c->n; i++) {
    const item *it = &c->items[i];
    if (!it->failed && it->dup_of < 0) ok &= copy_json(c, it, f);
  }
  ok &= fflush(f) == 0;
  ok &= fsync(fileno(f)) == 0;
  ok &= fclose(f) == 0;
  if (ok) kill_point("jsonl");
  if (ok && rename(path, final) != 0) ok = false;
  if (!ok) {
    fprintf(stderr, "plan: cannot write %s: %s\n", final, strerror(errno ? errno : EIO));
    remove(path); /* the previous documents.jsonl stays whole */
  }
  return ok;
}

void plan_corpus_usage(FILE *f) {
  fprintf(f,
          "usage: plan corpus [-j N] [-o DIR] [OPTIONS] PATH...\n"
          "\n"
          "Reads every plan under PATH (files, folders, JSON Lines files of\n"
          "{\"id\", \"text\"} records), groups the plans by the national document\n"
          "they implement and compares each group.  Writes to DIR (default\n"
          "corpus-report):\n"
          "  index.html             the groups, their provinces and coverage\n"
          "  groups/KEY/report.html, report.csv, report.json (every pair's detail\n"
          "                         for up to %d plans, beyond it the summary)\n"
          "  documents.jsonl        one parsed document per line\n"
          "  cache/                 results by content hash, reused by the next run\n"
          "A file that cannot be read or parsed is reported and skipped.\n"
          "\n"
          "Options:\n"
          "  -j N             parse on N threads (default: the processors online)\n"
          "  -o DIR           the output folder\n"
          "  -q, --quiet      no progress bar and no summary\n"
          "  --stats          print timings and peak memory on standard error\n"
          "  --include=GLOB   take the files whose name or path matches GLOB (may be\n"
          "                   repeated; then only those)\n"
          "  --exclude=GLOB   leave out the files whose name or path matches GLOB\n"
          "  --parse-only     parse into the cache only (no lock, no groups, no\n"
          "                   outputs): a step of a distributed run\n"
          "  --shard=K/N      with --parse-only, the documents K, K+N, K+2N, ...\n"
          "  --no-compare     parse and group, write documents.jsonl and\n"
          "                   DIR/work.json (the groups to compare), compare none\n"
          "                   and write no index: a step of a distributed run\n"
          "                   (examples/dask_corpus.py), whose last step is a\n"
          "                   plain run that finds all done and writes the index\n"
          "  --memory=SIZE    the memory the run may take (\"4G\", \"50%%\"; default 75%%\n"
          "                   of the machine's): past it, it stops and says so\n"
          "Under a folder, plans are .txt .md .markdown .html .htm .xhtml .docx and\n"
          ".jsonl files, and files without an extension that read as text or a\n"
          "ZIP; a README, a licence, .json files, hidden entries and the output\n"
          "folder are left out, each file and folder is read once however many\n"
          "links lead to it, and FIFOs, devices and sockets are skipped with a line\n"
          "saying so.\n"
          "  --input=KIND, --encoding=ENC  as for plan parse\n"
          "  -h, --help       show this help\n"
          "\n"
          "Exit codes: 0 success, 1 some inputs failed (the rest is written),\n"
          "2 usage error, 3 the output could not be written.\n",
          PLAN_DETAIL_MAX);
}

static void free_item(item *it) {
  free(it->id);
  free(it->path);
  free(it->reason);
  free(it->province);
  for (size_t i = 0; i < it->nimpl; i++) free(it->impl[i]);
  free(it->impl);
  plan_doc_free(it->doc);
}

static int index_hash_cmp(const void *a, const void *b, void *arg) {
  const item *items = arg;
  size_t x = *(const size_t *)a, y = *(const size_t *)b;
  int d = strcmp(items[x].hash, items[y].hash);
  return d ? d : (x > y) - (x < y);
}

/* Marks every item whose bytes an earlier item has. */
static size_t mark_duplicates(corpus *c) {
  size_t *order = malloc((c->n ? c->n : 1) * sizeof *order), m = 0, dups = 0;
  if (!order) return 0;
  for (size_t i = 0; i < c->n; i++)
    if (!c->items[i].failed || c->items[i].hash[0]) order[m++] = i;
  qsort_r(order, m, sizeof *order, index_hash_cmp, c->items);
  for (size_t k = 1; k < m; k++) {
    item *prev = &c->items[order[k - 1]], *it = &c->items[order[k]];
    if (!strcmp(prev->hash, it->hash)) {
      it->dup_of = prev->dup_of >= 0 ? prev->dup_of : (long)order[k - 1];
      it->failed = false; /* counted as a duplicate, not twice as a failure */
      dups++;
    }
  }
  free(order);
  return dups;
}

static int parse_args(corpus *c, int argc, char **argv, char **paths, size_t *npaths,
                      bool *quiet) {
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
      plan_corpus_usage(stdout);
      return 0;
    } else if (!strcmp(a, "-j") && i + 1 < argc) {
      c->threads = atoi(argv[++i]);
    } else if (!strncmp(a, "-j", 2) && a[2]) {
      c->threads = atoi(a + 2);
    } else if (!strcmp(a, "-o") && i + 1 < argc) {
      c->out = argv[++i];
    } else if (!strcmp(a, "-q") || !strcmp(a, "--quiet")) {
      *quiet = true;
    } else if (!strcmp(a, "--stats")) {
      c->stats = true;
    } else if (!strcmp(a, "--parse-only")) {
      c->parse_only = true;
    } else if (!strcmp(a, "--no-compare")) {
      c->no_compare = true;
    } else if (!strncmp(a, "--shard=", 8)) {
      char *end;
      c->shard = strtoul(a + 8, &end, 10);
      c->shards = *end == '/' ? strtoul(end + 1, &end, 10) : 0;
      if (*end || !c->shards || c->shard >= c->shards) {
        fprintf(stderr, "plan: %s: expected K/N, 0 <= K < N\n", a);
        return 2;
      }
    } else if (!strncmp(a, "--memory=", 9)) {
      if (!plan_budget_parse(a + 9, &c->memory)) return 2;
    } else if (!strncmp(a, "--include=", 10) || !strncmp(a, "--exclude=", 10)) {
      bool inc = a[2] == 'i';
      const char ***v = inc ? &c->include : &c->exclude;
      size_t *n = inc ? &c->ninclude : &c->nexclude;
      const char **grown = realloc((void *)*v, (*n + 1) * sizeof **v);
      if (!grown) return 3;
      *v = grown;
      (*v)[(*n)++] = a + 10;
    } else if (a[0] == '-' && a[1]) {
      fprintf(stderr, "plan: unknown option '%s'\n", a);
      plan_corpus_usage(stderr);
      return 2;
    } else {
      paths[(*npaths)++] = argv[i];
    }
  }
  if (c->shards && !c->parse_only) {
    fprintf(stderr, "plan: --shard goes with --parse-only\n");
    return 2;
  }
  if (c->parse_only && c->no_compare) {
    fprintf(stderr, "plan: --parse-only and --no-compare are two different steps\n");
    return 2;
  }
  if (!*npaths || c->threads < 1 || c->threads > 1024) {
    fprintf(stderr, "plan: %s\n", *npaths ? "-j wants 1 to 1024 threads" : "no PATH given");
    plan_corpus_usage(stderr);
    return 2;
  }
  return -1; /* go on */
}

/* One run at a time writes an output folder: DIR/.lock holds the writer's
 * process id, made with O_EXCL; a lock whose process is gone (a run killed)
 * is taken over.  False, said, when another run holds it. */
static bool take_lock(const char *out, char *path, size_t n) {
  snprintf(path, n, "%s/.lock", out);
  for (int attempt = 0; attempt < 2; attempt++) {
    int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (fd >= 0) {
      char pid[32];
      int k = snprintf(pid, sizeof pid, "%ld\n", (long)getpid());
      bool ok = write(fd, pid, (size_t)k) == k;
      close(fd);
      if (ok) return true;
      unlink(path);
      break;
    }
    if (errno != EEXIST) break;
    FILE *f = fopen(path, "r");
    long other = 0;
    if (f) {
      if (fscanf(f, "%ld", &other) != 1) other = 0;
      fclose(f);
    }
    if (other > 0 && (kill((pid_t)other, 0) == 0 || errno == EPERM)) {
      fprintf(stderr, "plan: %s is being written by another run (process %ld); wait for it, "
              "or give another -o\n", out, other);
      return false;
    }
    unlink(path); /* its process is gone: a run that was stopped */
  }
  fprintf(stderr, "plan: cannot lock %s: %s\n", path, strerror(errno));
  return false;
}

/* --parse-only: the shard's documents parsed into the cache, nothing else
 * written (so no lock: entries are written whole under names of their
 * own, and any number of shards may run at once). */
static int parse_shard(corpus *c, char **paths, size_t npaths) {
  for (size_t i = 0; i < npaths; i++) add_path(c, paths[i], 0);
  free(paths);
  size_t shards = c->shards ? c->shards : 1, n = 0, failed = 0, parsed = 0;
  size_t *todo = calloc(c->n ? c->n : 1, sizeof *todo);
  if (!todo) return 3;
  for (size_t i = c->shard; i < c->n; i += shards) todo[n++] = i;
  run_jobs(c, scan_item, todo, n, "parsing", "documents");
  for (size_t k = 0; k < n; k++) {
    failed += c->items[todo[k]].failed;
    parsed += c->items[todo[k]].parsed;
  }
  if (!c->quiet)
    fprintf(stderr, "plan corpus: shard %zu/%zu: %zu documents (%zu parsed, %zu failed)\n",
            c->shard, shards, n, parsed, failed);
  for (size_t i = 0; i < c->n; i++) free_item(&c->items[i]);
  free(todo);
  free(c->items);
  free(c->seen);
  free((void *)c->include);
  free((void *)c->exclude);
  plan_lexicon_free(c->lex);
  return atomic_load(&c->cache_failed) ? 3 : failed ? 1 : 0;
}

/* --no-compare: DIR/work.json, the groups whose reports are not current,
 * each with its folder, whether its report is the summary, what its
 * member list must say, and its members (id, file, JSON Lines record).
 * The step that compares a group writes its reports, then its member
 * list (the lines here and "#" and the number of agencies), as
 * compare_group() does. */
static bool write_work(corpus *c, const plan_groups *g, const group_out *gos, size_t ngroups) {
  json_t *root = json_object(), *groups = json_array();
  json_object_set_new(root, "format", json_string("libplan-corpus-work"));
  json_object_set_new(root, "version", json_integer(1));
  json_object_set_new(root, "detail_max", json_integer(PLAN_DETAIL_MAX));
  json_object_set_new(root, "groups", groups);
  for (size_t gi = 0; gos && gi < ngroups; gi++) {
    const group_out *go = &gos[gi];
    if (go->reused) continue; /* (a group of one wants its member list, no report) */
    char dir[4096];
    group_dir(c, go, dir, sizeof dir);
    json_t *jg = json_object(), *members = json_array();
    json_object_set_new(jg, "key", json_string(plan_groups_key(g, gi)));
    json_object_set_new(jg, "dir", json_string(dir));
    json_object_set_new(jg, "summary", json_boolean(go->n > PLAN_DETAIL_MAX));
    json_object_set_new(jg, "members_file", json_string(go->hashes));
    for (size_t k = 0; k < go->n; k++) {
      const item *it = go->members[k];
      json_t *m = json_object();
      json_object_set_new(m, "id", json_string(it->id));
      json_object_set_new(m, "path", json_string(it->path));
      json_object_set_new(m, "record", it->rec_off < 0 ? json_null()
                                       : json_pack("[II]", (json_int_t)it->rec_off, (json_int_t)it->rec_len));
      json_array_append_new(members, m);
    }
    json_object_set_new(jg, "members", members);
    json_array_append_new(groups, jg);
  }
  char *text = json_dumps(root, JSON_INDENT(1) | JSON_ENSURE_ASCII);
  json_decref(root);
  char path[4200];
  snprintf(path, sizeof path, "%s/work.json", c->out);
  bool ok = text && write_file(path, text, strlen(text));
  free(text);
  return ok;
}

int plan_corpus_run(int argc, char **argv, const plan_options *base) {
  corpus c;
  memset(&c, 0, sizeof c);
  c.out = "corpus-report";
  long cpus = sysconf(_SC_NPROCESSORS_ONLN);
  c.threads = cpus > 0 ? (int)cpus : 1;
  c.opts = *base;
  bool quiet = false;
  char **paths = calloc((size_t)argc + 1, sizeof *paths);
  size_t npaths = 0;
  if (!paths) return 3;
  int rc = parse_args(&c, argc, argv, paths, &npaths, &quiet);
  if (rc >= 0) {
    free(paths);
    return rc;
  }
  c.quiet = quiet;
  c.progress = !quiet && isatty(2);
  c.t0 = now();
  if (!plan_budget_apply(c.memory)) fprintf(stderr, "plan: warning: the memory budget could not be set\n");
  char dir[4096];
  snprintf(dir, sizeof dir, "%s/cache", c.out);
  mkdirs(dir);
  if (access(dir, W_OK) != 0 || plan_lexicon_new(&c.lex, NULL) != PLAN_OK) {
    fprintf(stderr, "plan: cannot write to %s: %s\n", c.out, strerror(errno));
    free(paths);
    return 3;
  }
  char lock[4200] = "";
  if (c.parse_only) return parse_shard(&c, paths, npaths);
  if (!take_lock(c.out, lock, sizeof lock)) {
    plan_lexicon_free(c.lex);
    free(paths);
    return 3;
  }
  c.opts.lexicon = c.lex;
  for (size_t i = 0; i < npaths; i++) add_path(&c, paths[i], 0);
  free(paths);

  /* read, hash, cache or parse: all on the threads */
  size_t *todo = calloc(c.n ? c.n : 1, sizeof *todo);
  if (!todo) {
    unlink(lock);
    return 3;
  }
  for (size_t i = 0; i < c.n; i++) todo[i] = i;
  double tp = now();
  run_jobs(&c, scan_item, todo, c.n, "parsing", "documents");
  double scan_time = now() - tp;
  size_t parsed = 0, from_cache = 0, failed = 0, ungrouped = 0, bytes = 0;
  size_t dups = mark_duplicates(&c);

  /* groups */
  plan_groups *g = NULL;
  size_t *member_item = calloc(c.n ? c.n : 1, sizeof *member_item), nmembers = 0;
  plan_groups_new(&g, NULL);
  /* for the fault tests: a pause between reading and comparing, in which
   * they rewrite or delete inputs (PLAN_CORPUS_PAUSE=SECONDS) */
  const char *pause = getenv("PLAN_CORPUS_PAUSE");
  if (pause && atoi(pause) > 0) {
    fprintf(stderr, "plan: pausing %d s before comparing\n", atoi(pause));
    sleep((unsigned)atoi(pause));
  }
  for (size_t i = 0; i < c.n; i++) {
    item *it = &c.items[i];
    if (it->parsed && it->dup_of < 0) { parsed++; bytes += it->size; }
    if (it->cached && it->dup_of < 0) from_cache++;
    if (it->dup_of >= 0) continue;
    if (it->failed) { failed++; it->counted_failed = true; continue; }
    if (!it->nimpl) ungrouped++;
    plan_groups_add(g, (const char *const *)it->impl, it->nimpl, NULL, NULL);
    member_item[nmembers++] = i;
  }
  plan_groups_finish(g, NULL);
  size_t ngroups = plan_groups_count(g), reused = 0;
  group_out *gos = calloc(ngroups ? ngroups : 1, sizeof *gos);
  rc = failed ? 1 : 0;
  for (size_t gi = 0; gos && gi < ngroups; gi++) {
    group_out *go = &gos[gi];
    go->n = plan_groups_size(g, gi);
    go->members = calloc(go->n, sizeof *go->members);
    item **sorted = malloc(go->n * sizeof *sorted);
    go->hashes = calloc(go->n * 33 + 1, 1);
    if (!go->members || !sorted || !go->hashes) { free(sorted); rc = 3; break; }
    for (size_t k = 0; k < go->n; k++)
      go->members[k] = &c.items[member_item[plan_groups_member(g, gi, k)]];
    slug(plan_groups_key(g, gi), go->slug, sizeof go->slug);
    for (size_t o = 0; o < gi; o++) /* two keys that fold alike: keep folders apart */
      if (!strcmp(gos[o].slug, go->slug)) {
        size_t l = strlen(go->slug);
        snprintf(go->slug + l, sizeof go->slug - l, "-%zu", gi + 1);
      }
    memcpy(sorted, go->members, go->n * sizeof *sorted);
    qsort(sorted, go->n, sizeof *sorted, key_cmp);
    for (size_t k = 0, at = 0; k < go->n; k++) at += (size_t)sprintf(go->hashes + at, "%s\n", sorted[k]->key);
    free(sorted);
    check_reuse(&c, go);
    reused += go->reused;
  }
  if (c.no_compare) { /* another's step: the groups to compare, for it */
    bool ok = write_work(&c, g, gos, ngroups) && write_jsonl(&c);
    if (!quiet)
      fprintf(stderr, "plan corpus: %zu documents (%zu failed); %zu groups (%zu reused): the "
              "others to compare are in %s/work.json\n", c.n, failed, ngroups, reused, c.out);
    for (size_t gi = 0; gos && gi < ngroups; gi++) gos[gi].reused = true; /* nothing to compare */
    if (!ok) rc = 3;
  }
  /* the groups to compare, several at once */
  c.gos = gos;
  c.work_total = 0;
  for (size_t gi = 0; gos && gi < ngroups; gi++) {
    todo[gi] = gi;
    gos[gi].c = &c;
    c.work_total += group_pairs(&gos[gi]);
  }
  c.work_units = "document pairs";
  bool memory_said = false;
  atomic_store(&c.work_done, 0);
  run_jobs(&c, group_job, todo, gos ? ngroups : 0, "comparing", "groups");
  c.work_total = 0;
  for (size_t gi = 0; gos && gi < ngroups; gi++) {
    group_out *go = &gos[gi];
    if (go->status == PLAN_EIO) rc = 3;
    if (go->status == PLAN_ENOMEM && !memory_said) {
      plan_budget_exceeded("plan", go->slug);
      memory_said = true;
    }
    if (go->status != PLAN_OK && !go->error) go->error = strdup(plan_strerror(go->status));
    if (go->done_at > 0 && (c.first_report == 0 || go->done_at < c.first_report))
      c.first_report = go->done_at;
  }
  /* members that vanished or changed while their group was compared fail */
  for (size_t i = 0; i < c.n; i++) {
    const item *it = &c.items[i];
    if (it->dup_of < 0 && it->failed && !it->counted_failed) failed++, rc = rc ? rc : 1;
  }
  if (!c.no_compare && (!write_jsonl(&c) || !write_index(&c, g, gos, ngroups, ungrouped, failed, dups))) {
    fprintf(stderr, "plan: the output in %s is incomplete (see above); what an earlier run wrote "
            "there is left as it was\n", c.out);
    rc = 3;
  }
  if (atomic_load(&c.cache_failed))
    fprintf(stderr, "plan: some cache entries in %s/cache could not be written: the next run "
            "parses those documents again\n", c.out);
  if (!quiet && !c.no_compare) {
    fprintf(stderr,
            "plan corpus: %zu documents (%zu parsed, %zu from the cache, %zu duplicates, "
            "%zu failed; %zu other files passed over); %zu groups (%zu reused), %zu "
            "implementing nothing found; see %s/index.html\n",
            c.n, parsed, from_cache, dups, failed, c.skipped, ngroups, reused, ungrouped, c.out);
    for (size_t i = 0; i < c.n; i++)
      if (c.items[i].failed && c.items[i].dup_of < 0)
        fprintf(stderr, "  skipped %s: %s\n", c.items[i].id, c.items[i].reason);
    for (size_t gi = 0; gos && gi < ngroups; gi++)
      if (gos[gi].error) fprintf(stderr, "  group %s: %s\n", plan_groups_key(g, gi), gos[gi].error);
  }
  if (c.stats) {
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    fprintf(stderr,
            "stats: threads %d; parsed %zu documents (%.1f MB) in %.3f s: %.1f documents/s, "
            "%.1f MB/s; first report after %.3f s; total %.3f s; peak memory %.1f MB\n",
            c.threads, parsed, bytes / 1e6, scan_time, scan_time > 0 ? parsed / scan_time : 0,
            scan_time > 0 ? bytes / 1e6 / scan_time : 0, c.first_report, now() - c.t0,
            ru.ru_maxrss / 1024.0);
  }
  for (size_t gi = 0; gos && gi < ngroups; gi++) {
    free(gos[gi].members);
    free(gos[gi].hashes);
    free(gos[gi].error);
  }
  free(gos);
  plan_groups_free(g);
  free(member_item);
  free(todo);
  for (size_t i = 0; i < c.n; i++) free_item(&c.items[i]);
  unlink(lock);
  free(c.items);
  free(c.seen);
  free((void *)c.include);
  free((void *)c.exclude);
  plan_lexicon_free(c.lex);
  return rc;
}
