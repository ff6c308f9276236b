/*
 * truncate and ftruncate: shrinking drops the data for good (growing again
 * shows zeroes, not the old bytes), growing makes a hole, and the errors
 * for negative lengths, read-only fds, directories and missing files.
 */
#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include "test.h"

static char path[64];

static off_t size_of(int fd)
{
	struct stat st;

	return fstat(fd, &st) == 0 ? st.st_size : -1;
}

int main(void)
{
	static char data[3 * 4096], buf[sizeof(data)];
	int fd;

	snprintf(path, sizeof(path), "/tmp/fs_truncate.%d", getpid());
	memset(data, 'd', sizeof(data));
	fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0600);
	if (!CHECK("write_file", fd >= 0 && write(fd, data, sizeof(data)) == sizeof(data)))
		return test_done();
	CHECK("ftruncate_shrink", ftruncate(fd, 5000) == 0 && size_of(fd) == 5000);
	CHECK("ftruncate_grow", ftruncate(fd, 10000) == 0 && size_of(fd) == 10000);
	CHECK("grown_part_zero", pread(fd, buf, 10000, 0) == 10000 && buf[4999] == 'd' && buf[5000] == 0 &&
	      buf[8191] == 0 && buf[9999] == 0);
	CHECK("truncate_path", truncate(path, 1) == 0 && size_of(fd) == 1);
	CHECK("truncate_zero", truncate(path, 0) == 0 && size_of(fd) == 0 && pread(fd, buf, 10, 0) == 0);
	CHECK("position_kept_past_end", lseek(fd, 100, SEEK_SET) == 100 && write(fd, "x", 1) == 1 && size_of(fd) == 101);
	CHECK("truncate_huge_sparse", ftruncate(fd, 1L << 30) == 0 && size_of(fd) == 1L << 30 &&
	      pread(fd, buf, 4, (1L << 30) - 4) == 4 && buf[0] == 0);
	CHECK_EQ("truncate_back", ftruncate(fd, 0), 0);
	CHECK_ERRNO("ftruncate_negative_einval", ftruncate(fd, -1), EINVAL);
	CHECK_ERRNO("truncate_negative_einval", truncate(path, -1), EINVAL);
	close(fd);
	fd = open(path, O_RDONLY);
	CHECK_ERRNO("ftruncate_rdonly_einval", ftruncate(fd, 0), EINVAL);
	close(fd);
	CHECK_ERRNO("ftruncate_bad_fd_ebadf", ftruncate(fd, 0), EBADF);
	CHECK_ERRNO("truncate_dir_eisdir", truncate("/tmp", 0), EISDIR);
	CHECK_ERRNO("truncate_missing_enoent", truncate("/tmp/fs_truncate.missing", 0), ENOENT);
	CHECK_ERRNO("truncate_bad_path_efault", truncate((char *)8, 0), EFAULT);
	int fds[2];
	pipe(fds);
	CHECK_ERRNO("ftruncate_pipe_einval", ftruncate(fds[1], 0), EINVAL);
	close(fds[0]);
	close(fds[1]);
	CHECK_EQ("unlink", unlink(path), 0);
	return test_done();
}
