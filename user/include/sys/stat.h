/* File status; struct stat is the kernel's x86-64 layout. */
#ifndef _SYS_STAT_H
#define _SYS_STAT_H
#include <sys/types.h>
#include <uapi/stat.h>
#include <uapi/time_types.h>

int stat(const char *path, struct stat *st);
int lstat(const char *path, struct stat *st);
int fstat(int fd, struct stat *st);
int fstatat(int dirfd, const char *path, struct stat *st, int flags);
mode_t umask(mode_t mask);
int mkdir(const char *path, mode_t mode);
int mkdirat(int dirfd, const char *path, mode_t mode);
/* dev in the kernel's encoding, which makedev(3) gives for majors and minors below 256 */
int mknod(const char *path, mode_t mode, unsigned int dev);
int mknodat(int dirfd, const char *path, mode_t mode, unsigned int dev);
int mkfifo(const char *path, mode_t mode);
int chmod(const char *path, mode_t mode);
int fchmod(int fd, mode_t mode);
int fchmodat(int dirfd, const char *path, mode_t mode, int flags);
int utimensat(int dirfd, const char *path, const struct timespec times[2], int flags);
int futimens(int fd, const struct timespec times[2]);
#endif
