/* The arguments of kernel_clone(), as Linux's struct kernel_clone_args. */
#ifndef FORK_H
#define FORK_H
#include <types.h>

struct kernel_clone_args {
	u64 flags;               /* CLONE_* (without the exit signal) */
	int __user *child_tid;   /* CLONE_CHILD_SETTID / CLONE_CHILD_CLEARTID */
	int __user *parent_tid;  /* CLONE_PARENT_SETTID */
	int exit_signal;
	unsigned long stack;     /* the child's user stack pointer, 0 = the parent's */
	unsigned long tls;       /* CLONE_SETTLS: the child's FS base */
	/* kernel threads */
	int (*fn)(void *);
	void *fn_arg;
	const char *name;
};

/* arch/x86_64/process.c: set up the child's registers and first kernel stack frame (-EPERM: bad TLS). */
int copy_thread(struct task_struct *p, const struct kernel_clone_args *args);
#endif
