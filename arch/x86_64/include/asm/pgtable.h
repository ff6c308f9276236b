/* x86-64 4-level paging entries (Intel SDM vol. 3A, 4.5 "4-Level Paging"). */
#ifndef ASM_PGTABLE_H
#define ASM_PGTABLE_H
#include <types.h>
#include <asm/page.h>

typedef u64 pte_t;

#define _PAGE_PRESENT (1ul << 0)
#define _PAGE_RW (1ul << 1)
#define _PAGE_USER (1ul << 2)
#define _PAGE_PWT (1ul << 3)
#define _PAGE_PCD (1ul << 4)
#define _PAGE_ACCESSED (1ul << 5)
#define _PAGE_DIRTY (1ul << 6)
#define _PAGE_PSE (1ul << 7)
#define _PAGE_GLOBAL (1ul << 8)
#define _PAGE_NX (1ul << 63)
/*
 * A PROT_NONE page: not present to the MMU, so neither the user nor the
 * kernel's user copies can reach it, but the frame stays mapped for the
 * page-table code.  Bit 8 is free for software when P is 0 (SDM vol. 3A,
 * 4.5); Linux's _PAGE_PROTNONE is the same bit.
 */
#define _PAGE_PROTNONE _PAGE_GLOBAL
#define PTE_PFN_MASK 0x000ffffffffff000ul

/* Bits an intermediate table entry gets: the leaf decides the real rights. */
#define _PAGE_TABLE (_PAGE_PRESENT | _PAGE_RW | _PAGE_USER)
#define PAGE_KERNEL (_PAGE_PRESENT | _PAGE_RW | _PAGE_NX | _PAGE_GLOBAL)
#define PAGE_KERNEL_RO (_PAGE_PRESENT | _PAGE_NX | _PAGE_GLOBAL)
#define PAGE_KERNEL_EXEC (_PAGE_PRESENT | _PAGE_GLOBAL)

#define PTRS_PER_TABLE 512
#define PGDIR_SHIFT 39
#define PUD_SHIFT 30
#define PMD_SHIFT 21
#define PMD_SIZE (1ul << PMD_SHIFT)
#define PMD_MASK (~(PMD_SIZE - 1))
#define PUD_SIZE (1ul << PUD_SHIFT)
#define PGDIR_SIZE (1ul << PGDIR_SHIFT)
#define USER_PGD_ENTRIES 256 /* PML4 entries 0..255 are user space */

static inline unsigned pgd_index(unsigned long va) { return (va >> PGDIR_SHIFT) & (PTRS_PER_TABLE - 1); }
static inline unsigned pud_index(unsigned long va) { return (va >> PUD_SHIFT) & (PTRS_PER_TABLE - 1); }
static inline unsigned pmd_index(unsigned long va) { return (va >> PMD_SHIFT) & (PTRS_PER_TABLE - 1); }
static inline unsigned pte_index(unsigned long va) { return (va >> PAGE_SHIFT) & (PTRS_PER_TABLE - 1); }
static inline unsigned long pte_pfn(pte_t pte) { return (pte & PTE_PFN_MASK) >> PAGE_SHIFT; }
static inline bool pte_present(pte_t pte) { return pte & (_PAGE_PRESENT | _PAGE_PROTNONE); }
static inline bool pte_write(pte_t pte) { return pte & _PAGE_RW; }
static inline pte_t *pte_table(pte_t entry) { return (pte_t *)__va(entry & PTE_PFN_MASK); }

/* Editing a leaf entry's rights; pte_modify keeps the frame and what the CPU recorded (accessed, dirty). */
#define _PAGE_CHG_MASK (PTE_PFN_MASK | _PAGE_ACCESSED | _PAGE_DIRTY)
static inline pte_t pte_mkwrite(pte_t pte) { return pte | _PAGE_RW; }
static inline pte_t pte_wrprotect(pte_t pte) { return pte & ~_PAGE_RW; }
static inline pte_t pte_mkdirty(pte_t pte) { return pte | _PAGE_DIRTY; }
static inline pte_t pte_modify(pte_t pte, pte_t newprot) { return (pte & _PAGE_CHG_MASK) | newprot; }
/* Install or clear an entry.  x86 needs neither mm nor addr; they say which table it is, as in Linux. */
struct mm_struct;
static inline void set_pte_at(struct mm_struct *mm, unsigned long addr, pte_t *ptep, pte_t pte)
{
	(void)mm, (void)addr;
	*ptep = pte;
}
static inline void pte_clear(struct mm_struct *mm, unsigned long addr, pte_t *ptep) { set_pte_at(mm, addr, ptep, 0); }
#endif
