/* Signal dispositions and the blocked mask. */
#include <errno.h>
#include <signal.h>
#include <sys/syscall.h>

void __restore_rt(void); /* sigreturn.asm */

/* Bit n-1 of the mask stands for signal n. */
static unsigned long sigbit(int sig)
{
	return 1UL << (sig - 1);
}

static int valid_signal(int sig)
{
	return sig >= 1 && sig <= _NSIG;
}

int sigemptyset(sigset_t *set)
{
	*set = 0;
	return 0;
}

int sigaddset(sigset_t *set, int sig)
{
	if (!valid_signal(sig)) {
		errno = EINVAL;
		return -1;
	}
	*set |= sigbit(sig);
	return 0;
}

int sigismember(const sigset_t *set, int sig)
{
	return valid_signal(sig) && (*set & sigbit(sig)) != 0;
}

/*
 * On x86-64 the kernel does not return from a handler on its own: it
 * requires SA_RESTORER and jumps to our trampoline, which calls
 * rt_sigreturn.  So every handler we install gets it.
 */
int sigaction(int sig, const struct sigaction *act, struct sigaction *old)
{
	struct k_sigaction kact, kold;

	if (act) {
		kact.handler = act->sa_handler;
		kact.flags = (unsigned int)act->sa_flags | SA_RESTORER;
		kact.restorer = __restore_rt;
		kact.mask = act->sa_mask;
	}
	long ret = __syscall4(__NR_rt_sigaction, sig, act ? &kact : NULL, old ? &kold : NULL,
			      sizeof(sigset_t));
	if (ret == 0 && old) {
		old->sa_handler = kold.handler;
		old->sa_flags = (int)(kold.flags & ~(unsigned long)SA_RESTORER);
		old->sa_mask = kold.mask;
	}
	return __syscall_ret(ret);
}

/* BSD semantics, as glibc: the handler stays installed and interrupted calls restart. */
sighandler_t signal(int sig, sighandler_t handler)
{
	struct sigaction act = { .sa_handler = handler, .sa_mask = 0, .sa_flags = SA_RESTART };
	struct sigaction old = { 0 };

	if (sigaction(sig, &act, &old) < 0)
		return SIG_ERR;
	return old.sa_handler;
}

int sigprocmask(int how, const sigset_t *set, sigset_t *old)
{
	return __syscall_ret(__syscall4(__NR_rt_sigprocmask, how, set, old, sizeof(sigset_t)));
}

/* Waits with `mask` blocked until a handler has run; always -1 with EINTR. */
int sigsuspend(const sigset_t *mask)
{
	return __syscall_ret(__syscall2(__NR_rt_sigsuspend, mask, sizeof(sigset_t)));
}

int pause(void)
{
	return __syscall_ret(__syscall0(__NR_pause));
}

int sigaltstack(const stack_t *ss, stack_t *old)
{
	return __syscall_ret(__syscall2(__NR_sigaltstack, ss, old));
}
