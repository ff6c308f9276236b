/*
 * Namespaces.  A task's nsproxy points at the namespaces it is in; clone
 * shares it unless a CLONE_NEW* flag asks for a fresh one.  Cowl has the UTS
 * namespace (hostname) and the pid namespace; the others (mount, IPC,
 * network, user, cgroup, time) are refused with -EINVAL, see docs/fork.md.
 */
#include <sched.h>
#include <nsproxy.h>
#include <pid_namespace.h>
#include <utsname.h>
#include <slab.h>
#include <string.h>
#include <uapi/sched.h>
#include <uapi/errno.h>

static struct uts_namespace init_uts_ns = {
	.count = ATOMIC_INIT(1),
	.name = { "Cowl", "cowl", "0.1.0", "#1", "x86_64", "(none)" },
};

struct nsproxy init_nsproxy = {
	.count = ATOMIC_INIT(1),
	.uts_ns = &init_uts_ns,
	.pid_ns_for_children = &init_pid_ns,
};

#define UNSUPPORTED_NS (CLONE_NEWNS | CLONE_NEWIPC | CLONE_NEWNET | CLONE_NEWUSER | CLONE_NEWCGROUP | CLONE_NEWTIME)

static struct uts_namespace *clone_uts_ns(struct uts_namespace *old)
{
	struct uts_namespace *ns = kmalloc(sizeof(*ns));

	if (ns) {
		atomic_set(&ns->count, 1);
		ns->name = old->name; /* the child starts with the parent's hostname */
	}
	return ns;
}

static void put_uts_ns(struct uts_namespace *ns)
{
	if (atomic_dec_and_test(&ns->count))
		kfree(ns);
}

/* Each namespace of a new nsproxy is the old one, with a reference, or a new one (NULL: no memory). */
static struct uts_namespace *copy_utsname(u64 flags, struct uts_namespace *old)
{
	if (flags & CLONE_NEWUTS)
		return clone_uts_ns(old);
	atomic_inc(&old->count);
	return old;
}

static struct pid_namespace *copy_pid_ns(u64 flags, struct pid_namespace *old)
{
	if (flags & CLONE_NEWPID)
		return create_pid_namespace(old);
	atomic_inc(&old->count);
	return old;
}

void put_nsproxy(struct nsproxy *ns)
{
	if (!atomic_dec_and_test(&ns->count))
		return;
	put_uts_ns(ns->uts_ns);
	put_pid_ns(ns->pid_ns_for_children);
	kfree(ns);
}

/* A new nsproxy for flags' CLONE_NEW* namespaces, sharing the others with old. */
static struct nsproxy *create_new_namespaces(u64 flags, struct nsproxy *old)
{
	struct nsproxy *ns = kmalloc(sizeof(*ns));

	if (!ns)
		return NULL;
	atomic_set(&ns->count, 1);
	if (!(ns->uts_ns = copy_utsname(flags, old->uts_ns)))
		goto bad_ns_free;
	if (!(ns->pid_ns_for_children = copy_pid_ns(flags, old->pid_ns_for_children)))
		goto bad_ns_cleanup_uts;
	return ns;

bad_ns_cleanup_uts:
	put_uts_ns(ns->uts_ns);
bad_ns_free:
	kfree(ns);
	return NULL;
}

/* The copy_X() shape of kernel/fork.c: share with a reference, or install new ones. */
int copy_namespaces(u64 flags, struct task_struct *p)
{
	struct nsproxy *ns;

	if (flags & UNSUPPORTED_NS)
		return -EINVAL;
	if (!(flags & (CLONE_NEWUTS | CLONE_NEWPID))) { /* p->nsproxy is current->nsproxy */
		atomic_inc(&current->nsproxy->count);
		return 0;
	}
	if (!(ns = create_new_namespaces(flags, current->nsproxy)))
		return -ENOMEM;
	p->nsproxy = ns;
	return 0;
}
