/*
 * Robust futexes: set_robust_list/get_robust_list, and at a thread's exit
 * each lock it still holds (its tid in the futex word) becomes
 * FUTEX_OWNER_DIED with no owner, FUTEX_WAITERS kept, and a waiter is woken; a lock of
 * another owner is left alone.  The locks live in shared memory, so the
 * parent sees what the kernel did when the child died.
 */
#include <stddef.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/thread.h>
#include <time.h>
#include "test.h"

struct lock {
	struct robust_list link;
	unsigned int word;
};

struct shared {
	struct robust_list_head head;
	struct lock held, foreign, pending;
};

static struct shared *sh;

/* The child: holds `held` and the pending one, lists `foreign` too (owned by pid 1), and dies. */
static void hold_and_die(unsigned int extra, long delay_ns)
{
	struct timespec wait = { 0, delay_ns };
	unsigned int tid = (unsigned int)syscall(__NR_gettid);

	sh->held.word = tid | extra;
	sh->foreign.word = 1;
	sh->pending.word = tid;
	sh->head.list.next = &sh->held.link;
	sh->held.link.next = &sh->foreign.link;
	sh->foreign.link.next = &sh->head.list;
	sh->head.futex_offset = offsetof(struct lock, word) - offsetof(struct lock, link);
	sh->head.list_op_pending = &sh->pending.link;
	syscall(__NR_set_robust_list, &sh->head, sizeof(sh->head));
	nanosleep(&wait, NULL);
	_exit(0);
}

static void check_calls(void)
{
	struct robust_list_head head = { { &head.list }, 0, NULL }, *got = NULL;
	size_t len = 0;

	CHECK_ERRNO("set_bad_len_einval", syscall(__NR_set_robust_list, &head, sizeof(head) - 1), EINVAL);
	CHECK_EQ("set_ok", syscall(__NR_set_robust_list, &head, sizeof(head)), 0);
	CHECK("get_own", syscall(__NR_get_robust_list, 0, &got, &len) == 0 && got == &head && len == sizeof(head));
	CHECK_ERRNO("get_no_such_pid", syscall(__NR_get_robust_list, 999999, &got, &len), ESRCH);
	CHECK_ERRNO("get_efault", syscall(__NR_get_robust_list, 0, (void *)8, &len), EFAULT);
	syscall(__NR_set_robust_list, NULL, sizeof(head));
}

static void check_owner_died(void)
{
	pid_t pid = fork();

	if (pid == 0)
		hold_and_die(0, 0);
	waitpid(pid, NULL, 0);
	CHECK_EQ("held_owner_died", sh->held.word, FUTEX_OWNER_DIED);
	CHECK_EQ("foreign_untouched", sh->foreign.word, 1);
	CHECK_EQ("pending_owner_died", sh->pending.word, FUTEX_OWNER_DIED);
}

/* A waiter on the dead owner's lock is woken with FUTEX_WAITERS kept. */
static void check_waiter_woken(void)
{
	struct timespec timeout = { 5, 0 }, tick = { 0, 1000000 };
	sh->held.word = 0;
	pid_t pid = fork();

	if (pid == 0)
		hold_and_die(FUTEX_WAITERS, 300000000);
	unsigned int want = (unsigned)pid | FUTEX_WAITERS;
	for (int i = 0; i < 250 && __atomic_load_n(&sh->held.word, __ATOMIC_SEQ_CST) != want; i++)
		nanosleep(&tick, NULL);
	long ret = futex((int *)&sh->held.word, FUTEX_WAIT, (int)want, &timeout, NULL, 0);
	CHECK("waiter_woken", ret == 0 || (ret == -1 && errno == EAGAIN));
	waitpid(pid, NULL, 0);
	CHECK_EQ("waiters_bit_kept", sh->held.word, FUTEX_WAITERS | FUTEX_OWNER_DIED);
}

int main(void)
{
	sh = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (sh == MAP_FAILED) {
		SKIP_ALL("no shared memory", "owner_died");
		return test_done();
	}
	check_calls();
	check_owner_died();
	check_waiter_woken();
	return test_done();
}
