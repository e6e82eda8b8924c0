/* plan - the libplan command-line tool. */
#include <errno.h>
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include "budget.h"
#include "corpus.h"
#include "plan.h"

/* Exit codes, documented in --help. */
enum { EXIT_OK = 0, EXIT_INPUT = 1, EXIT_USAGE = 2, EXIT_IO = 3 };

static const char *prog = "plan";

static void usage(FILE *f) {
  fprintf(f,
          "usage: plan [--version] [--help] COMMAND [ARGS]\n"
          "\n"
          "Commands:\n"
          "  normalize   normalize Vietnamese administrative text\n"
          "  parse       segment plans: metadata, outline, assignments, references\n"
          "  agencies    list the agency lexicon, or the agencies plans name\n"
          "  compare     compare provinces' plans: duties shared, reworded, missing\n"
          "  corpus      a folder of plans: group by the policy they implement, compare\n"
          "\n"
          "Run 'plan COMMAND --help' for a command's options.\n"
          "\n"
          "Exit codes: 0 success, 1 bad input (invalid UTF-8, NUL byte, limit),\n"
          "2 usage error, 3 file not readable or output not writable.\n");
}

static void normalize_usage(FILE *f) {
  fprintf(f,
          "usage: plan normalize [OPTIONS] [FILE|-]...\n"
          "\n"
          "Writes each FILE (or standard input) normalized to standard output:\n"
          "NFC, one tone-mark placement, spaces and line ends, dashes, markdown\n"
          "and table leftovers removed.\n"
          "\n"
          "Options:\n"
          "  --style=STYLE    tone placement in oa, oe, uy: traditional (hòa, the\n"
          "                   default), modern (hoà) or keep (as in the source)\n"
          "  --expand         expand agency abbreviations (UBND, LĐTBXH, ...)\n"
          "  --key            print the matching key instead (folded, no marks)\n"
          "  --replace        replace invalid UTF-8 with U+FFFD instead of failing\n"
          "  --input=KIND     text, markdown, html or docx (default: by content)\n"
          "  --encoding=ENC   utf-8, tcvn3, vni, viqr or windows-1258 (default: by\n"
          "                   content; legacy encodings are converted to UTF-8)\n"
          "  --keep-markup    keep markdown and table leftovers\n"
          "  --lexicon=FILE   add abbreviations from FILE (abbrev<TAB>ABBR<TAB>Text)\n"
          "  -h, --help       show this help\n"
          "\n"
          "Exit codes: 0 success, 1 bad input, 2 usage error, 3 I/O error.\n");
}

/* A file, or standard input for "-", read as the library reads files:
 * bounded by the options' limit, devices refused. */
static plan_status read_input(const char *path, const plan_options *o, char **in, size_t *len,
                              plan_error *e) {
  return plan_read_file(strcmp(path, "-") == 0 ? "/dev/stdin" : path, o, in, len, e);
}

static int report(const char *path, const plan_error *e) {
  if (e->line)
    fprintf(stderr, "%s: %s:%zu:%zu: %s [%s]\n", prog, path, e->line, e->column,
            e->message, plan_status_name(e->status));
  else
    fprintf(stderr, "%s: %s: %s [%s]\n", prog, path, e->message, plan_status_name(e->status));
  return e->status == PLAN_EIO ? EXIT_IO : e->status == PLAN_EINVAL ? EXIT_USAGE : EXIT_INPUT;
}

/* --style's value; 0 when it is not a style. */
static int tone_style(const char *v, plan_tone_style *out) {
  if (!strcmp(v, "traditional")) *out = PLAN_TONE_TRADITIONAL;
  else if (!strcmp(v, "modern")) *out = PLAN_TONE_MODERN;
  else if (!strcmp(v, "keep")) *out = PLAN_TONE_KEEP;
  else {
    fprintf(stderr, "%s: unknown style '%s'\n", prog, v);
    return 0;
  }
  return 1;
}

/* Flushes standard output; EXIT_IO (and a message) when that fails. */
static int finish_output(int rc) {
  if (fflush(stdout) != 0 || ferror(stdout)) {
    fprintf(stderr, "%s: cannot write output\n", prog);
    return EXIT_IO;
  }
  return rc;
}

static const char *opt_value(const char *arg, const char *name) {
  size_t n = strlen(name);
  return strncmp(arg, name, n) == 0 && arg[n] == '=' ? arg + n + 1 : NULL;
}

/* In an option loop over argv (index i, argument a): does a name option
 * NAME, as "NAME=value" or "NAME value"?  Sets v to the value. */
#define VALUE(name) ((v = opt_value(a, name)) || (!strcmp(a, name) && i + 1 < argc && (v = argv[++i])))

/* A similarity threshold: a finite number in [0, 1], the whole value. */
static bool threshold(const char *opt, const char *v, double *out) {
  char *end;
  errno = 0;
  double x = strtod(v, &end);
  if (end == v || *end || errno || !isfinite(x) || x < 0 || x > 1) {
    const char *name = strchr(opt, '=');
    fprintf(stderr, "%s: %.*s=%s: expected a number from 0 to 1\n", prog,
            (int)(name ? name - opt : (ptrdiff_t)strlen(opt)), opt, v);
    return false;
  }
  *out = x;
  return true;
}

/* --input and --encoding, which every command that reads documents takes:
 * 1 when a was one of them (o is set), 0 when not, -1 for a bad value. */
static int input_option(const char *a, int *i, int argc, char **argv, plan_options *o) {
  const char *v = NULL;
  bool enc = false;
  if ((v = opt_value(a, "--input")) || (!strcmp(a, "--input") && *i + 1 < argc && (v = argv[++*i])))
    enc = false;
  else if ((v = opt_value(a, "--encoding")) ||
           (!strcmp(a, "--encoding") && *i + 1 < argc && (v = argv[++*i])))
    enc = true;
  else
    return 0;
  plan_error e;
  plan_status st = enc ? plan_encoding_from_name(v, &o->encoding, &e)
                       : plan_input_from_name(v, &o->input, &e);
  if (st != PLAN_OK) {
    fprintf(stderr, "%s: %s\n", prog, e.message);
    return -1;
  }
  return 1;
}

/* Says on standard error when a document was not UTF-8 text. */
static void note_input(const char *path, const plan_text *t) {
  if (plan_text_encoding(t) != PLAN_ENCODING_UTF8)
    fprintf(stderr, "%s: %s: read as %s\n", prog, path, plan_encoding_name(plan_text_encoding(t)));
}

/* An argument that looks like an option but is none: a usage error. */
static int unknown_option(const char *a, void (*print_usage)(FILE *)) {
  fprintf(stderr, "%s: unknown option '%s'\n", prog, a);
  print_usage(stderr);
  return EXIT_USAGE;
}

static int cmd_normalize(int argc, char **argv) {
  plan_options o;
  plan_options_init(&o);
  plan_lexicon *lex = NULL;
  int key = 0, nfiles = 0, rc = EXIT_OK, ro;
  const char *v;
  char **files = calloc((size_t)argc + 1, sizeof *files);
  if (!files) return EXIT_IO;
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
      normalize_usage(stdout);
      goto done;
    } else if (VALUE("--style")) {
      if (!tone_style(v, &o.tone_style)) { rc = EXIT_USAGE; goto done; }
    } else if (!strcmp(a, "--expand")) {
      o.flags |= PLAN_OPT_EXPAND_ABBREVIATIONS;
    } else if (!strcmp(a, "--key")) {
      key = 1;
    } else if (!strcmp(a, "--replace")) {
      o.flags |= PLAN_OPT_REPLACE_INVALID;
    } else if (!strcmp(a, "--keep-markup")) {
      o.flags |= PLAN_OPT_KEEP_MARKUP;
    } else if ((ro = input_option(a, &i, argc, argv, &o)) != 0) {
      if (ro < 0) { rc = EXIT_USAGE; goto done; }
    } else if (VALUE("--lexicon")) {
      plan_error e;
      if (!lex && plan_lexicon_new(&lex, NULL) != PLAN_OK) { rc = EXIT_IO; goto done; }
      if (plan_lexicon_load_file(lex, v, &e) != PLAN_OK) { rc = report(v, &e); goto done; }
      o.lexicon = lex;
    } else if (a[0] == '-' && a[1]) {
      rc = unknown_option(a, normalize_usage);
      goto done;
    } else {
      files[nfiles++] = argv[i];
    }
  }
  if (nfiles == 0) files[nfiles++] = "-";
  for (int i = 0; i < nfiles; i++) {
    size_t len, n;
    char *in;
    plan_error re;
    if (read_input(files[i], &o, &in, &len, &re) != PLAN_OK) {
      int r = report(files[i], &re);
      if (rc == EXIT_OK) rc = r;
      continue;
    }
    plan_error e;
    plan_text *t = NULL;
    char *k = NULL;
    const char *out;
    if (key) {
      out = plan_key(in, len, &o, &k, &n, &e) == PLAN_OK ? k : NULL;
    } else if (plan_normalize(in, len, &o, &t, &e) == PLAN_OK) {
      out = plan_text_data(t, &n);
      note_input(files[i], t);
      if (plan_text_replacements(t))
        fprintf(stderr, "%s: %s: replaced %zu invalid UTF-8 sequences or control characters with U+FFFD\n", prog,
                files[i], plan_text_replacements(t));
    } else {
      out = NULL;
    }
    if (!out) {
      int r = report(files[i], &e);
      if (rc == EXIT_OK) rc = r;
    } else {
      fwrite(out, 1, n, stdout);
      if (key) fputc('\n', stdout);
    }
    plan_free(k);
    plan_text_free(t);
    free(in);
  }
  rc = finish_output(rc);
done:
  free(files);
  plan_lexicon_free(lex);
  return rc;
}

static void parse_usage(FILE *f) {
  fprintf(f,
          "usage: plan parse [OPTIONS] [FILE|-]...\n"
          "\n"
          "Parses each FILE (or standard input) and writes its metadata, outline and\n"
          "references.  json writes one document per line (JSON Lines); xml one XML\n"
          "document per file.  Diagnostics (numbering gaps, guessed dates, ...) go\n"
          "to standard error as FILE:LINE:COLUMN: warning: MESSAGE [code].\n"
          "\n"
          "Options:\n"
          "  --format=FORMAT  text (the default), json or xml\n"
          "  --style=STYLE    tone placement, as for plan normalize\n"
          "  -q, --quiet      do not print diagnostics\n"
          "  --lexicon=FILE   extra abbreviations, agencies, duty verbs and head words\n"
          "                   of bodies' names, lines of abbrev<TAB>ABBR<TAB>Text,\n"
          "                   agency<TAB>id<TAB>name<TAB>level<TAB>kind<TAB>portfolios<TAB>aliases,\n"
          "                   duty_verb<TAB>phrase[<TAB>words|before|which|it|is|a|noun]\n"
          "                   or agency_head<TAB>word[<TAB>words|one|of|which|must|follow]\n"
          "  --input=KIND     text, markdown, html or docx (default: by content)\n"
          "  --encoding=ENC   utf-8, tcvn3, vni, viqr or windows-1258 (default: by\n"
          "                   content; legacy encodings are converted to UTF-8)\n"
          "  -h, --help       show this help\n"
          "\n"
          "Exit codes: 0 success, 1 bad input, 2 usage error, 3 I/O error.\n");
}

static int cmd_parse(int argc, char **argv) {
  plan_options o;
  plan_options_init(&o);
  enum { TEXT, JSON, XML } format = TEXT;
  int nfiles = 0, rc = EXIT_OK, quiet = 0, ro;
  const char *v;
  char **files = calloc((size_t)argc + 1, sizeof *files);
  plan_lexicon *lex = NULL;
  if (!files || plan_lexicon_new(&lex, NULL) != PLAN_OK) { free(files); return EXIT_IO; }
  o.lexicon = lex;
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
      parse_usage(stdout);
      goto done;
    } else if (VALUE("--format")) {
      if (!strcmp(v, "text")) format = TEXT;
      else if (!strcmp(v, "json")) format = JSON;
      else if (!strcmp(v, "xml")) format = XML;
      else { fprintf(stderr, "%s: unknown format '%s'\n", prog, v); rc = EXIT_USAGE; goto done; }
    } else if (VALUE("--style")) {
      if (!tone_style(v, &o.tone_style)) { rc = EXIT_USAGE; goto done; }
    } else if (!strcmp(a, "-q") || !strcmp(a, "--quiet")) {
      quiet = 1;
    } else if (VALUE("--lexicon")) {
      plan_error e;
      if (plan_lexicon_load_file(lex, v, &e) != PLAN_OK) { rc = report(v, &e); goto done; }
    } else if ((ro = input_option(a, &i, argc, argv, &o)) != 0) {
      if (ro < 0) { rc = EXIT_USAGE; goto done; }
    } else if (a[0] == '-' && a[1]) {
      rc = unknown_option(a, parse_usage);
      goto done;
    } else {
      files[nfiles++] = argv[i];
    }
  }
  if (nfiles == 0) files[nfiles++] = "-";
  for (int i = 0; i < nfiles; i++) {
    plan_error e;
    plan_doc *doc = NULL;
    plan_status st;
    if (strcmp(files[i], "-") == 0) {
      size_t len;
      char *in;
      st = read_input("-", &o, &in, &len, &e);
      if (st == PLAN_OK) st = plan_doc_parse(in, len, &o, &doc, &e);
      plan_free(in);
    } else {
      st = plan_doc_parse_file(files[i], &o, &doc, &e);
    }
    if (st != PLAN_OK) {
      int r = report(files[i], &e);
      if (rc == EXIT_OK) rc = r;
      continue;
    }
    if (!quiet) note_input(files[i], plan_doc_text(doc));
    for (size_t d = 0; !quiet && d < plan_doc_diagnostic_count(doc); d++) {
      const plan_diagnostic *dg = plan_doc_diagnostic(doc, d);
      size_t line, col;
      plan_diagnostic_position(dg, NULL, &line, &col);
      fprintf(stderr, "%s:%zu:%zu: warning: %s [%s]\n", files[i], line, col,
              plan_diagnostic_message(dg), plan_diag_code_name(plan_diagnostic_code(dg)));
    }
    size_t n = 0;
    char *out = NULL;
    plan_error re;
    plan_status rst = format == JSON  ? plan_render_json(doc, &out, &n, &re)
                      : format == XML ? plan_render_xml(doc, &out, &n, &re)
                                      : plan_render_text(doc, &out, &n, &re);
    if (rst != PLAN_OK) {
      fprintf(stderr, "%s: %s: %s\n", prog, files[i], re.message);
      rc = EXIT_IO;
    } else {
      if (format == TEXT && nfiles > 1) printf("== %s\n", files[i]);
      fwrite(out, 1, n, stdout);
    }
    plan_free(out);
    plan_doc_free(doc);
  }
  rc = finish_output(rc);
done:
  free(files);
  plan_lexicon_free(lex);
  return rc;
}

static void agencies_usage(FILE *f) {
  fprintf(f,
          "usage: plan agencies [--lexicon=FILE] [--input=KIND] [--encoding=ENC] [FILE...]\n"
          "\n"
          "Without FILE: lists the agency lexicon, one agency a line:\n"
          "  id<TAB>level<TAB>kind<TAB>portfolios<TAB>name\n"
          "With FILEs: lists the agencies each plan names:\n"
          "  file<TAB>id<TAB>known|unknown<TAB>items<TAB>duties<TAB>name\n"
          "where items counts the agency items naming it and duties the duties it\n"
          "carries there or as a member organisation.\n"
          "\n"
          "Exit codes: 0 success, 1 bad input, 2 usage error, 3 I/O error.\n");
}

static int cmd_agencies(int argc, char **argv) {
  plan_lexicon *lex = NULL;
  plan_options o;
  plan_options_init(&o);
  int rc = EXIT_OK, nfiles = 0, ro;
  const char *v;
  char **files = calloc((size_t)argc + 1, sizeof *files);
  if (!files || plan_lexicon_new(&lex, NULL) != PLAN_OK) { free(files); return EXIT_IO; }
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
      agencies_usage(stdout);
      goto done;
    } else if (VALUE("--lexicon")) {
      plan_error e;
      if (plan_lexicon_load_file(lex, v, &e) != PLAN_OK) { rc = report(v, &e); goto done; }
    } else if ((ro = input_option(a, &i, argc, argv, &o)) != 0) {
      if (ro < 0) { rc = EXIT_USAGE; goto done; }
    } else if (a[0] == '-' && a[1]) {
      rc = unknown_option(a, agencies_usage);
      goto done;
    } else {
      files[nfiles++] = argv[i];
    }
  }
  if (nfiles == 0) {
    for (size_t i = 0; i < plan_lexicon_agency_count(lex); i++) {
      const char *id, *name, *level, *kind, *portfolios;
      plan_lexicon_agency(lex, i, &id, &name, &level, &kind, &portfolios, NULL);
      printf("%s\t%s\t%s\t%s\t%s\n", id, level, kind, portfolios, name);
    }
    goto done;
  }
  o.lexicon = lex;
  for (int f = 0; f < nfiles; f++) {
    plan_doc *doc;
    plan_error e;
    if (plan_doc_parse_file(files[f], &o, &doc, &e) != PLAN_OK) {
      int r = report(files[f], &e);
      if (rc == EXIT_OK) rc = r;
      continue;
    }
    for (size_t i = 0; i < plan_doc_agency_count(doc); i++) {
      const plan_agency *ag = plan_doc_agency(doc, i);
      size_t items = 0, duties = 0;
      for (size_t k = 0; k < plan_doc_assignment_count(doc); k++) {
        const plan_assignment *a = plan_doc_assignment(doc, k);
        bool named = false;
        for (size_t m = 0; m < plan_assignment_agency_count(a); m++)
          named |= plan_mention_agency(plan_assignment_agency(a, m)) == ag;
        items += named;
        for (size_t d = 0; d < plan_assignment_duty_count(a); d++) {
          const plan_agency *by = plan_duty_agency(plan_assignment_duty(a, d));
          duties += by ? by == ag : named;
        }
      }
      printf("%s\t%s\t%s\t%zu\t%zu\t%s\n", files[f], plan_agency_id(ag),
             plan_agency_known(ag) ? "known" : "unknown", items, duties, plan_agency_name(ag));
    }
    plan_doc_free(doc);
  }
done:
  if (fflush(stdout) != 0) rc = EXIT_IO;
  free(files);
  plan_lexicon_free(lex);
  return rc;
}

/* Writes data to path through a temporary file renamed into place, so a
 * failed write leaves any earlier file whole; says why on failure. */
static bool write_whole(const char *path, const char *data, size_t n) {
  size_t pl = strlen(path);
  char *tmp = malloc(pl + 16);
  if (!tmp) return false;
  snprintf(tmp, pl + 16, "%s.tmp%ld", path, (long)getpid());
  FILE *f = fopen(tmp, "wb");
  bool ok = f && fwrite(data, 1, n, f) == n;
  if (f && fflush(f) != 0) ok = false;
  if (f && fsync(fileno(f)) != 0) ok = false;
  if (f && fclose(f) != 0) ok = false;
  int e = errno;
  if (ok && rename(tmp, path) != 0) { ok = false; e = errno; }
  if (!ok) {
    fprintf(stderr, "%s: cannot write %s: %s\n", prog, path, strerror(e ? e : EIO));
    unlink(tmp);
  }
  free(tmp);
  return ok;
}

static void compare_usage(FILE *f) {
  fprintf(f,
          "usage: plan compare [OPTIONS] FILE FILE...\n"
          "\n"
          "Aligns the duties every plan gives each agency and reports which are the\n"
          "same, reworded, merged, split or only in some plans, with the words\n"
          "that differ.\n"
          "\n"
          "Options:\n"
          "  --format=FORMAT       text, json, csv or html (default: by -o's\n"
          "                        extension, .txt .json .csv .html; else text)\n"
          "  --agency=ID           only this agency (see plan agencies)\n"
          "  -o FILE, --output=FILE  write the report to FILE\n"
          "  --html=FILE           also write the HTML report to FILE\n"
          "  -q, --quiet           no report on standard output (only the files\n"
          "                        -o and --html name)\n"
          "  --exclude-collective  leave out duties of collective items\n"
          "  --no-portfolio        do not match agencies by portfolio\n"
          "  --reworded=X --partial=X --merge=X  similarity thresholds\n"
          "  --detail              every pair of plans in the report (the default\n"
          "                        up to %d plans)\n"
          "  --summary             the summary: per agency its duty groups, the\n"
          "                        plans that have each and the duties one plan\n"
          "                        alone has (the default beyond %d plans: it grows\n"
          "                        with the duties, not with the pairs)\n"
          "  --pairs=FILE          every pair's links, with evidence and word diffs,\n"
          "                        to FILE as JSON Lines, written as they are found\n"
          "  --memory=SIZE         the memory the run may take (\"4G\", \"50%%\"; default\n"
          "                        75%% of the machine's): past it, it stops and says so\n"
          "  --color=WHEN          auto (the default: when standard output is a\n"
          "                        terminal and NO_COLOR is not set), always or never\n"
          "  --lexicon=FILE        extra abbreviations, agencies, duty verbs and head\n"
          "                        words (as for plan parse)\n"
          "  --input=KIND          text, markdown, html or docx (default: by content)\n"
          "  --encoding=ENC        utf-8, tcvn3, vni, viqr, windows-1258 (default: by\n"
          "                        content)\n"
          "  -h, --help            show this help\n"
          "\n"
          "Exit codes: 0 success, 1 bad input, 2 usage error, 3 I/O error.\n",
          PLAN_DETAIL_MAX, PLAN_DETAIL_MAX);
}

/* --pairs: each aligned pair's JSON line, appended as on_pair sees it, to
 * a temporary file renamed into place at the end (a stopped run leaves any
 * earlier file whole); and a progress line on a terminal. */
typedef struct pair_stream {
  FILE *f;
  const char *path;
  char *tmp;
  int error; /* errno of the first failure */
  bool progress;
  double last;
  size_t pairs;
} pair_stream;

static double seconds(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static int stream_pair(void *user, const plan_compare *cmp, size_t agency, size_t a, size_t b) {
  pair_stream *ps = user;
  ps->pairs++;
  if (ps->f && !ps->error) {
    char *line;
    size_t n;
    plan_error e;
    if (plan_render_compare_pair_json(cmp, agency, a, b, &line, &n, &e) != PLAN_OK) {
      ps->error = ENOMEM;
    } else {
      if (fwrite(line, 1, n, ps->f) != n || putc('\n', ps->f) == EOF) ps->error = errno ? errno : EIO;
      plan_free(line);
    }
    if (ps->error) return 1; /* no use aligning on for a file that cannot be written */
  }
  if (ps->progress && (ps->pairs & 1023) == 0 && seconds() - ps->last >= 0.5) {
    ps->last = seconds();
    fprintf(stderr, "\r%s: comparing: agency %zu of %zu, %zu pairs aligned ", prog, agency + 1,
            plan_compare_agency_count(cmp), ps->pairs);
  }
  return 0;
}

static bool stream_open(pair_stream *ps, const char *path) {
  size_t pl = strlen(path);
  ps->path = path;
  ps->tmp = malloc(pl + 24);
  if (!ps->tmp) return false;
  snprintf(ps->tmp, pl + 24, "%s.tmp%ld", path, (long)getpid());
  ps->f = fopen(ps->tmp, "wb");
  if (!ps->f) {
    fprintf(stderr, "%s: cannot write %s: %s\n", prog, path, strerror(errno));
    return false;
  }
  return true;
}

/* Closes the stream; renames it into place when commit and all went well. */
static bool stream_close(pair_stream *ps, bool commit) {
  if (!ps->f) return true;
  bool ok = !ps->error;
  if (fflush(ps->f) != 0 && ok) { ok = false; ps->error = errno; }
  if (ok && fsync(fileno(ps->f)) != 0) { ok = false; ps->error = errno; }
  if (fclose(ps->f) != 0 && ok) { ok = false; ps->error = errno; }
  ps->f = NULL;
  if (ok && commit && rename(ps->tmp, ps->path) != 0) { ok = false; ps->error = errno; }
  if (!ok || !commit) unlink(ps->tmp);
  if (!ok) fprintf(stderr, "%s: cannot write %s: %s\n", prog, ps->path, strerror(ps->error ? ps->error : EIO));
  return ok;
}

static int cmd_compare(int argc, char **argv) {
  plan_compare_options co;
  plan_compare_options_init(&co);
  plan_options o;
  plan_options_init(&o);
  plan_lexicon *lex = NULL;
  enum { TEXT, JSON, CSV, HTML, BY_EXTENSION } format = BY_EXTENSION;
  const char *agency = NULL, *output = NULL, *html = NULL, *pairs = NULL, *v;
  int color = -1, rc = EXIT_OK, nfiles = 0, ro, detail = -1;
  size_t memory = 0;
  pair_stream ps = {0};
  bool quiet = false;
  char **files = calloc((size_t)argc + 1, sizeof *files);
  plan_doc **docs = calloc((size_t)argc + 1, sizeof *docs);
  if (!files || !docs || plan_lexicon_new(&lex, NULL) != PLAN_OK) { free(files); free(docs); return EXIT_IO; }
  o.lexicon = lex;
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
      compare_usage(stdout);
      goto done;
    } else if (VALUE("--format")) {
      if (!strcmp(v, "text")) format = TEXT;
      else if (!strcmp(v, "json")) format = JSON;
      else if (!strcmp(v, "csv")) format = CSV;
      else if (!strcmp(v, "html")) format = HTML;
      else { fprintf(stderr, "%s: unknown format '%s'\n", prog, v); rc = EXIT_USAGE; goto done; }
    } else if (VALUE("--html")) {
      html = v;
    } else if (VALUE("--agency")) {
      agency = v;
    } else if (VALUE("--output") || (!strcmp(a, "-o") && i + 1 < argc && (v = argv[++i]))) {
      output = v;
    } else if (!strcmp(a, "-q") || !strcmp(a, "--quiet")) {
      quiet = true;
    } else if (!strcmp(a, "--exclude-collective")) {
      co.flags |= PLAN_COMPARE_EXCLUDE_COLLECTIVE;
    } else if (!strcmp(a, "--no-portfolio")) {
      co.flags |= PLAN_COMPARE_NO_PORTFOLIO;
    } else if (!strcmp(a, "--detail") || !strcmp(a, "--summary")) {
      detail = a[2] == 'd';
    } else if (VALUE("--pairs")) {
      pairs = v;
    } else if (VALUE("--memory")) {
      if (!plan_budget_parse(v, &memory)) { rc = EXIT_USAGE; goto done; }
    } else if (VALUE("--reworded") || VALUE("--partial") || VALUE("--merge")) {
      double *x = a[2] == 'r' ? &co.reworded_min : a[2] == 'p' ? &co.partial_min : &co.merge_min;
      if (!threshold(a, v, x)) { rc = EXIT_USAGE; goto done; }
    } else if (VALUE("--color")) {
      if (!strcmp(v, "always")) color = 1;
      else if (!strcmp(v, "never")) color = 0;
      else if (!strcmp(v, "auto")) color = -1;
      else {
        fprintf(stderr, "%s: --color=%s: expected auto, always or never\n", prog, v);
        rc = EXIT_USAGE;
        goto done;
      }
    } else if (VALUE("--lexicon")) {
      plan_error e;
      if (plan_lexicon_load_file(lex, v, &e) != PLAN_OK) { rc = report(v, &e); goto done; }
    } else if ((ro = input_option(a, &i, argc, argv, &o)) != 0) {
      if (ro < 0) { rc = EXIT_USAGE; goto done; }
    } else if (a[0] == '-' && a[1]) {
      rc = unknown_option(a, compare_usage);
      goto done;
    } else {
      files[nfiles++] = argv[i];
    }
  }
  if (!plan_budget_apply(memory)) fprintf(stderr, "%s: warning: the memory budget could not be set\n", prog);
  if (nfiles < 2) {
    fprintf(stderr, "%s: compare needs two files or more\n", prog);
    compare_usage(stderr);
    rc = EXIT_USAGE;
    goto done;
  }
  if (format == BY_EXTENSION) {
    /* the output file's extension says the format, as in the tools people
     * know; standard output gets text */
    const char *dot = output ? strrchr(output, '.') : NULL;
    if (!output) format = TEXT;
    else if (dot && !strcasecmp(dot, ".txt")) format = TEXT;
    else if (dot && !strcasecmp(dot, ".json")) format = JSON;
    else if (dot && !strcasecmp(dot, ".csv")) format = CSV;
    else if (dot && (!strcasecmp(dot, ".html") || !strcasecmp(dot, ".htm"))) format = HTML;
    else {
      fprintf(stderr, "%s: -o %s: cannot tell the format from the extension (.txt, .json, "
              ".csv or .html): give --format\n", prog, output);
      rc = EXIT_USAGE;
      goto done;
    }
  }
  int ndocs = 0;
  for (int f = 0; f < nfiles; f++) {
    plan_error e;
    if (plan_doc_parse_file(files[f], &o, &docs[ndocs], &e) != PLAN_OK) {
      if (e.status == PLAN_ENOMEM) plan_budget_exceeded(prog, files[f]);
      int r = report(files[f], &e);
      if (rc == EXIT_OK) rc = r;
      continue;
    }
    ndocs++;
  }
  if (rc != EXIT_OK) goto done;
  if (detail < 0) detail = ndocs <= PLAN_DETAIL_MAX;
  if (!detail) co.flags |= PLAN_COMPARE_NO_PAIRS;
  ps.progress = !quiet && isatty(STDERR_FILENO);
  ps.last = seconds();
  if (pairs && !stream_open(&ps, pairs)) { rc = EXIT_IO; goto done; }
  co.on_pair = stream_pair;
  co.user = &ps;
  plan_compare *cmp;
  plan_error e;
  plan_status cst = plan_compare_new((const plan_doc *const *)docs, (size_t)ndocs, &co, &cmp, &e);
  if (ps.progress && ps.pairs >= 1024) fputc('\n', stderr);
  if (!stream_close(&ps, cst == PLAN_OK)) rc = EXIT_IO;
  if (cst != PLAN_OK) {
    if (cst == PLAN_ENOMEM) plan_budget_exceeded(prog, "compare");
    if (rc == EXIT_OK) rc = report("compare", &e);
    goto done;
  }
  if (rc != EXIT_OK) {
    plan_compare_free(cmp);
    goto done;
  }
  if (pairs && !quiet) fprintf(stderr, "%s: wrote %s (%zu pairs)\n", prog, pairs, ps.pairs);
  if (agency) {
    bool known = false;
    for (size_t g = 0; g < plan_compare_agency_count(cmp); g++)
      known |= !strcmp(plan_compare_agency_id(cmp, g), agency);
    if (!known) {
      fprintf(stderr, "%s: no agency '%s' in these plans\n", prog, agency);
      plan_compare_free(cmp);
      rc = EXIT_USAGE;
      goto done;
    }
  }
  if (color < 0) { /* https://no-color.org: a set, non-empty NO_COLOR turns colour off */
    const char *no_color = getenv("NO_COLOR");
    color = !output && format == TEXT && isatty(STDOUT_FILENO) && !(no_color && *no_color);
  }
  size_t n = 0;
  char *out = NULL;
  plan_error re;
  /* the HTML report first: a reader piping the text into head still gets it */
  if (html) {
    if (plan_render_compare_html(cmp, agency, &out, &n, &re) != PLAN_OK) {
      fprintf(stderr, "%s: %s: %s\n", prog, html, re.message);
      rc = EXIT_IO;
    } else if (!write_whole(html, out, n)) {
      rc = EXIT_IO;
    } else if (!quiet) {
      fprintf(stderr, "%s: wrote %s\n", prog, html);
    }
    plan_free(out);
    out = NULL;
  }
  if (quiet && !output) { /* nothing more is asked */
    plan_compare_free(cmp);
    goto done;
  }
  plan_status rst = format == JSON   ? plan_render_compare_json(cmp, agency, &out, &n, &re)
                    : format == CSV  ? plan_render_compare_csv(cmp, agency, &out, &n, &re)
                    : format == HTML ? plan_render_compare_html(cmp, agency, &out, &n, &re)
                                     : plan_render_compare_text(
                                           cmp, agency, color ? PLAN_RENDER_COLOR : 0, &out, &n, &re);
  if (rst != PLAN_OK) {
    if (rst == PLAN_ENOMEM) plan_budget_exceeded(prog, "the report");
    fprintf(stderr, "%s: %s\n", prog, re.message);
    rc = EXIT_IO;
  } else if (output) {
    if (!write_whole(output, out, n)) rc = EXIT_IO;
    else if (!quiet) fprintf(stderr, "%s: wrote %s\n", prog, output);
  } else if (fwrite(out, 1, n, stdout) != n) {
    fprintf(stderr, "%s: standard output: %s\n", prog, strerror(errno));
    rc = EXIT_IO;
  }
  plan_free(out);
  plan_compare_free(cmp);
done:
  stream_close(&ps, false);
  free(ps.tmp);
  for (int i = 0; docs && i < argc; i++) plan_doc_free(docs[i]);
  free(docs);
  free(files);
  plan_lexicon_free(lex);
  if (fflush(stdout) != 0) rc = EXIT_IO;
  return rc;
}

/* plan corpus: --input and --encoding here, the rest in corpus.c. */
static int cmd_corpus(int argc, char **argv) {
  plan_options o;
  plan_options_init(&o);
  char **rest = calloc((size_t)argc + 1, sizeof *rest);
  if (!rest) return EXIT_IO;
  int n = 0, ro;
  for (int i = 0; i < argc; i++) {
    if (i > 0 && (ro = input_option(argv[i], &i, argc, argv, &o)) != 0) {
      if (ro < 0) { free(rest); return EXIT_USAGE; }
      continue;
    }
    rest[n++] = argv[i];
  }
  int rc = plan_corpus_run(n, rest, &o);
  free(rest);
  return rc;
}

int main(int argc, char **argv) {
  if (argc < 2) {
    usage(stderr);
    return EXIT_USAGE;
  }
  if (!strcmp(argv[1], "--version") || !strcmp(argv[1], "-V")) {
    printf("plan %s (libplan %s)\n", PLAN_VERSION_STRING, plan_version_string());
    return EXIT_OK;
  }
  if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h") || !strcmp(argv[1], "help")) {
    usage(stdout);
    return EXIT_OK;
  }
  if (!strcmp(argv[1], "normalize")) return cmd_normalize(argc - 1, argv + 1);
  if (!strcmp(argv[1], "parse")) return cmd_parse(argc - 1, argv + 1);
  if (!strcmp(argv[1], "agencies")) return cmd_agencies(argc - 1, argv + 1);
  if (!strcmp(argv[1], "compare")) return cmd_compare(argc - 1, argv + 1);
  if (!strcmp(argv[1], "corpus")) return cmd_corpus(argc - 1, argv + 1);
  fprintf(stderr, "%s: unknown command '%s'\n", prog, argv[1]);
  usage(stderr);
  return EXIT_USAGE;
}
