/*
 * Every system call the kernel implements, with Linux's name and argument
 * types.  arch/x86_64/syscall_64.c maps Linux x86-64 numbers to them.
 */
#ifndef SYSCALLS_H
#define SYSCALLS_H
#include <types.h>
#include <uapi/stat.h>
#include <uapi/statfs.h>
#include <uapi/utsname.h>
#include <uapi/time.h>
#include <uapi/resource.h>
#include <uapi/times.h>
#include <uapi/sysinfo.h>
#include <cred.h>
#include <uapi/futex.h>
#include <uapi/sched.h>
#include <uapi/signal.h>
#include <uapi/siginfo.h>
#include <uapi/poll.h>

/* files: kernel/fs/ */
long sys_read(unsigned int fd, char __user *buf, size_t count);
long sys_write(unsigned int fd, const char __user *buf, size_t count);
long sys_pread64(unsigned int fd, char __user *buf, size_t count, off_t pos);
long sys_pwrite64(unsigned int fd, const char __user *buf, size_t count, off_t pos);
long sys_sendfile(int out_fd, int in_fd, off_t __user *offset, size_t count);
long sys_writev(unsigned int fd, const void __user *iov, int iovcnt);
long sys_open(const char __user *path, int flags, mode_t mode);
long sys_openat(int dfd, const char __user *path, int flags, mode_t mode);
long sys_close(unsigned int fd);
long sys_lseek(unsigned int fd, off_t offset, unsigned int whence);
long sys_stat(const char __user *path, struct stat __user *st);
long sys_fstat(unsigned int fd, struct stat __user *st);
long sys_newfstatat(int dfd, const char __user *path, struct stat __user *st, int flags);
long sys_lstat(const char __user *path, struct stat __user *st);
long sys_creat(const char __user *path, mode_t mode);
long sys_mkdir(const char __user *path, mode_t mode);
long sys_mkdirat(int dfd, const char __user *path, mode_t mode);
long sys_rmdir(const char __user *path);
long sys_mknod(const char __user *path, mode_t mode, unsigned int dev);
long sys_mknodat(int dfd, const char __user *path, mode_t mode, unsigned int dev);
long sys_unlink(const char __user *path);
long sys_unlinkat(int dfd, const char __user *path, int flags);
long sys_link(const char __user *old, const char __user *new);
long sys_linkat(int olddfd, const char __user *old, int newdfd, const char __user *new, int flags);
long sys_symlink(const char __user *target, const char __user *path);
long sys_symlinkat(const char __user *target, int dfd, const char __user *path);
long sys_readlink(const char __user *path, char __user *buf, int size);
long sys_readlinkat(int dfd, const char __user *path, char __user *buf, int size);
long sys_rename(const char __user *old, const char __user *new);
long sys_renameat(int olddfd, const char __user *old, int newdfd, const char __user *new);
long sys_renameat2(int olddfd, const char __user *old, int newdfd, const char __user *new,
		   unsigned int flags);
long sys_chmod(const char __user *path, mode_t mode);
long sys_fchmod(unsigned int fd, mode_t mode);
long sys_fchmodat(int dfd, const char __user *path, mode_t mode);
long sys_chown(const char __user *path, uid_t uid, gid_t gid);
long sys_lchown(const char __user *path, uid_t uid, gid_t gid);
long sys_fchown(unsigned int fd, uid_t uid, gid_t gid);
long sys_fchownat(int dfd, const char __user *path, uid_t uid, gid_t gid, int flags);
long sys_faccessat(int dfd, const char __user *path, int mode);
long sys_faccessat2(int dfd, const char __user *path, int mode, int flags);
long sys_sync(void);
long sys_fsync(unsigned int fd);
long sys_fdatasync(unsigned int fd);
long sys_truncate(const char __user *path, long length);
long sys_ftruncate(unsigned int fd, long length);
long sys_utimensat(int dfd, const char __user *path, const struct timespec __user *times, int flags);
long sys_statfs(const char __user *path, struct statfs __user *buf);
long sys_fstatfs(unsigned int fd, struct statfs __user *buf);
long sys_access(const char __user *path, int mode);
long sys_getdents64(unsigned int fd, void __user *dirent, unsigned int count);
long sys_dup(unsigned int fd);
long sys_dup2(unsigned int oldfd, unsigned int newfd);
long sys_fcntl(unsigned int fd, unsigned int cmd, unsigned long arg);
long sys_ioctl(unsigned int fd, unsigned int cmd, unsigned long arg);
long sys_pipe(int __user *fds);
long sys_pipe2(int __user *fds, int flags);
long sys_poll(struct pollfd __user *ufds, unsigned int nfds, int timeout_ms);
long sys_ppoll(struct pollfd __user *ufds, unsigned int nfds, struct timespec __user *tsp,
	       const u64 __user *sigmask, size_t sigsetsize);
long sys_select(int n, void __user *inp, void __user *outp, void __user *exp, struct timeval __user *tvp);
struct sigset_argpack;
long sys_pselect6(int n, void __user *inp, void __user *outp, void __user *exp, struct timespec __user *tsp,
		  const struct sigset_argpack __user *sig);
long sys_getcwd(char __user *buf, unsigned long size);
long sys_chdir(const char __user *path);
long sys_fchdir(unsigned int fd);
long sys_umask(int mask);

/* processes: kernel/fork.c, kernel/exit.c, kernel/exec.c, kernel/sys.c */
long sys_fork(void);
long sys_vfork(void);
long sys_clone(unsigned long flags, unsigned long newsp, int __user *parent_tid,
	       int __user *child_tid, unsigned long tls);
long sys_clone3(struct clone_args __user *uargs, size_t size);
long sys_execve(const char __user *filename, const char __user *const __user *argv,
		const char __user *const __user *envp);
long sys_exit(int code);
long sys_exit_group(int code);
long sys_wait4(pid_t pid, int __user *status, int options, struct rusage __user *ru);
long sys_restart_syscall(void);
long sys_waitid(int which, pid_t upid, siginfo_t __user *infop, int options, struct rusage __user *ru);
long sys_getpid(void);
long sys_getppid(void);
long sys_gettid(void);
long sys_getrlimit(unsigned int resource, struct rlimit __user *rlim);
long sys_setrlimit(unsigned int resource, const struct rlimit __user *rlim);
long sys_getrusage(int who, struct rusage __user *ru);
long sys_times(struct tms __user *tbuf);
long sys_sysinfo(struct sysinfo __user *info);

/* credentials: kernel/cred.c */
long sys_getuid(void);
long sys_geteuid(void);
long sys_getgid(void);
long sys_getegid(void);
long sys_setuid(uid_t uid);
long sys_setgid(gid_t gid);
long sys_setreuid(uid_t ruid, uid_t euid);
long sys_setregid(gid_t rgid, gid_t egid);
long sys_setresuid(uid_t ruid, uid_t euid, uid_t suid);
long sys_setresgid(gid_t rgid, gid_t egid, gid_t sgid);
long sys_getresuid(uid_t __user *ruid, uid_t __user *euid, uid_t __user *suid);
long sys_getresgid(gid_t __user *rgid, gid_t __user *egid, gid_t __user *sgid);
long sys_setfsuid(uid_t uid);
long sys_setfsgid(gid_t gid);
long sys_getgroups(int size, gid_t __user *list);
long sys_setgroups(int size, const gid_t __user *list);
long sys_setpgid(pid_t pid, pid_t pgid);
long sys_getpgid(pid_t pid);
long sys_getpgrp(void);
long sys_setsid(void);
long sys_getsid(pid_t pid);
long sys_sched_yield(void);
/* kernel/sched/syscalls.c */
long sys_sched_setaffinity(pid_t pid, unsigned int len, const unsigned long __user *user_mask_ptr);
long sys_sched_getaffinity(pid_t pid, unsigned int len, unsigned long __user *user_mask_ptr);
long sys_set_tid_address(int __user *tidptr);
long sys_arch_prctl(int code, unsigned long addr);
long sys_uname(struct utsname __user *name);
long sys_sethostname(const char __user *name, int len);
long sys_reboot(int magic1, int magic2, unsigned int cmd, void __user *arg);
long sys_prlimit64(pid_t pid, unsigned int resource, const struct rlimit64 __user *new_rlim,
		   struct rlimit64 __user *old_rlim);
long sys_prctl(int option, unsigned long arg2, unsigned long arg3, unsigned long arg4, unsigned long arg5);
long sys_getrandom(void __user *buf, size_t count, unsigned int flags);
long sys_getcpu(unsigned int __user *cpu, unsigned int __user *node, void __user *unused);

/* time: kernel/time.c */
long sys_nanosleep(const struct timespec __user *req, struct timespec __user *rem);
long sys_clock_gettime(int clock, struct timespec __user *tp);
long sys_clock_getres(int clock, struct timespec __user *res);
long sys_clock_nanosleep(int clock, int flags, const struct timespec __user *req, struct timespec __user *rem);
long sys_gettimeofday(struct timeval __user *tv, struct timezone __user *tz);
long sys_time(long __user *tloc);
long sys_clock_settime(int clock, const struct timespec __user *tp);
long sys_settimeofday(const struct timeval __user *tv, const struct timezone __user *tz);

/* signals: kernel/signal.c */
long sys_kill(pid_t pid, int sig);
long sys_tkill(pid_t tid, int sig);
long sys_tgkill(pid_t tgid, pid_t tid, int sig);
long sys_rt_sigaction(int sig, const struct k_sigaction __user *act, struct k_sigaction __user *oact,
		      size_t sigsetsize);
long sys_rt_sigprocmask(int how, const u64 __user *set, u64 __user *oset, size_t sigsetsize);
long sys_rt_sigreturn(void);
long sys_pause(void);
long sys_rt_sigsuspend(const u64 __user *unewset, size_t sigsetsize);
long sys_sigaltstack(const stack_t __user *uss, stack_t __user *uoss);

/* memory: kernel/mm/ */
long sys_brk(unsigned long brk);
long sys_mmap(unsigned long addr, unsigned long len, unsigned long prot, unsigned long flags,
	      unsigned long fd, unsigned long off);
long sys_munmap(unsigned long addr, size_t len);
long sys_mprotect(unsigned long start, size_t len, unsigned long prot);
long sys_madvise(unsigned long start, size_t len, int advice);

/* futex: kernel/futex.c */
long sys_futex(u32 __user *uaddr, int op, u32 val, const struct timespec __user *utime,
	       u32 __user *uaddr2, u32 val3);
long sys_set_robust_list(struct robust_list_head __user *head, size_t len);
long sys_get_robust_list(pid_t pid, struct robust_list_head __user *__user *head_ptr, size_t __user *len_ptr);
#endif
