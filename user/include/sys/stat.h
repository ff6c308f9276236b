/* File status; struct stat is the kernel's x86-64 layout. */
#ifndef _SYS_STAT_H
#define _SYS_STAT_H
#include <sys/types.h>
#include <uapi/stat.h>

int stat(const char *path, struct stat *st);
int fstat(int fd, struct stat *st);
mode_t umask(mode_t mask);
#endif
