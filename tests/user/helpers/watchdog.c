/*
 * watchdog SECONDS PGRP FD: runtests' time-out for one test.  Writes a byte
 * to FD and closes it (runtests waits for the end of file, so the pipe's
 * frames are back before the test starts), sleeps SECONDS, then kills
 * process group PGRP and, if there was anything to kill, interrupts its
 * parent (runtests, reading the test's output) with SIGALRM and exits 1;
 * killed by runtests when the test ends in time.
 *
 * A program of its own rather than a forked copy of runtests: a copy would
 * share runtests' pages copy-on-write for the whole test, so every page
 * runtests first wrote meanwhile would take a new frame, and on several
 * CPUs, where runtests runs beside the test, a test counting free frames
 * (oom, fuzz) would see the count move under it.
 */
#include <signal.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	if (argc != 4)
		return 2;
	struct timespec t = { atoi(argv[1]), 0 };
	pid_t pgrp = atoi(argv[2]);
	int ready = atoi(argv[3]);

	write(ready, "r", 1);
	close(ready);
	while (nanosleep(&t, &t) != 0)
		;
	if (kill(-pgrp, SIGKILL) != 0)
		return 0;
	kill(getppid(), SIGALRM);
	return 1;
}
