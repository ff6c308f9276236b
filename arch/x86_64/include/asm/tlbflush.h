/*
 * Dropping stale translations from the TLB (Intel SDM vol. 3A, 4.10.4
 * "Invalidation of TLBs"), on this CPU and, by IPI, on the others that
 * have the address space loaded (arch/x86_64/mm/tlb.c, docs/smp.md).
 */
#ifndef ASM_TLBFLUSH_H
#define ASM_TLBFLUSH_H
#include <asm/page.h>

struct mm_struct;

/* INVLPG: forget, on this CPU only, the translation of the page holding va. */
static inline void flush_tlb_one(unsigned long va) { __asm__ volatile("invlpg (%0)" : : "r"(va) : "memory"); }

/*
 * A right was taken from PTEs of mm in [start, end) (or a PTE now points
 * at another frame): flush them here if mm is loaded, and on every other
 * CPU in mm_cpumask(mm) by IPI, returning once all have.  Call with the
 * big kernel lock held, after changing the PTEs and before freeing or
 * reusing a frame they mapped.
 */
void flush_tlb_mm_range(struct mm_struct *mm, unsigned long start, unsigned long end);
#define TLB_FLUSH_ALL (~0UL) /* an end that makes flush_tlb_mm_range() drop all of mm's entries */
/* All of mm's translations, on every CPU that has it loaded: one CR3 load each. */
static inline void flush_tlb_mm(struct mm_struct *mm)
{
	flush_tlb_mm_range(mm, 0, TLB_FLUSH_ALL);
}
static inline void flush_tlb_page(struct mm_struct *mm, unsigned long addr)
{
	flush_tlb_mm_range(mm, addr & PAGE_MASK, (addr & PAGE_MASK) + PAGE_SIZE);
}
#endif
