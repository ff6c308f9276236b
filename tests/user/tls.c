/*
 * Thread-local storage: arch_prctl sets and reports the FS base; the base
 * set by CLONE_SETTLS (threads and a process) or arch_prctl stays each
 * thread's own across context switches, and fork keeps the parent's.
 * Each TLS block starts with a pointer to itself, as on x86-64 Linux,
 * read through %fs:0.
 */
#include <sched.h>
#include <signal.h>
#include <sys/mman.h>
#include <sys/thread.h>
#include <sys/wait.h>
#include <unistd.h>
#include "procutil.h"
#include "test.h"

#define NTHREADS 4
#define STACK 16384
#define ROUNDS 200

struct tls_block {
	struct tls_block *self;
	long id;
};

static char stacks[NTHREADS][STACK] __attribute__((aligned(16)));
static struct tls_block blocks[NTHREADS + 1];
static volatile int tids[NTHREADS];
static volatile int bad[NTHREADS], done_rounds[NTHREADS];

static inline struct tls_block *fs_self(void)
{
	struct tls_block *p;

	__asm__ volatile("mov %%fs:0, %0" : "=r"(p));
	return p;
}

static inline long fs_id(void)
{
	long id;

	__asm__ volatile("mov %%fs:8, %0" : "=r"(id));
	return id;
}

static int spinner(void *arg)
{
	long i = (long)arg;

	for (int r = 0; r < ROUNDS; r++) {
		if (fs_self() != &blocks[i] || fs_id() != i)
			bad[i]++;
		sched_yield();
	}
	unsigned long base = 0;
	arch_prctl(ARCH_GET_FS, (unsigned long)&base);
	if (base != (unsigned long)&blocks[i])
		bad[i]++;
	done_rounds[i] = ROUNDS;
	return 0;
}

static void threads_keep_their_tls(void)
{
	int created = 0, main_bad = 0;

	for (long i = 0; i <= NTHREADS; i++) {
		blocks[i].self = &blocks[i];
		blocks[i].id = i;
	}
	/* The main thread's own block is the last one. */
	CHECK_EQ("arch_prctl_set_fs", arch_prctl(ARCH_SET_FS, (unsigned long)&blocks[NTHREADS]), 0);
	for (long i = 0; i < NTHREADS; i++)
		created += clone(spinner, stacks[i] + STACK, THREAD_FLAGS | CLONE_SETTLS, (void *)i, &tids[i],
				 &blocks[i], &tids[i]) > 0;
	CHECK_EQ("settls_threads_created", created, NTHREADS);
	for (int r = 0; r < ROUNDS; r++) {
		if (fs_self() != &blocks[NTHREADS] || fs_id() != NTHREADS)
			main_bad++;
		sched_yield();
	}
	for (int i = 0; i < NTHREADS; i++)
		join(&tids[i]);
	int all_bad = 0, all_done = 1;
	for (int i = 0; i < NTHREADS; i++) {
		all_bad += bad[i];
		all_done &= done_rounds[i] == ROUNDS;
	}
	CHECK("settls_threads_ran", all_done);
	CHECK_EQ("settls_fs_kept_across_switches", all_bad, 0);
	CHECK_EQ("main_fs_kept_across_switches", main_bad, 0);
}

/* arch_prctl(2): ARCH_SET_FS and ARCH_GET_FS, and the errors. */
static void arch_prctl_fs(void)
{
	static unsigned long block[2] = { 0x1234 };
	unsigned long old, now, first;

	CHECK_EQ("get_fs", arch_prctl(ARCH_GET_FS, (unsigned long)&old), 0);
	CHECK_EQ("set_fs", arch_prctl(ARCH_SET_FS, (unsigned long)block), 0);
	CHECK("get_fs_back", arch_prctl(ARCH_GET_FS, (unsigned long)&now) == 0 && now == (unsigned long)block);
	__asm__ volatile("mov %%fs:0, %0" : "=r"(first));
	CHECK_EQ("fs_relative_load", first, 0x1234);
	arch_prctl(ARCH_SET_FS, old);
	CHECK_ERRNO("get_fs_bad_pointer_efault", arch_prctl(ARCH_GET_FS, 8), EFAULT);
	CHECK_ERRNO("bad_code_einval", arch_prctl(0x9999, 0), EINVAL);
}

/* fork: the child starts with the parent's FS base. */
static void fork_inherits_fs(void)
{
	int status;
	pid_t pid = fork();

	if (pid == 0)
		_exit(fs_self() == &blocks[NTHREADS] && fs_id() == NTHREADS ? 0 : 1);
	CHECK("fork_inherits_fs", waitpid(pid, &status, 0) == pid && WIFEXITED(status) &&
	      WEXITSTATUS(status) == 0);
}

static int process_child(void *arg)
{
	(void)arg;
	return fs_self() == &blocks[1] && fs_id() == 1 ? 0 : 1;
}

/* CLONE_SETTLS in a process (no CLONE_VM), and the parent's base is untouched. */
static void settls_process(void)
{
	int status;
	int pid = clone(process_child, stacks[0] + STACK, CLONE_SETTLS | SIGCHLD, NULL, NULL, &blocks[1], NULL);

	CHECK("settls_process", pid > 0 && waitpid(pid, &status, 0) == pid && WIFEXITED(status) &&
	      WEXITSTATUS(status) == 0);
	CHECK("settls_parent_unchanged", fs_self() == &blocks[NTHREADS]);
	/* Without CLONE_SETTLS the tls argument is ignored. */
	pid = clone(process_child, stacks[0] + STACK, SIGCHLD, NULL, NULL, &blocks[1], NULL);
	CHECK("no_settls_tls_ignored", pid > 0 && waitpid(pid, &status, 0) == pid && WIFEXITED(status) &&
	      WEXITSTATUS(status) == 1);
}

int main(void)
{
	arch_prctl_fs();
	threads_keep_their_tls();
	fork_inherits_fs();
	settls_process();
	arch_prctl(ARCH_SET_FS, 0);
	return test_done();
}
