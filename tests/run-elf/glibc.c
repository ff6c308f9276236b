/*
 * A program built against the host's glibc with `gcc -static -pthread`:
 * glibc's start-up (TLS through arch_prctl, set_tid_address, brk, mmap),
 * stdio, malloc, fork + wait, and a thread created and joined with glibc's
 * own futex calls (FUTEX_WAIT_BITSET).  It must run on Cowl unchanged.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static void *thread_main(void *arg)
{
	return (char *)arg + 1;
}

int main(int argc, char **argv)
{
	char *buf = malloc(1 << 20);
	int status;
	pthread_t t;
	void *res;

	memset(buf, 'x', 1 << 20);
	pid_t pid = fork();
	if (pid == 0)
		exit(buf[12345] == 'x' ? 7 : 1);
	waitpid(pid, &status, 0);
	pthread_create(&t, NULL, thread_main, (void *)122);
	pthread_join(t, &res);
	printf("glibc: %s %s, child %d, thread %ld\n", argv[0], argc > 1 ? argv[1] : "-", WEXITSTATUS(status),
	       (long)res);
	return 0;
}
