/*
 * Futexes: FUTEX_WAIT sleeps if a user word still holds the expected value;
 * FUTEX_WAKE wakes sleepers on that word.  Threads use them to join
 * (CLONE_CHILD_CLEARTID wakes the joiner).  A futex is named by its address
 * space and address for private memory, and by the shared object and offset
 * for MAP_SHARED memory, so processes sharing a mapping meet on the same key.
 */
#include <futex.h>
#include <sched.h>
#include <mm_types.h>
#include <signal.h>
#include <syscalls.h>
#include <uaccess.h>
#include <time.h>
#include <errno.h>

struct futex_key {
	const void *object;  /* mm_struct or shared_anon */
	unsigned long offset;
};

struct futex_waiter {
	struct futex_key key;
	struct task_struct *task;
	bool woken;
	struct list_head node;
};

static LIST_HEAD(waiters);

static int get_futex_key(u32 __user *uaddr, struct futex_key *key)
{
	unsigned long addr = (unsigned long)uaddr;
	struct vm_area_struct *vma = current->mm ? find_vma(current->mm, addr) : NULL;

	if (addr & 3)
		return -EINVAL;
	if (!vma || addr < vma->vm_start)
		return -EFAULT;
	if (vma->vm_shared) {
		key->object = vma->vm_shared;
		key->offset = ((vma->vm_pgoff << PAGE_SHIFT) + addr - vma->vm_start);
	} else {
		key->object = current->mm;
		key->offset = addr;
	}
	return 0;
}

int futex_wake(u32 __user *uaddr, int nr)
{
	struct futex_key key;
	struct futex_waiter *w;
	int woken = 0;
	int err = get_futex_key(uaddr, &key);

	if (err)
		return err;
	list_for_each_entry(w, &waiters, node) {
		if (woken >= nr)
			break;
		if (!w->woken && w->key.object == key.object && w->key.offset == key.offset) {
			w->woken = true;
			wake_up_process(w->task);
			woken++;
		}
	}
	return woken;
}

static long futex_wait(u32 __user *uaddr, u32 val, const struct timespec __user *utime)
{
	struct futex_waiter w = { .task = current };
	long ticks = -1;
	u32 cur;
	int err = get_futex_key(uaddr, &w.key);

	if (err)
		return err;
	if (utime) {
		struct timespec ts;
		if (get_user_obj(&ts, utime))
			return -EFAULT;
		if (ts.tv_sec < 0 || ts.tv_nsec < 0 || ts.tv_nsec >= 1000000000)
			return -EINVAL;
		ticks = ts.tv_sec * HZ + (ts.tv_nsec * HZ + 999999999) / 1000000000;
	}
	if (get_user_obj(&cur, uaddr))
		return -EFAULT;
	if (cur != val)
		return -EAGAIN;
	list_add_tail(&w.node, &waiters);
	if (ticks >= 0) {
		while (!w.woken && !signal_pending(current) && ticks > 0)
			ticks = schedule_timeout(ticks);
	} else {
		while (!w.woken && !signal_pending(current)) {
			current->__state = TASK_INTERRUPTIBLE;
			schedule();
		}
	}
	list_del(&w.node);
	if (w.woken)
		return 0;
	if (!signal_pending(current))
		return -ETIMEDOUT;
	return utime ? -EINTR : -ERESTARTSYS; /* a timed wait is not restarted (futex(2)) */
}

long sys_futex(u32 __user *uaddr, int op, u32 val, const struct timespec __user *utime, u32 __user *uaddr2,
	       u32 val3)
{
	(void)uaddr2, (void)val3;
	switch (op & ~(FUTEX_PRIVATE_FLAG | FUTEX_CLOCK_REALTIME)) {
	case FUTEX_WAIT:
		return futex_wait(uaddr, val, utime);
	case FUTEX_WAKE:
		return futex_wake(uaddr, (int)val);
	default:
		return -ENOSYS;
	}
}
