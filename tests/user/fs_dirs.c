/*
 * Making and removing directories: mkdir, mkdirat, rmdir, unlinkat with
 * AT_REMOVEDIR, link counts, removing the cwd, readdir while entries go,
 * and the errors for each misuse.  All under /tmp/fs_dirs.PID.
 */
#include <dirent.h>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include "fsutil.h"
#include "test.h"

static unsigned long nlink_of(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 ? st.st_nlink : 0;
}

static void make_and_remove(void)
{
	struct stat st;
	mode_t old = umask(022);

	CHECK_EQ("mkdir", mkdir(in_dir("a"), 0777), 0);
	CHECK("mkdir_mode", stat(in_dir("a"), &st) == 0 && st.st_mode == (S_IFDIR | 0755));
	CHECK_EQ("new_dir_nlink", nlink_of(in_dir("a")), 2);
	CHECK_EQ("parent_nlink_counts_subdir", nlink_of(test_dir), 3);
	CHECK_EQ("mkdir_nested", mkdir(in_dir("a/b"), 0700), 0);
	CHECK_EQ("mkdir_trailing_slash", mkdir(in_dir("a/c/"), 0700), 0);
	CHECK_ERRNO("mkdir_exists_eexist", mkdir(in_dir("a"), 0700), EEXIST);
	CHECK_ERRNO("mkdir_dot_eexist", mkdir(in_dir("a/."), 0700), EEXIST);
	CHECK_ERRNO("mkdir_root_eexist", mkdir("/", 0700), EEXIST);
	CHECK_ERRNO("mkdir_missing_parent", mkdir(in_dir("x/y"), 0700), ENOENT);
	int fd = open(in_dir("file"), O_WRONLY | O_CREAT, 0600);
	close(fd);
	CHECK_ERRNO("mkdir_under_file_enotdir", mkdir(in_dir("file/y"), 0700), ENOTDIR);
	CHECK_ERRNO("mkdir_over_file_eexist", mkdir(in_dir("file"), 0700), EEXIST);
	CHECK_ERRNO("mkdir_bad_path_efault", mkdir((char *)8, 0700), EFAULT);
	CHECK_ERRNO("rmdir_not_empty", rmdir(in_dir("a")), ENOTEMPTY);
	CHECK_ERRNO("rmdir_file_enotdir", rmdir(in_dir("file")), ENOTDIR);
	CHECK_ERRNO("rmdir_dot_einval", rmdir(in_dir("a/.")), EINVAL);
	CHECK_ERRNO("rmdir_dotdot_enotempty", rmdir(in_dir("a/b/..")), ENOTEMPTY);
	CHECK_ERRNO("rmdir_missing_enoent", rmdir(in_dir("missing")), ENOENT);
	CHECK_ERRNO("rmdir_root_ebusy", rmdir("/"), EBUSY);
	CHECK_EQ("rmdir_empty", rmdir(in_dir("a/b")), 0);
	CHECK_EQ("rmdir_trailing_slash", rmdir(in_dir("a/c/")), 0);
	CHECK_EQ("parent_nlink_back", nlink_of(in_dir("a")), 2);
	CHECK_ERRNO("removed_gone", stat(in_dir("a/b"), &st), ENOENT);
	umask(old);
}

static void at_calls(void)
{
	int dfd = open(test_dir, O_RDONLY | O_DIRECTORY);
	struct stat st;

	CHECK_EQ("mkdirat", mkdirat(dfd, "at", 0700), 0);
	CHECK("mkdirat_made", stat(in_dir("at"), &st) == 0 && S_ISDIR(st.st_mode));
	CHECK_ERRNO("unlinkat_dir_eisdir", unlinkat(dfd, "at", 0), EISDIR);
	CHECK_ERRNO("unlinkat_removedir_file", unlinkat(dfd, "file", AT_REMOVEDIR), ENOTDIR);
	CHECK_EQ("unlinkat_removedir", unlinkat(dfd, "at", AT_REMOVEDIR), 0);
	CHECK_ERRNO("mkdirat_bad_fd", mkdirat(999, "x", 0700), EBADF);
	close(dfd);
}

/* Linux lets a process remove its own cwd; getcwd then fails with ENOENT, and nothing can be made there. */
static void remove_cwd(void)
{
	char start[512], buf[512];
	struct stat st;

	if (!getcwd(start, sizeof(start)) || mkdir(in_dir("cwd"), 0700) || chdir(in_dir("cwd")))
		return;
	CHECK_EQ("rmdir_cwd", rmdir(in_dir("cwd")), 0);
	CHECK("getcwd_removed_enoent", getcwd(buf, sizeof(buf)) == NULL && errno == ENOENT);
	CHECK_ERRNO("create_in_removed_enoent", open("x", O_WRONLY | O_CREAT, 0600), ENOENT);
	CHECK_ERRNO("mkdir_in_removed_enoent", mkdir("x", 0700), ENOENT);
	CHECK("stat_removed_cwd", stat(".", &st) == 0 && S_ISDIR(st.st_mode) && st.st_nlink == 0);
	CHECK_EQ("chdir_back", chdir(start), 0);
}

/* Entries removed while a directory is read do not make readdir skip the others. */
static void readdir_while_removing(void)
{
	enum { N = 200 };
	char name[32];
	int made = 0, seen = 0;

	mkdir(in_dir("many"), 0700);
	for (int i = 0; i < N; i++) {
		snprintf(name, sizeof(name), "many/f%03d", i);
		int fd = open(in_dir(name), O_WRONLY | O_CREAT, 0600);
		made += fd >= 0;
		close(fd);
	}
	CHECK_EQ("made_many", made, N);
	DIR *d = opendir(in_dir("many"));
	struct dirent *e;
	while (d && (e = readdir(d))) {
		if (e->d_name[0] == '.')
			continue;
		seen++;
		snprintf(name, sizeof(name), "many/%s", e->d_name);
		unlink(in_dir(name));
	}
	if (d)
		closedir(d);
	CHECK_EQ("readdir_saw_every_entry", seen, N);
	CHECK_EQ("all_removed_then_rmdir", rmdir(in_dir("many")), 0);
}

int main(void)
{
	if (!CHECK_EQ("mkdir_tmp_dir", make_test_dir("fs_dirs"), 0))
		return test_done();
	make_and_remove();
	at_calls();
	remove_cwd();
	readdir_while_removing();
	unlink(in_dir("file"));
	rmdir(in_dir("a"));
	CHECK_EQ("rmdir_cleaned", rmdir(test_dir), 0);
	return test_done();
}
