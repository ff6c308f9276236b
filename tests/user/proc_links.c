/*
 * /proc's symbolic links as Linux has them (proc(5)): /proc/self (listed
 * in /proc, its text our pid), /proc/self/exe (this program), /proc/self/cwd,
 * and /proc/self/fd/N (a file's path, "pipe:[ino]", " (deleted)" after an
 * unlink); opening /proc/self/fd/N or /dev/fd/N opens the same file or
 * pipe again, which is how bash's <(...) reaches /dev/fd/63.  /dev/stdin,
 * /dev/stdout and /dev/stderr are links to /proc/self/fd/0, 1 and 2, as
 * udev makes them, and lead to the file behind each of those fds.
 */
#include <dirent.h>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include "test.h"

static char link_text[512];

/* readlink into link_text, NUL-terminated; the length or -1. */
static long link_of(const char *path)
{
	long n = readlink(path, link_text, sizeof(link_text) - 1);

	link_text[n > 0 ? n : 0] = '\0';
	return n;
}

static void self(void)
{
	char pid[16];
	struct stat st;

	snprintf(pid, sizeof(pid), "%d", getpid());
	CHECK("self_is_link", lstat("/proc/self", &st) == 0 && S_ISLNK(st.st_mode));
	CHECK("self_text_is_pid", link_of("/proc/self") > 0 && !strcmp(link_text, pid));
	CHECK("self_leads_to_dir", stat("/proc/self", &st) == 0 && S_ISDIR(st.st_mode));
	DIR *d = opendir("/proc");
	struct dirent *e;
	int listed = 0;
	while (d && (e = readdir(d)))
		listed |= !strcmp(e->d_name, "self") && e->d_type == DT_LNK;
	if (d)
		closedir(d);
	CHECK("proc_lists_self_as_link", listed);
}

/* runtests runs us as tests/proc_links from the initrd root, on Cowl and on the host. */
static void exe_and_cwd(void)
{
	struct stat exe, prog, st;
	char cwd[512];

	CHECK("exe_is_link", lstat("/proc/self/exe", &st) == 0 && S_ISLNK(st.st_mode));
	CHECK("exe_text_absolute", link_of("/proc/self/exe") > 0 && link_text[0] == '/' &&
	      strstr(link_text, "/tests/proc_links") != NULL);
	CHECK("exe_is_this_program", stat("/proc/self/exe", &exe) == 0 && stat("tests/proc_links", &prog) == 0 &&
	      exe.st_ino == prog.st_ino && exe.st_dev == prog.st_dev);
	CHECK("cwd_text", getcwd(cwd, sizeof(cwd)) && link_of("/proc/self/cwd") > 0 && !strcmp(link_text, cwd));
	CHECK("exe_truncated_read", readlink("/proc/self/exe", link_text, 3) == 3 && link_text[0] == '/');
}

static void fd_links(void)
{
	char path[64], expect[96], fdpath[32], buf[16] = { 0 };
	struct stat st;

	snprintf(path, sizeof(path), "/tmp/proc_links.%d", getpid());
	int fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0600);
	write(fd, "content", 7);
	snprintf(fdpath, sizeof(fdpath), "/proc/self/fd/%d", fd);
	CHECK("fd_text_is_path", link_of(fdpath) > 0 && !strcmp(link_text, path));
	CHECK("fd_link_mode_rdwr", lstat(fdpath, &st) == 0 && st.st_mode == (S_IFLNK | 0700));
	int again = open(fdpath, O_RDONLY);
	CHECK("reopen_own_offset", again >= 0 && again != fd && read(again, buf, sizeof(buf)) == 7 &&
	      !strcmp(buf, "content"));
	close(again);
	snprintf(fdpath, sizeof(fdpath), "/dev/fd/%d", fd);
	CHECK("dev_fd_is_proc_self_fd", link_of("/dev/fd") > 0 && !strcmp(link_text, "/proc/self/fd"));
	CHECK("dev_fd_reads_file", read_file(fdpath, buf, sizeof(buf)) == 7);
	unlink(path);
	snprintf(expect, sizeof(expect), "%s (deleted)", path);
	snprintf(fdpath, sizeof(fdpath), "/proc/self/fd/%d", fd);
	CHECK("fd_text_deleted", link_of(fdpath) > 0 && !strcmp(link_text, expect));
	CHECK("deleted_reopens", read_file(fdpath, buf, sizeof(buf)) == 7);
	close(fd);
	CHECK_ERRNO("closed_fd_enoent", readlink(fdpath, link_text, sizeof(link_text)), ENOENT);
}

/* A pipe reopened through /dev/fd: what is written to the new write end comes out of the read end. */
static void pipe_links(void)
{
	int fds[2];
	char fdpath[32], expect[32], buf[8] = { 0 };
	struct stat st;

	if (pipe(fds))
		return;
	fstat(fds[0], &st);
	snprintf(expect, sizeof(expect), "pipe:[%lu]", (unsigned long)st.st_ino);
	snprintf(fdpath, sizeof(fdpath), "/proc/self/fd/%d", fds[1]);
	CHECK("pipe_text", link_of(fdpath) > 0 && !strcmp(link_text, expect));
	CHECK("pipe_write_end_mode", lstat(fdpath, &st) == 0 && st.st_mode == (S_IFLNK | 0300));
	snprintf(fdpath, sizeof(fdpath), "/dev/fd/%d", fds[1]);
	int w = open(fdpath, O_WRONLY);
	CHECK("pipe_reopened_write", w >= 0 && write(w, "via", 3) == 3);
	CHECK("pipe_data_arrives", read(fds[0], buf, sizeof(buf)) == 3 && !strcmp(buf, "via"));
	snprintf(fdpath, sizeof(fdpath), "/dev/fd/%d", fds[0]);
	int r = open(fdpath, O_RDONLY);
	CHECK("pipe_reopened_read", r >= 0 && write(fds[1], "two", 3) == 3 && read(r, buf, sizeof(buf)) == 3);
	close(w);
	close(r);
	close(fds[0]);
	close(fds[1]);
}

/* Each of /dev/stdin, stdout, stderr: its text, and that it leads to the file of its fd. */
static void std_links(void)
{
	static const char *const names[] = { "/dev/stdin", "/dev/stdout", "/dev/stderr" };
	char expect[32], check[32];
	struct stat via_link, of_fd;

	for (int fd = 0; fd < 3; fd++) {
		snprintf(expect, sizeof(expect), "/proc/self/fd/%d", fd);
		snprintf(check, sizeof(check), "%s_text", names[fd] + 5);
		CHECK(check, link_of(names[fd]) > 0 && !strcmp(link_text, expect));
		snprintf(check, sizeof(check), "%s_is_fd_%d", names[fd] + 5, fd);
		CHECK(check, stat(names[fd], &via_link) == 0 && fstat(fd, &of_fd) == 0 &&
		      via_link.st_ino == of_fd.st_ino && via_link.st_dev == of_fd.st_dev);
	}
}

static void fd_dir(void)
{
	DIR *d = opendir("/proc/self/fd");
	struct dirent *e;
	int zero = 0, links = 1, count = 0;

	while (d && (e = readdir(d))) {
		if (e->d_name[0] == '.')
			continue;
		count++;
		zero |= !strcmp(e->d_name, "0");
		links &= e->d_type == DT_LNK;
	}
	if (d)
		closedir(d);
	CHECK("fd_dir_lists_stdin", zero);
	CHECK("fd_dir_entries_are_links", count > 0 && links);
	CHECK_ERRNO("fd_dir_missing_enoent", open("/proc/self/fd/255", O_RDONLY), ENOENT);
}

int main(void)
{
	self();
	exe_and_cwd();
	fd_links();
	pipe_links();
	std_links();
	fd_dir();
	return test_done();
}
