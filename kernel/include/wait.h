/*
 * Wait queues: a task sleeps on one until a condition holds; whoever makes
 * the condition true calls wake_up().  The kernel is not preemptible and runs
 * with interrupts off, so testing the condition and going to sleep cannot
 * race with the wake-up.
 */
#ifndef WAIT_H
#define WAIT_H
#include <list.h>
#include <errno.h>

struct task_struct;

struct wait_queue_head {
	struct list_head head;
};
struct wait_queue_entry {
	struct task_struct *task;
	struct list_head entry;
};

#define WAIT_QUEUE_HEAD_INIT(name) { LIST_HEAD_INIT((name).head) }
static inline void init_waitqueue_head(struct wait_queue_head *wq) { INIT_LIST_HEAD(&wq->head); }

/* Sleep (interruptibly) until woken; the caller re-checks its condition. */
void sleep_on(struct wait_queue_head *wq);
/* The same, for at most `ticks` jiffies; returns the ticks left, 0 if the time ran out (kernel/time.c). */
long sleep_on_timeout(struct wait_queue_head *wq, long ticks);
void wake_up(struct wait_queue_head *wq);
bool signal_pending_current(void);

/* 0 once `cond` holds, or -ERESTARTSYS if a signal arrived first. */
#define wait_event_interruptible(wq, cond)                       \
	({                                                       \
		int __ret = 0;                                   \
		while (!(cond)) {                                \
			if (signal_pending_current()) {          \
				__ret = -ERESTARTSYS;            \
				break;                           \
			}                                        \
			sleep_on(&(wq));                         \
		}                                                \
		__ret;                                           \
	})
#endif
