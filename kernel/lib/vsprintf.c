/*
 * vsnprintf: the formatting behind printk and /proc files.
 * Supports %d %i %u %x %X %o %p %s %c %%, the l/ll/z/h length modifiers,
 * a field width (or *), '0' and '-' flags and a precision for %s.
 * Like C99, it returns the length the full output would have had.
 */
#include <string.h>

struct outbuf {
	char *buf;
	size_t size, len;
};

static void put(struct outbuf *o, char c)
{
	if (o->len + 1 < o->size)
		o->buf[o->len] = c;
	o->len++;
}

static void put_padded(struct outbuf *o, const char *s, size_t n, int width, bool left, char pad)
{
	int fill = width > (int)n ? width - (int)n : 0;

	if (!left && pad == '0' && n && (*s == '-')) {
		put(o, *s++);
		n--;
	}
	if (!left)
		while (fill-- > 0)
			put(o, pad);
	while (n--)
		put(o, *s++);
	if (left)
		while (fill-- > 0)
			put(o, ' ');
}

static size_t format_number(char *tmp, unsigned long long v, unsigned base, bool upper, bool neg)
{
	const char *digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
	char rev[24];
	size_t n = 0, len = 0;

	do {
		rev[n++] = digits[v % base];
		v /= base;
	} while (v);
	if (neg)
		tmp[len++] = '-';
	while (n)
		tmp[len++] = rev[--n];
	return len;
}

int vsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
{
	struct outbuf o = { buf, size, 0 };

	for (; *fmt; fmt++) {
		if (*fmt != '%') {
			put(&o, *fmt);
			continue;
		}
		bool left = false;
		char pad = ' ';
		int width = 0, prec = -1, lng = 0;
		for (fmt++; *fmt == '-' || *fmt == '0'; fmt++)
			*fmt == '-' ? (left = true) : (pad = '0');
		if (*fmt == '*') {
			width = va_arg(ap, int);
			fmt++;
		}
		for (; *fmt >= '0' && *fmt <= '9'; fmt++)
			width = width * 10 + (*fmt - '0');
		if (*fmt == '.') {
			prec = 0;
			for (fmt++; *fmt >= '0' && *fmt <= '9'; fmt++)
				prec = prec * 10 + (*fmt - '0');
		}
		for (; *fmt == 'l' || *fmt == 'z' || *fmt == 'h'; fmt++)
			lng += (*fmt != 'h');

		char tmp[24];
		unsigned long long u;
		size_t n;
		switch (*fmt) {
		case 'd':
		case 'i': {
			long long v = lng ? va_arg(ap, long) : va_arg(ap, int);
			u = v < 0 ? -(unsigned long long)v : (unsigned long long)v;
			n = format_number(tmp, u, 10, false, v < 0);
			put_padded(&o, tmp, n, width, left, pad);
			break;
		}
		case 'u':
		case 'x':
		case 'X':
		case 'o':
			u = lng ? va_arg(ap, unsigned long) : va_arg(ap, unsigned int);
			n = format_number(tmp, u, *fmt == 'u' ? 10 : *fmt == 'o' ? 8 : 16, *fmt == 'X', false);
			put_padded(&o, tmp, n, width, left, pad);
			break;
		case 'p':
			put(&o, '0');
			put(&o, 'x');
			n = format_number(tmp, (unsigned long)va_arg(ap, void *), 16, false, false);
			put_padded(&o, tmp, n, width > 2 ? width - 2 : 0, left, pad);
			break;
		case 's': {
			const char *s = va_arg(ap, const char *);
			if (!s)
				s = "(null)";
			n = prec >= 0 ? strnlen(s, prec) : strlen(s);
			put_padded(&o, s, n, width, left, ' ');
			break;
		}
		case 'c':
			tmp[0] = (char)va_arg(ap, int);
			put_padded(&o, tmp, 1, width, left, ' ');
			break;
		case '%':
			put(&o, '%');
			break;
		default:
			put(&o, '%');
			if (*fmt)
				put(&o, *fmt);
			else
				fmt--;
		}
	}
	if (size)
		buf[o.len < size ? o.len : size - 1] = '\0';
	return (int)o.len;
}

int snprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(buf, size, fmt, ap);
	va_end(ap);
	return n;
}
