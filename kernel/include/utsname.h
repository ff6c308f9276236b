/* The UTS namespace: the names uname(2) reports, sethostname(2) changes (kernel/nsproxy.c). */
#ifndef UTSNAME_H
#define UTSNAME_H
#include <uapi/utsname.h>
#include <atomic.h>

struct uts_namespace {
	atomic_t count;
	struct utsname name;
};
#endif
