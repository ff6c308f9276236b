/*
 * rename, renameat and renameat2: moving files and directories, replacing
 * what is there, RENAME_NOREPLACE, and Linux's error for each misuse.  All
 * under /tmp/fs_rename.PID.
 */
#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include "procutil.h"
#include "fsutil.h"
#include "test.h"

static int make_file(const char *name, const char *text)
{
	int fd = open(in_dir(name), O_WRONLY | O_CREAT | O_TRUNC, 0600);

	if (fd < 0)
		return -1;
	write(fd, text, strlen(text));
	return close(fd);
}

static int content_is(const char *name, const char *text)
{
	char buf[64];

	return read_file(in_dir(name), buf, sizeof(buf)) >= 0 && !strcmp(buf, text);
}

static void files(void)
{
	struct stat st, before;

	make_file("a", "A");
	stat(in_dir("a"), &before);
	CHECK_EQ("rename_file", rename(in_dir("a"), in_dir("b")), 0);
	CHECK("old_name_gone", stat(in_dir("a"), &st) == -1 && errno == ENOENT);
	CHECK("new_name_same_inode", stat(in_dir("b"), &st) == 0 && st.st_ino == before.st_ino && content_is("b", "A"));
	make_file("c", "C");
	CHECK("rename_replaces", rename(in_dir("c"), in_dir("b")) == 0 && content_is("b", "C"));
	CHECK_ERRNO("replaced_source_gone", stat(in_dir("c"), &st), ENOENT);
	make_file("d", "D");
	CHECK_ERRNO("noreplace_eexist", renameat2(AT_FDCWD, in_dir("d"), AT_FDCWD, in_dir("b"), RENAME_NOREPLACE), EEXIST);
	CHECK("noreplace_kept_both", content_is("b", "C") && content_is("d", "D"));
	CHECK_EQ("noreplace_new_name", renameat2(AT_FDCWD, in_dir("d"), AT_FDCWD, in_dir("e"), RENAME_NOREPLACE), 0);
	CHECK_EQ("rename_to_itself", rename(in_dir("e"), in_dir("e")), 0);
	CHECK("hard_links_rename_nothing", link(in_dir("e"), in_dir("e2")) == 0 && rename(in_dir("e"), in_dir("e2")) == 0 &&
	      stat(in_dir("e"), &st) == 0 && stat(in_dir("e2"), &st) == 0);
	int dfd = open(test_dir, O_RDONLY | O_DIRECTORY);
	CHECK("renameat_dirfd", renameat(dfd, "e2", dfd, "f") == 0 && content_is("f", "D"));
	close(dfd);
	CHECK_ERRNO("rename_missing_enoent", rename(in_dir("missing"), in_dir("x")), ENOENT);
	CHECK_ERRNO("rename_into_missing_dir", rename(in_dir("f"), in_dir("no/x")), ENOENT);
	CHECK_ERRNO("rename_file_slash_enotdir", rename(in_dir("f"), in_dir("g/")), ENOTDIR);
	CHECK_ERRNO("rename_bad_path_efault", rename((char *)8, in_dir("x")), EFAULT);
	CHECK_ERRNO("rename_unknown_flag_einval", renameat2(AT_FDCWD, in_dir("f"), AT_FDCWD, in_dir("g"), 1u << 7), EINVAL);
	CHECK_ERRNO("rename_noreplace_exchange_einval",
		    renameat2(AT_FDCWD, in_dir("f"), AT_FDCWD, in_dir("b"), RENAME_NOREPLACE | RENAME_EXCHANGE), EINVAL);
	if (on_cowl())
		CHECK_ERRNO("rename_exchange_einval", renameat2(AT_FDCWD, in_dir("f"), AT_FDCWD, in_dir("b"), RENAME_EXCHANGE), EINVAL);
	else
		SKIP("rename_exchange_einval", "Cowl only: Linux's tmpfs and ext4 support RENAME_EXCHANGE");
}

static void directories(void)
{
	struct stat st;

	mkdir(in_dir("d1"), 0700);
	mkdir(in_dir("d1/sub"), 0700);
	make_file("d1/sub/inner", "I");
	mkdir(in_dir("d2"), 0700);
	CHECK_EQ("rename_dir", rename(in_dir("d1/sub"), in_dir("d2/moved")), 0);
	CHECK("moved_dir_contents", content_is("d2/moved/inner", "I"));
	CHECK("moved_dotdot", stat(in_dir("d2/moved/.."), &st) == 0 && st.st_nlink == 3);
	CHECK("old_parent_nlink", stat(in_dir("d1"), &st) == 0 && st.st_nlink == 2);
	CHECK_ERRNO("dir_into_itself_einval", rename(in_dir("d2"), in_dir("d2/moved/x")), EINVAL);
	CHECK_ERRNO("dir_over_nonempty_enotempty", rename(in_dir("d1"), in_dir("d2")), ENOTEMPTY);
	CHECK_ERRNO("dir_over_file_enotdir", rename(in_dir("d1"), in_dir("b")), ENOTDIR);
	CHECK_ERRNO("file_over_dir_eisdir", rename(in_dir("b"), in_dir("d1")), EISDIR);
	CHECK_ERRNO("rename_dot_ebusy", rename(in_dir("d1/."), in_dir("x")), EBUSY);
	CHECK_ERRNO("rename_over_dotdot", rename(in_dir("d1"), in_dir("d2/..")), EBUSY);
	mkdir(in_dir("d3"), 0700);
	CHECK("dir_over_empty_dir", rename(in_dir("d1"), in_dir("d3")) == 0 && stat(in_dir("d1"), &st) == -1);
	CHECK_EQ("dir_trailing_slashes", rename(in_dir("d3/"), in_dir("d4/")), 0);
}

static void clean_up(void)
{
	static const char *const names[] = { "b", "e", "f", "d2/moved/inner" };

	unlink_names(names, sizeof(names) / sizeof(names[0]));
	rmdir(in_dir("d2/moved"));
	rmdir(in_dir("d2"));
	rmdir(in_dir("d4"));
	CHECK_EQ("rmdir_cleaned", rmdir(test_dir), 0);
}

int main(void)
{
	if (!CHECK_EQ("mkdir_tmp_dir", make_test_dir("fs_rename"), 0))
		return test_done();
	files();
	directories();
	clean_up();
	return test_done();
}
