/* corpus.h - `plan corpus` (tools/corpus.c), and the file reader the
 * whole command-line tool shares. */
#ifndef PLAN_TOOLS_CORPUS_H
#define PLAN_TOOLS_CORPUS_H

#include <stdio.h>

#include "plan.h"

/* Up to this many documents, reports give every pair's detail (45 pairs);
 * beyond, the summary, which grows with the duties and not with the pairs
 * (--detail and --summary say otherwise). */
#define PLAN_DETAIL_MAX 10

/* Runs `plan corpus` with argv (argv[0] is "corpus"); base holds the
 * --input and --encoding the caller read.  Returns the exit code. */
int plan_corpus_run(int argc, char **argv, const plan_options *base);
void plan_corpus_usage(FILE *f);

/* Reads a whole file ("-" is standard input) into a new buffer for
 * free(); NULL (errno set) when it cannot. */
char *read_all(const char *path, size_t *len);

#endif
