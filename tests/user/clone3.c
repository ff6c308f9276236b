/*
 * clone3's argument block: the size rules of copy_clone_args_from_user()
 * (too small EINVAL, over a page E2BIG, unknown non-zero tail E2BIG,
 * unreadable EFAULT), then the checks of clone3_args_valid() (exit signal,
 * stack and stack_size, CLONE_CLEAR_SIGHAND, CLONE_THREAD/CLONE_PARENT
 * with an exit signal, flags clone3 reserves), in Linux's order, and what
 * CLONE_CLEAR_SIGHAND does.  Also the C library's clone3, which returns
 * twice as fork does.
 */
#include <sched.h>
#include <signal.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>
#include "procutil.h"
#include "test.h"

#define PAGE 4096

static unsigned char buf[2 * PAGE] __attribute__((aligned(8)));
static char stack[16384] __attribute__((aligned(16)));

static struct clone_args *args_in_buf(void)
{
	memset(buf, 0, sizeof(buf));
	struct clone_args *a = (struct clone_args *)buf;
	a->exit_signal = SIGCHLD;
	return a;
}

/* clone3 from buf with this size; a child exits at once.  Returns 0 if a child was made and reaped, else -errno. */
static long try_clone3(void *args, unsigned long size)
{
	int status;
	long r = raw_clone3(args, size);

	if (r > 0)
		return waitpid((pid_t)r, &status, __WALL) == r ? 0 : -1000;
	return r;
}

static void sizes(void)
{
	struct clone_args *a = args_in_buf();

	CHECK_EQ("size_0_einval", try_clone3(a, 0), -EINVAL);
	CHECK_EQ("size_63_einval", try_clone3(a, 63), -EINVAL);
	CHECK_EQ("size_64_ok", try_clone3(a, CLONE_ARGS_SIZE_VER0), 0);
	CHECK_EQ("size_72_ok", try_clone3(a, 72), 0);
	CHECK_EQ("size_80_ok", try_clone3(a, CLONE_ARGS_SIZE_VER1), 0);
	CHECK_EQ("size_88_ok", try_clone3(a, CLONE_ARGS_SIZE_VER2), 0);
	CHECK_EQ("size_96_zero_tail_ok", try_clone3(a, 96), 0);
	CHECK_EQ("size_4096_zero_tail_ok", try_clone3(a, PAGE), 0);
	CHECK_EQ("size_4097_e2big", try_clone3(a, PAGE + 1), -E2BIG);
	CHECK_EQ("size_huge_e2big", try_clone3(a, 1UL << 40), -E2BIG);
	buf[90] = 1;
	CHECK_EQ("size_96_nonzero_tail_e2big", try_clone3(a, 96), -E2BIG);
	CHECK_EQ("size_88_ignores_bytes_after", try_clone3(a, 88), 0);
	buf[90] = 0;
	buf[PAGE - 1] = 1;
	CHECK_EQ("size_4096_last_byte_e2big", try_clone3(a, PAGE), -E2BIG);
}

static void faults(void)
{
	CHECK_EQ("null_efault", try_clone3(NULL, 64), -EFAULT);
	CHECK_EQ("low_address_efault", try_clone3((void *)8, 88), -EFAULT);
	/* The block runs from a readable page into an inaccessible one. */
	char *two = mmap(NULL, 2 * PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	mprotect(two + PAGE, PAGE, PROT_NONE);
	struct clone_args *a = (struct clone_args *)(two + PAGE - 40);
	memset(a, 0, 40);
	CHECK_EQ("half_readable_efault", try_clone3(a, 64), -EFAULT);
	/* Only the tail (beyond what the kernel knows) is unreadable: still EFAULT. */
	a = (struct clone_args *)(two + PAGE - 88);
	memset(a, 0, 88);
	a->exit_signal = SIGCHLD;
	CHECK_EQ("fully_readable_88_ok", try_clone3(a, 88), 0);
	CHECK_EQ("unreadable_tail_efault", try_clone3(a, 96), -EFAULT);
	munmap(two, 2 * PAGE);
}

static void fields(void)
{
	struct clone_args *a = args_in_buf();

	a->exit_signal = 65;
	CHECK_EQ("exit_signal_65_einval", try_clone3(a, 88), -EINVAL);
	a->exit_signal = 0x100 | SIGCHLD;
	CHECK_EQ("exit_signal_high_bits_einval", try_clone3(a, 88), -EINVAL);
	a->exit_signal = 0;
	CHECK_EQ("exit_signal_0_ok", try_clone3(a, 88), 0);

	a = args_in_buf();
	a->stack = (unsigned long)stack;
	CHECK_EQ("stack_without_size_einval", try_clone3(a, 88), -EINVAL);
	a->stack = 0;
	a->stack_size = sizeof(stack);
	CHECK_EQ("size_without_stack_einval", try_clone3(a, 88), -EINVAL);
	a->stack = (unsigned long)stack;
	CHECK_EQ("stack_and_size_ok", try_clone3(a, 88), 0);

	a = args_in_buf();
	a->flags = CLONE_VM | CLONE_SIGHAND | CLONE_CLEAR_SIGHAND;
	a->stack = (unsigned long)stack;
	a->stack_size = sizeof(stack);
	CHECK_EQ("sighand_clear_sighand_einval", try_clone3(a, 88), -EINVAL);
	a->flags = CLONE_VM | CLONE_SIGHAND | CLONE_THREAD;
	CHECK_EQ("thread_with_exit_signal_einval", try_clone3(a, 88), -EINVAL);
	a->flags = CLONE_PARENT;
	CHECK_EQ("parent_with_exit_signal_einval", try_clone3(a, 88), -EINVAL);
	a->flags = CLONE_SIGHAND; /* without CLONE_VM: copy_process's rule */
	a->exit_signal = 0;
	CHECK_EQ("sighand_without_vm_einval", try_clone3(a, 88), -EINVAL);

	a = args_in_buf();
	a->flags = 1ULL << 40;
	CHECK_EQ("unknown_flag_einval", try_clone3(a, 88), -EINVAL);
	a->flags = CLONE_DETACHED;
	CHECK_EQ("detached_reserved_einval", try_clone3(a, 88), -EINVAL);
	a->flags = SIGCHLD; /* the exit signal belongs in exit_signal, not in flags */
	CHECK_EQ("csignal_in_flags_einval", try_clone3(a, 88), -EINVAL);

	a = args_in_buf();
	a->set_tid_size = 1;
	CHECK_EQ("set_tid_size_without_set_tid_einval", try_clone3(a, 88), -EINVAL);
	a->set_tid_size = 33;
	CHECK_EQ("set_tid_size_too_big_einval", try_clone3(a, 88), -EINVAL);

	/* Without CLONE_INTO_CGROUP the cgroup field is not looked at. */
	a = args_in_buf();
	a->cgroup = 0xffffffffffULL;
	CHECK_EQ("cgroup_ignored_without_flag", try_clone3(a, 88), 0);
}

/* When two rules apply, Linux's order decides the errno. */
static void order(void)
{
	struct clone_args *a = args_in_buf();

	CHECK_EQ("e2big_before_efault", try_clone3((void *)8, PAGE + 1), -E2BIG);
	CHECK_EQ("small_size_einval_before_efault", try_clone3((void *)8, 32), -EINVAL);
	a->exit_signal = 200;
	buf[90] = 1;
	CHECK_EQ("tail_e2big_before_bad_signal", try_clone3(a, 96), -E2BIG);
	buf[90] = 0;
	a = args_in_buf();
	a->flags = CLONE_SIGHAND | CLONE_CLEAR_SIGHAND;
	a->stack = (unsigned long)stack; /* no stack_size either */
	CHECK_EQ("two_einval_rules", try_clone3(a, 88), -EINVAL);
}

static volatile int value; /* written by a child in its own copy */

/* The C library's clone3 returns twice, as fork does; without CLONE_VM the child has its own memory. */
static void fork_like(void)
{
	struct clone_args args = { .exit_signal = SIGCHLD };
	int status;

	value = 0;
	long pid = clone3(&args, sizeof(args));
	if (pid == 0) {
		value = 9;
		_exit(6);
	}
	CHECK("fork_like", pid > 0 && waitpid((pid_t)pid, &status, 0) == pid && WIFEXITED(status) &&
	      WEXITSTATUS(status) == 6);
	CHECK_EQ("private_memory", value, 0);
}

static void handler(int sig)
{
	(void)sig;
}

/* CLONE_CLEAR_SIGHAND: handlers go back to SIG_DFL in the child, ignored signals stay ignored. */
static void clear_sighand(void)
{
	struct sigaction sa = { .sa_handler = handler }, ign = { .sa_handler = SIG_IGN }, dfl = { 0 };
	struct clone_args a = { .flags = CLONE_CLEAR_SIGHAND, .exit_signal = SIGCHLD };
	int status;

	sigaction(SIGUSR1, &sa, NULL);
	sigaction(SIGUSR2, &ign, NULL);
	long pid = clone3(&a, sizeof(a));
	if (pid == 0) {
		struct sigaction s1, s2;
		sigaction(SIGUSR1, NULL, &s1);
		sigaction(SIGUSR2, NULL, &s2);
		_exit((s1.sa_handler == SIG_DFL ? 0 : 1) | (s2.sa_handler == SIG_IGN ? 0 : 2));
	}
	CHECK("clear_sighand_child", pid > 0 && waitpid((pid_t)pid, &status, 0) == pid && WIFEXITED(status));
	CHECK("clear_sighand_handler_reset", !(WEXITSTATUS(status) & 1));
	CHECK("clear_sighand_ignored_kept", !(WEXITSTATUS(status) & 2));
	struct sigaction now;
	sigaction(SIGUSR1, NULL, &now);
	CHECK_EQ("clear_sighand_parent_keeps_handler", now.sa_handler, handler);
	sigaction(SIGUSR1, &dfl, NULL);
	sigaction(SIGUSR2, &dfl, NULL);
}

int main(void)
{
	fork_like();
	sizes();
	faults();
	fields();
	order();
	clear_sighand();
	return test_done();
}
