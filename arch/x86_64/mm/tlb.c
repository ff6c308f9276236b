/*
 * TLB flushes of a user address space.  INVLPG drops one page's
 * translation and the paging-structure cache entries used for it; a CR3
 * write drops every non-global translation (Intel SDM vol. 3A, 4.10.4.1).
 * Past a few dozen pages the reload is the cheaper of the two, as in
 * Linux's tlb_single_page_flush_ceiling.
 */
#include <asm/tlbflush.h>
#include <pgtable.h>
#include <sched.h>
#include <mm_types.h>

#define FLUSH_CEILING_PAGES 33

void flush_tlb_mm_range(struct mm_struct *mm, unsigned long start, unsigned long end)
{
	if (!current || mm != current->active_mm)
		return; /* not loaded here, so nothing of it is cached (one CPU) */
	if ((end - start) >> PAGE_SHIFT > FLUSH_CEILING_PAGES) {
		load_pgd(mm->pgd);
		return;
	}
	for (unsigned long va = start & PAGE_MASK; va < end; va += PAGE_SIZE)
		flush_tlb_one(va);
}
