/*
 * runcases CASES: runs each case of the file CASES (tests/debian/cases says
 * how one is written) and prints what it wrote and how it ended, for
 * tools/test to compare between the host and Cowl:
 *
 *   === NAME
 *   | each line of its output (standard output and error, merged)
 *   \ no newline at end          (when its last line had none)
 *   === status N                 (exit code, or 128 + the killing signal)
 *   === status time-out          (killed, with its process group, after
 *                                 CASE_TIMEOUT seconds)
 *
 * A case runs in a process group of its own, with standard input
 * /dev/null, and as cwd and only PATH the directory of runcases itself
 * (everything it needs is put beside it), HOME=/; its program is named
 * relative to that directory.  Built on the host with
 * gcc -static: the same binary runs on both sides.  It uses no alarm or
 * poll, which Cowl lacks: a watchdog process sleeps and kills.
 */
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#define CASE_TIMEOUT 5
#define MAX_ARGS 16

static char *env[3];

/* The text of `path`, NUL-terminated; exits if it cannot be read. */
static char *slurp(const char *path)
{
	FILE *f = fopen(path, "r");
	char *text;
	long len;

	if (!f || fseek(f, 0, SEEK_END) < 0 || (len = ftell(f)) < 0 || fseek(f, 0, SEEK_SET) < 0 ||
	    !(text = malloc(len + 1)) || fread(text, 1, len, f) != (size_t)len) {
		perror(path);
		exit(2);
	}
	text[len] = '\0';
	fclose(f);
	return text;
}

/* Prints the output of a case, each line after "| ". */
static void print_output(const char *out, size_t len)
{
	size_t start = 0;

	for (size_t i = 0; i < len; i++) {
		if (out[i] == '\n') {
			printf("| %.*s\n", (int)(i - start), out + start);
			start = i + 1;
		}
	}
	if (start < len)
		printf("| %.*s\n\\ no newline at end\n", (int)(len - start), out + start);
}

/* Forks the case argv into its own process group, output into `out_fd`. */
static pid_t start_case(char **argv, int out_fd)
{
	pid_t pid = fork();

	if (pid == 0) {
		int in = open("/dev/null", O_RDONLY);
		setpgid(0, 0);
		dup2(in, 0);
		dup2(out_fd, 1);
		dup2(out_fd, 2);
		execve(argv[0], argv, env);
		fprintf(stderr, "runcases: %s: %m\n", argv[0]);
		_exit(127);
	}
	if (pid > 0)
		setpgid(pid, pid);
	return pid;
}

/* A process that kills process group `pgid` after CASE_TIMEOUT seconds. */
static pid_t start_watchdog(pid_t pgid)
{
	pid_t pid = fork();

	if (pid == 0) {
		sleep(CASE_TIMEOUT);
		kill(-pgid, SIGKILL);
		_exit(0);
	}
	return pid;
}

static void run_case(const char *name, char **argv)
{
	static char out[1 << 16];
	size_t len = 0;
	ssize_t n;
	int fds[2], status, dog_status;

	fflush(stdout);
	if (pipe(fds) < 0) {
		perror("runcases: pipe");
		exit(2);
	}
	pid_t pid = start_case(argv, fds[1]);
	close(fds[1]);
	if (pid < 0) {
		perror("runcases: fork");
		exit(2);
	}
	pid_t dog = start_watchdog(pid);
	while ((n = read(fds[0], out + len, sizeof(out) - len)) > 0 && (len += n) < sizeof(out))
		;
	close(fds[0]);
	waitpid(pid, &status, 0);
	kill(dog, SIGKILL);
	waitpid(dog, &dog_status, 0);
	printf("=== %s\n", name);
	print_output(out, len);
	if (WIFEXITED(dog_status))
		printf("=== status time-out\n");
	else
		printf("=== status %d\n", WIFSIGNALED(status) ? 128 + WTERMSIG(status) : WEXITSTATUS(status));
}

/*
 * Cuts the case header "=== NAME | ARGV[ | reason]" at `line` into its name
 * and argv; returns the number of words in argv.
 */
static int parse_header(char *line, char **name, char **argv)
{
	char *words = strstr(line, " | "), *reason;
	int argc = 0;

	*name = line + 4;
	if (!words)
		return 0;
	*words = '\0';
	words += 3;
	if ((reason = strstr(words, " | ")))
		*reason = '\0';
	for (char *w = strtok(words, " "); w && argc < MAX_ARGS - 3; w = strtok(NULL, " "))
		argv[argc++] = w;
	return argc;
}

int main(int argc, char **argv)
{
	static char path[4096];
	char *text, *line, *next, *name, *args[MAX_ARGS];

	if (argc != 2) {
		fprintf(stderr, "usage: runcases CASES\n");
		return 2;
	}
	text = slurp(argv[1]);
	snprintf(path, sizeof(path), "%s", argv[0]);
	*strrchr(path, '/') = '\0';
	if (chdir(path) < 0) {
		perror(path);
		return 2;
	}
	static char path_env[sizeof(path) + 5];
	snprintf(path_env, sizeof(path_env), "PATH=%s", getcwd(path, sizeof(path)) ? path : ".");
	env[0] = path_env;
	env[1] = "HOME=/";

	line = strstr(text, "\n=== ");
	while (line) {
		line++;
		next = strstr(line, "\n=== ");
		if (next)
			*next = '\0';
		char *body = strchr(line, '\n');
		if (body)
			*body++ = '\0';
		int n = parse_header(line, &name, args);
		if (n == 0) {
			fprintf(stderr, "runcases: no command in '%s'\n", line);
			return 2;
		}
		if (body && body[strspn(body, " \t\n")]) {
			args[n++] = "-c";
			args[n++] = body;
		}
		args[n] = NULL;
		run_case(name, args);
		line = next;
	}
	return 0;
}
