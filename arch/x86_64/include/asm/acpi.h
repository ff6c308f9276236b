/*
 * What Cowl reads of the ACPI tables (arch/x86_64/acpi.c): the MADT's
 * local APICs (the CPUs), the I/O APIC and the ISA interrupt overrides.
 */
#ifndef ASM_ACPI_H
#define ASM_ACPI_H
#include <types.h>
#include <asm/percpu.h>

#define MAX_IRQ_OVERRIDES 16

/* ACPI 6.5, 5.2.6 "System Description Table Header". */
struct acpi_table_header {
	char signature[4];
	u32 length; /* of the whole table, header included */
	u8 revision;
	u8 checksum; /* all bytes of the table sum to 0 */
	char oem_id[6];
	char oem_table_id[8];
	u32 oem_revision;
	u32 creator_id;
	u32 creator_revision;
} __packed;

/* ACPI 6.5, 5.2.5.3 "Root System Description Pointer (RSDP) Structure". */
struct acpi_rsdp {
	char signature[8]; /* "RSD PTR " */
	u8 checksum;       /* of the first 20 bytes, the ACPI 1.0 part */
	char oem_id[6];
	u8 revision;       /* 0: ACPI 1.0, an RSDT only; 2: 2.0 and later, an XSDT too */
	u32 rsdt_phys;
	u32 length;        /* from here on only in 2.0 and later */
	u64 xsdt_phys;
	u8 extended_checksum; /* of the whole structure */
	u8 reserved[3];
} __packed;

struct madt_info {
	u64 lapic_phys;                 /* the local APICs' registers (every CPU sees its own there) */
	bool pcat_compat;               /* 8259 PICs present too (flag bit 0) */
	unsigned nr_cpus;               /* enabled local APICs, at most NR_CPUS kept */
	unsigned nr_cpus_ignored;       /* enabled beyond NR_CPUS */
	u8 apic_ids[NR_CPUS];           /* in MADT order */
	unsigned nr_ioapics;            /* only the first is kept */
	u8 ioapic_id;
	u32 ioapic_phys;
	u32 ioapic_gsi_base;            /* the global system interrupt of its input 0 */
	unsigned nr_overrides;
	struct {
		u8 irq;                 /* the ISA IRQ (PIC line) */
		u32 gsi;                /* the I/O APIC input it arrives on */
		u16 flags;              /* polarity and trigger mode */
	} overrides[MAX_IRQ_OVERRIDES];
};

extern struct madt_info madt;

/* Find the MADT through the RSDP and fill `madt`; -ENOENT if there is none. */
int acpi_init(void);
/* The RSDP in the BIOS areas, NULL if none: where acpi_init looks when GRUB gave no copy. */
const struct acpi_rsdp *acpi_scan_bios_rsdp(void);
/* Check a table's checksum and read a MADT into *info; -EINVAL if it is not a valid MADT. */
int acpi_parse_madt(const struct acpi_table_header *table, struct madt_info *info);
#endif
