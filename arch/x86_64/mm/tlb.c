/*
 * TLB shootdown (docs/smp.md).  A CPU caches translations in its TLB and
 * never sees another CPU change the page tables behind them (Intel SDM
 * vol. 3A, 4.10.5 "Propagation of Paging-Structure Changes to Multiple
 * Processors"): the CPU that takes a right away from a PTE must make every
 * CPU that may hold the old translation drop it, by IPI, and wait for
 * them, before the change counts as done.  mm_cpumask(mm) says which CPUs
 * those are: the ones that loaded mm in switch_mm() and have not loaded
 * another since (an idle CPU keeps the last one, lazily).
 */
#include <mm_types.h>
#include <pgtable.h>
#include <smp.h>
#include <trace.h>
#include <vmstat.h>
#include <asm/cpu.h>
#include <asm/mmu_context.h>
#include <asm/tlbflush.h>

/* Above this many pages one CR3 load costs less than the INVLPGs (Linux's tlb_single_page_flush_ceiling). */
#define FLUSH_CEILING 33

void switch_mm(struct mm_struct *next)
{
	unsigned int cpu = smp_processor_id();
	struct mm_struct *prev = this_cpu_read(loaded_mm);

	if (prev == next)
		return;
	/* In next's mask before CR3 can fill the TLB with its translations; out of prev's once they are gone. */
	if (next)
		cpumask_set_cpu(cpu, mm_cpumask(next));
	load_pgd(next ? next->pgd : init_pgd);
	this_cpu_write(loaded_mm, next);
	if (prev)
		cpumask_clear_cpu(cpu, mm_cpumask(prev));
}

struct flush_tlb_info {
	struct mm_struct *mm;
	unsigned long start, end;
};

/* Drop this CPU's translations of the range, if it has the mm loaded (a CR3 load since dropped them all). */
static void flush_tlb_func(const struct flush_tlb_info *f)
{
	if (this_cpu_read(loaded_mm) != f->mm)
		return;
	if ((f->end - f->start) >> PAGE_SHIFT > FLUSH_CEILING) {
		write_cr3(read_cr3()); /* every non-global entry: the kernel's are global */
		return;
	}
	for (unsigned long addr = f->start; addr < f->end; addr += PAGE_SIZE)
		flush_tlb_one(addr);
}

/* The CALL_FUNCTION_VECTOR request on the other CPUs: interrupts off, without the big kernel lock. */
static void flush_tlb_remote(void *info)
{
	count_vm_event(NR_TLB_REMOTE_FLUSH_RECEIVED);
	flush_tlb_func(info);
}

void flush_tlb_mm_range(struct mm_struct *mm, unsigned long start, unsigned long end)
{
	struct flush_tlb_info info = { .mm = mm, .start = start, .end = end };
	struct cpumask others = { __atomic_load_n(&mm_cpumask(mm)->bits, __ATOMIC_SEQ_CST) };

	flush_tlb_func(&info);
	cpumask_clear_cpu(smp_processor_id(), &others);
	if (!others.bits)
		return;
	count_vm_event(NR_TLB_REMOTE_FLUSH);
	trace_tlb_shootdown(start, end, others.bits);
	smp_call_function_many(&others, flush_tlb_remote, &info, 1);
}
