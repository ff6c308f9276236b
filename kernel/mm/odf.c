/*
 * On-demand fork (odf, Zhao et al., EuroSys 2021): leaf page tables shared
 * copy-on-write.  Classic fork copies every PTE of the parent (memory.c,
 * copy_pte_range); under fork=odf, a 2 MiB stretch that one private
 * anonymous VMA covers whole is handed over as its leaf table instead: the
 * child's PMD entry points at the parent's table, both PMD entries lose
 * their write bit, and the table's struct page counts the extra user
 * (pt_share_count).  The PTEs are left as they are: with the PMD entry
 * read-only, every write through the table faults (Intel SDM vol. 3A,
 * 4.6: the rights of all levels combine).
 *
 * The table stays shared until a sharer is about to change it: a write
 * fault, the first touch of an absent page, munmap, mprotect or
 * madvise(MADV_DONTNEED) in the stretch.  Then unshare_pte_table() gives
 * that sharer its own copy, made as classic fork would have made it (each
 * present PTE write-protected, each page's reference taken), or, if it is
 * the last user, gives it the table back in place.  An unmap of the whole
 * stretch, and exit, drop the sharer's reference without copying.  A read
 * of a present page never faults, so never unshares.
 *
 * Invariants: a table with pt_share_count > 0 is reached only through
 * read-only PMD entries, so no TLB anywhere holds a writable translation
 * through it, and its PTEs change only by write-protection during a copy;
 * its stretch is covered whole, in every sharer, by private anonymous
 * VMAs (anything that would change that unshares first).
 *
 * Locking: one CPU has none yet.  With SMP, each function here runs with
 * the sharer's page-table lock held (issue 12's per-mm lock), which keeps
 * its own PMD entry stable; what the sharers have in common is only the
 * count, changed atomically, and the last one to let go frees the table
 * (put_shared_table), so two sharers unsharing at once are both right.
 */
#include <mm_types.h>
#include <mm.h>
#include <pgtable.h>
#include <sched.h>
#include <string.h>
#include <trace.h>
#include <uapi/errno.h>
#include "internal.h"

enum fork_mode fork_mode = FORK_CLASSIC;

static const char *const fork_mode_names[] = { [FORK_CLASSIC] = "classic", [FORK_ODF] = "odf" };

int fork_mode_parse(const char *name)
{
	for (unsigned i = 0; i < ARRAY_SIZE(fork_mode_names); i++)
		if (!strcmp(name, fork_mode_names[i]))
			return (int)i;
	return -1;
}

const char *fork_mode_name(enum fork_mode mode)
{
	return fork_mode_names[mode];
}

static int table_sharers(struct page *table)
{
	return __atomic_load_n(&table->pt_share_count, __ATOMIC_ACQUIRE);
}

/* fork: may this VMA's whole stretches be shared?  Private anonymous memory only (docs/fork.md says why). */
bool vma_shares_tables(const struct vm_area_struct *vma)
{
	return fork_mode == FORK_ODF && !vma->vm_file && !(vma->vm_flags & VM_SHARED);
}

/*
 * fork: point the child's PMD entry for the stretch at addr to the table
 * the parent's entry src_pmd points at, both read-only.  The parent may
 * hold writable translations through it: dup_mmap() flushes them at the
 * end, as it does for the PTEs classic fork write-protects.
 */
int share_pte_table(struct mm_struct *dst_mm, pte_t *src_pmd, unsigned long addr)
{
	pte_t *dst_pmd = pgtable_walk(dst_mm->pgd, addr, PT_PMD, true);
	struct page *table = pte_page(*src_pmd);

	if (!dst_pmd)
		return -ENOMEM;
	__atomic_add_fetch(&table->pt_share_count, 1, __ATOMIC_ACQ_REL);
	*src_pmd = pte_wrprotect(*src_pmd);
	*dst_pmd = *src_pmd;
	add_mm_counter(dst_mm, MM_ANONPAGES, table->pt_rss); /* the child maps these pages too */
	vm_events[ODF_TABLE_SHARE]++;
	return 0;
}

/*
 * Let go of one user's reference to a table it no longer maps.  The last
 * user (two may let go at once on two CPUs: the counter decides) releases
 * the pages the table maps and the table itself; their RSS left with the
 * last mm that counted them.
 */
static void put_shared_table(struct page *table)
{
	if (__atomic_fetch_sub(&table->pt_share_count, 1, __ATOMIC_ACQ_REL) > 0)
		return;
	pte_t *pte = page_address(table);
	for (unsigned i = 0; i < PTRS_PER_TABLE; i++)
		if (pte_present(pte[i]))
			put_page(pte_page(pte[i]));
	table->pt_share_count = table->pt_rss = 0;
	put_page(table);
}

/* The sharer's RSS loses the table's pages, its PMD entry goes, then its reference. */
static void unlink_shared_table(struct mm_struct *mm, pte_t *pmd, unsigned long addr)
{
	struct page *table = pte_page(*pmd);

	add_mm_counter(mm, MM_ANONPAGES, -(long)table->pt_rss);
	*pmd = 0;
	flush_tlb_mm_range(mm, addr, addr + PMD_SIZE); /* before the last user may free it */
	put_shared_table(table);
}

/* LAB odf: begin */
/*
 * A new table with a shared one's entries, as classic fork copies those of
 * a private anonymous mapping (copy_present_pte): each present entry
 * write-protected, in the old table too, and its page's reference taken.
 * Writing the old entries needs no flush: every path to them is read-only.
 * The pages stay counted in the sharer's RSS, now through the new table.
 */
static struct page *copy_shared_table(struct page *old)
{
	struct page *new = pte_alloc_one();

	if (!new)
		return NULL;
	pte_t *src = page_address(old), *dst = page_address(new);
	for (unsigned i = 0; i < PTRS_PER_TABLE; i++) {
		if (!pte_present(src[i]))
			continue;
		src[i] = dst[i] = pte_wrprotect(src[i]);
		get_page(pte_page(dst[i]));
	}
	new->pt_rss = old->pt_rss;
	return new;
}
/* LAB odf: end */

/*
 * Give mm its own leaf table for the stretch containing addr, whose PMD
 * entry pmd is read-only: the shared table back in place if mm is its last
 * user, else a copy.  -ENOMEM leaves everything as it was.
 */
int unshare_pte_table(struct mm_struct *mm, pte_t *pmd, unsigned long addr, const char *why)
{
	/* LAB odf: begin */
	struct page *old = pte_page(*pmd), *new;
	int sharers = table_sharers(old);
	unsigned long page = addr & PAGE_MASK;

	addr &= PMD_MASK;
	if (!sharers) {
		*pmd = pte_mkwrite(*pmd); /* a right added: no stale entry can be too permissive */
		vm_events[ODF_TABLE_REUSE]++;
		trace_odf_unshare(addr, why, page_to_pfn(old), 1, page_to_pfn(old));
		return 0;
	}
	if (!(new = copy_shared_table(old)))
		return -ENOMEM;
	*pmd = page_to_phys(new) | _PAGE_TABLE;
	/*
	 * Nothing may walk the old table from mm once it lets go.  One page's
	 * INVLPG drops every paging-structure cache entry too (Intel SDM vol.
	 * 3A, 4.10.4.1); the stretch's other cached translations name the same
	 * frames as the copy, with no more rights, so they may stay.
	 */
	flush_tlb_mm_range(mm, page, page + PAGE_SIZE);
	put_shared_table(old);
	vm_events[ODF_TABLE_COPY]++;
	trace_odf_unshare(addr, why, page_to_pfn(old), sharers + 1, page_to_pfn(new));
	return 0;
	/* LAB odf: end */
}

struct unshare_walk {
	struct mm_struct *mm;
	bool edges_only; /* only the stretches the range covers in part */
	const char *why;
};

static int unshare_pmd_entry(pte_t *pmd, unsigned long addr, unsigned long next, void *arg)
{
	struct unshare_walk *w = arg;

	if (!pmd_shared(*pmd) || (w->edges_only && next - addr == PMD_SIZE))
		return 0;
	return unshare_pte_table(w->mm, pmd, addr, w->why);
}

/*
 * Before the PTEs of [start, end) change: every shared table over the
 * range (edges_only: those whose stretch the range covers in part, the
 * whole ones being dropped later by drop_pte_tables) becomes mm's own.
 * -ENOMEM part-way leaves tables unshared, which changes no mapping.
 */
int unshare_pte_tables(struct mm_struct *mm, unsigned long start, unsigned long end, bool edges_only,
		       const char *why)
{
	struct unshare_walk w = { .mm = mm, .edges_only = edges_only, .why = why };

	return walk_pmd_entries(mm->pgd, start, end, unshare_pmd_entry, &w);
}

static int drop_pmd_entry(pte_t *pmd, unsigned long addr, unsigned long next, void *arg)
{
	struct unshare_walk *w = arg;

	if (!pmd_shared(*pmd) || next - addr != PMD_SIZE)
		return 0;
	trace_odf_unshare(addr, w->why, pte_pfn(*pmd), table_sharers(pte_page(*pmd)) + 1, 0);
	unlink_shared_table(w->mm, pmd, addr);
	vm_events[ODF_TABLE_DROP]++;
	return 0;
}

/*
 * [start, end) is being unmapped: mm lets go of each shared table whose
 * whole stretch lies inside, without copying it.  Cannot fail, so it runs
 * after the steps of an unmap that can.
 */
void drop_pte_tables(struct mm_struct *mm, unsigned long start, unsigned long end, const char *why)
{
	struct unshare_walk w = { .mm = mm, .why = why };

	walk_pmd_entries(mm->pgd, start, end, drop_pmd_entry, &w);
}

struct share_trace {
	int child;
};

static int trace_pmd_entry(pte_t *pmd, unsigned long addr, unsigned long next, void *arg)
{
	unsigned nr = 0;
	pte_t *pte = pte_table(*pmd);

	(void)next;
	if (!pmd_shared(*pmd))
		return 0;
	for (unsigned i = 0; i < PTRS_PER_TABLE; i++)
		nr += pte_present(pte[i]);
	__trace_odf_share(((struct share_trace *)arg)->child, pte_pfn(*pmd), nr, addr);
	return 0;
}

/* trace=odf: a forked child's shared tables, once the child has its pid (every read-only PMD entry is one). */
void trace_odf_fork(struct task_struct *child)
{
	struct share_trace t = { .child = child->pid };

	if ((trace_mask & TRACE_ODF) && child->mm && child->mm != current->mm)
		walk_pmd_entries(child->mm->pgd, 0, TASK_SIZE, trace_pmd_entry, &t);
}
