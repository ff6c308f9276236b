/*
 * trace [KINDS | off]: show or set which kernel events Cowl traces to the
 * console.  KINDS is a comma-separated list of cow, fault, clone, exec,
 * exit, wait, sched, odf, or all; "off" (or "none") stops tracing.  It reads and
 * writes /proc/cowl/trace, so it works only on Cowl.
 */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#define TRACE_FILE "/proc/cowl/trace"

static int show(void)
{
	char buf[128];
	int fd = open(TRACE_FILE, O_RDONLY);

	if (fd < 0) {
		perror(TRACE_FILE " (is this Cowl?)");
		return 1;
	}
	ssize_t n = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	if (n < 0) {
		perror(TRACE_FILE);
		return 1;
	}
	buf[n] = '\0';
	printf("tracing: %s", buf);
	return 0;
}

static int set(const char *kinds)
{
	int fd = open(TRACE_FILE, O_WRONLY);

	if (fd < 0) {
		perror(TRACE_FILE " (is this Cowl?)");
		return 1;
	}
	ssize_t n = write(fd, kinds, strlen(kinds));
	close(fd);
	if (n < 0) {
		fprintf(stderr, "trace: %s: unknown kind (use cow,fault,clone,exec,exit,wait,sched,odf,tlb, all or off)\n",
			kinds);
		return 1;
	}
	return show();
}

int main(int argc, char **argv)
{
	if (argc > 2 || (argc == 2 && argv[1][0] == '-')) {
		fprintf(stderr, "usage: trace [cow,fault,clone,exec,exit,wait,sched,odf,tlb | all | off]\n");
		return 2;
	}
	return argc == 2 ? set(argv[1]) : show();
}
