/* Self-tests of the kernel page tables and the page-table walker. */
#include <selftest.h>
#include <pgtable.h>
#include <mm.h>
#include <string.h>
#include <uapi/errno.h>

extern char _text[], _etext[], _erodata[], _end[];

static pte_t *kernel_pte(void *va)
{
	return pgtable_walk(init_pgd, (unsigned long)va, PT_PTE, false);
}

KERNEL_TEST(pgtable_kernel_sections_have_the_right_rights)
{
	pte_t *text = kernel_pte(_text), *ro = kernel_pte(_etext), *data = kernel_pte(_erodata);

	KT_ASSERT(text && ro && data);
	KT_ASSERT(pte_present(*text) && !pte_write(*text) && !(*text & _PAGE_NX));
	KT_ASSERT(pte_present(*ro) && !pte_write(*ro) && (*ro & _PAGE_NX));
	KT_ASSERT(pte_present(*data) && pte_write(*data) && (*data & _PAGE_NX));
	KT_ASSERT(!(*text & _PAGE_USER) && !(*data & _PAGE_USER));
}

KERNEL_TEST(pgtable_direct_map_covers_ram)
{
	pte_t *pmd = pgtable_walk(init_pgd, (unsigned long)__va((max_pfn - 1) << PAGE_SHIFT), PT_PMD, false);

	KT_ASSERT(pmd && (*pmd & _PAGE_PSE) && (*pmd & _PAGE_NX));
}

/* Map a frame at a user address in a scratch tree and find it again. */
KERNEL_TEST(pgtable_map_and_walk)
{
	struct page *root = alloc_zeroed_page(), *frame = alloc_page();
	pte_t *pgd = page_address(root);
	unsigned long va = 0x0000123456789000ul;

	KT_ASSERT(root && frame);
	KT_ASSERT(map_page(pgd, va, page_to_phys(frame), _PAGE_PRESENT | _PAGE_USER));
	pte_t *pte = pgtable_walk(pgd, va, PT_PTE, false);
	KT_ASSERT(pte && pte_pfn(*pte) == page_to_pfn(frame));
	KT_ASSERT(!pgtable_walk(pgd, va + (1ul << PGDIR_SHIFT), PT_PTE, false));

	/* Free the three intermediate tables the walk created, then the root. */
	pte_t *levels[3] = { &pgd[pgd_index(va)] };
	levels[1] = &pte_table(*levels[0])[pud_index(va)];
	levels[2] = &pte_table(*levels[1])[pmd_index(va)];
	for (int i = 2; i >= 0; i--)
		put_page(pfn_to_page(pte_pfn(*levels[i])));
	put_page(root);
	put_page(frame);
}

struct visit_log {
	int calls;
	unsigned long addr[8], next[8];
	pte_t *pte[8];
	int stop_at; /* the call that returns an error, or -1 */
};

static int log_visit(pte_t *pte, unsigned long addr, unsigned long next, void *arg)
{
	struct visit_log *log = arg;
	int i = log->calls++;

	if (i < 8)
		log->addr[i] = addr, log->next[i] = next, log->pte[i] = pte;
	return i == log->stop_at ? -E2BIG : 0;
}

/*
 * walk_pte_ranges hands over exactly the leaf tables that exist, each with
 * its part of the range, and the PTE for its first address; free_pgtables
 * then returns every table frame.
 */
KERNEL_TEST(pgtable_walk_pte_ranges_visits_the_tables_that_exist)
{
	unsigned long before = nr_free_pages();
	struct page *root = alloc_zeroed_page(), *frame = alloc_page();
	struct mm_struct mm = { .pgd = root ? page_address(root) : NULL };
	/* Two pages in one leaf table, one in the next 2 MiB, one in another 512 GiB. */
	const unsigned long va[] = { 0x40001000ul, 0x40005000ul, 0x40200000ul, 0x0000400000003000ul };
	unsigned long start = 0x40003000ul, end = 0x0000400000200000ul;

	KT_ASSERT(root && frame);
	for (int i = 0; i < 4; i++)
		KT_ASSERT(map_page(mm.pgd, va[i], page_to_phys(frame), _PAGE_PRESENT | _PAGE_USER));
	struct visit_log log = { .stop_at = -1 };
	KT_ASSERT(walk_pte_ranges(mm.pgd, start, end, log_visit, &log) == 0);
	KT_ASSERT(log.calls == 3);
	KT_ASSERT(log.addr[0] == start && log.next[0] == 0x40200000ul);
	KT_ASSERT(log.addr[1] == 0x40200000ul && log.next[1] == 0x40400000ul);
	KT_ASSERT(log.addr[2] == 0x0000400000000000ul && log.next[2] == end);
	for (int i = 0; i < 3; i++)
		KT_ASSERT(log.pte[i] == pgtable_walk(mm.pgd, log.addr[i], PT_PTE, false));
	struct visit_log stopped = { .stop_at = 1 };
	KT_ASSERT(walk_pte_ranges(mm.pgd, 0, TASK_SIZE, log_visit, &stopped) == -E2BIG && stopped.calls == 2);

	for (int i = 0; i < 4; i++)
		*pgtable_walk(mm.pgd, va[i], PT_PTE, false) = 0;
	free_pgtables(&mm);
	put_page(root);
	put_page(frame);
	KT_ASSERT(nr_free_pages() == before);
}
