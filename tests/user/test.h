/*
 * The user-space tests' reporting.  Every check prints exactly one line:
 *
 *   TEST: PASS <prog>/<name>
 *   TEST: FAIL <prog>/<name>: <what went wrong> (file:line) errno=N
 *   TEST: SKIP <prog>/<name>: <why it cannot run here>
 *
 * where <prog> is the source file's name without ".c", which is also the
 * test program's name.  errno is the value right after the expression
 * ran, to help explain a failure.  main ends with `return test_done();`.
 *
 *   CHECK(name, cond)            cond must hold
 *   CHECK_EQ(name, got, want)    integers or pointers; a failure prints both
 *                                values ("got 3, want 1"; hex when large)
 *   CHECK_ERRNO(name, call, err) call must fail: return -1 with errno err
 *   SKIP(name, reason)           the check cannot run here (no privilege on
 *                                the host, a counter only Cowl has): said so,
 *                                never a silent pass
 *   SKIP_ALL(reason, name...)    the same for several checks
 *
 * Each returns whether the check passed (SKIP: 0), so a test can leave out
 * checks that make no sense after a failure.
 */
#ifndef TEST_H
#define TEST_H
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static int test_failures;

#define CHECK(name, cond) test_check((name), (cond), #cond, __FILE__, __LINE__)
#define CHECK_EQ(name, got, want)                                                                  \
	test_check_eq((name), (long long)(got), (long long)(want), #got, __FILE__, __LINE__)
#define CHECK_ERRNO(name, call, err) test_check_errno((name), (long long)(call), (err), #call, __FILE__, __LINE__)
#define SKIP(name, reason) test_skip((name), (reason), __FILE__)
#define SKIP_ALL(reason, ...) test_skip_all((reason), (const char *const[]){ __VA_ARGS__, NULL }, __FILE__)

static inline const char *test_prog(const char *file)
{
	static char prog[64];
	const char *slash = strrchr(file, '/');
	const char *base = slash ? slash + 1 : file;

	snprintf(prog, sizeof(prog), "%.*s", (int)strcspn(base, "."), base);
	return prog;
}

/* Flush now: a later check may kill us, and forks must not copy pending lines. */
static inline int test_report(int ok, const char *name, const char *what, const char *file, int line, int saved)
{
	if (ok) {
		printf("TEST: PASS %s/%s\n", test_prog(file), name);
	} else {
		printf("TEST: FAIL %s/%s: %s (%s:%d) errno=%d\n", test_prog(file), name, what, file, line, saved);
		test_failures++;
	}
	fflush(stdout);
	errno = saved;
	return ok;
}

static inline int test_check(const char *name, int cond, const char *expr, const char *file, int line)
{
	return test_report(cond, name, expr, file, line, errno);
}

/* Small numbers in decimal, large ones (addresses, masks) in hex. */
static inline const char *test_value(char *buf, size_t size, long long v)
{
	if (v > -65536 && v < 65536)
		snprintf(buf, size, "%lld", v);
	else
		snprintf(buf, size, "0x%llx", (unsigned long long)v);
	return buf;
}

static inline int test_check_eq(const char *name, long long got, long long want, const char *expr,
				const char *file, int line)
{
	int saved = errno;
	char what[256], g[24], w[24];

	snprintf(what, sizeof(what), "%s: got %s, want %s", expr, test_value(g, sizeof(g), got),
		 test_value(w, sizeof(w), want));
	return test_report(got == want, name, what, file, line, saved);
}

static inline int test_check_errno(const char *name, long long ret, int err, const char *expr, const char *file,
				   int line)
{
	int saved = errno;
	char what[320];

	snprintf(what, sizeof(what), "%s: got %lld (errno %d %s), want -1 (errno %d %s)", expr, ret, saved,
		 ret == -1 ? strerror(saved) : "-", err, strerror(err));
	return test_report(ret == -1 && saved == err, name, what, file, line, saved);
}

static inline int test_skip(const char *name, const char *reason, const char *file)
{
	printf("TEST: SKIP %s/%s: %s\n", test_prog(file), name, reason);
	fflush(stdout);
	return 0;
}

static inline void test_skip_all(const char *reason, const char *const names[], const char *file)
{
	for (int i = 0; names[i]; i++)
		test_skip(names[i], reason, file);
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

/* Reads a whole file into buf, NUL-terminated: its length, or -1 if it cannot be opened. */
static inline long read_file(const char *path, char *buf, size_t size)
{
	int fd = open(path, O_RDONLY);

	if (fd < 0)
		return -1;
	size_t len = read_all(fd, buf, size);
	close(fd);
	return (long)len;
}

/*
 * Forks a child with its stdout on a pipe, which runs fn(arg) and exits 0
 * (fn may exec or exit itself).  Returns the child's pid (-1 on failure)
 * and the pipe's read end in *out.  The one place the tests (and runtests)
 * start a child whose output they read.
 */
static inline pid_t spawn_piped(void (*fn)(void *), void *arg, int *out)
{
	int fds[2];

	if (pipe(fds) < 0)
		return -1;
	fflush(stdout);
	pid_t pid = fork();
	if (pid == 0) {
		dup2(fds[1], STDOUT_FILENO);
		close(fds[0]);
		close(fds[1]);
		fn(arg);
		_exit(0);
	}
	close(fds[1]);
	if (pid < 0)
		close(fds[0]);
	*out = fds[0];
	return pid;
}

/* Runs fn(arg) in a child as spawn_piped does; its output goes to buf, its wait status is returned. */
static inline int capture_child(void (*fn)(void *), void *arg, char *buf, size_t size)
{
	int out, status = -1;
	pid_t pid = spawn_piped(fn, arg, &out);

	buf[0] = '\0';
	if (pid < 0)
		return -1;
	read_all(out, buf, size);
	close(out);
	waitpid(pid, &status, 0);
	return status;
}

struct exec_args {
	const char *path;
	char *const *argv, *const *envp;
};

/* In the child: exec, or exit 127 as a shell does for a program that cannot run. */
static inline void exec_or_127(void *arg)
{
	const struct exec_args *a = arg;

	execve(a->path, a->argv, a->envp);
	_exit(127);
}

/* Runs path in a child with stdout on a pipe; the output goes to buf, the wait status is returned. */
static inline int run_capture(const char *path, char *const argv[], char *const envp[], char *buf, size_t size)
{
	struct exec_args a = { path, argv, envp };

	return capture_child(exec_or_127, &a, buf, size);
}

static inline int test_done(void)
{
	return test_failures ? 1 : 0;
}
#endif
