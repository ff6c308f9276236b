/*
 * clonedemo: what each clone flag shares.  For CLONE_VM, CLONE_FILES,
 * CLONE_FS, CLONE_SIGHAND and CLONE_THREAD the same child runs twice, with
 * and without the flag, and the parent looks afterwards at what the child
 * changed.  Children never print (with CLONE_VM they would share our stdio
 * buffer); they leave their findings on a MAP_SHARED page, which every
 * child shares whatever the flags.
 */
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/thread.h>
#include <sys/wait.h>
#include <unistd.h>

static char stack[64 * 1024] __attribute__((aligned(16)));
#define STACK_TOP (stack + sizeof(stack))

struct board { /* what a child reports */
	int fd;
	pid_t pid, tid, ppid;
};
static struct board *board;
static int global = 1;

/* Runs fn in a child with `flags` and waits for it to finish. */
static void run(int (*fn)(void *), int flags)
{
	int tid_word = 1;

	if (flags & CLONE_THREAD) {
		/* A thread cannot be waited for: the kernel zeroes tid_word and wakes us when it ends. */
		flags |= CLONE_CHILD_CLEARTID;
		if (clone(fn, STACK_TOP, flags, NULL, NULL, NULL, &tid_word) < 0)
			perror("clone");
		while (tid_word)
			futex(&tid_word, FUTEX_WAIT, 1, NULL, NULL, 0);
		return;
	}
	pid_t pid = clone(fn, STACK_TOP, flags | SIGCHLD, NULL, NULL, NULL, NULL);
	if (pid < 0)
		perror("clone");
	else
		waitpid(pid, NULL, 0);
}

static int vm_child(void *arg)
{
	(void)arg;
	global = 2;
	return 0;
}

static void show_vm(void)
{
	printf("CLONE_VM: the child sets the global variable `global` from 1 to 2.\n");
	global = 1;
	run(vm_child, 0);
	printf("  without: parent still reads global = %d (the child wrote its own copy)\n", global);
	run(vm_child, CLONE_VM);
	printf("  with:    parent reads global = %d (one address space for both)\n\n", global);
}

static int files_child(void *arg)
{
	(void)arg;
	board->fd = open("/", O_RDONLY);
	return 0;
}

static void show_files(void)
{
	struct stat st;

	printf("CLONE_FILES: the child opens \"/\" and reports the descriptor number.\n");
	run(files_child, 0);
	printf("  without: child got fd %d; in the parent fd %d is %s\n", board->fd, board->fd,
	       fstat(board->fd, &st) == 0 ? "open (?)" : "not open (separate fd tables)");
	run(files_child, CLONE_FILES);
	printf("  with:    child got fd %d; in the parent fd %d is %s\n\n", board->fd, board->fd,
	       fstat(board->fd, &st) == 0 ? "open too (one fd table)" : "not open (?)");
	close(board->fd);
}

static int fs_child(void *arg)
{
	(void)arg;
	return chdir("/proc");
}

static void show_fs(void)
{
	char start[256], cwd[256];

	getcwd(start, sizeof(start));
	printf("CLONE_FS: the child changes directory to /proc (the parent is in %s).\n", start);
	run(fs_child, 0);
	printf("  without: parent's cwd is %s\n", getcwd(cwd, sizeof(cwd)));
	run(fs_child, CLONE_FS);
	printf("  with:    parent's cwd is %s (cwd, root and umask are shared)\n\n", getcwd(cwd, sizeof(cwd)));
	chdir(start);
}

static void on_usr1(int sig)
{
	(void)sig;
}

static int sighand_child(void *arg)
{
	(void)arg;
	signal(SIGUSR1, on_usr1);
	return 0;
}

static const char *usr1_handler(void)
{
	struct sigaction sa;

	sigaction(SIGUSR1, NULL, &sa);
	return sa.sa_handler == SIG_DFL ? "the default" : "the child's handler";
}

static void show_sighand(void)
{
	printf("CLONE_SIGHAND (needs CLONE_VM): the child installs a handler for SIGUSR1.\n");
	run(sighand_child, CLONE_VM);
	printf("  without: the parent's SIGUSR1 action is %s\n", usr1_handler());
	run(sighand_child, CLONE_VM | CLONE_SIGHAND);
	printf("  with:    the parent's SIGUSR1 action is %s (one handler table)\n\n", usr1_handler());
	signal(SIGUSR1, SIG_DFL);
}

static int thread_child(void *arg)
{
	(void)arg;
	board->pid = getpid();
	board->tid = gettid();
	board->ppid = getppid();
	return 0;
}

static void show_thread(void)
{
	int flags = CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND;

	printf("CLONE_THREAD (needs CLONE_SIGHAND): I am pid %d, tid %d, my parent is %d.\n", getpid(), gettid(),
	       getppid());
	run(thread_child, flags);
	printf("  without: child has pid %d, tid %d, parent %d: a new process, my child\n", board->pid,
	       board->tid, board->ppid);
	run(thread_child, flags | CLONE_THREAD);
	printf("  with:    child has pid %d, tid %d, parent %d: a new thread of MY process,\n"
	       "           so it shares my pid and my parent; only its tid is its own\n",
	       board->pid, board->tid, board->ppid);
}

int main(void)
{
	board = mmap(NULL, sizeof(*board), PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (board == MAP_FAILED) {
		perror("mmap");
		return 1;
	}
	printf("clonedemo: each flag, without and with.\n\n");
	fflush(stdout);
	show_vm();
	show_files();
	show_fs();
	show_sighand();
	show_thread();
	return 0;
}
