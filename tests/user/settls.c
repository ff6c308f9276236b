/*
 * The FS and GS bases stay in user space: clone and clone3 with CLONE_SETTLS
 * and arch_prctl(ARCH_SET_FS / ARCH_SET_GS) refuse a base at or above
 * TASK_SIZE_MAX (0x7ffffffff000, the end of user space) with EPERM, as
 * Linux does.  Bases just below it are accepted.
 */
#include <sched.h>
#include <signal.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include "procutil.h"
#include "test.h"

#define ARCH_SET_GS 0x1001
#define ARCH_SET_FS 0x1002
#define ARCH_GET_FS 0x1003
#define TASK_SIZE_MAX 0x00007ffffffff000UL

static const unsigned long bad_bases[] = {
	TASK_SIZE_MAX,          /* the first address past user space */
	0x0000800000000000UL,   /* the first non-canonical address */
	0x8000000000000000UL,   /* non-canonical */
	0xffff800000000000UL,   /* the start of the kernel half */
	0xffff888000000000UL,   /* the direct map */
	0xffffffff80000000UL,   /* the kernel image */
	0xfffffffffffff000UL,   /* the last page */
};
#define NR_BAD (sizeof(bad_bases) / sizeof(bad_bases[0]))

/* Reaps a child a clone that should have failed created after all. */
static int refused(long ret)
{
	if (ret > 0)
		waitpid((pid_t)ret, NULL, 0);
	return ret == -EPERM;
}

static long clone3_tls(unsigned long tls)
{
	struct clone_args args = { .flags = CLONE_SETTLS, .exit_signal = SIGCHLD, .tls = tls };

	return raw_clone3(&args, sizeof(args));
}

static void bad_bases_refused(void)
{
	int clone_ok = 1, clone3_ok = 1, fs_ok = 1, gs_ok = 1;

	for (unsigned i = 0; i < NR_BAD; i++) {
		clone_ok &= refused(raw_clone(CLONE_SETTLS | SIGCHLD, NULL, NULL, NULL, bad_bases[i]));
		clone3_ok &= refused(clone3_tls(bad_bases[i]));
		fs_ok &= __syscall2(__NR_arch_prctl, ARCH_SET_FS, bad_bases[i]) == -EPERM;
		gs_ok &= __syscall2(__NR_arch_prctl, ARCH_SET_GS, bad_bases[i]) == -EPERM;
	}
	CHECK("clone_settls_bad_base_eperm", clone_ok);
	CHECK("clone3_settls_bad_base_eperm", clone3_ok);
	CHECK("arch_set_fs_bad_base_eperm", fs_ok);
	CHECK("arch_set_gs_bad_base_eperm", gs_ok);
}

/* The child of raw_clone exits at once without using FS, so any user base will do. */
static int child_exits_zero(long pid)
{
	int status;

	return pid > 0 && waitpid((pid_t)pid, &status, 0) == pid && WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

static void good_bases_accepted(void)
{
	unsigned long last = TASK_SIZE_MAX - 1, fs;

	CHECK("clone_settls_last_user_byte", child_exits_zero(raw_clone(CLONE_SETTLS | SIGCHLD, NULL, NULL, NULL, last)));
	CHECK("clone3_settls_last_user_byte", child_exits_zero(clone3_tls(last)));
	CHECK("arch_set_gs_last_user_byte", __syscall2(__NR_arch_prctl, ARCH_SET_GS, last) == 0 &&
	      __syscall2(__NR_arch_prctl, ARCH_SET_GS, 0) == 0);
	/* Our own FS base (libc's TLS) set again unchanged. */
	CHECK("arch_set_fs_own_base", __syscall2(__NR_arch_prctl, ARCH_GET_FS, &fs) == 0 &&
	      __syscall2(__NR_arch_prctl, ARCH_SET_FS, fs) == 0);
}

int main(void)
{
	bad_bases_refused();
	good_bases_accepted();
	return test_done();
}
