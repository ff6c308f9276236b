/* sleep SECONDS: wait that many whole seconds. */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

int main(int argc, char **argv)
{
	char *end;

	if (argc != 2) {
		fprintf(stderr, "usage: sleep SECONDS\n");
		return 1;
	}
	long seconds = strtol(argv[1], &end, 10);
	if (*end || end == argv[1] || seconds < 0) {
		fprintf(stderr, "sleep: invalid time interval '%s'\n", argv[1]);
		return 1;
	}
	struct timespec t = { .tv_sec = seconds, .tv_nsec = 0 };
	if (nanosleep(&t, NULL) < 0) {
		perror("sleep");
		return 1;
	}
	return 0;
}
