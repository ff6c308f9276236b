/* open, openat, read, write, close, lseek, fstat and stat on the files in tests/data. */
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include "test.h"

#define HELLO "tests/data/hello.txt"
#define HELLO_TEXT "Hello, Cowl!\n"
#define HELLO_LEN 13

static void reading(void)
{
	char buf[64];
	int fd = open(HELLO, O_RDONLY);

	if (!CHECK("open", fd >= 0))
		return;
	CHECK("read_whole", read(fd, buf, sizeof(buf)) == HELLO_LEN && memcmp(buf, HELLO_TEXT, HELLO_LEN) == 0);
	CHECK_EQ("read_at_eof", read(fd, buf, sizeof(buf)), 0);
	CHECK_EQ("read_zero_bytes", read(fd, buf, 0), 0);
	CHECK_ERRNO("write_readonly_ebadf", write(fd, "x", 1), EBADF);
	CHECK_EQ("close", close(fd), 0);
	CHECK_ERRNO("read_closed_ebadf", read(fd, buf, 1), EBADF);
	CHECK_ERRNO("close_twice_ebadf", close(fd), EBADF);
}

static void seeking(void)
{
	char buf[8];
	int fd = open(HELLO, O_RDONLY);

	if (!CHECK("open_for_seek", fd >= 0))
		return;
	CHECK_EQ("lseek_set", lseek(fd, 7, SEEK_SET), 7);
	CHECK("read_after_seek", read(fd, buf, 4) == 4 && memcmp(buf, "Cowl", 4) == 0);
	CHECK_EQ("lseek_cur", lseek(fd, -4, SEEK_CUR), 7);
	CHECK("lseek_end", lseek(fd, -1, SEEK_END) == HELLO_LEN - 1);
	CHECK("read_last_byte", read(fd, buf, 8) == 1 && buf[0] == '\n');
	CHECK("lseek_past_end", lseek(fd, 100, SEEK_SET) == 100 && read(fd, buf, 8) == 0);
	CHECK_ERRNO("lseek_negative_einval", lseek(fd, -1, SEEK_SET), EINVAL);
	CHECK_ERRNO("lseek_bad_whence_einval", lseek(fd, 0, 42), EINVAL);
	close(fd);
	CHECK_ERRNO("lseek_bad_fd_ebadf", lseek(fd, 0, SEEK_SET), EBADF);
}

static void opening(void)
{
	char buf[4];

	CHECK_ERRNO("open_missing_enoent", open("tests/data/missing", O_RDONLY), ENOENT);
	CHECK_ERRNO("open_below_file_enotdir", open(HELLO "/x", O_RDONLY), ENOTDIR);
	CHECK_ERRNO("open_file_as_dir_enotdir", open(HELLO, O_RDONLY | O_DIRECTORY), ENOTDIR);
	CHECK_ERRNO("open_dir_for_write_eisdir", open("tests/data", O_WRONLY), EISDIR);
	CHECK_ERRNO("open_empty_path_enoent", open("", O_RDONLY), ENOENT);

	int dir = open("tests/data", O_RDONLY | O_DIRECTORY);
	CHECK("open_dir", dir >= 0);
	CHECK_ERRNO("read_dir_eisdir", read(dir, buf, sizeof(buf)), EISDIR);

	int fd = openat(dir, "hello.txt", O_RDONLY);
	CHECK("openat_dirfd", fd >= 0 && read(fd, buf, 4) == 4 && memcmp(buf, "Hell", 4) == 0);
	close(fd);
	fd = openat(AT_FDCWD, HELLO, O_RDONLY);
	CHECK("openat_cwd", fd >= 0);
	CHECK_ERRNO("openat_file_dirfd_enotdir", openat(fd, "x", O_RDONLY), ENOTDIR);
	close(fd);
	close(dir);
	CHECK_ERRNO("openat_bad_dirfd_ebadf", openat(dir, "hello.txt", O_RDONLY), EBADF);

	/* A new descriptor is the lowest free one, so a closed one is reused at once. */
	int a = open(HELLO, O_RDONLY);
	int b = open(HELLO, O_RDONLY);
	close(a);
	fd = open(HELLO, O_RDONLY);
	CHECK("open_reuses_lowest_fd", a >= 0 && b == a + 1 && fd == a);
	close(fd);
	close(b);
}

static void status(void)
{
	struct stat st;
	int fd = open(HELLO, O_RDONLY);

	CHECK("fstat", fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size == HELLO_LEN);
	close(fd);
	CHECK_ERRNO("fstat_bad_fd_ebadf", fstat(fd, &st), EBADF);
	CHECK("stat_file", stat(HELLO, &st) == 0 && S_ISREG(st.st_mode) && st.st_size == HELLO_LEN);
	CHECK("stat_dir", stat("tests/data", &st) == 0 && S_ISDIR(st.st_mode));
	CHECK_ERRNO("stat_missing_enoent", stat("tests/nothing", &st), ENOENT);
	CHECK_ERRNO("stat_below_file_enotdir", stat(HELLO "/x", &st), ENOTDIR);
}

int main(void)
{
	reading();
	seeking();
	opening();
	status();
	return test_done();
}
