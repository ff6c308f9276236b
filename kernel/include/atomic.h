/*
 * Atomic counters (Linux's atomic_t): a value several CPUs change at once.
 * GCC's __atomic builtins with sequential consistency; on x86-64 they become
 * LOCK-prefixed instructions (Intel SDM vol. 3A, 8.1.2.2 "Software
 * Controlled Bus Locking").
 */
#ifndef ATOMIC_H
#define ATOMIC_H
#include <types.h>

typedef struct {
	int counter;
} atomic_t;

#define ATOMIC_INIT(i) { (i) }

static inline int atomic_read(const atomic_t *v) { return __atomic_load_n(&v->counter, __ATOMIC_SEQ_CST); }
static inline void atomic_set(atomic_t *v, int i) { __atomic_store_n(&v->counter, i, __ATOMIC_SEQ_CST); }
static inline void atomic_inc(atomic_t *v) { __atomic_fetch_add(&v->counter, 1, __ATOMIC_SEQ_CST); }
static inline void atomic_dec(atomic_t *v) { __atomic_fetch_sub(&v->counter, 1, __ATOMIC_SEQ_CST); }
static inline int atomic_add_return(int i, atomic_t *v) { return __atomic_add_fetch(&v->counter, i, __ATOMIC_SEQ_CST); }
static inline int atomic_dec_return(atomic_t *v) { return __atomic_sub_fetch(&v->counter, 1, __ATOMIC_SEQ_CST); }
static inline bool atomic_dec_and_test(atomic_t *v) { return __atomic_sub_fetch(&v->counter, 1, __ATOMIC_SEQ_CST) == 0; }

/* Bit operations on one word, as Linux's set_bit()/test_bit() (asm/bitops.h). */
static inline void set_bit(unsigned nr, unsigned long *addr) { __atomic_fetch_or(addr, 1ul << nr, __ATOMIC_SEQ_CST); }
static inline void clear_bit(unsigned nr, unsigned long *addr) { __atomic_fetch_and(addr, ~(1ul << nr), __ATOMIC_SEQ_CST); }
static inline bool test_bit(unsigned nr, const unsigned long *addr)
{
	return (__atomic_load_n(addr, __ATOMIC_SEQ_CST) >> nr) & 1;
}
#endif
