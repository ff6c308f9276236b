/*
 * A bounded, seeded system-call fuzzer, in the manner of trinity: NPROC
 * children each make up to CALLS raw system calls with random numbers and
 * arguments.  Arguments come from a pool of values that find bugs: pointers
 * into a scratch area (anywhere in it, so a length can run off its end into
 * a PROT_NONE guard page), a PROT_NONE page and a read-only page, kernel
 * addresses, non-canonical addresses, edge sizes (0, 4095, 2^31, 2^32, 2^46,
 * ~0...), small numbers and file descriptors, and plain random 64-bit
 * values.  The numbers are those of Cowl's table plus unassigned ones
 * (ENOSYS on both kernels).  The results are not checked: what must hold is
 * that no call blocks (the parent kills a child that has not finished after
 * DEADLINE seconds, and says which call it was in), the kernel still forks,
 * pipes and waits afterwards, and on Cowl every page frame is back
 * (nr_free_pages in /proc/vmstat).  A child killed by a signal is no
 * failure: random calls may well unmap its stack or install a garbage
 * handler.
 *
 *   fuzz [SEED [CALLS]]   the same seed makes the same calls (default SEED_DEFAULT)
 *
 * Left out, because they would kill or stall the harness, or on the host
 * Linux (where the suite runs as root) change the machine:
 *   exit, exit_group          end the child before its calls are made
 *   kill, tkill, tgkill       could kill the parent, other tests, or (pid -1) everything
 *   reboot                    ends the machine
 *   execve                    replaces the child (on the host: runs random programs)
 *   clone, clone3, fork, vfork  more processes than the bound (forkbomb.c tests that)
 *   rt_sigreturn              loads random registers: the child dies at once
 *   pause, nanosleep, pipe    block (a blocking pipe with no writer blocks read)
 *   prlimit64                 its pid argument could change another process's limits
 *   sethostname               would rename the host
 * and arguments are narrowed where a value would do the same: open flags
 * never create, truncate or write (no files appear on the host), mmap flags
 * never populate or lock (2^46 bytes of memory), getrandom fills at most
 * 2 MiB (after a huge MAP_FIXED mapping it would fill it all), pipe2 always O_NONBLOCK,
 * fcntl never F_SETFL and ioctl never FIONBIO (a pipe made blocking again
 * would block), futex only wakes, madvise only advises (no MADV_HWPOISON).
 * The children's standard files are /dev/null and they inherit no others.
 */
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <time.h>
#include "procutil.h"
#include "test.h"

#define NPROC 4
#define CALLS 3000
#define DEADLINE 60 /* seconds for all children; Cowl needs a few */
#define SEED_DEFAULT 20261202ul
#define PAGE 4096ul
#define SCRATCH_PAGES 16

/* How an argument is drawn: from the whole pool, or narrowed (see the comment at the top). */
enum arg { ANY, FD, LEN, OPEN_FLAGS, MMAP_FLAGS, PIPE_FLAGS, FCNTL_CMD, IOCTL_CMD, FUTEX_OP, ADVICE };

struct call {
	long nr;
	unsigned char args[6];
};

static const struct call calls[] = {
	{ __NR_read, { FD } }, { __NR_write, { FD } }, { __NR_open, { ANY, OPEN_FLAGS } }, { __NR_close, { FD } },
	{ __NR_stat, { ANY } }, { __NR_fstat, { FD } }, { __NR_lseek, { FD } },
	{ __NR_mmap, { ANY, ANY, ANY, MMAP_FLAGS, FD } }, { __NR_mprotect, { ANY } }, { __NR_munmap, { ANY } }, { __NR_brk, { ANY } },
	{ __NR_rt_sigaction, { ANY } }, { __NR_rt_sigprocmask, { ANY } }, { __NR_ioctl, { FD, IOCTL_CMD } },
	{ __NR_pread64, { FD } }, { __NR_writev, { FD } }, { __NR_access, { ANY } }, { __NR_sched_yield, { ANY } },
	{ __NR_madvise, { ANY, ANY, ADVICE } }, { __NR_dup, { FD } }, { __NR_dup2, { FD, FD } },
	{ __NR_getpid, { ANY } }, { __NR_wait4, { ANY } }, { __NR_uname, { ANY } }, { __NR_fcntl, { FD, FCNTL_CMD } }, { __NR_getcwd, { ANY } },
	{ __NR_chdir, { ANY } }, { __NR_fchdir, { FD } }, { __NR_umask, { ANY } }, { __NR_getppid, { ANY } }, { __NR_arch_prctl, { ANY } },
	{ __NR_gettid, { ANY } }, { __NR_futex, { ANY, FUTEX_OP } }, { __NR_getdents64, { FD } }, { __NR_set_tid_address, { ANY } },
	{ __NR_clock_gettime, { ANY } }, { __NR_openat, { FD, ANY, OPEN_FLAGS } }, { __NR_newfstatat, { FD } },
	{ __NR_pipe2, { ANY, PIPE_FLAGS } }, { __NR_getrandom, { ANY, LEN } }, { __NR_setpgid, { ANY } }, { __NR_getpgid, { ANY } },
	{ __NR_getpgrp, { ANY } }, { __NR_setsid, { ANY } }, { __NR_getsid, { ANY } }, { __NR_getuid, { ANY } }, { __NR_getgid, { ANY } }, { __NR_geteuid, { ANY } },
	{ __NR_getegid, { ANY } },
};
#define NR_CALLS (sizeof(calls) / sizeof(calls[0]))

/* Numbers no x86-64 Linux assigns (Linux looks at the low 32 bits only, and bit 30 means x32). */
static const unsigned long unassigned[] = { 336, 400, 423, 1000, 1023, 0xffffffff, 0x7fffffff, 0xffffffff00000400 };

static const unsigned long kernel_addrs[] = {
	0xffff888000000000, 0xffff888000100000, 0xffffffff81000000, 0xffffffff80000000, 0xfffffffffffff000,
	0xffffffffff600000, /* Linux's vsyscall page */
};
static const unsigned long noncanonical[] = { 0x0000800000000000, 0x8000000000000000, 0xdead000000000000,
					      0x00007ffffffff000 /* TASK_SIZE itself */ };
static const unsigned long edges[] = { 0, 1, 4095, 4096, 4097, 0x7fffffff, 0x80000000, 0xffffffff,
				       1ul << 32, 1ul << 46, ~0ul, -4096ul, 0x7ffffffff000 };

static char *scratch, *guard, *readonly;

/* The progress of each slot's current child, on a shared page: the parent counts the calls and names a stuck one. */
struct progress {
	long calls;
	long nr, args[6];
};
static struct progress *progress;
static long calls_per_slot = CALLS;

/* What the parent keeps of each slot: its child, how many children and calls it has had. */
struct slot {
	pid_t pid;
	int generation;
	long calls;
};

static unsigned long next(unsigned long *state)
{
	*state ^= *state >> 12;
	*state ^= *state << 25;
	*state ^= *state >> 27;
	return *state * 0x2545f4914f6cdd1dul;
}

#define PICK(rng, list) (list[next(rng) % (sizeof(list) / sizeof(list[0]))])

static unsigned long any_value(unsigned long *rng)
{
	switch (next(rng) % 8) {
	case 0: /* anywhere in the scratch area, page aligned half of the time */
		return (unsigned long)scratch + (next(rng) % (SCRATCH_PAGES * PAGE) & (next(rng) & 1 ? ~(PAGE - 1) : ~0ul));
	case 1:
		return (unsigned long)(next(rng) & 1 ? guard : readonly) + next(rng) % PAGE;
	case 2:
		return PICK(rng, kernel_addrs);
	case 3:
		return PICK(rng, noncanonical);
	case 4:
		return PICK(rng, edges);
	case 5:
		return next(rng) % 64;
	case 6:
		return next(rng) % 10; /* a file descriptor, or a small count */
	default:
		return next(rng);
	}
}

static unsigned long draw(unsigned long *rng, enum arg kind)
{
	unsigned long v = any_value(rng);

	switch (kind) {
	case FD:
		return next(rng) % 8 ? next(rng) % 10 : v;
	case LEN: /* at most 2 MiB: a huge MAP_FIXED mapping over the scratch area could take all memory */
		return v % (2ul << 20);
	case OPEN_FLAGS: /* no O_WRONLY, O_RDWR, O_CREAT, O_EXCL, O_TRUNC, O_APPEND or O_TMPFILE */
		return v & ~(unsigned long)(03 | 0100 | 0200 | 01000 | 02000 | 020000000);
	case MMAP_FLAGS: /* no MAP_LOCKED or MAP_POPULATE */
		return v & ~(unsigned long)(0x2000 | 0x8000);
	case PIPE_FLAGS:
		return (next(rng) & 1 ? v : v & O_CLOEXEC) | O_NONBLOCK;
	case FCNTL_CMD: /* F_DUPFD, F_GETFD, F_SETFD, F_GETFL, F_DUPFD_CLOEXEC, or none at all */
		return next(rng) % 6 ? PICK(rng, ((const unsigned long[]){ 0, 1, 2, 3, 1030 })) : 0x10000 + v % 1000;
	case IOCTL_CMD:
		return v == 0x5421 /* FIONBIO */ ? 0 : v;
	case FUTEX_OP: /* FUTEX_WAKE, private or not, FUTEX_WAKE_BITSET, or unknown (ENOSYS) */
		return PICK(rng, ((const unsigned long[]){ 1, 129, 10, 0x1000 }));
	case ADVICE: /* MADV_NORMAL .. MADV_DONTNEED, MADV_FREE, MADV_DONTFORK, MADV_DOFORK, or unknown */
		return PICK(rng, ((const unsigned long[]){ 0, 1, 2, 3, 4, 8, 10, 11, 1000 }));
	default:
		return v;
	}
}

/* One child: files it cannot harm, then its calls; the progress page says where it is. */
static __attribute__((noreturn)) void fuzz_child(struct progress *me, unsigned long rng, long count)
{
	int null = open("/dev/null", O_RDWR);

	for (int fd = 0; fd < 3; fd++)
		dup2(null, fd);
	for (int fd = 3; fd < 64; fd++)
		close(fd);
	for (me->calls = 0; me->calls < count; me->calls++) {
		/* One call in 16 has a number no kernel assigns. */
		const struct call *c = next(&rng) % 16 ? &calls[next(&rng) % NR_CALLS] : NULL;
		me->nr = c ? c->nr : (long)PICK(&rng, unassigned);
		for (int a = 0; a < 6; a++)
			me->args[a] = (long)draw(&rng, c ? (enum arg)c->args[a] : ANY);
		__syscall6(me->nr, me->args[0], me->args[1], me->args[2], me->args[3], me->args[4], me->args[5]);
	}
	_exit(0);
}

/* The scratch area, a PROT_NONE page just after it (present, as it held data), and a read-only page. */
static int map_pool(void)
{
	char *p = mmap(NULL, (SCRATCH_PAGES + 2) * PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	if (p == MAP_FAILED)
		return 0;
	memset(p, 0, (SCRATCH_PAGES + 2) * PAGE);
	/* Some real paths, so that the path-taking calls also find things. */
	static const char *const paths[] = { "/", "/dev/null", "/proc/self/maps", "tests/data/hello.txt", "/proc" };
	for (unsigned i = 0; i < sizeof(paths) / sizeof(paths[0]); i++)
		strcpy(p + i * PAGE, paths[i]);
	scratch = p;
	guard = p + SCRATCH_PAGES * PAGE;
	readonly = guard + PAGE;
	memset(readonly, 0x5a, PAGE);
	return mprotect(guard, PAGE, PROT_NONE) == 0 && mprotect(readonly, PAGE, PROT_READ) == 0;
}

/*
 * Start the slot's next child, which makes the calls the slot has left.  A
 * child that a call killed is followed by another, with a seed of its own,
 * so that every slot makes all its calls.
 */
static void spawn(int i, struct slot *slot, unsigned long seed)
{
	unsigned long rng = (seed * 0x9e3779b97f4a7c15ul) ^ ((unsigned long)i << 32) ^ (unsigned long)slot->generation++;

	progress[i].calls = 0;
	if ((slot->pid = fork()) == 0)
		fuzz_child(&progress[i], rng | 1, calls_per_slot - slot->calls);
}

/* A child of this slot ended: count its calls, and start the next one if calls are left. */
static void child_ended(int i, struct slot *slot, unsigned long seed)
{
	slot->calls += progress[i].calls;
	slot->pid = 0;
	if (slot->calls < calls_per_slot)
		spawn(i, slot, seed);
}

/* Kill and name a child still running at the deadline: it is blocked (or the kernel is stuck). */
static void kill_stuck(int i, struct slot *slot)
{
	const struct progress *p = &progress[i];

	printf("# fuzz: slot %d stuck after %ld calls, in call %ld (0x%lx, 0x%lx, 0x%lx, 0x%lx, 0x%lx, 0x%lx)\n", i,
	       slot->calls + p->calls, p->nr, p->args[0], p->args[1], p->args[2], p->args[3], p->args[4], p->args[5]);
	kill(slot->pid, SIGKILL);
	waitpid(slot->pid, NULL, 0);
}

/* Runs the slots to the end or the deadline; returns how many children were stuck. */
static int run_slots(struct slot *slots, unsigned long seed, int *signalled)
{
	struct timespec tick = { 0, 20 * 1000 * 1000 };
	int running = NPROC, stuck = 0, status;
	pid_t pid;

	for (int i = 0; i < NPROC; i++)
		spawn(i, &slots[i], seed);
	for (long waited = 0; running > 0 && waited < DEADLINE * 50; waited++) {
		while ((pid = waitpid(-1, &status, WNOHANG)) > 0)
			for (int i = 0; i < NPROC; i++)
				if (slots[i].pid == pid) {
					*signalled += WIFSIGNALED(status);
					child_ended(i, &slots[i], seed);
					running -= slots[i].pid == 0;
				}
		if (running > 0)
			nanosleep(&tick, NULL);
	}
	for (int i = 0; i < NPROC; i++)
		if (slots[i].pid > 0) {
			kill_stuck(i, &slots[i]);
			stuck++;
		}
	return stuck;
}

/* After the storm: fork, a pipe and wait still work. */
static int kernel_alive(void)
{
	int fds[2], status;
	char c = 0;

	if (pipe(fds) < 0)
		return 0;
	pid_t pid = fork();
	if (pid == 0) {
		_exit(write(fds[1], "k", 1) == 1 ? 7 : 1);
	}
	int ok = pid > 0 && read(fds[0], &c, 1) == 1 && c == 'k' && waitpid(pid, &status, 0) == pid &&
		 WIFEXITED(status) && WEXITSTATUS(status) == 7;
	close(fds[0]);
	close(fds[1]);
	return ok;
}

int main(int argc, char **argv)
{
	unsigned long seed = argc > 1 ? strtoul(argv[1], NULL, 0) : SEED_DEFAULT;
	if (argc > 2)
		calls_per_slot = strtol(argv[2], NULL, 0);
	struct slot slots[NPROC] = { 0 };
	int signalled = 0;
	long calls_made = 0;

	/* The pool first: mmap goes down, and a run off the scratch area's end goes up, away from progress. */
	int pool = map_pool();
	progress = mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (!CHECK("pool_mapped", pool && progress != MAP_FAILED && progress < (struct progress *)scratch))
		return test_done();
	memset(progress, 0, PAGE);
	printf("# fuzz: seed %lu, %d processes x %ld calls\n", seed, NPROC, calls_per_slot);
	fflush(stdout);
	/* Once through what the parent does later, so that its own stack and heap have their size before the count. */
	kernel_alive();
	vmstat("nr_free_pages");
	long free_before = vmstat("nr_free_pages");
	CHECK_EQ("no_call_blocks", run_slots(slots, seed, &signalled), 0);
	for (int i = 0; i < NPROC; i++)
		calls_made += slots[i].calls;
	printf("# fuzz: %ld calls made, %d children killed by a signal on the way\n", calls_made, signalled);
	CHECK("kernel_alive", kernel_alive());
	if (on_cowl())
		CHECK_EQ("frames_back", vmstat("nr_free_pages"), free_before);
	else
		SKIP("frames_back", "nr_free_pages moves with the rest of the host");
	return test_done();
}
