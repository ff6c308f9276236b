/*
 * What the file-system tests share (a header, so it is not a test program
 * itself): a directory of their own under /tmp, named with the program and
 * its pid so that runs side by side on the host do not meet, paths in it,
 * and removing a list of names there.  The checks stay in the tests, which
 * test.h names after their own file.
 */
#ifndef FSUTIL_H
#define FSUTIL_H
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

static char test_dir[64];

/* Makes /tmp/PROG.PID; 0 or -1 as mkdir returns. */
static inline int make_test_dir(const char *prog)
{
	snprintf(test_dir, sizeof(test_dir), "/tmp/%s.%d", prog, getpid());
	return mkdir(test_dir, 0700);
}

/* test_dir/name, in one of four buffers, so a call may take two or three such paths. */
static inline const char *in_dir(const char *name)
{
	static char path[4][512];
	static int next;

	next = (next + 1) % 4;
	snprintf(path[next], sizeof(path[next]), "%s/%s", test_dir, name);
	return path[next];
}

static inline void unlink_names(const char *const names[], size_t n)
{
	for (size_t i = 0; i < n; i++)
		unlink(in_dir(names[i]));
}
#endif
