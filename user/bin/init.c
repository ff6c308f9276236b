/*
 * init: the first user process (pid 1).  The kernel starts it with fds
 * 0, 1 and 2 open on /dev/console and cwd "/".
 *
 *   init              run /bin/sh, and again each time it exits, as a getty
 *                     would: in a session of its own whose controlling
 *                     terminal is the console (/dev/tty1)
 *   init PROG ARG...  run PROG once, report its status to the kernel log
 *                     as "run-elf: status=N", then power off
 *   init --argv FILE --env FILE
 *                     the same, with PROG's argv and environment read from
 *                     the FILEs: NUL-terminated strings, as in Linux's
 *                     /proc/PID/cmdline and environ.  tools/run-elf passes
 *                     them so, because the kernel command line cannot carry
 *                     every byte (quotes, `$`, newlines, empty words).
 *   init --tty ...    either of the two, PROG run as the shell is: in a
 *                     session whose controlling terminal is the console, so
 *                     that a shell has job control (tools/run-elf --tty)
 *
 * Either way init reaps every process that ends: orphans are re-parented
 * to pid 1, and their zombies would stay forever if nobody waited.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/reboot.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

static char *const child_env[] = { "PATH=/bin", "HOME=/", NULL };
static const char console_tty[] = "/dev/tty1";

/*
 * Like getty: a new session, whose leader's opening the terminal (without
 * O_NOCTTY) makes it the session's controlling terminal; it becomes
 * standard input, output and error.  Without it the shell still runs, on
 * the console it inherited, but without job control.
 */
static void open_terminal(const char *path)
{
	int fd;

	setsid();
	fd = open(path, O_RDWR);
	if (fd < 0) {
		fprintf(stderr, "init: %s: %s\n", path, strerror(errno));
		return;
	}
	for (int i = 0; i < 3; i++)
		dup2(fd, i);
	if (fd > 2)
		close(fd);
}

/*
 * Starts argv[0] with environment envp in a child (on `tty`, if given); a
 * child that cannot exec reports status 127, as shells do.
 */
static pid_t spawn(char *const argv[], char *const envp[], const char *tty)
{
	pid_t pid = fork();

	if (pid == 0) {
		if (tty)
			open_terminal(tty);
		execve(argv[0], argv, envp);
		fprintf(stderr, "init: %s: %s\n", argv[0], strerror(errno));
		_exit(127);
	}
	if (pid < 0)
		fprintf(stderr, "init: fork: %s\n", strerror(errno));
	return pid;
}

/* Reaps children until `pid` ends; returns its wait status. */
static int reap_until(pid_t pid)
{
	int status;
	pid_t got;

	do {
		got = wait4(-1, &status, __WALL, NULL);
	} while (got != pid && !(got < 0 && errno == ECHILD));
	return got == pid ? status : 127 << 8;
}

/* Exit status as shells report it: the code, or 128 plus the killing signal. */
static int shell_status(int status)
{
	return WIFSIGNALED(status) ? 128 + WTERMSIG(status) : WEXITSTATUS(status);
}

/*
 * The NUL-terminated strings of the file at `path` as a NULL-ended vector
 * (never freed: init keeps it until power-off), or NULL after saying why.
 */
static char **read_strings(const char *path)
{
	struct stat st;
	char *buf, **vec;
	size_t got = 0, n = 0;
	ssize_t r;
	int fd = open(path, O_RDONLY);

	if (fd < 0)
		goto say_why;
	if (fstat(fd, &st) < 0 || !(buf = malloc(st.st_size + 1)))
		goto close_fd;
	for (; got < (size_t)st.st_size; got += r)
		if ((r = read(fd, buf + got, st.st_size - got)) <= 0)
			goto free_buf;
	buf[got] = '\0'; /* ends a last string that has no NUL of its own */
	for (size_t i = 0; i < got; i += strlen(buf + i) + 1)
		n++;
	if (!(vec = malloc((n + 1) * sizeof(*vec))))
		goto free_buf;
	n = 0;
	for (size_t i = 0; i < got; i += strlen(buf + i) + 1)
		vec[n++] = buf + i;
	vec[n] = NULL;
	close(fd);
	return vec;
free_buf:
	free(buf);
close_fd:
	close(fd);
say_why: /* free() and a close() that succeeds leave errno as it was */
	fprintf(stderr, "init: %s: %s\n", path, strerror(errno));
	return NULL;
}

static void report_and_power_off(int status)
{
	int fd = open("/dev/kmsg", O_WRONLY);

	if (fd >= 0) {
		dprintf(fd, "run-elf: status=%d\n", shell_status(status));
		close(fd);
	} else {
		fprintf(stderr, "init: /dev/kmsg: %s\n", strerror(errno));
	}
	reboot(LINUX_REBOOT_MAGIC1, LINUX_REBOOT_MAGIC2, LINUX_REBOOT_CMD_POWER_OFF, NULL);
	fprintf(stderr, "init: reboot: %s\n", strerror(errno));
}

int main(int argc, char **argv)
{
	setsid(); /* the session (and process group) every login shell and job descends from */
	if (argc > 1) {
		const char *tty = argc > 2 && !strcmp(argv[1], "--tty") ? console_tty : NULL;
		char **prog = argv + 1 + !!tty, *const *envp = child_env;
		pid_t pid = -1;

		if (argc - !!tty == 5 && !strcmp(prog[0], "--argv") && !strcmp(prog[2], "--env")) {
			envp = read_strings(prog[3]);
			prog = read_strings(prog[1]);
		}
		if (prog && prog[0] && envp)
			pid = spawn(prog, envp, tty);
		report_and_power_off(pid < 0 ? 127 << 8 : reap_until(pid));
		for (;;) /* pid 1 must not exit: keep reaping, idle when there is nobody */
			if (wait4(-1, NULL, __WALL, NULL) < 0)
				sleep(1);
	}

	char *shell[] = { "/bin/sh", NULL };
	for (;;) {
		pid_t pid = spawn(shell, child_env, console_tty);
		/* A shell that cannot start at all must not make us spin. */
		if (pid < 0 || reap_until(pid) == 127 << 8)
			sleep(1);
	}
}
