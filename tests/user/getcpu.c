/*
 * getcpu(2): the CPU the caller runs on, one of the online CPUs that
 * /proc/stat lists as cpuN lines, and the NUMA node; NULL pointers are
 * allowed, a bad one is EFAULT.  On Cowl a task stays on its CPU, so the
 * processor field of /proc/self/stat (39) must say the same; on Linux the
 * task may move between the two reads, so that check is Cowl's only.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include "procutil.h"
#include "test.h"

static long getcpu(unsigned *cpu, unsigned *node)
{
	return syscall(__NR_getcpu, cpu, node, NULL);
}

/* Is there a "cpuN " line for this CPU in /proc/stat? */
static int listed_in_proc_stat(unsigned cpu)
{
	static char buf[65536];
	char want[32];

	if (read_file("/proc/stat", buf, sizeof(buf)) < 0)
		return 0;
	snprintf(want, sizeof(want), "\ncpu%u ", cpu);
	return strstr(buf, want) != NULL;
}

/* Field 39 of /proc/self/stat: after the ")" that ends the name, field 3 is the first. */
static long stat_processor(void)
{
	static char buf[4096];
	char *p;

	if (read_file("/proc/self/stat", buf, sizeof(buf)) < 0 || !(p = strrchr(buf, ')')))
		return -1;
	p += 2;
	for (int field = 3; field < 39; field++) {
		p = strchr(p, ' ');
		if (!p)
			return -1;
		p++;
	}
	return strtol(p, NULL, 10);
}

int main(void)
{
	unsigned cpu = ~0u, node = ~0u;

	CHECK_EQ("returns_0", getcpu(&cpu, &node), 0);
	CHECK("cpu_is_online", listed_in_proc_stat(cpu));
	CHECK("node_set", node != ~0u);
	CHECK_EQ("null_pointers_allowed", getcpu(NULL, NULL), 0);
	CHECK_ERRNO("bad_cpu_pointer_efault", getcpu((unsigned *)8, NULL), EFAULT);
	CHECK_ERRNO("bad_node_pointer_efault", getcpu(&cpu, (unsigned *)8), EFAULT);
	if (on_cowl()) {
		getcpu(&cpu, NULL);
		CHECK_EQ("proc_stat_processor_agrees", stat_processor(), cpu);
	} else {
		SKIP("proc_stat_processor_agrees", "Linux may move the task between the two reads");
	}
	return test_done();
}
