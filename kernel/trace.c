/*
 * The trace events' text.  Each line starts with the event's kind and the
 * CPU it happened on, then the pid and the command of the process
 * ("[cow cpu1] pid 6 (cowdemo)"), so a demo's events stand apart from its
 * shell's and two CPUs' from each other; faults name the VMA as
 * /proc/PID/maps does, and signals go by name.
 */
#include <trace.h>
#include <sched.h>
#include <printk.h>
#include <proc_fs.h>
#include <mm_types.h>
#include <string.h>
#include <uapi/sched.h>
#include <log_ring.h>
#include <smp.h>

#define TRACE_RING_LEN (16 * 1024)

unsigned trace_mask;
/* The most recent trace lines (cowl-trace in gdb). */
DEFINE_LOG_RING(trace_ring, TRACE_RING_LEN);

static const struct {
	const char *name;
	unsigned mask;
} kinds[] = {
	{ "cow", TRACE_COW }, { "fault", TRACE_FAULT }, { "clone", TRACE_CLONE }, { "exec", TRACE_EXEC },
	{ "exit", TRACE_EXIT }, { "wait", TRACE_WAIT }, { "sched", TRACE_SCHED },
	{ "odf", TRACE_ODF }, { "tlb", TRACE_TLB },
};

int trace_parse(const char *list)
{
	int mask = 0;

	while (*list) {
		const char *end = strchr(list, ',');
		size_t n = end ? (size_t)(end - list) : strlen(list);
		bool found = false;
		for (size_t i = 0; i < ARRAY_SIZE(kinds); i++) {
			if (strlen(kinds[i].name) == n && !strncmp(kinds[i].name, list, n)) {
				mask |= kinds[i].mask;
				found = true;
			}
		}
		if (n == 3 && !strncmp(list, "all", 3))
			mask = TRACE_ALL, found = true;
		if ((n == 4 && !strncmp(list, "none", 4)) || (n == 3 && !strncmp(list, "off", 3)))
			found = true;
		if (!found)
			return -1;
		list += n + (end != NULL);
	}
	return mask;
}

void trace_format(unsigned mask, char *buf, size_t size)
{
	size_t len = 0;

	buf[0] = '\0';
	for (size_t i = 0; i < ARRAY_SIZE(kinds); i++)
		if (mask & kinds[i].mask)
			len += snprintf(buf + len, size - MIN(len, size), "%s%s", len ? "," : "", kinds[i].name);
	if (!len)
		snprintf(buf, size, "none");
}

/* "[kind cpuN] " and the event.  Trace lines were asked for: they reach the console even under `quiet`. */
__attribute__((format(printf, 2, 3))) static void trace_line(const char *kind, const char *fmt, ...)
{
	char buf[384];
	va_list ap;
	int n = snprintf(buf, sizeof(buf), "[%s cpu%u] ", kind, smp_processor_id());

	va_start(ap, fmt);
	n += vsnprintf(buf + n, sizeof(buf) - n, fmt, ap);
	va_end(ap);
	size_t len = MIN((size_t)n, sizeof(buf) - 1);
	log_ring_write(&trace_ring, buf, len);
	console_print(buf, len);
}

/* "pid 6 (cowdemo)": the current process, as every line names it. */
static const char *who(char *buf, size_t size)
{
	if (!current)
		return "pid 0 (boot)";
	snprintf(buf, size, "pid %d (%s)", current->pid, current->comm);
	return buf;
}

/* " [stack]", " /bin/cowdemo" or "" for an anonymous mapping. */
static const char *where(const struct vm_area_struct *vma, char *buf, size_t size)
{
	char name[200];
	const char *n = proc_vma_name(vma, name, sizeof(name));

	snprintf(buf, size, "%s%s", *n ? " " : "", n);
	return buf;
}

void __trace_cow_fault(const struct vm_area_struct *vma, unsigned long addr, unsigned long old_pfn,
		       unsigned long new_pfn, int count, bool copied)
{
	char w[48], v[208];

	if (copied)
		trace_line("cow", "%s write at %lx%s: frame %lx shared by %d -> copied to frame %lx\n",
			   who(w, sizeof(w)), addr, where(vma, v, sizeof(v)), old_pfn, count, new_pfn);
	else
		trace_line("cow", "%s write at %lx%s: frame %lx has one owner -> reused, no copy\n",
			   who(w, sizeof(w)), addr, where(vma, v, sizeof(v)), old_pfn);
}

void __trace_demand_fault(const struct vm_area_struct *vma, unsigned long addr, unsigned long pfn, bool file)
{
	char w[48], v[208];

	trace_line("fault", "%s at %lx%s: new %s frame %lx\n", who(w, sizeof(w)), addr,
		   where(vma, v, sizeof(v)), file ? "file" : "zeroed", pfn);
}

/* fork met a VMA that madvise told not to copy as usual (VM_DONTCOPY, VM_WIPEONFORK). */
void __trace_fork_vma(const struct vm_area_struct *vma, const char *what)
{
	char w[48], v[208];

	trace_line("clone", "%s %lx-%lx%s: %s\n", who(w, sizeof(w)), vma->vm_start, vma->vm_end,
		   where(vma, v, sizeof(v)), what);
}

/* odf fork, one shared leaf table; the child is named, so the line comes once its pid exists. */
void __trace_odf_share(int child, unsigned long table_pfn, unsigned nr_ptes, unsigned long addr)
{
	char w[48];

	trace_line("odf", "%s shares table %lx (%u ptes) at %lx with child %d\n", who(w, sizeof(w)), table_pfn,
		   nr_ptes, addr, child);
}

/* A shared table left one sharer: copied (new_pfn), taken back by the last (new_pfn == old_pfn), or dropped (0). */
void __trace_odf_unshare(unsigned long addr, const char *why, unsigned long old_pfn, int users,
			 unsigned long new_pfn)
{
	char w[48];

	if (!new_pfn)
		trace_line("odf", "%s %s at %lx: table %lx shared by %d -> dropped\n", who(w, sizeof(w)), why, addr,
			   old_pfn, users);
	else if (new_pfn == old_pfn)
		trace_line("odf", "%s %s at %lx: table %lx has one user -> reused, no copy\n", who(w, sizeof(w)), why,
			   addr, old_pfn);
	else
		trace_line("odf", "%s %s at %lx: table %lx shared by %d -> copied to table %lx\n", who(w, sizeof(w)),
			   why, addr, old_pfn, users, new_pfn);
}

static const struct {
	u64 flag;
	const char *name;
} clone_flags[] = {
	{ CLONE_VM, "CLONE_VM" }, { CLONE_FS, "CLONE_FS" }, { CLONE_FILES, "CLONE_FILES" },
	{ CLONE_SIGHAND, "CLONE_SIGHAND" }, { CLONE_VFORK, "CLONE_VFORK" }, { CLONE_PARENT, "CLONE_PARENT" },
	{ CLONE_THREAD, "CLONE_THREAD" }, { CLONE_NEWNS, "CLONE_NEWNS" }, { CLONE_SYSVSEM, "CLONE_SYSVSEM" },
	{ CLONE_SETTLS, "CLONE_SETTLS" }, { CLONE_PARENT_SETTID, "CLONE_PARENT_SETTID" },
	{ CLONE_CHILD_CLEARTID, "CLONE_CHILD_CLEARTID" }, { CLONE_CHILD_SETTID, "CLONE_CHILD_SETTID" },
	{ CLONE_NEWUTS, "CLONE_NEWUTS" }, { CLONE_NEWPID, "CLONE_NEWPID" },
};

void __trace_clone(u64 flags, int child)
{
	char w[48], buf[320];
	size_t len = 0;

	for (size_t i = 0; i < ARRAY_SIZE(clone_flags); i++)
		if (flags & clone_flags[i].flag)
			len += snprintf(buf + len, sizeof(buf) - len, "%s|", clone_flags[i].name);
	int sig = (int)(flags & CSIGNAL);
	const char *name = sigabbrev_np(sig);
	if (name)
		snprintf(buf + len, sizeof(buf) - len, "sig=SIG%s", name);
	else
		snprintf(buf + len, sizeof(buf) - len, "sig=%d", sig);
	trace_line("clone", "%s -> child %d flags %s\n", who(w, sizeof(w)), child, buf);
}

void __trace_exec(const char *path)
{
	char w[48];

	trace_line("exec", "%s %s\n", who(w, sizeof(w)), path);
}

void __trace_exit(int code)
{
	char w[48];

	trace_line("exit", "%s status %x\n", who(w, sizeof(w)), code);
}

void __trace_wait(int pid, int status)
{
	char w[48];

	trace_line("wait", "%s reaped %d status %x\n", who(w, sizeof(w)), pid, status);
}

void __trace_switch(int prev, int next)
{
	trace_line("sched", "%d -> %d\n", prev, next);
}

void __trace_tlb_shootdown(unsigned long start, unsigned long end, unsigned long cpus)
{
	char w[48], list[8 * NR_CPUS] = "";
	size_t len = 0;

	for (unsigned cpu = 0; cpu < NR_CPUS; cpu++)
		if (cpus & (1ul << cpu))
			len += snprintf(list + len, sizeof(list) - len, "%scpu%u", len ? "," : "", cpu);
	trace_line("tlb", "%s shootdown %lx-%lx (%lu pages): IPI to %s\n", who(w, sizeof(w)), start, end,
		   (end - start) >> PAGE_SHIFT, list);
}
