/* errno: the last failing call's error number (one process-wide copy; we have no TLS). */
#ifndef _ERRNO_H
#define _ERRNO_H
#include <uapi/errno.h>
extern int errno;
#endif
