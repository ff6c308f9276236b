/* Which address space a CPU has loaded (Linux's asm/mmu_context.h; arch/x86_64/mm/tlb.c). */
#ifndef ASM_MMU_CONTEXT_H
#define ASM_MMU_CONTEXT_H

struct mm_struct;

/*
 * Load next's page tables on this CPU (for NULL, the kernel's alone), and
 * move this CPU from the previous mm's mm_cpumask to next's.  A kernel
 * thread does not call it: it keeps the loaded mm (lazy TLB) and stays in
 * its mask, so it still takes that mm's shootdowns.
 */
void switch_mm(struct mm_struct *next);
#endif
