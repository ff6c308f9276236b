/*
 * Spinlocks: test-and-test-and-set.  XCHG with memory is atomic and a full
 * barrier (Intel SDM vol. 3A, 8.1.2.1 "Automatic Locking", 8.2.2 "Memory
 * Ordering in P6 and More Recent Processor Families"), so what the holder
 * wrote before spin_unlock() is seen by the next holder.  While the lock is
 * taken the waiter only reads it, so the cache line is not fought over,
 * and PAUSE tells the CPU it is a spin loop.
 */
#include <spinlock.h>
#include <printk.h>
#include <smp.h>

#ifdef CONFIG_DEBUG_SPINLOCK
static void spin_bug(spinlock_t *lock, const char *what)
{
	panic("spinlock %s: %s on CPU %u (held by CPU %d)", lock->magic == SPINLOCK_MAGIC ? lock->name : "?",
	      what, smp_processor_id(), lock->owner_cpu);
}

static void debug_spin_check(spinlock_t *lock)
{
	if (lock->magic != SPINLOCK_MAGIC)
		spin_bug(lock, "not initialised");
}

static void debug_spin_lock_before(spinlock_t *lock)
{
	debug_spin_check(lock);
	if (READ_ONCE(lock->owner_cpu) == (int)smp_processor_id())
		spin_bug(lock, "recursion");
}

static void debug_spin_unlock(spinlock_t *lock)
{
	debug_spin_check(lock);
	if (!READ_ONCE(lock->locked))
		spin_bug(lock, "already unlocked");
	if (lock->owner_cpu != (int)smp_processor_id())
		spin_bug(lock, "released by a CPU that does not hold it");
	lock->owner_cpu = -1;
}
#else
static void debug_spin_check(spinlock_t *lock) { (void)lock; }
static void debug_spin_lock_before(spinlock_t *lock) { (void)lock; }
static void debug_spin_unlock(spinlock_t *lock) { (void)lock; }
#endif

static bool try_acquire(spinlock_t *lock)
{
	if (__atomic_exchange_n(&lock->locked, 1, __ATOMIC_ACQUIRE))
		return false;
#ifdef CONFIG_DEBUG_SPINLOCK
	lock->owner_cpu = smp_processor_id();
#endif
	return true;
}

/* A try on a lock this CPU holds just fails, as in Linux: no recursion check. */
bool spin_trylock(spinlock_t *lock)
{
	debug_spin_check(lock);
	return try_acquire(lock);
}

void spin_lock(spinlock_t *lock)
{
	debug_spin_lock_before(lock);
	while (!try_acquire(lock))
		while (READ_ONCE(lock->locked))
			cpu_relax();
}

void spin_unlock(spinlock_t *lock)
{
	debug_spin_unlock(lock);
	__atomic_store_n(&lock->locked, 0, __ATOMIC_RELEASE);
}

bool spin_is_locked(spinlock_t *lock)
{
	return READ_ONCE(lock->locked);
}
