/* Self-tests of the kernel page tables and the page-table walker. */
#include <selftest.h>
#include <pgtable.h>
#include <mm.h>
#include <string.h>

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
