/*
 * sh: a small shell.
 *
 *   sh            read commands from standard input, prompting with "# "
 *   sh FILE       run the commands in FILE
 *   sh -c LINE    run one command line
 *
 * A line is a pipeline of commands separated by '|', optionally ending
 * with '&' to run it in the background.  Each command may redirect its
 * input from a file ('< FILE') and its output to one ('> FILE' truncates,
 * '>> FILE' appends).  Words are separated by blanks; '...' and "..."
 * quote blanks and operators; '#' starts a comment; $? (outside '...') is
 * the status of the last command.  Commands with a '/' are run as given;
 * others are looked up in the directories of $PATH (default /bin).
 * Builtins: cd, pwd, exit, help, and for jobs: jobs, fg [N], bg [N].  On a
 * terminal, lines are edited with the cursor keys and Up/Down recall
 * earlier ones (lineedit.h), and there is job control: each pipeline is a
 * job in a process group of its own, which has the terminal while it runs
 * in the foreground; Ctrl-Z stops it, `fg` continues it in the foreground
 * and `bg` in the background.
 */
#include <errno.h>
#include <fcntl.h>
#include <lineedit.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#define LINE_MAX LINEEDIT_MAX
#define MAX_WORDS 128
#define MAX_COMMANDS 16

/* Operators are these exact pointers, so a quoted "|" stays an ordinary word. */
static char PIPE[] = "|";
static char AMPERSAND[] = "&";
static char LESS[] = "<";
static char GREAT[] = ">";
static char DGREAT[] = ">>";

struct command {
	char **argv;      /* NULL-terminated, pointing into the word array */
	const char *in;   /* the file of '<', or NULL */
	const char *out;  /* the file of '>' or '>>', or NULL */
	int append;       /* '>>' */
};

struct pipeline {
	struct command cmd[MAX_COMMANDS];
	int count;
	int background;
};

/* What an interactive shell ignores itself: typed at the terminal, or sent for touching it from the background. */
static const int job_signals[] = { SIGINT, SIGQUIT, SIGTSTP, SIGTTIN, SIGTTOU };

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

static int is_operator(char c)
{
	return c == '|' || c == '&' || c == '<' || c == '>';
}

/* The operator at in (which is_operator), advancing in past it. */
static char *take_operator(const char **in)
{
	char c = *(*in)++;

	if (c == '>' && **in == '>') {
		(*in)++;
		return DGREAT;
	}
	return c == '|' ? PIPE : c == '&' ? AMPERSAND : c == '<' ? LESS : GREAT;
}

/* Copies n bytes of a word to out, "$?" becoming the last status unless literal; returns the new end. */
static char *copy_text(char *out, const char *in, size_t n, int literal)
{
	for (size_t i = 0; i < n; i++) {
		if (!literal && in[i] == '$' && i + 1 < n && in[i + 1] == '?') {
			out += snprintf(out, 4, "%d", last_status & 0xff);
			i++;
		} else {
			*out++ = in[i];
		}
	}
	return out;
}

/*
 * Splits line into words, copied NUL-terminated into text (which needs at
 * most 2 * strlen(line) + 1 bytes: quotes and delimiters are dropped, one
 * NUL per word added, and each two-byte "$?" grows to at most three
 * digits).  Returns the number of words, or -1 if there are too many or a
 * quote is not closed.
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
		if (is_operator(*in)) {
			words[n++] = take_operator(&in);
			continue;
		}
		words[n++] = text;
		while (*in && !is_blank(*in) && !is_operator(*in)) {
			if (*in == '\'' || *in == '"') {
				const char *close = strchr(in + 1, *in);
				if (!close)
					return -1;
				text = copy_text(text, in + 1, (size_t)(close - in - 1), *in == '\'');
				in = close + 1;
			} else {
				size_t len = in[0] == '$' && in[1] == '?' ? 2 : 1;
				text = copy_text(text, in, len, 0);
				in += len;
			}
		}
		*text++ = '\0';
	}
}

static int is_redirection(const char *word)
{
	return word == LESS || word == GREAT || word == DGREAT;
}

/*
 * Takes the redirections out of words[start..end), keeping the other
 * words in order from words[start] and ending them with NULL.  Returns 0,
 * or -1 if an operator has no file name after it or no word is left.
 */
static int parse_command(char **words, int start, int end, struct command *c)
{
	int kept = start;

	c->in = c->out = NULL;
	c->append = 0;
	for (int i = start; i < end; i++) {
		if (!is_redirection(words[i])) {
			words[kept++] = words[i];
			continue;
		}
		if (i + 1 == end || is_redirection(words[i + 1]))
			return -1;
		if (words[i] == LESS) {
			c->in = words[i + 1];
		} else {
			c->out = words[i + 1];
			c->append = words[i] == DGREAT;
		}
		i++;
	}
	words[kept] = NULL;
	c->argv = words + start;
	return kept == start ? -1 : 0;
}

/*
 * Groups the words into commands at each '|' and takes a final '&'.
 * Returns 0, or -1 for an empty command, a misplaced '&' or a redirection
 * without its file.
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
		if (p->count == MAX_COMMANDS || parse_command(words, start, i, &p->cmd[p->count]) < 0)
			return -1;
		p->count++;
		start = i + 1;
	}
	return 0;
}

static int sh_help(char **argv)
{
	(void)argv;
	puts("Cowl's sh: a pipeline per line, e.g.  ls /bin | cat > /dev/null &\n"
	     "  cmd1 | cmd2     pipe      cmd &     in the background\n"
	     "  < FILE  > FILE  >> FILE   read from, write to, append to FILE\n"
	     "  '...' \"...\"     quote     $?        the last status   # comment\n"
	     "builtins: cd [DIR], pwd, exit [N], help; jobs, fg [N], bg [N]\n"
	     "keys: Left/Right/Home/End edit, Up/Down history, Ctrl-C drops the line,\n"
	     "      Ctrl-C ends the job in the foreground, Ctrl-Z stops it\n"
	     "programs: ls /bin");
	return 0;
}

static int sh_exit(char **argv)
{
	exit(argv[1] ? atoi(argv[1]) : last_status);
}

static int sh_cd(char **argv)
{
	const char *dir = argv[1] ? argv[1] : getenv("HOME") ? getenv("HOME") : "/";

	if (chdir(dir) < 0) {
		fprintf(stderr, "sh: cd: %s: %s\n", dir, strerror(errno));
		return 1;
	}
	return 0;
}

static int sh_pwd(char **argv)
{
	char cwd[512];

	(void)argv;
	if (!getcwd(cwd, sizeof(cwd))) {
		perror("sh: pwd");
		return 1;
	}
	puts(cwd);
	return 0;
}

/* Says how a job ended, as bash does, if it did not simply succeed. */
static void describe(int status)
{
	int sig = WTERMSIG(status);

	/* After Ctrl-C or Ctrl-\ the terminal shows "^C" and no newline: start one, as bash does. */
	if (WIFSIGNALED(status))
		fprintf(stderr, "%s%s (signal %d)\n", sig == SIGINT || sig == SIGQUIT ? "\n" : "", strsignal(sig), sig);
	else if (WEXITSTATUS(status))
		fprintf(stderr, "[exit %d]\n", WEXITSTATUS(status));
}

/* ---------------------------------------------------------------- jobs */

#define MAX_JOBS 16

/* A pipeline the shell started and has not yet seen end; jobs[i] is job number i + 1. */
struct job {
	int count;                /* its processes; 0: the slot is free */
	pid_t pgid;               /* its process group (with job control) */
	pid_t pids[MAX_COMMANDS]; /* each becomes 0 once that process has ended */
	int status;               /* the last command's wait status, once it has ended */
	int stopped, told;        /* stopped; and the user was told so */
	char line[64];            /* what was typed, for `jobs` */
};

static struct job jobs[MAX_JOBS];

static int job_number(const struct job *j)
{
	return (int)(j - jobs) + 1;
}

static int processes_left(const struct job *j)
{
	int left = 0;

	for (int i = 0; i < j->count; i++)
		left += j->pids[i] != 0;
	return left;
}

static struct job *free_job_slot(void)
{
	for (int i = 0; i < MAX_JOBS; i++)
		if (!jobs[i].count)
			return &jobs[i];
	return NULL;
}

/* What waitpid said about pid goes to its job. */
static void note_status(pid_t pid, int status)
{
	for (int i = 0; i < MAX_JOBS; i++) {
		struct job *j = &jobs[i];
		for (int k = 0; k < j->count; k++) {
			if (j->pids[k] != pid)
				continue;
			if (WIFSTOPPED(status)) {
				j->stopped = 1;
			} else {
				j->pids[k] = 0;
				if (k == j->count - 1)
					j->status = status;
			}
			return;
		}
	}
}

/* The job `arg` names ("N" or "%N"), or without one the latest. */
static struct job *find_job(const char *arg)
{
	int n = arg ? atoi(arg[0] == '%' ? arg + 1 : arg) : 0;

	if (arg && (n < 1 || n > MAX_JOBS || !jobs[n - 1].count))
		return NULL;
	if (arg)
		return &jobs[n - 1];
	for (int i = MAX_JOBS - 1; i >= 0; i--)
		if (jobs[i].count)
			return &jobs[i];
	return NULL;
}

/* SIGCONT (or any signal) to the whole job: its group, or without job control each process. */
static void signal_job(struct job *j, int sig)
{
	if (job_control) {
		kill(-j->pgid, sig);
		return;
	}
	for (int i = 0; i < j->count; i++)
		if (j->pids[i])
			kill(j->pids[i], sig);
}

/*
 * The job in the foreground: it has the terminal (Ctrl-C and Ctrl-Z go to
 * it) until it ends or stops.  Other children that end meanwhile are noted
 * for their own jobs.  Sets $? as bash does (128 + the signal for a stop).
 */
static void wait_for_job(struct job *j)
{
	int status;
	pid_t pid;

	if (job_control)
		tcsetpgrp(STDIN_FILENO, j->pgid);
	while (processes_left(j) && !j->stopped && (pid = waitpid(-1, &status, WUNTRACED)) > 0)
		note_status(pid, status);
	if (job_control)
		tcsetpgrp(STDIN_FILENO, getpgrp());
	if (j->stopped) {
		fprintf(stderr, "\n[%d] Stopped  %s\n", job_number(j), j->line);
		j->told = 1;
		last_status = 128 + SIGTSTP;
		return;
	}
	last_status = WIFSIGNALED(j->status) ? 128 + WTERMSIG(j->status) : WEXITSTATUS(j->status);
	describe(j->status);
	j->count = 0;
}

static int sh_jobs(char **argv)
{
	(void)argv;
	for (int i = 0; i < MAX_JOBS; i++)
		if (jobs[i].count)
			printf("[%d] %s  %s\n", i + 1, jobs[i].stopped ? "Stopped" : "Running", jobs[i].line);
	return 0;
}

/* fg and bg: continue the job, in the foreground (waiting for it) or in the background. */
static int continue_job(char **argv, int foreground)
{
	struct job *j = find_job(argv[1]);

	if (!j) {
		fprintf(stderr, "sh: %s: no such job\n", argv[0]);
		return 1;
	}
	if (foreground)
		printf("%s\n", j->line);
	else
		printf("[%d] %s &\n", job_number(j), j->line);
	fflush(stdout);
	j->stopped = j->told = 0;
	signal_job(j, SIGCONT);
	if (foreground)
		wait_for_job(j);
	return foreground ? last_status : 0;
}

static int sh_fg(char **argv)
{
	return continue_job(argv, 1);
}

static int sh_bg(char **argv)
{
	return continue_job(argv, 0);
}

static const struct builtin {
	const char *name;
	int (*run)(char **argv); /* returns the status */
} builtins[] = {
	{ "cd", sh_cd }, { "pwd", sh_pwd }, { "exit", sh_exit }, { "help", sh_help },
	{ "jobs", sh_jobs }, { "fg", sh_fg }, { "bg", sh_bg },
};

static const struct builtin *find_builtin(const char *name)
{
	for (size_t i = 0; i < sizeof(builtins) / sizeof(builtins[0]); i++)
		if (strcmp(name, builtins[i].name) == 0)
			return &builtins[i];
	return NULL;
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

/* Opens fd onto `to`; returns -1, after saying why, if the open had failed. */
static int move_fd(int fd, int to, const char *name)
{
	if (fd < 0) {
		fprintf(stderr, "sh: %s: %s\n", name, strerror(errno));
		return -1;
	}
	if (fd != to) {
		dup2(fd, to);
		close(fd);
	}
	return 0;
}

/* Opens c's files onto standard input and output; -1 if one cannot be opened. */
static int redirect(const struct command *c)
{
	int flags = O_WRONLY | O_CREAT | (c->append ? O_APPEND : O_TRUNC);

	if (c->in && move_fd(open(c->in, O_RDONLY), STDIN_FILENO, c->in) < 0)
		return -1;
	if (c->out && move_fd(open(c->out, flags, 0666), STDOUT_FILENO, c->out) < 0)
		return -1;
	return 0;
}

/* In a child: runs c as a builtin or a program, never returning. */
static void run_command(const struct command *c)
{
	char **argv = c->argv;

	if (redirect(c) < 0)
		_exit(1);
	const struct builtin *b = find_builtin(argv[0]);
	if (b)
		exit(b->run(argv));

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
			if (job_control) /* the shell ignores these; its jobs must not */
				for (size_t s = 0; s < sizeof(job_signals) / sizeof(job_signals[0]); s++)
					signal(job_signals[s], SIG_DFL);
			if (in != STDIN_FILENO) {
				dup2(in, STDIN_FILENO);
				close(in);
			}
			if (!last) {
				dup2(fds[1], STDOUT_FILENO);
				close(fds[0]);
				close(fds[1]);
			}
			run_command(&p->cmd[i]);
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

/*
 * A builtin alone in the foreground runs in the shell itself (cd must),
 * its redirections applied to the shell's own standard input and output
 * and undone afterwards.  Returns its status.
 */
static int run_builtin(const struct builtin *b, const struct command *c)
{
	int saved_in = dup(STDIN_FILENO), saved_out = dup(STDOUT_FILENO);
	int status = redirect(c) < 0 ? 1 : b->run(c->argv);

	fflush(stdout);
	dup2(saved_in, STDIN_FILENO);
	dup2(saved_out, STDOUT_FILENO);
	close(saved_in);
	close(saved_out);
	return status;
}

static void run_pipeline(const struct pipeline *p, const char *line)
{
	const struct builtin *b = find_builtin(p->cmd[0].argv[0]);
	if (p->count == 1 && !p->background && b) {
		last_status = run_builtin(b, &p->cmd[0]);
		return;
	}
	struct job *j = free_job_slot();
	if (!j) {
		fprintf(stderr, "sh: too many jobs\n");
		last_status = 1;
		return;
	}
	pid_t pids[MAX_COMMANDS];
	int n = start_pipeline(p, pids);
	if (n == 0)
		return;
	*j = (struct job){ .count = n, .pgid = pids[0] };
	memcpy(j->pids, pids, n * sizeof(pid_t));
	snprintf(j->line, sizeof(j->line), "%s", line);
	if (p->background) {
		printf("[%d] %d\n", job_number(j), j->pids[n - 1]);
		fflush(stdout);
	} else {
		wait_for_job(j);
	}
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
	run_pipeline(&p, line);
}

/* Background jobs that ended or stopped since the last prompt: say so, and forget the ended ones. */
static void reap_background(void)
{
	int status;
	pid_t pid;

	while ((pid = waitpid(-1, &status, WNOHANG | WUNTRACED)) > 0)
		note_status(pid, status);
	for (int i = 0; i < MAX_JOBS; i++) {
		struct job *j = &jobs[i];
		if (j->count && !processes_left(j)) {
			fprintf(stderr, "[%d] Done  %s\n", i + 1, j->line);
			describe(j->status);
			j->count = 0;
		} else if (j->count && j->stopped && !j->told) {
			fprintf(stderr, "[%d] Stopped  %s\n", i + 1, j->line);
			j->told = 1;
		}
	}
}

/* The next command line: edited on a terminal, read plainly otherwise; -1 at the end. */
static int next_line(int fd, int interactive, char *line, size_t size)
{
	if (!interactive)
		return read_line(fd, line, size);
	if (job_control) {
		int n = lineedit_read(fd, "# ", line, size);
		if (n > 0)
			lineedit_remember(line);
		return n;
	}
	printf("# ");
	fflush(stdout);
	return read_line(fd, line, size);
}

static int run_file(int fd, int interactive)
{
	char line[LINE_MAX];

	for (;;) {
		reap_background();
		if (next_line(fd, interactive, line, sizeof(line)) < 0)
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
	for (size_t s = 0; s < sizeof(job_signals) / sizeof(job_signals[0]); s++)
		signal(job_signals[s], SIG_IGN);
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
