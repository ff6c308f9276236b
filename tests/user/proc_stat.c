/*
 * The system-wide time files as procps and busybox top read them
 * (proc(5)): /proc/stat (the cpu and cpu0 lines of ten tick counts, intr,
 * ctxt, btime, processes, procs_running, procs_blocked), /proc/uptime (two
 * numbers with two decimals, growing), /proc/loadavg (three averages,
 * running/total, the last pid handed out), with values checked against
 * what the test does: forks raise "processes", a fork's pid is the last
 * pid, and once the test has run through one 5 s sampling of the load the
 * 1-minute load is above 0.
 */
#include <stdlib.h>
#include <sys/syscall.h>
#include <time.h>
#include "procutil.h"
#include "test.h"

#define CPU_COLUMNS 10
#define LOAD_SAMPLE_HUNDREDTHS 530 /* Linux samples the load every 5 s + 1 tick */

static char text[8192];

/* The number after "key " on its own line of /proc/stat, or -1. */
static long long stat_value(const char *key)
{
	size_t len = strlen(key);

	read_file("/proc/stat", text, sizeof(text));
	for (const char *line = text; line; line = strchr(line, '\n') ? strchr(line, '\n') + 1 : NULL)
		if (strncmp(line, key, len) == 0 && line[len] == ' ')
			return strtol(line + len + 1, NULL, 10);
	return -1;
}

/* The numbers of a line starting with prefix: how many (at most max) and their sum. */
static int line_numbers(const char *prefix, long long *sum, long long *first)
{
	char *line = strstr(text, prefix);
	int n = 0;

	*sum = 0;
	if (!line || (line != text && line[-1] != '\n'))
		return -1;
	for (char *p = line + strlen(prefix), *end; *p && *p != '\n'; p = end) {
		long long v = strtol(p, &end, 10);
		if (end == p)
			return -1;
		if (n++ == 0 && first)
			*first = v;
		else
			*sum += v;
	}
	return n;
}

/* "digits.dd" followed by `after`: the value in hundredths, or -1. */
static long hundredths(const char **p, char after)
{
	char *end;
	long whole = strtol(*p, &end, 10);

	if (end == *p || end[0] != '.' || end[1] < '0' || end[1] > '9' || end[2] < '0' || end[2] > '9' ||
	    end[3] != after)
		return -1;
	*p = end + 4;
	return whole * 100 + (end[1] - '0') * 10 + (end[2] - '0');
}

static long uptime_hundredths(void)
{
	const char *p = text;

	read_file("/proc/uptime", text, sizeof(text));
	long up = hundredths(&p, ' ');
	return up >= 0 && hundredths(&p, '\n') >= 0 && *p == '\0' ? up : -1;
}

static void nothing(void)
{
}

static void stat_file(void)
{
	long long sum, total = 0;

	read_file("/proc/stat", text, sizeof(text));
	CHECK_EQ("cpu_columns", line_numbers("cpu  ", &sum, NULL), CPU_COLUMNS);
	CHECK_EQ("cpu0_columns", line_numbers("cpu0 ", &sum, NULL), CPU_COLUMNS);
	CHECK("intr_total_covers_lines", line_numbers("intr ", &sum, &total) > 1 && total >= sum && total > 0);
	CHECK("ctxt", stat_value("ctxt") > 0);
	CHECK("procs_running", stat_value("procs_running") >= 1);
	CHECK("procs_blocked", stat_value("procs_blocked") >= 0);

	/* btime is when the wall clock says the system booted. */
	struct timespec now;
	syscall(__NR_clock_gettime, CLOCK_REALTIME, &now);
	long long booted = now.tv_sec - uptime_hundredths() / 100;
	long long btime = stat_value("btime");
	CHECK("btime", btime >= 0 && btime - booted <= 2 && booted - btime <= 2);

	long long before = stat_value("processes");
	for (int i = 0; i < 3; i++)
		run_in_child(nothing);
	CHECK("processes_counts_forks", stat_value("processes") - before >= 3);
}

/* The CPU's ticks keep being counted: the cpu line's sum grows while we sleep. */
static void cpu_ticks(void)
{
	long long before, after;
	struct timespec ts = { 0, 200 * 1000 * 1000 };

	read_file("/proc/stat", text, sizeof(text));
	line_numbers("cpu  ", &before, NULL);
	nanosleep(&ts, NULL);
	read_file("/proc/stat", text, sizeof(text));
	line_numbers("cpu  ", &after, NULL);
	CHECK("cpu_ticks_grow", after - before >= 10);
}

static void uptime(void)
{
	struct timespec ts = { 0, 300 * 1000 * 1000 };
	long before = uptime_hundredths();

	CHECK("uptime_format", before >= 0);
	nanosleep(&ts, NULL);
	long after = uptime_hundredths();
	/* Lenient: Cowl's sleeps count timer ticks, which a loaded host may deliver in a burst. */
	CHECK("uptime_grows", after - before >= 10);
}

/* In a child: exit 0 if /proc/loadavg's last field is our own pid, the last one handed out. */
static void last_pid_is_me(void)
{
	read_file("/proc/loadavg", text, sizeof(text));
	char *last = strrchr(text, ' ');
	_exit(last && atoi(last + 1) == getpid() ? 0 : 1);
}

/* "a.bc d.ef g.hi running/total last"; the 1-minute load in hundredths, or -1. */
static long loadavg_fields(long *running, long *total)
{
	const char *p = text;
	char *end;

	read_file("/proc/loadavg", text, sizeof(text));
	long load1 = hundredths(&p, ' ');
	if (load1 < 0 || hundredths(&p, ' ') < 0 || hundredths(&p, ' ') < 0)
		return -1;
	*running = strtol(p, &end, 10);
	if (*end != '/')
		return -1;
	*total = strtol(end + 1, &end, 10);
	return *end == ' ' && strtol(end + 1, &end, 10) > 0 && *end == '\n' ? load1 : -1;
}

static void loadavg(void)
{
	long running, total;
	int mine = 0;

	CHECK("loadavg_format", loadavg_fields(&running, &total) >= 0);
	CHECK("loadavg_running", running >= 1 && total >= running);
	/* Another process of a busy host may fork in between: a few tries. */
	for (int i = 0; i < 5 && !mine; i++)
		mine = run_in_child(last_pid_is_me) == 0;
	CHECK("loadavg_last_pid", mine);

	/*
	 * Run (not sleep: only a runnable task counts) until the 1-minute
	 * average is above 0, for at most one sampling period: a sample taken
	 * while we run must show it, and there is no need to wait for more.
	 */
	long start = uptime_hundredths();
	while (loadavg_fields(&running, &total) <= 0 && uptime_hundredths() - start < LOAD_SAMPLE_HUNDREDTHS)
		;
	CHECK("loadavg_after_running", loadavg_fields(&running, &total) > 0);
}

int main(void)
{
	stat_file();
	cpu_ticks();
	uptime();
	loadavg();
	return test_done();
}
