/*
 * clone's flag rules (clone(2), ERRORS) and the order Linux applies them
 * in: each rule alone, combinations where two rules apply, a rule together
 * with an error Linux reports later (a bad pointer is never an error for
 * clone), and the legal neighbours of each rule, which must succeed.
 */
#include <sched.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>
#include "procutil.h"
#include "test.h"

static char stack[16384] __attribute__((aligned(16)));
#define STACK_TOP (stack + sizeof(stack))

#define VM_SIGHAND (CLONE_VM | CLONE_SIGHAND)
#define THREAD (CLONE_VM | CLONE_SIGHAND | CLONE_THREAD)

struct rule {
	const char *name;
	unsigned long flags;
};

static const struct rule invalid[] = {
	{ "newns_fs", CLONE_NEWNS | CLONE_FS },
	{ "newuser_fs", CLONE_NEWUSER | CLONE_FS },
	{ "thread_without_sighand", CLONE_VM | CLONE_THREAD },
	{ "thread_alone", CLONE_THREAD },
	{ "sighand_without_vm", CLONE_SIGHAND },
	{ "sighand_files_fs_without_vm", CLONE_SIGHAND | CLONE_FILES | CLONE_FS },
	{ "thread_newpid", THREAD | CLONE_NEWPID },
	{ "thread_newuser", THREAD | CLONE_NEWUSER },
	/* Without CLONE_PARENT_SETTID, which clone() would make the same-word rule of kernel_clone. */
	{ "pidfd_detached", CLONE_PIDFD | CLONE_DETACHED },
	/* Not CLONE_PIDFD | CLONE_THREAD: Linux allows it since 6.9 (pidfds of threads), Cowl has no pidfds. */
	/* Two rules at once. */
	{ "newns_fs_and_thread_without_sighand", CLONE_NEWNS | CLONE_FS | CLONE_THREAD },
	{ "newuser_fs_and_sighand_without_vm", CLONE_NEWUSER | CLONE_FS | CLONE_SIGHAND },
	{ "thread_without_sighand_and_newpid", CLONE_VM | CLONE_THREAD | CLONE_NEWPID },
	{ "sighand_without_vm_and_thread_newpid", CLONE_SIGHAND | CLONE_THREAD | CLONE_NEWPID },
	{ "thread_newpid_and_pidfd_thread", THREAD | CLONE_NEWPID | CLONE_PIDFD },
	{ "everything", 0xffffff00UL },
};

/* Flag sets next to the rules that are valid. */
static const struct rule valid[] = {
	{ "fs_alone", CLONE_FS },
	{ "vm_sighand", VM_SIGHAND },
	{ "vm_sighand_files_fs", VM_SIGHAND | CLONE_FILES | CLONE_FS },
	{ "vm_alone", CLONE_VM },
	{ "detached_without_pidfd", CLONE_DETACHED },
	{ "untraced_ptrace", CLONE_UNTRACED | CLONE_PTRACE },
	{ "newpid_without_thread", CLONE_NEWPID },
	{ "newuts", CLONE_NEWUTS },
};

static void rules(void)
{
	int status, ptid;
	char name[96];

	for (unsigned i = 0; i < sizeof(invalid) / sizeof(invalid[0]); i++) {
		long r = raw_clone(invalid[i].flags | SIGCHLD, STACK_TOP, &ptid, NULL, 0);
		snprintf(name, sizeof(name), "%s_einval", invalid[i].name);
		CHECK(name, r == -EINVAL);
		if (r > 0)
			waitpid((pid_t)r, &status, __WALL);
	}
	for (unsigned i = 0; i < sizeof(valid) / sizeof(valid[0]); i++) {
		long r = raw_clone(valid[i].flags | SIGCHLD, STACK_TOP, &ptid, NULL, 0);
		snprintf(name, sizeof(name), "%s_ok", valid[i].name);
		if (r == -EPERM && (valid[i].flags & (CLONE_NEWPID | CLONE_NEWUTS))) {
			SKIP(name, "needs privileges we lack on this host (CAP_SYS_ADMIN)");
			continue;
		}
		CHECK(name, r > 0 && waitpid((pid_t)r, &status, __WALL) == r && WIFEXITED(status));
	}

	/* CLONE_PARENT, from a child of ours: the clone becomes our child, we reap it. */
	int fds[2];
	long r = 0;
	pipe(fds);
	pid_t middle = fork();
	if (middle == 0) {
		r = raw_clone(CLONE_PARENT | SIGCHLD, NULL, NULL, NULL, 0);
		write(fds[1], &r, sizeof(r));
		_exit(0);
	}
	read(fds[0], &r, sizeof(r));
	waitpid(middle, &status, 0);
	CHECK("parent_ok", r > 0 && waitpid((pid_t)r, &status, __WALL) == r);
	close(fds[0]);
	close(fds[1]);
}

/*
 * kernel_clone's rule: clone3 with CLONE_PIDFD and CLONE_PARENT_SETTID may
 * not have both written to one word (EINVAL); two words are fine.  Cowl
 * has no pidfds and refuses every CLONE_PIDFD, so there the rule cannot be
 * told apart: Linux only.
 */
static void pidfd_and_parent_tid(void)
{
	static const char *const names[] = { "pidfd_parent_settid_same_word_einval",
					      "pidfd_parent_settid_two_words_ok" };
	int word = -1, tid = 0, status;
	struct clone_args a = { .flags = CLONE_PIDFD | CLONE_PARENT_SETTID, .exit_signal = SIGCHLD,
				.pidfd = (unsigned long)&word, .parent_tid = (unsigned long)&word };

	if (on_cowl()) {
		SKIP_ALL("Linux only: Cowl has no pidfds and refuses every CLONE_PIDFD", names[0], names[1]);
		return;
	}
	CHECK_EQ(names[0], raw_clone3(&a, sizeof(a)), -EINVAL);
	a.parent_tid = (unsigned long)&tid;
	long r = raw_clone3(&a, sizeof(a));
	CHECK(names[1], r > 0 && waitpid((pid_t)r, &status, 0) == r && tid == r && word >= 0);
	if (word >= 0)
		close(word);
}

/* The flag checks come before anything that could fail with another errno. */
static void order(void)
{
	/* Bad tid pointers are not an error for clone (they are written, or not, silently). */
	CHECK("bad_pointers_still_einval",
	      raw_clone(CLONE_SIGHAND | CLONE_PARENT_SETTID | CLONE_CHILD_SETTID | SIGCHLD, STACK_TOP,
			(int *)8, (int *)8, 0) == -EINVAL);
	int status;
	long r = raw_clone(CLONE_PARENT_SETTID | SIGCHLD, NULL, (int *)8, NULL, 0);
	CHECK("bad_parent_tid_pointer_ignored", r > 0 && waitpid((pid_t)r, &status, 0) == r);
	pidfd_and_parent_tid();
}

int main(void)
{
	rules();
	order();
	return test_done();
}
