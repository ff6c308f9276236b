/*
 * memblock: the boot-time view of physical memory.  It knows the usable RAM
 * ranges (from the boot loader) and the ranges already taken (the first
 * megabyte, the kernel image, the boot information, the initrd, and what it
 * hands out itself).  It allocates only from memory the boot page tables map
 * (below 4 GiB), and lives until page_alloc_init() takes the rest.
 */
#include <memblock.h>
#include <asm/page.h>
#include <bootinfo.h>
#include <printk.h>

#define MAX_RESERVED 32
#define BOOT_MAPPED_LIMIT (4ul << 30)
#define LOW_MEMORY_END (1ul << 20) /* the first MiB; the kernel image is loaded from here (linker.ld) */

static struct mem_region reserved[MAX_RESERVED];
static unsigned nr_reserved;

extern char _end[];

static void memblock_reserve(u64 base, u64 size)
{
	if (nr_reserved == MAX_RESERVED)
		panic("memblock: too many reserved ranges");
	reserved[nr_reserved++] = (struct mem_region){ base & PAGE_MASK, PAGE_ALIGN(base + size) - (base & PAGE_MASK) };
}

u64 memblock_reserved_end(u64 phys)
{
	for (unsigned i = 0; i < nr_reserved; i++)
		if (phys >= reserved[i].base && phys < reserved[i].base + reserved[i].size)
			return reserved[i].base + reserved[i].size;
	return 0;
}

u64 memblock_next_reserved(u64 phys)
{
	u64 next = ~0ull;

	for (unsigned i = 0; i < nr_reserved; i++)
		if (reserved[i].base > phys)
			next = MIN(next, reserved[i].base);
	return next;
}

static u64 first_reserved_overlap_end(u64 base, u64 size)
{
	for (unsigned i = 0; i < nr_reserved; i++)
		if (base < reserved[i].base + reserved[i].size && reserved[i].base < base + size)
			return reserved[i].base + reserved[i].size;
	return 0;
}

void memblock_init(void)
{
	memblock_reserve(0, LOW_MEMORY_END); /* real-mode IVT, BIOS data, VGA, ROMs */
	memblock_reserve(LOW_MEMORY_END, __pa(_end) - LOW_MEMORY_END);
	memblock_reserve(bootinfo.mbi_start, bootinfo.mbi_end - bootinfo.mbi_start);
	for (unsigned i = 0; i < bootinfo.nr_modules; i++)
		memblock_reserve(bootinfo.modules[i].base, bootinfo.modules[i].size);
}

/* First fit in usable RAM below 4 GiB that overlaps nothing reserved. */
u64 memblock_alloc(u64 size, u64 align)
{
	size = PAGE_ALIGN(size);
	for (unsigned i = 0; i < bootinfo.nr_ram; i++) {
		u64 base = ALIGN_UP(bootinfo.ram[i].base, align);
		u64 end = bootinfo.ram[i].base + bootinfo.ram[i].size;
		while (base + size <= end && base + size <= BOOT_MAPPED_LIMIT) {
			u64 skip = first_reserved_overlap_end(base, size);
			if (!skip) {
				memblock_reserve(base, size);
				return base;
			}
			base = ALIGN_UP(skip, align);
		}
	}
	panic("memblock: out of memory allocating %lu bytes", (unsigned long)size);
}
