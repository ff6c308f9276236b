/*
 * Spinlocks: test-and-test-and-set.  XCHG with memory is atomic and a full
 * barrier (Intel SDM vol. 3A, 8.1.2.1 "Automatic Locking", 8.2.2 "Memory
 * Ordering in P6 and More Recent Processor Families"), so what the holder
 * wrote before spin_unlock() is seen by the next holder.  While the lock is
 * taken the waiter only reads it, so the cache line is not fought over,
 * and PAUSE tells the CPU it is a spin loop.
 *
 * Each CPU counts the locks it holds and remembers them (spinlock.h), so
 * that sleeping with one held is caught.  Only this CPU changes its count;
 * an interrupt handler that takes a lock lets it go before it returns, so
 * the count is back where it was when the interrupted code goes on.
 */
#include <spinlock.h>
#include <printk.h>
#include <smp.h>

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

static bool try_acquire(spinlock_t *lock)
{
	if (__atomic_exchange_n(&lock->locked, 1, __ATOMIC_ACQUIRE))
		return false;
	lock->owner_cpu = smp_processor_id();
	return true;
}

/* This CPU now holds lock: count it, and remember it while there is room. */
static void held_lock_add(spinlock_t *lock)
{
	struct percpu *c = this_cpu();

	if (c->preempt_count < MAX_HELD_SPINLOCKS)
		c->held_locks[c->preempt_count] = lock;
	c->preempt_count++;
}

/* Locks need not be let go in the order taken: take this one out where it is. */
static void held_lock_remove(spinlock_t *lock)
{
	struct percpu *c = this_cpu();
	unsigned int n = MIN(c->preempt_count, (unsigned int)MAX_HELD_SPINLOCKS);

	for (unsigned int i = n; i-- > 0;) {
		if (c->held_locks[i] != lock)
			continue;
		for (; i + 1 < n; i++)
			c->held_locks[i] = c->held_locks[i + 1];
		break;
	}
	c->preempt_count--;
}

bool do_raw_spin_trylock(spinlock_t *lock)
{
	debug_spin_check(lock);
	return try_acquire(lock);
}

void do_raw_spin_unlock(spinlock_t *lock)
{
	debug_spin_unlock(lock);
	__atomic_store_n(&lock->locked, 0, __ATOMIC_RELEASE);
}

/* A try on a lock this CPU holds just fails, as in Linux: no recursion check. */
bool spin_trylock(spinlock_t *lock)
{
	if (!do_raw_spin_trylock(lock))
		return false;
	held_lock_add(lock);
	return true;
}

void spin_lock(spinlock_t *lock)
{
	debug_spin_lock_before(lock);
	while (!try_acquire(lock))
		while (READ_ONCE(lock->locked))
			cpu_relax();
	held_lock_add(lock);
}

void spin_unlock(spinlock_t *lock)
{
	do_raw_spin_unlock(lock);
	held_lock_remove(lock);
}

bool spin_is_locked(spinlock_t *lock)
{
	return READ_ONCE(lock->locked);
}

bool in_atomic(void)
{
	return this_cpu_read(preempt_count) != 0;
}

spinlock_t *last_held_spinlock(void)
{
	struct percpu *c = this_cpu();

	if (!c->preempt_count)
		return NULL;
	return c->held_locks[MIN(c->preempt_count, (unsigned int)MAX_HELD_SPINLOCKS) - 1];
}
