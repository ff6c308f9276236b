/*
 * The kernel command line, as GRUB passes it: words separated by spaces,
 * each `name` or `name=value` (a value may be "double quoted").  Everything
 * after a lone `--` is the first program and its arguments (as on Linux,
 * where it goes to init).
 */
#ifndef CMDLINE_H
#define CMDLINE_H
#include <types.h>

#define CMDLINE_MAX_ARGS 32

struct cmdline {
	unsigned nr_params;
	const char *name[CMDLINE_MAX_ARGS];
	const char *value[CMDLINE_MAX_ARGS]; /* NULL for a bare `name` */
	unsigned nr_init_args;
	const char *init_args[CMDLINE_MAX_ARGS];
};

/* Splits `buf` in place.  Returns -E2BIG if there are too many words. */
int cmdline_parse(char *buf, struct cmdline *cl);
bool cmdline_has(const struct cmdline *cl, const char *name);
/* The value of `name=value`, "" for a bare `name`, NULL if absent. */
const char *cmdline_get(const struct cmdline *cl, const char *name);
/* Is `item` one of the comma-separated words in `list`? */
bool list_contains(const char *list, const char *item);

extern struct cmdline kernel_cmdline;
#endif
