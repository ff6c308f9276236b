/*
 * Page faults and page-table copies: the heart of copy-on-write.
 *
 * After fork, private pages are mapped read-only in both parent and child
 * and their struct page reference count says how many page tables map them.
 * The first write faults into do_wp_page(): if the faulting process is the
 * last owner (count 1) the page is simply made writable again ("reuse");
 * otherwise it gets a copy and drops its reference to the original.
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

unsigned long vm_events[NR_VM_EVENTS];

/* The PTE bits for a page of this VMA, without the write bit (added per case). */
pte_t vma_page_prot(const struct vm_area_struct *vma)
{
	/* PROT_NONE: a supervisor page would still be readable by copy_from_user. */
	pte_t prot = vma->vm_flags & (VM_READ | VM_WRITE | VM_EXEC) ? _PAGE_PRESENT | _PAGE_USER : _PAGE_PROTNONE;

	if (!(vma->vm_flags & VM_EXEC))
		prot |= _PAGE_NX;
	return prot;
}

static enum mm_counter page_counter(const struct vm_area_struct *vma)
{
	if (vma->vm_shared)
		return MM_SHMEMPAGES;
	return vma->vm_file ? MM_FILEPAGES : MM_ANONPAGES;
}

static void set_pte(struct vm_area_struct *vma, pte_t *pte, struct page *page, bool writable)
{
	*pte = page_to_phys(page) | vma_page_prot(vma) | (writable ? _PAGE_RW | _PAGE_DIRTY : 0);
	if (page != zero_page)
		vma->vm_mm->rss_stat[page_counter(vma)]++;
}

/* Read `page` from the VMA's file; bytes past the end of the file are zero. */
static int fill_from_file(struct vm_area_struct *vma, unsigned long address, struct page *page)
{
	off_t pos = (off_t)(vma->vm_pgoff + ((address - vma->vm_start) >> PAGE_SHIFT)) << PAGE_SHIFT;
	void *kaddr = page_address(page);
	ssize_t n = kernel_read(vma->vm_file, kaddr, PAGE_SIZE, pos);

	if (n < 0)
		return (int)n;
	memset((char *)kaddr + n, 0, PAGE_SIZE - n);
	return 0;
}

/* The page of a shared anonymous object at this address, allocated on first touch. */
static struct page *shared_anon_page(struct vm_area_struct *vma, unsigned long address)
{
	unsigned long idx = vma->vm_pgoff + ((address - vma->vm_start) >> PAGE_SHIFT);
	struct page **slot = &vma->vm_shared->pages[idx];

	if (!*slot && !(*slot = alloc_zeroed_page()))
		return NULL;
	get_page(*slot); /* one reference per mapping; the object holds its own */
	return *slot;
}

/* A not-present page: demand paging. */
static int do_fault(struct vm_area_struct *vma, unsigned long address, pte_t *pte, unsigned flags)
{
	bool write = flags & FAULT_FLAG_WRITE;
	struct page *page;

	if (vma->vm_shared) {
		if (!(page = shared_anon_page(vma, address)))
			return -ENOMEM;
		set_pte(vma, pte, page, vma->vm_flags & VM_WRITE);
		return 0;
	}
	if (!vma->vm_file && !write) {
		/* Reading memory never written: share the zero page until a write. */
		get_page(zero_page);
		set_pte(vma, pte, zero_page, false);
		vm_events[ZERO_PAGE_MAP]++;
		return 0;
	}
	if (!(page = alloc_page()))
		return -ENOMEM;
	if (vma->vm_file) {
		int err = fill_from_file(vma, address, page);
		if (err) {
			put_page(page);
			return err;
		}
		vm_events[DEMAND_FILE]++;
	} else {
		clear_page(page_address(page));
		vm_events[DEMAND_ZERO]++;
	}
	/* A private page nobody else maps may be writable at once. */
	set_pte(vma, pte, page, vma->vm_flags & VM_WRITE);
	trace_demand_fault(address, page_to_pfn(page), vma->vm_file != NULL);
	return 0;
}

/*
 * A write to a present, read-only page of a writable private mapping:
 * copy-on-write.  Reuse the frame if we are its only user, else copy it.
 */
static int do_wp_page(struct vm_area_struct *vma, unsigned long address, pte_t *pte)
{
	/* LAB cow: begin */
	struct page *old = pfn_to_page(pte_pfn(*pte));
	unsigned long va = address & PAGE_MASK;

	if (old != zero_page && page_count(old) == 1) {
		*pte |= _PAGE_RW | _PAGE_DIRTY;
		flush_tlb_one(va);
		vm_events[COW_FAULT_REUSE]++;
		trace_cow_fault(address, page_to_pfn(old), page_to_pfn(old), 1, false);
		return 0;
	}
	struct page *new = alloc_page();
	if (!new)
		return -ENOMEM;
	copy_page(page_address(new), page_address(old));
	int count_before = page_count(old);
	if (old != zero_page)
		vma->vm_mm->rss_stat[page_counter(vma)]--;
	set_pte(vma, pte, new, true);
	flush_tlb_one(va);
	put_page(old);
	vm_events[COW_FAULT_COPY]++;
	trace_cow_fault(address, page_to_pfn(old), page_to_pfn(new), count_before, true);
	return 0;
	/* LAB cow: end */
}

int handle_mm_fault(struct vm_area_struct *vma, unsigned long address, unsigned flags)
{
	pte_t *pte = pgtable_walk(vma->vm_mm->pgd, address, PT_PTE, true);

	if (!pte)
		return -ENOMEM;
	if (!pte_present(*pte))
		return do_fault(vma, address, pte, flags);
	if ((flags & FAULT_FLAG_WRITE) && !pte_write(*pte)) {
		if (vma->vm_flags & VM_SHARED) {
			*pte |= _PAGE_RW | _PAGE_DIRTY;
			flush_tlb_one(address & PAGE_MASK);
			return 0;
		}
		return do_wp_page(vma, address, pte);
	}
	/* Present and allowed: another path already resolved it (e.g. a stale TLB entry). */
	flush_tlb_one(address & PAGE_MASK);
	return 0;
}

/*
 * Page-table ranges are handled one leaf table at a time, as Linux's
 * pte_range functions do: the walk from the root is made once per 2 MiB,
 * then the PTEs for that stretch are consecutive entries of one table.
 */
static unsigned long pmd_end(unsigned long va, unsigned long end)
{
	return MIN(ALIGN_DOWN(va, PMD_SIZE) + PMD_SIZE, end);
}

/*
 * A private page at fork: both page tables map the same frame, read-only, and
 * the frame gains a reference; the first write, by either side, copies it
 * (do_wp_page).
 */
static int fork_private_page(struct vm_area_struct *vma, pte_t *spte, pte_t *dpte)
{
	(void)vma;
	/* LAB cow: begin */
	*spte &= ~_PAGE_RW;
	*dpte = *spte;
	get_page(pfn_to_page(pte_pfn(*spte)));
	return 0;
	/* LAB cow: end */
}

/* Give dst the present pages of [va, next), which one leaf table maps. */
static int copy_pte_range(struct mm_struct *dst, pte_t *spte, struct vm_area_struct *vma, unsigned long va,
			  unsigned long next)
{
	bool shared = vma->vm_flags & VM_SHARED;
	pte_t *dpte = NULL;
	unsigned long n = (next - va) >> PAGE_SHIFT;

	for (unsigned long i = 0; i < n; i++) {
		if (!pte_present(spte[i]))
			continue;
		if (!dpte && !(dpte = pgtable_walk(dst->pgd, va, PT_PTE, true)))
			return -ENOMEM;
		if (shared) { /* MAP_SHARED: the same frame, writable as before, in both */
			dpte[i] = spte[i];
			get_page(pfn_to_page(pte_pfn(spte[i])));
		} else {
			int err = fork_private_page(vma, &spte[i], &dpte[i]);
			if (err)
				return err;
		}
		if (pfn_to_page(pte_pfn(dpte[i])) != zero_page)
			dst->rss_stat[page_counter(vma)]++;
	}
	return 0;
}

/*
 * fork: give the child the parent's pages for this VMA.  Shared mappings
 * keep their rights; private writable pages become read-only in BOTH page
 * tables, so whichever writes first takes the copy-on-write fault.
 */
int copy_page_range(struct mm_struct *dst, struct mm_struct *src, struct vm_area_struct *vma)
{
	for (unsigned long va = vma->vm_start, next; va < vma->vm_end; va = next) {
		next = pmd_end(va, vma->vm_end);
		pte_t *spte = pgtable_walk(src->pgd, va, PT_PTE, false);
		int err = spte ? copy_pte_range(dst, spte, vma, va, next) : 0;
		if (err)
			return err;
	}
	return 0;
}

/* Unmap [start, end) of a VMA, dropping each page's reference. */
void zap_page_range(struct vm_area_struct *vma, unsigned long start, unsigned long end)
{
	struct mm_struct *mm = vma->vm_mm;
	/* Only a loaded address space can have TLB entries (exit and exec unload it first). */
	bool loaded = mm == current->active_mm;

	for (unsigned long va = start, next; va < end; va = next) {
		next = pmd_end(va, end);
		pte_t *pte = pgtable_walk(mm->pgd, va, PT_PTE, false);
		for (unsigned long a = va; pte && a < next; a += PAGE_SIZE, pte++) {
			if (!pte_present(*pte))
				continue;
			struct page *page = pfn_to_page(pte_pfn(*pte));
			*pte = 0;
			if (loaded)
				flush_tlb_one(a);
			if (page != zero_page)
				mm->rss_stat[page_counter(vma)]--;
			put_page(page);
		}
	}
}
/* Apply a VMA's (new) rights to its present pages; private pages lose write and refault. */
void change_protection(struct vm_area_struct *vma, unsigned long start, unsigned long end)
{
	bool shared_write = (vma->vm_flags & (VM_SHARED | VM_WRITE)) == (VM_SHARED | VM_WRITE);

	for (unsigned long va = start; va < end; va += PAGE_SIZE) {
		pte_t *pte = pgtable_walk(vma->vm_mm->pgd, va, PT_PTE, false);
		if (!pte || !pte_present(*pte))
			continue;
		*pte = (*pte & PTE_PFN_MASK) | vma_page_prot(vma) | (shared_write ? _PAGE_RW : 0);
		flush_tlb_one(va);
	}
}

/* Free the user half's page-table pages (the leaves were zapped already). */
static void free_table(pte_t *table, int level)
{
	for (int i = 0; i < (level == 4 ? USER_PGD_ENTRIES : PTRS_PER_TABLE); i++) {
		if (!(table[i] & _PAGE_PRESENT))
			continue;
		if (level > 2)
			free_table(pte_table(table[i]), level - 1);
		put_page(pfn_to_page(pte_pfn(table[i])));
		table[i] = 0;
	}
}

void free_pgtables(struct mm_struct *mm)
{
	free_table(mm->pgd, 4);
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
	return handle_mm_fault(vma, address, flags);
}
