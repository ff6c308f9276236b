/*
 * A long system call does not hold the CPU: while a child is inside one
 * getrandom() of 256 MiB (about a second on Cowl under emulation, two on
 * Linux), the parent, asleep in 10 ms naps, must wake and run several
 * times.  A kernel that runs the call to its end with interrupts off lets
 * the parent run at most once, after the call.  This counts turns, not
 * time, so a slow machine only makes it pass more easily.
 */
#include <sys/mman.h>
#include <sys/syscall.h>
#include <time.h>
#include "test.h"

#define LEN (256ul << 20)
#define MIN_TURNS 2

int main(void)
{
	int go[2], status;
	char c;
	char *buf = mmap(NULL, LEN, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	if (!CHECK("setup", buf != MAP_FAILED && pipe(go) == 0))
		return test_done();
	pid_t pid = fork();
	if (pid == 0) {
		write(go[1], "g", 1);
		_exit(__syscall3(__NR_getrandom, buf, LEN, 0) == (long)LEN ? 0 : 1);
	}
	long turns = 0;
	struct timespec nap = { 0, 10 * 1000 * 1000 };
	if (pid > 0 && read(go[0], &c, 1) == 1)
		for (; waitpid(pid, &status, WNOHANG) == 0; turns++)
			nanosleep(&nap, NULL);
	printf("# long_syscall: the parent ran %ld times during the call\n", turns);
	CHECK("child_got_all_bytes", WIFEXITED(status) && WEXITSTATUS(status) == 0);
	CHECK("others_run_meanwhile", turns >= MIN_TURNS);
	return test_done();
}
