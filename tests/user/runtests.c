/*
 * runtests [NAME...]: runs every executable file in the directory "tests"
 * (relative to the working directory) in name order, or only the named
 * ones in the order given, with "# run NAME" before each.
 * A test reports its own results as "TEST: PASS/FAIL" lines; runtests
 * passes them on and adds a FAIL line when a test dies from a signal, or
 * exits non-zero without having reported a failure itself.  Exits 0 if
 * and only if everything passed.
 *
 * On Cowl it also checks that the whole run leaked no page frame: it notes
 * /proc/vmstat's nr_free_pages before the first test and compares it once
 * the last one has ended and every child is reaped (runtests/no_frames_leaked).
 */
#include <dirent.h>
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <time.h>
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

/* /proc/vmstat's nr_free_pages, or -1. */
static long free_pages(void)
{
	static const char key[] = "nr_free_pages ";
	char buf[1024];
	int fd = open("/proc/vmstat", O_RDONLY);
	ssize_t n;

	if (fd < 0)
		return -1;
	n = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	if (n <= 0)
		return -1;
	buf[n] = '\0';
	char *p = strstr(buf, key);
	return p ? strtol(p + sizeof(key) - 1, NULL, 10) : -1;
}

/* Faults in the stack pages the tests' runs use, so they do not count as leaked. */
static void __attribute__((noinline)) touch_stack(void)
{
	volatile char pad[16384];

	for (size_t i = 0; i < sizeof(pad); i += 512)
		pad[i] = 0;
}

/*
 * After the run: reap what is left (orphans of ours), then compare.  Frames
 * of exiting tasks come back as they finish, so it looks a few times.
 */
static int check_frames(long before)
{
	long after = -1;

	for (int i = 0; i < 200; i++) {
		struct timespec t = { 0, 5000000 };

		while (wait4(-1, NULL, __WALL | WNOHANG, NULL) > 0)
			;
		if ((after = free_pages()) == before)
			break;
		nanosleep(&t, NULL);
	}
	if (after == before) {
		printf("TEST: PASS runtests/no_frames_leaked\n");
		return 1;
	}
	printf("TEST: FAIL runtests/no_frames_leaked: nr_free_pages %ld before the tests, %ld after (%ld lost)\n",
	       before, after, before - after);
	return 0;
}

static int on_cowl(void)
{
	struct utsname u;

	return uname(&u) == 0 && strcmp(u.sysname, "Cowl") == 0;
}

int main(int argc, char **argv)
{
	char *names[MAX_TESTS];
	int n = argc > 1 ? argc - 1 : find_tests(names);
	char **run = argc > 1 ? argv + 1 : names;
	int failed = 0;
	/* Only a full run can vouch for the free page count. */
	int check_leaks = argc == 1 && on_cowl();
	long frames_before = -1;

	if (n < 0) {
		perror("runtests: " TEST_DIR);
		return 1;
	}
	if (check_leaks) {
		touch_stack();
		printf("# %d test programs\n", n);
		fflush(stdout);
		free_pages();
		frames_before = free_pages();
	}
	for (int i = 0; i < n; i++)
		failed += !run_test(run[i]);
	printf("# %d test programs, %d failed\n", n, failed);
	if (check_leaks && !check_frames(frames_before))
		failed++;
	fflush(stdout);
	return failed ? 1 : 0;
}
