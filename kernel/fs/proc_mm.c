/*
 * The /proc files that show memory, in Linux's formats (proc(5)), so the
 * demos read the same files on Cowl and on Linux:
 *   /proc/<pid>/maps     the VMAs
 *   /proc/<pid>/smaps    the VMAs with their page counts and VmFlags
 *   /proc/<pid>/cmdline  the arguments, read from the process's memory
 *   /proc/<pid>/pagemap  8 bytes per virtual page: PFN and flags
 *   /proc/kpagecount     8 bytes per physical frame: how many map it
 *   /proc/vmstat         event counters (Cowl's own COW counters included)
 */
#include "proc_internal.h"
#include <sched.h>
#include <mm_types.h>
#include <mm.h>
#include <pgtable.h>
#include <slab.h>
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
		return d_path(vma->vm_file->dentry, buf, size);
	if (vma->vm_start <= mm->brk && vma->vm_end >= mm->start_brk && mm->brk > mm->start_brk)
		return "[heap]";
	if (vma->vm_start <= mm->start_stack && vma->vm_end >= mm->start_stack)
		return "[stack]";
	return vma->vm_flags & VM_SHARED ? "/dev/zero (deleted)" : "";
}

/* start-end perms offset dev inode   path, as in proc(5): one VMA's line of maps (and smaps). */
static void show_map_vma(struct seq_buf *m, const struct vm_area_struct *vma)
{
	unsigned long f = vma->vm_flags;
	unsigned long ino = vma->vm_file ? vma->vm_file->inode->ino : 0;
	unsigned dev = vma->vm_file ? vma->vm_file->inode->sb->dev : 0; /* minor numbers of major 0 */
	char path[256], head[96];
	const char *name = proc_vma_name(vma, path, sizeof(path));
	int len = snprintf(head, sizeof(head), "%08lx-%08lx %c%c%c%c %08lx 00:%02x %lu ", vma->vm_start,
			   vma->vm_end, f & VM_READ ? 'r' : '-', f & VM_WRITE ? 'w' : '-',
			   f & VM_EXEC ? 'x' : '-', f & VM_SHARED ? 's' : 'p', vma->vm_pgoff << PAGE_SHIFT, dev, ino);

	/* Linux pads the path to start at column 73. */
	seq_printf(m, "%s%*s%s\n", head, *name ? MAX(73 - len, 1) : 0, "", name);
}

int proc_maps_show(struct task_struct *t, struct seq_buf *m)
{
	struct vm_area_struct *vma;

	if (!t->mm)
		return 0;
	list_for_each_entry(vma, &t->mm->mmap, vm_list)
		show_map_vma(m, vma);
	return 0;
}

/* Linux's vm_stat_account() kinds: VM_GROWSDOWN is x86's VM_STACK. */
static bool is_stack_mapping(unsigned long f) { return f & VM_GROWSDOWN; }
static bool is_data_mapping(unsigned long f) { return (f & (VM_WRITE | VM_SHARED | VM_GROWSDOWN)) == VM_WRITE; }
static bool is_exec_mapping(unsigned long f) { return (f & (VM_WRITE | VM_EXEC | VM_GROWSDOWN)) == VM_EXEC; }

/* include/proc_fs.h */
void proc_mm_numbers(const struct mm_struct *mm, struct mm_numbers *n)
{
	const struct vm_area_struct *vma;

	*n = (struct mm_numbers){ .total = mm->total_vm, .anon = mm->rss_stat[MM_ANONPAGES],
				  .file = mm->rss_stat[MM_FILEPAGES], .shmem = mm->rss_stat[MM_SHMEMPAGES] };
	if (mm->end_code > mm->start_code)
		n->text = (PAGE_ALIGN(mm->end_code) - (mm->start_code & PAGE_MASK)) >> PAGE_SHIFT;
	list_for_each_entry(vma, &mm->mmap, vm_list) {
		unsigned long f = vma->vm_flags;
		n->data += is_data_mapping(f) ? vma_pages(vma) : 0;
		n->stack += is_stack_mapping(f) ? vma_pages(vma) : 0;
		n->exec += is_exec_mapping(f) ? vma_pages(vma) : 0;
	}
}

static u64 pagemap_entry(struct mm_struct *mm, unsigned long va)
{
	struct vm_area_struct *vma = find_vma(mm, va);
	pte_t *pte = pgtable_walk(mm->pgd, va, PT_PTE, false);

	if (!pte || !pte_present(*pte))
		return 0;
	struct page *page = pfn_to_page(pte_pfn(*pte));
	/* Under odf a page of a shared leaf table is mapped by every sharer, with one reference. */
	struct page *table = virt_to_page(pte);
	u64 e = PM_PRESENT | (pte_pfn(*pte) & PM_PFN_MASK);
	if (page != zero_page && page_count(page) == 1 && !table->pt_share_count)
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
	seq_printf(m, "nr_file_pages %ld\n", nr_file_pages);
	seq_printf(m, "cow_fault_copy %lu\n", vm_events[COW_FAULT_COPY]);
	seq_printf(m, "cow_fault_reuse %lu\n", vm_events[COW_FAULT_REUSE]);
	seq_printf(m, "zero_page_map %lu\n", vm_events[ZERO_PAGE_MAP]);
	seq_printf(m, "demand_zero %lu\n", vm_events[DEMAND_ZERO]);
	seq_printf(m, "demand_file %lu\n", vm_events[DEMAND_FILE]);
	seq_printf(m, "odf_table_share %lu\n", vm_events[ODF_TABLE_SHARE]);
	seq_printf(m, "odf_table_copy %lu\n", vm_events[ODF_TABLE_COPY]);
	seq_printf(m, "odf_table_reuse %lu\n", vm_events[ODF_TABLE_REUSE]);
	seq_printf(m, "odf_table_drop %lu\n", vm_events[ODF_TABLE_DROP]);
	seq_printf(m, "nr_tlb_remote_flush %lu\n", vm_events[NR_TLB_REMOTE_FLUSH]);
	seq_printf(m, "nr_tlb_remote_flush_received %lu\n", vm_events[NR_TLB_REMOTE_FLUSH_RECEIVED]);
	return 0;
}

/* One VMA's page counts for smaps (Linux's struct mem_size_stats), in pages; pss in pages << PSS_SHIFT. */
#define PSS_SHIFT 12
struct mem_size_stats {
	const struct vm_area_struct *vma;
	unsigned long resident, shared_clean, shared_dirty, private_clean, private_dirty;
	unsigned long referenced, anonymous;
	u64 pss, pss_dirty;
};

/* How many page tables map the page: a shared object's own reference is not a mapping. */
static int mapcount(const struct vm_area_struct *vma, const struct page *page)
{
	return page_count(page) - (vma->vm_shared ? 1 : 0);
}

static void smaps_account(struct mem_size_stats *mss, pte_t pte)
{
	struct page *page = pte_page(pte);
	bool dirty = pte & _PAGE_DIRTY;
	int count = mapcount(mss->vma, page);
	u64 share = (1ull << PSS_SHIFT) / (count >= 2 ? count : 1);

	mss->resident++;
	mss->pss += share;
	mss->pss_dirty += dirty ? share : 0;
	mss->referenced += !!(pte & _PAGE_ACCESSED);
	mss->anonymous += mm_counter(mss->vma) == MM_ANONPAGES;
	if (count >= 2)
		*(dirty ? &mss->shared_dirty : &mss->shared_clean) += 1;
	else
		*(dirty ? &mss->private_dirty : &mss->private_clean) += 1;
}

/* walk_pte_ranges: count the pages present in [addr, next).  The zero page is no one's, as in Linux. */
static int smaps_pte_range(pte_t *pte, unsigned long addr, unsigned long next, void *arg)
{
	for (; addr < next; addr += PAGE_SIZE, pte++)
		if (pte_present(*pte) && pte_page(*pte) != zero_page)
			smaps_account(arg, *pte);
	return 0;
}

/* smaps' VmFlags: Linux's two-letter name of each vm_flags bit (its bit numbers; empty: none). */
static const char vm_flag_names[32][3] = {
	[0] = "rd",  [1] = "wr",  [2] = "ex",  [3] = "sh",  [4] = "mr",  [5] = "mw",  [6] = "me",  [7] = "ms",
	[8] = "gd",  [9] = "um",  [10] = "pf", [12] = "uw", [13] = "lo", [14] = "io", [15] = "sr", [16] = "rr",
	[17] = "dc", [18] = "de", [19] = "lf", [20] = "ac", [21] = "nr", [22] = "ht", [23] = "sf", [24] = "ar",
	[25] = "wf", [26] = "dd", [27] = "sd", [28] = "mm", [29] = "hg", [30] = "nh", [31] = "mg",
};

static void show_vma_flags(struct seq_buf *m, unsigned long flags)
{
	seq_printf(m, "VmFlags: ");
	for (unsigned bit = 0; bit < ARRAY_SIZE(vm_flag_names); bit++)
		if ((flags & (1ul << bit)) && vm_flag_names[bit][0])
			seq_printf(m, "%s ", vm_flag_names[bit]);
	seq_printf(m, "\n");
}

/* A "Name:   N kB" line of smaps: the name in 16 columns, the number in 8. */
static void smaps_line(struct seq_buf *m, const char *name, unsigned long kb)
{
	seq_printf(m, "%-16s%8lu kB\n", name, kb);
}

static void show_smap(struct seq_buf *m, const struct vm_area_struct *vma)
{
	struct mem_size_stats mss = { .vma = vma };
	unsigned long kb = PAGE_SIZE / 1024;

	walk_pte_ranges(vma->vm_mm->pgd, vma->vm_start, vma->vm_end, smaps_pte_range, &mss);
	show_map_vma(m, vma);
	smaps_line(m, "Size:", vma_pages(vma) * kb);
	smaps_line(m, "KernelPageSize:", kb);
	smaps_line(m, "MMUPageSize:", kb);
	smaps_line(m, "Rss:", mss.resident * kb);
	smaps_line(m, "Pss:", (unsigned long)((mss.pss * kb) >> PSS_SHIFT));
	smaps_line(m, "Pss_Dirty:", (unsigned long)((mss.pss_dirty * kb) >> PSS_SHIFT));
	smaps_line(m, "Shared_Clean:", mss.shared_clean * kb);
	smaps_line(m, "Shared_Dirty:", mss.shared_dirty * kb);
	smaps_line(m, "Private_Clean:", mss.private_clean * kb);
	smaps_line(m, "Private_Dirty:", mss.private_dirty * kb);
	smaps_line(m, "Referenced:", mss.referenced * kb);
	smaps_line(m, "Anonymous:", mss.anonymous * kb);
	/* No KSM, lazy freeing, huge pages, swap or mlock here. */
	static const char *const never[] = { "KSM:", "LazyFree:", "AnonHugePages:", "ShmemPmdMapped:",
					     "FilePmdMapped:", "Shared_Hugetlb:", "Private_Hugetlb:", "Swap:",
					     "SwapPss:", "Locked:" };
	for (size_t i = 0; i < ARRAY_SIZE(never); i++)
		smaps_line(m, never[i], 0);
	seq_printf(m, "%-16s%8d\n", "THPeligible:", 0);
	show_vma_flags(m, vma->vm_flags);
}

int proc_smaps_show(struct task_struct *t, struct seq_buf *m)
{
	struct vm_area_struct *vma;

	if (!t->mm)
		return 0;
	list_for_each_entry(vma, &t->mm->mmap, vm_list)
		show_smap(m, vma);
	return 0;
}

/*
 * Copy up to n bytes at user address addr of another address space into
 * buf, faulting pages in as a read by the process would (Linux's
 * access_remote_vm): the number copied, short at an unmapped or unreadable
 * address.
 */
static size_t access_remote_vm(struct mm_struct *mm, unsigned long addr, char *buf, size_t n)
{
	size_t done = 0;

	while (done < n) {
		unsigned long va = addr + done;
		struct vm_area_struct *vma = find_vma(mm, va);
		if (!vma || vma->vm_start > va || !(vma->vm_flags & VM_READ))
			break;
		pte_t *pte = pgtable_walk(mm->pgd, va, PT_PTE, false);
		if ((!pte || !pte_present(*pte)) && handle_mm_fault(vma, va, 0))
			break;
		pte = pgtable_walk(mm->pgd, va, PT_PTE, false);
		if (!pte || !pte_present(*pte))
			break;
		size_t off = va & ~PAGE_MASK, len = MIN(n - done, PAGE_SIZE - off);
		memcpy(buf + done, (char *)page_address(pte_page(*pte)) + off, len);
		done += len;
	}
	return done;
}

/*
 * A process overwrote the NUL that ended its last argument (setproctitle):
 * as Linux's get_mm_proctitle(), the first string from arg_start, with its
 * NUL, even where it runs on into the environment, at most a page of it.
 */
static ssize_t proctitle_read(struct mm_struct *mm, char *buf, size_t n, off_t pos)
{
	char *page;
	ssize_t ret = 0;

	if ((unsigned long)pos >= PAGE_SIZE)
		return 0;
	if (!(page = kmalloc(PAGE_SIZE)))
		return -ENOMEM;
	size_t got = access_remote_vm(mm, mm->arg_start, page, PAGE_SIZE);
	size_t len = strnlen(page, got);
	if (len < got)
		len++;
	if (len > (size_t)pos) {
		ret = (ssize_t)MIN(n, len - pos);
		memcpy(buf, page + pos, ret);
	}
	kfree(page);
	return ret;
}

/*
 * include/proc_fs.h: [arg_start, arg_end) of the process as exec laid it
 * out, or as the process rewrote it (Linux's get_mm_cmdline()).  A title
 * may run past arg_end only into the environment right after it.
 */
ssize_t proc_pid_cmdline_read(struct task_struct *t, char *buf, size_t n, off_t pos)
{
	struct mm_struct *mm = t->mm;
	char last;

	if (!mm || mm->arg_start >= mm->arg_end || pos < 0)
		return 0;
	unsigned long end = mm->env_start == mm->arg_end && mm->env_end >= mm->env_start ? mm->env_end : mm->arg_end;
	if ((unsigned long)pos >= end - mm->arg_start)
		return 0;
	n = MIN(n, end - mm->arg_start - pos);
	if (access_remote_vm(mm, mm->arg_end - 1, &last, 1) == 1 && last)
		return proctitle_read(mm, buf, n, pos);
	if ((unsigned long)pos >= mm->arg_end - mm->arg_start)
		return 0;
	n = MIN(n, mm->arg_end - mm->arg_start - pos);
	return (ssize_t)access_remote_vm(mm, mm->arg_start + pos, buf, n);
}
