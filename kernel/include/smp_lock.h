/*
 * The big kernel lock (Linux's lock_kernel() of 2.0 to 2.6, <linux/smp_lock.h>;
 * kernel/locking/kernel_lock.c): while tasks run on several CPUs, one CPU at
 * a time runs kernel code for them.  User code runs on all CPUs at once;
 * the kernel's own data (run queues, pids, files, pipes, the tty, futexes,
 * wait queues) needs no lock of its own yet: the lock stands for all of
 * them until issue 12.2 gives each its own.  The page allocator has its
 * own already (zone_lock, kernel/mm/page_alloc.c), so has kmalloc
 * (slab_lock, kernel/mm/slab.c), and struct page's refcount is atomic, so
 * they do not depend on this lock.
 *
 * Taken on entry from user mode (do_syscall_64, interrupt_dispatch, or
 * exit_to_user_mode for what came in without it), by the idle loop to
 * schedule, and by an interrupt that finds it not held; released on the
 * way back to user mode, by the idle loop before it halts, and at
 * cond_resched() points, so that long kernel work lets other CPUs in.  The
 * IPIs (kernel/smp.c) run without it: their senders may hold it.
 */
#ifndef SMP_LOCK_H
#define SMP_LOCK_H
#include <types.h>

void lock_kernel(void);
void unlock_kernel(void);
/* Does this CPU hold it? */
bool kernel_locked(void);
#endif
