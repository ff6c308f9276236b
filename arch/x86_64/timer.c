/*
 * Timekeeping: the TSC, calibrated against PIT channel 2 at boot, gives
 * fine-grained time (clock_gettime, benchmarks, udelay); each CPU's local
 * APIC timer (arch/x86_64/apic.c) ticks HZ times a second, the boot CPU's
 * tick bringing jiffies up to the TSC's count of ticks.  The PIT's channel 0 and IRQ 0 are not used.
 * (Intel 8254 datasheet; OSDev "Programmable Interval Timer".)
 */
#include <time.h>
#include <sched.h>
#include <smp.h>
#include <kernel_stat.h>
#include <asm/io.h>
#include <asm/cpu.h>
#include <asm/tsc.h>

#define PIT_FREQ 1193182
#define PIT_CH2 0x42
#define PIT_CMD 0x43
#define PIT_GATE 0x61 /* port B: bit 0 gates channel 2, bit 5 is its output */
#define CALIBRATE_MS 10

volatile u64 jiffies;
static u64 tsc_per_khz, tsc_at_boot;

/*
 * jiffies are the ticks the TSC says have passed, as Linux's
 * tick_do_update_jiffies64() counts them from its clocksource: QEMU merges
 * the ticks of a vCPU the host did not run in time, and a tick that never
 * came must still count, or every sleep (which waits for jiffies) ends late.
 */
static void update_jiffies(void)
{
	u64 now = ktime_get_ns() / (NSEC_PER_SEC / HZ);

	if (now > jiffies)
		jiffies = now;
}

/* Every CPU's tick, under the big kernel lock: the boot CPU's also counts jiffies and wakes the sleepers. */
void tick_periodic(void)
{
	if (smp_processor_id() == 0) {
		update_jiffies();
		calc_global_load();
		timer_wake_sleepers();
	}
	scheduler_tick();
}

#define SAMPLE_TRIES 8

struct tsc_sample tsc_sample(u32 (*read_count)(void))
{
	struct tsc_sample best = { 0, 0 };
	u64 best_spread = ~0ull;

	for (int i = 0; i < SAMPLE_TRIES; i++) {
		u64 before = rdtsc();
		u32 count = read_count();
		u64 spread = rdtsc() - before;
		if (spread < best_spread) {
			best_spread = spread;
			best = (struct tsc_sample){ before + spread / 2, count };
		}
	}
	return best;
}

/* Channel 2's count as it is now: latched (command 0x80), then read low byte first. */
static u32 pit_ch2_count(void)
{
	outb(PIT_CMD, 0x80);
	u32 lo = inb(PIT_CH2);
	return lo | (u32)inb(PIT_CH2) << 8;
}

/*
 * TSC cycles per millisecond, over CALIBRATE_MS of PIT channel 2 counting
 * down in mode 0 from 0xffff (55 ms to its terminal count, when its output
 * goes high).  Both ends are tsc_sample()s, so a vCPU the host pauses
 * between them (QEMU's PIT and TSC both follow the host's clock) changes
 * nothing; a pause so long that the count ran out starts it again.
 */
static u64 calibrate_tsc(void)
{
	const u32 counts = PIT_FREQ * CALIBRATE_MS / MSEC_PER_SEC;

	for (;;) {
		outb(PIT_GATE, (inb(PIT_GATE) & ~0x02) | 0x01);
		outb(PIT_CMD, 0xb0); /* channel 2, lobyte/hibyte, mode 0 */
		outb(PIT_CH2, 0xff);
		outb(PIT_CH2, 0xff);
		struct tsc_sample start = tsc_sample(pit_ch2_count), end;
		do
			end = tsc_sample(pit_ch2_count);
		while (start.count - end.count < counts && !(inb(PIT_GATE) & 0x20));
		if (!(inb(PIT_GATE) & 0x20) && start.count > end.count)
			return (end.tsc - start.tsc) * PIT_FREQ / ((u64)(start.count - end.count) * MSEC_PER_SEC);
	}
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
