/* Text to integers. */
#include <errno.h>
#include <stdlib.h>

static int is_space(char c)
{
	return c == ' ' || (c >= '\t' && c <= '\r');
}

/* The value of digit c, or 99 for a character that is no digit in any base. */
static int digit_value(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'z')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'Z')
		return c - 'A' + 10;
	return 99;
}

/* Base 0 means: "0x" prefix is hex, a leading 0 is octal, otherwise decimal. */
static int detect_base(const char **s, int base)
{
	int hex_prefix = (*s)[0] == '0' && ((*s)[1] == 'x' || (*s)[1] == 'X') && digit_value((*s)[2]) < 16;

	if ((base == 0 || base == 16) && hex_prefix) {
		*s += 2;
		return 16;
	}
	if (base == 0)
		return (*s)[0] == '0' ? 8 : 10;
	return base;
}

/*
 * The common part of strtol and strtoul: skips blanks, takes a sign and
 * the digits, saturates at `limit` (ERANGE) and sets *end to where it
 * stopped, or to s itself if there was no digit at all.
 */
static unsigned long parse(const char *s, char **end, int base, unsigned long limit, int *negative)
{
	const char *start = s;
	unsigned long value = 0;
	int overflow = 0, any = 0;

	while (is_space(*s))
		s++;
	*negative = *s == '-';
	if (*s == '-' || *s == '+')
		s++;
	base = detect_base(&s, base);
	for (int d; (d = digit_value(*s)) < base; s++, any = 1) {
		if (value > (limit - (unsigned long)d) / (unsigned long)base)
			overflow = 1;
		else
			value = value * (unsigned long)base + (unsigned long)d;
	}
	if (end)
		*end = (char *)(any ? s : start);
	if (overflow) {
		errno = ERANGE;
		return limit;
	}
	return value;
}

long strtol(const char *s, char **end, int base)
{
	int negative;
	/* A negative number may reach one further than a positive one: LONG_MIN. */
	unsigned long max = (unsigned long)__LONG_MAX__;
	unsigned long value = parse(s, end, base, max + 1, &negative);

	if (!negative && value > max) {
		errno = ERANGE;
		return __LONG_MAX__;
	}
	return negative ? (long)(0 - value) : (long)value;
}

/* As C says, "-1" converts to ULONG_MAX: the negation happens in unsigned arithmetic. */
unsigned long strtoul(const char *s, char **end, int base)
{
	int negative;
	unsigned long value = parse(s, end, base, ~0UL, &negative);

	return negative ? 0 - value : value;
}

int atoi(const char *s)
{
	return (int)strtol(s, NULL, 10);
}
