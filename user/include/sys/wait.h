/* Waiting for children; options and status macros from the uapi header. */
#ifndef _SYS_WAIT_H
#define _SYS_WAIT_H
#include <sys/types.h>
#include <uapi/resource.h>
#include <uapi/wait.h>
#include <uapi/siginfo.h>

typedef int idtype_t;

pid_t wait4(pid_t pid, int *status, int options, struct rusage *usage);
pid_t waitpid(pid_t pid, int *status, int options);
pid_t wait(int *status);
int waitid(idtype_t idtype, id_t id, siginfo_t *info, int options);
#endif
