/*
 * Stop signals and SIGCONT (signal(7), "Job control"): SIGSTOP stops every
 * thread of a process and a stopped process does not run; SIGCONT continues
 * it; SIGKILL kills it while stopped.  wait4 with WUNTRACED / WCONTINUED and
 * waitid with WSTOPPED / WCONTINUED / WNOWAIT report each change once, with
 * Linux's status encoding, and the parent gets SIGCHLD with CLD_STOPPED /
 * CLD_CONTINUED unless it set SA_NOCLDSTOP.  Sending a stop signal discards
 * a pending SIGCONT and SIGCONT discards pending stop signals; a blocking
 * read and a nanosleep interrupted by a stop go on after SIGCONT (the
 * sleep to its first deadline, through restart_syscall).  The terminal's stop
 * signals do not stop an orphaned process group, and a group that becomes
 * orphaned with a stopped member gets SIGHUP and SIGCONT.  No terminal is
 * needed: everything here runs on the host Linux too.
 */
#include <sched.h>
#include <signal.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "procutil.h"
#include "test.h"

/* MAP_SHARED counters the children advance while they run. */
static volatile long *shm;

static void pause_ms(long ms)
{
	struct timespec ts = { ms / 1000, (ms % 1000) * 1000000L };

	nanosleep(&ts, NULL);
}

/* A child that counts in shm[slot] for ever. */
static pid_t spinner(int slot)
{
	pid_t pid = fork();

	if (pid == 0)
		for (;;)
			shm[slot]++;
	return pid;
}

/* The state letter of /proc/PID/stat (the field after the name), or '?'. */
static char proc_state(pid_t pid)
{
	char path[64], buf[512];

	snprintf(path, sizeof(path), "/proc/%d/stat", pid);
	if (read_file(path, buf, sizeof(buf)) < 0)
		return '?';
	char *paren = strrchr(buf, ')');
	return paren && paren[1] == ' ' ? paren[2] : '?';
}

static void stop_continue_kill(void)
{
	int status = 0;
	pid_t pid = spinner(0);

	while (shm[0] == 0)
		sched_yield();
	kill(pid, SIGSTOP);
	CHECK_EQ("wuntraced_reports_stop", waitpid(pid, &status, WUNTRACED), pid);
	CHECK("stop_status_encoding", WIFSTOPPED(status) && WSTOPSIG(status) == SIGSTOP && status == 0x137f &&
					      !WIFEXITED(status) && !WIFSIGNALED(status) && !WIFCONTINUED(status));
	CHECK_EQ("proc_state_stopped", proc_state(pid), 'T');
	long before = shm[0];
	pause_ms(100);
	CHECK_EQ("stopped_does_not_run", shm[0], before);
	CHECK_EQ("stop_reported_once", waitpid(pid, &status, WUNTRACED | WNOHANG), 0);
	CHECK_EQ("plain_wait_ignores_stop", waitpid(pid, &status, WNOHANG), 0);

	kill(pid, SIGCONT);
	CHECK_EQ("wcontinued_reports_continue", waitpid(pid, &status, WCONTINUED), pid);
	CHECK("continue_status_encoding", WIFCONTINUED(status) && status == 0xffff && !WIFSTOPPED(status));
	CHECK_EQ("continue_reported_once", waitpid(pid, &status, WCONTINUED | WNOHANG), 0);
	before = shm[0];
	pause_ms(100);
	CHECK("continued_runs_again", shm[0] != before);

	kill(pid, SIGSTOP);
	waitpid(pid, &status, WUNTRACED);
	kill(pid, SIGKILL);
	CHECK("sigkill_kills_stopped", waitpid(pid, &status, 0) == pid && WIFSIGNALED(status) &&
					       WTERMSIG(status) == SIGKILL);
}

static char thread_stack[16384] __attribute__((aligned(16)));
static volatile int thread_tid;

static int spinning_thread(void *arg)
{
	(void)arg;
	while (shm[2] >= 0)
		shm[2]++;
	return 0;
}

/* Every thread stops: the second thread's counter stands still too. */
static void stop_all_threads(void)
{
	int status = 0;
	pid_t pid = fork();

	if (pid == 0) {
		clone(spinning_thread, thread_stack + sizeof(thread_stack), THREAD_FLAGS, NULL, &thread_tid, NULL,
		      &thread_tid);
		for (;;)
			shm[1]++;
	}
	while (shm[1] == 0 || shm[2] == 0)
		sched_yield();
	kill(pid, SIGTSTP);
	CHECK("tstp_stops_process", waitpid(pid, &status, WUNTRACED) == pid && WIFSTOPPED(status) &&
					    WSTOPSIG(status) == SIGTSTP);
	long main_before = shm[1], thread_before = shm[2];
	pause_ms(100);
	CHECK("all_threads_stopped", shm[1] == main_before && shm[2] == thread_before);
	kill(pid, SIGCONT);
	pause_ms(100);
	CHECK("all_threads_continue", shm[1] != main_before && shm[2] != thread_before);
	kill(pid, SIGKILL);
	waitpid(pid, &status, 0);
}

static volatile int chld_codes[8], chld_status[8], chld_count;

static void on_chld(int sig, siginfo_t *si, void *uc)
{
	(void)sig, (void)uc;
	if (chld_count < 8) {
		chld_codes[chld_count] = si->si_code;
		chld_status[chld_count] = si->si_status;
	}
	chld_count++;
}

static void set_chld_handler(int flags)
{
	struct sigaction sa = { .sa_handler = (sighandler_t)(void (*)(void))on_chld, .sa_flags = SA_SIGINFO | flags };

	sigaction(SIGCHLD, &sa, NULL);
	chld_count = 0;
}

/* The parent's SIGCHLD: CLD_STOPPED with the stop signal, CLD_CONTINUED with SIGCONT; none with SA_NOCLDSTOP. */
static void sigchld_codes(void)
{
	int status;
	pid_t pid = spinner(3);

	set_chld_handler(0);
	kill(pid, SIGSTOP);
	while (waitpid(pid, &status, WUNTRACED) < 0 && errno == EINTR)
		;
	CHECK("sigchld_cld_stopped", chld_count == 1 && chld_codes[0] == CLD_STOPPED && chld_status[0] == SIGSTOP);
	kill(pid, SIGCONT);
	while (waitpid(pid, &status, WCONTINUED) < 0 && errno == EINTR)
		;
	/* wait may see the continue before the child has run to send it (Linux: the child's first thread does) */
	for (int i = 0; i < 200 && chld_count < 2; i++)
		pause_ms(10);
	CHECK("sigchld_cld_continued", chld_count == 2 && chld_codes[1] == CLD_CONTINUED &&
					       chld_status[1] == SIGCONT);

	set_chld_handler(SA_NOCLDSTOP);
	kill(pid, SIGSTOP);
	while (waitpid(pid, &status, WUNTRACED) < 0 && errno == EINTR)
		;
	kill(pid, SIGCONT);
	while (waitpid(pid, &status, WCONTINUED) < 0 && errno == EINTR)
		;
	CHECK_EQ("sa_nocldstop_no_sigchld", chld_count, 0);
	kill(pid, SIGKILL);
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	CHECK("sigchld_at_exit_still", chld_count == 1 && chld_codes[0] == CLD_KILLED);
	signal(SIGCHLD, SIG_DFL);
}

static void waitid_reports(void)
{
	siginfo_t si;
	pid_t pid = spinner(4);

	kill(pid, SIGSTOP);
	memset(&si, 0xff, sizeof(si));
	CHECK_EQ("waitid_wstopped", waitid(P_PID, pid, &si, WSTOPPED | WNOWAIT), 0);
	CHECK("waitid_stopped_info", si.si_signo == SIGCHLD && si.si_code == CLD_STOPPED && si.si_pid == pid &&
					     si.si_status == SIGSTOP && si.si_errno == 0);
	memset(&si, 0, sizeof(si));
	waitid(P_PID, pid, &si, WSTOPPED);
	CHECK("waitid_wnowait_keeps_it", si.si_code == CLD_STOPPED && si.si_pid == pid);
	memset(&si, 0xff, sizeof(si));
	CHECK("waitid_wnohang_nothing", waitid(P_PID, pid, &si, WSTOPPED | WNOHANG) == 0 && si.si_pid == 0 &&
						si.si_signo == 0);
	kill(pid, SIGCONT);
	waitid(P_ALL, 0, &si, WCONTINUED);
	CHECK("waitid_continued_info", si.si_code == CLD_CONTINUED && si.si_status == SIGCONT && si.si_pid == pid);
	kill(pid, SIGKILL);
	waitid(P_PGID, 0, &si, WEXITED);
	CHECK("waitid_killed_info", si.si_code == CLD_KILLED && si.si_status == SIGKILL && si.si_pid == pid);

	pid = fork();
	if (pid == 0)
		_exit(5);
	waitid(P_PID, pid, &si, WEXITED);
	CHECK("waitid_exited_info", si.si_code == CLD_EXITED && si.si_status == 5 && si.si_pid == pid);
	CHECK_ERRNO("waitid_no_event_einval", waitid(P_ALL, 0, &si, WNOHANG), EINVAL);
	CHECK_ERRNO("waitid_pid_0_einval", waitid(P_PID, 0, &si, WEXITED), EINVAL);
	CHECK_ERRNO("waitid_bad_idtype_einval", waitid(7, 0, &si, WEXITED), EINVAL);
	CHECK_ERRNO("waitid_no_children_echild", waitid(P_ALL, 0, &si, WEXITED), ECHILD);
}

static int handled_mask;

static void note_handler(int sig)
{
	handled_mask |= sig == SIGCONT ? 1 : sig == SIGTSTP ? 2 : 0;
}

/*
 * In a child with handlers for SIGCONT and SIGTSTP, both blocked: the
 * parent sends `first` then `second`; the child then unblocks both and
 * exits with the mask of the handlers that ran (1: SIGCONT, 2: SIGTSTP).
 */
static int handlers_after(int first, int second)
{
	int ready[2], go[2], status = -1;
	char c;

	if (pipe(ready) < 0 || pipe(go) < 0)
		return -1;
	pid_t pid = fork();
	if (pid == 0) {
		sigset_t both = 0, none = 0;
		sigaddset(&both, SIGCONT);
		sigaddset(&both, SIGTSTP);
		sigprocmask(SIG_BLOCK, &both, NULL);
		signal(SIGCONT, note_handler);
		signal(SIGTSTP, note_handler);
		write(ready[1], "r", 1);
		read(go[0], &c, 1);
		sigprocmask(SIG_SETMASK, &none, NULL);
		_exit(handled_mask);
	}
	read(ready[0], &c, 1);
	kill(pid, first);
	kill(pid, second);
	write(go[1], "g", 1);
	waitpid(pid, &status, 0);
	close(ready[0]);
	close(ready[1]);
	close(go[0]);
	close(go[1]);
	return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

static void discarding(void)
{
	CHECK_EQ("sigcont_discards_pending_stop", handlers_after(SIGTSTP, SIGCONT), 1);
	CHECK_EQ("stop_discards_pending_sigcont", handlers_after(SIGCONT, SIGTSTP), 2);
}

/* A read that a stop interrupts goes on after SIGCONT: the caller sees only its data. */
static void read_survives_stop(void)
{
	int fds[2], status = -1;
	pid_t pid;

	if (pipe(fds) < 0 || (pid = fork()) < 0)
		return;
	if (pid == 0) {
		char buf[8];
		_exit(read(fds[0], buf, sizeof(buf)) == 3 ? 0 : 1);
	}
	pause_ms(50);
	kill(pid, SIGSTOP);
	waitpid(pid, &status, WUNTRACED);
	kill(pid, SIGCONT);
	pause_ms(50);
	write(fds[1], "abc", 3);
	CHECK("read_restarted_after_stop", waitpid(pid, &status, 0) == pid && WIFEXITED(status) &&
						   WEXITSTATUS(status) == 0);
	close(fds[0]);
	close(fds[1]);
}

/* A nanosleep that a stop interrupts goes on after SIGCONT to its end, neither failing nor ending early. */
static void nanosleep_survives_stop(void)
{
	int status = -1;
	struct timespec t0, t1;
	pid_t pid = fork();

	if (pid == 0) {
		struct timespec req = { 1, 0 }, start, end;
		clock_gettime(CLOCK_MONOTONIC, &start);
		int r = nanosleep(&req, NULL);
		clock_gettime(CLOCK_MONOTONIC, &end);
		long ms = (end.tv_sec - start.tv_sec) * 1000 + (end.tv_nsec - start.tv_nsec) / 1000000;
		_exit(r == 0 && ms >= 1000 ? 0 : 1);
	}
	clock_gettime(CLOCK_MONOTONIC, &t0);
	pause_ms(300);
	kill(pid, SIGSTOP);
	waitpid(pid, &status, WUNTRACED);
	pause_ms(200);
	kill(pid, SIGCONT);
	CHECK("nanosleep_goes_on_after_stop", waitpid(pid, &status, 0) == pid && WIFEXITED(status) &&
						      WEXITSTATUS(status) == 0);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	long ms = (t1.tv_sec - t0.tv_sec) * 1000 + (t1.tv_nsec - t0.tv_nsec) / 1000000;
	/* About 1000 ms: started again from the beginning it would take 1500. */
	CHECK("nanosleep_restart_keeps_deadline", ms < 1350);
}

/*
 * In a new session (so no parent outside the group counts), a process
 * whose parent has gone is in an orphaned group: SIGTSTP does not stop it
 * (it reports 't' on the pipe), SIGSTOP still does.
 */
static void orphan_ignores_tstp(int out)
{
	if (fork() != 0)
		_exit(0); /* the new session's leader goes; its child is orphaned */
	while (getppid() == getpgrp())
		sched_yield();
	raise(SIGTSTP);
	write(out, "t", 1);
	_exit(0);
}

/* The same session; a child in a group of its own stops itself, then its parent (the only link) exits. */
static void orphaned_stopped_job(int out)
{
	pid_t pid = fork();

	if (pid == 0) {
		setpgid(0, 0);
		signal(SIGHUP, SIG_IGN); /* the SIGCONT that follows continues it */
		raise(SIGSTOP);
		write(out, "h", 1);
		_exit(0);
	}
	int status;
	waitpid(pid, &status, WUNTRACED);
	_exit(0);
}

static char read_one(int fd)
{
	char c = 0;
	struct timespec ts = { 0, 20000000 };

	for (int i = 0; i < 150; i++) { /* 3 s */
		if (read(fd, &c, 1) == 1)
			return c;
		nanosleep(&ts, NULL);
	}
	return 0;
}

static void orphaned_groups(void)
{
	void (*cases[])(int) = { orphan_ignores_tstp, orphaned_stopped_job };
	const char *names[] = { "orphaned_group_ignores_sigtstp", "orphaned_stopped_job_continued" };
	const char want[] = { 't', 'h' };

	for (int i = 0; i < 2; i++) {
		int fds[2], status;
		if (pipe2(fds, O_NONBLOCK) < 0)
			return;
		pid_t pid = fork();
		if (pid == 0) {
			setsid();
			cases[i](fds[1]);
		}
		waitpid(pid, &status, 0);
		CHECK_EQ(names[i], read_one(fds[0]), want[i]);
		close(fds[0]);
		close(fds[1]);
	}
}

int main(void)
{
	shm = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (shm == MAP_FAILED) {
		CHECK("mmap_shared", 0);
		return test_done();
	}
	stop_continue_kill();
	stop_all_threads();
	sigchld_codes();
	waitid_reports();
	discarding();
	read_survives_stop();
	nanosleep_survives_stop();
	orphaned_groups();
	return test_done();
}
