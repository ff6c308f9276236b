/* pipe and pipe2: data in order, blocking reads, end of file, no seeking. */
#include <fcntl.h>
#include <sched.h>
#include <sys/stat.h>
#include <unistd.h>
#include "test.h"

static int fds[2];

static void basics(void)
{
	char buf[16];
	struct stat st;

	if (!CHECK("pipe", pipe(fds) == 0 && fds[0] >= 0 && fds[1] >= 0 && fds[0] != fds[1]))
		return;
	CHECK("write", write(fds[1], "abc", 3) == 3 && write(fds[1], "de", 2) == 2);
	CHECK("read_partial", read(fds[0], buf, 2) == 2 && memcmp(buf, "ab", 2) == 0);
	CHECK("read_rest", read(fds[0], buf, sizeof(buf)) == 3 && memcmp(buf, "cde", 3) == 0);
	CHECK("fstat_fifo", fstat(fds[0], &st) == 0 && S_ISFIFO(st.st_mode));
	CHECK_ERRNO("lseek_espipe", lseek(fds[0], 0, SEEK_SET), ESPIPE);
	CHECK_ERRNO("lseek_write_end_espipe", lseek(fds[1], 0, SEEK_CUR), ESPIPE);
	CHECK_ERRNO("read_write_end_ebadf", read(fds[1], buf, 1), EBADF);
	CHECK_ERRNO("write_read_end_ebadf", write(fds[0], "x", 1), EBADF);
	CHECK("eof_after_writer_closes", close(fds[1]) == 0 && read(fds[0], buf, sizeof(buf)) == 0);
	close(fds[0]);
}

/* Yields a few times so the parent is likely already asleep in read, then writes. */
static void late_writer(void)
{
	close(fds[0]);
	for (int i = 0; i < 10; i++)
		sched_yield();
	write(fds[1], "late", 4);
}

static void blocking_read(void)
{
	char buf[8];
	int status;

	pipe(fds);
	pid_t pid = fork();
	if (pid == 0) {
		late_writer();
		_exit(0);
	}
	close(fds[1]);
	/* read must wait for the data rather than return 0: the child still holds the write end. */
	CHECK("read_blocks_for_data", read(fds[0], buf, sizeof(buf)) == 4 && memcmp(buf, "late", 4) == 0);
	CHECK_EQ("eof_after_child_exits", read(fds[0], buf, sizeof(buf)), 0);
	CHECK("child_exited", waitpid(pid, &status, 0) == pid && WIFEXITED(status));
	close(fds[0]);
}

/* A write larger than the pipe's buffer completes as the reader drains it. */
static void large_transfer(void)
{
	static char out[200000], in[200000];
	size_t got = 0;

	for (size_t i = 0; i < sizeof(out); i++)
		out[i] = (char)(i * 7);
	pipe(fds);
	pid_t pid = fork();
	if (pid == 0) {
		close(fds[0]);
		_exit(write(fds[1], out, sizeof(out)) == sizeof(out) ? 0 : 1);
	}
	close(fds[1]);
	for (ssize_t n; (n = read(fds[0], in + got, sizeof(in) - got)) > 0;)
		got += (size_t)n;
	int status;
	waitpid(pid, &status, 0);
	CHECK("large_write_complete", WIFEXITED(status) && WEXITSTATUS(status) == 0);
	CHECK("large_read_intact", got == sizeof(in) && memcmp(in, out, sizeof(in)) == 0);
	close(fds[0]);
}

static void pipe2_flags(void)
{
	int p[2];

	CHECK("pipe2_no_flags", pipe2(p, 0) == 0 && close(p[0]) == 0 && close(p[1]) == 0);
	CHECK("pipe2_cloexec", pipe2(p, O_CLOEXEC) == 0 && close(p[0]) == 0 && close(p[1]) == 0);
	CHECK_ERRNO("pipe2_bad_flags_einval", pipe2(p, O_RDWR | 0x10000000), EINVAL);
}

int main(void)
{
	basics();
	blocking_read();
	large_transfer();
	pipe2_flags();
	return test_done();
}
