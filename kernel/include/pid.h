/* Process ids (kernel/pid.c): handing them out and translating them between namespaces. */
#ifndef PID_H
#define PID_H
#include <types.h>

struct task_struct;
struct pid_namespace;

/* Give p a pid in its namespace and every ancestor; -EAGAIN if one is full. */
int alloc_pid(struct task_struct *p);
struct task_struct *find_task_by_vpid(pid_t nr);   /* in the caller's namespace */
pid_t task_pid_vnr(const struct task_struct *p);   /* p's pid as the caller sees it */
pid_t task_tgid_vnr(const struct task_struct *p);
pid_t task_pid_nr_ns(const struct task_struct *p, const struct pid_namespace *ns);
/* A global pid (a process group or session id) as the caller numbers it; 0 if not visible. */
pid_t global_pid_vnr(pid_t nr);
#endif
