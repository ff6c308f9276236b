/* futex(2) operations and flags (include/uapi/linux/futex.h). */
#ifndef UAPI_FUTEX_H
#define UAPI_FUTEX_H
#define FUTEX_WAIT 0
#define FUTEX_WAKE 1
#define FUTEX_WAIT_BITSET 9
#define FUTEX_WAKE_BITSET 10
#define FUTEX_PRIVATE_FLAG 128
#define FUTEX_CLOCK_REALTIME 256
#define FUTEX_BITSET_MATCH_ANY 0xffffffff

/*
 * Robust futexes (set_robust_list(2)): a thread keeps the locks it holds on
 * a list in its own memory; at its exit the kernel marks each one's futex
 * word FUTEX_OWNER_DIED and wakes a waiter.
 */
#define FUTEX_WAITERS 0x80000000
#define FUTEX_OWNER_DIED 0x40000000
#define FUTEX_TID_MASK 0x3fffffff
#define ROBUST_LIST_LIMIT 2048 /* entries walked at most: a looped list cannot hang the exit */

struct robust_list {
	struct robust_list *next; /* bit 0 set: a PI futex */
};

struct robust_list_head {
	struct robust_list list;          /* the first entry; the list ends where it points back here */
	long futex_offset;                /* from an entry to its futex word */
	struct robust_list *list_op_pending; /* the lock being taken or released right now */
};
#endif
