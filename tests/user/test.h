/*
 * The user-space tests' reporting.  Every CHECK prints exactly one line:
 *
 *   TEST: PASS <prog>/<name>
 *   TEST: FAIL <prog>/<name>: <expression> (file:line) errno=N
 *
 * where <prog> is the source file's name without ".c", which is also the
 * test program's name.  errno is the value right after the expression
 * ran, to help explain a failure.  main ends with `return test_done();`.
 */
#ifndef TEST_H
#define TEST_H
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static int test_failures;

#define CHECK(name, cond) test_check((name), (cond), #cond, __FILE__, __LINE__)

static const char *test_prog(const char *file)
{
	static char prog[64];
	const char *slash = strrchr(file, '/');
	const char *base = slash ? slash + 1 : file;

	snprintf(prog, sizeof(prog), "%.*s", (int)strcspn(base, "."), base);
	return prog;
}

/* Returns cond, so a test can skip checks that make no sense after a failure. */
static int test_check(const char *name, int cond, const char *expr, const char *file, int line)
{
	int saved = errno;

	if (cond) {
		printf("TEST: PASS %s/%s\n", test_prog(file), name);
	} else {
		printf("TEST: FAIL %s/%s: %s (%s:%d) errno=%d\n", test_prog(file), name, expr, file, line,
		       saved);
		test_failures++;
	}
	/* Flush now: a later check may kill us, and forks must not copy pending lines. */
	fflush(stdout);
	errno = saved;
	return cond;
}

/* Forks a child that runs fn and then exits 0; returns the child's wait status, or -1. */
static inline int run_in_child(void (*fn)(void))
{
	int status;
	pid_t pid = fork();

	if (pid == 0) {
		fn();
		_exit(0);
	}
	if (pid < 0 || waitpid(pid, &status, 0) != pid)
		return -1;
	return status;
}

/* Reads fd to its end into buf, NUL-terminated; returns the length. */
static inline size_t read_all(int fd, char *buf, size_t size)
{
	size_t len = 0;
	ssize_t n;

	while (len + 1 < size && (n = read(fd, buf + len, size - 1 - len)) > 0)
		len += (size_t)n;
	buf[len] = '\0';
	return len;
}

/* Runs path in a child with stdout on a pipe; the output goes to buf, the wait status is returned. */
static inline int run_capture(const char *path, char *const argv[], char *const envp[], char *buf, size_t size)
{
	int fds[2], status = -1;

	pipe(fds);
	pid_t pid = fork();
	if (pid == 0) {
		dup2(fds[1], STDOUT_FILENO);
		close(fds[0]);
		close(fds[1]);
		execve(path, argv, envp);
		_exit(127);
	}
	close(fds[1]);
	read_all(fds[0], buf, size);
	close(fds[0]);
	waitpid(pid, &status, 0);
	return status;
}

static int test_done(void)
{
	return test_failures ? 1 : 0;
}
#endif
