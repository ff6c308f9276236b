/*
 * Process ids.  A task has one pid in its own pid namespace and in each
 * ancestor namespace (numbers[level]); what getpid() returns depends on the
 * namespace of the caller.  Pids are handed out cyclically, so a pid is not
 * reused right after its owner was reaped (Linux does the same), and never
 * while a process group or session of that number lives.
 */
#include <sched.h>
#include <nsproxy.h>
#include <pid.h>
#include <pid_namespace.h>
#include <slab.h>
#include <uapi/errno.h>

#define RESERVED_PIDS 300 /* after wrapping, start above the daemons' pids */

struct pid_namespace init_pid_ns = { .count = ATOMIC_INIT(1), .level = 0 };

struct pid_namespace *create_pid_namespace(struct pid_namespace *parent)
{
	struct pid_namespace *ns;

	if (parent->level + 1 >= MAX_PID_NS_LEVEL || !(ns = kzalloc(sizeof(*ns))))
		return NULL;
	atomic_set(&ns->count, 1);
	ns->level = parent->level + 1;
	ns->parent = parent;
	atomic_inc(&parent->count);
	return ns;
}

void put_pid_ns(struct pid_namespace *ns)
{
	while (ns && ns != &init_pid_ns && atomic_dec_and_test(&ns->count)) {
		struct pid_namespace *parent = ns->parent;
		kfree(ns);
		ns = parent;
	}
}

/* Is ns the namespace of p or one of its ancestors? */
static bool ns_sees(const struct pid_namespace *ns, const struct task_struct *p)
{
	const struct pid_namespace *n = p->pid_ns;

	while (n && n->level > ns->level)
		n = n->parent;
	return n == ns;
}

pid_t task_pid_nr_ns(const struct task_struct *p, const struct pid_namespace *ns)
{
	return ns_sees(ns, p) ? p->numbers[ns->level] : 0;
}

pid_t task_pid_vnr(const struct task_struct *p)
{
	return task_pid_nr_ns(p, current->pid_ns);
}

pid_t task_tgid_vnr(const struct task_struct *p)
{
	return task_pid_nr_ns(p->group_leader, current->pid_ns);
}

pid_t global_pid_vnr(pid_t nr)
{
	struct task_struct *p;

	if (current->pid_ns == &init_pid_ns)
		return nr;
	list_for_each_entry(p, &task_list, tasks)
		if (p->pid == nr)
			return task_pid_vnr(p);
	return 0;
}

struct task_struct *find_task_by_vpid(pid_t nr)
{
	struct task_struct *p;

	if (nr <= 0)
		return NULL;
	list_for_each_entry(p, &task_list, tasks)
		if (task_pid_vnr(p) == nr)
			return p;
	return NULL;
}

/*
 * A number is taken while a task has it, and, for the global numbers that
 * process groups and sessions are kept as, while a group or session of that
 * number still exists (its leader may be gone): Linux keeps the struct pid.
 */
static bool pid_in_use(const struct pid_namespace *ns, pid_t nr)
{
	struct task_struct *p;

	list_for_each_entry(p, &task_list, tasks) {
		if (task_pid_nr_ns(p, ns) == nr)
			return true;
		if (ns == &init_pid_ns && (p->signal->pgrp == nr || p->signal->session == nr))
			return true;
	}
	return false;
}

static pid_t alloc_pid_nr(struct pid_namespace *ns)
{
	pid_t nr = ns->last_pid;

	for (int tries = 0; tries < PID_MAX; tries++) {
		nr = nr + 1 >= PID_MAX ? (ns->last_pid >= RESERVED_PIDS ? RESERVED_PIDS : 1) : nr + 1;
		if (!pid_in_use(ns, nr)) {
			ns->last_pid = nr;
			return nr;
		}
	}
	return -EAGAIN;
}

int alloc_pid(struct task_struct *p)
{
	struct pid_namespace *ns = p->pid_ns;

	for (struct pid_namespace *n = ns; n; n = n->parent) {
		pid_t nr = alloc_pid_nr(n);
		if (nr < 0)
			return nr;
		p->numbers[n->level] = nr;
	}
	p->pid = p->numbers[0];
	return 0;
}
