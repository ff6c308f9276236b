/* getdents64, directory streams, the working directory and umask. */
#include <dirent.h>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/getdents.h>
#include <sys/stat.h>
#include <unistd.h>
#include "test.h"

/* Looks for name among the records getdents64 returned; its d_type, or -1 if absent. */
static int find_record(const char *buf, ssize_t len, const char *name)
{
	for (ssize_t pos = 0; pos < len;) {
		const struct linux_dirent64 *d = (const void *)(buf + pos);
		if (strcmp(d->d_name, name) == 0)
			return d->d_type;
		pos += d->d_reclen;
	}
	return -1;
}

static void raw_records(void)
{
	char buf[1024] __attribute__((aligned(8)));
	int fd = open("tests/data", O_RDONLY | O_DIRECTORY);

	ssize_t len = getdents64(fd, buf, sizeof(buf));
	CHECK("getdents64_reads", len > 0);
	CHECK_EQ("getdents64_file", find_record(buf, len, "hello.txt"), DT_REG);
	CHECK_EQ("getdents64_dir", find_record(buf, len, "dir"), DT_DIR);
	CHECK_EQ("getdents64_dot", find_record(buf, len, "."), DT_DIR);
	CHECK_EQ("getdents64_dotdot", find_record(buf, len, ".."), DT_DIR);
	CHECK_EQ("getdents64_missing", find_record(buf, len, "missing"), -1);
	CHECK_EQ("getdents64_end", getdents64(fd, buf, sizeof(buf)), 0);
	CHECK("getdents64_small_buffer_einval", lseek(fd, 0, SEEK_SET) == 0 &&
	      getdents64(fd, buf, 8) == -1 && errno == EINVAL);
	close(fd);
	CHECK_ERRNO("getdents64_bad_fd_ebadf", getdents64(fd, buf, sizeof(buf)), EBADF);

	fd = open("tests/data/hello.txt", O_RDONLY);
	CHECK_ERRNO("getdents64_file_enotdir", getdents64(fd, buf, sizeof(buf)), ENOTDIR);
	close(fd);
}

static void streams(void)
{
	DIR *d = opendir("tests/data/dir");
	struct dirent *e;
	int entries = 0, found = 0;

	if (!CHECK("opendir", d != NULL))
		return;
	while ((e = readdir(d))) {
		entries++;
		found |= strcmp(e->d_name, "inner.txt") == 0 && e->d_type == DT_REG;
	}
	CHECK("readdir_all", entries == 3 && found); /* ".", ".." and inner.txt */
	CHECK_EQ("closedir", closedir(d), 0);
	CHECK("opendir_missing", opendir("tests/nothing") == NULL && errno == ENOENT);
}

static void working_directory(void)
{
	char start[512], now[512], expected[600];

	if (!CHECK("getcwd", getcwd(start, sizeof(start)) == start && start[0] == '/'))
		return;
	snprintf(expected, sizeof(expected), "%s/tests/data", strcmp(start, "/") == 0 ? "" : start);
	CHECK_EQ("chdir", chdir("tests/data"), 0);
	CHECK("getcwd_after_chdir", getcwd(now, sizeof(now)) && strcmp(now, expected) == 0);
	int fd = open("hello.txt", O_RDONLY);
	CHECK("relative_after_chdir", fd >= 0);
	close(fd);
	CHECK_ERRNO("chdir_file_enotdir", chdir("hello.txt"), ENOTDIR);
	CHECK_ERRNO("chdir_missing_enoent", chdir("missing"), ENOENT);
	CHECK("chdir_dotdot", chdir("../..") == 0 && getcwd(now, sizeof(now)) && strcmp(now, start) == 0);
	CHECK("getcwd_small_erange", getcwd(now, 1) == NULL && errno == ERANGE);
}

static void file_mode_mask(void)
{
	mode_t old = umask(027);

	CHECK_EQ("umask_returns_old", umask(old), 027);
	CHECK_EQ("umask_restored", umask(old), old);
}

int main(void)
{
	raw_records();
	streams();
	working_directory();
	file_mode_mask();
	return test_done();
}
