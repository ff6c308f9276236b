/*
 * The kernel's errno values: Linux's (uapi/errno.h) plus the internal
 * "restart" code, which never reaches user space.  A sleeping system call
 * interrupted by a signal returns -ERESTARTSYS; on the way out it becomes
 * -EINTR if a handler without SA_RESTART runs, and otherwise the call is
 * made again (signal(7), "Interruption of system calls").  -ERESTARTNOHAND
 * (pause, sigsuspend) is -EINTR whenever a handler runs, SA_RESTART or not;
 * so is -ERESTART_RESTARTBLOCK (nanosleep), which otherwise goes on through
 * restart_syscall(2) where the call left off.
 */
#ifndef ERRNO_H
#define ERRNO_H
#include <uapi/errno.h>
#define ERESTARTSYS 512
#define ERESTARTNOHAND 514
#define ENOIOCTLCMD 515 /* a driver's "not mine": the caller tries another or gives ENOTTY */
#define ERESTART_RESTARTBLOCK 516 /* made again through restart_syscall(2), with current->restart_block */
#endif
