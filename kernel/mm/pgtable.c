/*
 * Page-table walking shared by the kernel mappings and every user address
 * space.  Intermediate entries get present|write|user: the leaf entry alone
 * decides what an access may do (Intel SDM vol. 3A, 4.6: the rights of all
 * levels combine, so permissive upper levels defer to the leaf).
 */
#include <pgtable.h>
#include <mm.h>
#include <asm/cpu.h>

pte_t *init_pgd;

pte_t *pgtable_walk(pte_t *pgd, unsigned long va, enum pt_level level, bool alloc)
{
	static const unsigned shifts[] = { 0, PAGE_SHIFT, PMD_SHIFT, PUD_SHIFT, PGDIR_SHIFT };
	pte_t *table = pgd;

	for (int l = 4; l > (int)level; l--) {
		pte_t *e = &table[(va >> shifts[l]) & 511];
		if (!(*e & _PAGE_PRESENT)) {
			if (!alloc)
				return NULL;
			struct page *page = alloc_zeroed_page();
			if (!page)
				return NULL;
			*e = page_to_phys(page) | _PAGE_TABLE;
		}
		table = pte_table(*e);
	}
	return &table[(va >> shifts[level]) & 511];
}

bool map_page(pte_t *pgd, unsigned long va, unsigned long phys, u64 flags)
{
	pte_t *pte = pgtable_walk(pgd, va, PT_PTE, true);

	if (!pte)
		return false;
	*pte = phys | flags;
	return true;
}

void load_pgd(pte_t *pgd)
{
	write_cr3(__pa(pgd));
}
