/*
 * What the files of kernel/mm share among themselves and nobody else
 * needs (Linux's mm/internal.h): the VMA-list edits that mmap.c, mprotect
 * and madvise.c build on.
 */
#ifndef MM_INTERNAL_H
#define MM_INTERNAL_H
#include <mm_types.h>
#include <asm/pgtable.h>

typedef int split_fn(struct vm_area_struct *vma, unsigned long addr);
/* Cut vma in two at addr, unless the address space has vm.max_map_count VMAs (ENOMEM). */
int split_vma(struct vm_area_struct *vma, unsigned long addr);
struct vm_area_struct *isolate_range(struct mm_struct *mm, unsigned long start, unsigned long end,
				     split_fn *split, int *err);
void vma_merge_neighbours(struct vm_area_struct *vma);

/*
 * odf.c: leaf tables shared copy-on-write between forked address spaces.
 * A shared table is reached through a present PMD entry without its write
 * bit (every other intermediate entry has it, pgtable.c).  `why` names
 * the cause in the trace ("write", "munmap", ...).
 */
static inline bool pmd_shared(pte_t pmd) { return pte_present(pmd) && !pte_write(pmd); }
bool vma_shares_tables(const struct vm_area_struct *vma);
int share_pte_table(struct mm_struct *dst_mm, pte_t *src_pmd, unsigned long addr);
int unshare_pte_table(struct mm_struct *mm, pte_t *pmd, unsigned long addr, const char *why);
int unshare_pte_tables(struct mm_struct *mm, unsigned long start, unsigned long end, bool edges_only,
		       const char *why);
void drop_pte_tables(struct mm_struct *mm, unsigned long start, unsigned long end, const char *why);
#endif
