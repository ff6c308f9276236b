/* fcntl F_GETPIPE_SZ / F_SETPIPE_SZ: 64 KiB by default, powers of two of pages, EBUSY, EBADF. */
#include <fcntl.h>
#include <sys/syscall.h>
#include "procutil.h"
#include "test.h"

static long fcntl3(int fd, int cmd, long arg)
{
	return syscall(__NR_fcntl, fd, cmd, arg);
}

int main(void)
{
	int fds[2];
	char buf[8192] = { 0 };

	CHECK_EQ("pipe_ok", pipe2(fds, O_NONBLOCK), 0);
	CHECK_EQ("default_64k", fcntl3(fds[0], F_GETPIPE_SZ, 0), 65536);
	CHECK_EQ("set_one_page", fcntl3(fds[1], F_SETPIPE_SZ, 4096), 4096);
	CHECK_EQ("both_ends_see_it", fcntl3(fds[0], F_GETPIPE_SZ, 0), 4096);
	CHECK_EQ("write_fills_one_page", write(fds[1], buf, sizeof(buf)), 4096);
	CHECK_ERRNO("full_eagain", write(fds[1], buf, 1), EAGAIN);
	CHECK_EQ("set_zero_is_a_page", fcntl3(fds[1], F_SETPIPE_SZ, 0), 4096);
	CHECK_EQ("rounds_to_power_of_two", fcntl3(fds[1], F_SETPIPE_SZ, 100000), 131072);
	CHECK_EQ("data_kept", read(fds[0], buf, sizeof(buf)), 4096);
	CHECK_EQ("room_grew", write(fds[1], buf, sizeof(buf)), 8192);
	CHECK_ERRNO("shrink_below_data_ebusy", fcntl3(fds[1], F_SETPIPE_SZ, 4096), EBUSY);
	CHECK_ERRNO("over_2g_einval", fcntl3(fds[1], F_SETPIPE_SZ, 0x80000001L), EINVAL);
	/* Beyond pipe-max-size (1 MiB) only CAP_SYS_RESOURCE may go on Linux; Cowl refuses everyone. */
	if (on_cowl() || !has_cap_sys_resource())
		CHECK_ERRNO("over_max_eperm", fcntl3(fds[1], F_SETPIPE_SZ, 2 << 20), EPERM);
	else
		SKIP("over_max_eperm", "root with CAP_SYS_RESOURCE may exceed pipe-max-size on Linux");
	int fd = open("/dev/null", O_RDONLY);
	CHECK_ERRNO("not_a_pipe_ebadf", fcntl3(fd, F_GETPIPE_SZ, 0), EBADF);
	CHECK_ERRNO("bad_fd_ebadf", fcntl3(99, F_GETPIPE_SZ, 0), EBADF);
	return test_done();
}
