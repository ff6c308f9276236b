/*
 * Output streams.  A FILE collects characters in its buffer and writes
 * them with one write(2) when the buffer fills or on fflush.  stderr is
 * flushed at the end of every call, so messages appear at once and whole.
 */
#include <stdio.h>
#include <string.h>
#include <errno.h>
#include <unistd.h>
#include <format.h>

struct FILE {
	int fd;
	int unbuffered; /* flush at the end of every call */
	size_t len;
	char buf[BUFSIZ];
};

static FILE stdout_file = { .fd = STDOUT_FILENO };
static FILE stderr_file = { .fd = STDERR_FILENO, .unbuffered = 1 };
FILE *stdout = &stdout_file;
FILE *stderr = &stderr_file;

/* Writes out the buffer, retrying short writes; on an error the pending output is dropped. */
static int flush_one(FILE *f)
{
	size_t done = 0;
	int ret = 0;

	while (done < f->len) {
		ssize_t n = write(f->fd, f->buf + done, f->len - done);
		if (n <= 0) {
			ret = EOF;
			break;
		}
		done += (size_t)n;
	}
	f->len = 0;
	return ret;
}

int fflush(FILE *f)
{
	if (f)
		return flush_one(f);
	return flush_one(stdout) | flush_one(stderr);
}

/* Adds one character without the per-call flush of unbuffered streams. */
static void add_char(FILE *f, char c)
{
	if (f->len == sizeof(f->buf))
		flush_one(f);
	f->buf[f->len++] = c;
}

static void emit_to_file(void *f, char c)
{
	add_char(f, c);
}

/* Ends a public call: unbuffered streams are written now. */
static int end_call(FILE *f, int result)
{
	if (f->unbuffered && flush_one(f) == EOF)
		return EOF;
	return result;
}

int fputc(int c, FILE *f)
{
	add_char(f, (char)c);
	return end_call(f, (unsigned char)c);
}

int putchar(int c)
{
	return fputc(c, stdout);
}

size_t fwrite(const void *buf, size_t size, size_t count, FILE *f)
{
	const char *p = buf;

	for (size_t i = 0; i < size * count; i++)
		add_char(f, p[i]);
	return end_call(f, 0) == EOF ? 0 : count;
}

int fputs(const char *s, FILE *f)
{
	size_t len = strlen(s);

	return fwrite(s, 1, len, f) == 0 && len ? EOF : 0;
}

int puts(const char *s)
{
	fwrite(s, 1, strlen(s), stdout);
	return fputc('\n', stdout);
}

int vfprintf(FILE *f, const char *fmt, va_list ap)
{
	return end_call(f, __format(emit_to_file, f, fmt, ap));
}

int fprintf(FILE *f, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vfprintf(f, fmt, ap);
	va_end(ap);
	return n;
}

int vprintf(const char *fmt, va_list ap)
{
	return vfprintf(stdout, fmt, ap);
}

int printf(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vfprintf(stdout, fmt, ap);
	va_end(ap);
	return n;
}

/* A stream of its own for one call, so output to fd never mixes with stdout's buffer. */
int vdprintf(int fd, const char *fmt, va_list ap)
{
	FILE f = { .fd = fd, .unbuffered = 1 };

	return vfprintf(&f, fmt, ap);
}

int dprintf(int fd, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vdprintf(fd, fmt, ap);
	va_end(ap);
	return n;
}

void perror(const char *prefix)
{
	const char *msg = strerror(errno);

	if (prefix && *prefix)
		fprintf(stderr, "%s: %s\n", prefix, msg);
	else
		fprintf(stderr, "%s\n", msg);
}
