/* The timer tick and time since boot. */
#ifndef TIME_H
#define TIME_H
#include <types.h>
#include <uapi/time.h>

#define HZ 100
extern volatile u64 jiffies;

#define MSEC_PER_SEC 1000L
#define USEC_PER_SEC 1000000L
#define USEC_PER_MSEC 1000L
#define NSEC_PER_SEC 1000000000L
#define NSEC_PER_MSEC 1000000L
#define NSEC_PER_USEC 1000L
#define KTIME_MAX ((u64)INT64_MAX) /* nanoseconds: "never" as a deadline */

/* What nanosleep(2) and futex(2) accept: no negative part, nanoseconds below a second. */
static inline bool timespec_valid(const struct timespec *ts)
{
	return ts->tv_sec >= 0 && ts->tv_nsec >= 0 && ts->tv_nsec < NSEC_PER_SEC;
}

static inline struct timespec ns_to_timespec(u64 ns)
{
	return (struct timespec){ (long)(ns / NSEC_PER_SEC), (long)(ns % NSEC_PER_SEC) };
}

/* Ticks as seconds and microseconds, the way wait4(2)'s rusage reports CPU time. */
static inline struct timeval jiffies_to_timeval(u64 ticks)
{
	return (struct timeval){ (long)(ticks / HZ), (long)(ticks % HZ) * (USEC_PER_SEC / HZ) };
}

struct signal_struct;

void timer_init(void);
/* Nanoseconds since boot, from the TSC calibrated against the PIT. */
u64 ktime_get_ns(void);
u64 tsc_khz(void);
/* Busy-wait on the TSC, for waits with interrupts off; returns at once before timer_init(). */
void udelay(unsigned long us);
void timer_wake_sleepers(void);
/* A CPU's timer tick (arch/x86_64/timer.c): jiffies, the sleepers, the scheduler. */
void tick_periodic(void);

/* Seconds since the epoch (UTC) from the CMOS clock (arch/x86_64/rtc.c). */
u64 rtc_read_seconds(void);
/* kernel/time.c: set the wall clock from the RTC; then CLOCK_REALTIME in nanoseconds. */
void timekeeping_init(void);
u64 ktime_get_real_ns(void);
/* The time on a clockid_t clock in nanoseconds; -EINVAL for an unknown clock. */
int clock_read_ns(int clock, u64 *ns);
/* The deadline on `clock` (ns) of a valid timeout, absolute or from now. */
u64 timeout_deadline(int clock, const struct timespec *ts, bool absolute);
/* Sleep towards `deadline` on `clock`: false once it has passed; loop on it, it may end early. */
bool schedule_until(int clock, u64 deadline);
/* User and system ticks of a thread group, its exited threads included. */
void thread_group_cputime(const struct signal_struct *sig, u64 *utime, u64 *stime);
#endif
