/*
 * prctl: the name (PR_SET_NAME/PR_GET_NAME), the parent-death signal
 * (sent when the parent exits, not inherited by fork) and the child
 * subreaper (orphans go to the nearest subreaper ancestor, not to init);
 * an unknown option is EINVAL, bad pointers EFAULT.
 */
#include <signal.h>
#include <string.h>
#include <sys/syscall.h>
#include <time.h>
#include <uapi/prctl.h>
#include "test.h"

static long prctl(int option, unsigned long arg2)
{
	return syscall(__NR_prctl, option, arg2, 0, 0, 0);
}

static void check_name(void)
{
	char name[32];

	CHECK_EQ("set_name", prctl(PR_SET_NAME, (unsigned long)"worker"), 0);
	memset(name, 'x', sizeof(name));
	CHECK("get_name", prctl(PR_GET_NAME, (unsigned long)name) == 0 && strcmp(name, "worker") == 0);
	CHECK_EQ("set_long_name", prctl(PR_SET_NAME, (unsigned long)"abcdefghijklmnopqrstuvwxyz"), 0);
	prctl(PR_GET_NAME, (unsigned long)name);
	CHECK("long_name_cut_to_15", strcmp(name, "abcdefghijklmno") == 0);
	CHECK_ERRNO("set_name_efault", prctl(PR_SET_NAME, 8), EFAULT);
	CHECK_ERRNO("get_name_efault", prctl(PR_GET_NAME, 8), EFAULT);
	CHECK_ERRNO("unknown_option_einval", prctl(999999, 0), EINVAL);
}

static void child_pdeathsig_not_inherited(void)
{
	int sig = -1;

	prctl(PR_GET_PDEATHSIG, (unsigned long)&sig);
	_exit(sig == 0 ? 0 : 1);
}

/* A new effective uid takes the death signal away (commit_creds); setting the same ids keeps it. */
static void child_pdeathsig_cleared_by_setuid(void)
{
	int kept = -1, sig = -1;

	prctl(PR_SET_PDEATHSIG, SIGUSR2);
	syscall(__NR_setresuid, 0, 0, 0);
	prctl(PR_GET_PDEATHSIG, (unsigned long)&kept);
	syscall(__NR_setresuid, 0, 4242, 0);
	prctl(PR_GET_PDEATHSIG, (unsigned long)&sig);
	_exit(kept == SIGUSR2 && sig == 0 ? 0 : 1);
}

static void check_pdeathsig_value(void)
{
	int sig = -1;

	CHECK_EQ("set_pdeathsig", prctl(PR_SET_PDEATHSIG, SIGUSR1), 0);
	CHECK("get_pdeathsig", prctl(PR_GET_PDEATHSIG, (unsigned long)&sig) == 0 && sig == SIGUSR1);
	int status = run_in_child(child_pdeathsig_not_inherited);
	CHECK("pdeathsig_not_inherited", WIFEXITED(status) && WEXITSTATUS(status) == 0);
	CHECK_ERRNO("pdeathsig_bad_signal_einval", prctl(PR_SET_PDEATHSIG, 65), EINVAL);
	status = run_in_child(child_pdeathsig_cleared_by_setuid);
	CHECK("pdeathsig_cleared_by_setuid", WIFEXITED(status) && WEXITSTATUS(status) == 0);
	CHECK_ERRNO("get_pdeathsig_efault", prctl(PR_GET_PDEATHSIG, 8), EFAULT);
	CHECK_ERRNO("get_subreaper_efault", prctl(PR_GET_CHILD_SUBREAPER, 8), EFAULT);
	prctl(PR_SET_PDEATHSIG, 0);
}

/*
 * Waits up to 5 s for pid, our child once adopted.  Returns its wait
 * status, or -1 after killing it (not adopted, or still running): an
 * orphan left behind would hold the test's output pipe open.
 */
static int wait_a_while(pid_t pid)
{
	int status;
	struct timespec tick = { 0, 20000000 };
	pid_t got = 0;

	for (int i = 0; i < 250 && got == 0; i++) {
		got = waitpid(pid, &status, WNOHANG);
		if (got == 0)
			nanosleep(&tick, NULL);
	}
	if (got == pid)
		return status;
	kill(pid, SIGKILL);
	waitpid(pid, &status, 0);
	return -1;
}

/*
 * The orphan: the middle process forks it, it sets its death signal (or
 * not), says so on `ready`, and waits.  The middle process sends its pid
 * on `report` and exits, orphaning it.
 */
static pid_t orphan(int deathsig, int go[2])
{
	int ready[2], report[2];
	pid_t grandchild = -1;

	pipe(ready);
	pipe(report);
	if (fork() == 0) {
		pid_t g = fork();
		if (g == 0) {
			char c;
			pid_t middle = getppid();
			if (deathsig)
				prctl(PR_SET_PDEATHSIG, deathsig);
			write(ready[1], "r", 1);
			read(go[0], &c, 1); /* the middle process is gone by now */
			_exit(getppid() != middle && getppid() == getpgid(0) ? 0 : 3);
		}
		char c;
		read(ready[0], &c, 1);
		write(report[1], &g, sizeof(g));
		_exit(0);
	}
	read(report[0], &grandchild, sizeof(grandchild));
	wait(NULL); /* the middle process */
	close(ready[0]), close(ready[1]), close(report[0]), close(report[1]);
	return grandchild;
}

/* In a child that leads its own process group (so the orphan can check its new parent is us). */
static void child_subreaper(void)
{
	int go[2], value = -1, status;

	setpgid(0, 0);
	CHECK_EQ("set_subreaper", prctl(PR_SET_CHILD_SUBREAPER, 1), 0);
	CHECK("get_subreaper", prctl(PR_GET_CHILD_SUBREAPER, (unsigned long)&value) == 0 && value == 1);
	pipe(go);
	pid_t g = orphan(SIGTERM, go);
	status = wait_a_while(g);
	CHECK("pdeathsig_kills_orphan", status != -1 && WIFSIGNALED(status) && WTERMSIG(status) == SIGTERM);
	g = orphan(0, go);
	write(go[1], "g", 1);
	status = wait_a_while(g);
	CHECK("orphan_adopted_by_subreaper", status != -1 && WIFEXITED(status) && WEXITSTATUS(status) == 0);
}

int main(void)
{
	int value = -1;

	check_name();
	check_pdeathsig_value();
	CHECK("not_subreaper_by_default", prctl(PR_GET_CHILD_SUBREAPER, (unsigned long)&value) == 0 && value == 0);
	int status = run_in_child(child_subreaper);
	CHECK("subreaper_child_exits", WIFEXITED(status) && WEXITSTATUS(status) == 0);
	return test_done();
}
