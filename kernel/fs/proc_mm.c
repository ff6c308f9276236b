/*
 * The /proc files that show memory, in Linux's formats (proc(5)), so the
 * demos read the same files on Cowl and on Linux:
 *   /proc/<pid>/maps     the VMAs
 *   /proc/<pid>/pagemap  8 bytes per virtual page: PFN and flags
 *   /proc/kpagecount     8 bytes per physical frame: how many map it
 *   /proc/vmstat         event counters (Cowl's own COW counters included)
 */
#include "proc_internal.h"
#include <sched.h>
#include <mm_types.h>
#include <mm.h>
#include <pgtable.h>
#include <string.h>
#include <uapi/errno.h>

#define PM_PFN_MASK ((1ull << 55) - 1)
#define PM_MMAP_EXCLUSIVE (1ull << 56)
#define PM_FILE (1ull << 61)
#define PM_PRESENT (1ull << 63)

/* include/proc_fs.h */
const char *proc_vma_name(const struct vm_area_struct *vma, char *buf, size_t size)
{
	const struct mm_struct *mm = vma->vm_mm;

	if (vma->vm_file)
		return inode_path(vma->vm_file->inode, buf, size);
	if (vma->vm_start <= mm->brk && vma->vm_end >= mm->start_brk && mm->brk > mm->start_brk)
		return "[heap]";
	if (vma->vm_start <= mm->start_stack && vma->vm_end >= mm->start_stack)
		return "[stack]";
	return vma->vm_flags & VM_SHARED ? "/dev/zero (deleted)" : "";
}

/* start-end perms offset dev inode   path, as in proc(5) */
int proc_maps_show(struct task_struct *t, struct seq_buf *m)
{
	struct vm_area_struct *vma;
	char path[256];

	if (!t->mm)
		return 0;
	list_for_each_entry(vma, &t->mm->mmap, vm_list) {
		unsigned long f = vma->vm_flags;
		unsigned long ino = vma->vm_file ? vma->vm_file->inode->ino : 0;
		const char *name = proc_vma_name(vma, path, sizeof(path));
		char head[96];
		int len = snprintf(head, sizeof(head), "%08lx-%08lx %c%c%c%c %08lx 00:00 %lu ", vma->vm_start,
				   vma->vm_end, f & VM_READ ? 'r' : '-', f & VM_WRITE ? 'w' : '-',
				   f & VM_EXEC ? 'x' : '-', f & VM_SHARED ? 's' : 'p', vma->vm_pgoff << PAGE_SHIFT, ino);
		/* Linux pads the path to start at column 73. */
		seq_printf(m, "%s%*s%s\n", head, *name ? MAX(73 - len, 1) : 0, "", name);
	}
	return 0;
}

static u64 pagemap_entry(struct mm_struct *mm, unsigned long va)
{
	struct vm_area_struct *vma = find_vma(mm, va);
	pte_t *pte = pgtable_walk(mm->pgd, va, PT_PTE, false);

	if (!pte || !pte_present(*pte))
		return 0;
	struct page *page = pfn_to_page(pte_pfn(*pte));
	u64 e = PM_PRESENT | (pte_pfn(*pte) & PM_PFN_MASK);
	if (page != zero_page && page_count(page) == 1)
		e |= PM_MMAP_EXCLUSIVE;
	if (vma && vma->vm_start <= va && (vma->vm_file || (vma->vm_flags & VM_SHARED)))
		e |= PM_FILE;
	return e;
}

#define PM_ENTRY_BYTES 8 /* a /proc/<pid>/pagemap entry, one u64 */
#define KPMSIZE 8        /* a /proc/kpagecount entry, one u64 */

/* Entry i describes virtual page i: the file offset is va / PAGE_SIZE * PM_ENTRY_BYTES. */
ssize_t proc_pagemap_read(struct task_struct *t, char *buf, size_t n, off_t pos)
{
	size_t done = 0;

	if (!t->mm)
		return 0;
	if (pos % PM_ENTRY_BYTES || n % PM_ENTRY_BYTES)
		return -EINVAL;
	for (unsigned long vpn = pos / PM_ENTRY_BYTES; done < n && (vpn << PAGE_SHIFT) < TASK_SIZE;
	     vpn++, done += PM_ENTRY_BYTES) {
		u64 e = pagemap_entry(t->mm, vpn << PAGE_SHIFT);
		memcpy(buf + done, &e, PM_ENTRY_BYTES);
	}
	return (ssize_t)done;
}

/* How many page tables map a frame: our reference count, 0 for kernel-only frames. */
static u64 frame_map_count(unsigned long pfn)
{
	const struct page *page = pfn_to_page(pfn);

	if (page->flags & (PG_reserved | PG_buddy | PG_slab | PG_large))
		return 0;
	return page_count(page);
}

ssize_t proc_kpagecount_read(struct task_struct *t, char *buf, size_t n, off_t pos)
{
	size_t done = 0;

	(void)t;
	if (pos % KPMSIZE || n % KPMSIZE)
		return -EINVAL;
	for (unsigned long pfn = pos / KPMSIZE; done < n && pfn < max_pfn; pfn++, done += KPMSIZE) {
		u64 count = frame_map_count(pfn);
		memcpy(buf + done, &count, KPMSIZE);
	}
	return (ssize_t)done;
}

int proc_vmstat_show(struct task_struct *t, struct seq_buf *m)
{
	(void)t;
	seq_printf(m, "nr_free_pages %lu\n", nr_free_pages());
	seq_printf(m, "cow_fault_copy %lu\n", vm_events[COW_FAULT_COPY]);
	seq_printf(m, "cow_fault_reuse %lu\n", vm_events[COW_FAULT_REUSE]);
	seq_printf(m, "zero_page_map %lu\n", vm_events[ZERO_PAGE_MAP]);
	seq_printf(m, "demand_zero %lu\n", vm_events[DEMAND_ZERO]);
	seq_printf(m, "demand_file %lu\n", vm_events[DEMAND_FILE]);
	return 0;
}
