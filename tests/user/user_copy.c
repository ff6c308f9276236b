/*
 * The kernel reaches user memory with the user's rights only: a system call
 * given a pointer into a PROT_NONE page (one that held data before
 * mprotect), into kernel memory, or, for a buffer the kernel writes, into a
 * read-only page, fails with EFAULT, and the read-only page is not changed
 * (no copy-on-write behind the user's back).  Every call is made raw, so no
 * libc wrapper (or vDSO) stands between the test and the kernel.  The list
 * covers every system call of Cowl's table that takes a user pointer and
 * dereferences it at once (set_tid_address stores one for exit; clone's
 * tid pointers are written in the child, without an error to report;
 * nanosleep's rem is written only when a signal interrupts; ioctl's
 * argument is read only for a terminal, and the suite has none of its own
 * on the host).
 */
#include <fcntl.h>
#include <signal.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include "procutil.h"
#include "test.h"

#define PAGE 4096UL
#define FILL 0x5a

static int pipe_fds[2], file_fd, dir_fd;
static pid_t zombie;
static char stat_buf[256];
static char *const true_argv[] = { "/bin/true", NULL };

/* Reads: the kernel copies from p. */
static long do_write(void *p) { return __syscall3(__NR_write, pipe_fds[1], p, 16); }
static long do_nanosleep(void *p) { return __syscall2(__NR_nanosleep, p, NULL); }
static long do_sigaction_act(void *p) { return __syscall4(__NR_rt_sigaction, SIGUSR1, p, NULL, 8); }
static long do_sigprocmask_set(void *p) { return __syscall4(__NR_rt_sigprocmask, SIG_BLOCK, p, NULL, 8); }
static long do_open_path(void *p) { return __syscall3(__NR_open, p, O_RDONLY, 0); }
static long do_prlimit_new(void *p) { return __syscall4(__NR_prlimit64, 0, 7 /* RLIMIT_NOFILE */, p, NULL); }
static long do_clone3_args(void *p) { return __syscall2(__NR_clone3, p, 64); }
static long do_writev_iov(void *p) { return __syscall3(__NR_writev, pipe_fds[1], p, 1); }
static long do_stat_path(void *p) { return __syscall2(__NR_stat, p, stat_buf); }
static long do_newfstatat_path(void *p) { return __syscall4(__NR_newfstatat, AT_FDCWD, p, stat_buf, 0); }
static long do_access_path(void *p) { return __syscall2(__NR_access, p, 0 /* F_OK */); }
static long do_chdir_path(void *p) { return __syscall1(__NR_chdir, p); }
static long do_openat_path(void *p) { return __syscall4(__NR_openat, AT_FDCWD, p, O_RDONLY, 0); }
static long do_execve_path(void *p) { return __syscall3(__NR_execve, p, true_argv, NULL); }
/* FUTEX_WAIT reads the word; 0 is not FILL, so a readable word would give EAGAIN, never a sleep. */
static long do_futex_wait(void *p) { return __syscall6(__NR_futex, (long)p, 0 /* FUTEX_WAIT */, 0, 0, 0, 0); }
static long do_sethostname(void *p) { return __syscall2(__NR_sethostname, p, 8); }

/* Writes: the kernel copies to p. */
static long do_read(void *p) { return __syscall3(__NR_read, file_fd, p, 4); }
static long do_pipe2(void *p) { return __syscall2(__NR_pipe2, p, 0); }
static long do_wait4_status(void *p) { return __syscall4(__NR_wait4, zombie, p, 0, NULL); }
static long do_clock_gettime(void *p) { return __syscall2(__NR_clock_gettime, 0 /* CLOCK_REALTIME */, p); }
static long do_uname(void *p) { return __syscall1(__NR_uname, p); }
static long do_sigaction_oact(void *p) { return __syscall4(__NR_rt_sigaction, SIGUSR1, NULL, p, 8); }
static long do_sigprocmask_oset(void *p) { return __syscall4(__NR_rt_sigprocmask, SIG_BLOCK, NULL, p, 8); }
static long do_getrandom(void *p) { return __syscall3(__NR_getrandom, p, 16, 0); }
static long do_getcwd(void *p) { return __syscall2(__NR_getcwd, p, 256); }
static long do_fstat(void *p) { return __syscall2(__NR_fstat, file_fd, p); }
static long do_prlimit_old(void *p) { return __syscall4(__NR_prlimit64, 0, 7, NULL, p); }
static long do_arch_get_fs(void *p) { return __syscall2(__NR_arch_prctl, 0x1003 /* ARCH_GET_FS */, p); }
static long do_pread64(void *p) { return __syscall4(__NR_pread64, file_fd, p, 4, 0); }
static long do_stat_buf(void *p) { return __syscall2(__NR_stat, "/", p); }
static long do_newfstatat_buf(void *p) { return __syscall4(__NR_newfstatat, AT_FDCWD, "/", p, 0); }
static long do_getdents64(void *p) { return __syscall3(__NR_getdents64, dir_fd, p, 256); }
static long do_pipe(void *p) { return __syscall1(__NR_pipe, p); }
static long do_wait4_rusage(void *p) { return __syscall4(__NR_wait4, zombie, NULL, 0, p); }

struct call {
	const char *name;
	long (*fn)(void *);
};

static const struct call reads[] = {
	{ "write", do_write }, { "nanosleep", do_nanosleep }, { "rt_sigaction_act", do_sigaction_act },
	{ "rt_sigprocmask_set", do_sigprocmask_set }, { "open_path", do_open_path },
	{ "prlimit64_new", do_prlimit_new }, { "clone3_args", do_clone3_args }, { "writev_iov", do_writev_iov },
	{ "stat_path", do_stat_path }, { "newfstatat_path", do_newfstatat_path }, { "access_path", do_access_path },
	{ "chdir_path", do_chdir_path }, { "openat_path", do_openat_path }, { "execve_path", do_execve_path },
	{ "futex_wait", do_futex_wait },
};

/* Reads that Linux lets only a privileged process make: it checks the capability first (EPERM without). */
static const struct call privileged_reads[] = {
	{ "sethostname", do_sethostname },
};

static const struct call writes[] = {
	{ "read", do_read }, { "pipe2", do_pipe2 }, { "wait4_status", do_wait4_status },
	{ "clock_gettime", do_clock_gettime }, { "uname", do_uname }, { "rt_sigaction_oact", do_sigaction_oact },
	{ "rt_sigprocmask_oset", do_sigprocmask_oset }, { "getrandom", do_getrandom }, { "getcwd", do_getcwd },
	{ "fstat", do_fstat }, { "prlimit64_old", do_prlimit_old }, { "arch_prctl_get_fs", do_arch_get_fs },
	{ "pread64", do_pread64 }, { "stat_buf", do_stat_buf }, { "newfstatat_buf", do_newfstatat_buf },
	{ "getdents64", do_getdents64 }, { "pipe", do_pipe }, { "wait4_rusage", do_wait4_rusage },
};

#define NR(a) (sizeof(a) / sizeof(a[0]))

static void check_efault(const struct call *c, const char *where, void *p)
{
	char name[64];

	zombie = fork();
	if (zombie == 0)
		_exit(0);
	snprintf(name, sizeof(name), "%s_%s", c->name, where);
	CHECK(name, c->fn(p) == -EFAULT);
	waitpid(zombie, NULL, 0);
}

static void *const direct_map = (void *)0xffff888000000000UL, *const kernel_text = (void *)0xffffffff81000000UL;

/* Calls that read from the pointer: a PROT_NONE page and kernel memory are EFAULT. */
static void check_reads(const struct call *calls, unsigned n, void *none)
{
	for (unsigned i = 0; i < n; i++) {
		check_efault(&calls[i], "prot_none", none);
		check_efault(&calls[i], "direct_map", direct_map);
		check_efault(&calls[i], "kernel_text", kernel_text);
	}
}

/* A page that held FILL and then got the rights prot: it is present in the page tables. */
static char *touched_page(int prot)
{
	char *p = mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	memset(p, FILL, PAGE);
	mprotect(p, PAGE, prot);
	return p;
}

/*
 * A buffer that runs into a PROT_NONE page: the kernel copies up to the
 * exact byte where the page begins, and getrandom says how many (as
 * Linux), wherever the buffer starts (the copy goes by quadwords first).
 */
static void partial_copies(void)
{
	char *p = mmap(NULL, 2 * PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	int exact = p != MAP_FAILED && mprotect(p + PAGE, PAGE, PROT_NONE) == 0;

	for (long room = 1; exact && room <= 24; room += 5)
		exact = __syscall3(__NR_getrandom, p + PAGE - room, 100, 0) == room;
	CHECK("getrandom_partial_exact", exact);
	munmap(p, 2 * PAGE);
}

static int page_unchanged(const char *p)
{
	for (unsigned long i = 0; i < PAGE; i++)
		if (p[i] != FILL)
			return 0;
	return 1;
}

int main(void)
{
	char *none = touched_page(PROT_NONE), *readonly = touched_page(PROT_READ);

	pipe(pipe_fds);
	file_fd = open("tests/data/hello.txt", O_RDONLY);
	dir_fd = open("/", O_RDONLY);
	check_reads(reads, NR(reads), none);
	if (on_cowl() || __syscall0(__NR_geteuid) == 0)
		check_reads(privileged_reads, NR(privileged_reads), none);
	else
		SKIP_ALL("needs CAP_SYS_ADMIN on Linux", "sethostname");
	for (unsigned i = 0; i < NR(writes); i++) {
		check_efault(&writes[i], "prot_none", none);
		check_efault(&writes[i], "readonly", readonly);
		check_efault(&writes[i], "direct_map", direct_map);
	}
	partial_copies();
	CHECK("readonly_page_unchanged", page_unchanged(readonly));
	CHECK("prot_none_page_kept", mprotect(none, PAGE, PROT_READ) == 0 && page_unchanged(none));
	return test_done();
}
