/*
 * What a SA_SIGINFO handler learns, and rt_sigsuspend: kill() gives
 * SI_USER and the sender's pid, tgkill (raise) SI_TKILL, a child's end
 * CLD_EXITED or CLD_KILLED with its status; sigsuspend waits with its mask
 * until a handler ran (an ignored signal does not end it) and gives the
 * old mask back.  A fault says what kind it was and where: SEGV_MAPERR,
 * SEGV_ACCERR, ILL_ILLOPN, FPE_INTDIV, and SI_KERNEL for a general
 * protection fault.
 */
#include <signal.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <time.h>
#include "test.h"

static siginfo_t last;
static volatile int got;
static sigset_t mask_in_handler;

static void on_signal(int sig, siginfo_t *si, void *uc)
{
	(void)uc;
	memcpy(&last, si, sizeof(last));
	sigprocmask(SIG_BLOCK, NULL, &mask_in_handler);
	got = sig;
}

static void catch(int sig)
{
	struct sigaction sa = { .sa_handler = (sighandler_t)(void (*)(void))on_signal, .sa_flags = SA_SIGINFO };

	sigaction(sig, &sa, NULL);
}

static sigset_t just(int sig)
{
	sigset_t set;

	sigemptyset(&set);
	if (sig)
		sigaddset(&set, sig);
	return set;
}

static void block(int sig)
{
	sigset_t set = just(sig);

	sigprocmask(SIG_BLOCK, &set, NULL);
}

/* sigsuspend with nothing blocked; true if it returned EINTR after the handler for `sig` ran. */
static int suspend_for(int sig)
{
	sigset_t none = just(0);

	got = 0;
	return sigsuspend(&none) == -1 && errno == EINTR && got == sig;
}

static void check_self(void)
{
	catch(SIGUSR1);
	catch(SIGUSR2);
	got = 0;
	syscall(__NR_tgkill, getpid(), syscall(__NR_gettid), SIGUSR1);
	CHECK("tgkill_si_tkill", got == SIGUSR1 && last.si_code == SI_TKILL && last.si_signo == SIGUSR1);
	CHECK("tgkill_sender", last.si_pid == getpid() && last.si_uid == (unsigned)syscall(__NR_getuid));
	got = 0;
	kill(getpid(), SIGUSR2);
	CHECK("kill_si_user", got == SIGUSR2 && last.si_code == SI_USER && last.si_pid == getpid());
}

static void check_from_child(void)
{
	sigset_t now;

	block(SIGUSR1);
	pid_t pid = fork();
	if (pid == 0) {
		kill(getppid(), SIGUSR1);
		_exit(0);
	}
	waitpid(pid, NULL, 0);
	CHECK("sigsuspend_runs_handler", suspend_for(SIGUSR1));
	CHECK("kill_names_child", last.si_code == SI_USER && last.si_pid == pid);
	CHECK("handler_mask_is_suspend_mask_plus_sig", mask_in_handler == just(SIGUSR1));
	sigprocmask(SIG_BLOCK, NULL, &now);
	CHECK("mask_restored_after_sigsuspend", now == just(SIGUSR1));
	sigprocmask(SIG_SETMASK, &(sigset_t){ 0 }, NULL);
}

static void check_sigchld(void)
{
	catch(SIGCHLD);
	block(SIGCHLD);
	pid_t pid = fork();
	if (pid == 0)
		_exit(7);
	CHECK("sigchld_wakes_sigsuspend", suspend_for(SIGCHLD));
	CHECK("cld_exited", last.si_code == CLD_EXITED && last.si_pid == pid && last.si_status == 7);
	waitpid(pid, NULL, 0);
	pid = fork();
	if (pid == 0)
		for (;;)
			syscall(__NR_pause);
	kill(pid, SIGKILL);
	CHECK("sigchld_again", suspend_for(SIGCHLD));
	CHECK("cld_killed", last.si_code == CLD_KILLED && last.si_pid == pid && last.si_status == SIGKILL);
	waitpid(pid, NULL, 0);
	signal(SIGCHLD, SIG_DFL);
}

/* A SIGCHLD with no handler is ignored: sigsuspend goes on waiting for SIGUSR2 from the second child. */
static void check_ignored_does_not_end(void)
{
	struct timespec wait = { 0, 200000000 };

	block(SIGCHLD);
	pid_t quick = fork();
	if (quick == 0)
		_exit(0);
	pid_t late = fork();
	if (late == 0) {
		nanosleep(&wait, NULL);
		kill(getppid(), SIGUSR2);
		_exit(0);
	}
	CHECK("ignored_signal_does_not_end_sigsuspend", suspend_for(SIGUSR2) && last.si_pid == late);
	waitpid(quick, NULL, 0);
	waitpid(late, NULL, 0);
}

/* The fault a child is about to take; its handler exits 0 if the siginfo matches. */
static int want_sig, want_code;
static void *want_addr; /* NULL: any */

static void on_fault(int sig, siginfo_t *si, void *uc)
{
	(void)uc;
	_exit(sig == want_sig && si->si_code == want_code && (!want_addr || si->si_addr == want_addr) ? 0 : 1);
}

__asm__(".pushsection .text\n.globl ud2_at\nud2_at: ud2\n.popsection");
void ud2_at(void);

static void fault_in_child(const char *name, int sig, int code, void *addr, void (*fault)(void))
{
	pid_t pid = fork();
	int status = -1;

	if (pid == 0) {
		struct sigaction sa = { .sa_handler = (sighandler_t)(void (*)(void))on_fault, .sa_flags = SA_SIGINFO };
		sigaction(sig, &sa, NULL);
		want_sig = sig, want_code = code, want_addr = addr;
		fault();
		_exit(2);
	}
	waitpid(pid, &status, 0);
	CHECK(name, WIFEXITED(status) && WEXITSTATUS(status) == 0);
}

static volatile int zero, hundred = 100;
static char *read_only;
static volatile int *volatile unmapped = (int *)16;
static void read_unmapped(void) { (void)*unmapped; }
static void write_read_only(void) { *(volatile char *)read_only = 1; }
static void divide_by_zero(void) { zero = hundred / zero; } /* 1 / x would compile to no division */
static void privileged_instruction(void) { __asm__ volatile("hlt"); }

static void check_faults(void)
{
	read_only = mmap(NULL, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	fault_in_child("segv_maperr", SIGSEGV, SEGV_MAPERR, (void *)16, read_unmapped);
	fault_in_child("segv_accerr", SIGSEGV, SEGV_ACCERR, read_only, write_read_only);
	fault_in_child("ill_illopn", SIGILL, ILL_ILLOPN, (void *)ud2_at, ud2_at);
	fault_in_child("fpe_intdiv", SIGFPE, FPE_INTDIV, NULL, divide_by_zero);
	fault_in_child("gp_si_kernel", SIGSEGV, SI_KERNEL, NULL, privileged_instruction);
	munmap(read_only, 4096);
}

int main(void)
{
	sigset_t none = just(0);

	check_self();
	check_from_child();
	check_sigchld();
	check_ignored_does_not_end();
	check_faults();
	CHECK_ERRNO("sigsuspend_bad_size_einval", syscall(__NR_rt_sigsuspend, &none, 4), EINVAL);
	CHECK_ERRNO("sigsuspend_efault", syscall(__NR_rt_sigsuspend, (void *)8, 8), EFAULT);
	return test_done();
}
