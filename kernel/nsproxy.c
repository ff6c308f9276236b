/*
 * Namespaces.  A task's nsproxy points at the namespaces it is in; clone
 * shares it unless a CLONE_NEW* flag asks for a fresh one.  Cowl has the UTS
 * namespace (hostname) and the pid namespace; the others (mount, IPC,
 * network, user, cgroup, time) are refused with -EINVAL, see docs/fork.md.
 */
#include <nsproxy.h>
#include <mm.h>
#include <string.h>
#include <uapi/sched.h>
#include <uapi/errno.h>

static struct uts_namespace init_uts_ns = {
	.count = 1,
	.name = { "Cowl", "cowl", "0.1.0", "#1", "x86_64", "(none)" },
};

struct nsproxy init_nsproxy = {
	.count = 1,
	.uts_ns = &init_uts_ns,
	.pid_ns_for_children = &init_pid_ns,
};

#define UNSUPPORTED_NS (CLONE_NEWNS | CLONE_NEWIPC | CLONE_NEWNET | CLONE_NEWUSER | CLONE_NEWCGROUP | CLONE_NEWTIME)

static struct uts_namespace *clone_uts_ns(struct uts_namespace *old)
{
	struct uts_namespace *ns = kmalloc(sizeof(*ns));

	if (ns) {
		ns->count = 1;
		ns->name = old->name; /* the child starts with the parent's hostname */
	}
	return ns;
}

void put_nsproxy(struct nsproxy *ns)
{
	if (--ns->count)
		return;
	if (--ns->uts_ns->count == 0)
		kfree(ns->uts_ns);
	put_pid_ns(ns->pid_ns_for_children);
	kfree(ns);
}

int copy_namespaces(u64 flags, struct task_struct *p)
{
	struct nsproxy *old = p->nsproxy, *ns;

	if (flags & UNSUPPORTED_NS)
		return -EINVAL;
	if (!(flags & (CLONE_NEWUTS | CLONE_NEWPID))) {
		old->count++;
		return 0;
	}
	if (!(ns = kmalloc(sizeof(*ns))))
		return -ENOMEM;
	ns->count = 1;
	ns->uts_ns = old->uts_ns;
	ns->pid_ns_for_children = old->pid_ns_for_children;
	if (flags & CLONE_NEWUTS) {
		if (!(ns->uts_ns = clone_uts_ns(old->uts_ns))) {
			kfree(ns);
			return -ENOMEM;
		}
	} else {
		ns->uts_ns->count++;
	}
	if (flags & CLONE_NEWPID) {
		ns->pid_ns_for_children = create_pid_namespace(old->pid_ns_for_children);
		if (!ns->pid_ns_for_children) {
			ns->pid_ns_for_children = old->pid_ns_for_children;
			ns->pid_ns_for_children->count++;
			put_nsproxy(ns);
			return -ENOMEM;
		}
	} else {
		ns->pid_ns_for_children->count++;
	}
	p->nsproxy = ns;
	return 0;
}
