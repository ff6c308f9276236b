/*
 * The CPUs as programs count them: /proc/cpuinfo has one block per online
 * CPU, numbered as /proc/stat's cpuN lines, each with the fields Linux
 * prints; /sys/devices/system/cpu/online (glibc's _SC_NPROCESSORS_ONLN)
 * lists the same CPUs and .../possible (_SC_NPROCESSORS_CONF) at least
 * those; sched_getaffinity (musl's count for both) holds no other CPU.
 * Where CPUID reports RDTSCP or RDPID, the CPU number they read is the
 * CPU the caller is pinned to.
 */
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include "test.h"

#define MAX_CPUS 1024

static char text[1 << 20];

/* The set of CPUs of /proc/stat's "cpuN " lines. */
static int stat_cpus(unsigned char *set)
{
	int n = 0;

	if (read_file("/proc/stat", text, sizeof(text)) < 0)
		return -1;
	for (char *p = strstr(text, "\ncpu"); p; p = strstr(p + 1, "\ncpu")) {
		int cpu = atoi(p + 4);
		if (p[4] >= '0' && p[4] <= '9' && cpu < MAX_CPUS)
			set[cpu] = 1, n++;
	}
	return n;
}

/* A cpu list file ("0-3,6\n") into a set; the count, or -1. */
static int cpulist(const char *path, unsigned char *set)
{
	char buf[4096], *p = buf;
	int n = 0;

	if (read_file(path, buf, sizeof(buf)) < 0)
		return -1;
	while (*p >= '0' && *p <= '9') {
		int lo = strtol(p, &p, 10), hi = lo;
		if (*p == '-')
			hi = strtol(p + 1, &p, 10);
		for (int c = lo; c <= hi && c < MAX_CPUS; c++)
			set[c] = 1, n++;
		if (*p == ',')
			p++;
	}
	return *p == '\n' ? n : -1;
}

/* Each block of /proc/cpuinfo names a CPU of `online`, once, with Linux's fields. */
static void check_cpuinfo(const unsigned char *online, int n_online)
{
	static const char *const fields[] = { "vendor_id\t: ", "cpu family\t: ", "model\t\t: ", "model name\t: ",
		"flags\t\t:", "apicid\t\t: ", "core id\t\t: ", "physical id\t: ", "cpu MHz\t\t: " };
	unsigned char seen[MAX_CPUS] = { 0 };
	int blocks = 0, fields_ok = 1, numbers_ok = 1;

	CHECK("cpuinfo_readable", read_file("/proc/cpuinfo", text, sizeof(text)) > 0);
	for (char *b = text; b && !strncmp(b, "processor\t: ", 12); blocks++) {
		char *end = strstr(b, "\n\n");
		int cpu = atoi(b + 12);
		if (end)
			*end = '\0';
		numbers_ok &= cpu < MAX_CPUS && online[cpu] && !seen[cpu];
		seen[cpu < MAX_CPUS ? cpu : 0] = 1;
		for (size_t i = 0; i < sizeof(fields) / sizeof(fields[0]); i++)
			fields_ok &= strstr(b, fields[i]) != NULL;
		b = end ? end + 2 : NULL;
	}
	CHECK_EQ("one_block_per_online_cpu", blocks, n_online);
	CHECK("processor_numbers_are_online_cpus", numbers_ok);
	CHECK("blocks_have_linux_fields", fields_ok && blocks > 0);
}

static void check_sysfs(const unsigned char *online, int n_online)
{
	unsigned char sys_online[MAX_CPUS] = { 0 }, possible[MAX_CPUS] = { 0 };
	int subset = 1;

	CHECK_EQ("sys_online_count", cpulist("/sys/devices/system/cpu/online", sys_online), n_online);
	CHECK("sys_online_same_cpus", memcmp(sys_online, online, MAX_CPUS) == 0);
	CHECK("sys_possible_at_least_online", cpulist("/sys/devices/system/cpu/possible", possible) >= n_online);
	for (int c = 0; c < MAX_CPUS; c++)
		subset &= !online[c] || possible[c];
	CHECK("sys_possible_holds_online", subset);
}

static void cpuid(unsigned leaf, unsigned *a, unsigned *b, unsigned *c, unsigned *d)
{
	__asm__ volatile("cpuid" : "=a"(*a), "=b"(*b), "=c"(*c), "=d"(*d) : "a"(leaf), "c"(0));
}

static unsigned rdtscp_cpu(void)
{
	unsigned lo, hi, aux;

	__asm__ volatile("rdtscp" : "=a"(lo), "=d"(hi), "=c"(aux));
	return aux & 0xfff; /* Linux keeps the node above bit 12 */
}

static unsigned rdpid_cpu(void)
{
	unsigned long aux;

	__asm__ volatile("rdpid %0" : "=r"(aux));
	return aux & 0xfff;
}

/* Pinned to each CPU of the mask in turn, the instruction must read that CPU. */
static int reads_pinned_cpu(unsigned (*read_cpu)(void), const unsigned long *mask)
{
	int ok = 1;

	for (int cpu = 0; cpu < MAX_CPUS; cpu++) {
		unsigned long one[MAX_CPUS / 64] = { 0 };
		if (!((mask[cpu / 64] >> (cpu % 64)) & 1))
			continue;
		one[cpu / 64] = 1UL << (cpu % 64);
		ok &= syscall(__NR_sched_setaffinity, 0, sizeof(one), one) == 0 && read_cpu() == (unsigned)cpu;
	}
	syscall(__NR_sched_setaffinity, 0, MAX_CPUS / 8, mask);
	return ok;
}

static void check_reader(const char *name, int present, unsigned (*read_cpu)(void), const unsigned long *mask)
{
	if (present)
		CHECK(name, reads_pinned_cpu(read_cpu, mask));
	else
		SKIP(name, "CPUID does not report the instruction");
}

static void check_tsc_aux(const unsigned long *mask)
{
	unsigned a, b, c = 0, d = 0, max_ext, max;

	cpuid(0x80000000, &max_ext, &b, &c, &d);
	d = 0;
	if (max_ext >= 0x80000001)
		cpuid(0x80000001, &a, &b, &c, &d);
	check_reader("rdtscp_gives_cpu", d & (1u << 27), rdtscp_cpu, mask);
	cpuid(0, &max, &b, &c, &d);
	c = 0;
	if (max >= 7)
		cpuid(7, &a, &b, &c, &d);
	check_reader("rdpid_gives_cpu", c & (1u << 22), rdpid_cpu, mask);
}

int main(void)
{
	static unsigned char online[MAX_CPUS];
	unsigned long mask[MAX_CPUS / 64] = { 0 };
	int n = stat_cpus(online), in_online = 1, bits = 0;

	CHECK("proc_stat_lists_cpus", n > 0);
	check_cpuinfo(online, n);
	check_sysfs(online, n);
	CHECK("getaffinity_ok", syscall(__NR_sched_getaffinity, 0, sizeof(mask), mask) > 0);
	for (int c = 0; c < MAX_CPUS; c++)
		if ((mask[c / 64] >> (c % 64)) & 1)
			bits++, in_online &= online[c];
	CHECK("affinity_only_online_cpus", bits > 0 && in_online);
	check_tsc_aux(mask);
	return test_done();
}
