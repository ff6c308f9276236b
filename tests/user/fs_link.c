/*
 * Hard links: link and linkat give a file a second name (same inode, link
 * count 2), the data outlives either name, and Linux's errors for links to
 * directories, existing names and missing files.  In /tmp/fs_link.PID.
 */
#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include "fsutil.h"
#include "test.h"

static void links(void)
{
	struct stat a, b;
	char buf[16];
	int fd = open(in_dir("orig"), O_WRONLY | O_CREAT, 0600);

	write(fd, "shared", 6);
	close(fd);
	CHECK_EQ("link", link(in_dir("orig"), in_dir("second")), 0);
	CHECK("same_inode", stat(in_dir("orig"), &a) == 0 && stat(in_dir("second"), &b) == 0 &&
	      a.st_ino == b.st_ino && a.st_dev == b.st_dev);
	CHECK_EQ("nlink_two", b.st_nlink, 2);
	fd = open(in_dir("second"), O_WRONLY | O_APPEND);
	write(fd, "!", 1);
	close(fd);
	CHECK("write_seen_through_other_name", read_file(in_dir("orig"), buf, sizeof(buf)) == 7 && !strcmp(buf, "shared!"));
	CHECK("unlink_one_name", unlink(in_dir("orig")) == 0 && stat(in_dir("second"), &b) == 0 && b.st_nlink == 1);
	CHECK("data_outlives_name", read_file(in_dir("second"), buf, sizeof(buf)) == 7 && !strcmp(buf, "shared!"));
	int dfd = open(test_dir, O_RDONLY | O_DIRECTORY);
	CHECK("linkat_dirfd", linkat(dfd, "second", dfd, "third", 0) == 0 && stat(in_dir("third"), &a) == 0 &&
	      a.st_ino == b.st_ino);
	close(dfd);
}

static void symlinks_and_links(void)
{
	struct stat st, target;

	symlink("second", in_dir("sym"));
	CHECK("link_to_symlink_links_symlink", link(in_dir("sym"), in_dir("sym2")) == 0 &&
	      lstat(in_dir("sym2"), &st) == 0 && S_ISLNK(st.st_mode));
	CHECK("linkat_follow_links_target", linkat(AT_FDCWD, in_dir("sym"), AT_FDCWD, in_dir("viafollow"), AT_SYMLINK_FOLLOW) == 0 &&
	      lstat(in_dir("viafollow"), &st) == 0 && stat(in_dir("second"), &target) == 0 && st.st_ino == target.st_ino);
}

static void misuse(void)
{
	mkdir(in_dir("d"), 0700);
	CHECK_ERRNO("link_dir_eperm", link(in_dir("d"), in_dir("d2")), EPERM);
	CHECK_ERRNO("link_existing_eexist", link(in_dir("second"), in_dir("third")), EEXIST);
	CHECK_ERRNO("link_missing_enoent", link(in_dir("missing"), in_dir("x")), ENOENT);
	CHECK_ERRNO("link_into_missing_dir", link(in_dir("second"), in_dir("no/x")), ENOENT);
	CHECK_ERRNO("link_trailing_slash_enoent", link(in_dir("second"), in_dir("x/")), ENOENT);
	CHECK_ERRNO("link_to_dot_eexist", link(in_dir("second"), in_dir("d/.")), EEXIST);
	CHECK_ERRNO("linkat_bad_flags", linkat(AT_FDCWD, in_dir("second"), AT_FDCWD, in_dir("x"), 0x1), EINVAL);
	CHECK_ERRNO("link_bad_path_efault", link((char *)8, in_dir("x")), EFAULT);
}

int main(void)
{
	static const char *const names[] = { "second", "third", "sym", "sym2", "viafollow" };

	if (!CHECK_EQ("mkdir_tmp_dir", make_test_dir("fs_link"), 0))
		return test_done();
	links();
	symlinks_and_links();
	misuse();
	unlink_names(names, sizeof(names) / sizeof(names[0]));
	rmdir(in_dir("d"));
	CHECK_EQ("rmdir_cleaned", rmdir(test_dir), 0);
	return test_done();
}
