/*
 * User and group ids as Linux answers them for root: root may set any id,
 * a process that gave up root may only move between its real, effective
 * and saved ids, setfsuid returns the old id; the supplementary groups
 * are kept sorted.  Each change in a child.
 */
#include <signal.h>
#include <sys/syscall.h>
#include "test.h"

#define A 1000
#define B 2000

struct ids {
	unsigned int r, e, s;
};

static struct ids resuid(void)
{
	struct ids i = { 99, 99, 99 };

	syscall(__NR_getresuid, &i.r, &i.e, &i.s);
	return i;
}

static struct ids resgid(void)
{
	struct ids i = { 99, 99, 99 };

	syscall(__NR_getresgid, &i.r, &i.e, &i.s);
	return i;
}

static int is(struct ids i, unsigned int r, unsigned int e, unsigned int s)
{
	return i.r == r && i.e == e && i.s == s;
}

static void child_setuid(void)
{
	CHECK_ERRNO("setuid_minus1_einval", syscall(__NR_setuid, -1), EINVAL);
	CHECK_EQ("root_setuid", syscall(__NR_setuid, A), 0);
	CHECK("setuid_sets_all_three", is(resuid(), A, A, A) && syscall(__NR_getuid) == A &&
					       syscall(__NR_geteuid) == A);
	CHECK_ERRNO("user_setuid_root_eperm", syscall(__NR_setuid, 0), EPERM);
	CHECK_ERRNO("user_setreuid_eperm", syscall(__NR_setreuid, -1, B), EPERM);
	CHECK_ERRNO("user_setgid_eperm", syscall(__NR_setgid, B), EPERM);
	CHECK_EQ("user_setuid_self", syscall(__NR_setuid, A), 0);
}

static void child_setresuid(void)
{
	CHECK_EQ("root_setresuid", syscall(__NR_setresuid, A, B, 0), 0);
	CHECK("setresuid_sets", is(resuid(), A, B, 0));
	CHECK_ERRNO("unprivileged_setresuid_other_eperm", syscall(__NR_setresuid, -1, 77, -1), EPERM);
	CHECK_EQ("back_to_saved_root", syscall(__NR_setresuid, -1, 0, -1), 0);
	CHECK("euid_root_again", is(resuid(), A, 0, 0));
	CHECK_EQ("privileged_again", syscall(__NR_setresuid, 5, 6, 7), 0);
	CHECK("any_ids_again", is(resuid(), 5, 6, 7));
}

static void child_setreuid(void)
{
	CHECK_EQ("root_setreuid", syscall(__NR_setreuid, A, B), 0);
	CHECK("setreuid_saved_follows", is(resuid(), A, B, B));
	CHECK_EQ("setreuid_euid_to_real", syscall(__NR_setreuid, -1, A), 0);
	CHECK("saved_kept_when_euid_is_real", is(resuid(), A, A, B));
	CHECK_ERRNO("setreuid_stranger_eperm", syscall(__NR_setreuid, -1, 3000), EPERM);
	CHECK_ERRNO("setreuid_real_to_saved_eperm", syscall(__NR_setreuid, B, -1), EPERM);
	CHECK_EQ("setreuid_euid_to_saved", syscall(__NR_setreuid, -1, B), 0);
	CHECK_EQ("setreuid_swap", syscall(__NR_setreuid, B, A), 0);
	CHECK("swap_sets_saved", is(resuid(), B, A, A));
}

static void child_gids(void)
{
	CHECK_EQ("root_setresgid", syscall(__NR_setresgid, 10, 20, 30), 0);
	CHECK("setresgid_sets", is(resgid(), 10, 20, 30) && syscall(__NR_getgid) == 10 &&
					syscall(__NR_getegid) == 20);
	CHECK_ERRNO("setgid_minus1_einval", syscall(__NR_setgid, -1), EINVAL);
	CHECK_EQ("root_drops_uid", syscall(__NR_setuid, A), 0);
	CHECK_ERRNO("user_setgid_other_eperm", syscall(__NR_setgid, 20), EPERM);
	CHECK_EQ("user_setgid_saved", syscall(__NR_setgid, 30), 0);
	CHECK("setgid_sets_effective", is(resgid(), 10, 30, 30));
	CHECK_ERRNO("user_setregid_eperm", syscall(__NR_setregid, 99, -1), EPERM);
}

static void child_fsuid(void)
{
	CHECK_EQ("setfsuid_returns_old", syscall(__NR_setfsuid, 77), 0);
	CHECK_EQ("setfsuid_query", syscall(__NR_setfsuid, -1), 77);
	CHECK_EQ("setfsgid_returns_old", syscall(__NR_setfsgid, 5), 0);
	CHECK_EQ("setuid_resets_fsuid", syscall(__NR_setuid, A) == 0 && syscall(__NR_setfsuid, -1) == A, 1);
	CHECK_EQ("user_setfsuid_refused", syscall(__NR_setfsuid, 0), A);
	CHECK_EQ("fsuid_unchanged", syscall(__NR_setfsuid, -1), A);
}

static void child_groups(void)
{
	unsigned int set[3] = { 30, 10, 20 }, got[4] = { 0 };

	CHECK_EQ("setgroups", syscall(__NR_setgroups, 3, set), 0);
	CHECK_EQ("getgroups_count", syscall(__NR_getgroups, 0, NULL), 3);
	CHECK("getgroups_sorted", syscall(__NR_getgroups, 4, got) == 3 && got[0] == 10 && got[1] == 20 &&
					  got[2] == 30);
	CHECK_ERRNO("getgroups_too_small_einval", syscall(__NR_getgroups, 2, got), EINVAL);
	CHECK_ERRNO("getgroups_negative_einval", syscall(__NR_getgroups, -1, got), EINVAL);
	CHECK_ERRNO("getgroups_efault", syscall(__NR_getgroups, 3, (void *)8), EFAULT);
	CHECK_ERRNO("setgroups_too_many_einval", syscall(__NR_setgroups, 65537, set), EINVAL);
	CHECK_ERRNO("setgroups_efault", syscall(__NR_setgroups, 2, (void *)8), EFAULT);
	CHECK_EQ("setgroups_empty", syscall(__NR_setgroups, 0, NULL) == 0 && syscall(__NR_getgroups, 0, NULL) == 0, 1);
	syscall(__NR_setuid, A);
	CHECK_ERRNO("user_setgroups_eperm", syscall(__NR_setgroups, 1, set), EPERM);
}

/* kill(2) needs a matching real or effective uid, or root; SIGCONT may go to the same session. */
static void child_kill_permission(void)
{
	pid_t root_task = fork();

	if (root_task == 0)
		for (;;)
			syscall(__NR_pause);
	CHECK_EQ("drop_euid_keep_saved", syscall(__NR_setresuid, A, A, 0), 0);
	CHECK_ERRNO("user_kill_root_eperm", kill(root_task, SIGTERM), EPERM);
	CHECK_ERRNO("user_probe_root_eperm", kill(root_task, 0), EPERM);
	CHECK_ERRNO("user_tgkill_root_eperm", syscall(__NR_tgkill, root_task, root_task, SIGTERM), EPERM);
	CHECK_EQ("sigcont_same_session_ok", kill(root_task, SIGCONT), 0);
	CHECK_EQ("user_kill_self_ok", kill(getpid(), 0), 0);
	CHECK_EQ("root_again", syscall(__NR_setresuid, -1, 0, -1), 0);
	CHECK_EQ("root_kills", kill(root_task, SIGKILL), 0);
	waitpid(root_task, NULL, 0);
}

static void in_child(void (*fn)(void), const char *name)
{
	int status = run_in_child(fn);

	CHECK(name, WIFEXITED(status) && WEXITSTATUS(status) == 0);
}

int main(void)
{
	if (syscall(__NR_getuid) != 0) {
		SKIP("root", "not run as root: the privileged rules cannot be seen");
		return test_done();
	}
	CHECK("root_all_ids_zero", is(resuid(), 0, 0, 0) && syscall(__NR_geteuid) == 0);
	CHECK_ERRNO("getresuid_efault", syscall(__NR_getresuid, (void *)8, (void *)8, (void *)8), EFAULT);
	CHECK_ERRNO("getresgid_efault", syscall(__NR_getresgid, (void *)8, (void *)8, (void *)8), EFAULT);
	in_child(child_setuid, "setuid_child");
	in_child(child_setresuid, "setresuid_child");
	in_child(child_setreuid, "setreuid_child");
	in_child(child_gids, "gids_child");
	in_child(child_fsuid, "fsuid_child");
	in_child(child_groups, "groups_child");
	in_child(child_kill_permission, "kill_permission_child");
	CHECK("parent_still_root", is(resuid(), 0, 0, 0));
	return test_done();
}
