/*
 * Self-tests of the clocks (arch/x86_64/timer.c): the TSC's calibrated
 * rate against a clock calibrated by nobody, the CMOS RTC, which QEMU runs
 * on the host's clock.
 */
#include <selftest.h>
#include <time.h>
#include <printk.h>
#include <asm/cpu.h>

/*
 * Wait for the RTC's seconds to change; the change happened after *lo and
 * before *hi (the TSC at the start of the last read that saw the old
 * second, and at the end of the first that saw the new one).
 */
static void rtc_second_edge(u64 *lo, u64 *hi)
{
	u64 second = rtc_read_seconds(), last = rdtsc();

	for (;;) {
		u64 start = rdtsc(), now = rtc_read_seconds(), end = rdtsc();
		if (now != second) {
			*lo = last;
			*hi = end;
			return;
		}
		last = start;
	}
}

/*
 * One RTC second in TSC cycles, bounded from both sides, must hold
 * tsc_khz() * 1000 to within 1%.  A host that pauses the vCPU at an edge
 * widens the bounds (never wrongly narrows them), so up to five tries are
 * made until the bounds lie within 0.5%, and the narrowest is judged.
 */
KERNEL_TEST(tsc_rate_matches_rtc)
{
	u64 lo0, hi0, lo1, hi1, khz = tsc_khz(), fewest = 0, most = ~0ull;

	for (int i = 0; i < 5 && most - fewest > khz / 200; i++) {
		rtc_second_edge(&lo0, &hi0);
		rtc_second_edge(&lo1, &hi1);
		if ((hi1 - lo0) / MSEC_PER_SEC - (lo1 - hi0) / MSEC_PER_SEC < most - fewest) {
			fewest = (lo1 - hi0) / MSEC_PER_SEC;
			most = (hi1 - lo0) / MSEC_PER_SEC;
		}
	}
	printk("tsc: %lu kHz calibrated, one RTC second %lu..%lu kHz\n", (unsigned long)khz, (unsigned long)fewest,
	       (unsigned long)most);
	KT_ASSERT(khz * 100 >= fewest * 99 && khz * 100 <= most * 101);
}
