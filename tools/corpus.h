/* corpus.h - `plan corpus`, in its own file (tools/corpus.c). */
#ifndef PLAN_TOOLS_CORPUS_H
#define PLAN_TOOLS_CORPUS_H

#include <stdio.h>

#include "plan.h"

/* Runs `plan corpus` with argv (argv[0] is "corpus"); base holds the
 * --input and --encoding the caller read.  Returns the exit code. */
int plan_corpus_run(int argc, char **argv, const plan_options *base);
void plan_corpus_usage(FILE *f);

#endif
