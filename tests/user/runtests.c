/*
 * runtests [-t SECONDS] [NAME...]: runs the test programs, the executable
 * files in the directory "tests" (relative to the working directory): all
 * of them in name order, or those the NAMEs select, in the order given,
 * with "# run PROG" before each.  A NAME selects the program of that name;
 * if there is none, every program whose name starts with NAME (`runtests
 * clone` runs clone3, clone_einval and clone_flags); "NAME*" always means
 * the prefix (`runtests 'wait*'` runs wait and wait_clone).  A NAME that
 * selects nothing is a failure.
 *
 * A test reports its own results as "TEST: PASS/FAIL/SKIP" lines; runtests
 * passes them on and adds a FAIL line when a test dies from a signal, or
 * exits non-zero without having reported a failure itself.  Each program
 * runs in a process group of its own under a time-out (60 s, or -t SECONDS;
 * slow[] below gives the few slower programs more; "-t" may come again
 * between NAMEs and holds for the NAMEs after it, so that a grader can give
 * each program its own limit): when it expires, the
 * whole group is killed, "TEST: FAIL PROG: TIME-OUT after Ns" is printed,
 * and the run goes on with the next program.  runtests is a child
 * subreaper: a program's orphans come to it, and it waits for them (5 s at
 * most) before the next program starts, so that no program sees another's
 * processes end.  After each program it says how long it took ("# took
 * PROG 1.23s").  Exits 0 if and only if everything passed.
 *
 * On Cowl a full run (no NAME) also checks that the whole run leaked no
 * page frame: it notes /proc/vmstat's nr_free_pages before the first test
 * and compares it once the last one has ended and every child is reaped
 * (runtests/no_frames_leaked).
 */
#include <dirent.h>
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <uapi/prctl.h>
#include "procutil.h"
#include "test.h"

#define TEST_DIR "tests"
#define WATCHDOG TEST_DIR "/helpers/watchdog" /* the time-out of each test (start_watchdog) */
#define MAX_TESTS 256
#define DEFAULT_TIMEOUT 60

/* Programs that need longer than the default on Cowl under emulation (TCG). */
static const struct {
	const char *name;
	int seconds;
} slow[] = {
	{ "forkbomb", 120 },
	{ "oom", 120 },
};

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

/*
 * Adds to run[] the programs that pattern selects (see the top of this
 * file); returns the new count of run[], or -1 if nothing matched.
 */
static int select_tests(char **all, int n_all, const char *pattern, char **run, int n_run)
{
	size_t len = strlen(pattern);
	int forced_prefix = len > 0 && pattern[len - 1] == '*';
	int before = n_run;

	len -= (size_t)forced_prefix;
	for (int i = 0; i < n_all && !forced_prefix; i++)
		if (strcmp(all[i], pattern) == 0)
			run[n_run++] = all[i];
	int exact = n_run > before;
	for (int i = 0; i < n_all && !exact && n_run < MAX_TESTS; i++)
		if (strncmp(all[i], pattern, len) == 0)
			run[n_run++] = all[i];
	return n_run > before ? n_run : -1;
}

static int timeout_of(const char *name, int fallback)
{
	for (size_t i = 0; i < sizeof(slow) / sizeof(slow[0]); i++)
		if (strcmp(slow[i].name, name) == 0 && slow[i].seconds > fallback)
			return slow[i].seconds;
	return fallback;
}

struct test_start {
	const char *name;
	int go, go_write; /* the pipe: the test starts at its end of file (run_one) */
};

/* In the child, with stdout on the pipe: a process group of its own, so a time-out can kill it all. */
static void exec_test(void *arg)
{
	const struct test_start *start = arg;
	const char *name = start->name;
	char path[300], c;
	char *argv[] = { (char *)name, NULL };

	setpgid(0, 0);
	close(start->go_write);
	read(start->go, &c, 1);
	snprintf(path, sizeof(path), TEST_DIR "/%s", name);
	execve(path, argv, environ);
	perror(path);
	_exit(127);
}

static volatile int expired; /* set by SIGALRM from the watchdog */

static void on_expiry(int sig)
{
	(void)sig;
	expired = 1;
}

/*
 * A child, tests/helpers/watchdog, that sleeps for the time-out, then kills
 * the test's process group and, if there was anything to kill, interrupts
 * our read with SIGALRM (in case something outside the group still holds
 * the pipe) and exits 1.  Killed by stop_watchdog when the test ends in time.
 * Returns once it sleeps (it says so on a pipe): until then it takes page
 * frames, which a test counting them (oom, fuzz) must not see, and on
 * several CPUs it would run beside the test.
 */
static pid_t start_watchdog(pid_t pgrp, int seconds)
{
	int ready[2];
	char c;

	if (pipe(ready) < 0)
		return -1;
	pid_t pid = fork();
	if (pid == 0) {
		char secs[16], group[16], fd[16];
		char *argv[] = { "watchdog", secs, group, fd, NULL };
		snprintf(secs, sizeof(secs), "%d", seconds);
		snprintf(group, sizeof(group), "%d", pgrp);
		snprintf(fd, sizeof(fd), "%d", ready[1]);
		close(ready[0]);
		execve(WATCHDOG, argv, environ);
		perror(WATCHDOG);
		_exit(2);
	}
	close(ready[1]);
	/*
	 * Its byte, then end of file: wait for both, so that the watchdog has
	 * closed its end and our close frees the pipe's buffer now, not while
	 * the test counts frames.  Only end of file if it could not start.
	 */
	while (read(ready[0], &c, 1) > 0)
		;
	close(ready[0]);
	return pid;
}

/* Returns 1 if the watchdog fired; once it has, it is only waited for, not killed half-way. */
static int stop_watchdog(pid_t dog)
{
	int status;

	if (dog < 0)
		return expired;
	if (!expired)
		kill(dog, SIGKILL);
	if (waitpid(dog, &status, 0) != dog)
		return expired;
	return expired || (WIFEXITED(status) && WEXITSTATUS(status) == 1);
}

/* Passes the test's output on until its end (or the time-out); returns 1 if it reported a failure. */
static int pass_output(int out)
{
	struct fail_scanner fails = { 0, 0 };
	char buf[512];
	ssize_t n;

	while (!expired && (n = read(out, buf, sizeof(buf))) > 0) {
		fwrite(buf, 1, (size_t)n, stdout);
		fflush(stdout);
		scan(&fails, buf, (size_t)n);
	}
	return fails.seen;
}

/* Runs one test, passing its output on; returns 1 if it passed. */
static int run_one(const char *name, int seconds)
{
	int out, status = 0;

	printf("# run %s\n", name);
	fflush(stdout);
	expired = 0;
	int go[2];
	if (pipe2(go, O_CLOEXEC) < 0)
		return 0;
	struct test_start start = { name, go[0], go[1] };
	pid_t pid = spawn_piped(exec_test, &start, &out);
	close(go[0]);
	if (pid < 0) {
		close(go[1]);
		printf("TEST: FAIL %s: could not start\n", name);
		return 0;
	}
	setpgid(pid, pid); /* also here: the watchdog must not find the group missing */
	/* The test starts once its watchdog sleeps: while it runs, only the test takes page frames. */
	pid_t dog = start_watchdog(pid, seconds);
	/* The test starts at end of file: its exec closes the last end and frees the pipe before its main runs. */
	close(go[1]);
	int reported = pass_output(out);
	close(out);
	if (expired)
		kill(-pid, SIGKILL);
	waitpid(pid, &status, 0);
	if (stop_watchdog(dog)) {
		printf("TEST: FAIL %s: TIME-OUT after %ds\n", name, seconds);
		return 0;
	}
	if (WIFSIGNALED(status)) {
		printf("TEST: FAIL %s: killed by signal %d\n", name, WTERMSIG(status));
		return 0;
	}
	if (WEXITSTATUS(status) != 0 && !reported)
		printf("TEST: FAIL %s: exit status %d\n", name, WEXITSTATUS(status));
	return WEXITSTATUS(status) == 0 && !reported;
}

/* Hundredths of a second since some fixed moment, for the time each program took. */
static long now_cs(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (long)t.tv_sec * 100 + t.tv_nsec / 10000000;
}

/*
 * After a test: its orphans are ours (runtests is a child subreaper, see
 * main), so wait, a while, until they have ended too: a process of one test
 * still exiting must not free page frames while the next test counts them
 * (oom's count on four CPUs saw odf's orphan end).  Says so if some live on.
 */
static void reap_orphans(const char *name)
{
	for (int i = 0; i < 500; i++) {
		struct timespec t = { 0, 10000000 };
		pid_t pid;

		while ((pid = wait4(-1, NULL, __WALL | WNOHANG, NULL)) > 0)
			;
		if (pid < 0) /* ECHILD: none left */
			return;
		nanosleep(&t, NULL);
	}
	printf("# %s left processes running for 5 s after it ended\n", name);
}

/*
 * Runs one test, passing its output on; returns 1 if it passed.  Then says
 * how long it took ("# took PROG 1.23s"), for finding where a run's time
 * goes (tools/test keeps the lines in its logs; they are not a result).
 */
static int run_test(const char *name, int seconds)
{
	long began = now_cs();
	int passed = run_one(name, seconds);
	reap_orphans(name);
	long took = now_cs() - began;

	printf("# took %s %ld.%02lds\n", name, took / 100, took % 100);
	fflush(stdout);
	return passed;
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
		if ((after = vmstat("nr_free_pages")) == before)
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

/*
 * The programs to run, each with its time-out: all of them, or those the
 * NAMEs select; "-t SECONDS" sets the time-out of the NAMEs after it.  A
 * NAME that selects nothing is reported and counted in *failed.  Returns
 * their number, or -1 if the directory cannot be read.
 */
static int choose(int nargs, char **args, char **run, int *seconds, int *failed)
{
	static char *all[MAX_TESTS];
	int n_all = find_tests(all), n = 0, names = 0, limit = DEFAULT_TIMEOUT;

	if (n_all < 0)
		return -1;
	for (int i = 0; i < nargs; i++) {
		if (strcmp(args[i], "-t") == 0 && i + 1 < nargs) {
			limit = atoi(args[++i]);
			continue;
		}
		names++;
		int more = select_tests(all, n_all, args[i], run, n);
		if (more < 0) {
			printf("TEST: FAIL %s: no test program matches\n", args[i]);
			++*failed;
			continue;
		}
		for (; n < more; n++)
			seconds[n] = timeout_of(run[n], limit);
	}
	if (names)
		return n;
	memcpy(run, all, sizeof(all));
	for (n = 0; n < n_all; n++)
		seconds[n] = timeout_of(run[n], limit);
	return n_all;
}

int main(int argc, char **argv)
{
	char *run[MAX_TESTS];
	int seconds[MAX_TESTS], failed = 0;
	int n = choose(argc - 1, argv + 1, run, seconds, &failed);
	/* Only a full run (no NAME, perhaps a -t) can vouch for the free page count. */
	int check_leaks = (argc == 1 || (argc == 3 && strcmp(argv[1], "-t") == 0)) && on_cowl();
	long frames_before = -1;

	if (n < 0) {
		perror("runtests: " TEST_DIR);
		return 1;
	}
	/* The tests' orphans come to us, for reap_orphans and check_frames. */
	syscall(__NR_prctl, PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0);
	/* No SA_RESTART: the watchdog's SIGALRM must interrupt the read of a test's output. */
	struct sigaction alarm = { .sa_handler = on_expiry };
	sigaction(SIGALRM, &alarm, NULL);
	if (check_leaks) {
		touch_stack();
		printf("# %d test programs\n", n);
		fflush(stdout);
		vmstat("nr_free_pages");
		frames_before = vmstat("nr_free_pages");
	}
	for (int i = 0; i < n; i++)
		failed += !run_test(run[i], seconds[i]);
	printf("# %d test programs, %d failed\n", n, failed);
	if (check_leaks && !check_frames(frames_before))
		failed++;
	fflush(stdout);
	return failed ? 1 : 0;
}
