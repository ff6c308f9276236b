/*
 * sigaltstack: setting and querying the alternate signal stack, handlers
 * with SA_ONSTACK running on it, the classic use (a SIGSEGV handler that
 * survives a stack overflow), SS_AUTODISARM, and what fork and threads do
 * with it.  An alternate stack the kernel cannot write is sigframe.c's.
 */
#include <sched.h>
#include <signal.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>
#include "test.h"
#include "procutil.h"

#define ALT_SIZE (64 * 1024)

static char *alt;           /* the alternate stack */
static volatile int handled;
static volatile unsigned long handler_sp;
static volatile int flags_in_handler, eperm_in_handler;

static int install(int sig, void (*fn)(int), int flags)
{
	struct sigaction sa = { .sa_handler = fn, .sa_mask = 0, .sa_flags = flags };
	return sigaction(sig, &sa, NULL);
}

static int set_stack(void *sp, size_t size, int flags)
{
	stack_t ss = { .ss_sp = sp, .ss_flags = flags, .ss_size = size };
	return sigaltstack(&ss, NULL);
}

static int on_alt(unsigned long sp)
{
	return sp > (unsigned long)alt && sp <= (unsigned long)alt + ALT_SIZE;
}

static void record(int sig)
{
	stack_t now;
	volatile char here;

	(void)sig;
	handled++;
	handler_sp = (unsigned long)&here;
	sigaltstack(NULL, &now);
	flags_in_handler = now.ss_flags;
}

/* record, then try to change the stack the handler runs on. */
static void record_and_change(int sig)
{
	stack_t again = { .ss_sp = alt, .ss_flags = 0, .ss_size = ALT_SIZE };

	record(sig);
	eperm_in_handler = sigaltstack(&again, NULL) < 0 && errno == EPERM;
}

static void errors(void)
{
	stack_t old;

	CHECK_EQ("query", sigaltstack(NULL, &old), 0);
	CHECK_EQ("none_at_start", old.ss_flags, SS_DISABLE);
	CHECK_ERRNO("too_small_enomem", set_stack(alt, MINSIGSTKSZ - 1, 0), ENOMEM);
	CHECK_ERRNO("bad_flags_einval", set_stack(alt, ALT_SIZE, 0x1234), EINVAL);
	CHECK_ERRNO("bad_pointer_efault", sigaltstack((stack_t *)8, NULL), EFAULT);
	CHECK_ERRNO("bad_old_pointer_efault", sigaltstack(NULL, (stack_t *)8), EFAULT);
}

static void handlers(void)
{
	stack_t old;

	CHECK_EQ("set", set_stack(alt, ALT_SIZE, 0), 0);
	CHECK("query_after_set", sigaltstack(NULL, &old) == 0 && old.ss_sp == alt && old.ss_size == ALT_SIZE &&
					 old.ss_flags == 0);
	install(SIGUSR1, record_and_change, SA_ONSTACK);
	raise(SIGUSR1);
	CHECK_EQ("onstack_handler_ran", handled, 1);
	CHECK("onstack_handler_on_alt_stack", on_alt(handler_sp));
	CHECK_EQ("flags_in_handler_ss_onstack", flags_in_handler, SS_ONSTACK);
	CHECK("change_in_handler_eperm", eperm_in_handler);
	CHECK("flags_after_handler", sigaltstack(NULL, &old) == 0 && old.ss_flags == 0);

	install(SIGUSR1, record, 0);
	raise(SIGUSR1);
	CHECK("plain_handler_on_own_stack", handled == 2 && !on_alt(handler_sp));

	CHECK_EQ("autodisarm_set", set_stack(alt, ALT_SIZE, SS_AUTODISARM), 0);
	install(SIGUSR1, record, SA_ONSTACK);
	raise(SIGUSR1);
	CHECK("autodisarm_handler_on_alt_stack", handled == 3 && on_alt(handler_sp));
	CHECK_EQ("autodisarm_disabled_in_handler", flags_in_handler, SS_DISABLE);
	CHECK("autodisarm_restored_after", sigaltstack(NULL, &old) == 0 && old.ss_sp == alt &&
						  old.ss_flags == (int)SS_AUTODISARM);
	CHECK_EQ("set_back", set_stack(alt, ALT_SIZE, 0), 0);
}

static void segv_exit(int sig)
{
	volatile char here;

	(void)sig;
	_exit(on_alt((unsigned long)&here) ? 42 : 43);
}

#pragma GCC diagnostic ignored "-Winfinite-recursion" /* the point: run out of stack */
static int recurse(int depth)
{
	volatile char pad[1024];

	pad[0] = (char)depth;
	return recurse(depth + 1) + pad[0]; /* not a tail call: every level keeps its frame */
}

/* The classic use: after the stack overflowed, only the alternate stack can hold a frame. */
static void child_overflows(void)
{
	install(SIGSEGV, segv_exit, SA_ONSTACK);
	recurse(0);
}

static void child_overflows_without_altstack(void)
{
	set_stack(NULL, 0, SS_DISABLE);
	child_overflows();
}

static void child_reports_altstack(void)
{
	stack_t now;

	sigaltstack(NULL, &now);
	_exit(now.ss_sp == alt && now.ss_flags == 0 ? 7 : 8);
}

static volatile int thread_flags = -1;

static int thread_reports_altstack(void *arg)
{
	stack_t now;

	(void)arg;
	sigaltstack(NULL, &now);
	thread_flags = now.ss_flags;
	return 0;
}

/* A CLONE_VM thread runs on its own stack: it must not start on its creator's signal stack. */
static void thread_starts_without(void)
{
	static char stack[16384] __attribute__((aligned(16)));
	volatile int tid = 0;

	if (clone(thread_reports_altstack, stack + sizeof(stack), THREAD_FLAGS, NULL, &tid, NULL, &tid) < 0) {
		CHECK("thread_clone", 0);
		return;
	}
	join(&tid);
	CHECK_EQ("thread_starts_without_altstack", thread_flags, SS_DISABLE);
}

static void inheritance(void)
{
	int status = run_in_child(child_overflows);
	CHECK("overflow_handled_on_alt_stack", WIFEXITED(status) && WEXITSTATUS(status) == 42);
	status = run_in_child(child_overflows_without_altstack);
	CHECK("overflow_without_altstack_sigsegv", WIFSIGNALED(status) && WTERMSIG(status) == SIGSEGV);
	status = run_in_child(child_reports_altstack);
	CHECK("fork_child_keeps_altstack", WIFEXITED(status) && WEXITSTATUS(status) == 7);
	thread_starts_without();
}

int main(void)
{
	alt = mmap(NULL, ALT_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (!CHECK("map_alt_stack", alt != MAP_FAILED))
		return test_done();
	errors();
	handlers();
	inheritance();
	return test_done();
}
