/*
 * The I/O APIC (Intel 82093AA datasheet): the device interrupts, taken
 * from the ISA lines and sent to a local APIC as messages.  Used whenever
 * the MADT lists one (ACPI 6.5, 5.2.12.3); then the 8259 PICs are masked
 * whole, as the MADT's PCAT_COMPAT flag asks of an OS that runs the APICs
 * (5.2.12, table "Multiple APIC Flags").  Without one, arch/x86_64/pic.c
 * delivers them through the boot CPU's LINT0 as before.
 *
 * Each ISA IRQ keeps the vector the PIC gave it (IRQ_BASE_VECTOR + irq),
 * so interrupt_dispatch() needs no second table, and goes to the boot
 * CPU: the serial port and the keyboard are slow, and their handlers run
 * under the big kernel lock wherever they run.
 */
#include <asm/io_apic.h>
#include <asm/acpi.h>
#include <asm/desc.h>
#include <asm/io.h>
#include <asm/page.h>
#include <asm/percpu.h>
#include <cmdline.h>
#include <printk.h>

/* 3.1 "Memory Mapped Registers for Accessing IOAPIC Registers": a select register and a data window. */
#define IOREGSEL 0x00
#define IOWIN 0x10

/* 3.2 "IOAPIC Registers", reached through IOREGSEL. */
#define IOAPICVER 0x01
#define IOAPICVER_MAX_ENTRY(v) (((v) >> 16) & 0xff) /* 3.2.2: the last redirection entry's number */
#define IOREDTBL(pin) (0x10 + 2 * (pin))            /* 3.2.4: two 32-bit halves per input pin */

/* 3.2.4 "IOREDTBL[23:0]", the low half; the destination APIC id is in bits 56-63 (the high half's 24-31). */
#define REDIR_DM_FIXED (0u << 8)    /* delivery mode: the vector, to the destination */
#define REDIR_DEST_PHYSICAL (0u << 11)
#define REDIR_ACTIVE_LOW (1u << 13) /* interrupt input pin polarity */
#define REDIR_LEVEL (1u << 15)      /* trigger mode: level (else edge) */
#define REDIR_MASKED (1u << 16)
#define REDIR_DEST_SHIFT 24

/* ACPI 6.5, 5.2.12.5, table "MPS INTI Flags": bits 0-1 polarity, 2-3 trigger mode; 0 = the bus's own. */
#define MPS_INTI_POLARITY_MASK 0x3
#define MPS_INTI_POLARITY_LOW 0x3
#define MPS_INTI_TRIGGER_MASK 0xc
#define MPS_INTI_TRIGGER_LEVEL 0xc

static u8 *ioapic;        /* its two registers, mapped uncached; NULL: no I/O APIC, the PIC is used */
static unsigned nr_pins;  /* its redirection entries, as IOAPICVER says (24 on the 82093AA and QEMU's) */

static u32 io_apic_read(u32 reg)
{
	writel(reg, ioapic + IOREGSEL);
	return readl(ioapic + IOWIN);
}

static void io_apic_write(u32 reg, u32 v)
{
	writel(reg, ioapic + IOREGSEL);
	writel(v, ioapic + IOWIN);
}

bool io_apic_enabled(void)
{
	return ioapic;
}

/*
 * Map the MADT's I/O APIC and mask every input; false when there is none,
 * or `noapic` (Linux's option) keeps the PIC.  Its entries are as the
 * firmware left them until masked here (3.2.4: the mask bit is set at
 * reset, but a BIOS may have used some).
 */
bool io_apic_init(void)
{
	if (!madt.nr_ioapics || cmdline_has(&kernel_cmdline, "noapic"))
		return false;
	ioapic = ioremap(madt.ioapic_phys, PAGE_SIZE);
	nr_pins = IOAPICVER_MAX_ENTRY(io_apic_read(IOAPICVER)) + 1;
	for (unsigned pin = 0; pin < nr_pins; pin++)
		io_apic_write(IOREDTBL(pin), REDIR_MASKED);
	pr_info("IOAPIC: id %u at %x, GSI %u-%u; 8259 PIC masked\n", madt.ioapic_id, madt.ioapic_phys,
		madt.ioapic_gsi_base, madt.ioapic_gsi_base + nr_pins - 1);
	return true;
}

/*
 * An ISA IRQ's input pin and its polarity and trigger: an Interrupt Source
 * Override says where it differs from the identity, active-high and
 * edge-triggered ISA default (ACPI 6.5, 5.2.12.5; the PIT's IRQ 0 on GSI 2
 * on a PC, ACPI's SCI often level-triggered and active low).
 */
static u32 isa_irq_entry(unsigned irq, unsigned *pin)
{
	u32 gsi = irq, low = REDIR_DM_FIXED | REDIR_DEST_PHYSICAL | (IRQ_BASE_VECTOR + irq);

	for (unsigned i = 0; i < madt.nr_overrides; i++) {
		if (madt.overrides[i].irq != irq)
			continue;
		gsi = madt.overrides[i].gsi;
		if ((madt.overrides[i].flags & MPS_INTI_POLARITY_MASK) == MPS_INTI_POLARITY_LOW)
			low |= REDIR_ACTIVE_LOW;
		if ((madt.overrides[i].flags & MPS_INTI_TRIGGER_MASK) == MPS_INTI_TRIGGER_LEVEL)
			low |= REDIR_LEVEL;
	}
	*pin = gsi - madt.ioapic_gsi_base;
	return low;
}

/* Route ISA IRQ irq to the boot CPU, unmasked: the high half first, so the entry is whole when unmasked. */
void io_apic_unmask_isa_irq(unsigned irq)
{
	unsigned pin;
	u32 low = isa_irq_entry(irq, &pin);

	if (pin >= nr_pins) {
		pr_warn("IOAPIC: IRQ %u is on GSI %u, not on this I/O APIC: left masked\n", irq,
			pin + madt.ioapic_gsi_base);
		return;
	}
	io_apic_write(IOREDTBL(pin) + 1, per_cpu_area(0)->apic_id << REDIR_DEST_SHIFT);
	io_apic_write(IOREDTBL(pin), low);
}
