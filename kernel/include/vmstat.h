/* Event counters shown in /proc/vmstat (kernel-private but for the nr_tlb_ ones, which Linux has too). */
#ifndef VMSTAT_H
#define VMSTAT_H

enum vm_event {
	COW_FAULT_COPY,   /* a write to a shared private page copied it */
	COW_FAULT_REUSE,  /* ... the writer was the last owner: made writable in place */
	ZERO_PAGE_MAP,    /* a read mapped the shared zero page */
	DEMAND_ZERO,      /* a new zero-filled anonymous page */
	DEMAND_FILE,      /* a page read in from a file */
	ODF_TABLE_SHARE,  /* odf fork: a child's PMD entry points at its parent's leaf table */
	ODF_TABLE_COPY,   /* ... a fault or an edit gave one sharer a copy of a shared table */
	ODF_TABLE_REUSE,  /* ... the last sharer took the table back, nothing copied */
	ODF_TABLE_DROP,   /* ... a sharer let go of a table whose whole stretch it unmapped (or exit) */
	NR_TLB_REMOTE_FLUSH,          /* shootdowns that interrupted other CPUs (Linux's name) */
	NR_TLB_REMOTE_FLUSH_RECEIVED, /* ... counted once on each CPU interrupted (Linux's name) */
	NR_VM_EVENTS,
};
extern unsigned long vm_events[NR_VM_EVENTS];

/* For events counted without the big kernel lock (the shootdown IPI): atomic. */
static inline void count_vm_event(enum vm_event item) { __atomic_fetch_add(&vm_events[item], 1, __ATOMIC_RELAXED); }
#endif
