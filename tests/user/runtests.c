/*
 * runtests: runs every executable file in the directory "tests" (relative
 * to the working directory) in name order, with "# run NAME" before each.
 * A test reports its own results as "TEST: PASS/FAIL" lines; runtests
 * passes them on and adds a FAIL line when a test dies from a signal, or
 * exits non-zero without having reported a failure itself.  Exits 0 if
 * and only if everything passed.
 */
#include <dirent.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#define TEST_DIR "tests"
#define MAX_TESTS 256

static const char fail_prefix[] = "TEST: FAIL";

/* Notices lines starting with "TEST: FAIL" in a stream of characters. */
struct fail_scanner {
	int matched; /* characters of the prefix matched on this line; -1 once it cannot match */
	int seen;
};

static void scan(struct fail_scanner *s, const char *buf, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		if (buf[i] == '\n') {
			s->matched = 0;
		} else if (s->matched >= 0) {
			s->matched = buf[i] == fail_prefix[s->matched] ? s->matched + 1 : -1;
			if (s->matched == (int)sizeof(fail_prefix) - 1) {
				s->seen = 1;
				s->matched = -1;
			}
		}
	}
}

static int is_test(const char *name)
{
	char path[300];
	struct stat st;

	snprintf(path, sizeof(path), TEST_DIR "/%s", name);
	return name[0] != '.' && stat(path, &st) == 0 && S_ISREG(st.st_mode) && (st.st_mode & 0111);
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Fills names with the sorted test names; returns their number, or -1. */
static int find_tests(char **names)
{
	DIR *dir = opendir(TEST_DIR);
	struct dirent *e;
	int n = 0;

	if (!dir)
		return -1;
	while ((e = readdir(dir)) && n < MAX_TESTS)
		if (is_test(e->d_name))
			names[n++] = strdup(e->d_name);
	closedir(dir);
	qsort(names, (size_t)n, sizeof(names[0]), by_name);
	return n;
}

/* Starts the test with its stdout on a pipe; returns the pid and the read end in *out. */
static pid_t start_test(const char *name, int *out)
{
	char path[300];
	char *argv[] = { (char *)name, NULL };
	int fds[2];

	snprintf(path, sizeof(path), TEST_DIR "/%s", name);
	if (pipe(fds) < 0)
		return -1;
	pid_t pid = fork();
	if (pid == 0) {
		dup2(fds[1], STDOUT_FILENO);
		close(fds[0]);
		close(fds[1]);
		execve(path, argv, environ);
		perror(path);
		_exit(127);
	}
	close(fds[1]);
	*out = fds[0];
	return pid;
}

/* Runs one test, passing its output on; returns 1 if it passed. */
static int run_test(const char *name)
{
	struct fail_scanner fails = { 0, 0 };
	char buf[512];
	ssize_t n;
	int out, status;

	printf("# run %s\n", name);
	fflush(stdout);
	pid_t pid = start_test(name, &out);
	if (pid < 0) {
		printf("TEST: FAIL %s: could not start\n", name);
		return 0;
	}
	while ((n = read(out, buf, sizeof(buf))) > 0) {
		fwrite(buf, 1, (size_t)n, stdout);
		fflush(stdout);
		scan(&fails, buf, (size_t)n);
	}
	close(out);
	waitpid(pid, &status, 0);

	if (WIFSIGNALED(status)) {
		printf("TEST: FAIL %s: killed by signal %d\n", name, WTERMSIG(status));
		return 0;
	}
	if (WEXITSTATUS(status) != 0 && !fails.seen)
		printf("TEST: FAIL %s: exit status %d\n", name, WEXITSTATUS(status));
	return WEXITSTATUS(status) == 0 && !fails.seen;
}

int main(void)
{
	char *names[MAX_TESTS];
	int n = find_tests(names);
	int failed = 0;

	if (n < 0) {
		perror("runtests: " TEST_DIR);
		return 1;
	}
	for (int i = 0; i < n; i++)
		failed += !run_test(names[i]);
	printf("# %d test programs, %d failed\n", n, failed);
	return failed ? 1 : 0;
}
