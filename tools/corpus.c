/* corpus.c - `plan corpus`: a folder of downloaded plans in, every
 * province's answer to each national policy compared out.
 *
 * Reads files, folders and JSON Lines records; parses them on N threads
 * (the library is thread-safe for different documents); groups them by the
 * national document they implement (plan_groups); compares each group and
 * writes its reports, an index page and documents.jsonl.  Work is cached
 * under DIR/cache by content hash, so a second run parses only new or
 * changed documents and compares only groups whose members changed. */
#include <dirent.h>
#include <errno.h>
#include <jansson.h>
#include <libxml/HTMLtree.h>
#include <pthread.h>
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

#include "plan.h"
#include "corpus.h"

typedef struct item {
  char *id;         /* path, or "file.jsonl#id" */
  char *text;       /* content (NULL once no longer needed) */
  size_t len;
  char hash[33];
  long dup_of;      /* index of the first item with the same content, or -1 */
  bool cached;      /* results came from the cache */
  bool failed;
  char *reason;     /* why it failed */
  char *province;
  char *json;       /* one line */
  char **impl;      /* numbers of the national documents it implements */
  size_t nimpl;
  plan_doc *doc;    /* when parsed in this run */
} item;

typedef struct corpus {
  item *items;
  size_t n, cap;
  const char *out;   /* output folder */
  int threads;
  bool progress;     /* a bar on stderr */
  bool stats;
  plan_options opts;
  plan_lexicon *lex;
  atomic_size_t next, done;
  size_t *todo;      /* items to parse */
  size_t ntodo;
  double t0, first_report;
} corpus;

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static item *add_item(corpus *c, const char *id) {
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

static char *slurp(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  size_t cap = 1 << 16, n = 0;
  char *buf = malloc(cap);
  while (buf) {
    if (n == cap) {
      char *p = realloc(buf, cap *= 2);
      if (!p) { free(buf); buf = NULL; break; }
      buf = p;
    }
    size_t k = fread(buf + n, 1, cap - n, f);
    n += k;
    if (k == 0) break;
  }
  if (buf && ferror(f)) { free(buf); buf = NULL; }
  fclose(f);
  *len = n;
  return buf;
}

static bool ends_with(const char *s, const char *suffix) {
  size_t a = strlen(s), b = strlen(suffix);
  return a >= b && strcmp(s + a - b, suffix) == 0;
}

/* Each line a JSON object {"id": ..., "text": ...}. */
static void add_jsonl(corpus *c, const char *path) {
  size_t len;
  char *data = slurp(path, &len);
  if (!data) {
    item *it = add_item(c, path);
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
      json_t *text = rec ? json_object_get(rec, "text") : NULL;
      char name[1024];
      snprintf(name, sizeof name, "%s#%s", path, id ? id : "");
      if (!id) snprintf(name, sizeof name, "%s:%zu", path, line);
      item *it = add_item(c, name);
      if (it && (!id || !json_is_string(text))) {
        fail_item(it, "not a JSON object with string id and text: %s",
                  rec ? "fields missing" : je.text);
      } else if (it) {
        it->len = json_string_length(text);
        it->text = malloc(it->len + 1);
        if (it->text) memcpy(it->text, json_string_value(text), it->len + 1);
      }
      json_decref(rec);
    }
    b = e + 1;
  }
  free(data);
}

static int name_cmp(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Files under a folder, in name order (so runs are reproducible); hidden
 * entries and the output folder are left out. */
static void add_path(corpus *c, const char *path, int depth) {
  struct stat st;
  if (stat(path, &st) != 0) {
    item *it = add_item(c, path);
    if (it) fail_item(it, "cannot read: %s", strerror(errno));
    return;
  }
  if (S_ISDIR(st.st_mode)) {
    char real_out[4096], real_dir[4096];
    if (realpath(c->out, real_out) && realpath(path, real_dir) && !strcmp(real_out, real_dir)) return;
    DIR *d = opendir(path);
    if (!d || depth > 32) {
      item *it = add_item(c, path);
      if (it) fail_item(it, "cannot read folder: %s", strerror(errno ? errno : ELOOP));
      if (d) closedir(d);
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
    item *it = add_item(c, path);
    if (!it) return;
    it->text = slurp(path, &it->len);
    if (!it->text) fail_item(it, "cannot read: %s", strerror(errno ? errno : EIO));
  }
}

/* ---- content hashes and the cache ------------------------------------------ */

/* 128 bits from two FNV-1a passes with different bases: a cache key, not a
 * defence against crafted collisions. */
static void hash_item(item *it) {
  uint64_t a = 0xcbf29ce484222325ull, b = 0x84222325cbf29ce4ull ^ it->len;
  for (size_t i = 0; i < it->len; i++) {
    unsigned char ch = (unsigned char)it->text[i];
    a = (a ^ ch) * 0x100000001b3ull;
    b = (b ^ ch ^ (i & 0xff)) * 0x100000001b3ull;
  }
  snprintf(it->hash, sizeof it->hash, "%016llx%016llx", (unsigned long long)a,
           (unsigned long long)b);
}

static void cache_path(const corpus *c, const item *it, char *buf, size_t n) {
  snprintf(buf, n, "%s/cache/%s.doc", c->out, it->hash);
}

/* The cache entry of an item: lines "key<TAB>value". */
static bool cache_load(corpus *c, item *it) {
  char path[4096];
  cache_path(c, it, path, sizeof path);
  size_t len;
  char *data = slurp(path, &len);
  if (!data) return false;
  bool ok = len > 15 && strncmp(data, "libplan-cache\t1\n", 16) == 0;
  for (char *line = data, *nl; ok && line < data + len; line = nl + 1) {
    nl = memchr(line, '\n', (size_t)(data + len - line));
    if (!nl) break;
    *nl = '\0';
    char *tab = strchr(line, '\t');
    if (!tab) continue;
    *tab = '\0';
    const char *v = tab + 1;
    if (!strcmp(line, "failed")) { it->failed = true; it->reason = strdup(v); }
    else if (!strcmp(line, "province") && *v) it->province = strdup(v);
    else if (!strcmp(line, "json")) it->json = strdup(v);
    else if (!strcmp(line, "implements")) {
      char **impl = realloc(it->impl, (it->nimpl + 1) * sizeof *impl);
      if (impl) { it->impl = impl; it->impl[it->nimpl++] = strdup(v); }
    }
  }
  free(data);
  it->cached = ok && (it->failed || it->json);
  return it->cached;
}

static void mkdirs(const char *path) {
  char buf[4096];
  snprintf(buf, sizeof buf, "%s", path);
  for (char *p = buf + 1; *p; p++)
    if (*p == '/') { *p = '\0'; mkdir(buf, 0777); *p = '/'; }
  mkdir(buf, 0777);
}

/* Writes data to path through a temporary file, so a stopped run never
 * leaves half a file behind. */
static bool write_file(const char *path, const char *data, size_t n) {
  char tmp[4200];
  snprintf(tmp, sizeof tmp, "%s.tmp", path);
  FILE *f = fopen(tmp, "wb");
  if (!f) return false;
  bool ok = fwrite(data, 1, n, f) == n;
  ok &= fclose(f) == 0;
  return ok && rename(tmp, path) == 0;
}

static void cache_store(corpus *c, const item *it) {
  char path[4096];
  cache_path(c, it, path, sizeof path);
  size_t n = 64 + (it->json ? strlen(it->json) : 0) + (it->reason ? strlen(it->reason) : 0);
  for (size_t i = 0; i < it->nimpl; i++) n += strlen(it->impl[i]) + 16;
  n += it->province ? strlen(it->province) : 0;
  char *buf = malloc(n);
  if (!buf) return;
  int k = snprintf(buf, n, "libplan-cache\t1\n");
  if (it->failed) k += snprintf(buf + k, n - (size_t)k, "failed\t%s\n", it->reason);
  if (it->province) k += snprintf(buf + k, n - (size_t)k, "province\t%s\n", it->province);
  for (size_t i = 0; i < it->nimpl; i++)
    k += snprintf(buf + k, n - (size_t)k, "implements\t%s\n", it->impl[i]);
  if (it->json) k += snprintf(buf + k, n - (size_t)k, "json\t%s\n", it->json);
  write_file(path, buf, (size_t)k);
  free(buf);
}

/* ---- parsing on threads ------------------------------------------------------ */

static void parse_item(corpus *c, item *it) {
  plan_error e;
  plan_status st = plan_doc_parse_named(it->text, it->len, it->id, &c->opts, &it->doc, &e);
  if (st != PLAN_OK) {
    char msg[400];
    if (e.line)
      snprintf(msg, sizeof msg, "%s at line %zu, column %zu: %s", plan_status_name(st), e.line,
               e.column, e.message);
    else
      snprintf(msg, sizeof msg, "%s: %s", plan_status_name(st), e.message);
    fail_item(it, "%s", msg);
    return;
  }
  size_t n;
  char *json = plan_render_json(it->doc, &n);
  if (json) {
    while (n && json[n - 1] == '\n') json[--n] = '\0';
    it->json = strdup(json);
  }
  plan_free(json);
  const char *prov = plan_doc_meta(it->doc, PLAN_META_PROVINCE);
  if (prov) it->province = strdup(prov);
  it->nimpl = plan_doc_implements_count(it->doc);
  it->impl = calloc(it->nimpl ? it->nimpl : 1, sizeof *it->impl);
  for (size_t i = 0; it->impl && i < it->nimpl; i++)
    it->impl[i] = strdup(plan_reference_number(plan_doc_implements(it->doc, i)));
}

static void *worker(void *arg) {
  corpus *c = arg;
  for (;;) {
    size_t k = atomic_fetch_add(&c->next, 1);
    if (k >= c->ntodo) break;
    parse_item(c, &c->items[c->todo[k]]);
    atomic_fetch_add(&c->done, 1);
  }
  return NULL;
}

static void draw_progress(corpus *c, size_t done, double t) {
  double rate = t > 0 ? done / t : 0;
  double left = rate > 0 ? (c->ntodo - done) / rate : 0;
  int width = 30, fill = c->ntodo ? (int)(width * done / c->ntodo) : width;
  fprintf(stderr, "\r[%.*s%*s] %zu/%zu documents  %.0f/s  %d:%02d left ", fill,
          "##############################", width - fill, "", done, c->ntodo, rate,
          (int)left / 60, (int)left % 60);
}

static void parse_all(corpus *c) {
  atomic_store(&c->next, 0);
  atomic_store(&c->done, 0);
  if (!c->ntodo) return;
  int nt = c->threads < 1 ? 1 : c->threads;
  if ((size_t)nt > c->ntodo) nt = (int)c->ntodo;
  pthread_t *tids = calloc((size_t)nt, sizeof *tids);
  int started = 0;
  for (int i = 0; tids && i < nt; i++)
    if (pthread_create(&tids[i], NULL, worker, c) == 0) started++;
  if (!started) worker(c); /* no threads to be had: do it here */
  double t0 = now();
  while (c->progress && atomic_load(&c->done) < c->ntodo) {
    draw_progress(c, atomic_load(&c->done), now() - t0);
    usleep(100000);
  }
  for (int i = 0; i < started; i++) pthread_join(tids[i], NULL);
  if (c->progress) {
    draw_progress(c, c->ntodo, now() - t0);
    fputc('\n', stderr);
  }
  free(tids);
}

/* ---- groups and their reports ------------------------------------------------- */

/* "1472/QĐ-TTg" -> "1472-qd-ttg": a folder name. */
static void slug(const char *key, char *buf, size_t n) {
  char *k = plan_key(key, strlen(key), NULL, NULL, NULL);
  size_t j = 0;
  for (const char *p = k ? k : "group"; *p && j + 1 < n; p++)
    buf[j++] = (*p == ' ') ? '-' : *p;
  buf[j] = '\0';
  plan_free(k);
}

static int hash_cmp(const void *a, const void *b) {
  return strcmp((*(item *const *)a)->hash, (*(item *const *)b)->hash);
}

typedef struct group_out {
  char slug[160];
  item **members;
  size_t n;
  char *hashes;    /* the members' hashes, sorted, one a line */
  bool reused;     /* the reports of a run with the same members stand */
  size_t agencies; /* agencies compared */
  char *error;
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
  char *old = slurp(path, &len);
  size_t hl = strlen(go->hashes);
  if (old && len > hl && memcmp(old, go->hashes, hl) == 0 && old[hl] == '#') {
    go->agencies = strtoul(old + hl + 1, NULL, 10);
    snprintf(path, sizeof path, "%s/report.html", dir);
    go->reused = go->n < 2 || access(path, R_OK) == 0;
  }
  free(old);
}

static plan_status compare_group(corpus *c, group_out *go) {
  char dir[4096], path[4400];
  group_dir(c, go, dir, sizeof dir);
  mkdirs(dir);
  plan_status st = PLAN_OK;
  if (go->n >= 2) {
    const plan_doc **docs = calloc(go->n, sizeof *docs);
    if (!docs) return PLAN_ENOMEM;
    for (size_t k = 0; k < go->n; k++) docs[k] = go->members[k]->doc;
    plan_compare_options co;
    plan_compare_options_init(&co);
    plan_compare *cmp = NULL;
    plan_error e;
    st = plan_compare_new(docs, go->n, &co, &cmp, &e);
    free(docs);
    if (st != PLAN_OK) {
      go->error = strdup(e.message);
      return st;
    }
    go->agencies = plan_compare_agency_count(cmp);
    size_t n;
    char *r = plan_render_compare_html(cmp, NULL, &n);
    bool ok = write_report(dir, "report.html", r, n);
    r = plan_render_compare_csv(cmp, NULL, &n);
    ok &= write_report(dir, "report.csv", r, n);
    r = plan_render_compare_json(cmp, NULL, &n);
    ok &= write_report(dir, "report.json", r, n);
    plan_compare_free(cmp);
    if (!ok) return PLAN_EIO;
    if (c->first_report == 0) c->first_report = now() - c->t0;
  }
  /* written last: the reports above are complete when it names them */
  size_t hl = strlen(go->hashes);
  char *m = malloc(hl + 32);
  if (!m) return PLAN_ENOMEM;
  int k = snprintf(m, hl + 32, "%s#%zu\n", go->hashes, go->agencies);
  snprintf(path, sizeof path, "%s/members", dir);
  bool ok = write_file(path, m, (size_t)k);
  free(m);
  return ok ? st : PLAN_EIO;
}

/* ---- the index page (libxml2) ------------------------------------------------ */

#define X(s) ((const xmlChar *)(s))

static void text_child(xmlNodePtr parent, const char *tag, const char *text) {
  xmlNewTextChild(parent, NULL, X(tag), X(text ? text : ""));
}

static bool write_index(corpus *c, const plan_groups *g, group_out *gos, size_t ngroups,
                        size_t ungrouped, size_t failed, size_t dups) {
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
  for (size_t gi = 0; gi < ngroups; gi++) {
    group_out *go = &gos[gi];
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
  xmlChar *mem = NULL;
  int size = 0;
  htmlSetMetaEncoding(doc, X("UTF-8")); /* the text as UTF-8, not entities */
  htmlDocDumpMemoryFormat(doc, &mem, &size, 1);
  xmlFreeDoc(doc);
  char path[4096];
  snprintf(path, sizeof path, "%s/index.html", c->out);
  bool ok = mem && write_file(path, (const char *)mem, (size_t)size);
  xmlFree(mem);
  return ok;
}

static bool write_jsonl(corpus *c) {
  char path[4096];
  snprintf(path, sizeof path, "%s/documents.jsonl.tmp", c->out);
  FILE *f = fopen(path, "wb");
  if (!f) return false;
  for (size_t i = 0; i < c->n; i++) {
    const item *it = &c->items[i];
    if (!it->failed && it->dup_of < 0 && it->json) fprintf(f, "%s\n", it->json);
  }
  bool ok = fclose(f) == 0;
  char final[4096];
  snprintf(final, sizeof final, "%s/documents.jsonl", c->out);
  return ok && rename(path, final) == 0;
}

/* ---- the run ----------------------------------------------------------------- */

void plan_corpus_usage(FILE *f) {
  fprintf(f,
          "usage: plan corpus [-j N] [-o DIR] [OPTIONS] PATH...\n"
          "\n"
          "Reads every plan under PATH (files, folders, JSON Lines files of\n"
          "{\"id\", \"text\"} records), groups the plans by the national document\n"
          "they implement and compares each group.  Writes to DIR (default\n"
          "corpus-report):\n"
          "  index.html             the groups, their provinces and coverage\n"
          "  groups/KEY/report.html, report.csv, report.json\n"
          "  documents.jsonl        one parsed document per line\n"
          "  cache/                 results by content hash, reused by the next run\n"
          "A file that cannot be read or parsed is reported and skipped.\n"
          "\n"
          "Options:\n"
          "  -j N             parse on N threads (default: the processors online)\n"
          "  -o DIR           the output folder\n"
          "  -q, --quiet      no progress bar and no summary\n"
          "  --stats          print timings and peak memory on standard error\n"
          "  --input=KIND, --encoding=ENC  as for plan parse\n"
          "  -h, --help       show this help\n"
          "\n"
          "Exit codes: 0 success, 1 some inputs failed (the rest is written),\n"
          "2 usage error, 3 the output could not be written.\n");
}

static void free_item(item *it) {
  free(it->id);
  free(it->text);
  free(it->reason);
  free(it->province);
  free(it->json);
  for (size_t i = 0; i < it->nimpl; i++) free(it->impl[i]);
  free(it->impl);
  plan_doc_free(it->doc);
}

/* Parses the items in todo[0..n) on the thread pool. */
static void parse_items(corpus *c, size_t *todo, size_t n) {
  c->todo = todo;
  c->ntodo = n;
  parse_all(c);
  for (size_t i = 0; i < n; i++) {
    item *it = &c->items[todo[i]];
    if (!it->cached) cache_store(c, it);
  }
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
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
      plan_corpus_usage(stdout);
      free(paths);
      return 0;
    } else if (!strcmp(a, "-j") && i + 1 < argc) {
      c.threads = atoi(argv[++i]);
    } else if (!strncmp(a, "-j", 2) && a[2]) {
      c.threads = atoi(a + 2);
    } else if (!strcmp(a, "-o") && i + 1 < argc) {
      c.out = argv[++i];
    } else if (!strcmp(a, "-q") || !strcmp(a, "--quiet")) {
      quiet = true;
    } else if (!strcmp(a, "--stats")) {
      c.stats = true;
    } else if (a[0] == '-' && a[1]) {
      fprintf(stderr, "plan: unknown option '%s'\n", a);
      plan_corpus_usage(stderr);
      free(paths);
      return 2;
    } else {
      paths[npaths++] = argv[i];
    }
  }
  if (!npaths || c.threads < 1 || c.threads > 1024) {
    fprintf(stderr, "plan: %s\n", npaths ? "-j wants 1 to 1024 threads" : "no PATH given");
    plan_corpus_usage(stderr);
    free(paths);
    return 2;
  }
  c.progress = !quiet && isatty(2);
  c.t0 = now();
  char dir[4096];
  snprintf(dir, sizeof dir, "%s/cache", c.out);
  mkdirs(dir);
  if (access(dir, W_OK) != 0) {
    fprintf(stderr, "plan: cannot write to %s: %s\n", c.out, strerror(errno));
    free(paths);
    return 3;
  }
  if (plan_lexicon_new(&c.lex) != PLAN_OK) { free(paths); return 3; }
  c.opts.lexicon = c.lex;
  for (size_t i = 0; i < npaths; i++) add_path(&c, paths[i], 0);
  free(paths);

  /* hashes, duplicates, the cache; the rest is parsed */
  size_t *todo = calloc(c.n ? c.n : 1, sizeof *todo), ntodo = 0, from_cache = 0;
  for (size_t i = 0; i < c.n; i++) {
    item *it = &c.items[i];
    if (it->failed || !it->text) { it->failed = true; continue; }
    hash_item(it);
    for (size_t j = 0; j < i && it->dup_of < 0; j++)
      if (!c.items[j].failed && c.items[j].dup_of < 0 && !strcmp(c.items[j].hash, it->hash))
        it->dup_of = (long)j;
    if (it->dup_of >= 0) continue;
    if (cache_load(&c, it)) from_cache++;
    else todo[ntodo++] = i;
  }
  double tp = now();
  parse_items(&c, todo, ntodo);
  double parse_time = now() - tp;

  /* groups */
  plan_groups *g = NULL;
  size_t *member_item = calloc(c.n ? c.n : 1, sizeof *member_item), nmembers = 0;
  size_t failed = 0, dups = 0, ungrouped = 0;
  plan_groups_new(&g);
  for (size_t i = 0; i < c.n; i++) {
    item *it = &c.items[i];
    if (it->failed) { failed++; continue; }
    if (it->dup_of >= 0) { dups++; continue; }
    if (!it->nimpl) ungrouped++;
    plan_groups_add(g, (const char *const *)it->impl, it->nimpl, NULL);
    member_item[nmembers++] = i;
  }
  plan_groups_finish(g);
  size_t ngroups = plan_groups_count(g);
  group_out *gos = calloc(ngroups ? ngroups : 1, sizeof *gos);
  size_t need = 0, reused = 0;
  for (size_t gi = 0; gi < ngroups; gi++) {
    group_out *go = &gos[gi];
    go->n = plan_groups_size(g, gi);
    go->members = calloc(go->n, sizeof *go->members);
    for (size_t k = 0; k < go->n; k++) go->members[k] = &c.items[member_item[plan_groups_member(g, gi, k)]];
    slug(plan_groups_key(g, gi), go->slug, sizeof go->slug);
    for (size_t o = 0; o < gi; o++) /* two keys that fold alike: keep folders apart */
      if (!strcmp(gos[o].slug, go->slug)) {
        size_t l = strlen(go->slug);
        snprintf(go->slug + l, sizeof go->slug - l, "-%zu", gi + 1);
      }
    item **sorted = malloc(go->n * sizeof *sorted);
    memcpy(sorted, go->members, go->n * sizeof *sorted);
    qsort(sorted, go->n, sizeof *sorted, hash_cmp);
    go->hashes = calloc(go->n * 33 + 1, 1);
    for (size_t k = 0; k < go->n; k++) {
      strcat(go->hashes, sorted[k]->hash);
      strcat(go->hashes, "\n");
    }
    free(sorted);
    check_reuse(&c, go);
    reused += go->reused;
    if (go->reused) continue;
    for (size_t k = 0; k < go->n && go->n >= 2; k++)
      if (!go->members[k]->doc) todo[need++] = (size_t)(go->members[k] - c.items);
  }
  /* cached members of changed groups: parsed now, to be compared */
  parse_items(&c, todo, need);
  int rc = failed ? 1 : 0;
  for (size_t gi = 0; gi < ngroups; gi++) {
    group_out *go = &gos[gi];
    if (go->reused) continue;
    bool ready = true;
    for (size_t k = 0; k < go->n; k++) ready &= go->members[k]->doc != NULL || go->n < 2;
    plan_status st = ready ? compare_group(&c, go) : PLAN_EFORMAT;
    if (st == PLAN_EIO) rc = 3;
    if (st != PLAN_OK && !go->error) go->error = strdup(plan_strerror(st));
  }
  if (!write_jsonl(&c) || !write_index(&c, g, gos, ngroups, ungrouped, failed, dups)) {
    fprintf(stderr, "plan: cannot write to %s\n", c.out);
    rc = 3;
  }
  if (!quiet) {
    fprintf(stderr,
            "plan corpus: %zu documents (%zu parsed, %zu from the cache, %zu duplicates, "
            "%zu failed); %zu groups (%zu reused), %zu implementing nothing found; see %s/index.html\n",
            c.n, ntodo, from_cache, dups, failed, ngroups, reused, ungrouped, c.out);
    for (size_t i = 0; i < c.n; i++)
      if (c.items[i].failed) fprintf(stderr, "  skipped %s: %s\n", c.items[i].id, c.items[i].reason);
    for (size_t gi = 0; gi < ngroups; gi++)
      if (gos[gi].error) fprintf(stderr, "  group %s: %s\n", plan_groups_key(g, gi), gos[gi].error);
  }
  if (c.stats) {
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    size_t bytes = 0;
    for (size_t i = 0; i < ntodo; i++) bytes += c.items[todo[i]].len;
    fprintf(stderr,
            "stats: threads %d; parsed %zu documents (%.1f MB) in %.3f s: %.1f documents/s, "
            "%.1f MB/s; first report after %.3f s; total %.3f s; peak memory %.1f MB\n",
            c.threads, ntodo, bytes / 1e6, parse_time, parse_time > 0 ? ntodo / parse_time : 0,
            parse_time > 0 ? bytes / 1e6 / parse_time : 0, c.first_report, now() - c.t0,
            ru.ru_maxrss / 1024.0);
  }
  for (size_t gi = 0; gi < ngroups; gi++) {
    free(gos[gi].members);
    free(gos[gi].hashes);
    free(gos[gi].error);
  }
  free(gos);
  plan_groups_free(g);
  free(member_item);
  free(todo);
  for (size_t i = 0; i < c.n; i++) free_item(&c.items[i]);
  free(c.items);
  plan_lexicon_free(c.lex);
  return rc;
}
