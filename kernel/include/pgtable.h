/* Walking and editing 4-level page tables (kernel/mm/pgtable.c). */
#ifndef PGTABLE_H
#define PGTABLE_H
#include <asm/pgtable.h>
#include <asm/tlbflush.h>

enum pt_level { PT_PTE = 1, PT_PMD = 2, PT_PUD = 3, PT_PGD = 4 };

/*
 * The entry for `va` at `level` in the tree rooted at `pgd` (a virtual
 * address).  With `alloc`, missing intermediate tables are created (NULL if
 * memory runs out); without, NULL if one is missing.
 */
pte_t *pgtable_walk(pte_t *pgd, unsigned long va, enum pt_level level, bool alloc);
/*
 * Call fn for each leaf (PTE) table that maps part of [addr, end): with the
 * entry for addr in it and the part [addr, next) of the range it maps.
 * Absent tables are stepped over whole at every level, as Linux's
 * p?d_none_or_clear_bad loops with p?d_addr_end do, so the cost follows the
 * tables that exist, not the length of the range.  Stops at the first
 * non-zero result of fn and returns it.
 */
typedef int pte_range_fn(pte_t *pte, unsigned long addr, unsigned long next, void *arg);
int walk_pte_ranges(pte_t *pgd, unsigned long addr, unsigned long end, pte_range_fn *fn, void *arg);
/*
 * The same walk one level up: fn gets each present PMD entry over [addr,
 * end) (the entry itself, not a leaf entry) and the part [addr, next) of
 * the range its 2 MiB stretch maps, so next - addr == PMD_SIZE when the
 * range covers the stretch whole.  odf (kernel/mm/odf.c) works here.
 */
int walk_pmd_entries(pte_t *pgd, unsigned long addr, unsigned long end, pte_range_fn *fn, void *arg);
/* The leaf entry for va in the table a present PMD entry points at. */
static inline pte_t *pte_offset(pte_t *pmd, unsigned long va) { return &pte_table(*pmd)[pte_index(va)]; }
/* A new table page for any level: zeroed, its struct page's table counts reset. */
struct page *pte_alloc_one(void);
/* Map one 4 KiB page; returns false when a table could not be allocated. */
bool map_page(pte_t *pgd, unsigned long va, unsigned long phys, u64 flags);

/* The kernel's own page tables; every address space shares their upper half. */
extern pte_t *init_pgd;
void load_pgd(pte_t *pgd);
/* Boot: build init_pgd and switch to it (arch/x86_64/mm/init.c). */
void paging_init(void);
/* Switch this CPU to init_pgd (an AP, once the boot CPU has built it). */
void paging_load_kernel(void);
#endif
