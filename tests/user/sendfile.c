/*
 * sendfile(2): bytes from one file to another inside the kernel, from the
 * input's own offset (which moves) or from *offset (which moves instead),
 * to a file or a pipe; a short count at the end of the input and 0 past
 * it; and Linux's errors, in Linux's order.
 */
#include <fcntl.h>
#include <stdlib.h>
#include <sys/sendfile.h>
#include <sys/stat.h>
#include "fsutil.h"
#include "test.h"

#define SIZE (3 * 4096 + 100)

static char data[SIZE], back[SIZE];

static int make_input(void)
{
	int fd = open(in_dir("in"), O_RDWR | O_CREAT | O_TRUNC, 0600);

	for (int i = 0; i < SIZE; i++)
		data[i] = (char)(i * 11 + 3);
	if (fd >= 0 && write(fd, data, SIZE) != SIZE) {
		close(fd);
		return -1;
	}
	return fd;
}

static void file_to_file(int in)
{
	int out = open(in_dir("out"), O_RDWR | O_CREAT | O_TRUNC, 0600);
	off_t off;

	lseek(in, 0, SEEK_SET);
	CHECK_EQ("whole_file", sendfile(out, in, NULL, SIZE + 1000), SIZE);
	CHECK_EQ("input_offset_moved", lseek(in, 0, SEEK_CUR), SIZE);
	CHECK_EQ("output_offset_moved", lseek(out, 0, SEEK_CUR), SIZE);
	CHECK("output_matches", pread(out, back, SIZE, 0) == SIZE && !memcmp(back, data, SIZE));
	CHECK_EQ("at_end_zero", sendfile(out, in, NULL, 10), 0);
	off = 4000;
	CHECK_EQ("with_offset", sendfile(out, in, &off, 200), 200);
	CHECK_EQ("offset_updated", off, 4200);
	CHECK_EQ("input_offset_kept", lseek(in, 0, SEEK_CUR), SIZE);
	CHECK("appended_bytes", pread(out, back, 200, SIZE) == 200 && !memcmp(back, data + 4000, 200));
	off = SIZE - 10;
	CHECK("short_at_end", sendfile(out, in, &off, 100) == 10 && off == SIZE);
	close(out);
}

static void file_to_pipe(int in)
{
	int fds[2];
	off_t off = 10;

	if (pipe(fds))
		return;
	CHECK_EQ("to_pipe", sendfile(fds[1], in, &off, 5000), 5000);
	CHECK("pipe_gets_data", read(fds[0], back, 5000) == 5000 &&
	      !memcmp(back, data + 10, 5000));
	CHECK_ERRNO("from_pipe_with_offset_espipe", sendfile(fds[1], fds[0], &off, 1), ESPIPE);
	write(fds[1], "x", 1);
	CHECK_ERRNO("from_pipe_einval", sendfile(fds[1], fds[0], NULL, 1), EINVAL);
	close(fds[0]);
	close(fds[1]);
}

static void devices(void)
{
	int zero = open("/dev/zero", O_RDONLY), null = open("/dev/null", O_WRONLY);

	CHECK_EQ("zero_to_null", sendfile(null, zero, NULL, 10000), 10000);
	close(zero);
	close(null);
}

static void misuse(int in)
{
	int wronly = open(in_dir("in"), O_WRONLY), out = open(in_dir("out"), O_WRONLY);
	int append = open(in_dir("out"), O_WRONLY | O_APPEND), dir = open(test_dir, O_RDONLY | O_DIRECTORY);
	off_t off = -1;

	CHECK_ERRNO("bad_in_fd_ebadf", sendfile(out, 999, NULL, 1), EBADF);
	CHECK_ERRNO("in_write_only_ebadf", sendfile(out, wronly, NULL, 1), EBADF);
	CHECK_ERRNO("bad_out_fd_ebadf", sendfile(999, in, NULL, 1), EBADF);
	CHECK_ERRNO("out_read_only_ebadf", sendfile(dir, in, NULL, 1), EBADF);
	CHECK_ERRNO("out_append_einval", sendfile(append, in, NULL, 1), EINVAL);
	CHECK_ERRNO("negative_offset_einval", sendfile(out, in, &off, 1), EINVAL);
	off_t *volatile unmapped = (off_t *)8; /* hidden from the compiler's bounds checks */
	CHECK_ERRNO("bad_offset_pointer_efault", sendfile(out, in, unmapped, 1), EFAULT);
	CHECK_ERRNO("in_directory_einval", sendfile(out, dir, NULL, 1), EINVAL);
	close(wronly);
	close(out);
	close(append);
	close(dir);
}

int main(void)
{
	static const char *const names[] = { "in", "out" };

	if (!CHECK_EQ("mkdir_tmp_dir", make_test_dir("sendfile"), 0))
		return test_done();
	int in = make_input();
	if (CHECK("input_written", in >= 0)) {
		file_to_file(in);
		file_to_pipe(in);
		devices();
		misuse(in);
		close(in);
	}
	unlink_names(names, sizeof(names) / sizeof(names[0]));
	CHECK_EQ("rmdir_cleaned", rmdir(test_dir), 0);
	return test_done();
}
