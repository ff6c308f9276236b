/* The printf engine (kernel/lib/format.c), shared by the kernel and the libc. */
#ifndef FORMAT_H
#define FORMAT_H
#include <stdarg.h>

typedef void (*emit_fn)(void *ctx, char c);

/* Formats like vprintf, passing every output character to emit; returns their number. */
int __format(emit_fn emit, void *ctx, const char *fmt, va_list ap);
#endif
