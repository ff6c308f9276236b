/*
 * Helpers shared by the process-creation tests (a header, so it is not a
 * test program itself): which kernel we run on, Cowl's /proc/vmstat
 * counters, PFNs from /proc/self/pagemap, threads as NPTL makes them
 * (THREAD_FLAGS, join), the CPUs (online_cpus, current_cpu), and a raw
 * clone system call whose child exits at once without touching memory.
 */
#ifndef PROCUTIL_H
#define PROCUTIL_H
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/thread.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <unistd.h>
#include "test.h"

#define PAGE_SIZE_ 4096UL

/* 1 on Cowl (uname's sysname), 0 on Linux. */
static inline int on_cowl(void)
{
	struct utsname u;

	return uname(&u) == 0 && strcmp(u.sysname, "Cowl") == 0;
}

/*
 * Whether root may go beyond the limits (CAP_SYS_RESOURCE): Cowl's root
 * always may; a container's root on the host may lack the capability.
 */
static inline int has_cap_sys_resource(void)
{
	char buf[4096], *cap;
	int fd = open("/proc/self/status", O_RDONLY);
	ssize_t n;

	if (on_cowl() || fd < 0)
		return 1;
	n = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	buf[n > 0 ? n : 0] = '\0';
	cap = strstr(buf, "CapEff:");
	return cap && (strtoul(cap + 7, NULL, 16) >> 24) & 1;
}

/* The value of one /proc/vmstat counter, or -1 if the kernel has no such line. */
static inline long vmstat(const char *name)
{
	static char buf[8192];
	size_t len = strlen(name);

	if (read_file("/proc/vmstat", buf, sizeof(buf)) < 0)
		return -1;
	for (char *line = buf; *line; ) {
		if (strncmp(line, name, len) == 0 && line[len] == ' ')
			return strtol(line + len + 1, NULL, 10);
		char *nl = strchr(line, '\n');
		if (!nl)
			break;
		line = nl + 1;
	}
	return -1;
}

/* The frame number mapping the page at addr, 0 if none (or not visible), -1 on error. */
static inline long page_pfn(const void *addr)
{
	unsigned long long e;
	int fd = open("/proc/self/pagemap", O_RDONLY);

	if (fd < 0)
		return -1;
	off_t pos = (off_t)((unsigned long)addr / PAGE_SIZE_ * 8);
	ssize_t n = lseek(fd, pos, SEEK_SET) == pos ? read(fd, &e, 8) : -1;
	close(fd);
	if (n != 8)
		return -1;
	if (!(e >> 63)) /* not present */
		return 0;
	return (long)(e & ((1ULL << 55) - 1));
}

/* The flags NPTL's pthread_create passes to clone (with CLONE_SETTLS when it sets up TLS). */
#define THREAD_FLAGS                                                                                \
	(CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | CLONE_THREAD | CLONE_SYSVSEM | CLONE_PARENT_SETTID | \
	 CLONE_CHILD_CLEARTID)

/*
 * Waits until the kernel clears a thread's tid word (CLONE_CHILD_CLEARTID,
 * at the thread's exit) and wakes the futex on it, as pthread_join does.
 */
static inline void join(volatile int *tid_word)
{
	int tid;

	while ((tid = *tid_word) != 0)
		futex((int *)tid_word, FUTEX_WAIT, tid, NULL, NULL, 0);
}

/* How many CPUs run: the "cpuN " lines of /proc/stat (Linux's and Cowl's). */
static inline int online_cpus(void)
{
	static char buf[65536];
	int n = 0;

	if (read_file("/proc/stat", buf, sizeof(buf)) < 0)
		return 1;
	for (char *p = buf; (p = strstr(p, "\ncpu")); p++)
		n += p[4] >= '0' && p[4] <= '9';
	return n ? n : 1;
}

/* The CPU the caller runs on (getcpu(2)), -1 on error; safe in a thread, errno aside. */
static inline int current_cpu(void)
{
	unsigned cpu;

	return syscall(__NR_getcpu, &cpu, NULL, NULL) ? -1 : (int)cpu;
}

/* The system call; in a child (RAX 0) exit(0) follows at once, touching no memory. */
#define SYSCALL_CHILD_EXITS                                                                     \
	"syscall\n\t"                                                                             \
	"test %%rax, %%rax\n\t"                                                                   \
	"jnz 1f\n\t"                                                                              \
	"mov $60, %%eax\n\t"                                                                      \
	"xor %%edi, %%edi\n\t"                                                                    \
	"syscall\n\t"                                                                             \
	"1:"

/*
 * clone(flags, stack, ptid, ctid, tls) as the raw system call.  A child
 * (return value 0) calls exit(0) at once, using neither memory nor stack,
 * so any flag combination is safe to try.  Returns the raw result: the
 * child's pid or -errno.
 */
static inline long raw_clone(unsigned long flags, void *stack, int *ptid, int *ctid, unsigned long tls)
{
	register long r10 __asm__("r10") = (long)ctid;
	register long r8 __asm__("r8") = (long)tls;
	long ret;

	__asm__ volatile(SYSCALL_CHILD_EXITS
			 : "=a"(ret)
			 : "a"(__NR_clone), "D"(flags), "S"(stack), "d"(ptid), "r"(r10), "r"(r8)
			 : "rcx", "r11", "memory");
	return ret;
}

/* Whether this process may clone with flags (the namespace flags need privilege on Linux). */
static inline int may_clone(unsigned long flags)
{
	int status;
	long pid = raw_clone(flags | SIGCHLD, NULL, NULL, NULL, 0);

	return pid > 0 && waitpid((pid_t)pid, &status, __WALL) == pid;
}

/* clone3 as the raw system call, with the same immediate exit in the child. */
static inline long raw_clone3(void *args, unsigned long size)
{
	long ret;

	__asm__ volatile(SYSCALL_CHILD_EXITS
			 : "=a"(ret)
			 : "a"(__NR_clone3), "D"(args), "S"(size)
			 : "rcx", "r11", "memory");
	return ret;
}
#endif
