/* Sleeping and clocks: nanosleep(2) and clock_gettime(2). */
#include <time.h>
#include <sched.h>
#include <signal.h>
#include <syscalls.h>
#include <uaccess.h>

#define NSEC_PER_TICK (NSEC_PER_SEC / HZ)

struct sleeper {
	struct task_struct *task;
	u64 expires;
	struct list_head node;
};

static LIST_HEAD(sleepers);

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

long sys_nanosleep(const struct timespec __user *req, struct timespec __user *rem)
{
	struct timespec ts;

	if (get_user_obj(&ts, req))
		return -EFAULT;
	if (!timespec_valid(&ts))
		return -EINVAL;
	/* Round up to whole ticks: never sleep less than asked. */
	long ticks = ts.tv_sec * HZ + (ts.tv_nsec + NSEC_PER_TICK - 1) / NSEC_PER_TICK;
	long left = ticks;
	while (left > 0 && !signal_pending(current))
		left = schedule_timeout(left);
	if (!left)
		return 0;
	ts = (struct timespec){ left / HZ, (left % HZ) * NSEC_PER_TICK };
	if (rem && put_user_obj(rem, &ts))
		return -EFAULT;
	return -EINTR;
}

long sys_clock_gettime(int clock, struct timespec __user *tp)
{
	if (clock != CLOCK_REALTIME && clock != CLOCK_MONOTONIC)
		return -EINVAL;
	u64 ns = ktime_get_ns();
	struct timespec ts = { (long)(ns / NSEC_PER_SEC), (long)(ns % NSEC_PER_SEC) };
	return put_user_obj(tp, &ts);
}
