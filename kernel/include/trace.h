/*
 * Event tracing: one readable console line per event, for the kinds chosen
 * with `trace=cow,clone,...` on the command line or at run time through
 * /proc/cowl/trace.  When a kind is off its cost is one test of a bit.
 */
#ifndef TRACE_H
#define TRACE_H
#include <types.h>

enum trace_kind {
	TRACE_COW = 1 << 0,    /* copy-on-write faults: copy or reuse */
	TRACE_FAULT = 1 << 1,  /* demand faults: zero-filled or file pages */
	TRACE_CLONE = 1 << 2,  /* kernel_clone: parent, child, flags */
	TRACE_EXEC = 1 << 3,
	TRACE_EXIT = 1 << 4,
	TRACE_WAIT = 1 << 5,
	TRACE_SCHED = 1 << 6,  /* context switches */
	TRACE_ODF = 1 << 7,    /* on-demand fork: leaf tables shared, copied, reused, dropped */
	TRACE_TLB = 1 << 8,    /* TLB shootdowns: the range and the CPUs interrupted */
	TRACE_ALL = (1 << 9) - 1,
};

extern unsigned trace_mask;

/* Parse "cow,clone" (or "all", "none"/"off") into a mask; -1 if a word is unknown. */
int trace_parse(const char *list);
/* The names of the kinds in mask, comma-separated ("none" if empty). */
void trace_format(unsigned mask, char *buf, size_t size);

struct vm_area_struct;

void __trace_cow_fault(const struct vm_area_struct *vma, unsigned long addr, unsigned long old_pfn,
		       unsigned long new_pfn, int count, bool copied);
void __trace_demand_fault(const struct vm_area_struct *vma, unsigned long addr, unsigned long pfn, bool file);
void __trace_clone(u64 flags, int child);
void __trace_fork_vma(const struct vm_area_struct *vma, const char *what);
void __trace_odf_share(int child, unsigned long table_pfn, unsigned nr_ptes, unsigned long addr);
void __trace_odf_unshare(unsigned long addr, const char *why, unsigned long old_pfn, int users,
			 unsigned long new_pfn);
void __trace_exec(const char *path);
void __trace_exit(int code);
void __trace_wait(int pid, int status);
void __trace_switch(int prev, int next);
void __trace_tlb_shootdown(unsigned long start, unsigned long end, unsigned long cpus);

#define TRACE_HOOK(kind, call) do { if (unlikely(trace_mask & (kind))) call; } while (0)
#define trace_cow_fault(...) TRACE_HOOK(TRACE_COW, __trace_cow_fault(__VA_ARGS__))
#define trace_demand_fault(...) TRACE_HOOK(TRACE_FAULT, __trace_demand_fault(__VA_ARGS__))
#define trace_clone(...) TRACE_HOOK(TRACE_CLONE, __trace_clone(__VA_ARGS__))
#define trace_fork_vma(...) TRACE_HOOK(TRACE_CLONE, __trace_fork_vma(__VA_ARGS__))
#define trace_odf_unshare(...) TRACE_HOOK(TRACE_ODF, __trace_odf_unshare(__VA_ARGS__))
#define trace_exec(...) TRACE_HOOK(TRACE_EXEC, __trace_exec(__VA_ARGS__))
#define trace_exit(...) TRACE_HOOK(TRACE_EXIT, __trace_exit(__VA_ARGS__))
#define trace_wait(...) TRACE_HOOK(TRACE_WAIT, __trace_wait(__VA_ARGS__))
#define trace_switch(...) TRACE_HOOK(TRACE_SCHED, __trace_switch(__VA_ARGS__))
#define trace_tlb_shootdown(...) TRACE_HOOK(TRACE_TLB, __trace_tlb_shootdown(__VA_ARGS__))
#endif
