/*
 * The C library's threads and process creation, as a real program uses
 * them: four pthreads adding to a counter under a mutex, a condition
 * variable they wait on, a barrier, thread-local storage, posix_spawn and
 * vfork + execve of this program again (and waitpid), system(), popen().  Built twice on the host, with
 * musl-gcc -static and with gcc -static (glibc); tests/debian/cases runs
 * both on the host and on Cowl.
 */
#include <pthread.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#define THREADS 4
#define ADDS 10000

extern char **environ;

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t go = PTHREAD_COND_INITIALIZER;
static pthread_barrier_t halfway;
static int started, released;
static long counter;
static __thread int mine;

static void *worker(void *arg)
{
	mine = (int)(long)arg;
	pthread_mutex_lock(&lock);
	started++;
	pthread_cond_broadcast(&go);
	while (!released)
		pthread_cond_wait(&go, &lock);
	pthread_mutex_unlock(&lock);
	for (int i = 0; i < ADDS; i++) {
		if (i == ADDS / 2)
			pthread_barrier_wait(&halfway);
		pthread_mutex_lock(&lock);
		counter++;
		pthread_mutex_unlock(&lock);
	}
	return (void *)(long)(mine * 10);
}

static void threads(void)
{
	pthread_t t[THREADS];
	long sum = 0;
	void *ret;

	pthread_barrier_init(&halfway, NULL, THREADS);
	for (long i = 0; i < THREADS; i++)
		if (pthread_create(&t[i], NULL, worker, (void *)(i + 1)) != 0)
			printf("pthread_create failed\n");
	pthread_mutex_lock(&lock);
	while (started < THREADS)
		pthread_cond_wait(&go, &lock);
	released = 1;
	pthread_cond_broadcast(&go);
	pthread_mutex_unlock(&lock);
	for (int i = 0; i < THREADS; i++) {
		pthread_join(t[i], &ret);
		sum += (long)ret;
	}
	printf("threads: counter %ld, joined sum %ld, main's tls %d\n", counter, sum, mine);
}

static void spawn(const char *self)
{
	char *argv[] = { (char *)self, "child", "two words", NULL };
	pid_t pid;
	int status, err = posix_spawn(&pid, self, NULL, NULL, argv, environ);

	if (err) {
		printf("posix_spawn: %s\n", strerror(err));
		return;
	}
	waitpid(pid, &status, 0);
	printf("posix_spawn: child exited %d\n", WEXITSTATUS(status));
	fflush(stdout);
	pid = vfork();
	if (pid == 0) {
		execve(self, argv, environ);
		_exit(127);
	}
	waitpid(pid, &status, 0);
	printf("vfork: child exited %d\n", WEXITSTATUS(status));
}

static void shell(void)
{
	char line[64] = "";
	FILE *p = popen("busybox echo from popen", "r"); /* Cowl's sh has no echo built in */

	if (!p || !fgets(line, sizeof(line), p))
		printf("popen failed\n");
	printf("popen: %s", line);
	printf("popen: pclose %d\n", p ? pclose(p) : -1);
	fflush(stdout);
	printf("system: %d\n", WEXITSTATUS(system("exit 3")));
}

int main(int argc, char **argv)
{
	if (argc > 1) {
		printf("child: argc %d, argv[2] '%s'\n", argc, argv[2]);
		return 7;
	}
	threads();
	fflush(stdout);
	spawn(argv[0]);
	shell();
	return 0;
}
