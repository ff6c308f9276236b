/*
 * smpdemo: two threads of one process on two CPUs at once, and a
 * copy-on-write fault that needed a TLB shootdown.
 *
 * 1. A thread is started; it and the main thread each say they are here,
 *    wait for the other, and then ask getcpu(2) where they run: two
 *    different CPUs, at the same moment.
 * 2. The thread keeps reading a page, so its CPU's TLB holds the page's
 *    translation.  The main thread forks (the page becomes shared, read
 *    only) and then writes it: the COW fault gives the main thread a copy,
 *    and the PTE now points at another frame.  The thread's CPU still has
 *    the old translation, so the kernel interrupts it (an IPI) to drop it
 *    before the old frame may be freed: /proc/vmstat's nr_tlb_remote_flush
 *    counts it.  `trace tlb,cow` first shows the fault and the shootdown.
 */
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/thread.h>
#include <sys/wait.h>
#include <unistd.h>

#define STACK_SIZE (64 * 1024)

static char stack[STACK_SIZE] __attribute__((aligned(16)));
static int tid_word;
static volatile int here[2], cpu_of[2], stop;
static volatile long *page;

static int cpu(void)
{
	unsigned c;

	return syscall(__NR_getcpu, &c, NULL, NULL) ? -1 : (int)c;
}

/* One /proc/vmstat counter (static buffer: reading it touches no new stack page). */
static long vmstat(const char *name)
{
	static char buf[4096];
	int fd = open("/proc/vmstat", O_RDONLY);
	ssize_t n = fd < 0 ? -1 : read(fd, buf, sizeof(buf) - 1);
	char *p;

	if (fd >= 0)
		close(fd);
	if (n <= 0)
		return -1;
	buf[n] = '\0';
	p = strstr(buf, name);
	return p ? strtol(p + strlen(name) + 1, NULL, 10) : -1;
}

/* Meet the other thread, note the CPU while both are known to run. */
static void meet(int i)
{
	here[i] = 1;
	while (!here[!i])
		;
	cpu_of[i] = cpu();
	here[i] = 2;
	while (here[!i] != 2)
		;
}

static int thread_main(void *arg)
{
	long sum = 0;

	(void)arg;
	meet(1);
	while (!stop)
		sum += *page; /* the page's translation stays in this CPU's TLB */
	return (int)sum;
}

int main(void)
{
	int flags = CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | CLONE_THREAD | CLONE_SYSVSEM |
		    CLONE_PARENT_SETTID | CLONE_CHILD_CLEARTID;
	int fds[2], tid, status;

	page = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (page == MAP_FAILED || pipe(fds) < 0) {
		perror("smpdemo");
		return 1;
	}
	*page = 1;
	if (clone(thread_main, stack + STACK_SIZE, flags, NULL, &tid_word, NULL, &tid_word) < 0) {
		perror("clone");
		return 1;
	}
	meet(0);
	printf("smpdemo: pid %d: main thread on cpu%d, thread %d on cpu%d, both running at once.\n", getpid(),
	       cpu_of[0], tid_word, cpu_of[1]);
	fflush(stdout);

	pid_t child = fork();
	if (child == 0) { /* keeps the old frame shared until the parent has written */
		close(fds[1]);
		read(fds[0], &status, 1);
		_exit(0);
	}
	vmstat("nr_tlb_remote_flush"); /* its own COW faults (stack, buffer) happen here, not below */
	long before = vmstat("nr_tlb_remote_flush");
	*page = 2; /* a COW fault: a new frame, while the thread's CPU still maps the old one */
	long after = vmstat("nr_tlb_remote_flush");
	printf("smpdemo: the write after fork copied the page (COW); nr_tlb_remote_flush went %ld -> %ld:\n"
	       "         the thread's CPU had to drop its translation of the old frame.\n", before, after);
	close(fds[1]);
	waitpid(child, &status, 0);
	stop = 1;
	while ((tid = __atomic_load_n(&tid_word, __ATOMIC_ACQUIRE)) != 0)
		futex(&tid_word, FUTEX_WAIT, tid, NULL, NULL, 0);
	return 0;
}
