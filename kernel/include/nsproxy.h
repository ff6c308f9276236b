/* The UTS and pid namespaces (kernel/nsproxy.c, kernel/pid.c). */
#ifndef NSPROXY_H
#define NSPROXY_H
#include <sched.h>
#include <uapi/misc.h>

struct uts_namespace {
	int count;
	struct utsname name;
};

struct pid_namespace {
	int count;
	int level;                        /* 0 for the initial namespace */
	struct pid_namespace *parent;
	struct task_struct *child_reaper; /* pid 1 of the namespace: adopts orphans */
	pid_t last_pid;                   /* pids are handed out cyclically from here */
};

extern struct nsproxy init_nsproxy;
extern struct pid_namespace init_pid_ns;

int copy_namespaces(u64 flags, struct task_struct *p);
void put_nsproxy(struct nsproxy *ns);
void put_pid_ns(struct pid_namespace *ns);
struct pid_namespace *create_pid_namespace(struct pid_namespace *parent);

/* Give p a pid in its namespace and every ancestor; -EAGAIN if one is full. */
int alloc_pid(struct task_struct *p);
#endif
