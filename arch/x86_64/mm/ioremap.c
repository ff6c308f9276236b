/*
 * ioremap: device registers (the local and I/O APICs) and firmware tables
 * outside the RAM the direct map covers get a mapping at their place in it,
 * __va(phys), so that every address space sees them (the upper half is
 * shared, docs/boot.md).  Device registers must not be cached: PCD and PWT
 * select the UC memory type with the PAT as the CPU resets it (Intel SDM
 * vol. 3A, 11.12.3 "Selecting a Memory Type from the PAT").  Only used at
 * boot; the page tables it adds are never freed, before any count is taken.
 */
#include <asm/io.h>
#include <pgtable.h>
#include <printk.h>

void *ioremap(u64 phys, size_t size)
{
	for (u64 pa = phys & PAGE_MASK; pa < phys + size; pa += PAGE_SIZE) {
		unsigned long va = (unsigned long)__va(pa);
		pte_t *pmd = pgtable_walk(init_pgd, va, PT_PMD, false);

		if (pmd && pte_present(*pmd) && (*pmd & _PAGE_PSE))
			continue; /* RAM, mapped by the direct map's 2 MiB pages */
		if (!map_page(init_pgd, va, pa, PAGE_KERNEL | _PAGE_PCD | _PAGE_PWT))
			panic("ioremap: out of memory mapping %lx", (unsigned long)pa);
	}
	return __va(phys);
}
