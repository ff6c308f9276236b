/* Dropping stale translations from the TLB (Intel SDM vol. 3A, 4.10.4 "Invalidation of TLBs"). */
#ifndef ASM_TLBFLUSH_H
#define ASM_TLBFLUSH_H

/* INVLPG: forget the translation of the page holding va. */
static inline void flush_tlb_one(unsigned long va) { __asm__ volatile("invlpg (%0)" : : "r"(va) : "memory"); }
#endif
