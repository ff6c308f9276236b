/*
 * Symbolic links: symlink, readlink, lstat against stat, lookups that
 * follow links (relative to the link's directory, in the middle of a path,
 * with a trailing '/'), O_NOFOLLOW, dangling links, and ELOOP for loops and
 * for chains longer than Linux's 40.  In /tmp/fs_symlink.PID.
 */
#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include "fsutil.h"
#include "test.h"

static void basics(void)
{
	struct stat st, lst;
	char buf[64];
	int fd = open(in_dir("target"), O_WRONLY | O_CREAT, 0600);

	write(fd, "data", 4);
	close(fd);
	CHECK_EQ("symlink", symlink("target", in_dir("link")), 0);
	memset(buf, 'x', sizeof(buf));
	CHECK("readlink_text", readlink(in_dir("link"), buf, sizeof(buf)) == 6 && !memcmp(buf, "target", 6) &&
	      buf[6] == 'x');
	CHECK("readlink_truncates", readlink(in_dir("link"), buf, 3) == 3 && !memcmp(buf, "tar", 3));
	CHECK("lstat_is_link", lstat(in_dir("link"), &lst) == 0 && S_ISLNK(lst.st_mode) && lst.st_size == 6);
	CHECK("lstat_link_mode", (lst.st_mode & 07777) == 0777);
	CHECK("stat_follows", stat(in_dir("link"), &st) == 0 && S_ISREG(st.st_mode) && st.st_size == 4);
	CHECK("open_follows", read_file(in_dir("link"), buf, sizeof(buf)) == 4 && !strcmp(buf, "data"));
	CHECK("fstatat_nofollow", fstatat(AT_FDCWD, in_dir("link"), &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISLNK(st.st_mode));
	CHECK_ERRNO("open_nofollow_eloop", open(in_dir("link"), O_RDONLY | O_NOFOLLOW), ELOOP);
	CHECK_ERRNO("readlink_not_link_einval", readlink(in_dir("target"), buf, sizeof(buf)), EINVAL);
	CHECK_ERRNO("readlink_zero_size_einval", readlink(in_dir("link"), buf, 0), EINVAL);
	CHECK_ERRNO("readlink_missing_enoent", readlink(in_dir("missing"), buf, sizeof(buf)), ENOENT);
	CHECK_ERRNO("readlink_bad_buffer_efault", readlink(in_dir("link"), (char *)8, 10), EFAULT);
	int dfd = open(test_dir, O_RDONLY | O_DIRECTORY);
	CHECK("readlinkat_dirfd", readlinkat(dfd, "link", buf, sizeof(buf)) == 6);
	CHECK("symlinkat_dirfd", symlinkat("/nowhere", dfd, "abs") == 0 && readlinkat(dfd, "abs", buf, sizeof(buf)) == 8);
	close(dfd);
	CHECK_ERRNO("symlink_exists_eexist", symlink("x", in_dir("link")), EEXIST);
	CHECK_ERRNO("symlink_empty_target_enoent", symlink("", in_dir("empty")), ENOENT);
	CHECK_ERRNO("symlink_missing_dir_enoent", symlink("x", in_dir("no/x")), ENOENT);
	CHECK("unlink_removes_link_only", unlink(in_dir("abs")) == 0 && lstat(in_dir("abs"), &st) == -1 &&
	      stat(in_dir("target"), &st) == 0);
}

static void paths_through_links(void)
{
	struct stat st;
	char buf[64];

	mkdir(in_dir("sub"), 0700);
	symlink("../target", in_dir("sub/up"));
	CHECK("relative_to_link_dir", stat(in_dir("sub/up"), &st) == 0 && S_ISREG(st.st_mode));
	symlink("sub", in_dir("dirlink"));
	CHECK("link_mid_path", read_file(in_dir("dirlink/up"), buf, sizeof(buf)) == 4);
	CHECK("trailing_slash_follows", lstat(in_dir("dirlink/"), &st) == 0 && S_ISDIR(st.st_mode));
	CHECK_ERRNO("file_link_trailing_slash", stat(in_dir("link/"), &st), ENOTDIR);
	symlink("missing", in_dir("dangling"));
	CHECK_ERRNO("dangling_stat_enoent", stat(in_dir("dangling"), &st), ENOENT);
	CHECK("dangling_lstat", lstat(in_dir("dangling"), &st) == 0 && S_ISLNK(st.st_mode));
	CHECK_ERRNO("creat_excl_on_dangling", open(in_dir("dangling"), O_WRONLY | O_CREAT | O_EXCL, 0600), EEXIST);
	symlink("loop2", in_dir("loop1"));
	symlink("loop1", in_dir("loop2"));
	CHECK_ERRNO("loop_eloop", stat(in_dir("loop1"), &st), ELOOP);
	CHECK_ERRNO("loop_open_eloop", open(in_dir("loop1"), O_RDONLY), ELOOP);
	CHECK("chdir_through_link", chdir(in_dir("dirlink")) == 0 && stat("up", &st) == 0 && chdir("/") == 0);
}

/* l1 -> l2 -> ... -> lN -> target: 40 links may be followed, 41 may not. */
static void chains(void)
{
	char name[32], next[32];
	struct stat st;

	for (int i = 1; i <= 41; i++) {
		snprintf(name, sizeof(name), "l%d", i);
		if (i == 41)
			snprintf(next, sizeof(next), "target");
		else
			snprintf(next, sizeof(next), "l%d", i + 1);
		symlink(next, in_dir(name));
	}
	CHECK("chain_of_40_ok", stat(in_dir("l2"), &st) == 0 && S_ISREG(st.st_mode));
	CHECK_ERRNO("chain_of_41_eloop", stat(in_dir("l1"), &st), ELOOP);
	for (int i = 1; i <= 41; i++) {
		snprintf(name, sizeof(name), "l%d", i);
		unlink(in_dir(name));
	}
}

int main(void)
{
	static const char *const names[] = { "link", "target", "sub/up", "dirlink", "dangling", "loop1", "loop2" };

	if (!CHECK_EQ("mkdir_tmp_dir", make_test_dir("fs_symlink"), 0))
		return test_done();
	basics();
	paths_through_links();
	chains();
	unlink_names(names, sizeof(names) / sizeof(names[0]));
	rmdir(in_dir("sub"));
	CHECK_EQ("rmdir_cleaned", rmdir(test_dir), 0);
	return test_done();
}
