/*
 * A signal frame the kernel cannot write kills the process with SIGSEGV
 * (Linux's force_sigsegv): no SA_RESTORER, a stack pointer into unmapped,
 * read-only, kernel or non-canonical memory, a stack too small for the
 * frame, a bad alternate stack.  Each variant runs in a child that has a
 * SIGSEGV handler which would exit(99) if it ever ran; the parent must see
 * the child killed by SIGSEGV (before the fix Cowl retried the frame
 * forever with interrupts off, which hung the whole machine).
 */
#include <signal.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "test.h"

#define PAGE 4096UL
#define HANDLER_RAN 99

static unsigned long bad_sp; /* the stack pointer the faulting child switches to */

static void handler(int sig)
{
	(void)sig;
	_exit(HANDLER_RAN);
}

static void install_handler(int sig, int flags)
{
	struct sigaction act = { .sa_handler = handler, .sa_mask = 0, .sa_flags = flags };

	sigaction(sig, &act, NULL);
}

/* rt_sigaction without the SA_RESTORER that libc's sigaction always adds. */
static void install_without_restorer(int sig)
{
	struct k_sigaction act = { .handler = handler, .flags = 0, .restorer = NULL, .mask = 0 };

	__syscall4(__NR_rt_sigaction, sig, &act, NULL, sizeof(sigset_t));
}

/* Switch to bad_sp and write to address 0: the SIGSEGV frame must go on bad_sp. */
static void fault_on_bad_stack(void)
{
	install_handler(SIGSEGV, 0);
	__asm__ volatile("mov %0, %%rsp\n\tmovq $0, 0\n\tud2" : : "r"(bad_sp) : "memory");
}

static void fault_on_good_stack(void)
{
	install_handler(SIGSEGV, 0);
	*(volatile int *)0 = 0;
}

static void segv_without_restorer(void)
{
	install_without_restorer(SIGSEGV);
	*(volatile int *)0 = 0;
}

/* The frame for SIGUSR1 fails; the SIGSEGV that replaces it has a handler, but no usable stack either. */
static void usr1_without_restorer(void)
{
	install_without_restorer(SIGUSR1);
	install_without_restorer(SIGSEGV);
	kill(getpid(), SIGUSR1);
}

static int killed_by_segv(int status)
{
	return status != -1 && WIFSIGNALED(status) && WTERMSIG(status) == SIGSEGV;
}

static void check_stack(const char *name, unsigned long sp)
{
	bad_sp = sp;
	CHECK(name, killed_by_segv(run_in_child(fault_on_bad_stack)));
}

static void *map_pages(int n, int prot)
{
	return mmap(NULL, n * PAGE, prot, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
}

static void bad_stacks(void)
{
	char *gone = map_pages(1, PROT_READ | PROT_WRITE);
	char *readonly = map_pages(1, PROT_READ);
	char *guarded = map_pages(2, PROT_READ | PROT_WRITE);

	munmap(gone, PAGE);
	mprotect(guarded, PAGE, PROT_NONE); /* a guard page below a one-page stack */
	readonly[0] = readonly[0];
	check_stack("stack_unmapped", (unsigned long)gone + PAGE);
	check_stack("stack_readonly", (unsigned long)readonly + PAGE);
	check_stack("stack_kernel", 0xffffffff80001000UL);
	check_stack("stack_direct_map", 0xffff888000100000UL);
	check_stack("stack_noncanonical", 0x8000000000001000UL);
	check_stack("stack_null", 0); /* the frame would wrap round to the top of the address space */
	/* 256 bytes of stack left: the frame (over 1 KiB with the FPU state) runs into the guard. */
	check_stack("stack_overflows_into_guard", (unsigned long)guarded + PAGE + 256);
	munmap(readonly, PAGE);
	munmap(guarded, 2 * PAGE);
}

static void fault_on_bad_altstack(void)
{
	stack_t ss = { (void *)bad_sp, 0, 64 * 1024 };

	if (sigaltstack(&ss, NULL) != 0)
		_exit(1);
	install_handler(SIGSEGV, SA_ONSTACK);
	*(volatile int *)0 = 0;
}

/* The alternate stack is unmapped: the frame cannot be written, so SIGSEGV kills at once. */
static void bad_altstack(void)
{
	char *gone = map_pages(16, PROT_READ | PROT_WRITE);

	munmap(gone, 16 * PAGE);
	bad_sp = (unsigned long)gone;
	CHECK("altstack_unmapped", killed_by_segv(run_in_child(fault_on_bad_altstack)));
}

int main(void)
{
	CHECK("segv_handler_without_restorer", killed_by_segv(run_in_child(segv_without_restorer)));
	CHECK("usr1_handler_without_restorer", killed_by_segv(run_in_child(usr1_without_restorer)));
	bad_stacks();
	bad_altstack();
	/* The same handler on a good stack does run: the variants above fail for their stacks alone. */
	int status = run_in_child(fault_on_good_stack);
	CHECK("control_handler_runs_on_good_stack", WIFEXITED(status) && WEXITSTATUS(status) == HANDLER_RAN);
	return test_done();
}
