/*
 * Spinlocks (kernel/locking/spinlock.c).  A CPU that finds the lock taken
 * spins until it is free: for short critical sections that never sleep.
 * The kernel runs with interrupts off (docs/processes.md), but code that
 * may run where they are on (cond_resched(), the idle loop) and a lock an
 * interrupt handler also takes need the _irqsave forms: a handler spinning
 * on a lock its own CPU holds would wait forever.  Each lock says in a
 * comment what it protects; docs/smp.md has the table.
 *
 * With DEBUG=1 (CONFIG_DEBUG_SPINLOCK) each lock knows its holder, and
 * taking a lock this CPU already holds, releasing one it does not hold,
 * or using one never initialised panics with the lock's name.
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
