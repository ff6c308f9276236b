/* The spinlock type alone, for structures that embed one (Linux's spinlock_types.h). */
#ifndef SPINLOCK_TYPES_H
#define SPINLOCK_TYPES_H
#include <types.h>

#define SPINLOCK_MAGIC 0xdead4ead /* Linux's: a lock never initialised does not have it */

/*
 * The holder check (spinlock.c) is in every build: three stores per lock
 * and unlock, against a deadlock that would otherwise just hang.
 */
typedef struct spinlock {
	unsigned int locked; /* 0 free, 1 held; changed only by atomic exchange */
	unsigned int magic;
	int owner_cpu;       /* the CPU holding it, -1 when free */
	const char *name;
} spinlock_t;

#define __SPIN_LOCK_UNLOCKED(lockname) { .locked = 0, .magic = SPINLOCK_MAGIC, .owner_cpu = -1, .name = #lockname }
#define DEFINE_SPINLOCK(x) spinlock_t x = __SPIN_LOCK_UNLOCKED(x)
#endif
