/*
 * A pid is not handed out again while a process group or a session of that
 * number lives on after its leader (Linux keeps the struct pid).  Process C
 * makes a group (or a session), leaves a member G in it and exits; then the
 * pid allocator is brought round to C's number: on Linux (root, inside a
 * new pid namespace) by writing /proc/sys/kernel/ns_last_pid, on Cowl by
 * creating processes until the pids wrap (32768 of them).  No new process
 * may get C's number.
 */
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include "procutil.h"
#include "test.h"

static char init_stack[64 * 1024] __attribute__((aligned(16)));

enum { GROUP, SESSION };

/*
 * C leads a new group (or session) and exits; its child G stays in it until
 * the pipe `hold` reaches end-of-file, and keeps `ready` open as long as it
 * lives.  In the session case G makes a group of its own, so only the
 * session carries C's number.  Returns C's pid once it is reaped.
 */
static pid_t leaderless(int kind, const int hold[2], const int ready[2])
{
	char c;
	pid_t leader = fork();

	if (leader == 0) {
		if (kind == SESSION ? setsid() < 0 : setpgid(0, 0) < 0)
			_exit(1);
		close(hold[1]);
		close(ready[0]);
		if (fork() == 0) {
			if (kind == SESSION)
				setpgid(0, 0);
			write(ready[1], "x", 1);
			read(hold[0], &c, 1);
			_exit(0);
		}
		_exit(0);
	}
	waitpid(leader, NULL, 0);
	return read(ready[0], &c, 1) == 1 ? leader : -1;
}

/* A child that exits at once; its pid. */
static pid_t next_pid(void)
{
	pid_t pid = (pid_t)raw_clone(CLONE_VM | CLONE_VFORK | SIGCHLD, NULL, NULL, NULL, 0);

	if (pid > 0)
		waitpid(pid, NULL, 0);
	return pid;
}

static int set_last_pid(pid_t nr)
{
	char buf[16];
	int fd = open("/proc/sys/kernel/ns_last_pid", O_WRONLY);
	int len = snprintf(buf, sizeof(buf), "%d", nr);
	int ok = fd >= 0 && write(fd, buf, len) == len;

	if (fd >= 0)
		close(fd);
	return ok;
}

/* Create processes until the pids pass `high` after coming round past `low`; 0 if one got a or b. */
static int pids_avoid(pid_t a, pid_t b, int wrap)
{
	pid_t low = a < b ? a : b, high = a < b ? b : a, prev = 0;
	int wrapped = !wrap;

	if (!wrap && !set_last_pid(low - 1))
		return -1;
	for (long i = 0; i < 70000; i++) {
		pid_t pid = next_pid();
		if (pid <= 0 || pid == a || pid == b)
			return 0;
		wrapped |= pid < prev;
		prev = pid;
		if (wrapped && pid > high)
			return 1;
	}
	return 0;
}

static int check_reuse(void *arg)
{
	int hold[2], ready[2];
	char c;

	(void)arg;
	/* Cowl's pids restart at 300 after wrapping (Linux's RESERVED_PIDS): make C's number higher. */
	for (pid_t pid = 1; on_cowl() && pid > 0 && pid < 1000; pid = next_pid())
		;
	pipe(hold);
	pipe(ready);
	pid_t group = leaderless(GROUP, hold, ready), session = leaderless(SESSION, hold, ready);
	CHECK("leaderless_group_and_session", group > 0 && session > 0 &&
	      kill(-group, 0) == 0 && getsid(0) != session);
	int r = pids_avoid(group, session, on_cowl());
	if (r < 0)
		printf("TEST: SKIP pid_reuse/pid_not_reused: cannot set ns_last_pid here\n");
	else
		CHECK("pid_not_reused", r == 1);
	/* Let both G go, and wait until they have (end-of-file on `ready`). */
	close(hold[1]);
	close(ready[1]);
	while (read(ready[0], &c, 1) > 0)
		;
	return test_done();
}

int main(void)
{
	int status;

	if (on_cowl())
		return check_reuse(NULL);
	pid_t init = clone(check_reuse, init_stack + sizeof(init_stack), CLONE_NEWPID | SIGCHLD, NULL);
	if (init < 0) {
		printf("TEST: SKIP pid_reuse/pid_not_reused: CLONE_NEWPID needs privileges we lack\n");
		return 0;
	}
	CHECK("namespace_run", waitpid(init, &status, 0) == init && WIFEXITED(status) && WEXITSTATUS(status) == 0);
	return test_done();
}
