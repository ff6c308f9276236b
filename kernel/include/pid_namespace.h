/* Pid namespaces (kernel/pid.c): each numbers its tasks from 1, nested up to MAX_PID_NS_LEVEL deep. */
#ifndef PID_NAMESPACE_H
#define PID_NAMESPACE_H
#include <types.h>
#include <atomic.h>

struct task_struct;

struct pid_namespace {
	atomic_t count;
	int level;                        /* 0 for the initial namespace */
	struct pid_namespace *parent;
	struct task_struct *child_reaper; /* pid 1 of the namespace: adopts orphans */
	pid_t last_pid;                   /* pids are handed out cyclically from here */
};

extern struct pid_namespace init_pid_ns;

void put_pid_ns(struct pid_namespace *ns);
struct pid_namespace *create_pid_namespace(struct pid_namespace *parent);
#endif
