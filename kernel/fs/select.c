/*
 * poll(2), ppoll, select(2) and pselect6: wait until one of several files
 * is ready.  Each pass asks every file's poll operation what is ready; the
 * first pass also queues the caller on the wait queues the files name
 * (poll_wait), and the caller sleeps until one of them is woken, the
 * timeout passes or a signal comes (-ERESTARTNOHAND: EINTR once a handler
 * has run, otherwise the call starts again).  A file without a poll
 * operation (a regular file, /dev/null, /proc) is always ready, as on
 * Linux.  ppoll and select also hand back the time that was left, and
 * ppoll and pselect6 swap in a signal mask for the length of the call.
 */
#include "vfs.h"
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <slab.h>
#include <string.h>
#include <syscalls.h>
#include <time.h>
#include <uaccess.h>

struct poll_table_entry {
	struct wait_queue_entry wait;
	struct wait_queue_head *head;
	struct file *file; /* referenced: the queue lives in it (a pipe), and must outlive the poll */
	struct poll_table_entry *next;
};

void poll_wait(struct file *f, struct wait_queue_head *wq, struct poll_table *pt)
{
	struct poll_table_entry *e;

	if (!pt)
		return;
	e = kmalloc(sizeof(*e));
	if (!e) {
		pt->error = -ENOMEM;
		return;
	}
	e->wait.task = current;
	list_add_tail(&e->wait.entry, &wq->head);
	e->head = wq;
	get_file(f);
	e->file = f;
	e->next = pt->entries;
	pt->entries = e;
}

static void poll_freewait(struct poll_table *pt)
{
	while (pt->entries) {
		struct poll_table_entry *e = pt->entries;
		pt->entries = e->next;
		list_del(&e->wait.entry);
		fput(e->file);
		kfree(e);
	}
}

static unsigned int vfs_poll(struct file *f, struct poll_table *pt)
{
	return f->f_op->poll ? f->f_op->poll(f, pt) : DEFAULT_POLLMASK;
}

/* Sleep towards deadline (0: do not wait; KTIME_MAX: no timeout); false once it has passed. */
static bool poll_schedule(u64 deadline)
{
	if (deadline == KTIME_MAX) {
		current->__state = TASK_INTERRUPTIBLE;
		schedule();
		return true;
	}
	return deadline && schedule_until(CLOCK_MONOTONIC, deadline);
}

/* One look at every file, queueing on pt if given: how many are ready. */
typedef int (*poll_scan_fn)(void *arg, struct poll_table *pt);

/* The loop poll and select share (Linux's do_poll, do_select): the count, 0 at the timeout, or -errno. */
static int poll_loop(poll_scan_fn scan, void *arg, u64 deadline)
{
	struct poll_table table = { NULL, 0 };
	int count;

	for (struct poll_table *pt = &table;; pt = NULL) {
		count = scan(arg, pt);
		if (count)
			break;
		count = table.error;
		if (!count && signal_pending(current))
			count = -ERESTARTNOHAND;
		if (count || !poll_schedule(deadline))
			break;
	}
	poll_freewait(&table);
	return count;
}

/* The deadline of a timeout: 0 for none at all (do not wait), else absolute on CLOCK_MONOTONIC. */
static u64 poll_deadline(const struct timespec *ts)
{
	if (!ts->tv_sec && !ts->tv_nsec)
		return 0;
	return timeout_deadline(CLOCK_MONOTONIC, ts, false);
}

/* ------------------------------------------------------------------ poll */

struct poll_list {
	struct pollfd *fds;
	unsigned int nfds;
};

/* Once one file is ready the others need not queue us: the call returns after this pass. */
static int poll_scan(void *arg, struct poll_table *pt)
{
	struct poll_list *list = arg;
	int count = 0;

	for (unsigned int i = 0; i < list->nfds; i++) {
		struct pollfd *p = &list->fds[i];
		struct file *f = p->fd < 0 ? NULL : fget(p->fd);
		unsigned int mask = 0;
		if (p->fd >= 0 && !f) {
			mask = POLLNVAL;
		} else if (f) {
			mask = vfs_poll(f, pt) & ((unsigned short)p->events | POLLERR | POLLHUP);
			fput(f);
		}
		p->revents = (short)mask;
		if (mask) {
			count++;
			pt = NULL;
		}
	}
	return count;
}

/* revents go back even when the call fails (a signal), as Linux's do_sys_poll writes them. */
static long do_sys_poll(struct pollfd __user *ufds, unsigned int nfds, u64 deadline)
{
	struct poll_list list = { NULL, nfds };
	long ret;

	if (nfds > rlimit(RLIMIT_NOFILE))
		return -EINVAL;
	if (nfds && !(list.fds = kmalloc(nfds * sizeof(struct pollfd))))
		return -ENOMEM;
	if (copy_from_user(list.fds, ufds, nfds * sizeof(struct pollfd))) {
		ret = -EFAULT;
		goto free_fds;
	}
	ret = poll_loop(poll_scan, &list, deadline);
	for (unsigned int i = 0; i < nfds; i++)
		if (put_user_obj(&ufds[i].revents, &list.fds[i].revents))
			ret = -EFAULT;
free_fds:
	kfree(list.fds);
	return ret;
}

static long do_restart_poll(struct restart_block *rb);

/* poll's timeout is not written back: after a stop, restart_syscall goes on to the same deadline (Linux's way). */
static long poll_until(struct pollfd __user *ufds, unsigned int nfds, u64 deadline)
{
	long ret = do_sys_poll(ufds, nfds, deadline);

	if (ret == -ERESTARTNOHAND) {
		current->restart_block = (struct restart_block){ .fn = do_restart_poll, .deadline = deadline,
								 .poll = { ufds, nfds } };
		ret = -ERESTART_RESTARTBLOCK;
	}
	return ret;
}

static long do_restart_poll(struct restart_block *rb)
{
	return poll_until(rb->poll.ufds, rb->poll.nfds, rb->deadline);
}

long sys_poll(struct pollfd __user *ufds, unsigned int nfds, int timeout_ms)
{
	struct timespec ts = { timeout_ms / MSEC_PER_SEC, (timeout_ms % MSEC_PER_SEC) * NSEC_PER_MSEC };

	return poll_until(ufds, nfds, timeout_ms < 0 ? KTIME_MAX : poll_deadline(&ts));
}

/*
 * The end of ppoll, select and pselect6 (Linux's poll_select_finish): the
 * mask they swapped in stays until a handler has run if a signal cut the
 * call short; the time left goes back (not after a zero timeout), and if
 * it cannot, the call is not restarted: EINTR.
 */
static long poll_select_finish(u64 deadline, void __user *utime, bool timeval, long ret)
{
	u64 now = ktime_get_ns();

	restore_saved_sigmask_unless(ret == -ERESTARTNOHAND);
	if (!utime || !deadline || deadline == KTIME_MAX)
		return ret;
	struct timespec left = ns_to_timespec(deadline > now ? deadline - now : 0);
	struct timeval tv = { left.tv_sec, left.tv_nsec / NSEC_PER_USEC };
	if (timeval ? !put_user_obj((struct timeval __user *)utime, &tv)
		    : !put_user_obj((struct timespec __user *)utime, &left))
		return ret;
	return ret == -ERESTARTNOHAND ? -EINTR : ret;
}

/* A timespec timeout from user memory: its deadline, KTIME_MAX for none; -EFAULT or -EINVAL. */
static long get_timeout(const struct timespec __user *uts, u64 *deadline)
{
	struct timespec ts;

	*deadline = KTIME_MAX;
	if (!uts)
		return 0;
	if (get_user_obj(&ts, uts))
		return -EFAULT;
	if (!timespec_valid(&ts))
		return -EINVAL;
	*deadline = poll_deadline(&ts);
	return 0;
}

long sys_ppoll(struct pollfd __user *ufds, unsigned int nfds, struct timespec __user *tsp,
	       const u64 __user *sigmask, size_t sigsetsize)
{
	u64 deadline;
	long err = get_timeout(tsp, &deadline);

	if (!err)
		err = set_user_sigmask(sigmask, sigsetsize);
	if (err)
		return err;
	return poll_select_finish(deadline, tsp, false, do_sys_poll(ufds, nfds, deadline));
}

/* ---------------------------------------------------------------- select */

#define FDS_WORDS(n) (((n) + 63) / 64)

/* The three sets asked about, and the three answered, n bits each. */
struct fd_sets {
	int n;
	u64 *in, *out, *ex, *res_in, *res_out, *res_ex;
};

/* What select counts as readable, writable and exceptional (Linux's POLLIN_SET ...). */
#define POLLIN_SET (POLLRDNORM | POLLRDBAND | POLLIN | POLLHUP | POLLERR)
#define POLLOUT_SET (POLLWRBAND | POLLWRNORM | POLLOUT | POLLERR)
#define POLLEX_SET POLLPRI

static bool test_fd(const u64 *set, int fd)
{
	return set[fd / 64] & (1ull << (fd % 64));
}

/* Each (fd, set) that is ready counts once and is set in the answer. */
static int select_scan(void *arg, struct poll_table *pt)
{
	struct fd_sets *s = arg;
	int count = 0;

	for (int fd = 0; fd < s->n; fd++) {
		bool in = test_fd(s->in, fd), out = test_fd(s->out, fd), ex = test_fd(s->ex, fd);
		if (!in && !out && !ex)
			continue;
		struct file *f = fget(fd);
		unsigned int mask = f ? vfs_poll(f, pt) : POLLNVAL;
		if (f)
			fput(f);
		u64 bit = 1ull << (fd % 64);
		bool ready[3] = { in && (mask & POLLIN_SET), out && (mask & POLLOUT_SET), ex && (mask & POLLEX_SET) };
		u64 *res[3] = { s->res_in, s->res_out, s->res_ex };
		for (int k = 0; k < 3; k++) {
			if (ready[k]) {
				res[k][fd / 64] |= bit;
				count++;
				pt = NULL;
			}
		}
	}
	return count;
}

/* Linux's max_select_fd: a set bit for an fd that is not open is EBADF. */
static int check_fds(const struct fd_sets *s)
{
	for (int fd = 0; fd < s->n; fd++) {
		if (!test_fd(s->in, fd) && !test_fd(s->out, fd) && !test_fd(s->ex, fd))
			continue;
		struct file *f = fget(fd);
		if (!f)
			return -EBADF;
		fput(f);
	}
	return 0;
}

/* Copy a set in (a NULL one is empty) or out (not to a NULL one). */
static int copy_fd_set(u64 *set, void __user *uset, int n, bool out)
{
	size_t bytes = FDS_WORDS(n) * sizeof(u64);

	if (!uset) {
		if (!out)
			memset(set, 0, bytes);
		return 0;
	}
	if (out)
		return copy_to_user(uset, set, bytes) ? -EFAULT : 0;
	return copy_from_user(set, uset, bytes) ? -EFAULT : 0;
}

static long core_sys_select(int n, void __user *inp, void __user *outp, void __user *exp, u64 deadline)
{
	void __user *user[3] = { inp, outp, exp };
	long ret;

	if (n < 0)
		return -EINVAL;
	n = MIN(n, NR_OPEN); /* the size of every fd table */
	size_t words = MAX(FDS_WORDS(n), 1); /* n = 0 is select's way to sleep */
	u64 *bits = kzalloc(6 * words * sizeof(u64));
	if (!bits)
		return -ENOMEM;
	struct fd_sets s = { n, bits, bits + words, bits + 2 * words, bits + 3 * words, bits + 4 * words,
			     bits + 5 * words };
	u64 *sets[3] = { s.in, s.out, s.ex }, *results[3] = { s.res_in, s.res_out, s.res_ex };
	for (int k = 0; k < 3; k++)
		if ((ret = copy_fd_set(sets[k], user[k], n, false)))
			goto free_bits;
	ret = check_fds(&s);
	if (!ret)
		ret = poll_loop(select_scan, &s, deadline);
	for (int k = 0; k < 3 && ret >= 0; k++)
		if (copy_fd_set(results[k], user[k], n, true))
			ret = -EFAULT;
free_bits:
	kfree(bits);
	return ret;
}

long sys_select(int n, void __user *inp, void __user *outp, void __user *exp, struct timeval __user *tvp)
{
	struct timeval tv;
	u64 deadline = KTIME_MAX;

	if (tvp) {
		if (get_user_obj(&tv, tvp))
			return -EFAULT;
		/* Linux carries whole seconds out of tv_usec; a negative part is EINVAL. */
		struct timespec ts = { tv.tv_sec + tv.tv_usec / USEC_PER_SEC, (tv.tv_usec % USEC_PER_SEC) * NSEC_PER_USEC };
		if (!timespec_valid(&ts))
			return -EINVAL;
		deadline = poll_deadline(&ts);
	}
	return poll_select_finish(deadline, tvp, true, core_sys_select(n, inp, outp, exp, deadline));
}

/* pselect6's sixth argument: the mask and its size, as glibc passes them. */
struct sigset_argpack {
	const u64 __user *mask;
	size_t size;
};

long sys_pselect6(int n, void __user *inp, void __user *outp, void __user *exp, struct timespec __user *tsp,
		  const struct sigset_argpack __user *sig)
{
	struct sigset_argpack pack = { NULL, 0 };
	u64 deadline;
	long err = get_timeout(tsp, &deadline);

	if (!err && sig && get_user_obj(&pack, sig))
		err = -EFAULT;
	if (!err)
		err = set_user_sigmask(pack.mask, pack.size);
	if (err)
		return err;
	return poll_select_finish(deadline, tsp, false, core_sys_select(n, inp, outp, exp, deadline));
}
