/*
 * /sys: only the sysfs files C libraries read to count CPUs, made from
 * proc_entry tables as /proc's subdirectories are (proc.c), read-only.
 * glibc's sysconf(_SC_NPROCESSORS_ONLN) reads devices/system/cpu/online
 * and _SC_NPROCESSORS_CONF devices/system/cpu/possible; musl asks
 * sched_getaffinity(2) for both.  The files are cpu lists as Linux writes
 * them (Documentation/admin-guide/cputopology.rst): "0-3", "0,2", "0".
 */
#include "proc_internal.h"
#include <cpumask.h>
#include <printk.h>

/* Far above /proc's numbers: each level down multiplies by 64 (struct proc_dir). */
#define SYSFS_ROOT_INO (1UL << 20)

/* The CPUs of mask as ranges: "0-2,5\n". */
static void seq_cpulist(struct seq_buf *m, const struct cpumask *mask)
{
	const char *sep = "";

	for (unsigned int cpu = 0; cpu < NR_CPUS; cpu++) {
		if (!cpumask_test_cpu(cpu, mask))
			continue;
		unsigned int last = cpu;
		while (last + 1 < NR_CPUS && cpumask_test_cpu(last + 1, mask))
			last++;
		if (last == cpu)
			seq_printf(m, "%s%u", sep, cpu);
		else
			seq_printf(m, "%s%u-%u", sep, cpu, last);
		sep = ",";
		cpu = last;
	}
	seq_printf(m, "\n");
}

static int cpu_online_show(struct task_struct *t, struct seq_buf *m)
{
	(void)t;
	seq_cpulist(m, cpu_online_mask);
	return 0;
}

static int cpu_possible_show(struct task_struct *t, struct seq_buf *m)
{
	(void)t;
	seq_cpulist(m, cpu_possible_mask);
	return 0;
}

static const struct proc_entry cpu_entries[] = {
	{ .name = "online", .show = cpu_online_show },
	{ .name = "possible", .show = cpu_possible_show },
};
static const struct proc_dir cpu_dir = {
	.entries = cpu_entries,
	.nr_entries = ARRAY_SIZE(cpu_entries),
};

static const struct proc_entry system_entries[] = {
	{ .name = "cpu", .dir = &cpu_dir },
};
static const struct proc_dir system_dir = {
	.entries = system_entries,
	.nr_entries = ARRAY_SIZE(system_entries),
};

static const struct proc_entry devices_entries[] = {
	{ .name = "system", .dir = &system_dir },
};
static const struct proc_dir devices_dir = {
	.entries = devices_entries,
	.nr_entries = ARRAY_SIZE(devices_entries),
};

static const struct proc_entry sysfs_root_entries[] = {
	{ .name = "devices", .dir = &devices_dir },
};
static const struct proc_dir sysfs_root_dir = {
	.entries = sysfs_root_entries,
	.nr_entries = ARRAY_SIZE(sysfs_root_entries),
};

/* The sysfs root appears in place of `mountpoint`, as proc_mount() does it for /proc. */
void sysfs_mount(struct dentry *mountpoint)
{
	struct dentry *root = proc_new_dir(NULL, "sys", 3, SYSFS_ROOT_INO, &sysfs_root_dir);

	if (IS_ERR(root))
		panic("sysfs: out of memory");
	d_mount(mountpoint, root);
}
