/* Private to the C library: the printf engine (format.c) and its output hook. */
#ifndef LIB_FORMAT_H
#define LIB_FORMAT_H
#include <stdarg.h>

typedef void (*emit_fn)(void *ctx, char c);

/* Formats like vprintf, passing every output character to emit; returns their number. */
int __format(emit_fn emit, void *ctx, const char *fmt, va_list ap);
#endif
