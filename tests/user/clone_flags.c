/*
 * Each clone flag, set and not set: what the child shares with its parent
 * (CLONE_VM, CLONE_FILES, CLONE_FS, CLONE_SIGHAND), who its parent is
 * (CLONE_PARENT), and the tid words (CLONE_PARENT_SETTID,
 * CLONE_CHILD_SETTID) in a child that shares memory and in one that does
 * not.  The children
 * report through a MAP_SHARED page, which every child shares.
 */
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include "procutil.h"
#include "test.h"

static char child_stack[64 * 1024] __attribute__((aligned(16)));
#define STACK_TOP (child_stack + sizeof(child_stack))

struct report {
	long value[8];
};
static volatile struct report *shm; /* MAP_SHARED: seen by every child */
static char *volatile child_map;    /* a child's mmap, seen by the parent only with CLONE_VM */
static volatile int value;          /* a child's write, the same */

/* Clones fn with flags | SIGCHLD and waits for it; returns its exit code, or -1. */
static int run_clone(int (*fn)(void *), int flags)
{
	int status;
	int pid = clone(fn, STACK_TOP, flags | SIGCHLD, NULL);

	if (pid < 0 || waitpid(pid, &status, 0) != pid || !WIFEXITED(status))
		return -1;
	return WEXITSTATUS(status);
}

static int vm_child(void *arg)
{
	(void)arg;
	char *p = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	p[0] = 'm';
	child_map = p;
	value = 42;
	return 5;
}

static void flag_vm(void)
{
	child_map = NULL;
	value = 0;
	CHECK_EQ("vm_child_ran", run_clone(vm_child, CLONE_VM), 5);
	CHECK_EQ("vm_child_write_seen", value, 42);
	CHECK("vm_child_mmap_seen", child_map != NULL && child_map[0] == 'm');
	if (child_map)
		munmap(child_map, 4096);
	child_map = NULL;
	value = 0;
	CHECK_EQ("no_vm_child_ran", run_clone(vm_child, 0), 5);
	CHECK_EQ("no_vm_child_write_unseen", value, 0);
	CHECK_EQ("no_vm_child_mmap_unseen", child_map, NULL);
}

static int fds[2];

/* Closes one end of the pipe and opens a new descriptor; reports its number. */
static int files_child(void *arg)
{
	(void)arg;
	shm->value[0] = open("/proc/vmstat", O_RDONLY);
	close(fds[0]);
	return 0;
}

static void flag_files(void)
{
	struct stat st;

	pipe(fds);
	CHECK_EQ("files_child_ran", run_clone(files_child, CLONE_FILES), 0);
	CHECK_ERRNO("files_close_seen", fstat(fds[0], &st), EBADF);
	CHECK("files_open_seen", shm->value[0] >= 0 && fstat((int)shm->value[0], &st) == 0);
	close((int)shm->value[0]);
	close(fds[1]);

	pipe(fds);
	CHECK_EQ("no_files_child_ran", run_clone(files_child, 0), 0);
	CHECK_EQ("no_files_close_unseen", fstat(fds[0], &st), 0);
	CHECK("no_files_open_unseen", shm->value[0] >= 0 && fstat((int)shm->value[0], &st) == -1 &&
	      errno == EBADF);
	close(fds[0]);
	close(fds[1]);
}

static int fs_child(void *arg)
{
	(void)arg;
	umask(077);
	return chdir("tests") == 0 ? 0 : 1;
}

static void flag_fs(void)
{
	char before[256], after[256];
	mode_t old_mask = umask(022);

	getcwd(before, sizeof(before));
	CHECK_EQ("fs_child_ran", run_clone(fs_child, CLONE_FS), 0);
	getcwd(after, sizeof(after));
	CHECK("fs_chdir_seen", strcmp(after, before) != 0 && strcmp(strrchr(after, '/'), "/tests") == 0);
	CHECK_EQ("fs_umask_seen", umask(022), 077);
	chdir(before);

	CHECK_EQ("no_fs_child_ran", run_clone(fs_child, 0), 0);
	getcwd(after, sizeof(after));
	CHECK("no_fs_chdir_unseen", strcmp(after, before) == 0);
	CHECK_EQ("no_fs_umask_unseen", umask(old_mask), 022);
}

static void handler(int sig)
{
	(void)sig;
}

static int sighand_child(void *arg)
{
	struct sigaction sa = { .sa_handler = handler };

	(void)arg;
	return sigaction(SIGUSR1, &sa, NULL) == 0 ? 0 : 1;
}

static void flag_sighand(void)
{
	struct sigaction old, dfl = { .sa_handler = SIG_DFL };

	sigaction(SIGUSR1, &dfl, NULL);
	CHECK_EQ("sighand_child_ran", run_clone(sighand_child, CLONE_VM | CLONE_SIGHAND), 0);
	CHECK("sighand_handler_seen", sigaction(SIGUSR1, &dfl, &old) == 0 && old.sa_handler == handler);
	CHECK_EQ("no_sighand_child_ran", run_clone(sighand_child, CLONE_VM), 0);
	CHECK("no_sighand_handler_unseen", sigaction(SIGUSR1, NULL, &old) == 0 && old.sa_handler == SIG_DFL);
}

/* In a child M: M clones with CLONE_PARENT, so the clone is M's sibling, our child. */
static int parent_grandchild(void *arg)
{
	(void)arg;
	shm->value[2] = getppid();
	return 33;
}

static void flag_parent(void)
{
	int status;
	pid_t me = getpid();

	shm->value[1] = shm->value[2] = shm->value[3] = 0;
	pid_t m = fork();
	if (m == 0) {
		/* exit signal 0: a CLONE_PARENT child takes ours (SIGCHLD) instead */
		int pid = clone(parent_grandchild, STACK_TOP, CLONE_PARENT, NULL);
		shm->value[1] = pid;
		shm->value[3] = pid > 0 && wait4(pid, &status, __WALL, NULL) == -1 && errno == ECHILD;
		_exit(0);
	}
	CHECK("parent_middle_status", waitpid(m, &status, 0) == m && WIFEXITED(status));
	pid_t sibling = (pid_t)shm->value[1];
	CHECK("parent_clone_ok", sibling > 0);
	CHECK_EQ("parent_caller_cannot_wait", shm->value[3], 1);
	CHECK("parent_we_reap_sibling", sibling > 0 && waitpid(sibling, &status, 0) == sibling &&
	      WIFEXITED(status) && WEXITSTATUS(status) == 33);
	CHECK_EQ("parent_getppid_is_ours", shm->value[2], me);

	/* Without CLONE_PARENT the clone is the caller's child, not ours. */
	m = fork();
	if (m == 0) {
		int pid = clone(parent_grandchild, STACK_TOP, SIGCHLD, NULL);
		shm->value[1] = pid;
		shm->value[3] = pid > 0 && waitpid(pid, &status, 0) == pid && WEXITSTATUS(status) == 33;
		_exit(0);
	}
	waitpid(m, &status, 0);
	CHECK_EQ("no_parent_caller_reaps", shm->value[3], 1);
	CHECK_EQ("no_parent_getppid_is_caller", shm->value[2], m);
	CHECK_ERRNO("no_parent_not_ours", waitpid(-1, &status, __WALL | WNOHANG), ECHILD);
}

static pid_t ptid_word, ctid_word;

static int settid_child(void *arg)
{
	(void)arg;
	shm->value[4] = ctid_word;
	shm->value[5] = ptid_word;
	shm->value[6] = gettid();
	return 0;
}

/* With CLONE_VM both tid words are in the one address space: both hold the child's tid. */
static void settid_shared(void)
{
	int status;

	ptid_word = ctid_word = 0;
	int pid = clone(settid_child, STACK_TOP, CLONE_VM | CLONE_PARENT_SETTID | CLONE_CHILD_SETTID | SIGCHLD,
			NULL, &ptid_word, NULL, &ctid_word);
	CHECK("settid_shared_clone", pid > 0 && waitpid(pid, &status, 0) == pid);
	CHECK_EQ("parent_settid_shared", ptid_word, pid);
	CHECK_EQ("child_settid_shared", ctid_word, pid);
}

/* Without CLONE_VM each tid word is written in one address space only. */
static void settid_private(void)
{
	int status;

	ptid_word = ctid_word = 0;
	int pid = clone(settid_child, STACK_TOP, CLONE_PARENT_SETTID | CLONE_CHILD_SETTID | SIGCHLD, NULL,
			&ptid_word, NULL, &ctid_word);
	CHECK("settid_clone", pid > 0 && waitpid(pid, &status, 0) == pid);
	CHECK_EQ("parent_settid_in_parent", ptid_word, pid);
	CHECK_EQ("child_settid_not_in_parent", ctid_word, 0);
	CHECK("child_settid_in_child", shm->value[4] == pid && shm->value[6] == pid);
	CHECK_EQ("parent_settid_not_in_child", shm->value[5], 0);

	/* Neither flag: neither word is written. */
	ptid_word = ctid_word = 0;
	pid = clone(settid_child, STACK_TOP, CLONE_VM | SIGCHLD, NULL, &ptid_word, NULL, &ctid_word);
	waitpid(pid, &status, 0);
	CHECK("no_settid_flags_no_writes", ptid_word == 0 && ctid_word == 0 && shm->value[4] == 0);
}

/* CLONE_SYSVSEM (and CLONE_IO) are accepted. */
static void accepted_flags(void)
{
	int status;
	long pid = raw_clone(CLONE_SYSVSEM | SIGCHLD, NULL, NULL, NULL, 0);

	CHECK("sysvsem_accepted", pid > 0 && waitpid((pid_t)pid, &status, 0) == pid && WIFEXITED(status));
	pid = raw_clone(CLONE_IO | SIGCHLD, NULL, NULL, NULL, 0);
	CHECK("io_accepted", pid > 0 && waitpid((pid_t)pid, &status, 0) == pid && WIFEXITED(status));
	pid = raw_clone(CLONE_SYSVSEM | CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | SIGCHLD, NULL, NULL,
			NULL, 0);
	CHECK("sysvsem_with_vm_accepted", pid > 0 && waitpid((pid_t)pid, &status, 0) == pid && WIFEXITED(status));
}

int main(void)
{
	shm = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	flag_vm();
	flag_files();
	flag_fs();
	flag_sighand();
	flag_parent();
	settid_shared();
	settid_private();
	accepted_flags();
	return test_done();
}
