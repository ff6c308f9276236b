/* POSIX process, file-descriptor and directory calls. */
#ifndef _UNISTD_H
#define _UNISTD_H
#include <sys/types.h>
#include <uapi/fcntl.h>

#define STDIN_FILENO 0
#define STDOUT_FILENO 1
#define STDERR_FILENO 2

extern char **environ;

ssize_t read(int fd, void *buf, size_t n);
ssize_t write(int fd, const void *buf, size_t n);
ssize_t pread(int fd, void *buf, size_t n, off_t pos);
ssize_t pwrite(int fd, const void *buf, size_t n, off_t pos);
int close(int fd);
off_t lseek(int fd, off_t offset, int whence);
int dup(int fd);
int dup2(int oldfd, int newfd);
int pipe(int fds[2]);
int pipe2(int fds[2], int flags);

pid_t fork(void);
/* returns_twice: the compiler must not keep values in registers across it. */
pid_t vfork(void) __attribute__((returns_twice));
int execve(const char *path, char *const argv[], char *const envp[]);
void _exit(int status) __attribute__((noreturn));
pid_t getpid(void);
pid_t getppid(void);
int setpgid(pid_t pid, pid_t pgid);
pid_t getpgid(pid_t pid);
pid_t getpgrp(void);
pid_t setsid(void);
pid_t getsid(pid_t pid);
pid_t tcgetpgrp(int fd);
int tcsetpgrp(int fd, pid_t pgrp);
int isatty(int fd);
int pause(void);
pid_t gettid(void);

unsigned int sleep(unsigned int seconds);
int brk(void *addr);
void *sbrk(long increment);

char *getcwd(char *buf, size_t size);
int chdir(const char *path);
int unlink(const char *path);
int unlinkat(int dirfd, const char *path, int flags);
int rmdir(const char *path);
int link(const char *old, const char *new);
int linkat(int olddirfd, const char *old, int newdirfd, const char *new, int flags);
int symlink(const char *target, const char *path);
int symlinkat(const char *target, int dirfd, const char *path);
ssize_t readlink(const char *path, char *buf, size_t size);
ssize_t readlinkat(int dirfd, const char *path, char *buf, size_t size);
int chown(const char *path, uid_t uid, gid_t gid);
int lchown(const char *path, uid_t uid, gid_t gid);
int fchown(int fd, uid_t uid, gid_t gid);
int fchownat(int dirfd, const char *path, uid_t uid, gid_t gid, int flags);
int faccessat(int dirfd, const char *path, int mode, int flags);
int fsync(int fd);
int fdatasync(int fd);
void sync(void);
int truncate(const char *path, off_t length);
int ftruncate(int fd, off_t length);
int sethostname(const char *name, size_t len);
#endif
