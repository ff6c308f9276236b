/*
 * sh: a small shell.
 *
 *   sh            read commands from standard input, prompting with "# "
 *   sh FILE       run the commands in FILE
 *   sh -c LINE    run one command line
 *
 * A line is a pipeline of commands separated by '|', optionally ending
 * with '&' to run it in the background.  Words are separated by blanks;
 * '...' and "..." quote blanks and operators; '#' starts a comment.
 * Commands with a '/' are run as given; others are looked up in the
 * directories of $PATH (default /bin).  Builtins: cd, pwd, exit.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#define LINE_MAX 1024
#define MAX_WORDS 128
#define MAX_COMMANDS 16

/* Operators are these exact pointers, so a quoted "|" stays an ordinary word. */
static char PIPE[] = "|";
static char AMPERSAND[] = "&";

struct pipeline {
	char **argv[MAX_COMMANDS]; /* each NULL-terminated, pointing into the word array */
	int count;
	int background;
};

static int last_status; /* of the last foreground command, for `exit` without a number */
static int job_control;  /* interactive on a terminal: each job gets a process group */

/*
 * Reads one line without its newline.  Reads a byte at a time: the
 * commands we start share our standard input, and must find the rest of
 * it unread.  A line too long for buf is cut short.  Returns -1 at end
 * of input with nothing read.
 */
static int read_line(int fd, char *buf, size_t size)
{
	size_t len = 0;
	char c;
	ssize_t n;

	while ((n = read(fd, &c, 1)) == 1 && c != '\n')
		if (len + 1 < size)
			buf[len++] = c;
	buf[len] = '\0';
	return n == 1 || len > 0 ? (int)len : -1;
}

static int is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r';
}

/*
 * Splits line into words, copied NUL-terminated into text (which needs
 * at most strlen(line) + 1 bytes: quotes and delimiters are dropped, one
 * NUL per word added).  Returns the number of words, or -1 if there are
 * too many or a quote is not closed.
 */
static int split_words(const char *in, char *text, char **words)
{
	int n = 0;

	for (;;) {
		while (is_blank(*in))
			in++;
		if (!*in || *in == '#')
			return n;
		if (n == MAX_WORDS - 1)
			return -1;
		if (*in == '|' || *in == '&') {
			words[n++] = *in++ == '|' ? PIPE : AMPERSAND;
			continue;
		}
		words[n++] = text;
		while (*in && !is_blank(*in) && *in != '|' && *in != '&') {
			if (*in == '\'' || *in == '"') {
				const char *close = strchr(in + 1, *in);
				if (!close)
					return -1;
				memcpy(text, in + 1, (size_t)(close - in - 1));
				text += close - in - 1;
				in = close + 1;
			} else {
				*text++ = *in++;
			}
		}
		*text++ = '\0';
	}
}

/*
 * Groups the words into commands at each '|' (replacing it by the NULL
 * that ends the command's argv) and takes a final '&'.  Returns 0, or -1
 * for an empty command or a misplaced '&'.
 */
static int parse(char **words, int n, struct pipeline *p)
{
	p->count = 0;
	p->background = n > 0 && words[n - 1] == AMPERSAND;
	if (p->background)
		n--;
	words[n] = NULL;

	for (int start = 0, i = 0; i <= n; i++) {
		if (i < n && words[i] != PIPE && words[i] != AMPERSAND)
			continue;
		if (i < n && words[i] == AMPERSAND)
			return -1;
		if (i == start || p->count == MAX_COMMANDS)
			return -1;
		words[i] = NULL;
		p->argv[p->count++] = words + start;
		start = i + 1;
	}
	return 0;
}

/* Runs a builtin and returns its status, or -1 if argv is no builtin. */
static int builtin(char **argv)
{
	if (strcmp(argv[0], "exit") == 0)
		exit(argv[1] ? atoi(argv[1]) : last_status);
	if (strcmp(argv[0], "cd") == 0) {
		const char *dir = argv[1] ? argv[1] : getenv("HOME") ? getenv("HOME") : "/";
		if (chdir(dir) < 0) {
			fprintf(stderr, "sh: cd: %s: %s\n", dir, strerror(errno));
			return 1;
		}
		return 0;
	}
	if (strcmp(argv[0], "pwd") == 0) {
		char cwd[512];
		if (!getcwd(cwd, sizeof(cwd))) {
			perror("sh: pwd");
			return 1;
		}
		puts(cwd);
		return 0;
	}
	return -1;
}

/*
 * Tries each directory of $PATH in turn.  Returns only if all failed,
 * with errno from the most telling failure: a program that exists but
 * cannot run beats "no such file".
 */
static void exec_in_path(char **argv)
{
	const char *dirs = getenv("PATH");
	int error = ENOENT;

	if (!dirs || !*dirs)
		dirs = "/bin";
	for (const char *d = dirs; *d; d += *d == ':') {
		char path[512];
		int len = (int)strcspn(d, ":");
		snprintf(path, sizeof(path), "%.*s/%s", len, d, argv[0]);
		d += len;
		execve(path, argv, environ);
		if (errno != ENOENT && errno != ENOTDIR)
			error = errno;
	}
	errno = error;
}

/* In a child: runs argv as a builtin or a program, never returning. */
static void run_command(char **argv)
{
	int status = builtin(argv);
	if (status >= 0)
		exit(status);

	int searched = !strchr(argv[0], '/');
	if (searched)
		exec_in_path(argv);
	else
		execve(argv[0], argv, environ);
	if (errno == ENOENT && searched)
		fprintf(stderr, "sh: %s: command not found\n", argv[0]);
	else
		fprintf(stderr, "sh: %s: %s\n", argv[0], strerror(errno));
	/* Like other shells: 127 if there is no such program, 126 if it could not run. */
	_exit(errno == ENOENT ? 127 : 126);
}

/*
 * Starts one process per command, each reading the previous one's pipe;
 * fills pids and returns how many started.
 */
static int start_pipeline(const struct pipeline *p, pid_t *pids)
{
	int in = STDIN_FILENO;
	int started = 0;
	pid_t pgid = 0; /* the job's group: its first process's pid */

	for (int i = 0; i < p->count; i++) {
		int fds[2] = { -1, -1 };
		int last = i == p->count - 1;

		if (!last && pipe(fds) < 0) {
			perror("sh: pipe");
			break;
		}
		pid_t pid = fork();
		/* Both sides set the group, so it is set whichever runs first. */
		if (pid >= 0 && job_control)
			setpgid(pid == 0 ? 0 : pid, pgid);
		if (pid > 0 && !pgid)
			pgid = pid;
		if (pid == 0) {
			if (job_control) { /* the shell ignores these; its jobs must not */
				signal(SIGINT, SIG_DFL);
				signal(SIGQUIT, SIG_DFL);
			}
			if (in != STDIN_FILENO) {
				dup2(in, STDIN_FILENO);
				close(in);
			}
			if (!last) {
				dup2(fds[1], STDOUT_FILENO);
				close(fds[0]);
				close(fds[1]);
			}
			run_command(p->argv[i]);
		}
		/* The parent keeps no pipe ends, or readers would never see end of file. */
		if (in != STDIN_FILENO)
			close(in);
		if (!last)
			close(fds[1]);
		in = fds[0];
		if (pid < 0) {
			perror("sh: fork");
			break;
		}
		pids[started++] = pid;
	}
	if (in != STDIN_FILENO && in >= 0)
		close(in);
	return started;
}

/* Says how a job ended, as bash does, if it did not simply succeed. */
static void describe(int status)
{
	if (WIFSIGNALED(status))
		fprintf(stderr, "%s (signal %d)\n", strsignal(WTERMSIG(status)), WTERMSIG(status));
	else if (WEXITSTATUS(status))
		fprintf(stderr, "[exit %d]\n", WEXITSTATUS(status));
}

static void run_pipeline(const struct pipeline *p)
{
	pid_t pids[MAX_COMMANDS];

	if (p->count == 1 && !p->background) {
		int status = builtin(p->argv[0]);
		if (status >= 0) {
			last_status = status;
			return;
		}
	}
	int n = start_pipeline(p, pids);
	if (n == 0)
		return;
	if (p->background) {
		printf("[%d]\n", pids[n - 1]);
		return;
	}
	/* The job owns the terminal (Ctrl-C goes to it) until it ends. */
	if (job_control)
		tcsetpgrp(STDIN_FILENO, pids[0]);
	/* The pipeline's status is its last command's. */
	int status = 0;
	for (int i = 0; i < n; i++)
		waitpid(pids[i], &status, 0);
	if (job_control)
		tcsetpgrp(STDIN_FILENO, getpgrp());
	last_status = WIFSIGNALED(status) ? 128 + WTERMSIG(status) : WEXITSTATUS(status);
	describe(status);
}

static void run_line(const char *line)
{
	char text[2 * LINE_MAX];
	char *words[MAX_WORDS];
	struct pipeline p;

	if (strlen(line) >= LINE_MAX) {
		fprintf(stderr, "sh: line too long\n");
		return;
	}
	int n = split_words(line, text, words);
	if (n == 0)
		return;
	if (n < 0 || parse(words, n, &p) < 0) {
		fprintf(stderr, "sh: syntax error\n");
		last_status = 2;
		return;
	}
	run_pipeline(&p);
}

/* Background jobs that ended since the last prompt: reap them and say so. */
static void reap_background(void)
{
	int status;
	pid_t pid;

	while ((pid = waitpid(-1, &status, WNOHANG)) > 0) {
		fprintf(stderr, "[%d] done\n", pid);
		describe(status);
	}
}

static int run_file(int fd, int interactive)
{
	char line[LINE_MAX];

	for (;;) {
		reap_background();
		if (interactive) {
			printf("# ");
			fflush(stdout);
		}
		if (read_line(fd, line, sizeof(line)) < 0)
			return last_status;
		run_line(line);
	}
}

/*
 * On a terminal, like an interactive bash: the shell leads a process group of
 * its own, holds the terminal between jobs, and ignores Ctrl-C and Ctrl-\
 * itself, so they stop only the job in the foreground.
 */
static void start_job_control(void)
{
	if (!isatty(STDIN_FILENO))
		return;
	job_control = 1;
	setpgid(0, 0);
	tcsetpgrp(STDIN_FILENO, getpgrp());
	signal(SIGINT, SIG_IGN);
	signal(SIGQUIT, SIG_IGN);
}

int main(int argc, char **argv)
{
	if (argc == 3 && strcmp(argv[1], "-c") == 0) {
		run_line(argv[2]);
		return last_status;
	}
	if (argc == 2) {
		int fd = open(argv[1], O_RDONLY);
		if (fd < 0) {
			fprintf(stderr, "sh: %s: %s\n", argv[1], strerror(errno));
			return 127;
		}
		return run_file(fd, 0);
	}
	start_job_control();
	return run_file(STDIN_FILENO, 1);
}
