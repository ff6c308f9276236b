/*
 * ps: list every process, from the numeric entries of /proc, with the
 * Name, State and PPid lines of /proc/PID/status (Linux's format).
 */
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define MAX_PROCS 1024

/* The value of "key:" among the NUL-separated lines in [p, end), without leading blanks. */
static const char *value(const char *p, const char *end, const char *key)
{
	size_t len = strlen(key);

	for (; p < end; p += strlen(p) + 1) {
		if (strncmp(p, key, len) == 0 && p[len] == ':') {
			p += len + 1;
			while (*p == ' ' || *p == '\t')
				p++;
			return p;
		}
	}
	return "?";
}

static void show(int pid)
{
	char path[64], buf[2048];

	snprintf(path, sizeof(path), "/proc/%d/status", pid);
	int fd = open(path, O_RDONLY);
	if (fd < 0)
		return; /* it exited since we listed /proc */
	/* The fields we want are near the start, so one read is enough. */
	ssize_t n = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	if (n <= 0)
		return;
	buf[n] = '\0';
	for (char *nl = buf; (nl = strchr(nl, '\n'));)
		*nl++ = '\0';

	const char *end = buf + n;
	printf("%5d %5s %-5c %s\n", pid, value(buf, end, "PPid"), value(buf, end, "State")[0],
	       value(buf, end, "Name"));
}

static int numeric(const char *s)
{
	if (!*s)
		return 0;
	for (; *s; s++)
		if (*s < '0' || *s > '9')
			return 0;
	return 1;
}

static int by_value(const void *a, const void *b)
{
	return *(const int *)a - *(const int *)b;
}

int main(void)
{
	static int pids[MAX_PROCS];
	size_t n = 0;
	DIR *proc = opendir("/proc");
	struct dirent *e;

	if (!proc) {
		perror("ps: /proc");
		return 1;
	}
	while ((e = readdir(proc)) && n < MAX_PROCS)
		if (numeric(e->d_name))
			pids[n++] = atoi(e->d_name);
	closedir(proc);

	qsort(pids, n, sizeof(pids[0]), by_value);
	printf("%5s %5s %-5s %s\n", "PID", "PPID", "STATE", "NAME");
	for (size_t i = 0; i < n; i++)
		show(pids[i]);
	return 0;
}
