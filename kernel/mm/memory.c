/*
 * Page faults and page-table copies: the heart of copy-on-write.
 *
 * After fork, the pages of private writable (COW) mappings are mapped
 * read-only in both parent and child, and their struct page reference count
 * says how many page tables map them.  The first write faults into
 * do_wp_page(): if the faulting process is the last owner (count 1) the
 * page is simply made writable again (wp_page_reuse); otherwise it gets a
 * copy and drops its reference to the original (wp_page_copy).
 * docs/fork.md walks through the life of one page.
 */
#include <mm_types.h>
#include <mm.h>
#include <pgtable.h>
#include <fault.h>
#include <fs.h>
#include <sched.h>
#include <string.h>
#include <trace.h>
#include <uapi/errno.h>
#include "internal.h"
#include <asm/tlbflush.h>

unsigned long vm_events[NR_VM_EVENTS];

/*
 * n more (or fewer) pages of this kind mapped at pte: counted in the mm's
 * RSS and in the leaf table's pt_rss, which odf moves with a shared table.
 */
static void add_rss(struct mm_struct *mm, enum mm_counter member, pte_t *pte, int n)
{
	add_mm_counter(mm, member, n);
	virt_to_page(pte)->pt_rss += n;
}

/* The PTE bits for a page of this VMA, without the write bit (added per case). */
pte_t vma_page_prot(const struct vm_area_struct *vma)
{
	/* PROT_NONE: not present to the MMU, since a supervisor page would still be readable by copy_from_user. */
	bool accessible = vma->vm_flags & (VM_READ | VM_WRITE | VM_EXEC);
	pte_t prot = accessible ? _PAGE_PRESENT | _PAGE_USER : _PAGE_PROTNONE;

	if (!(vma->vm_flags & VM_EXEC))
		prot |= _PAGE_NX;
	return prot;
}

/* The PTE mapping a page this VMA has to itself: the VMA's rights, writable if the VMA is. */
static pte_t vma_mk_pte(struct page *page, const struct vm_area_struct *vma)
{
	return maybe_mkwrite(pte_mkdirty(mk_pte(page, vma_page_prot(vma))), vma);
}

/* Map the page a fault found or made, and count it in the mm's RSS. */
static void finish_fault(struct vm_area_struct *vma, unsigned long address, pte_t *pte, struct page *page)
{
	add_rss(vma->vm_mm, mm_counter(vma), pte, 1);
	set_pte_at(vma->vm_mm, address, pte, vma_mk_pte(page, vma));
}

/* Which page of the VMA's file or shared object the address falls in. */
static unsigned long linear_page_index(const struct vm_area_struct *vma, unsigned long address)
{
	return vma->vm_pgoff + ((address - vma->vm_start) >> PAGE_SHIFT);
}

/* Read `page` from the VMA's file; bytes past the end of the file are zero. */
static int fill_from_file(struct vm_area_struct *vma, unsigned long address, struct page *page)
{
	off_t pos = (off_t)linear_page_index(vma, address) << PAGE_SHIFT;
	void *kaddr = page_address(page);
	ssize_t n = kernel_read(vma->vm_file, kaddr, PAGE_SIZE, pos);

	if (n < 0)
		return (int)n;
	memset((char *)kaddr + n, 0, PAGE_SIZE - n);
	return 0;
}

/*
 * The page of a shared anonymous object at this address, allocated on first
 * touch.  An index past the object's end is refused with -EIO (SIGBUS, as
 * Linux's shmem beyond i_size): no VMA should reach there, and the array
 * must never be indexed past its end if one does.
 */
static int shared_anon_page(struct vm_area_struct *vma, unsigned long address, struct page **page)
{
	unsigned long idx = linear_page_index(vma, address);

	if (idx >= vma->vm_shared->nr_pages)
		return -EIO;
	struct page **slot = &vma->vm_shared->pages[idx];
	if (!*slot && !(*slot = alloc_zeroed_page()))
		return -ENOMEM;
	get_page(*slot); /* one reference per mapping; the object holds its own */
	*page = *slot;
	return 0;
}

/* Not present in a private anonymous mapping: demand-zero. */
static int do_anonymous_page(struct vm_area_struct *vma, unsigned long address, pte_t *pte, unsigned flags)
{
	struct page *page;

	if (!(flags & FAULT_FLAG_WRITE)) {
		/* Reading memory never written: share the zero page, read-only, until a write. */
		get_page(zero_page);
		set_pte_at(vma->vm_mm, address, pte, mk_pte(zero_page, vma_page_prot(vma)));
		vm_events[ZERO_PAGE_MAP]++;
		return 0;
	}
	if (!(page = alloc_zeroed_page()))
		return -ENOMEM;
	finish_fault(vma, address, pte, page);
	vm_events[DEMAND_ZERO]++;
	trace_demand_fault(vma, address, page_to_pfn(page), false);
	return 0;
}

/* Not present in a MAP_SHARED mapping: the shared object's page, the same one in every mapping. */
static int do_shared_fault(struct vm_area_struct *vma, unsigned long address, pte_t *pte)
{
	struct page *page;
	int err = shared_anon_page(vma, address, &page);

	if (err)
		return err;
	finish_fault(vma, address, pte, page);
	return 0;
}

/* Not present in a mapping with backing: a shared object's page, or a private page read from the file. */
static int do_fault(struct vm_area_struct *vma, unsigned long address, pte_t *pte)
{
	struct page *page;

	if (vma->vm_flags & VM_SHARED)
		return do_shared_fault(vma, address, pte);
	if (!(page = alloc_page()))
		return -ENOMEM;
	int err = fill_from_file(vma, address, page);
	if (err) {
		put_page(page);
		return err;
	}
	/* A private page nobody else maps may be writable at once. */
	finish_fault(vma, address, pte, page);
	vm_events[DEMAND_FILE]++;
	trace_demand_fault(vma, address, page_to_pfn(page), true);
	return 0;
}

/*
 * Make the faulting PTE writable in place: the page stays, nothing is
 * copied.  A right is added, not removed, so only this CPU's TLB is
 * flushed: another CPU's read-only entry at worst faults once more, and
 * handle_mm_fault() finds the PTE already writable.
 */
static void wp_page_reuse(struct vm_area_struct *vma, unsigned long address, pte_t *pte)
{
	set_pte_at(vma->vm_mm, address, pte, pte_mkdirty(pte_mkwrite(*pte)));
	flush_tlb_one(address & PAGE_MASK);
}

/*
 * Copy-on-write: give this mapping a page of its own with the old one's
 * contents (zeroes, for the zero page), writable, and drop its reference to
 * the old one, which may let its other owner reuse it.
 */
static int wp_page_copy(struct vm_area_struct *vma, unsigned long address, pte_t *pte)
{
	/* LAB cow: begin */
	struct page *old = pte_page(*pte), *new;
	int count_before = page_count(old);

	if (old == zero_page)
		new = alloc_zeroed_page();
	else if ((new = alloc_page()))
		copy_page(page_address(new), page_address(old));
	if (!new)
		return -ENOMEM;
	if (old == zero_page)
		add_rss(vma->vm_mm, mm_counter(vma), pte, 1); /* else the copy takes the old page's place */
	set_pte_at(vma->vm_mm, address, pte, vma_mk_pte(new, vma));
	/* On every CPU, before the old frame can be freed and reused: a thread elsewhere may still read it. */
	flush_tlb_page(vma->vm_mm, address);
	put_page(old);
	vm_events[COW_FAULT_COPY]++;
	vma->vm_mm->cow_faults++;
	trace_cow_fault(vma, address, page_to_pfn(old), page_to_pfn(new), count_before, true);
	return 0;
	/* LAB cow: end */
}

/*
 * A write to a present, write-protected page of a writable VMA.  In a
 * shared mapping every mapping writes the same page: make it writable.  In
 * a COW mapping the last owner reuses the page, anyone else copies it.
 * noinline: docs/debugging.md (and tools/test-debug) break here and
 * `finish`; out of a copy inlined in handle_mm_fault(), gdb stops at the
 * first instruction GCC's line table gives to the caller, which may be
 * before the copy is made.
 */
static __attribute__((noinline)) int do_wp_page(struct vm_area_struct *vma, unsigned long address, pte_t *pte)
{
	if (!is_cow_mapping(vma->vm_flags)) {
		wp_page_reuse(vma, address, pte);
		return 0;
	}
	/* LAB cow: begin */
	struct page *page = pte_page(*pte);

	if (page != zero_page && page_count(page) == 1) {
		wp_page_reuse(vma, address, pte);
		vm_events[COW_FAULT_REUSE]++;
		vma->vm_mm->cow_faults++;
		trace_cow_fault(vma, address, page_to_pfn(page), page_to_pfn(page), 1, false);
		return 0;
	}
	/* LAB cow: end */
	return wp_page_copy(vma, address, pte);
}

/*
 * A fault that will change a leaf table shared by odf (a write, or the
 * first touch of an absent page) first gets the faulting mm a table of its
 * own; a read of a present page does not fault at all.
 */
int handle_mm_fault(struct vm_area_struct *vma, unsigned long address, unsigned flags)
{
	pte_t *pte = pgtable_walk(vma->vm_mm->pgd, address, PT_PTE, true);

	if (!pte)
		return -ENOMEM;
	pte_t *pmd = pgtable_walk(vma->vm_mm->pgd, address, PT_PMD, false);
	if (pmd_shared(*pmd) && ((flags & FAULT_FLAG_WRITE) || !pte_present(*pte))) {
		int err = unshare_pte_table(vma->vm_mm, pmd, address, flags & FAULT_FLAG_WRITE ? "write" : "touch");
		if (err)
			return err;
		pte = pte_offset(pmd, address);
	}
	if (!pte_present(*pte)) {
		if (vma->vm_file || (vma->vm_flags & VM_SHARED))
			return do_fault(vma, address, pte);
		return do_anonymous_page(vma, address, pte, flags);
	}
	if ((flags & FAULT_FLAG_WRITE) && !pte_write(*pte))
		return do_wp_page(vma, address, pte);
	/* Present and allowed: another path already resolved it (e.g. a stale TLB entry). */
	flush_tlb_one(address & PAGE_MASK);
	return 0;
}

/*
 * Ranges of page tables are walked by walk_pte_ranges(), which steps over
 * absent tables at every level and hands over one leaf table at a time: the
 * functions below run along the PTEs of one such table, as Linux's
 * *_pte_range functions do, and end with a preemption point.
 */

/*
 * cond_resched() in work on an address space's tables or VMAs.  Nothing
 * locks an address space here (Linux holds mmap_lock): while this task is
 * switched out, another task of the same mm could unmap the VMA under it.
 * So the point is taken only where no other task uses the mm (a fork's
 * parent alone in it, exit, exec); work on a shared one runs to its end,
 * which walk_pte_ranges keeps to the tables that exist.
 */
void mm_cond_resched(const struct mm_struct *mm)
{
	if (atomic_read(&mm->mm_users) <= 1)
		cond_resched();
}

/*
 * fork, one present page: the child maps the same frame and takes a
 * reference.  In a COW mapping the page is write-protected in both page
 * tables, so that whichever process writes first takes the fault
 * (do_wp_page); a shared mapping keeps its rights in both.
 */
static void copy_present_pte(struct mm_struct *dst_mm, struct vm_area_struct *vma, pte_t *dst_pte, pte_t *src_pte,
			     unsigned long addr)
{
	pte_t pte = *src_pte;
	struct page *page = pte_page(pte);

	/* LAB cow: begin */
	if (is_cow_mapping(vma->vm_flags) && pte_write(pte)) {
		pte = pte_wrprotect(pte);
		set_pte_at(vma->vm_mm, addr, src_pte, pte);
	}
	/* LAB cow: end */
	get_page(page);
	if (page != zero_page)
		add_rss(dst_mm, mm_counter(vma), dst_pte, 1);
	set_pte_at(dst_mm, addr, dst_pte, pte);
}

struct copy_walk {
	struct mm_struct *dst_mm;
	struct vm_area_struct *vma;
	bool share; /* odf: whole stretches are shared, not copied (vma_shares_tables) */
};

/* Give the child the present pages of [addr, end), which one leaf table of the parent maps from src_pte on. */
static int copy_pte_range(pte_t *src_pte, unsigned long addr, unsigned long end, void *arg)
{
	struct copy_walk *copy = arg;
	pte_t *dst_pte = pgtable_walk(copy->dst_mm->pgd, addr, PT_PTE, true);

	if (!dst_pte)
		return -ENOMEM;
	for (; addr != end; addr += PAGE_SIZE, src_pte++, dst_pte++) {
		if (!pte_present(*src_pte))
			continue;
		/* LAB cow: begin */
		copy_present_pte(copy->dst_mm, copy->vma, dst_pte, src_pte, addr);
		/* LAB cow: end */
	}
	mm_cond_resched(copy->vma->vm_mm);
	return 0;
}

/* One present PMD entry of the parent over [addr, next): the whole table shared (odf), or its PTEs copied. */
static int copy_pmd_entry(pte_t *src_pmd, unsigned long addr, unsigned long next, void *arg)
{
	struct copy_walk *copy = arg;

	if (copy->share && next - addr == PMD_SIZE)
		return share_pte_table(copy->dst_mm, src_pmd, addr);
	return copy_pte_range(pte_offset(src_pmd, addr), addr, next, arg);
}

/*
 * fork: give the child the parent's pages for this VMA, sharing each frame
 * (copy_present_pte), or under odf each leaf table the VMA covers whole
 * (share_pte_table).  The parent's PTEs (odf: PMD entries) of a COW
 * mapping lose their write bit here; dup_mmap() flushes them once, after
 * the last VMA.
 */
int copy_page_range(struct mm_struct *dst, struct mm_struct *src, struct vm_area_struct *vma)
{
	struct copy_walk copy = { .dst_mm = dst, .vma = vma, .share = vma_shares_tables(vma) };

	return walk_pmd_entries(src->pgd, vma->vm_start, vma->vm_end, copy_pmd_entry, &copy);
}

static int zap_pte_range(pte_t *pte, unsigned long addr, unsigned long end, void *arg)
{
	struct vm_area_struct *vma = arg;
	struct mm_struct *mm = vma->vm_mm;

	for (; addr != end; addr += PAGE_SIZE, pte++) {
		if (!pte_present(*pte))
			continue;
		struct page *page = pte_page(*pte);
		pte_clear(mm, addr, pte);
		if (page != zero_page)
			add_rss(mm, mm_counter(vma), pte, -1);
		put_page(page);
	}
	mm_cond_resched(mm);
	return 0;
}

/*
 * Unmap [start, end) of a VMA, dropping each page's reference, then shoot
 * down the TLB entries on every CPU that has the mm loaded.  A frame freed
 * before the shootdown cannot be handed out again meanwhile: every caller
 * of the page allocator and kmalloc but their boot-time self-tests holds
 * the big kernel lock, which this CPU keeps until the flush is done
 * whenever another task shares the mm (mm_cond_resched() lets it go only
 * where none does, and then no other CPU runs the mm's user code).  The
 * caller unshared its odf tables.
 */
void zap_page_range(struct vm_area_struct *vma, unsigned long start, unsigned long end)
{
	walk_pte_ranges(vma->vm_mm->pgd, start, end, zap_pte_range, vma);
	flush_tlb_mm_range(vma->vm_mm, start, end);
}

struct change_walk {
	struct mm_struct *mm;
	pte_t newprot;
};

static int change_pte_range(pte_t *pte, unsigned long addr, unsigned long end, void *arg)
{
	struct change_walk *change = arg;

	for (; addr != end; addr += PAGE_SIZE, pte++) {
		if (!pte_present(*pte))
			continue;
		set_pte_at(change->mm, addr, pte, pte_modify(*pte, change->newprot));
	}
	mm_cond_resched(change->mm);
	return 0;
}

/*
 * Apply a VMA's (new) rights to its present pages.  Pages of a COW mapping
 * stay write-protected: a write faults and reuses or copies the page.  The
 * caller unshared the range's odf tables.
 */
void change_protection(struct vm_area_struct *vma, unsigned long start, unsigned long end)
{
	struct change_walk change = { .mm = vma->vm_mm, .newprot = vma_page_prot(vma) };

	if (!is_cow_mapping(vma->vm_flags))
		change.newprot = maybe_mkwrite(change.newprot, vma);
	walk_pte_ranges(vma->vm_mm->pgd, start, end, change_pte_range, &change);
	flush_tlb_mm_range(vma->vm_mm, start, end); /* every CPU with the mm loaded: rights may have gone */
}

/* Free the tables below a table of this level (the leaves were zapped already), then their frames. */
static void free_lower_tables(pte_t *table, enum pt_level level, unsigned nr_entries)
{
	for (unsigned i = 0; i < nr_entries; i++) {
		if (!pte_present(table[i]))
			continue;
		if (level > PT_PMD)
			free_lower_tables(pte_table(table[i]), level - 1, PTRS_PER_TABLE);
		put_page(pte_page(table[i]));
		table[i] = 0;
	}
}

/*
 * Free the page-table pages of the user half; the kernel half is
 * init_pgd's, shared by all.  An idle CPU may still have the mm loaded
 * (lazily): the flush drops what its paging-structure caches hold of the
 * freed tables (INVLPG and CR3 loads both do, Intel SDM vol. 3A, 4.10.4.1).
 */
void free_pgtables(struct mm_struct *mm)
{
	free_lower_tables(mm->pgd, PT_PGD, USER_PGD_ENTRIES);
	flush_tlb_mm_range(mm, 0, TASK_SIZE);
}

/* Called by the architecture's page-fault handler for the current task. */
int handle_user_fault(unsigned long address, unsigned flags)
{
	struct mm_struct *mm = current ? current->mm : NULL;
	struct vm_area_struct *vma;

	if (!mm || address >= TASK_SIZE)
		return -EFAULT;
	vma = find_vma(mm, address);
	if (!vma)
		return -EFAULT;
	if (address < vma->vm_start && expand_stack(vma, address))
		return -EFAULT;
	if ((flags & FAULT_FLAG_WRITE) && !(vma->vm_flags & VM_WRITE))
		return -EFAULT;
	if ((flags & FAULT_FLAG_INSTRUCTION) && !(vma->vm_flags & VM_EXEC))
		return -EFAULT;
	if (!(vma->vm_flags & (VM_READ | VM_WRITE | VM_EXEC)))
		return -EFAULT;
	int err = handle_mm_fault(vma, address, flags);
	/* Linux's mm_account_fault(): every resolved fault is minor, as no page is read from a disk. */
	if (!err)
		current->min_flt++;
	return err;
}
