/*
 * The system-call table and dispatcher.  Numbers and arguments are Linux's
 * x86-64 ABI: number in RAX, arguments in RDI, RSI, RDX, R10, R8, R9, the
 * result (or -errno) back in RAX.  An unknown number gives -ENOSYS and a
 * line on the kernel log, once per number, so a program that fails for a
 * missing call says which.
 */
#include <syscalls.h>
#include <sched.h>
#include <printk.h>
#include <smp_lock.h>
#include <asm/ptrace.h>
#include <asm/segment.h>
#include <asm/page.h>
#include <asm/cpu.h>
#include <uapi/unistd.h>
#include <uapi/errno.h>

typedef long (*syscall_fn_t)(unsigned long, unsigned long, unsigned long, unsigned long,
			     unsigned long, unsigned long);
/* void (*)(void) converts to any function type without a warning. */
#define SYSCALL_AS(name, fn) [__NR_##name] = (syscall_fn_t)(void (*)(void))fn
#define SYSCALL(name) SYSCALL_AS(name, sys_##name)

static const syscall_fn_t sys_call_table[] = {
	SYSCALL(read), SYSCALL(write), SYSCALL(open), SYSCALL(close), SYSCALL(stat),
	SYSCALL(poll), SYSCALL(select), SYSCALL(pselect6), SYSCALL(ppoll),
	SYSCALL(fstat), SYSCALL(lseek), SYSCALL(mmap), SYSCALL(mprotect), SYSCALL(munmap),
	SYSCALL(brk), SYSCALL(rt_sigaction), SYSCALL(rt_sigprocmask), SYSCALL(rt_sigreturn),
	SYSCALL(ioctl), SYSCALL(pread64), SYSCALL(pwrite64), SYSCALL(writev), SYSCALL(access), SYSCALL(pipe),
	SYSCALL(sched_yield), SYSCALL(madvise), SYSCALL(dup), SYSCALL(dup2), SYSCALL(pause),
	SYSCALL(nanosleep), SYSCALL(getpid), SYSCALL(sendfile), SYSCALL(clone), SYSCALL(fork), SYSCALL(vfork),
	SYSCALL(execve), SYSCALL(exit), SYSCALL(wait4), SYSCALL(waitid), SYSCALL(kill), SYSCALL(uname),
	SYSCALL(fcntl), SYSCALL(getcwd), SYSCALL(chdir), SYSCALL(fchdir), SYSCALL(umask),
	SYSCALL(getppid), SYSCALL(arch_prctl), SYSCALL(reboot), SYSCALL(sethostname),
	SYSCALL(gettid), SYSCALL(tkill), SYSCALL(futex), SYSCALL(getdents64),
	SYSCALL(set_tid_address), SYSCALL(clock_gettime), SYSCALL(clock_getres),
	SYSCALL(clock_nanosleep), SYSCALL(gettimeofday), SYSCALL(time), SYSCALL(clock_settime),
	SYSCALL(settimeofday), SYSCALL(exit_group), SYSCALL(restart_syscall), SYSCALL(tgkill),
	SYSCALL(openat), SYSCALL(newfstatat), SYSCALL(pipe2), SYSCALL(prlimit64),
	SYSCALL(getrandom), SYSCALL(clone3), SYSCALL(setpgid), SYSCALL(getpgid), SYSCALL(getpgrp),
	SYSCALL(setsid), SYSCALL(getsid), SYSCALL(getrlimit), SYSCALL(setrlimit), SYSCALL(getrusage),
	SYSCALL(times), SYSCALL(sysinfo),
	SYSCALL(getuid), SYSCALL(getgid), SYSCALL(geteuid), SYSCALL(getegid), SYSCALL(setuid),
	SYSCALL(setgid), SYSCALL(setreuid), SYSCALL(setregid), SYSCALL(setresuid), SYSCALL(setresgid),
	SYSCALL(getresuid), SYSCALL(getresgid), SYSCALL(setfsuid), SYSCALL(setfsgid),
	SYSCALL(getgroups), SYSCALL(setgroups),
	SYSCALL(prctl), SYSCALL(rt_sigsuspend), SYSCALL(set_robust_list), SYSCALL(get_robust_list),
	SYSCALL(sigaltstack), SYSCALL(getcpu),
	SYSCALL(lstat), SYSCALL(creat), SYSCALL(mkdir), SYSCALL(mkdirat), SYSCALL(rmdir),
	SYSCALL(unlink), SYSCALL(unlinkat), SYSCALL(link), SYSCALL(linkat), SYSCALL(symlink),
	SYSCALL(symlinkat), SYSCALL(readlink), SYSCALL(readlinkat), SYSCALL(rename),
	SYSCALL(renameat), SYSCALL(renameat2), SYSCALL(chmod), SYSCALL(fchmod), SYSCALL(fchmodat),
	SYSCALL(truncate), SYSCALL(ftruncate), SYSCALL(utimensat), SYSCALL(statfs), SYSCALL(fstatfs),
	SYSCALL(chown), SYSCALL(fchown), SYSCALL(lchown), SYSCALL(fchownat), SYSCALL(faccessat),
	SYSCALL(faccessat2), SYSCALL(sync), SYSCALL(fsync), SYSCALL(fdatasync), SYSCALL(mknod),
	SYSCALL(mknodat), SYSCALL(sched_setaffinity), SYSCALL(sched_getaffinity),
};

/*
 * SYSRET returns to RCX with RFLAGS from R11, and cannot return to a
 * non-canonical address without faulting in ring 0 (Intel SDM vol. 2B,
 * SYSRET; the reason Linux checks the same).  Anything else (a new program,
 * a signal frame, a changed RIP) goes back with IRETQ.
 */
static bool can_sysret(const struct pt_regs *regs)
{
	return regs->rcx == regs->rip && regs->r11 == regs->rflags &&
	       regs->rip < TASK_SIZE && regs->cs == __USER_CS && regs->ss == __USER_DS &&
	       !(regs->rflags & (X86_EFLAGS_RF | X86_EFLAGS_TF));
}

/* Numbers up to NR_LOGGED are remembered one by one; all the larger ones share the last bit. */
#define NR_LOGGED 1024

static void log_unknown_syscall(unsigned long nr)
{
	static u64 logged[NR_LOGGED / 64 + 1];
	unsigned long bit = MIN(nr, NR_LOGGED);

	if (logged[bit / 64] & (1ull << (bit % 64)))
		return;
	logged[bit / 64] |= 1ull << (bit % 64);
	pr_notice("unknown syscall %lu from pid %d (%s)%s\n", nr, current->pid, current->comm,
		  nr >= NR_LOGGED ? ": larger numbers are not logged again" : "");
}

bool do_syscall_64(struct pt_regs *regs)
{
	unsigned long nr = regs->orig_rax;

	lock_kernel(); /* let go by exit_to_user_mode() */
	if (nr < ARRAY_SIZE(sys_call_table) && sys_call_table[nr]) {
		regs->rax = sys_call_table[nr](regs->rdi, regs->rsi, regs->rdx, regs->r10, regs->r8, regs->r9);
	} else {
		log_unknown_syscall(nr);
		regs->rax = -ENOSYS;
	}
	exit_to_user_mode(regs);
	return can_sysret(regs);
}
