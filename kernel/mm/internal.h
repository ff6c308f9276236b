/*
 * What the files of kernel/mm share among themselves and nobody else
 * needs (Linux's mm/internal.h): the VMA-list edits that mmap.c, mprotect
 * and madvise.c build on.
 */
#ifndef MM_INTERNAL_H
#define MM_INTERNAL_H
#include <mm_types.h>

typedef int split_fn(struct vm_area_struct *vma, unsigned long addr);
/* Cut vma in two at addr, unless the address space has vm.max_map_count VMAs (ENOMEM). */
int split_vma(struct vm_area_struct *vma, unsigned long addr);
struct vm_area_struct *isolate_range(struct mm_struct *mm, unsigned long start, unsigned long end,
				     split_fn *split, int *err);
void vma_merge_neighbours(struct vm_area_struct *vma);
#endif
