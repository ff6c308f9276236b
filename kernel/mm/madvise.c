/*
 * madvise(2): advice about a range of the address space.  Some advice only
 * informs paging (Cowl neither reads ahead nor swaps, so it is accepted and
 * has no effect), some drops pages now (MADV_DONTNEED, MADV_FREE), and some
 * is remembered in the VMA flags, splitting a VMA where the range covers
 * part of it: what fork does with the range (MADV_DONTFORK, MADV_WIPEONFORK,
 * read by dup_mmap) and hints shown in /proc/PID/smaps.  Errors are Linux's:
 * unknown advice or an unaligned start is EINVAL, a hole in the range
 * ENOMEM (after the mapped parts took the advice).
 */
#include <mm_types.h>
#include <mm.h>
#include <sched.h>
#include <syscalls.h>
#include <uapi/mman.h>
#include <uapi/errno.h>
#include "internal.h"

static bool madvise_behavior_valid(int behavior)
{
	switch (behavior) {
	case MADV_NORMAL: case MADV_RANDOM: case MADV_SEQUENTIAL: case MADV_WILLNEED:
	case MADV_COLD: case MADV_PAGEOUT:
	case MADV_DONTNEED: case MADV_DONTNEED_LOCKED: case MADV_FREE:
	case MADV_DONTFORK: case MADV_DOFORK: case MADV_WIPEONFORK: case MADV_KEEPONFORK:
	case MADV_DONTDUMP: case MADV_DODUMP: case MADV_HUGEPAGE: case MADV_NOHUGEPAGE:
		return true;
	default:
		/* Also MADV_REMOVE, MADV_MERGEABLE (KSM), MADV_POPULATE_*, MADV_COLLAPSE, MADV_HWPOISON:
		 * not implemented, refused as a Linux built without them refuses them. */
		return false;
	}
}

/*
 * Drop the pages of [start, end) now.  A later access faults in a fresh
 * page: zeroes for private anonymous memory, the file's data for a private
 * file mapping, the shared object's page (its data kept) for a shared one.
 * MADV_FREE may drop pages lazily; dropping them at once is one way to do it,
 * but Linux allows it on private anonymous memory only.
 */
static int madvise_dontneed(struct vm_area_struct *vma, unsigned long start, unsigned long end, int behavior)
{
	if (behavior == MADV_FREE && (vma->vm_file || (vma->vm_flags & VM_SHARED)))
		return -EINVAL;
	int err = unshare_pte_tables(vma->vm_mm, start, end, true, "madvise");
	if (err)
		return err;
	drop_pte_tables(vma->vm_mm, start, end, "madvise");
	zap_page_range(vma, start, end);
	return 0;
}

/* The VMA flags the advice asks for; *err is set where the VMA cannot take it. */
static unsigned long madvise_vm_flags(const struct vm_area_struct *vma, int behavior, int *err)
{
	unsigned long f = vma->vm_flags;

	switch (behavior) {
	case MADV_NORMAL: return f & ~(VM_SEQ_READ | VM_RAND_READ);
	case MADV_SEQUENTIAL: return (f & ~VM_RAND_READ) | VM_SEQ_READ;
	case MADV_RANDOM: return (f & ~VM_SEQ_READ) | VM_RAND_READ;
	case MADV_DONTFORK: return f | VM_DONTCOPY;
	case MADV_DOFORK: return f & ~VM_DONTCOPY;
	case MADV_WIPEONFORK:
		if (vma->vm_file || (f & VM_SHARED))
			*err = -EINVAL; /* only private anonymous memory can start empty in the child */
		return f | VM_WIPEONFORK;
	case MADV_KEEPONFORK: return f & ~VM_WIPEONFORK;
	case MADV_DONTDUMP: return f | VM_DONTDUMP;
	case MADV_DODUMP: return f & ~VM_DONTDUMP;
	case MADV_HUGEPAGE: return (f & ~VM_NOHUGEPAGE) | VM_HUGEPAGE;
	case MADV_NOHUGEPAGE: return (f & ~VM_HUGEPAGE) | VM_NOHUGEPAGE;
	}
	return f;
}

/* Give [start, end), which lies inside one VMA, the new flags: split, set, merge. */
static int madvise_update_vma(struct mm_struct *mm, unsigned long start, unsigned long end, unsigned long flags)
{
	int err;
	struct vm_area_struct *vma = isolate_range(mm, start, end, split_vma, &err);

	if (err)
		return err;
	vma->vm_flags = flags;
	vma_merge_neighbours(vma);
	return 0;
}

static int madvise_vma(struct vm_area_struct *vma, unsigned long start, unsigned long end, int behavior)
{
	int err = 0;

	switch (behavior) {
	case MADV_WILLNEED: case MADV_COLD: case MADV_PAGEOUT:
		return 0; /* about reading ahead and swapping out, which Cowl does not do */
	case MADV_DONTNEED: case MADV_DONTNEED_LOCKED: case MADV_FREE:
		return madvise_dontneed(vma, start, end, behavior);
	}
	unsigned long flags = madvise_vm_flags(vma, behavior, &err);
	if (err || flags == vma->vm_flags)
		return err;
	return madvise_update_vma(vma->vm_mm, start, end, flags);
}

long sys_madvise(unsigned long start, size_t len_in, int behavior)
{
	struct mm_struct *mm = current->mm;
	unsigned long len = PAGE_ALIGN(len_in), end = start + len;
	int unmapped_error = 0;

	if (!madvise_behavior_valid(behavior) || !PAGE_ALIGNED(start) || (len_in && !len) || end < start)
		return -EINVAL;
	/* Walk by address: a VMA may be split or merged away under the walk. */
	while (start < end) {
		struct vm_area_struct *vma = find_vma(mm, start);
		if (!vma || vma->vm_start >= end)
			return -ENOMEM;
		if (start < vma->vm_start) {
			unmapped_error = -ENOMEM;
			start = vma->vm_start;
		}
		unsigned long stop = MIN(vma->vm_end, end);
		int err = madvise_vma(vma, start, stop, behavior);
		if (err)
			return err;
		start = stop;
	}
	return unmapped_error;
}
