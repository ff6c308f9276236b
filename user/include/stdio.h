/*
 * Formatted output.  stdout is buffered (flushed by exit, fork, execve and
 * fflush); stderr is unbuffered.  There is no stdin stream: read fd 0.
 */
#ifndef _STDIO_H
#define _STDIO_H
#include <stdarg.h>
#include <stddef.h>

#define BUFSIZ 1024
#define EOF (-1)

typedef struct FILE FILE;
extern FILE *stdout;
extern FILE *stderr;

int fputc(int c, FILE *f);
int putchar(int c);
int fputs(const char *s, FILE *f);
int puts(const char *s);
size_t fwrite(const void *buf, size_t size, size_t count, FILE *f);
int fflush(FILE *f); /* NULL flushes every stream */
int rename(const char *old, const char *new);
int renameat(int olddirfd, const char *old, int newdirfd, const char *new);
int renameat2(int olddirfd, const char *old, int newdirfd, const char *new, unsigned int flags);

int printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
int fprintf(FILE *f, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
int dprintf(int fd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
int snprintf(char *buf, size_t size, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
int vprintf(const char *fmt, va_list ap);
int vfprintf(FILE *f, const char *fmt, va_list ap);
int vdprintf(int fd, const char *fmt, va_list ap);
int vsnprintf(char *buf, size_t size, const char *fmt, va_list ap);

void perror(const char *prefix);
#endif
