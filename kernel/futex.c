/*
 * Futexes (futex(2)): FUTEX_WAIT sleeps if a user word still holds the
 * expected value; FUTEX_WAKE wakes sleepers on that word.  The _BITSET
 * variants (what glibc uses) add a 32-bit mask: a wake reaches the waiters
 * whose mask shares a bit with its own, and the wait's timeout is an
 * absolute time.  Threads join through CLONE_CHILD_CLEARTID's wake.
 * A futex is named by its address space and address for private memory,
 * and by the shared object and offset for MAP_SHARED memory, so processes
 * sharing a mapping meet on the same key.  Robust lists (set_robust_list)
 * let a dying thread's locks pass on: their words get FUTEX_OWNER_DIED.
 */
#include <futex.h>
#include <sched.h>
#include <mm.h>
#include <signal.h>
#include <syscalls.h>
#include <uaccess.h>
#include <time.h>
#include <errno.h>
#include <pid.h>


struct futex_key {
	const void *object;  /* mm_struct or shared_anon */
	unsigned long offset;
};

struct futex_waiter {
	struct futex_key key;
	u32 bitset;
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
	if (vma->vm_flags & VM_SHARED) {
		key->object = vma->vm_shared;
		key->offset = ((vma->vm_pgoff << PAGE_SHIFT) + addr - vma->vm_start);
	} else {
		key->object = current->mm;
		key->offset = addr;
	}
	return 0;
}

static int futex_wake_bitset(u32 __user *uaddr, int nr, u32 bitset)
{
	struct futex_key key;
	struct futex_waiter *w;
	int woken = 0;
	int err = get_futex_key(uaddr, &key);

	if (err)
		return err;
	if (!bitset)
		return -EINVAL;
	list_for_each_entry(w, &waiters, node) {
		if (woken >= nr)
			break;
		if (!w->woken && (w->bitset & bitset) && w->key.object == key.object && w->key.offset == key.offset) {
			w->woken = true;
			wake_up_process(w->task);
			woken++;
		}
	}
	return woken;
}

int futex_wake(u32 __user *uaddr, int nr)
{
	return futex_wake_bitset(uaddr, nr, FUTEX_BITSET_MATCH_ANY);
}

/* The timeout as a deadline on `clock`, relative or absolute; none: *deadline stays 0. */
static long timeout_deadline_user(const struct timespec __user *utime, bool absolute, int clock, u64 *deadline)
{
	struct timespec ts;

	if (!utime)
		return 0;
	if (get_user_obj(&ts, utime))
		return -EFAULT;
	if (!timespec_valid(&ts))
		return -EINVAL;
	*deadline = timeout_deadline(clock, &ts, absolute);
	return 0;
}

static long futex_wait(u32 __user *uaddr, u32 val, const struct timespec __user *utime, bool absolute,
		       int clock, u32 bitset)
{
	struct futex_waiter w = { .task = current, .bitset = bitset };
	u64 deadline = 0;
	bool timed_out = false;
	u32 cur;
	int err = get_futex_key(uaddr, &w.key);

	if (!err && !bitset)
		err = -EINVAL;
	if (!err)
		err = timeout_deadline_user(utime, absolute, clock, &deadline);
	if (err)
		return err;
	if (get_user_obj(&cur, uaddr))
		return -EFAULT;
	if (cur != val)
		return -EAGAIN;
	list_add_tail(&w.node, &waiters);
	/* A timeout ends by its clock, never a tick early (kernel/time.c). */
	while (!w.woken && !signal_pending(current) && !timed_out) {
		if (utime) {
			timed_out = !schedule_until(clock, deadline);
		} else {
			current->__state = TASK_INTERRUPTIBLE;
			schedule();
		}
	}
	list_del(&w.node);
	if (w.woken)
		return 0;
	if (timed_out)
		return -ETIMEDOUT;
	return utime ? -EINTR : -ERESTARTSYS; /* a timed wait is not restarted (futex(2)) */
}

long sys_futex(u32 __user *uaddr, int op, u32 val, const struct timespec __user *utime, u32 __user *uaddr2,
	       u32 val3)
{
	int clock = op & FUTEX_CLOCK_REALTIME ? CLOCK_REALTIME : CLOCK_MONOTONIC;

	(void)uaddr2;
	switch (op & ~(FUTEX_PRIVATE_FLAG | FUTEX_CLOCK_REALTIME)) {
	case FUTEX_WAIT:
		return futex_wait(uaddr, val, utime, false, clock, FUTEX_BITSET_MATCH_ANY);
	case FUTEX_WAKE:
		return futex_wake(uaddr, (int)val);
	case FUTEX_WAIT_BITSET:
		return futex_wait(uaddr, val, utime, true, clock, val3);
	case FUTEX_WAKE_BITSET:
		return futex_wake_bitset(uaddr, (int)val, val3);
	default:
		return -ENOSYS;
	}
}

/* ------------------------------------------------------------ robust lists */

long sys_set_robust_list(struct robust_list_head __user *head, size_t len)
{
	if (len != sizeof(*head))
		return -EINVAL;
	current->robust_list = head;
	return 0;
}

long sys_get_robust_list(pid_t pid, struct robust_list_head __user *__user *head_ptr, size_t __user *len_ptr)
{
	struct task_struct *p = pid ? find_task_by_vpid(pid) : current;
	size_t len = sizeof(struct robust_list_head);

	if (!p)
		return -ESRCH;
	if (put_user_obj(len_ptr, &len) || put_user_obj(head_ptr, &p->robust_list))
		return -EFAULT;
	return 0;
}

/*
 * Linux's handle_futex_death(): a lock still held by the dying thread (its
 * tid in the word) gets FUTEX_OWNER_DIED, keeping FUTEX_WAITERS, and one
 * waiter is woken to take it over.  For the pending operation a word of 0
 * means the lock was just released: a waiter may be waiting for it.  The
 * read and write are one step: nothing else runs in between on Cowl's one
 * CPU with interrupts off.
 */
static int handle_futex_death(u32 __user *uaddr, struct task_struct *tsk, bool pi, bool pending)
{
	u32 uval, mval;

	if ((unsigned long)uaddr & 3 || get_user_obj(&uval, uaddr))
		return -EFAULT;
	if (pending && !pi && !uval) {
		futex_wake(uaddr, 1);
		return 0;
	}
	if ((uval & FUTEX_TID_MASK) != (u32)task_pid_vnr(tsk))
		return 0;
	mval = (uval & FUTEX_WAITERS) | FUTEX_OWNER_DIED;
	if (put_user_obj(uaddr, &mval))
		return -EFAULT;
	if (!pi && (uval & FUTEX_WAITERS))
		futex_wake(uaddr, 1);
	return 0;
}

/* Read an entry pointer; bit 0 says PI.  0, or -EFAULT. */
static int fetch_robust_entry(struct robust_list *__user *from, unsigned long *entry, bool *pi)
{
	unsigned long v;

	if (get_user_obj(&v, (unsigned long __user *)from))
		return -EFAULT;
	*entry = v & ~1ul;
	*pi = v & 1;
	return 0;
}

void exit_robust_list(struct task_struct *tsk)
{
	struct robust_list_head __user *head = tsk->robust_list;
	unsigned long entry, next, pending;
	bool pi, next_pi, pending_pi;
	long offset;
	int limit = ROBUST_LIST_LIMIT;

	tsk->robust_list = NULL;
	if (!head || fetch_robust_entry(&head->list.next, &entry, &pi) ||
	    get_user_obj(&offset, &head->futex_offset) || fetch_robust_entry(&head->list_op_pending, &pending, &pending_pi))
		return;
	while (entry != (unsigned long)&head->list) {
		/* The next pointer first: releasing this lock may let another thread free the entry. */
		int rc = fetch_robust_entry((struct robust_list *__user *)entry, &next, &next_pi);
		if (entry != pending && handle_futex_death((u32 __user *)(entry + offset), tsk, pi, false))
			return;
		if (rc || !--limit)
			return;
		entry = next;
		pi = next_pi;
	}
	if (pending)
		handle_futex_death((u32 __user *)(pending + offset), tsk, pending_pi, true);
}
