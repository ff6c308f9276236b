/*
 * The user's GS base (arch_prctl(ARCH_SET_GS)) beside the FS base: the
 * kernel keeps its per-CPU area in GS and swaps the two bases at every
 * entry and exit (SWAPGS), so each of the ways into the kernel must give
 * the user's back unchanged: system calls, interrupts taken while the
 * program computes, context switches to a process with a base of its own,
 * a signal handler.  fork keeps the parent's base; a bad base is refused.
 * Each block starts with a pointer to itself, read through %gs:0.
 */
#include <sched.h>
#include <signal.h>
#include <sys/thread.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "test.h"

#define ROUNDS 200
#define SPIN_NS 40000000L /* 40 ms of computing: several timer ticks at 100 Hz (Linux's HZ is higher) */

struct block {
	struct block *self;
	long id;
};

static struct block gs_blocks[2], fs_block;
static volatile int handler_saw_gs;

static inline struct block *gs_self(void)
{
	struct block *p;

	__asm__ volatile("mov %%gs:0, %0" : "=r"(p));
	return p;
}

static inline struct block *fs_self(void)
{
	struct block *p;

	__asm__ volatile("mov %%fs:0, %0" : "=r"(p));
	return p;
}

static long now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000000000L + ts.tv_nsec;
}

static int bases_are(const struct block *gs)
{
	return gs_self() == gs && fs_self() == &fs_block;
}

static void set_and_get(void)
{
	unsigned long got = 0;

	CHECK_EQ("set_gs", arch_prctl(ARCH_SET_GS, (unsigned long)&gs_blocks[0]), 0);
	CHECK("get_gs_back", arch_prctl(ARCH_GET_GS, (unsigned long)&got) == 0 && got == (unsigned long)&gs_blocks[0]);
	CHECK_EQ("gs_relative_load", gs_self(), &gs_blocks[0]);
	/* Kernel addresses are refused, as Linux's do_set_thread_area_64() does. */
	CHECK_ERRNO("kernel_gs_base_eperm", arch_prctl(ARCH_SET_GS, 0xffff888000000000ul), EPERM);
	CHECK_EQ("refused_base_left_alone", gs_self(), &gs_blocks[0]);
}

static void survives_syscalls(void)
{
	int bad = 0;

	for (int i = 0; i < ROUNDS; i++) {
		getpid();
		bad += !bases_are(&gs_blocks[0]);
	}
	CHECK_EQ("kept_across_syscalls", bad, 0);
}

/* Only computation inside the loop: the kernel is entered by interrupts (and the clock reads). */
static void survives_interrupts(void)
{
	long end = now_ns() + SPIN_NS, spins = 0, bad = 0;

	while (now_ns() < end)
		for (int i = 0; i < 10000; i++, spins++)
			bad += !bases_are(&gs_blocks[0]);
	CHECK("spun", spins > 0);
	CHECK_EQ("kept_across_interrupts", bad, 0);
}

/* Parent and child each with a base of their own, switching to each other. */
static void survives_context_switches(void)
{
	int status, bad = 0;
	pid_t pid = fork();

	if (pid == 0) {
		int child_bad = !bases_are(&gs_blocks[0]); /* fork keeps the parent's base */
		arch_prctl(ARCH_SET_GS, (unsigned long)&gs_blocks[1]);
		for (int i = 0; i < ROUNDS; i++) {
			sched_yield();
			child_bad += !bases_are(&gs_blocks[1]);
		}
		_exit(child_bad ? 1 : 0);
	}
	for (int i = 0; i < ROUNDS; i++) {
		sched_yield();
		bad += !bases_are(&gs_blocks[0]);
	}
	CHECK("child_kept_its_own", waitpid(pid, &status, 0) == pid && WIFEXITED(status) && WEXITSTATUS(status) == 0);
	CHECK_EQ("parent_kept_its_own", bad, 0);
}

static void handler(int sig)
{
	(void)sig;
	handler_saw_gs = bases_are(&gs_blocks[0]);
}

static void survives_signal_handler(void)
{
	struct sigaction sa = { .sa_handler = handler };

	sigaction(SIGUSR1, &sa, NULL);
	kill(getpid(), SIGUSR1);
	CHECK("handler_has_base", handler_saw_gs);
	CHECK("kept_after_sigreturn", bases_are(&gs_blocks[0]));
}

int main(void)
{
	unsigned long old_fs = 0;

	for (int i = 0; i < 2; i++)
		gs_blocks[i] = (struct block){ &gs_blocks[i], i };
	fs_block.self = &fs_block;
	arch_prctl(ARCH_GET_FS, (unsigned long)&old_fs);
	arch_prctl(ARCH_SET_FS, (unsigned long)&fs_block);
	set_and_get();
	survives_syscalls();
	survives_interrupts();
	survives_context_switches();
	survives_signal_handler();
	arch_prctl(ARCH_SET_FS, old_fs);
	arch_prctl(ARCH_SET_GS, 0);
	return test_done();
}
