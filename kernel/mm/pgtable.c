/*
 * Page-table walking shared by the kernel mappings and every user address
 * space.  Intermediate entries get present|write|user: the leaf entry alone
 * decides what an access may do (Intel SDM vol. 3A, 4.6: the rights of all
 * levels combine, so permissive upper levels defer to the leaf).
 */
#include <pgtable.h>
#include <mm.h>
#include <asm/cpu.h>
#include "internal.h"

pte_t *init_pgd;

/* The entry for va in a table whose entries are of this level. */
static pte_t *table_entry(pte_t *table, unsigned long va, enum pt_level level)
{
	switch (level) {
	case PT_PGD:
		return &table[pgd_index(va)];
	case PT_PUD:
		return &table[pud_index(va)];
	case PT_PMD:
		return &table[pmd_index(va)];
	default:
		return &table[pte_index(va)];
	}
}

/* How much address space one entry of this level maps. */
static unsigned long entry_size(enum pt_level level)
{
	static const unsigned long sizes[] = {
		[PT_PTE] = PAGE_SIZE, [PT_PMD] = PMD_SIZE, [PT_PUD] = PUD_SIZE, [PT_PGD] = PGDIR_SIZE,
	};
	return sizes[level];
}

pte_t *pgtable_walk(pte_t *pgd, unsigned long va, enum pt_level level, bool alloc)
{
	pte_t *table = pgd;

	for (enum pt_level l = PT_PGD; l > level; l--) {
		pte_t *e = table_entry(table, va, l);
		if (!pte_present(*e)) {
			if (!alloc)
				return NULL;
			struct page *page = pte_alloc_one();
			if (!page)
				return NULL;
			*e = page_to_phys(page) | _PAGE_TABLE;
		}
		table = pte_table(*e);
	}
	return table_entry(table, va, level);
}

/* The end of the entry of this level that maps addr, or end if that comes first (Linux's p?d_addr_end). */
static unsigned long entry_addr_end(unsigned long addr, unsigned long end, enum pt_level level)
{
	unsigned long boundary = (addr + entry_size(level)) & ~(entry_size(level) - 1);

	return boundary - 1 < end - 1 ? boundary : end; /* - 1: a boundary at the top wraps to 0 */
}

/* A table page, zeroed, with its odf counts (struct page) at zero whatever the frame was before. */
struct page *pte_alloc_one(void)
{
	struct page *page = alloc_zeroed_page();

	if (page)
		page->pt_share_count = page->pt_rss = 0;
	return page;
}

/*
 * The entries of one table (of this level) over [addr, end), which lies
 * inside what the table maps: fn gets each present PMD entry (per_pmd) or
 * the entry for addr in each leaf table.
 */
static int walk_table(pte_t *table, enum pt_level level, bool per_pmd, unsigned long addr, unsigned long end,
		      pte_range_fn *fn, void *arg)
{
	pte_t *e = table_entry(table, addr, level);

	for (unsigned long next; addr != end; addr = next, e++) {
		next = entry_addr_end(addr, end, level);
		if (!pte_present(*e))
			continue;
		int err = level == PT_PMD ? fn(per_pmd ? e : pte_offset(e, addr), addr, next, arg)
					  : walk_table(pte_table(*e), level - 1, per_pmd, addr, next, fn, arg);
		if (err)
			return err;
	}
	return 0;
}

int walk_pte_ranges(pte_t *pgd, unsigned long addr, unsigned long end, pte_range_fn *fn, void *arg)
{
	return addr < end ? walk_table(pgd, PT_PGD, false, addr, end, fn, arg) : 0;
}

int walk_pmd_entries(pte_t *pgd, unsigned long addr, unsigned long end, pte_range_fn *fn, void *arg)
{
	return addr < end ? walk_table(pgd, PT_PGD, true, addr, end, fn, arg) : 0;
}

bool map_page(pte_t *pgd, unsigned long va, unsigned long phys, u64 flags)
{
	pte_t *pte = pgtable_walk(pgd, va, PT_PTE, true);

	if (!pte)
		return false;
	*pte = phys | flags;
	return true;
}

/* Tables below a table of this level (n entries of it in use); an odf leaf table still shared is no one's own. */
static unsigned long count_tables(const pte_t *table, enum pt_level level, unsigned n)
{
	unsigned long count = 0;

	for (unsigned i = 0; i < n; i++) {
		if (!pte_present(table[i]))
			continue;
		if (level == PT_PMD)
			count += !pmd_shared(table[i]) || !pte_page(table[i])->pt_share_count;
		else
			count += 1 + count_tables(pte_table(table[i]), level - 1, PTRS_PER_TABLE);
	}
	return count;
}

unsigned long mm_pgtables_bytes(const struct mm_struct *mm)
{
	return count_tables(mm->pgd, PT_PGD, USER_PGD_ENTRIES) * PAGE_SIZE;
}

void load_pgd(pte_t *pgd)
{
	write_cr3(__pa(pgd));
}
