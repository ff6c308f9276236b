/*
 * What a file says about itself and how to change it: chmod, fchmod and
 * fchmodat (the mode bits, ctime), utimensat and futimens (set times,
 * UTIME_NOW, UTIME_OMIT), and statfs/fstatfs (the file system's type).
 */
#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <time.h>
#include "procutil.h"
#include "test.h"

static char path[64];

static void modes(void)
{
	struct stat st;
	int fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0600);

	CHECK("chmod", chmod(path, 0751) == 0 && stat(path, &st) == 0 && st.st_mode == (S_IFREG | 0751));
	CHECK("chmod_keeps_special_bits", chmod(path, 04755) == 0 && stat(path, &st) == 0 && (st.st_mode & 07777) == 04755);
	CHECK("fchmod", fchmod(fd, 0640) == 0 && fstat(fd, &st) == 0 && (st.st_mode & 07777) == 0640);
	CHECK("fchmodat", fchmodat(AT_FDCWD, path, 0600, 0) == 0 && stat(path, &st) == 0 && (st.st_mode & 07777) == 0600);
	CHECK_ERRNO("chmod_missing_enoent", chmod("/tmp/fs_attr.missing", 0600), ENOENT);
	CHECK_ERRNO("fchmod_bad_fd_ebadf", fchmod(999, 0600), EBADF);
	CHECK_ERRNO("chmod_bad_path_efault", chmod((char *)8, 0600), EFAULT);
	close(fd);
}

static void times(void)
{
	struct stat st;
	struct timespec now, set[2] = { { 1000000000, 5 }, { 1200000000, 7 } };

	clock_gettime(CLOCK_REALTIME, &now);
	int fd = open(path, O_RDWR);
	CHECK("write_sets_mtime", write(fd, "x", 1) == 1 && fstat(fd, &st) == 0 &&
	      (long)st.st_mtime >= now.tv_sec - 2 && (long)st.st_mtime <= now.tv_sec + 2);
	CHECK("utimensat_sets", utimensat(AT_FDCWD, path, set, 0) == 0 && stat(path, &st) == 0 &&
	      st.st_atime == 1000000000 && st.st_atime_nsec == 5 && st.st_mtime == 1200000000 && st.st_mtime_nsec == 7);
	CHECK("ctime_is_now", (long)st.st_ctime >= now.tv_sec - 2);
	struct timespec omit_now[2] = { { 0, UTIME_OMIT }, { 0, UTIME_NOW } };
	CHECK("futimens_omit_now", futimens(fd, omit_now) == 0 && fstat(fd, &st) == 0 && st.st_atime == 1000000000 &&
	      (long)st.st_mtime >= now.tv_sec - 2);
	CHECK("utimensat_null_is_now", utimensat(AT_FDCWD, path, NULL, 0) == 0 && stat(path, &st) == 0 &&
	      (long)st.st_atime >= now.tv_sec - 2);
	struct timespec bad[2] = { { 0, 1000000000 }, { 0, 0 } };
	CHECK_ERRNO("utimensat_bad_nsec_einval", utimensat(AT_FDCWD, path, bad, 0), EINVAL);
	CHECK_ERRNO("utimensat_bad_flags_einval", utimensat(AT_FDCWD, path, NULL, 0x1), EINVAL);
	CHECK_ERRNO("utimensat_missing_enoent", utimensat(AT_FDCWD, "/tmp/fs_attr.missing", NULL, 0), ENOENT);
	struct timespec *volatile unmapped = (struct timespec *)8; /* hidden from the compiler's bounds checks */
	CHECK_ERRNO("utimensat_bad_times_efault", utimensat(AT_FDCWD, path, unmapped, 0), EFAULT);
	close(fd);
}

static void file_systems(void)
{
	struct statfs sf;
	int fds[2];

	CHECK("statfs_tmp", statfs("/tmp", &sf) == 0 && sf.f_bsize > 0 && sf.f_namelen == 255);
	CHECK("statfs_proc", statfs("/proc", &sf) == 0 && sf.f_type == PROC_SUPER_MAGIC);
	pipe(fds);
	CHECK("fstatfs_pipe", fstatfs(fds[0], &sf) == 0 && sf.f_type == PIPEFS_MAGIC);
	close(fds[0]);
	close(fds[1]);
	CHECK_ERRNO("statfs_missing_enoent", statfs("/tmp/fs_attr.missing", &sf), ENOENT);
	CHECK_ERRNO("statfs_bad_buf_efault", statfs("/tmp", (struct statfs *)8), EFAULT);
	CHECK_ERRNO("fstatfs_bad_fd_ebadf", fstatfs(999, &sf), EBADF);
	if (!on_cowl()) {
		SKIP_ALL("Cowl only: the host's root and /tmp may be of any type", "statfs_root_ramfs", "statfs_tmp_tmpfs");
		return;
	}
	CHECK("statfs_root_ramfs", statfs("/", &sf) == 0 && sf.f_type == RAMFS_MAGIC && sf.f_blocks == 0);
	CHECK("statfs_tmp_tmpfs", statfs("/tmp", &sf) == 0 && sf.f_type == TMPFS_MAGIC && sf.f_blocks > 0 &&
	      sf.f_bfree <= sf.f_blocks);
}

int main(void)
{
	snprintf(path, sizeof(path), "/tmp/fs_attr.%d", getpid());
	modes();
	times();
	file_systems();
	CHECK_EQ("unlink", unlink(path), 0);
	return test_done();
}
