/*
 * The big kernel lock (kernel/include/smp_lock.h): a spinlock with its
 * holder in the per-CPU area.  Taken by the raw calls, which leave this
 * CPU's count of spinlocks alone: it is let go around every sleep, so
 * holding it is no reason not to sleep (spinlock.h).
 */
#include <smp_lock.h>
#include <spinlock.h>
#include <smp.h>
#include <bug.h>

static DEFINE_SPINLOCK(kernel_flag); /* protects the kernel's shared data that has no lock of its own yet: see smp_lock.h */

void lock_kernel(void)
{
	BUG_ON(kernel_locked());
	/* Spinning with interrupts off: take cross-CPU calls meanwhile, the holder may be waiting for this CPU. */
	while (!do_raw_spin_trylock(&kernel_flag)) {
		smp_call_function_poll();
		cpu_relax();
	}
	this_cpu_write(kernel_lock_held, true);
}

void unlock_kernel(void)
{
	BUG_ON(!kernel_locked());
	this_cpu_write(kernel_lock_held, false);
	do_raw_spin_unlock(&kernel_flag);
}

bool kernel_locked(void)
{
	return this_cpu_read(kernel_lock_held);
}
