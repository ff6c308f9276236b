/*
 * Who owns a file, and the calls that only ask: chown, fchown, lchown and
 * fchownat with Linux's rules (root gives a file to anyone; its owner may
 * only move it to one of its own groups; set-user-ID is cleared), access
 * and faccessat, and fsync/fdatasync/sync, which succeed on files and fail
 * with EINVAL on a pipe.  The ownership checks need root (SKIP otherwise).
 */
#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include "fsutil.h"
#include "test.h"

#define USER 4321
#define GROUP 8765

static int is_root(void)
{
	return syscall(__NR_geteuid) == 0;
}

static void as_root(void)
{
	struct stat st;
	const char *file = in_dir("owned"), *link = in_dir("link");

	close(open(file, O_WRONLY | O_CREAT, 0644));
	symlink("owned", link);
	CHECK("new_file_owned_by_creator", stat(file, &st) == 0 && st.st_uid == (uid_t)syscall(__NR_geteuid));
	CHECK("root_chown", chown(file, USER, GROUP) == 0 && stat(file, &st) == 0 && st.st_uid == USER &&
	      st.st_gid == GROUP);
	CHECK("minus_one_keeps", chown(file, -1, 0) == 0 && stat(file, &st) == 0 && st.st_uid == USER && st.st_gid == 0);
	chmod(file, 06755);
	CHECK("chown_clears_setuid_setgid", chown(file, -1, -1) == 0 && stat(file, &st) == 0 &&
	      (st.st_mode & 07777) == 0755);
	CHECK("lchown_changes_link", lchown(link, USER, GROUP) == 0 && lstat(link, &st) == 0 && st.st_uid == USER &&
	      stat(file, &st) == 0 && st.st_gid == 0);
	int fd = open(file, O_RDONLY);
	CHECK("fchown", fchown(fd, 0, GROUP) == 0 && fstat(fd, &st) == 0 && st.st_uid == 0 && st.st_gid == GROUP);
	close(fd);
	CHECK("fchownat_nofollow", fchownat(AT_FDCWD, link, 0, 0, AT_SYMLINK_NOFOLLOW) == 0 &&
	      lstat(link, &st) == 0 && st.st_uid == 0);
	CHECK_ERRNO("fchownat_bad_flags", fchownat(AT_FDCWD, file, 0, 0, 0x1), EINVAL);
	CHECK_ERRNO("chown_missing_enoent", chown(in_dir("missing"), 0, 0), ENOENT);
	CHECK_ERRNO("fchown_bad_fd_ebadf", fchown(999, 0, 0), EBADF);
}

/* In a child that has become USER (groups: GROUP only). */
static void as_user(void)
{
	struct stat st;
	const char *mine = in_dir("mine");
	gid_t groups[1] = { GROUP };

	if (syscall(__NR_setgroups, 1, groups) || syscall(__NR_setresgid, GROUP, GROUP, GROUP) ||
	    syscall(__NR_setresuid, USER, USER, USER))
		_exit(2);
	CHECK_ERRNO("user_chown_others_file_eperm", chown(in_dir("owned"), USER, -1), EPERM);
	int fd = open(mine, O_WRONLY | O_CREAT, 0600);
	CHECK("user_owns_new_file", fd >= 0 && fstat(fd, &st) == 0 && st.st_uid == USER && st.st_gid == GROUP);
	CHECK_ERRNO("user_gives_away_eperm", fchown(fd, 0, -1), EPERM);
	CHECK_ERRNO("user_foreign_group_eperm", fchown(fd, -1, 0), EPERM);
	CHECK_EQ("user_same_owner_ok", fchown(fd, USER, GROUP), 0);
	close(fd);
	unlink(mine);
}

static void access_and_sync(void)
{
	const char *file = in_dir("plain");
	int fd = open(file, O_RDWR | O_CREAT, 0600), fds[2];

	CHECK_EQ("faccessat_read", faccessat(AT_FDCWD, file, 4, 0), 0);
	CHECK_ERRNO("faccessat_no_x_eacces", faccessat(AT_FDCWD, file, 1, 0), EACCES);
	CHECK_EQ("faccessat2_eaccess", faccessat(AT_FDCWD, file, 2, 0x200), 0);
	CHECK_ERRNO("faccessat2_bad_flags", faccessat(AT_FDCWD, file, 4, 0x1), EINVAL);
	CHECK_ERRNO("faccessat_bad_mode", faccessat(AT_FDCWD, file, 8, 0), EINVAL);
	CHECK_ERRNO("faccessat_missing", faccessat(AT_FDCWD, in_dir("missing"), 4, 0), ENOENT);
	CHECK("fsync_file", write(fd, "x", 1) == 1 && fsync(fd) == 0 && fdatasync(fd) == 0);
	int dfd = open(test_dir, O_RDONLY | O_DIRECTORY);
	CHECK_EQ("fsync_dir", fsync(dfd), 0);
	close(dfd);
	pipe(fds);
	CHECK_ERRNO("fsync_pipe_einval", fsync(fds[0]), EINVAL);
	CHECK_ERRNO("fdatasync_pipe_einval", fdatasync(fds[1]), EINVAL);
	close(fds[0]);
	close(fds[1]);
	close(fd);
	CHECK_ERRNO("fsync_bad_fd_ebadf", fsync(fd), EBADF);
	sync();
	unlink(file);
}

int main(void)
{
	static const char *const names[] = { "owned", "link" };

	if (!CHECK_EQ("mkdir_tmp_dir", make_test_dir("fs_owner"), 0))
		return test_done();
	access_and_sync();
	if (is_root()) {
		as_root();
		chmod(test_dir, 0777); /* the user child makes its file in here */
		int status = run_in_child(as_user);
		CHECK("user_child_ran", WIFEXITED(status) && WEXITSTATUS(status) == 0);
	} else {
		SKIP_ALL("needs root (CAP_CHOWN, setuid)", "new_file_owned_by_creator", "root_chown", "minus_one_keeps",
			 "chown_clears_setuid_setgid", "lchown_changes_link", "fchown", "fchownat_nofollow",
			 "fchownat_bad_flags", "chown_missing_enoent", "fchown_bad_fd_ebadf", "user_chown_others_file_eperm",
			 "user_owns_new_file", "user_gives_away_eperm", "user_foreign_group_eperm", "user_same_owner_ok",
			 "user_child_ran");
	}
	unlink_names(names, sizeof(names) / sizeof(names[0]));
	CHECK_EQ("rmdir_cleaned", rmdir(test_dir), 0);
	return test_done();
}
