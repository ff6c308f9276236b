/*
 * /proc/PID as procps and busybox read it (proc(5)): stat parsed the way
 * procps parses it (comm between the first '(' and the last ')', then 50
 * fields split at spaces), statm, status, cmdline and smaps, each checked
 * against what the test knows about itself: its pid, parent, group,
 * session and name, its thread count while threads run, its RSS and fault
 * count growing as it touches pages, its argv, and a MAP_SHARED mapping's
 * VmFlags.  Also that readdir lists /proc/self's files and every process,
 * and not the threads, which lookup still finds.
 */
#include <dirent.h>
#include <sched.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/thread.h>
#include <time.h>
#include "procutil.h"
#include "test.h"

#define STAT_FIELDS 52
#define TOUCH_PAGES 64
#define NTHREADS 3
#define STACK 16384

struct stat_line {
	char buf[1024];
	char comm[32];
	char *field[STAT_FIELDS + 2]; /* field[1] .. field[n]; field[2] is the comm */
	int n;
};

/* Parse /proc/<pid>/stat as procps's stat2proc does; the number of fields, or -1. */
static int read_stat(const char *path, struct stat_line *s)
{
	if (read_file(path, s->buf, sizeof(s->buf)) <= 0)
		return -1;
	char *open = strchr(s->buf, '('), *close = strrchr(s->buf, ')');
	if (!open || !close || close < open || close[1] != ' ')
		return -1;
	snprintf(s->comm, sizeof(s->comm), "%.*s", (int)(close - open - 1), open + 1);
	s->field[1] = s->buf;
	s->field[2] = s->comm;
	open[-1] = '\0';
	s->n = 2;
	for (char *p = close + 2; *p && *p != '\n' && s->n < STAT_FIELDS + 1; ) {
		s->field[++s->n] = p;
		p += strcspn(p, " \n");
		if (*p)
			*p++ = '\0';
	}
	return s->n;
}

static long stat_field(const struct stat_line *s, int n)
{
	return n <= s->n ? strtol(s->field[n], NULL, 10) : -1;
}

/* The number after "key:" in a "Key:\tvalue" file such as status, or -1. */
static long status_value(const char *text, const char *key)
{
	size_t len = strlen(key);

	for (const char *line = text; line; line = strchr(line, '\n') ? strchr(line, '\n') + 1 : NULL)
		if (strncmp(line, key, len) == 0 && line[len] == ':')
			return strtol(line + len + 1, NULL, 10);
	return -1;
}

static void self_ids(void)
{
	static struct stat_line s;

	if (!CHECK_EQ("stat_fields", read_stat("/proc/self/stat", &s), STAT_FIELDS))
		return;
	CHECK_EQ("stat_pid", stat_field(&s, 1), getpid());
	CHECK("stat_comm", strcmp(s.comm, "proc_pid") == 0);
	CHECK("stat_state_running", strcmp(s.field[3], "R") == 0);
	CHECK_EQ("stat_ppid", stat_field(&s, 4), getppid());
	CHECK_EQ("stat_pgrp", stat_field(&s, 5), getpgrp());
	CHECK_EQ("stat_session", stat_field(&s, 6), getsid(0));
	CHECK_EQ("stat_priority", stat_field(&s, 18), 20);
	CHECK_EQ("stat_exit_signal", stat_field(&s, 38), SIGCHLD);
	CHECK("stat_rsslim_unlimited", strcmp(s.field[25], "18446744073709551615") == 0);
}

static void status_lines(void)
{
	static char text[4096];

	read_file("/proc/self/status", text, sizeof(text));
	/* Real, effective, saved and filesystem uid: root, as the suite runs (make test-host too). */
	CHECK("status_uid_line", strstr(text, "\nUid:\t0\t0\t0\t0\n") != NULL);
	CHECK("status_gid_line", strstr(text, "\nGid:\t0\t0\t0\t0\n") != NULL);
	CHECK_EQ("status_tgid", status_value(text, "Tgid"), getpid());
	CHECK_EQ("status_pid", status_value(text, "Pid"), getpid());
	CHECK_EQ("status_ppid", status_value(text, "PPid"), getppid());
	CHECK("status_order", strstr(text, "Name:") < strstr(text, "PPid:") &&
			      strstr(text, "PPid:") < strstr(text, "Uid:") &&
			      strstr(text, "Uid:") < strstr(text, "VmRSS:") &&
			      strstr(text, "VmRSS:") < strstr(text, "Threads:"));
}

static char stacks[NTHREADS][STACK] __attribute__((aligned(16)));
static volatile int tids[NTHREADS];
static volatile int release;

static int parked(void *arg)
{
	(void)arg;
	while (!release)
		sched_yield();
	return 0;
}

/* Threads show in num_threads and Threads:, are looked up by tid, and are not listed by readdir. */
static void threads(void)
{
	static struct stat_line s;
	static char text[4096], path[64];
	int created = 0;

	for (int i = 0; i < NTHREADS; i++)
		created += clone(parked, stacks[i] + STACK, THREAD_FLAGS, NULL, (int *)&tids[i], NULL,
				 (int *)&tids[i]) > 0;
	read_stat("/proc/self/stat", &s);
	CHECK_EQ("stat_num_threads", stat_field(&s, 20), 1 + created);
	read_file("/proc/self/status", text, sizeof(text));
	CHECK_EQ("status_threads", status_value(text, "Threads"), 1 + created);
	snprintf(path, sizeof(path), "/proc/%d/stat", tids[0]);
	CHECK_EQ("tid_lookup", read_stat(path, &s) > 0 ? stat_field(&s, 1) : -1, tids[0]);
	int listed = 0;
	DIR *d = opendir("/proc");
	for (struct dirent *e; d && (e = readdir(d)); )
		listed += atoi(e->d_name) == tids[0];
	if (d)
		closedir(d);
	CHECK_EQ("tid_not_listed", listed, 0);
	release = 1;
	for (int i = 0; i < NTHREADS; i++)
		join(&tids[i]);
	read_stat("/proc/self/stat", &s);
	CHECK_EQ("stat_num_threads_after_join", stat_field(&s, 20), 1);
}

/* Touching pages raises rss, statm's resident and the minor fault count; vsize is statm's size. */
static void memory_growth(void)
{
	static struct stat_line before, after;
	static char statm[128];
	char *p = mmap(NULL, TOUCH_PAGES * PAGE_SIZE_, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	unsigned long size = 0, resident = 0, resident_after = 0;

	if (!CHECK("mmap", p != MAP_FAILED))
		return;
	read_stat("/proc/self/stat", &before);
	read_file("/proc/self/statm", statm, sizeof(statm));
	size = strtoul(statm, NULL, 10);
	resident = strtoul(strchr(statm, ' '), NULL, 10);
	for (int i = 0; i < TOUCH_PAGES; i++)
		p[i * PAGE_SIZE_] = 1;
	read_stat("/proc/self/stat", &after);
	read_file("/proc/self/statm", statm, sizeof(statm));
	resident_after = strtoul(strchr(statm, ' '), NULL, 10);
	CHECK_EQ("vsize_is_statm_size", stat_field(&before, 23), size * PAGE_SIZE_);
	CHECK("rss_grows", stat_field(&after, 24) - stat_field(&before, 24) >= TOUCH_PAGES);
	CHECK("statm_resident_grows", resident_after - resident >= TOUCH_PAGES);
	CHECK("minflt_grows", stat_field(&after, 10) - stat_field(&before, 10) >= TOUCH_PAGES);
	munmap(p, TOUCH_PAGES * PAGE_SIZE_);
}

/* The smaps block of the VMA starting at addr, cut at the next block's VmFlags line end. */
static const char *smaps_block(char *text, const void *addr)
{
	char head[32];

	snprintf(head, sizeof(head), "\n%lx-", (unsigned long)addr);
	char *b = strstr(text, head);
	char *flags = b ? strstr(b, "\nVmFlags:") : NULL;
	char *end = flags ? strchr(flags + 1, '\n') : NULL;
	if (end)
		end[1] = '\0';
	return b ? b + 1 : "";
}

static void smaps(void)
{
	static char text[65536];
	char *shared = mmap(NULL, 4 * PAGE_SIZE_, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);

	if (!CHECK("mmap_shared", shared != MAP_FAILED))
		return;
	shared[0] = shared[PAGE_SIZE_] = 1;
	read_file("/proc/self/smaps", text, sizeof(text));
	const char *b = smaps_block(text, shared);
	const char *flags = strstr(b, "VmFlags:");
	CHECK("smaps_size", strstr(b, "\nSize:                 16 kB\n") != NULL);
	CHECK("smaps_rss", strstr(b, "\nRss:                   8 kB\n") != NULL);
	CHECK("smaps_vmflags_sh", flags && strstr(flags, " sh ") != NULL);
	CHECK("smaps_vmflags_rd_wr", flags && strncmp(flags, "VmFlags: rd wr sh ", 18) == 0);
	CHECK("smaps_swap_line", strstr(b, "\nSwap:                  0 kB\n") != NULL);
	munmap(shared, 4 * PAGE_SIZE_);
}

/* argv's strings one after the other, each with its NUL, as exec lays them out: their length. */
static size_t join_args(char *const argv[], char *out)
{
	size_t n = 0;

	for (int i = 0; argv[i]; i++) {
		memcpy(out + n, argv[i], strlen(argv[i]) + 1);
		n += strlen(argv[i]) + 1;
	}
	return n;
}

/* Whether the file holds exactly the n bytes of want. */
static int file_is(const char *path, const char *want, size_t n)
{
	static char got[512];
	int fd = open(path, O_RDONLY);
	ssize_t len = fd >= 0 ? read(fd, got, sizeof(got)) : -1;

	if (fd >= 0)
		close(fd);
	return len == (ssize_t)n && memcmp(got, want, n) == 0;
}

/*
 * Exec this program in a child as `argv` with `envp` (it waits on its
 * standard input) and poll its cmdline, from here, for the n bytes of
 * want: until the exec is done, its cmdline is still ours.
 */
static int child_cmdline_is(char *const argv[], char *const envp[], const char *want, size_t n)
{
	int fds[2], status, seen = 0;
	char path[64];

	if (pipe(fds) < 0)
		return 0;
	pid_t pid = fork();
	if (pid == 0) {
		dup2(fds[0], STDIN_FILENO);
		close(fds[1]);
		execve("tests/proc_pid", argv, envp);
		_exit(127);
	}
	close(fds[0]);
	snprintf(path, sizeof(path), "/proc/%d/cmdline", pid);
	for (int i = 0; i < 300 && !(seen = file_is(path, want, n)); i++) {
		struct timespec ts = { 0, 10 * 1000 * 1000 };
		nanosleep(&ts, NULL);
	}
	close(fds[1]);
	waitpid(pid, &status, 0);
	return seen;
}

/* argv with a space and an empty string; then argv overwritten, NULs and all, as setproctitle does. */
static void cmdline(char **argv)
{
	char *const child_argv[] = { "proc_pid", "--wait", "two words", "", "end", NULL };
	char *const title_argv[] = { "proc_pid", "--title", "x", NULL };
	char *const envp[] = { "E=1", NULL };
	char want[512];
	size_t n;

	n = join_args(argv, want);
	CHECK("cmdline_self", file_is("/proc/self/cmdline", want, n));
	n = join_args(child_argv, want);
	CHECK("cmdline_child", child_cmdline_is(child_argv, envp, want, n));
	/* Linux then shows the first string from the start of argv, on into the environment. */
	n = join_args(title_argv, want);
	memset(want, 'x', n);
	memcpy(want + n, "E=1", 4);
	CHECK("cmdline_title", child_cmdline_is(title_argv, envp, want, n + 4));
}

/* In the child: --title overwrites the argument strings with 'x', the NULs between them too. */
static void wait_for_eof(int argc, char **argv)
{
	char c;

	if (strcmp(argv[1], "--title") == 0)
		memset(argv[0], 'x', (size_t)(argv[argc - 1] + strlen(argv[argc - 1]) + 1 - argv[0]));
	while (read(STDIN_FILENO, &c, 1) > 0)
		;
}

/* readdir of /proc lists us and the system files; /proc/self lists its files. */
static void listing(void)
{
	static const char *const self_files[] = { "cmdline", "maps", "smaps", "stat", "statm", "status" };
	int me = 0, stat = 0, found = 0;
	DIR *d = opendir("/proc");

	for (struct dirent *e; d && (e = readdir(d)); ) {
		me += atoi(e->d_name) == getpid();
		stat += strcmp(e->d_name, "stat") == 0 || strcmp(e->d_name, "loadavg") == 0 ||
			strcmp(e->d_name, "uptime") == 0;
	}
	if (d)
		closedir(d);
	CHECK_EQ("readdir_proc_lists_me", me, 1);
	CHECK_EQ("readdir_proc_lists_stat_files", stat, 3);
	d = opendir("/proc/self");
	for (struct dirent *e; d && (e = readdir(d)); )
		for (size_t i = 0; i < sizeof(self_files) / sizeof(self_files[0]); i++)
			found += strcmp(e->d_name, self_files[i]) == 0;
	if (d)
		closedir(d);
	CHECK_EQ("readdir_self_files", found, (int)(sizeof(self_files) / sizeof(self_files[0])));
}

int main(int argc, char **argv)
{
	if (argc > 1 && argv[1][0] == '-') {
		wait_for_eof(argc, argv);
		return 0;
	}
	self_ids();
	status_lines();
	threads();
	memory_growth();
	smaps();
	cmdline(argv);
	listing();
	return test_done();
}
