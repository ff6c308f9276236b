/*
 * The per-CPU area: one struct percpu per CPU, whose address is in the GS
 * base while the kernel runs (the user's GS base waits in KERNEL_GS_BASE:
 * SWAPGS exchanges the two at the user/kernel boundary, Intel SDM vol. 2B,
 * SWAPGS).  `this_cpu_read(field)` is one GS-relative load, as Linux's
 * this_cpu_read(); what Linux spreads over pcpu_hot, cpu_tss_rw and
 * gdt_page is one struct here.
 */
#ifndef ASM_PERCPU_H
#define ASM_PERCPU_H
#include <types.h>
#include <list.h>
#include <asm/segment.h>

#define NR_CPUS 8
#define MAX_HELD_SPINLOCKS 8 /* how many of the spinlocks a CPU holds it remembers */

struct task_struct;
struct mm_struct;
struct spinlock;

/* The 64-bit TSS (Intel SDM vol. 3A, 8.7 "Task Management in 64-bit Mode"). */
struct tss {
	u32 reserved0;
	u64 rsp[3];
	u64 reserved1;
	u64 ist[7];
	u64 reserved2;
	u16 reserved3;
	u16 iopb_offset;
} __packed;

struct percpu {
	struct percpu *self;              /* GS:0, so this_cpu() is one load */
	struct task_struct *current_task; /* `current` */
	unsigned long top_of_stack;       /* the kernel stack entry_SYSCALL_64 switches to */
	unsigned long user_rsp;           /* entry_SYSCALL_64 keeps the user's RSP here meanwhile */
	unsigned int cpu;                 /* smp_processor_id() */
	u32 apic_id;                      /* the local APIC id (the MADT's, arch/x86_64/acpi.c) */
	bool call_pending;                /* an on_each_cpu() request waits for this CPU (kernel/smp.c) */
	u64 apic_timer_irqs;              /* local APIC timer ticks taken (Linux's irq_stat field) */
	bool kernel_lock_held;            /* this CPU holds the big kernel lock (smp_lock.h) */
	unsigned int preempt_count;       /* spinlocks it holds, the big kernel lock not counted (spinlock.h) */
	struct spinlock *held_locks[MAX_HELD_SPINLOCKS]; /* the first of them, in the order taken */
	struct task_struct *idle;         /* what it runs when its run queue is empty */
	struct list_head runqueue;        /* its runnable tasks but the running one (kernel/sched/core.c) */
	bool need_resched;                /* switch tasks at the next chance */
	bool in_irq_window;               /* a tick now interrupted the kernel (cond_resched), not the user */
	struct mm_struct *loaded_mm;      /* whose user page tables CR3 holds, NULL for the kernel's (arch/x86_64/mm/tlb.c) */
	u64 gdt[GDT_ENTRIES] __aligned(16);
	struct tss tss __aligned(16);
	u8 double_fault_stack[4096] __aligned(16); /* TSS IST1 */
};

extern struct percpu percpu_areas[NR_CPUS];

#define this_cpu_read(field)                                                            \
	({                                                                              \
		__typeof__(((struct percpu *)0)->field) v__;                            \
		__asm__ volatile("mov %%gs:%c1, %0" : "=r"(v__) : "i"(offsetof(struct percpu, field))); \
		v__;                                                                    \
	})
#define this_cpu_write(field, val)                                                     \
	do {                                                                           \
		__typeof__(((struct percpu *)0)->field) v__ = (val);                   \
		__asm__ volatile("mov %0, %%gs:%c1" : : "r"(v__), "i"(offsetof(struct percpu, field)) : "memory"); \
	} while (0)

static inline struct percpu *this_cpu(void) { return this_cpu_read(self); }
static inline struct percpu *per_cpu_area(unsigned int cpu) { return &percpu_areas[cpu]; }

/* Point GS at CPU cpu's area, whose first task is idle: the first thing each CPU does in C. */
void percpu_setup(unsigned int cpu, struct task_struct *idle);
#endif
