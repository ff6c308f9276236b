/*
 * The namespaces a task is in (kernel/nsproxy.c): shared unless
 * CLONE_NEWUTS / CLONE_NEWPID ask for new ones.
 */
#ifndef NSPROXY_H
#define NSPROXY_H
#include <types.h>
#include <atomic.h>

struct task_struct;
struct uts_namespace;
struct pid_namespace;

struct nsproxy {
	atomic_t count;
	struct uts_namespace *uts_ns;
	struct pid_namespace *pid_ns_for_children;
};

extern struct nsproxy init_nsproxy;

int copy_namespaces(u64 flags, struct task_struct *p);
void put_nsproxy(struct nsproxy *ns);
#endif
