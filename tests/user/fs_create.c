/*
 * Making and writing files: open with O_CREAT, O_EXCL, O_TRUNC and
 * O_APPEND, creat, openat; files that grow across pages and have holes;
 * unlink, also of an open file; and the errors for each misuse.  Files go
 * in /tmp under names with our pid in them, and are removed at the end.
 */
#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include "fsutil.h"
#include "test.h"

#define PAGE 4096

static void create_exclusive_truncate(void)
{
	const char *path = in_dir("new");
	struct stat st;
	mode_t old = umask(022);

	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0666);
	CHECK("creat_excl_new", fd >= 0);
	CHECK("mode_minus_umask", fstat(fd, &st) == 0 && st.st_mode == (S_IFREG | 0644));
	CHECK("new_file_empty", st.st_size == 0 && st.st_nlink == 1);
	CHECK_EQ("write_new", write(fd, "hello world", 11), 11);
	close(fd);
	CHECK_ERRNO("excl_existing_eexist", open(path, O_WRONLY | O_CREAT | O_EXCL, 0666), EEXIST);
	fd = open(path, O_RDWR | O_CREAT, 0600);
	char buf[32] = { 0 };
	CHECK("creat_existing_keeps_data", fd >= 0 && read(fd, buf, sizeof(buf)) == 11 && !strcmp(buf, "hello world"));
	close(fd);
	fd = open(path, O_WRONLY | O_TRUNC);
	CHECK("trunc_empties", fd >= 0 && fstat(fd, &st) == 0 && st.st_size == 0);
	close(fd);
	fd = creat(path, 0600);
	CHECK("creat_call", fd >= 0 && write(fd, "x", 1) == 1 && fstat(fd, &st) == 0 && st.st_size == 1);
	CHECK_ERRNO("creat_fd_write_only", read(fd, buf, 1), EBADF);
	close(fd);
	umask(old);
}

static void append(void)
{
	const char *path = in_dir("append");
	char buf[32] = { 0 };
	int fd = open(path, O_WRONLY | O_CREAT | O_APPEND, 0600);

	CHECK("append_open", fd >= 0 && write(fd, "ab", 2) == 2);
	CHECK("append_ignores_seek", lseek(fd, 0, SEEK_SET) == 0 && write(fd, "cd", 2) == 2);
	CHECK_EQ("append_pos_at_end", lseek(fd, 0, SEEK_CUR), 4);
	CHECK("setfl_clears_append", fcntl(fd, F_SETFL, 0) == 0 && !(fcntl(fd, F_GETFL) & O_APPEND));
	CHECK("write_at_pos_without_append", lseek(fd, 0, SEEK_SET) == 0 && write(fd, "X", 1) == 1);
	CHECK("setfl_sets_append", fcntl(fd, F_SETFL, O_APPEND) == 0 && (fcntl(fd, F_GETFL) & O_APPEND));
	CHECK("append_again", lseek(fd, 0, SEEK_SET) == 0 && write(fd, "e", 1) == 1);
	close(fd);
	CHECK("append_content", read_file(path, buf, sizeof(buf)) == 5 && !strcmp(buf, "Xbcde"));
}

/* A file written in odd-sized pieces across several pages reads back whole. */
static void grow_across_pages(void)
{
	const char *path = in_dir("big");
	static char data[5 * PAGE + 123], back[sizeof(data)];
	struct stat st;

	for (size_t i = 0; i < sizeof(data); i++)
		data[i] = (char)(i * 31 + 7);
	int fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0600);
	size_t off = 0;
	while (fd >= 0 && off < sizeof(data)) {
		size_t n = sizeof(data) - off < 1000 ? sizeof(data) - off : 1000;
		if (write(fd, data + off, n) != (ssize_t)n)
			break;
		off += n;
	}
	CHECK_EQ("grow_written", off, sizeof(data));
	CHECK("grow_size", fstat(fd, &st) == 0 && st.st_size == (off_t)sizeof(data));
	CHECK("grow_blocks", st.st_blocks >= (long)(sizeof(data) / 512));
	CHECK("grow_read_back", pread(fd, back, sizeof(back), 0) == (ssize_t)sizeof(back) &&
	      !memcmp(back, data, sizeof(data)));
	CHECK_EQ("seek_end", lseek(fd, 0, SEEK_END), sizeof(data));
	CHECK("overwrite_middle", pwrite(fd, "ZZZZ", 4, PAGE - 2) == 4 && pread(fd, back, 8, PAGE - 4) == 8 &&
	      !memcmp(back, data + PAGE - 4, 2) && !memcmp(back + 2, "ZZZZ", 4) && !memcmp(back + 6, data + PAGE + 2, 2));
	close(fd);
}

/* Writing past the end leaves a hole that reads as zeroes. */
static void holes(void)
{
	const char *path = in_dir("sparse");
	char buf[16];
	struct stat st;
	int fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0600);

	CHECK("hole_write_far", fd >= 0 && lseek(fd, 1 << 20, SEEK_SET) == 1 << 20 && write(fd, "end", 3) == 3);
	CHECK("hole_size", fstat(fd, &st) == 0 && st.st_size == (1 << 20) + 3);
	memset(buf, 'x', sizeof(buf));
	CHECK("hole_reads_zero", pread(fd, buf, sizeof(buf), 4096 * 10) == sizeof(buf) &&
	      buf[0] == 0 && buf[15] == 0);
	CHECK("hole_end_data", pread(fd, buf, sizeof(buf), 1 << 20) == 3 && !memcmp(buf, "end", 3));
	CHECK_EQ("read_at_eof", pread(fd, buf, sizeof(buf), (1 << 20) + 3), 0);
	close(fd);
}

static void unlink_open_file(void)
{
	const char *path = in_dir("doomed");
	char buf[8] = { 0 };
	struct stat st;
	int fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0600);

	CHECK("unlink_open_file", fd >= 0 && write(fd, "alive", 5) == 5 && unlink(path) == 0);
	CHECK_ERRNO("unlinked_gone", stat(path, &st), ENOENT);
	CHECK("unlinked_still_readable", pread(fd, buf, 5, 0) == 5 && !strcmp(buf, "alive"));
	CHECK("unlinked_nlink_zero", fstat(fd, &st) == 0 && st.st_nlink == 0);
	CHECK("unlinked_still_writable", write(fd, "!", 1) == 1 && fstat(fd, &st) == 0 && st.st_size == 6);
	close(fd);
	CHECK_ERRNO("unlink_again_enoent", unlink(path), ENOENT);
}

static void openat_dirfd(void)
{
	int dfd = open(test_dir, O_RDONLY | O_DIRECTORY);
	struct stat st;

	int fd = openat(dfd, "at", O_WRONLY | O_CREAT | O_EXCL, 0600);
	CHECK("openat_creates_in_dir", fd >= 0 && stat(in_dir("at"), &st) == 0);
	close(fd);
	CHECK_EQ("unlinkat", unlinkat(dfd, "at", 0), 0);
	CHECK_ERRNO("unlinkat_bad_flags", unlinkat(dfd, "at", 0x1), EINVAL);
	int file = open(in_dir("new"), O_RDONLY);
	CHECK_ERRNO("openat_file_dirfd_enotdir", openat(file, "x", O_RDONLY | O_CREAT, 0600), ENOTDIR);
	CHECK_ERRNO("openat_bad_dirfd", openat(999, "x", O_RDONLY | O_CREAT, 0600), EBADF);
	close(file);
	close(dfd);
}

static void misuse(void)
{
	static char longname[300];

	CHECK_ERRNO("creat_dir_eisdir", open(test_dir, O_WRONLY | O_CREAT, 0600), EISDIR);
	CHECK_ERRNO("rdonly_creat_dir_eisdir", open(test_dir, O_RDONLY | O_CREAT, 0600), EISDIR);
	CHECK_ERRNO("write_dir_eisdir", open(test_dir, O_RDWR), EISDIR);
	CHECK_ERRNO("creat_trailing_slash_eisdir", open(in_dir("slash/"), O_WRONLY | O_CREAT, 0600), EISDIR);
	CHECK_ERRNO("creat_existing_dir_slash_eisdir", open("/tmp/", O_RDONLY | O_CREAT, 0600), EISDIR);
	CHECK_ERRNO("creat_existing_file_slash_eisdir", open(in_dir("new/"), O_RDONLY | O_CREAT, 0600), EISDIR);
	CHECK_ERRNO("creat_in_proc_enoent", open("/proc/fs_create_new", O_WRONLY | O_CREAT, 0600), ENOENT);
	CHECK_ERRNO("mkdir_in_proc_enoent", mkdir("/proc/fs_create_new", 0700), ENOENT);
	CHECK_ERRNO("symlink_in_proc_enoent", symlink("x", "/proc/fs_create_new"), ENOENT);
	CHECK_ERRNO("unlink_in_proc_eperm", unlink("/proc/meminfo"), EPERM);
	CHECK_ERRNO("creat_missing_parent_enoent", open(in_dir("no/such"), O_WRONLY | O_CREAT, 0600), ENOENT);
	CHECK_ERRNO("creat_under_file_enotdir", open(in_dir("new/x"), O_WRONLY | O_CREAT, 0600), ENOTDIR);
	memset(longname, 'n', 256);
	CHECK_ERRNO("creat_long_name", open(in_dir(longname), O_WRONLY | O_CREAT, 0600), ENAMETOOLONG);
	CHECK_ERRNO("creat_bad_path_efault", open((char *)8, O_WRONLY | O_CREAT, 0600), EFAULT);
	CHECK_ERRNO("creat_empty_enoent", open("", O_WRONLY | O_CREAT, 0600), ENOENT);
	CHECK_ERRNO("unlink_dir_eisdir", unlink(test_dir), EISDIR);
	CHECK_ERRNO("unlink_missing_enoent", unlink(in_dir("missing")), ENOENT);
	CHECK_ERRNO("unlink_file_slash_enotdir", unlink(in_dir("new/")), ENOTDIR);
	CHECK_ERRNO("unlink_bad_path_efault", unlink((char *)8), EFAULT);
	int fd = open(in_dir("new"), O_WRONLY);
	CHECK_ERRNO("write_bad_buffer_efault", write(fd, (char *)8, 10), EFAULT);
	struct stat st;
	CHECK("failed_write_left_size", fstat(fd, &st) == 0 && st.st_size == 1);
	close(fd);
}

static void clean_up(void)
{
	static const char *const names[] = { "new", "append", "big", "sparse" };

	unlink_names(names, sizeof(names) / sizeof(names[0]));
	CHECK_EQ("rmdir_cleaned", rmdir(test_dir), 0);
}

int main(void)
{
	if (!CHECK_EQ("mkdir_tmp_dir", make_test_dir("fs_create"), 0))
		return test_done();
	create_exclusive_truncate();
	append();
	grow_across_pages();
	holes();
	unlink_open_file();
	openat_dirfd();
	misuse();
	clean_up();
	return test_done();
}
