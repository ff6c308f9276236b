/* Self-tests of the ACPI table reading (arch/x86_64/acpi.c). */
#include <selftest.h>
#include <string.h>
#include <bootinfo.h>
#include <errno.h>
#include <asm/acpi.h>
#include <asm/apic.h>
#include <asm/cpu.h>

/* A MADT as firmware could lay it out: two enabled CPUs, a disabled one, an I/O APIC, an override, an unknown entry. */
static const u8 madt_entries[] = {
	0, 8, 0, 0, 1, 0, 0, 0,                    /* local APIC: uid 0, id 0, enabled */
	0, 8, 1, 3, 1, 0, 0, 0,                    /* uid 1, id 3, enabled */
	0, 8, 2, 5, 0, 0, 0, 0,                    /* uid 2, id 5, disabled: not a CPU to start */
	1, 12, 2, 0, 0, 0, 0xc0, 0xfe, 0, 0, 0, 0, /* I/O APIC id 2 at fec00000, GSI base 0 */
	2, 10, 0, 0, 2, 0, 0, 0, 0, 0,             /* ISA IRQ 0 arrives on GSI 2 */
	0x7f, 4, 0, 0,                             /* a type this kernel does not know: stepped over */
};

static u8 table[sizeof(struct acpi_table_header) + 8 + sizeof(madt_entries)];

static void fix_checksum(void)
{
	struct acpi_table_header *h = (void *)table;
	u8 sum = 0;

	h->checksum = 0;
	for (size_t i = 0; i < sizeof(table); i++)
		sum += table[i];
	h->checksum = -sum;
}

static void build_madt(void)
{
	struct acpi_table_header *h = (void *)table;
	u32 lapic = 0xfee00000, flags = 1;

	memset(table, 0, sizeof(table));
	memcpy(h->signature, "APIC", 4);
	h->length = sizeof(table);
	memcpy(table + sizeof(*h), &lapic, 4);
	memcpy(table + sizeof(*h) + 4, &flags, 4);
	memcpy(table + sizeof(*h) + 8, madt_entries, sizeof(madt_entries));
	fix_checksum();
}

KERNEL_TEST(acpi_madt_parse)
{
	static struct madt_info info;

	build_madt();
	KT_ASSERT(acpi_parse_madt((void *)table, &info) == 0);
	KT_ASSERT(info.nr_cpus == 2 && info.apic_ids[0] == 0 && info.apic_ids[1] == 3);
	KT_ASSERT(info.lapic_phys == 0xfee00000 && info.pcat_compat);
	KT_ASSERT(info.nr_ioapics == 1 && info.ioapic_id == 2 && info.ioapic_phys == 0xfec00000);
	KT_ASSERT(info.ioapic_gsi_base == 0);
	KT_ASSERT(info.nr_overrides == 1 && info.overrides[0].irq == 0 && info.overrides[0].gsi == 2);
	table[40] ^= 1; /* the flags: the checksum no longer holds */
	KT_ASSERT(acpi_parse_madt((void *)table, &info) == -EINVAL);
	build_madt();
	table[sizeof(struct acpi_table_header) + 8 + 1] = 0; /* an entry of length 0 would never end */
	fix_checksum();
	KT_ASSERT(acpi_parse_madt((void *)table, &info) == -EINVAL);
	memcpy(table, "FACP", 4);
	fix_checksum();
	KT_ASSERT(acpi_parse_madt((void *)table, &info) == -EINVAL);
}

/* What the boot read of this machine's MADT must agree with: the hardware itself. */
KERNEL_TEST(acpi_madt_matches_the_machine)
{
	bool bsp_listed = false;

	KT_ASSERT(madt.nr_cpus >= 1);
	for (unsigned i = 0; i < madt.nr_cpus; i++)
		bsp_listed |= madt.apic_ids[i] == lapic_id();
	KT_ASSERT(bsp_listed);
	KT_ASSERT(madt.lapic_phys == (rdmsr(MSR_IA32_APICBASE) & ~0xffful & 0xffffffffful));
	KT_ASSERT(madt.nr_ioapics >= 1 && madt.ioapic_phys && !(madt.ioapic_phys & 0xfff));
}

/* The BIOS-area search, used when GRUB gives no RSDP, must find the one GRUB copied. */
KERNEL_TEST(acpi_rsdp_bios_scan_finds_grubs)
{
	const struct acpi_rsdp *grub = (const void *)bootinfo.rsdp, *found = acpi_scan_bios_rsdp();

	KT_ASSERT(bootinfo.rsdp_len >= 20);
	KT_ASSERT(found);
	KT_ASSERT(found->rsdt_phys == grub->rsdt_phys && found->revision == grub->revision);
}
