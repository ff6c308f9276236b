/* Dropping stale translations from the TLB (Intel SDM vol. 3A, 4.10.4 "Invalidation of TLBs"). */
#ifndef ASM_TLBFLUSH_H
#define ASM_TLBFLUSH_H

/* INVLPG: forget the translation of the page holding va. */
static inline void flush_tlb_one(unsigned long va) { __asm__ volatile("invlpg (%0)" : : "r"(va) : "memory"); }

struct mm_struct;
/*
 * Forget mm's translations of [start, end) (Linux's flush_tlb_mm_range),
 * wherever mm is loaded: called after an entry lost a right or a table was
 * unlinked, before the frame it pointed at may be reused.  One CPU: only
 * when mm is the loaded address space (arch/x86_64/mm/tlb.c).
 */
void flush_tlb_mm_range(struct mm_struct *mm, unsigned long start, unsigned long end);
#endif
