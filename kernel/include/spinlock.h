/*
 * Spinlocks (kernel/locking/spinlock.c).  A CPU that finds the lock taken
 * spins until it is free: for short critical sections that never sleep.
 * The kernel runs with interrupts off (docs/processes.md), but code that
 * may run where they are on (cond_resched(), the idle loop) and a lock an
 * interrupt handler also takes need the _irqsave forms: a handler spinning
 * on a lock its own CPU holds would wait forever.  Each lock says in a
 * comment what it protects; docs/smp.md has the table.
 *
 * Each lock knows its holder, in every build: taking a lock this CPU
 * already holds, releasing one it does not hold, or using one never
 * initialised panics with the lock's name.
 *
 * Each CPU counts the spinlocks it holds (Linux's preempt_count, here only
 * a count of locks: the kernel is never preempted) and keeps the last few
 * it took.  Sleeping with one held would let another task on this CPU spin
 * forever on it (or sleep with interrupts off), so schedule() and
 * cond_resched() panic when the count is not 0, naming the lock and the
 * task.  The big kernel lock is not counted: it is let go around every
 * sleep (smp_lock.h), so it takes the lock through do_raw_spin_trylock()
 * and do_raw_spin_unlock(), which check the holder but count nothing.
 */
#ifndef SPINLOCK_H
#define SPINLOCK_H
#include <spinlock_types.h>
#include <asm/cpu.h>

#define spin_lock_init(lock) (*(lock) = (spinlock_t)__SPIN_LOCK_UNLOCKED(lock))
void spin_lock(spinlock_t *lock);
bool spin_trylock(spinlock_t *lock);
void spin_unlock(spinlock_t *lock);
bool spin_is_locked(spinlock_t *lock);
bool do_raw_spin_trylock(spinlock_t *lock);
void do_raw_spin_unlock(spinlock_t *lock);

/* Does this CPU hold a spinlock (Linux's in_atomic())?  Then it must not sleep. */
bool in_atomic(void);
/* The spinlock this CPU took last of those it still holds, NULL if none. */
spinlock_t *last_held_spinlock(void);

/* flags: the interrupt flag before; interrupts are off while the lock is held. */
#define spin_lock_irqsave(lock, flags)          \
	do {                                    \
		(flags) = local_irq_save();     \
		spin_lock(lock);                \
	} while (0)

static inline void spin_unlock_irqrestore(spinlock_t *lock, unsigned long flags)
{
	spin_unlock(lock);
	local_irq_restore(flags);
}
#endif
