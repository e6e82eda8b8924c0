/* budget.h - the memory budget of a run (--memory, tools/budget.c). */
#ifndef PLAN_TOOLS_BUDGET_H
#define PLAN_TOOLS_BUDGET_H

#include <stdbool.h>
#include <stddef.h>

/* Reads "2G", "512M", "800k", "123456" (bytes) or "50%" (of the machine's
 * memory) into *bytes; false (and a message on standard error) when arg
 * is none of these. */
bool plan_budget_parse(const char *arg, size_t *bytes);

/* Caps what the process may allocate from now on at bytes (0: the default,
 * three quarters of the machine's memory): past it allocations fail, the
 * library returns PLAN_ENOMEM and the run ends saying so, rather than the
 * kernel's out-of-memory killer ending it unannounced.  False when the
 * system would not set the limit. */
bool plan_budget_apply(size_t bytes);

/* The budget in force, in bytes (0 before plan_budget_apply). */
size_t plan_budget(void);

/* Prints on standard error that the run ran out of memory within the
 * budget, and how to give it more. */
void plan_budget_exceeded(const char *prog, const char *what);

#endif
