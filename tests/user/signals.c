/* rt_sigaction and rt_sigprocmask: handlers run and return, masks delay delivery. */
#include <signal.h>
#include <unistd.h>
#include "test.h"

static volatile int handled, last_signal;
static volatile int blocked_inside; /* was the signal blocked while its handler ran? */

static void handler(int sig)
{
	sigset_t now;

	sigprocmask(SIG_BLOCK, NULL, &now);
	blocked_inside = sigismember(&now, sig);
	last_signal = sig;
	handled++;
}

static int install(int sig, sighandler_t h, int flags)
{
	struct sigaction act = { .sa_handler = h, .sa_mask = 0, .sa_flags = flags };

	return sigaction(sig, &act, NULL);
}

static void handlers(void)
{
	struct sigaction old;
	sigset_t now;

	CHECK_EQ("install_handler", install(SIGUSR1, handler, 0), 0);
	CHECK("handler_runs", kill(getpid(), SIGUSR1) == 0 && handled == 1 && last_signal == SIGUSR1);
	CHECK_EQ("blocked_during_handler", blocked_inside, 1);
	CHECK("mask_restored_after", sigprocmask(SIG_BLOCK, NULL, &now) == 0 && !sigismember(&now, SIGUSR1));
	CHECK("query_old_action", sigaction(SIGUSR1, NULL, &old) == 0 && old.sa_handler == handler);
	CHECK("handler_runs_again", kill(getpid(), SIGUSR1) == 0 && handled == 2);

	CHECK_EQ("signal_returns_previous", signal(SIGUSR1, SIG_DFL), handler);
	CHECK("ignore", signal(SIGUSR2, SIG_IGN) == SIG_DFL && kill(getpid(), SIGUSR2) == 0);

	handled = 0;
	CHECK_EQ("resethand_install", install(SIGUSR2, handler, (int)SA_RESETHAND), 0);
	CHECK("resethand_runs_once", kill(getpid(), SIGUSR2) == 0 && handled == 1);
	CHECK("resethand_reset", sigaction(SIGUSR2, NULL, &old) == 0 && old.sa_handler == SIG_DFL);
	signal(SIGUSR2, SIG_IGN);
}

static void bad_actions(void)
{
	struct sigaction act = { .sa_handler = handler };

	CHECK_ERRNO("catch_sigkill_einval", sigaction(SIGKILL, &act, NULL), EINVAL);
	CHECK_ERRNO("catch_sigstop_einval", sigaction(SIGSTOP, &act, NULL), EINVAL);
	CHECK_ERRNO("signal_zero_einval", sigaction(0, &act, NULL), EINVAL);
	CHECK_ERRNO("signal_65_einval", sigaction(65, &act, NULL), EINVAL);
}

static void masks(void)
{
	sigset_t set, old;

	handled = 0;
	install(SIGUSR1, handler, 0);
	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	CHECK("block", sigprocmask(SIG_BLOCK, &set, &old) == 0 && !sigismember(&old, SIGUSR1));
	CHECK("blocked_not_delivered", kill(getpid(), SIGUSR1) == 0 && handled == 0);
	CHECK("unblock_delivers", sigprocmask(SIG_UNBLOCK, &set, NULL) == 0 && handled == 1);

	set = ~0UL;
	CHECK_EQ("block_all", sigprocmask(SIG_SETMASK, &set, &old), 0);
	CHECK("kill_stop_unblockable", sigprocmask(SIG_SETMASK, &old, &set) == 0 &&
	      !sigismember(&set, SIGKILL) && !sigismember(&set, SIGSTOP) && sigismember(&set, SIGTERM));
	CHECK_ERRNO("bad_how_einval", sigprocmask(42, &set, NULL), EINVAL);
}

int main(void)
{
	handlers();
	bad_actions();
	masks();
	return test_done();
}
