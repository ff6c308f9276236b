/*
 * vsnprintf and snprintf on top of the shared printf engine (format.c),
 * for the kernel and the libc alike.  Like C99, they return the length the
 * whole output would have had and always terminate the buffer.
 */
#include <format.h>
#include <string.h>

struct string_out {
	char *buf;
	size_t size, len;
};

static void emit_to_string(void *ctx, char c)
{
	struct string_out *s = ctx;

	if (s->len + 1 < s->size)
		s->buf[s->len] = c;
	s->len++;
}

int vsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
{
	struct string_out s = { buf, size, 0 };
	int n = __format(emit_to_string, &s, fmt, ap);

	if (size)
		buf[s.len < size ? s.len : size - 1] = '\0';
	return n;
}

int snprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(buf, size, fmt, ap);
	va_end(ap);
	return n;
}
