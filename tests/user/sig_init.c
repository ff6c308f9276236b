/*
 * Signals to an init.  The init of a pid namespace receives from inside
 * the namespace only the signals it has a handler for: kill(1, ...) and
 * kill(0, ...) from its own process group leave it running, SIGKILL and
 * SIGSTOP included (Linux's SIGNAL_UNKILLABLE).  From the parent namespace
 * SIGKILL does kill it (SIGTERM without a handler still does not), and when
 * it dies, or simply exits, every process of the namespace dies with it and
 * the parent reaps the init.  On Cowl the same holds for the real init
 * (kill(1, ...) from a test); on Linux that check is skipped: it would
 * signal the host's pid 1.  CLONE_NEWPID needs root on Linux.
 */
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <sys/mman.h>
#include <time.h>
#include "procutil.h"
#include "test.h"

static char init_stack[64 * 1024] __attribute__((aligned(16)));
#define INIT_STACK_TOP (init_stack + sizeof(init_stack))

/* MAP_SHARED: what the namespace's processes saw. */
static volatile long *shm;
enum { CHILD_STATUS, USR2_HANDLED, LOOPER_READY };

static const int unwanted[] = { SIGTERM, SIGUSR1, SIGINT, SIGHUP, SIGSEGV, SIGSTOP, SIGKILL };
#define NR_UNWANTED (sizeof(unwanted) / sizeof(unwanted[0]))

static void on_usr2(int sig)
{
	(void)sig;
	shm[USR2_HANDLED]++;
}

static pid_t wait_for(pid_t pid, int *status)
{
	pid_t r;

	while ((r = waitpid(pid, status, 0)) < 0 && errno == EINTR)
		;
	return r;
}

/* In init's group: signal init by pid and by group, then kill the group, which ends only us. */
static void signal_init_from_inside(void)
{
	for (unsigned i = 0; i < NR_UNWANTED; i++) {
		if (unwanted[i] != SIGKILL && unwanted[i] != SIGSTOP)
			signal(unwanted[i], SIG_IGN);
		kill(1, unwanted[i]);
	}
	kill(1, SIGUSR2); /* the one init has a handler for */
	kill(0, SIGTERM);
	kill(0, SIGUSR1);
	kill(0, SIGKILL);
	_exit(1);
}

/* pid 1 of a new namespace, in a process group of its own (so kill(0) stays inside). */
static int init_signalled_from_inside(void *arg)
{
	int status;
	struct sigaction act = { .sa_handler = on_usr2, .sa_mask = 0, .sa_flags = SA_RESTART };

	(void)arg;
	setsid();
	sigaction(SIGUSR2, &act, NULL);
	pid_t child = fork();
	if (child == 0)
		signal_init_from_inside();
	shm[CHILD_STATUS] = wait_for(child, &status) == child ? status : -1;
	return 0;
}

/* A process of the namespace that lives until killed, holding the pipe's write end. */
static void start_looper(int fds[2])
{
	close(fds[0]);
	if (fork() == 0) {
		shm[LOOPER_READY] = 1;
		for (;;)
			__syscall0(__NR_pause);
	}
	close(fds[1]);
	while (!shm[LOOPER_READY])
		sched_yield();
}

static int init_waits(void *arg)
{
	start_looper(arg);
	while (__syscall0(__NR_pause) == -EINTR) /* no handler: only a fatal signal ends this */
		;
	return 0;
}

static int init_exits(void *arg)
{
	start_looper(arg);
	return 7;
}

/* The pipe reaches end-of-file once every process of the namespace holding it is gone. */
static int namespace_gone(int fd)
{
	struct timespec tick = { 0, 10 * 1000 * 1000 };
	char c;

	for (int i = 0; i < 500; i++) {
		ssize_t n = read(fd, &c, 1);
		if (n == 0)
			return 1;
		if (n < 0 && errno != EAGAIN)
			return 0;
		nanosleep(&tick, NULL);
	}
	return 0;
}

/* Start fn as the init of a new pid namespace; fds[0] reads the pipe the namespace's processes hold. */
static pid_t start_namespace(int (*fn)(void *), int fds[2])
{
	shm[LOOPER_READY] = 0;
	pipe2(fds, O_NONBLOCK);
	pid_t pid = clone(fn, INIT_STACK_TOP, CLONE_NEWPID | SIGCHLD, fds);
	close(fds[1]);
	if (pid < 0)
		close(fds[0]);
	return pid;
}

/* Until the namespace's looper runs: a signal to init must find the namespace complete. */
static pid_t with_looper(pid_t init)
{
	while (init > 0 && !shm[LOOPER_READY])
		sched_yield();
	return init;
}

static void from_inside(void)
{
	int fds[2], status;
	pid_t init = start_namespace(init_signalled_from_inside, fds);

	CHECK("inside_init_survives_kill_and_kill0", init > 0 && wait_for(init, &status) == init &&
	      WIFEXITED(status) && WEXITSTATUS(status) == 0);
	CHECK("inside_kill0_sigkill_ends_sender", WIFSIGNALED(shm[CHILD_STATUS]) &&
	      WTERMSIG(shm[CHILD_STATUS]) == SIGKILL);
	CHECK("inside_init_handler_runs", shm[USR2_HANDLED] == 1);
	close(fds[0]);
}

static void from_parent_namespace(void)
{
	int fds[2], status;
	pid_t init = with_looper(start_namespace(init_waits, fds));

	kill(init, SIGTERM); /* no handler: ignored, even from outside */
	kill(init, SIGKILL);
	CHECK("outside_sigkill_kills_init_not_sigterm", wait_for(init, &status) == init && WIFSIGNALED(status) &&
	      WTERMSIG(status) == SIGKILL);
	CHECK("outside_namespace_dies_with_init", namespace_gone(fds[0]));
	close(fds[0]);
}

static void init_exit(void)
{
	int fds[2], status;
	pid_t init = with_looper(start_namespace(init_exits, fds));

	CHECK("exit_parent_reaps_init", wait_for(init, &status) == init && WIFEXITED(status) &&
	      WEXITSTATUS(status) == 7);
	CHECK("exit_namespace_dies_with_init", namespace_gone(fds[0]));
	close(fds[0]);
}

/* Cowl only: the real init, from a test in its namespace and its process group. */
static void real_init(void)
{
	int sent = 1;

	if (!on_cowl()) {
		printf("TEST: SKIP sig_init/real_init_ignores_signals: would signal the host's pid 1\n");
		return;
	}
	for (unsigned i = 0; i < NR_UNWANTED; i++)
		sent &= kill(1, unwanted[i]) == 0;
	CHECK("real_init_ignores_signals", sent && kill(1, 0) == 0);
}

int main(void)
{
	shm = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	int fds[2];
	pid_t probe = start_namespace(init_exits, fds);
	if (probe < 0 && errno == EPERM) {
		printf("TEST: SKIP sig_init/namespaces: CLONE_NEWPID needs privileges we lack\n");
	} else {
		wait_for(probe, NULL);
		namespace_gone(fds[0]);
		close(fds[0]);
		from_inside();
		from_parent_namespace();
		init_exit();
	}
	real_init();
	return test_done();
}
