/*
 * Named pipes and mknod: mkfifo makes a FIFO (fifo(7)); opening one end
 * waits for the other, or with O_NONBLOCK a reader goes on and a writer
 * without a reader fails with ENXIO; bytes flow as through a pipe, and go
 * with the last close.  mknod also makes regular files and, for root only,
 * devices (a /dev/null of our own works); a directory is EPERM, an unknown
 * type EINVAL.  In /tmp/fs_fifo.PID.
 */
#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include "fsutil.h"
#include "test.h"

static void writer(void)
{
	int fd = open(in_dir("fifo"), O_WRONLY); /* waits for the parent to open the read end */

	write(fd, "through", 7);
	_exit(fd >= 0 ? 0 : 1);
}

static void fifo(void)
{
	struct stat st;
	char buf[16] = { 0 };

	CHECK_EQ("mkfifo", mkfifo(in_dir("fifo"), 0600), 0);
	CHECK("is_fifo", lstat(in_dir("fifo"), &st) == 0 && S_ISFIFO(st.st_mode) && st.st_size == 0);
	CHECK_ERRNO("mkfifo_exists_eexist", mkfifo(in_dir("fifo"), 0600), EEXIST);
	CHECK_ERRNO("nonblocking_writer_enxio", open(in_dir("fifo"), O_WRONLY | O_NONBLOCK), ENXIO);
	fflush(stdout);
	pid_t pid = fork();
	if (pid == 0)
		writer();
	int fd = open(in_dir("fifo"), O_RDONLY); /* waits for the child's write end */
	CHECK("reader_gets_data", fd >= 0 && read_all(fd, buf, sizeof(buf)) == 7 && !strcmp(buf, "through"));
	int status;
	CHECK("writer_done", waitpid(pid, &status, 0) == pid && WIFEXITED(status) && WEXITSTATUS(status) == 0);
	close(fd);
	int r = open(in_dir("fifo"), O_RDONLY | O_NONBLOCK);
	CHECK("nonblocking_reader_opens", r >= 0);
	CHECK_EQ("no_writer_eof", read(r, buf, sizeof(buf)), 0);
	int w = open(in_dir("fifo"), O_WRONLY | O_NONBLOCK);
	CHECK("writer_after_reader", w >= 0 && write(w, "x", 1) == 1);
	close(r);
	close(w);
	r = open(in_dir("fifo"), O_RDONLY | O_NONBLOCK);
	w = open(in_dir("fifo"), O_WRONLY | O_NONBLOCK);
	CHECK_ERRNO("last_close_drops_bytes", read(r, buf, sizeof(buf)), EAGAIN);
	close(r);
	close(w);
}

static void nodes(void)
{
	struct stat st;

	CHECK("mknod_regular", mknod(in_dir("reg"), S_IFREG | 0640, 0) == 0 && stat(in_dir("reg"), &st) == 0 &&
	      S_ISREG(st.st_mode));
	CHECK("mknod_type_zero_regular", mknod(in_dir("zero"), 0600, 0) == 0 && stat(in_dir("zero"), &st) == 0 &&
	      S_ISREG(st.st_mode));
	CHECK_ERRNO("mknod_dir_eperm", mknod(in_dir("d"), S_IFDIR | 0700, 0), EPERM);
	CHECK_ERRNO("mknod_bad_type_einval", mknod(in_dir("bad"), 0170000 | 0600, 0), EINVAL);
	CHECK_ERRNO("mknod_missing_dir_enoent", mknod(in_dir("no/x"), S_IFIFO | 0600, 0), ENOENT);
	int dfd = open(test_dir, O_RDONLY | O_DIRECTORY);
	CHECK("mknodat_dirfd", mknodat(dfd, "at", S_IFIFO | 0600, 0) == 0 && lstat(in_dir("at"), &st) == 0 &&
	      S_ISFIFO(st.st_mode));
	close(dfd);
	if (syscall(__NR_geteuid) != 0) {
		SKIP_ALL("needs root (CAP_MKNOD)", "mknod_char_device", "own_dev_null_writes");
		return;
	}
	int made = mknod(in_dir("null"), S_IFCHR | 0666, (1 << 8) | 3); /* /dev/null: major 1, minor 3 */
	if (made && errno == EPERM) {
		SKIP_ALL("no CAP_MKNOD here (a container)", "mknod_char_device", "own_dev_null_writes");
		return;
	}
	CHECK("mknod_char_device", made == 0 && stat(in_dir("null"), &st) == 0 && S_ISCHR(st.st_mode) &&
	      st.st_rdev == ((1 << 8) | 3));
	int fd = open(in_dir("null"), O_WRONLY);
	CHECK("own_dev_null_writes", fd >= 0 && write(fd, "gone", 4) == 4);
	close(fd);
}

int main(void)
{
	static const char *const names[] = { "fifo", "reg", "zero", "at", "null" };

	if (!CHECK_EQ("mkdir_tmp_dir", make_test_dir("fs_fifo"), 0))
		return test_done();
	fifo();
	nodes();
	unlink_names(names, sizeof(names) / sizeof(names[0]));
	CHECK_EQ("rmdir_cleaned", rmdir(test_dir), 0);
	return test_done();
}
