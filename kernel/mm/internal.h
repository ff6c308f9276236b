/*
 * What the files of kernel/mm share among themselves and nobody else
 * needs (Linux's mm/internal.h): the VMA-list edits that mmap.c, mprotect
 * and madvise.c build on.
 */
#ifndef MM_INTERNAL_H
#define MM_INTERNAL_H
#include <mm_types.h>

struct vm_area_struct *isolate_range(struct mm_struct *mm, unsigned long start, unsigned long end, int *err);
void vma_merge_neighbours(struct vm_area_struct *vma);
#endif
