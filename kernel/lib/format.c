/*
 * The printf engine shared by every printf-family function, in the kernel
 * (printk, /proc) and in the libc (printf, dprintf): it parses the format
 * and hands each output character to an emit function, which decides where
 * characters go (a buffer, a stream).
 *
 * Supported: %d %i %u %x %X %p %s %c %%; flags '-' and '0'; a field width
 * (digits or '*'); a precision for %s only; length modifiers l, ll, z.
 */
#include <stdarg.h>
#include <string.h>
#include <format.h>

struct out {
	emit_fn emit;
	void *ctx;
	int count;
};

struct spec {
	int left;  /* '-': pad on the right */
	int zero;  /* '0': pad numbers with zeros after the sign */
	int width;
	int precision; /* -1 if none */
	int longness;  /* number of 'l' (z counts as one) */
};

static void put(struct out *o, char c)
{
	o->emit(o->ctx, c);
	o->count++;
}

static void put_n(struct out *o, char c, int n)
{
	while (n-- > 0)
		put(o, c);
}

/* Writes prefix then the len bytes of s, padded to the field width. */
static void field(struct out *o, const struct spec *sp, const char *prefix, const char *s, int len)
{
	int fill = sp->width - (int)strlen(prefix) - len;

	if (!sp->left && !sp->zero)
		put_n(o, ' ', fill);
	while (*prefix)
		put(o, *prefix++);
	if (!sp->left && sp->zero)
		put_n(o, '0', fill);
	while (len--)
		put(o, *s++);
	if (sp->left)
		put_n(o, ' ', fill);
}

static void number(struct out *o, const struct spec *sp, const char *prefix, unsigned long v,
		   unsigned base, const char *digits)
{
	char buf[24]; /* 2^64 - 1 has 22 octal digits */
	char *p = buf + sizeof(buf);

	do {
		*--p = digits[v % base];
		v /= base;
	} while (v);
	field(o, sp, prefix, p, (int)(buf + sizeof(buf) - p));
}

/* Reads flags, width, precision and length; returns the conversion character. */
static const char *parse_spec(const char *f, struct spec *sp, va_list *ap)
{
	*sp = (struct spec){ .precision = -1 };
	for (;; f++) {
		if (*f == '-')
			sp->left = 1;
		else if (*f == '0')
			sp->zero = 1;
		else
			break;
	}
	if (*f == '*') {
		sp->width = va_arg(*ap, int);
		f++;
	}
	for (; *f >= '0' && *f <= '9'; f++)
		sp->width = sp->width * 10 + (*f - '0');
	if (*f == '.') {
		sp->precision = 0;
		if (*++f == '*') {
			sp->precision = va_arg(*ap, int);
			f++;
		}
		for (; *f >= '0' && *f <= '9'; f++)
			sp->precision = sp->precision * 10 + (*f - '0');
	}
	for (; *f == 'l' || *f == 'z'; f++)
		sp->longness++;
	if (sp->left)
		sp->zero = 0;
	return f;
}

static void signed_number(struct out *o, const struct spec *sp, long v)
{
	/* 0 - (unsigned)v is the magnitude even for LONG_MIN, whose negation does not fit a long. */
	unsigned long magnitude = v < 0 ? 0 - (unsigned long)v : (unsigned long)v;

	number(o, sp, v < 0 ? "-" : "", magnitude, 10, "0123456789");
}

static void string(struct out *o, const struct spec *sp, const char *s)
{
	if (!s)
		s = "(null)";
	int len = (int)(sp->precision >= 0 ? strnlen(s, (size_t)sp->precision) : strlen(s));
	struct spec no_zero = *sp;
	no_zero.zero = 0;
	field(o, &no_zero, "", s, len);
}

/* Integers narrower than long arrive as int; fetch them at the width the format says. */
static long signed_arg(const struct spec *sp, va_list *ap)
{
	return sp->longness ? va_arg(*ap, long) : va_arg(*ap, int);
}

static unsigned long unsigned_arg(const struct spec *sp, va_list *ap)
{
	return sp->longness ? va_arg(*ap, unsigned long) : va_arg(*ap, unsigned);
}

/* Converts one argument; va_list goes by pointer so the caller's list advances. */
static void convert(struct out *o, const struct spec *sp, char conv, va_list *ap)
{
	char c;

	switch (conv) {
	case 'd':
	case 'i':
		signed_number(o, sp, signed_arg(sp, ap));
		break;
	case 'u':
		number(o, sp, "", unsigned_arg(sp, ap), 10, "0123456789");
		break;
	case 'o': /* /proc/PID/fdinfo's flags */
		number(o, sp, "", unsigned_arg(sp, ap), 8, "01234567");
		break;
	case 'x':
		number(o, sp, "", unsigned_arg(sp, ap), 16, "0123456789abcdef");
		break;
	case 'X':
		number(o, sp, "", unsigned_arg(sp, ap), 16, "0123456789ABCDEF");
		break;
	case 'p':
		number(o, sp, "0x", (unsigned long)va_arg(*ap, void *), 16, "0123456789abcdef");
		break;
	case 's':
		string(o, sp, va_arg(*ap, const char *));
		break;
	case 'c':
		c = (char)va_arg(*ap, int);
		field(o, sp, "", &c, 1);
		break;
	default: /* "%%", and anything unknown is printed as it stands */
		put(o, conv);
		break;
	}
}

int __format(emit_fn emit, void *ctx, const char *fmt, va_list ap)
{
	struct out o = { emit, ctx, 0 };
	struct spec sp;
	va_list args;

	va_copy(args, ap);
	for (const char *f = fmt; *f; f++) {
		if (*f != '%') {
			put(&o, *f);
			continue;
		}
		f = parse_spec(f + 1, &sp, &args);
		if (!*f)
			break; /* a lone '%' at the end */
		convert(&o, &sp, *f, &args);
	}
	va_end(args);
	return o.count;
}
