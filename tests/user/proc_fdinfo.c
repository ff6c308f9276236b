/*
 * /proc/PID/fdinfo/N as Linux writes it (proc(5)): four lines, "pos:",
 * "flags:" (octal, with a leading 0), "mnt_id:" and "ino:", each followed
 * by a tab.  pos follows lseek; flags are the open flags the file keeps
 * (O_LARGEFILE added, as 64-bit Linux adds it to every open; O_NOFOLLOW
 * kept) plus O_CLOEXEC (02000000) while the fd has FD_CLOEXEC; ino is
 * fstat's st_ino; a pipe's ends show O_RDONLY and O_WRONLY alone.  The
 * directory lists each open fd as a regular file.
 */
#include <dirent.h>
#include <stdlib.h>
#include <sys/stat.h>
#include "test.h"

#ifndef O_LARGEFILE
#define O_LARGEFILE 0100000 /* x86-64's value; the uapi header leaves it out */
#endif

struct fdinfo {
	long long pos;
	long flags, mnt_id;
	unsigned long ino;
	int lines; /* how many of the four lines came, in order and with Linux's spelling */
};

/* Parse /proc/self/fdinfo/fd; false if it cannot be read. */
static int read_fdinfo(int fd, struct fdinfo *info)
{
	char path[48], text[512];
	char *p = text;

	snprintf(path, sizeof(path), "/proc/self/fdinfo/%d", fd);
	*info = (struct fdinfo){ .pos = -1, .flags = -1, .mnt_id = -1 };
	if (read_file(path, text, sizeof(text)) <= 0)
		return 0;
	if (strncmp(p, "pos:\t", 5) || !(info->pos = strtol(p + 5, &p, 10), *p == '\n'))
		return 1;
	info->lines++;
	if (strncmp(p + 1, "flags:\t0", 8) || !(info->flags = strtol(p + 8, &p, 8), *p == '\n'))
		return 1;
	info->lines++;
	if (strncmp(p + 1, "mnt_id:\t", 8) || !(info->mnt_id = strtol(p + 9, &p, 10), *p == '\n'))
		return 1;
	info->lines++;
	if (strncmp(p + 1, "ino:\t", 5) || !(info->ino = strtoul(p + 6, &p, 10), *p == '\n'))
		return 1;
	info->lines++;
	return 1;
}

static void position_and_flags(const char *path)
{
	struct fdinfo info, other;
	struct stat st;
	int fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0600);

	CHECK("format_four_lines", fd >= 0 && write(fd, "0123456789", 10) == 10 && read_fdinfo(fd, &info) &&
	      info.lines == 4);
	CHECK_EQ("pos_after_write", info.pos, 10);
	CHECK_EQ("pos_after_lseek", lseek(fd, 3, SEEK_SET) == 3 && read_fdinfo(fd, &info) ? info.pos : -1, 3);
	CHECK_EQ("flags_rdwr", info.flags, O_RDWR | O_LARGEFILE);
	CHECK("ino_is_fstat", fstat(fd, &st) == 0 && info.ino == (unsigned long)st.st_ino);
	int app = open(path, O_WRONLY | O_APPEND | O_CLOEXEC);
	CHECK_EQ("flags_append_cloexec", read_fdinfo(app, &other) ? other.flags : -1,
		 O_WRONLY | O_APPEND | O_CLOEXEC | O_LARGEFILE);
	CHECK_EQ("cloexec_is_02000000", O_CLOEXEC, 02000000);
	CHECK("same_mount_same_id", other.mnt_id == info.mnt_id && other.mnt_id >= 0);
	CHECK_EQ("flags_after_fd_cloexec_cleared", fcntl(app, F_SETFD, 0) == 0 && read_fdinfo(app, &other) ? other.flags : -1,
		 O_WRONLY | O_APPEND | O_LARGEFILE);
	CHECK_EQ("pos_after_append_write", write(app, "ab", 2) == 2 && read_fdinfo(app, &other) ? other.pos : -1, 12);
	close(app);
	int nofollow = open(path, O_RDONLY | O_NOFOLLOW | O_TRUNC);
	CHECK_EQ("flags_nofollow_kept_trunc_not", read_fdinfo(nofollow, &other) ? other.flags : -1,
		 O_RDONLY | O_NOFOLLOW | O_LARGEFILE);
	close(nofollow);
	close(fd);
	CHECK_ERRNO("closed_fd_enoent", open("/proc/self/fdinfo/255", O_RDONLY), ENOENT);
}

static void pipe_ends(void)
{
	struct fdinfo r, w;
	int fds[2];

	if (pipe(fds)) {
		SKIP_ALL("pipe failed", "pipe_read_end_flags", "pipe_write_end_flags");
		return;
	}
	CHECK_EQ("pipe_read_end_flags", read_fdinfo(fds[0], &r) ? r.flags : -1, O_RDONLY);
	CHECK_EQ("pipe_write_end_flags", read_fdinfo(fds[1], &w) ? w.flags : -1, O_WRONLY);
	close(fds[0]);
	close(fds[1]);
}

static void listing(void)
{
	int fd = open("/proc/self/fdinfo", O_RDONLY | O_DIRECTORY);
	char name[16];
	int found = 0;
	DIR *d = opendir("/proc/self/fdinfo");

	snprintf(name, sizeof(name), "%d", fd);
	for (struct dirent *e; d && (e = readdir(d));)
		found += !strcmp(e->d_name, name) && e->d_type == DT_REG;
	if (d)
		closedir(d);
	CHECK_EQ("dir_lists_fd_as_file", found, 1);
	close(fd);
}

int main(void)
{
	char path[64];

	snprintf(path, sizeof(path), "/tmp/proc_fdinfo.%d", getpid());
	position_and_flags(path);
	unlink(path);
	pipe_ends();
	listing();
	return test_done();
}
