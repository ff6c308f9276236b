/*
 * Timekeeping: the TSC, calibrated against PIT channel 2 at boot, gives
 * fine-grained time (clock_gettime, benchmarks, udelay); each CPU's local
 * APIC timer (arch/x86_64/apic.c) ticks HZ times a second, the boot CPU's
 * tick counting jiffies.  The PIT's channel 0 and IRQ 0 are not used.
 * (Intel 8254 datasheet; OSDev "Programmable Interval Timer".)
 */
#include <time.h>
#include <sched.h>
#include <smp.h>
#include <kernel_stat.h>
#include <asm/io.h>
#include <asm/cpu.h>

#define PIT_FREQ 1193182
#define PIT_CH2 0x42
#define PIT_CMD 0x43
#define PIT_GATE 0x61 /* port B: bit 0 gates channel 2, bit 5 is its output */
#define CALIBRATE_MS 10

volatile u64 jiffies;
static u64 tsc_per_khz, tsc_at_boot;

/* Every CPU's tick, under the big kernel lock: the boot CPU's also counts jiffies and wakes the sleepers. */
void tick_periodic(void)
{
	if (smp_processor_id() == 0) {
		jiffies++;
		calc_global_load();
		timer_wake_sleepers();
	}
	scheduler_tick();
}

/* Count TSC cycles while PIT channel 2 counts down CALIBRATE_MS milliseconds. */
static u64 calibrate_tsc(void)
{
	u16 count = PIT_FREQ * CALIBRATE_MS / MSEC_PER_SEC;

	outb(PIT_GATE, (inb(PIT_GATE) & ~0x02) | 0x01);
	outb(PIT_CMD, 0xb0); /* channel 2, lobyte/hibyte, mode 0 */
	outb(PIT_CH2, count & 0xff);
	outb(PIT_CH2, count >> 8);
	u64 start = rdtsc();
	while (!(inb(PIT_GATE) & 0x20))
		;
	return (rdtsc() - start) / CALIBRATE_MS;
}

void timer_init(void)
{
	tsc_per_khz = calibrate_tsc();
	tsc_at_boot = rdtsc();
}

u64 tsc_khz(void)
{
	return tsc_per_khz;
}

void udelay(unsigned long us)
{
	if (!tsc_per_khz)
		return; /* no clock to wait on yet */
	u64 until = ktime_get_ns() + (u64)us * (NSEC_PER_SEC / USEC_PER_SEC);
	while (ktime_get_ns() < until)
		cpu_relax();
}

u64 ktime_get_ns(void)
{
	u64 cycles = rdtsc() - tsc_at_boot;

	/* cycles / kHz is milliseconds */
	return cycles / tsc_per_khz * NSEC_PER_MSEC + (cycles % tsc_per_khz) * NSEC_PER_MSEC / tsc_per_khz;
}
