/* kill [-SIGNAL] PID...: send a signal (default TERM) given as a number or a name like KILL or SIGKILL. */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The signal number for "9", "KILL" or "SIGKILL"; 0 if there is none. */
static int parse_signal(const char *s)
{
	char *end;
	long n = strtol(s, &end, 10);

	if (end != s && *end == '\0')
		return n > 0 && n <= _NSIG ? (int)n : 0;
	if (strncmp(s, "SIG", 3) == 0)
		s += 3;
	for (int sig = 1; sig < _NSIG; sig++) {
		const char *name = sigabbrev_np(sig);
		if (name && strcmp(name, s) == 0)
			return sig;
	}
	return 0;
}

int main(int argc, char **argv)
{
	int sig = SIGTERM;
	int i = 1;
	int status = 0;

	if (i < argc && argv[i][0] == '-') {
		sig = parse_signal(argv[i] + 1);
		if (!sig) {
			fprintf(stderr, "kill: %s: invalid signal specification\n", argv[i] + 1);
			return 1;
		}
		i++;
	}
	if (i == argc) {
		fprintf(stderr, "usage: kill [-SIGNAL] PID...\n");
		return 1;
	}
	for (; i < argc; i++) {
		char *end;
		long pid = strtol(argv[i], &end, 10);
		if (*end || end == argv[i]) {
			fprintf(stderr, "kill: %s: arguments must be process IDs\n", argv[i]);
			status = 1;
		} else if (kill((pid_t)pid, sig) < 0) {
			fprintf(stderr, "kill: (%ld) - ", pid);
			perror(NULL);
			status = 1;
		}
	}
	return status;
}
