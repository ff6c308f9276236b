/*
 * The local APIC, in xAPIC mode: 32-bit registers 16 bytes apart in one
 * uncached page (Intel SDM vol. 3A, 10.4.1, table 10-1).  It serves the
 * IPIs between CPUs and the timer (10.5.4) that gives every CPU, the boot
 * CPU too, its tick.  The devices' interrupts come from the I/O APIC
 * (arch/x86_64/io_apic.c) as messages; only where the MADT lists none do
 * they come from the 8259 PIC (pic.c), through the boot CPU's LINT0
 * programmed as ExtINT, the "virtual wire" that hands the PIC's INTR to
 * that CPU (10.5.1; MultiProcessor Specification 1.4, 3.6.2.2).  LINT0 is
 * masked everywhere else.
 */
#include <asm/apic.h>
#include <asm/cpu.h>
#include <asm/io.h>
#include <asm/io_apic.h>
#include <asm/page.h>
#include <asm/percpu.h>
#include <asm/pic.h>
#include <asm/tsc.h>
#include <sched.h>
#include <time.h>

#define APICBASE_ADDR_MASK 0xffffff000ul /* IA32_APIC_BASE bits 12-35 (10.4.4) */

#define APIC_ID 0x20
#define APIC_TPR 0x80
#define APIC_EOI 0xb0
#define APIC_SVR 0xf0
#define APIC_ESR 0x280
#define APIC_ICR_LOW 0x300
#define APIC_ICR_HIGH 0x310
#define APIC_LVT_TIMER 0x320
#define APIC_LVT_LINT0 0x350
#define APIC_LVT_LINT1 0x360
#define APIC_LVT_ERROR 0x370
#define APIC_TIMER_INITIAL 0x380
#define APIC_TIMER_CURRENT 0x390
#define APIC_TIMER_DIVIDE 0x3e0

#define APIC_SVR_ENABLE (1u << 8)    /* 10.4.3: software enable */
#define APIC_LVT_MASKED (1u << 16)
#define APIC_DM_FIXED 0x000
#define APIC_DM_NMI 0x400
#define APIC_DM_INIT 0x500
#define APIC_DM_STARTUP 0x600
#define APIC_DM_EXTINT 0x700
#define APIC_ICR_BUSY (1u << 12)     /* delivery status: send pending */
#define APIC_INT_ASSERT (1u << 14)
#define APIC_INT_LEVELTRIG (1u << 15)
#define APIC_DEST_SHIFT 24           /* in ICR_HIGH */
#define APIC_TIMER_PERIODIC (1u << 17)
#define APIC_TIMER_DIV_16 0x3        /* divide configuration: the timer's clock / 16 (10.5.4, figure 10-10) */
#define CALIBRATE_US 10000

static u8 *lapic; /* the registers, mapped by the boot CPU (ioremap) */
static u32 timer_count_per_tick; /* timer counts (clock / 16) in 1/HZ s, measured by the boot CPU */

static u32 apic_read(u32 reg) { return readl(lapic + reg); }
static void apic_write(u32 reg, u32 v) { writel(v, lapic + reg); }

void lapic_init(void)
{
	u64 base = rdmsr(MSR_IA32_APICBASE);
	bool bsp = base & (1u << 8); /* IA32_APIC_BASE.BSP (10.4.4) */
	bool virtual_wire = bsp && !io_apic_enabled();

	if (!lapic)
		lapic = ioremap(base & APICBASE_ADDR_MASK, PAGE_SIZE);
	/* Software-enabled first: until then the LVT mask bits cannot be cleared (10.4.7.2). */
	apic_write(APIC_SVR, APIC_SVR_ENABLE | SPURIOUS_APIC_VECTOR);
	apic_write(APIC_LVT_LINT0, virtual_wire ? APIC_DM_EXTINT : APIC_LVT_MASKED);
	apic_write(APIC_LVT_LINT1, bsp ? APIC_DM_NMI : APIC_LVT_MASKED);
	apic_write(APIC_LVT_TIMER, APIC_LVT_MASKED);
	apic_write(APIC_LVT_ERROR, APIC_LVT_MASKED);
	apic_write(APIC_ESR, 0); /* back-to-back writes clear it (10.5.3) */
	apic_write(APIC_ESR, 0);
	apic_write(APIC_TPR, 0); /* accept every priority class */
	lapic_eoi();             /* none may be left in service from the firmware */
}

u32 lapic_id(void)
{
	return apic_read(APIC_ID) >> 24;
}

void lapic_eoi(void)
{
	apic_write(APIC_EOI, 0);
}

/* 10.6.1 "Interrupt Command Register (ICR)": the high half first; writing the low half sends. */
static void send_icr(u32 apic_id, u32 low)
{
	apic_write(APIC_ICR_HIGH, apic_id << APIC_DEST_SHIFT);
	apic_write(APIC_ICR_LOW, low);
	while (apic_read(APIC_ICR_LOW) & APIC_ICR_BUSY)
		cpu_relax();
}

static u32 lapic_timer_current(void)
{
	return apic_read(APIC_TIMER_CURRENT);
}

/*
 * Count the timer down for CALIBRATE_US on the TSC (the PIT calibrated it):
 * the timer's clock is the bus or core crystal clock, which only the
 * measurement tells (10.5.4).  The same on every CPU of one machine.  Both
 * ends are tsc_sample()s: a vCPU paused by the host between the timer's
 * start and the TSC's changes nothing.
 */
void lapic_timer_calibrate(void)
{
	apic_write(APIC_TIMER_DIVIDE, APIC_TIMER_DIV_16);
	apic_write(APIC_LVT_TIMER, APIC_LVT_MASKED);
	apic_write(APIC_TIMER_INITIAL, 0xffffffff);
	struct tsc_sample start = tsc_sample(lapic_timer_current);
	udelay(CALIBRATE_US);
	struct tsc_sample end = tsc_sample(lapic_timer_current);
	apic_write(APIC_TIMER_INITIAL, 0);
	u64 tsc_per_tick = tsc_khz() * (MSEC_PER_SEC / HZ);
	timer_count_per_tick = (u64)(start.count - end.count) * tsc_per_tick / (end.tsc - start.tsc);
}

/* Periodic, HZ times a second, on LOCAL_TIMER_VECTOR. */
void lapic_timer_start(void)
{
	apic_write(APIC_TIMER_DIVIDE, APIC_TIMER_DIV_16);
	apic_write(APIC_LVT_TIMER, APIC_TIMER_PERIODIC | LOCAL_TIMER_VECTOR);
	apic_write(APIC_TIMER_INITIAL, timer_count_per_tick);
}

/* Every CPU's tick, under the big kernel lock. */
void smp_apic_timer_interrupt(void)
{
	this_cpu()->apic_timer_irqs++;
	lapic_eoi();
	tick_periodic();
}

/*
 * The boot CPU's interrupts, once the MADT is read and the TSC calibrated
 * (timer_init()): the I/O APIC if there is one, the PIC masked then (the
 * MADT's PCAT_COMPAT flag asks it, ACPI 6.5, 5.2.12); this CPU's local
 * APIC, its timer measured and started.  The APs, started later, use the
 * same measurement.
 */
void apic_intr_mode_init(void)
{
	if (io_apic_init())
		pic_mask_all();
	lapic_init();
	this_cpu()->apic_id = lapic_id();
	lapic_timer_calibrate();
	lapic_timer_start();
}

void apic_send_ipi(u32 apic_id, u8 vector)
{
	send_icr(apic_id, APIC_DM_FIXED | APIC_INT_ASSERT | vector);
}

/*
 * Vol. 3A, 8.4.4.1 "Typical BSP Initialization Sequence" and 10.6.1: an
 * INIT IPI, 10 ms, then a STARTUP IPI whose vector is the page number of
 * the start address, 200 us, and a second one (the first may be lost).
 * An AP already started ignores the second (8.4.3).
 */
void wakeup_secondary_cpu_via_init(u32 apic_id, unsigned long start_phys)
{
	send_icr(apic_id, APIC_DM_INIT | APIC_INT_ASSERT | APIC_INT_LEVELTRIG);
	udelay(10000);
	for (int i = 0; i < 2; i++) {
		send_icr(apic_id, APIC_DM_STARTUP | (start_phys >> PAGE_SHIFT));
		udelay(200);
	}
}
