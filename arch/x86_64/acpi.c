/*
 * ACPI, as far as SMP needs it (ACPI 6.5, 5.2 "ACPI System Description
 * Tables"): the RSDP leads to the XSDT (ACPI 2.0 and later, 64-bit
 * pointers) or the RSDT (32-bit pointers), a list of tables; of those
 * only the MADT ("APIC") is read, which lists the interrupt controllers:
 * one local APIC per CPU, the I/O APICs, and how ISA IRQs reach them.
 */
#include <asm/acpi.h>
#include <asm/io.h>
#include <asm/page.h>
#include <bootinfo.h>
#include <string.h>
#include <printk.h>
#include <errno.h>

#define BDA_EBDA_SEGMENT 0x40e /* BIOS data area: the EBDA's real-mode segment */
#define BIOS_ROM_START 0xe0000
#define BIOS_ROM_END 0x100000
#define RSDP_V1_LENGTH 20

struct madt_info madt;

/* 5.2.12 "Multiple APIC Description Table (MADT)": a header, then entries of a type and a length each. */
struct acpi_madt {
	struct acpi_table_header header;
	u32 lapic_phys;
	u32 flags;
} __packed;
#define MADT_PCAT_COMPAT 1

struct madt_entry {
	u8 type, length;
} __packed;
#define MADT_LOCAL_APIC 0           /* 5.2.12.2 "Processor Local APIC Structure" */
#define MADT_IO_APIC 1              /* 5.2.12.3 "I/O APIC Structure" */
#define MADT_IRQ_OVERRIDE 2         /* 5.2.12.5 "Interrupt Source Override Structure" */
#define MADT_LAPIC_ADDR_OVERRIDE 5  /* 5.2.12.8 "Local APIC Address Override Structure" */

struct madt_local_apic {
	struct madt_entry h;
	u8 processor_uid, apic_id;
	u32 flags;
} __packed;
#define LAPIC_ENABLED 1

struct madt_io_apic {
	struct madt_entry h;
	u8 id, reserved;
	u32 address, gsi_base;
} __packed;

struct madt_irq_override {
	struct madt_entry h;
	u8 bus, source;
	u32 gsi;
	u16 flags;
} __packed;

struct madt_lapic_addr_override {
	struct madt_entry h;
	u16 reserved;
	u64 address;
} __packed;

static bool checksum_ok(const void *p, size_t len)
{
	u8 sum = 0;

	for (size_t i = 0; i < len; i++)
		sum += ((const u8 *)p)[i];
	return sum == 0;
}

static bool rsdp_ok(const struct acpi_rsdp *r, size_t len)
{
	if (len < RSDP_V1_LENGTH || memcmp(r->signature, "RSD PTR ", 8) || !checksum_ok(r, RSDP_V1_LENGTH))
		return false;
	return r->revision < 2 || (len >= sizeof(*r) && checksum_ok(r, sizeof(*r)));
}

/* 5.2.5.1 "Finding the RSDP on IA-PC Systems": on a 16-byte boundary in the EBDA's first KiB or the BIOS ROM. */
static const struct acpi_rsdp *scan_rsdp(u64 start, u64 end)
{
	for (u64 pa = start; pa + sizeof(struct acpi_rsdp) <= end; pa += 16)
		if (rsdp_ok(__va(pa), end - pa))
			return __va(pa);
	return NULL;
}

const struct acpi_rsdp *acpi_scan_bios_rsdp(void)
{
	u64 ebda = (u64)*(const u16 *)__va(BDA_EBDA_SEGMENT) << 4;
	const struct acpi_rsdp *r = ebda ? scan_rsdp(ebda, ebda + 1024) : NULL;

	return r ? r : scan_rsdp(BIOS_ROM_START, BIOS_ROM_END);
}

/* A table at phys, mapped whole, or NULL if its checksum is wrong. */
static const struct acpi_table_header *map_table(u64 phys)
{
	const struct acpi_table_header *t = ioremap(phys, sizeof(*t));

	t = ioremap(phys, t->length);
	return checksum_ok(t, t->length) ? t : NULL;
}

/* 5.2.7 "Root System Description Table (RSDT)", 5.2.8 "Extended System Description Table (XSDT)". */
static const struct acpi_table_header *find_table(const struct acpi_rsdp *rsdp, const char *sig)
{
	bool xsdt = rsdp->revision >= 2 && rsdp->xsdt_phys;
	const struct acpi_table_header *root = map_table(xsdt ? rsdp->xsdt_phys : rsdp->rsdt_phys);
	size_t width = xsdt ? 8 : 4;

	if (!root)
		return NULL;
	const u8 *entries = (const u8 *)(root + 1);
	for (size_t off = 0; off + width <= root->length - sizeof(*root); off += width) {
		u64 phys = 0;
		memcpy(&phys, entries + off, width); /* unaligned in the RSDT's layout */
		const struct acpi_table_header *t = map_table(phys);
		if (t && !memcmp(t->signature, sig, 4))
			return t;
	}
	return NULL;
}

static void madt_entry(const struct madt_entry *e, struct madt_info *info)
{
	const struct madt_local_apic *lapic = (const void *)e;
	const struct madt_io_apic *io = (const void *)e;
	const struct madt_irq_override *ovr = (const void *)e;
	const struct madt_lapic_addr_override *addr = (const void *)e;

	if (e->type == MADT_LOCAL_APIC && e->length >= sizeof(*lapic) && (lapic->flags & LAPIC_ENABLED)) {
		if (info->nr_cpus < NR_CPUS)
			info->apic_ids[info->nr_cpus++] = lapic->apic_id;
		else
			info->nr_cpus_ignored++;
	} else if (e->type == MADT_IO_APIC && e->length >= sizeof(*io)) {
		if (!info->nr_ioapics++) {
			info->ioapic_id = io->id;
			info->ioapic_phys = io->address;
			info->ioapic_gsi_base = io->gsi_base;
		}
	} else if (e->type == MADT_IRQ_OVERRIDE && e->length >= sizeof(*ovr) && info->nr_overrides < MAX_IRQ_OVERRIDES) {
		info->overrides[info->nr_overrides].irq = ovr->source;
		info->overrides[info->nr_overrides].gsi = ovr->gsi;
		info->overrides[info->nr_overrides++].flags = ovr->flags;
	} else if (e->type == MADT_LAPIC_ADDR_OVERRIDE && e->length >= sizeof(*addr)) {
		info->lapic_phys = addr->address;
	}
}

int acpi_parse_madt(const struct acpi_table_header *table, struct madt_info *info)
{
	const struct acpi_madt *m = (const void *)table;

	if (memcmp(table->signature, "APIC", 4) || table->length < sizeof(*m) || !checksum_ok(table, table->length))
		return -EINVAL;
	*info = (struct madt_info){ .lapic_phys = m->lapic_phys, .pcat_compat = m->flags & MADT_PCAT_COMPAT };
	for (u32 off = sizeof(*m); off + sizeof(struct madt_entry) <= table->length;) {
		const struct madt_entry *e = (const void *)((const u8 *)table + off);
		if (e->length < sizeof(*e) || off + e->length > table->length)
			return -EINVAL;
		madt_entry(e, info);
		off += e->length;
	}
	return info->nr_cpus ? 0 : -EINVAL;
}

int acpi_init(void)
{
	const struct acpi_rsdp *rsdp = rsdp_ok((const void *)bootinfo.rsdp, bootinfo.rsdp_len)
					       ? (const void *)bootinfo.rsdp : acpi_scan_bios_rsdp();
	const struct acpi_table_header *t = rsdp ? find_table(rsdp, "APIC") : NULL;

	if (!t || acpi_parse_madt(t, &madt) < 0) {
		pr_warn("ACPI: no valid MADT%s: one CPU\n", rsdp ? "" : " (no RSDP)");
		return -ENOENT;
	}
	pr_info("ACPI: MADT: %u CPU%s%s, local APIC at %lx, %u I/O APIC%s (id %u at %x, GSI %u), %u IRQ override%s\n",
		madt.nr_cpus, madt.nr_cpus == 1 ? "" : "s", madt.nr_cpus_ignored ? " (more ignored)" : "",
		(unsigned long)madt.lapic_phys, madt.nr_ioapics, madt.nr_ioapics == 1 ? "" : "s", madt.ioapic_id,
		madt.ioapic_phys, madt.ioapic_gsi_base, madt.nr_overrides, madt.nr_overrides == 1 ? "" : "s");
	return 0;
}
