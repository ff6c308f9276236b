/*
 * The CMOS real-time clock, read once at boot for the wall clock
 * (CLOCK_REALTIME).  Registers, from the Motorola MC146818A datasheet
 * ("Address Map", "Register A", "Register B") and OSDev "CMOS": index port
 * 0x70, data port 0x71; 0x00 seconds, 0x02 minutes, 0x04 hours, 0x07 day of
 * month, 0x08 month, 0x09 year within the century; register A bit 7 (UIP)
 * is set while the chip updates its counters; register B bit 2 (DM) means
 * binary instead of BCD, bit 1 means 24-hour mode (else hours bit 7 is PM).
 * The century is at 0x32 on PC-compatibles (the register ACPI's FADT
 * CENTURY field names; QEMU keeps it there).  QEMU's RTC counts UTC.
 */
#include <time.h>
#include <string.h>
#include <asm/io.h>

#define CMOS_INDEX 0x70
#define CMOS_DATA 0x71
#define RTC_SECONDS 0x00
#define RTC_MINUTES 0x02
#define RTC_HOURS 0x04
#define RTC_DAY_OF_MONTH 0x07
#define RTC_MONTH 0x08
#define RTC_YEAR 0x09
#define RTC_REG_A 0x0a
#define RTC_REG_B 0x0b
#define RTC_CENTURY 0x32
#define RTC_UIP 0x80     /* register A: update in progress */
#define RTC_DM_BINARY 0x04 /* register B */
#define RTC_24H 0x02       /* register B */
#define RTC_PM 0x80        /* hours, in 12-hour mode */

struct rtc_time {
	unsigned sec, min, hour, mday, mon, year, century;
};

static u8 cmos_read(u8 reg)
{
	outb(CMOS_INDEX, reg);
	return inb(CMOS_DATA);
}

static void rtc_read_raw(struct rtc_time *t)
{
	while (cmos_read(RTC_REG_A) & RTC_UIP)
		;
	*t = (struct rtc_time){ cmos_read(RTC_SECONDS), cmos_read(RTC_MINUTES), cmos_read(RTC_HOURS),
				cmos_read(RTC_DAY_OF_MONTH), cmos_read(RTC_MONTH), cmos_read(RTC_YEAR),
				cmos_read(RTC_CENTURY) };
}

static unsigned bcd2bin(unsigned v)
{
	return (v & 0x0f) + (v >> 4) * 10;
}

/* Days from 1970-01-01 to year-mon-mday (proleptic Gregorian), years counted from March. */
static long days_from_civil(long year, unsigned mon, unsigned mday)
{
	year -= mon <= 2;
	long era = (year >= 0 ? year : year - 399) / 400;
	unsigned yoe = (unsigned)(year - era * 400);
	unsigned doy = (153 * (mon + (mon > 2 ? -3 : 9)) + 2) / 5 + mday - 1;
	unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + (long)doe - 719468;
}

/* Seconds since the epoch (UTC) from the RTC, read twice until two reads agree (no update between). */
u64 rtc_read_seconds(void)
{
	struct rtc_time t, again;
	u8 regb = cmos_read(RTC_REG_B);

	rtc_read_raw(&t);
	for (rtc_read_raw(&again); memcmp(&t, &again, sizeof(t)); rtc_read_raw(&again))
		t = again;
	bool pm = !(regb & RTC_24H) && (t.hour & RTC_PM);
	t.hour &= ~RTC_PM;
	if (!(regb & RTC_DM_BINARY)) {
		t.sec = bcd2bin(t.sec), t.min = bcd2bin(t.min), t.hour = bcd2bin(t.hour);
		t.mday = bcd2bin(t.mday), t.mon = bcd2bin(t.mon), t.year = bcd2bin(t.year);
		t.century = bcd2bin(t.century);
	}
	if (!(regb & RTC_24H))
		t.hour = t.hour % 12 + (pm ? 12 : 0);
	/* Without a century register, the years 70-99 are 19xx (Linux's mc146818 rule). */
	unsigned year = t.century >= 19 && t.century <= 99 ? t.century * 100 + t.year
							   : t.year + (t.year < 70 ? 2000 : 1900);
	long days = days_from_civil(year, t.mon, t.mday);
	return (u64)(days * 86400 + t.hour * 3600 + t.min * 60 + t.sec);
}
