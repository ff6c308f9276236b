/*
 * Sleeping and clocks: nanosleep(2), clock_nanosleep(2), clock_gettime(2),
 * clock_getres(2), gettimeofday(2), time(2), and setting the wall clock
 * (clock_settime(2), settimeofday(2)).  Every clock is read from the TSC
 * (ktime_get_ns); CLOCK_REALTIME adds the wall-clock time the CMOS RTC gave
 * at boot, or the last one root set.  A sleep ends by the clock it names, never by ticks alone:
 * the 100 Hz tick only wakes the sleeper to look at the clock again.
 */
#include <time.h>
#include <sched.h>
#include <signal.h>
#include <syscalls.h>
#include <uaccess.h>
#include <cred.h>

#define NSEC_PER_TICK (NSEC_PER_SEC / HZ)

struct sleeper {
	struct task_struct *task;
	u64 expires;
	struct list_head node;
};

static LIST_HEAD(sleepers);
static u64 wall_at_boot_ns; /* CLOCK_REALTIME minus CLOCK_MONOTONIC */
static struct timezone sys_tz;  /* what settimeofday(2) stored; Linux starts at zeroes too */

void timekeeping_init(void)
{
	wall_at_boot_ns = rtc_read_seconds() * NSEC_PER_SEC - ktime_get_ns();
}

u64 ktime_get_real_ns(void)
{
	return wall_at_boot_ns + ktime_get_ns();
}

/* Called from the timer tick: wake the sleepers whose time has come. */
void timer_wake_sleepers(void)
{
	struct sleeper *s;

	list_for_each_entry(s, &sleepers, node)
		if (s->expires <= jiffies)
			wake_up_process(s->task);
}

/* Sleep until `ticks` have passed or someone wakes us; returns the ticks left. */
long schedule_timeout(long ticks)
{
	struct sleeper s = { .task = current, .expires = jiffies + ticks };

	if (ticks <= 0)
		return 0;
	list_add(&s.node, &sleepers);
	current->__state = TASK_INTERRUPTIBLE;
	schedule();
	list_del(&s.node);
	return s.expires > jiffies ? (long)(s.expires - jiffies) : 0;
}

/* kernel/include/wait.h */
long sleep_on_timeout(struct wait_queue_head *wq, long ticks)
{
	struct wait_queue_entry wait = { .task = current };

	list_add_tail(&wait.entry, &wq->head);
	ticks = schedule_timeout(ticks);
	list_del(&wait.entry);
	return ticks;
}

/* CPU time in ticks: the caller's thread, or its whole thread group (with its exited threads). */
static u64 task_cputime(const struct task_struct *p)
{
	return p->utime + p->stime;
}

void thread_group_cputime(const struct signal_struct *sig, u64 *utime, u64 *stime)
{
	const struct task_struct *t;

	*utime = sig->utime;
	*stime = sig->stime;
	list_for_each_entry(t, &sig->thread_head, thread_node) {
		*utime += t->utime;
		*stime += t->stime;
	}
}

/* The time on `clock` in nanoseconds, or -EINVAL for a clock Cowl does not know. */
int clock_read_ns(int clock, u64 *ns)
{
	u64 user, sys;

	switch (clock) {
	case CLOCK_REALTIME:
	case CLOCK_REALTIME_COARSE:
		*ns = ktime_get_real_ns();
		return 0;
	case CLOCK_MONOTONIC:
	case CLOCK_MONOTONIC_RAW:
	case CLOCK_MONOTONIC_COARSE:
	case CLOCK_BOOTTIME: /* nothing is ever suspended: boot time is monotonic time */
		*ns = ktime_get_ns();
		return 0;
	case CLOCK_PROCESS_CPUTIME_ID:
		thread_group_cputime(current->signal, &user, &sys);
		*ns = (user + sys) * NSEC_PER_TICK;
		return 0;
	case CLOCK_THREAD_CPUTIME_ID:
		*ns = task_cputime(current) * NSEC_PER_TICK;
		return 0;
	default:
		return -EINVAL;
	}
}

/* A valid timespec as nanoseconds, saturated where it would pass KTIME_MAX. */
static u64 timespec_to_ns(const struct timespec *ts)
{
	if ((u64)ts->tv_sec >= KTIME_MAX / NSEC_PER_SEC)
		return KTIME_MAX;
	return (u64)ts->tv_sec * NSEC_PER_SEC + ts->tv_nsec;
}

/*
 * One step of a sleep until `clock` reads `deadline`: false if it has
 * passed, else sleep (in whole ticks rounded up, or until woken) and true.
 * A tick may come at any point of the first one, so a caller loops and the
 * clock is read again each time: the sleep ends when the deadline has
 * really passed by that clock, never a tick early.
 */
bool schedule_until(int clock, u64 deadline)
{
	u64 now;

	if (clock_read_ns(clock, &now) || now >= deadline)
		return false;
	schedule_timeout((long)MIN((deadline - now + NSEC_PER_TICK - 1) / NSEC_PER_TICK, (u64)INT32_MAX));
	return true;
}

/* The deadline on `clock` of a timeout: absolute as given, or relative to now (saturated). */
u64 timeout_deadline(int clock, const struct timespec *ts, bool absolute)
{
	u64 now, ns = timespec_to_ns(ts);

	if (absolute || clock_read_ns(clock, &now))
		return ns;
	return ns >= KTIME_MAX - now ? KTIME_MAX : now + ns;
}

/* 0 once `clock` has passed `deadline`, or -EINTR with *left the nanoseconds still to go then. */
static long sleep_until(int clock, u64 deadline, u64 *left)
{
	u64 now;

	while (!clock_read_ns(clock, &now) && now < deadline) {
		if (signal_pending(current)) {
			*left = deadline - now;
			return -EINTR;
		}
		schedule_until(clock, deadline);
	}
	return 0;
}

static long nanosleep_until(int clock, u64 deadline, struct timespec __user *rem);

static long nanosleep_restart(struct restart_block *rb)
{
	return nanosleep_until(rb->nanosleep.clock, rb->deadline, rb->nanosleep.rem);
}

/*
 * A relative sleep to its deadline.  Interrupted, it reports what is left
 * in rem and returns -ERESTART_RESTARTBLOCK: EINTR if a handler runs;
 * otherwise (a stop and SIGCONT) restart_syscall sleeps on to the same
 * deadline, as Linux's hrtimer_nanosleep_restart does.
 */
static long nanosleep_until(int clock, u64 deadline, struct timespec __user *rem)
{
	u64 left;

	if (!sleep_until(clock, deadline, &left))
		return 0;
	struct timespec ts = ns_to_timespec(left);
	if (rem && put_user_obj(rem, &ts))
		return -EFAULT;
	current->restart_block = (struct restart_block){ .fn = nanosleep_restart, .deadline = deadline,
							 .nanosleep = { clock, rem } };
	return -ERESTART_RESTARTBLOCK;
}

/* The sleep of nanosleep(2) and clock_nanosleep(2) once the clock is known to sleep on. */
static long do_nanosleep(int clock, int flags, const struct timespec __user *req, struct timespec __user *rem)
{
	struct timespec ts;
	u64 left;

	if (get_user_obj(&ts, req))
		return -EFAULT;
	if (!timespec_valid(&ts))
		return -EINVAL;
	u64 deadline = timeout_deadline(clock, &ts, flags & TIMER_ABSTIME);
	/* An absolute sleep reports nothing and is simply made again (clock_nanosleep(2)). */
	if (flags & TIMER_ABSTIME)
		return sleep_until(clock, deadline, &left) ? -ERESTARTNOHAND : 0;
	return nanosleep_until(clock, deadline, rem);
}

long sys_nanosleep(const struct timespec __user *req, struct timespec __user *rem)
{
	return do_nanosleep(CLOCK_MONOTONIC, 0, req, rem);
}

/*
 * As Linux: an unknown clock is EINVAL; the raw and coarse clocks and a
 * thread's CPU clock cannot be slept on: EOPNOTSUPP.  Sleeping on the
 * process CPU clock, which Linux can, is not implemented: EOPNOTSUPP too.
 */
long sys_clock_nanosleep(int clock, int flags, const struct timespec __user *req, struct timespec __user *rem)
{
	switch (clock) {
	case CLOCK_REALTIME:
	case CLOCK_MONOTONIC:
	case CLOCK_BOOTTIME:
		return do_nanosleep(clock, flags, req, rem);
	case CLOCK_MONOTONIC_RAW:
	case CLOCK_REALTIME_COARSE:
	case CLOCK_MONOTONIC_COARSE:
	case CLOCK_PROCESS_CPUTIME_ID:
	case CLOCK_THREAD_CPUTIME_ID:
		return -EOPNOTSUPP;
	default:
		return -EINVAL;
	}
}

long sys_clock_gettime(int clock, struct timespec __user *tp)
{
	u64 ns;
	int err = clock_read_ns(clock, &ns);

	if (err)
		return err;
	struct timespec ts = ns_to_timespec(ns);
	return put_user_obj(tp, &ts);
}

/* The TSC clocks resolve nanoseconds (as Linux's high-resolution ones report); the rest count ticks. */
long sys_clock_getres(int clock, struct timespec __user *res)
{
	u64 ns;

	if (clock_read_ns(clock, &ns))
		return -EINVAL;
	bool by_tick = clock == CLOCK_REALTIME_COARSE || clock == CLOCK_MONOTONIC_COARSE ||
		       clock == CLOCK_PROCESS_CPUTIME_ID || clock == CLOCK_THREAD_CPUTIME_ID;
	struct timespec ts = { 0, by_tick ? NSEC_PER_TICK : 1 };
	return res && put_user_obj(res, &ts) ? -EFAULT : 0;
}

long sys_gettimeofday(struct timeval __user *tv, struct timezone __user *tz)
{
	struct timezone zone = sys_tz;
	u64 ns = ktime_get_real_ns();
	struct timeval now = { (long)(ns / NSEC_PER_SEC), (long)(ns % NSEC_PER_SEC / 1000) };

	if (tv && put_user_obj(tv, &now))
		return -EFAULT;
	if (tz && put_user_obj(tz, &zone))
		return -EFAULT;
	return 0;
}

long sys_time(long __user *tloc)
{
	long secs = (long)(ktime_get_real_ns() / NSEC_PER_SEC);

	if (tloc && put_user_obj(tloc, &secs))
		return -EFAULT;
	return secs;
}

/* Only CLOCK_REALTIME can be set (the others have no clock_set in Linux either: EINVAL), by root. */
long sys_clock_settime(int clock, const struct timespec __user *tp)
{
	struct timespec ts;

	if (clock != CLOCK_REALTIME)
		return -EINVAL;
	if (get_user_obj(&ts, tp))
		return -EFAULT;
	if (!timespec_valid(&ts))
		return -EINVAL;
	if (!capable())
		return -EPERM;
	wall_at_boot_ns = timespec_to_ns(&ts) - ktime_get_ns();
	return 0;
}

/*
 * In the order of Linux's settimeofday and do_sys_settimeofday64: a valid
 * time, privilege, a zone within 15 hours.  The zone is only kept and
 * reported back; the clock counts UTC whatever it says.
 */
long sys_settimeofday(const struct timeval __user *tv, const struct timezone __user *tz)
{
	struct timeval utv;
	struct timezone ztz;
	struct timespec ts;

	if (tv && get_user_obj(&utv, tv))
		return -EFAULT;
	ts = tv ? (struct timespec){ utv.tv_sec, utv.tv_usec * 1000 } : (struct timespec){ 0, 0 };
	if (tv && (utv.tv_usec < 0 || utv.tv_usec >= USEC_PER_SEC || !timespec_valid(&ts)))
		return -EINVAL;
	if (tz && get_user_obj(&ztz, tz))
		return -EFAULT;
	if (!capable())
		return -EPERM;
	if (tz && (ztz.tz_minuteswest > 15 * 60 || ztz.tz_minuteswest < -15 * 60))
		return -EINVAL;
	if (tz)
		sys_tz = ztz;
	if (tv)
		wall_at_boot_ns = timespec_to_ns(&ts) - ktime_get_ns();
	return 0;
}
