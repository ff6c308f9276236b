/* getdents64(2): raw directory records (struct linux_dirent64 in the uapi header). */
#ifndef _SYS_GETDENTS_H
#define _SYS_GETDENTS_H
#include <sys/types.h>
#include <uapi/dirent.h>

ssize_t getdents64(int fd, void *buf, size_t size);
#endif
