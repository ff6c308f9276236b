/* Walking and editing 4-level page tables (kernel/mm/pgtable.c). */
#ifndef PGTABLE_H
#define PGTABLE_H
#include <asm/pgtable.h>

enum pt_level { PT_PTE = 1, PT_PMD = 2, PT_PUD = 3 };

/*
 * The entry for `va` at `level` in the tree rooted at `pgd` (a virtual
 * address).  With `alloc`, missing intermediate tables are created (NULL if
 * memory runs out); without, NULL if one is missing.
 */
pte_t *pgtable_walk(pte_t *pgd, unsigned long va, enum pt_level level, bool alloc);
/* Map one 4 KiB page; returns false when a table could not be allocated. */
bool map_page(pte_t *pgd, unsigned long va, unsigned long phys, u64 flags);

/* The kernel's own page tables; every address space shares their upper half. */
extern pte_t *init_pgd;
void load_pgd(pte_t *pgd);
static inline void flush_tlb_one(unsigned long va) { __asm__ volatile("invlpg (%0)" : : "r"(va) : "memory"); }
#endif
