/*
 * Read the multiboot2 boot information (multiboot2 specification, section
 * 3.6 "Boot information format"): a size header, then 8-byte aligned tags.
 * We keep the command line, the usable RAM ranges, the modules (initrd
 * archives, unpacked in order, so a later one can add or replace files) and
 * GRUB's copy of the ACPI RSDP (3.6.12 "ACPI old RSDP", 3.6.13 "ACPI new
 * RSDP"; the new one, ACPI 2.0+ with the XSDT, is preferred).
 */
#include <bootinfo.h>
#include <string.h>
#include <printk.h>
#include <asm/page.h>

#define MB2_BOOT_MAGIC 0x36d76289
#define TAG_END 0
#define TAG_CMDLINE 1
#define TAG_MODULE 3
#define TAG_MMAP 6
#define TAG_ACPI_OLD 14
#define TAG_ACPI_NEW 15
#define MMAP_AVAILABLE 1

struct mb2_tag {
	u32 type, size;
};
struct mb2_module {
	struct mb2_tag tag;
	u32 mod_start, mod_end;
	char string[];
};
struct mb2_mmap {
	struct mb2_tag tag;
	u32 entry_size, entry_version;
	u8 entries[];
};
struct mb2_mmap_entry {
	u64 base, len;
	u32 type, reserved;
};

struct bootinfo bootinfo;

static void parse_mmap(const struct mb2_mmap *m)
{
	for (u32 off = 0; off + m->entry_size <= m->tag.size - sizeof(*m); off += m->entry_size) {
		const struct mb2_mmap_entry *e = (const void *)(m->entries + off);
		if (e->type != MMAP_AVAILABLE || bootinfo.nr_ram == MAX_MEM_REGIONS)
			continue;
		bootinfo.ram[bootinfo.nr_ram++] = (struct mem_region){ e->base, e->len };
	}
}

static void copy_rsdp(const struct mb2_tag *tag)
{
	size_t len = MIN(tag->size - sizeof(*tag), sizeof(bootinfo.rsdp));

	if (tag->type == TAG_ACPI_OLD && bootinfo.rsdp_len)
		return; /* the new one came first */
	memcpy(bootinfo.rsdp, tag + 1, len);
	bootinfo.rsdp_len = len;
}

void multiboot2_parse(u32 magic, u64 mbi_phys)
{
	if (magic != MB2_BOOT_MAGIC)
		panic("bad multiboot2 magic %x", magic);
	u32 total = *(u32 *)__va(mbi_phys);
	bootinfo.mbi_start = mbi_phys;
	bootinfo.mbi_end = mbi_phys + total;

	for (u32 off = 8; off < total;) {
		const struct mb2_tag *tag = __va(mbi_phys + off);
		if (tag->type == TAG_END)
			break;
		if (tag->type == TAG_CMDLINE)
			strlcpy(bootinfo.cmdline, (const char *)(tag + 1), sizeof(bootinfo.cmdline));
		else if (tag->type == TAG_MODULE && bootinfo.nr_modules < MAX_MODULES) {
			const struct mb2_module *mod = (const void *)tag;
			bootinfo.modules[bootinfo.nr_modules++] =
				(struct mem_region){ mod->mod_start, mod->mod_end - mod->mod_start };
		} else if (tag->type == TAG_MMAP)
			parse_mmap((const void *)tag);
		else if (tag->type == TAG_ACPI_NEW || tag->type == TAG_ACPI_OLD)
			copy_rsdp(tag);
		off += ALIGN_UP(tag->size, 8);
	}
}
