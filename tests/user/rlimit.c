/*
 * Resource limits with Linux's rules: lowering is allowed, the soft limit
 * may rise to the hard one, raising the hard limit needs privilege (root
 * may), soft > hard is EINVAL, prlimit64 reads the new limit first.  And
 * they are enforced: RLIMIT_NOFILE bounds the fd table, RLIMIT_NPROC fork
 * (for a user other than root), RLIMIT_STACK the stack.  Every change is
 * made in a child.  Runs as root (as make test does on the host).
 */
#include <fcntl.h>
#include <signal.h>
#include <sys/syscall.h>
#include <uapi/resource.h>
#include <stdlib.h>
#include "procutil.h"
#include "test.h"

#define NOBODY 54321 /* a uid no other process on the host uses */
#define NR_OPEN_LINUX 1048576 /* Linux's default fs.nr_open; above it (and Cowl's table) is EPERM */

static struct rlimit64 lim(unsigned long cur, unsigned long max)
{
	return (struct rlimit64){ cur, max };
}

static long setrl(int res, struct rlimit64 l) { return syscall(__NR_setrlimit, res, &l); }
static long prlimit(int pid, int res, const struct rlimit64 *new, struct rlimit64 *old)
{
	return syscall(__NR_prlimit64, pid, res, new, old);
}

static void child_rules(void)
{
	struct rlimit64 old, l = lim(0, 1000);

	CHECK_EQ("lower_core", prlimit(0, RLIMIT_CORE, &l, &old), 0); /* bash: ulimit -c 0 */
	CHECK_EQ("old_limit_reported", old.rlim_max == RLIM64_INFINITY, 1);
	CHECK("new_limit_set", syscall(__NR_getrlimit, RLIMIT_CORE, &old) == 0 && old.rlim_cur == 0 &&
				       old.rlim_max == 1000);
	if (has_cap_sys_resource())
		CHECK_EQ("root_raises_hard", setrl(RLIMIT_CORE, lim(0, 1000000)), 0);
	else
		CHECK_ERRNO("root_without_cap_raises_hard_eperm", setrl(RLIMIT_CORE, lim(0, 1000000)), EPERM);
	CHECK_EQ("lower_again", setrl(RLIMIT_CORE, lim(0, 1000)), 0);
	CHECK_ERRNO("soft_above_hard_einval", setrl(RLIMIT_CORE, lim(2000, 1000)), EINVAL);
	CHECK_ERRNO("bad_resource_einval", setrl(RLIM_NLIMITS, lim(0, 0)), EINVAL);
	CHECK_ERRNO("nofile_beyond_nr_open_eperm", setrl(RLIMIT_NOFILE, lim(NR_OPEN_LINUX + 1, NR_OPEN_LINUX + 1)),
		    EPERM);
	CHECK_EQ("setuid_nobody", syscall(__NR_setuid, NOBODY), 0);
	CHECK_ERRNO("user_raises_hard_eperm", setrl(RLIMIT_CORE, lim(0, 2000)), EPERM);
	CHECK_EQ("user_raises_soft_to_hard", setrl(RLIMIT_CORE, lim(1000, 1000)), 0);
	CHECK_EQ("user_lowers_hard", setrl(RLIMIT_CORE, lim(500, 500)), 0);
	CHECK_ERRNO("user_cannot_undo_lowering", setrl(RLIMIT_CORE, lim(500, 1000)), EPERM);
}

static void check_errors(void)
{
	struct rlimit64 old;

	CHECK_EQ("getrlimit_nofile", syscall(__NR_getrlimit, RLIMIT_NOFILE, &old), 0);
	CHECK("nofile_soft_le_hard", old.rlim_cur <= old.rlim_max && old.rlim_cur >= 64);
	CHECK_ERRNO("getrlimit_bad_resource", syscall(__NR_getrlimit, 99, &old), EINVAL);
	CHECK_ERRNO("getrlimit_efault", syscall(__NR_getrlimit, RLIMIT_NOFILE, (void *)8), EFAULT);
	CHECK_ERRNO("setrlimit_efault", syscall(__NR_setrlimit, RLIMIT_NOFILE, (void *)8), EFAULT);
	/* The new limit is read first: EFAULT even for a bad resource or pid. */
	CHECK_ERRNO("prlimit_new_efault_first", prlimit(999999, 99, (void *)8, NULL), EFAULT);
	CHECK_ERRNO("prlimit_no_such_pid", prlimit(999999, RLIMIT_NOFILE, NULL, &old), ESRCH);
	CHECK_ERRNO("prlimit_bad_resource", prlimit(0, 99, NULL, &old), EINVAL);
	CHECK_ERRNO("prlimit_old_efault", prlimit(0, RLIMIT_NOFILE, NULL, (void *)8), EFAULT);
	CHECK_EQ("prlimit_self_by_pid", prlimit(getpid(), RLIMIT_STACK, NULL, &old), 0);
}

static void child_nofile(void)
{
	int fd, last = -1;

	CHECK_EQ("nofile_set_10", setrl(RLIMIT_NOFILE, lim(10, 10)), 0);
	while ((fd = dup(0)) >= 0)
		last = fd;
	CHECK("nofile_dup_emfile", errno == EMFILE && last == 9);
	CHECK_ERRNO("nofile_dup2_ebadf", dup2(0, 10), EBADF);
	CHECK_ERRNO("nofile_fcntl_dupfd_einval", syscall(__NR_fcntl, 0, F_DUPFD, 10), EINVAL);
}

/* Root is exempt from RLIMIT_NPROC; a user with the limit 3 has at most 3 tasks: itself and two children. */
static void child_nproc(void)
{
	pid_t kids[4], pid;
	int n = 0, status;

	CHECK_EQ("nproc_set_1", setrl(RLIMIT_NPROC, lim(1, 3)), 0);
	pid = fork();
	if (pid == 0)
		_exit(0);
	CHECK("nproc_root_exempt", pid > 0 && waitpid(pid, &status, 0) == pid);
	CHECK_EQ("nproc_set_3", setrl(RLIMIT_NPROC, lim(3, 3)), 0);
	CHECK_EQ("nproc_become_nobody", syscall(__NR_setresuid, NOBODY, NOBODY, NOBODY), 0);
	while (n < 4 && (pid = fork()) >= 0) {
		if (pid == 0)
			for (;;)
				syscall(__NR_pause); /* until killed */
		kids[n++] = pid;
	}
	CHECK("nproc_fork_eagain", pid < 0 && errno == EAGAIN);
	CHECK_EQ("nproc_two_children", n, 2);
	for (int i = 0; i < n; i++)
		kill(kids[i], SIGKILL);
	while (wait(&status) > 0)
		;
}

/* Another process's limits: only with all its ids, or privilege. */
static void child_prlimit_other(void)
{
	struct rlimit64 old;
	pid_t root_task = fork();

	if (root_task == 0)
		for (;;)
			syscall(__NR_pause);
	CHECK_EQ("root_reads_other", prlimit(root_task, RLIMIT_NOFILE, NULL, &old), 0);
	CHECK_EQ("drop_to_user", syscall(__NR_setresuid, NOBODY, NOBODY, 0), 0);
	CHECK_ERRNO("user_reads_root_eperm", prlimit(root_task, RLIMIT_NOFILE, NULL, &old), EPERM);
	CHECK_EQ("user_reads_own", prlimit(getpid(), RLIMIT_NOFILE, NULL, &old), 0);
	syscall(__NR_setresuid, -1, 0, -1);
	kill(root_task, SIGKILL);
	waitpid(root_task, NULL, 0);
}

/* The wait status of helpers/stackprobe KIB run with RLIMIT_STACK's soft limit at `soft`. */
static int run_stackprobe(unsigned long soft, const char *kib)
{
	int status = -1;
	pid_t pid = fork();

	if (pid == 0) {
		char *argv[] = { "stackprobe", (char *)kib, NULL };
		if (setrl(RLIMIT_STACK, lim(soft, RLIM64_INFINITY)) == 0)
			execve("tests/helpers/stackprobe", argv, environ);
		_exit(127);
	}
	waitpid(pid, &status, 0);
	return status;
}

static void check_stack(void)
{
	int status = run_stackprobe(256 * 1024, "2048");

	CHECK("stack_256k_overflow_segv", WIFSIGNALED(status) && WTERMSIG(status) == SIGSEGV);
	status = run_stackprobe(8 << 20, "4096");
	CHECK("stack_8m_holds_4m", WIFEXITED(status) && WEXITSTATUS(status) == 0);
	status = run_stackprobe(64 << 20, "40960");
	CHECK("stack_64m_holds_40m", WIFEXITED(status) && WEXITSTATUS(status) == 0);
}

static void in_child(void (*fn)(void), const char *name)
{
	int status = run_in_child(fn);

	CHECK(name, WIFEXITED(status) && WEXITSTATUS(status) == 0);
}

int main(void)
{
	if (syscall(__NR_getuid) != 0) {
		SKIP_ALL("not root: the rules for raising limits differ", "rules");
		return test_done();
	}
	check_errors();
	in_child(child_rules, "rules_child_exits");
	in_child(child_nofile, "nofile_child_exits");
	in_child(child_nproc, "nproc_child_exits");
	in_child(child_prlimit_other, "prlimit_other_child_exits");
	check_stack();
	return test_done();
}
