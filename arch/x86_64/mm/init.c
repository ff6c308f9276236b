/*
 * Replace the boot page tables with the kernel's real ones:
 *  - the direct map: all of RAM at PAGE_OFFSET, 2 MiB pages, read-write, NX;
 *  - the kernel image at KERNEL_VMA in 4 KiB pages with the rights each part
 *    needs: text read-only and executable, rodata read-only and NX, data and
 *    bss read-write and NX.
 * CR0.WP (set at boot) makes read-only pages read-only for the kernel too,
 * which is what lets copy_to_user() trigger copy-on-write.
 */
#include <mm.h>
#include <pgtable.h>
#include <printk.h>
#include <asm/cpu.h>

extern char _text[], _etext[], _erodata[], _end[];

static void map_kernel_range(char *start, char *end, u64 flags)
{
	for (unsigned long va = (unsigned long)start; va < (unsigned long)end; va += PAGE_SIZE)
		if (!map_page(init_pgd, va, __pa(va), flags))
			panic("paging_init: out of memory");
}

static void map_direct(void)
{
	unsigned long end = ALIGN_UP(max_pfn << PAGE_SHIFT, PMD_SIZE);

	for (unsigned long phys = 0; phys < end; phys += PMD_SIZE) {
		pte_t *pmd = pgtable_walk(init_pgd, PAGE_OFFSET + phys, PT_PMD, true);
		if (!pmd)
			panic("paging_init: out of memory");
		*pmd = phys | PAGE_KERNEL | _PAGE_PSE;
	}
}

void paging_init(void)
{
	init_pgd = page_address(alloc_zeroed_page());
	map_direct();
	map_kernel_range(_text, _etext, PAGE_KERNEL_EXEC);
	map_kernel_range(_etext, _erodata, PAGE_KERNEL_RO);
	map_kernel_range(_erodata, _end, PAGE_KERNEL);
	paging_load_kernel();
}

/* Each CPU: global pages on (the kernel's survive CR3 loads), then the kernel's tables. */
void paging_load_kernel(void)
{
	write_cr4(read_cr4() | X86_CR4_PGE);
	load_pgd(init_pgd);
}
