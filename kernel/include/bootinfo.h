/* What the boot loader told us, copied out of the multiboot2 information. */
#ifndef BOOTINFO_H
#define BOOTINFO_H
#include <types.h>

#define MAX_MEM_REGIONS 32
#define CMDLINE_MAX 512
#define MAX_MODULES 4

struct mem_region {
	u64 base, size;
};

struct bootinfo {
	char cmdline[CMDLINE_MAX];
	struct mem_region ram[MAX_MEM_REGIONS]; /* usable RAM, from the memory map */
	unsigned nr_ram;
	struct mem_region modules[MAX_MODULES];  /* initrd archives, in boot order */
	unsigned nr_modules;
	u64 mbi_start, mbi_end;                 /* the information block itself */
	u8 rsdp[36];                            /* GRUB's copy of the ACPI RSDP, if it gave one */
	size_t rsdp_len;                        /* 0: none, 20: ACPI 1.0, 36: 2.0 and later */
};

extern struct bootinfo bootinfo;
void multiboot2_parse(u32 magic, u64 mbi_phys);
#endif
