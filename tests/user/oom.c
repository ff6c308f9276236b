/*
 * Running out of memory: a child that touches more memory than the machine
 * has is killed (SIGKILL, as Linux's OOM killer would), everything it held
 * comes back, and the rest of the system carries on.  Cowl only: on a Linux
 * host the experiment would press the host itself.
 */
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/utsname.h>
#include "test.h"
#include "procutil.h"

#define PAGE 4096ul

static unsigned long memtotal_bytes(void)
{
	char buf[256];
	int fd = open("/proc/meminfo", O_RDONLY);

	read_all(fd, buf, sizeof(buf));
	close(fd);
	return strtoul(strchr(buf, ':') + 1, NULL, 10) * 1024;
}

static void eat_everything(void)
{
	unsigned long len = 2 * memtotal_bytes();
	char *p = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);

	if (p == MAP_FAILED)
		_exit(2);
	for (unsigned long off = 0; off < len; off += PAGE)
		p[off] = 1;
	_exit(3); /* not reached: there is not that much memory */
}

int main(void)
{
	if (!on_cowl()) {
		SKIP_ALL("Cowl only: on Linux it would press the host itself", "hog_killed_by_sigkill",
			 "frames_come_back", "fork_works_afterwards");
		return test_done();
	}
	long free_before = vmstat("nr_free_pages");
	int status = run_in_child(eat_everything);
	CHECK("hog_killed_by_sigkill", WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL);
	CHECK_EQ("frames_come_back", vmstat("nr_free_pages"), free_before);
	pid_t pid = fork();
	if (pid == 0)
		_exit(0);
	CHECK("fork_works_afterwards", pid > 0 && waitpid(pid, &status, 0) == pid && WIFEXITED(status));
	return test_done();
}
