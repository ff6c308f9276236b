/*
 * Process creation: one path, kernel_clone(), behind fork, vfork, clone and
 * clone3 (and kernel threads).  copy_process() builds the child step by step
 * and the clone flags decide, for each part, whether the child shares the
 * parent's (CLONE_VM, CLONE_FILES, CLONE_FS, CLONE_SIGHAND, CLONE_THREAD) or
 * gets a copy.  Every step can fail; the unwind releases exactly the steps
 * already done, each label named for what it releases, so nothing leaks.
 * docs/fork.md follows one fork.
 */
#include <sched.h>
#include <fork.h>
#include <mm_types.h>
#include <mm.h>
#include <slab.h>
#include <pgtable.h>
#include <fs.h>
#include <nsproxy.h>
#include <pid.h>
#include <pid_namespace.h>
#include <signal.h>
#include <syscalls.h>
#include <uaccess.h>
#include <string.h>
#include <time.h>
#include <trace.h>
#include <futex.h>
#include <kernel_stat.h>
#include <asm/cpu.h>
#include <asm/tlbflush.h>
#include <uapi/sched.h>
#include <uapi/errno.h>

int nr_threads;
unsigned long total_forks;

/* ---------------------------------------------------------------- mm */

/*
 * An mm_struct has two counts, as in Linux.  mm_users counts the tasks that
 * use the address space (mmget/mmput); at the last one the mappings and
 * page tables go.  mm_count counts references to the struct and its PML4
 * (mmgrab/mmdrop): all the users together hold one, and a kernel thread
 * holds one while it runs on the page tables it found loaded (lazy TLB,
 * see context_switch()), so they stay valid under it.
 */
struct mm_struct *mm_alloc(void)
{
	struct mm_struct *mm = kzalloc(sizeof(*mm));
	struct page *pgd;

	if (!mm)
		return NULL;
	if (!(pgd = alloc_zeroed_page())) {
		kfree(mm);
		return NULL;
	}
	mm->pgd = page_address(pgd);
	/* The kernel half is the same in every address space. */
	memcpy(mm->pgd + USER_PGD_ENTRIES, init_pgd + USER_PGD_ENTRIES,
	       (PTRS_PER_TABLE - USER_PGD_ENTRIES) * sizeof(pte_t));
	INIT_LIST_HEAD(&mm->mmap);
	atomic_set(&mm->mm_users, 1);
	atomic_set(&mm->mm_count, 1);
	return mm;
}

void mmdrop(struct mm_struct *mm)
{
	if (!atomic_dec_and_test(&mm->mm_count))
		return;
	put_page(virt_to_page(mm->pgd));
	kfree(mm);
}

void mmput(struct mm_struct *mm)
{
	if (!atomic_dec_and_test(&mm->mm_users))
		return;
	exit_mmap(mm);
	if (mm->exe_file)
		fput(mm->exe_file);
	mmdrop(mm);
}

/*
 * Copy every VMA, and share its pages copy-on-write (copy_page_range).
 * madvise can say otherwise for a range: MADV_DONTFORK (VM_DONTCOPY) leaves
 * it out of the child altogether, MADV_WIPEONFORK (VM_WIPEONFORK) gives the
 * child the VMA without its pages, so the child reads zeroes there.
 */
static int dup_mmap(struct mm_struct *mm, struct mm_struct *oldmm)
{
	struct vm_area_struct *vma, *copy;
	int err = 0;

	list_for_each_entry(vma, &oldmm->mmap, vm_list) {
		if (vma->vm_flags & VM_DONTCOPY) {
			trace_fork_vma(vma, "MADV_DONTFORK, not in the child");
			continue;
		}
		if (!(copy = vm_area_dup(vma))) {
			err = -ENOMEM;
			break;
		}
		vma_link(mm, copy);
		if (vma->vm_flags & VM_WIPEONFORK) {
			trace_fork_vma(vma, "MADV_WIPEONFORK, the child's copy starts empty");
			continue;
		}
		if ((err = copy_page_range(mm, oldmm, vma)))
			break;
		mm_cond_resched(oldmm); /* tens of thousands of VMAs with no page tables cost time too */
	}
	/*
	 * The parent's COW mappings were writable a moment ago, and another
	 * thread of it, on another CPU, may still write through its TLB's old
	 * entries into frames the child now maps: one flush on every CPU that
	 * has the parent loaded ends that before fork returns, after an error
	 * too (some entries may be write-protected by then), as Linux's
	 * dup_mmap() ends with flush_tlb_mm().  One, not one per VMA: under
	 * TCG every INVLPG or CR3 load empties QEMU's whole software TLB.
	 */
	flush_tlb_mm(oldmm);
	return err;
}

/* The layout addresses carry over; VMAs, counts and page tables are rebuilt by dup_mmap(). */
static void copy_mm_layout(struct mm_struct *mm, const struct mm_struct *oldmm)
{
	mm->start_code = oldmm->start_code, mm->end_code = oldmm->end_code;
	mm->start_data = oldmm->start_data, mm->end_data = oldmm->end_data;
	mm->start_brk = oldmm->start_brk, mm->brk = oldmm->brk, mm->start_stack = oldmm->start_stack;
	mm->arg_start = oldmm->arg_start, mm->arg_end = oldmm->arg_end;
	mm->env_start = oldmm->env_start, mm->env_end = oldmm->env_end;
	mm->mmap_base = oldmm->mmap_base;
}

static struct mm_struct *dup_mm(struct mm_struct *oldmm)
{
	struct mm_struct *mm = mm_alloc();

	if (!mm)
		return NULL;
	copy_mm_layout(mm, oldmm);
	mm->exe_file = oldmm->exe_file;
	if (mm->exe_file)
		get_file(mm->exe_file);
	if (dup_mmap(mm, oldmm)) {
		mmput(mm); /* tears down whatever was copied */
		return NULL;
	}
	return mm;
}

/*
 * The copy_X() steps of copy_process() share one shape.  dup_task_struct()
 * copied the parent's pointer to each part, so when the flag says "share"
 * the child already points at the parent's object and the step only takes
 * the reference that pointer needs; otherwise the step installs a copy of
 * the child's own.  Either way the child then holds one reference, which
 * the unwind in copy_process() (and exit) drops.
 */
static int copy_mm(u64 flags, struct task_struct *p)
{
	struct mm_struct *oldmm = current->mm;

	/* A borrowed address space (lazy TLB) is not inherited: the child holds no reference on it. */
	p->active_mm = NULL;
	if (!oldmm) /* a kernel thread: p->mm is NULL too */
		return 0;
	if (flags & CLONE_VM) /* p->mm is current->mm */
		mmget(oldmm);
	else if (!(p->mm = dup_mm(oldmm)))
		return -ENOMEM;
	p->active_mm = p->mm;
	return 0;
}

/* ------------------------------------------------- files, fs, signals */

static int copy_files(u64 flags, struct task_struct *p)
{
	/* LAB clone-flag: begin */
	if (flags & CLONE_FILES) { /* p->files is current->files */
		get_files_struct(current->files);
		return 0;
	}
	/* LAB clone-flag: end */
	return (p->files = dup_fd(current->files)) ? 0 : -ENOMEM;
}

static int copy_fs(u64 flags, struct task_struct *p)
{
	if (flags & CLONE_FS) { /* p->fs is current->fs */
		get_fs_struct(current->fs);
		return 0;
	}
	return (p->fs = copy_fs_struct(current->fs)) ? 0 : -ENOMEM;
}

static int copy_sighand(u64 flags, struct task_struct *p)
{
	if (flags & CLONE_SIGHAND) { /* p->sighand is current->sighand */
		atomic_inc(&current->sighand->count);
		return 0;
	}
	struct sighand_struct *sig = kmalloc(sizeof(*sig));
	if (!sig)
		return -ENOMEM;
	*sig = *current->sighand;
	atomic_set(&sig->count, 1);
	if (flags & CLONE_CLEAR_SIGHAND) /* clone3: handlers back to default, ignored stays ignored */
		for (int i = 0; i < _NSIG; i++)
			if (sig->action[i].handler != SIG_IGN)
				sig->action[i].handler = SIG_DFL;
	p->sighand = sig;
	return 0;
}

/*
 * Only the reference here: the group's nr_threads and live count the child
 * in link_task(), after the last step that can fail, so no unwind has to
 * take it out again.
 */
static int copy_signal(u64 flags, struct task_struct *p)
{
	if (flags & CLONE_THREAD) { /* p->signal is current->signal: the same thread group */
		atomic_inc(&current->signal->count);
		return 0;
	}
	struct signal_struct *sig = kzalloc(sizeof(*sig));
	if (!sig)
		return -ENOMEM;
	atomic_set(&sig->count, 1);
	sig->pgrp = current->signal->pgrp; /* a new process starts in its parent's group */
	sig->session = current->signal->session;
	sig->tty = current->signal->tty; /* the controlling terminal is inherited */
	memcpy(sig->rlim, current->signal->rlim, sizeof(sig->rlim));
	INIT_LIST_HEAD(&sig->thread_head);
	init_waitqueue_head(&sig->wait_chldexit);
	p->signal = sig;
	return 0;
}

void put_sighand(struct sighand_struct *sighand)
{
	if (atomic_dec_and_test(&sighand->count))
		kfree(sighand);
}

/* Drop a task's reference to its thread group (the last one frees it). */
void put_signal(struct signal_struct *sig)
{
	if (atomic_dec_and_test(&sig->count))
		kfree(sig);
}

/* ---------------------------------------------------------- the task */

/* A byte copy of orig on a fresh kernel stack: copy_process() says which fields it keeps. */
static struct task_struct *dup_task_struct(struct task_struct *orig)
{
	struct task_struct *p = kmalloc(sizeof(*p));
	struct page *stack;

	if (!p)
		return NULL;
	if (!(stack = alloc_pages(THREAD_ORDER))) {
		kfree(p);
		return NULL;
	}
	*p = *orig;
	p->stack = page_address(stack);
	atomic_set(&p->usage, 1);
	return p;
}

void put_task_struct(struct task_struct *p)
{
	if (!atomic_dec_and_test(&p->usage))
		return;
	__free_pages(virt_to_page(p->stack), THREAD_ORDER);
	kfree(p);
}

/*
 * The flag rules of Linux's copy_process(), in its order (see clone(2),
 * ERRORS).  Namespaces Cowl lacks are refused later, in copy_namespaces().
 */
static int check_clone_flags(u64 flags)
{
	if ((flags & (CLONE_NEWNS | CLONE_FS)) == (CLONE_NEWNS | CLONE_FS))
		return -EINVAL;
	if ((flags & (CLONE_NEWUSER | CLONE_FS)) == (CLONE_NEWUSER | CLONE_FS))
		return -EINVAL;
	if ((flags & CLONE_THREAD) && !(flags & CLONE_SIGHAND))
		return -EINVAL;
	/* LAB clone-flag: begin */
	if ((flags & CLONE_SIGHAND) && !(flags & CLONE_VM))
		return -EINVAL;
	/* LAB clone-flag: end */
	/* An init (any thread of it; global or of a pid namespace) must not create siblings it cannot reap. */
	if ((flags & CLONE_PARENT) && current->pid_ns->child_reaper &&
	    current->pid_ns->child_reaper->signal == current->signal)
		return -EINVAL;
	if ((flags & CLONE_THREAD) &&
	    ((flags & (CLONE_NEWUSER | CLONE_NEWPID)) || current->pid_ns != current->nsproxy->pid_ns_for_children))
		return -EINVAL;
	/* pidfds are not implemented: this also covers Linux's CLONE_PIDFD with CLONE_DETACHED or CLONE_THREAD. */
	if (flags & CLONE_PIDFD)
		return -EINVAL;
	return 0;
}

/* The fields that are the child's own from the start, whatever the parent's were. */
static void reset_task_fields(struct task_struct *p, const struct kernel_clone_args *args)
{
	u64 flags = args->flags;

	p->__state = TASK_NEW;
	p->flags = args->fn ? PF_KTHREAD : 0;
	p->exit_state = 0;
	p->exit_code = 0;
	p->exit_signal = args->exit_signal;
	p->pdeath_signal = 0;
	INIT_LIST_HEAD(&p->children);
	INIT_LIST_HEAD(&p->sibling);
	INIT_LIST_HEAD(&p->run_list);
	p->pending.signal = 0;
	p->jobctl = 0;
	p->restore_sigmask = false;
	p->robust_list = NULL; /* the new thread registers its own (glibc does at start) */
	p->vfork_done = NULL;
	p->restart_block.fn = NULL;
	p->set_child_tid = flags & CLONE_CHILD_SETTID ? args->child_tid : NULL;
	p->clear_child_tid = flags & CLONE_CHILD_CLEARTID ? args->child_tid : NULL;
	p->start_time = jiffies;
	p->utime = p->stime = 0;
	p->min_flt = p->maj_flt = 0;
	p->nvcsw = p->nivcsw = 0;
	if ((flags & (CLONE_VM | CLONE_VFORK)) == CLONE_VM)
		sas_ss_reset(p); /* a thread must not share its creator's signal stack */
	if (args->name)
		set_task_comm(p, args->name);
}

/* Put the new task in the family tree, its thread group and the task list. */
static void link_task(struct task_struct *p, u64 flags)
{
	if (flags & (CLONE_PARENT | CLONE_THREAD)) {
		p->real_parent = current->real_parent;
		p->exit_signal = flags & CLONE_THREAD ? -1 : current->group_leader->exit_signal;
	} else {
		p->real_parent = current;
	}
	p->parent = p->real_parent;
	if (flags & CLONE_THREAD) {
		p->group_leader = current->group_leader;
		p->tgid = current->tgid;
	} else {
		p->group_leader = p;
		p->tgid = p->pid;
		/* Only thread-group leaders are children: threads are never waitable. */
		list_add_tail(&p->sibling, &p->real_parent->children);
		if (p->numbers[p->pid_ns->level] == 1)
			p->pid_ns->child_reaper = p;
	}
	p->signal->nr_threads++;
	p->signal->live++;
	/* A thread made while its group is stopping stops too (Linux's task_join_group_stop). */
	if ((flags & CLONE_THREAD) && (current->jobctl & JOBCTL_STOP_PENDING)) {
		p->jobctl |= JOBCTL_STOP_PENDING;
		p->signal->group_stop_count++;
	}
	list_add_tail(&p->thread_node, &p->signal->thread_head);
	list_add_tail(&p->tasks, &task_list);
	nr_threads++;
}

/*
 * Build the child of current.  dup_task_struct() starts it as a byte copy
 * of the parent.  From that copy the child keeps its blocked signal mask,
 * its signal stack (sigaltstack) and comm (a kernel thread is named
 * afresh), and the pointers mm, files,
 * fs, sighand, signal and nsproxy, which the copy_X() steps back with a
 * reference (shared) or replace (a copy).  The rest is overwritten:
 * reset_task_fields() sets state, exit status, child lists, pending
 * signals, tid pointers, times, fault and switch counts and (for a CLONE_VM child) the signal
 * stack; copy_mm() active_mm; alloc_pid() the pids; copy_thread() the
 * registers, FPU state and FS base; link_task() the family and group
 * links; wake_up_new_task() the time slice.  (The copied fault_address is
 * only read after a fault of the child's sets it.)
 */
static struct task_struct *copy_process(struct kernel_clone_args *args)
{
	u64 flags = args->flags;
	struct task_struct *p;
	int err = check_clone_flags(flags);

	if (err)
		return ERR_PTR(err);
	if (nr_threads >= MAX_THREADS)
		return ERR_PTR(-EAGAIN);
	/* RLIMIT_NPROC counts the tasks of the real user, the new one included; root is exempt (Linux). */
	if ((u64)nr_tasks_of_user(current->cred.uid) >= rlimit(RLIMIT_NPROC) &&
	    current->cred.uid != GLOBAL_ROOT_UID && !capable())
		return ERR_PTR(-EAGAIN);
	if (!(p = dup_task_struct(current)))
		return ERR_PTR(-ENOMEM);
	reset_task_fields(p, args);

	if ((err = copy_files(flags, p)))
		goto bad_fork_free;
	if ((err = copy_fs(flags, p)))
		goto bad_fork_cleanup_files;
	if ((err = copy_sighand(flags, p)))
		goto bad_fork_cleanup_fs;
	if ((err = copy_signal(flags, p)))
		goto bad_fork_cleanup_sighand;
	if ((err = copy_mm(flags, p)))
		goto bad_fork_cleanup_signal;
	if ((err = copy_namespaces(flags, p)))
		goto bad_fork_cleanup_mm;
	if ((err = copy_thread(p, args)))
		goto bad_fork_cleanup_namespaces;
	p->pid_ns = p->nsproxy->pid_ns_for_children;
	if ((err = alloc_pid(p)))
		goto bad_fork_cleanup_namespaces;

	/* No more failure paths after this point: nothing below is ever undone. */
	atomic_inc(&p->pid_ns->count);
	link_task(p, flags);
	total_forks++;
	return p;

bad_fork_cleanup_namespaces:
	put_nsproxy(p->nsproxy);
bad_fork_cleanup_mm:
	if (p->mm)
		mmput(p->mm);
bad_fork_cleanup_signal:
	put_signal(p->signal);
bad_fork_cleanup_sighand:
	put_sighand(p->sighand);
bad_fork_cleanup_fs:
	put_fs_struct(p->fs);
bad_fork_cleanup_files:
	put_files_struct(p->files);
bad_fork_free:
	put_task_struct(p);
	return ERR_PTR(err);
}

static void wait_for_vfork_done(struct vfork_completion *vfork)
{
	while (!vfork->done) {
		current->__state = TASK_UNINTERRUPTIBLE;
		schedule();
	}
}

pid_t kernel_clone(struct kernel_clone_args *args)
{
	struct vfork_completion vfork = { false, current };
	struct task_struct *p = copy_process(args);

	if (IS_ERR(p))
		return PTR_ERR(p);
	pid_t nr = task_pid_vnr(p);
	trace_clone(args->flags | (args->exit_signal & CSIGNAL), p->pid);
	trace_odf_fork(p);
	if (args->flags & CLONE_PARENT_SETTID)
		put_user_obj(args->parent_tid, &nr); /* a bad pointer is ignored, as on Linux */
	if (args->flags & CLONE_VFORK)
		p->vfork_done = &vfork;
	wake_up_new_task(p);
	if (args->flags & CLONE_VFORK)
		wait_for_vfork_done(&vfork);
	return nr;
}

/* Runs in the child before its first return to user mode (from ret_from_fork). */
void schedule_tail(void)
{
	pid_t nr = task_pid_vnr(current);

	finish_dead_task();
	if (current->set_child_tid)
		put_user_obj(current->set_child_tid, &nr);
}

void mm_release(struct task_struct *tsk, struct mm_struct *mm)
{
	static const int zero;

	exit_robust_list(tsk); /* Linux's futex_exit_release / futex_exec_release */
	if (tsk->clear_child_tid) {
		if (atomic_read(&mm->mm_users) > 1 && !put_user_obj(tsk->clear_child_tid, &zero))
			futex_wake((u32 __user *)tsk->clear_child_tid, 1);
		tsk->clear_child_tid = NULL;
	}
	if (tsk->vfork_done) {
		tsk->vfork_done->done = true;
		wake_up_process(tsk->vfork_done->waiter);
		tsk->vfork_done = NULL;
	}
}

pid_t kernel_thread(int (*fn)(void *), void *arg, const char *name, unsigned long flags)
{
	struct kernel_clone_args args = {
		.flags = flags & ~CSIGNAL,
		.exit_signal = flags & CSIGNAL,
		.fn = fn,
		.fn_arg = arg,
		.name = name,
	};
	return kernel_clone(&args);
}

/* ------------------------------------------------------ system calls */

long sys_fork(void)
{
	struct kernel_clone_args args = { .exit_signal = SIGCHLD };
	return kernel_clone(&args);
}

long sys_vfork(void)
{
	struct kernel_clone_args args = { .flags = CLONE_VFORK | CLONE_VM, .exit_signal = SIGCHLD };
	return kernel_clone(&args);
}

/* x86-64 order: flags, newsp, parent_tid, child_tid, tls.  Unknown flag bits are ignored. */
long sys_clone(unsigned long flags, unsigned long newsp, int __user *parent_tid, int __user *child_tid,
	       unsigned long tls)
{
	struct kernel_clone_args args = {
		.flags = (u32)flags & ~CSIGNAL,
		.child_tid = child_tid,
		.parent_tid = parent_tid,
		.exit_signal = flags & CSIGNAL,
		.stack = newsp,
		.tls = tls,
	};
	return kernel_clone(&args);
}

/*
 * clone3: the arguments come as a struct whose size says which version the
 * caller knows.  Linux's copy_clone_args_from_user() rules: smaller than the
 * first version → EINVAL; over a page → E2BIG; bytes we do not know must be
 * zero (else E2BIG); an unreadable struct → EFAULT.
 */
static int copy_clone_args_from_user(struct clone_args *kargs, struct clone_args __user *uargs, size_t size)
{
	*kargs = (struct clone_args){ 0 };
	if (size > PAGE_SIZE)
		return -E2BIG;
	if (size < CLONE_ARGS_SIZE_VER0)
		return -EINVAL;
	if (copy_from_user(kargs, uargs, MIN(size, sizeof(*kargs))))
		return -EFAULT;
	for (size_t off = sizeof(*kargs); off < size; off++) {
		u8 byte;
		if (copy_from_user(&byte, (u8 __user *)uargs + off, 1))
			return -EFAULT;
		if (byte)
			return -E2BIG;
	}
	if (kargs->set_tid_size > MAX_PID_NS_LEVEL || (!kargs->set_tid && kargs->set_tid_size) ||
	    (kargs->set_tid && !kargs->set_tid_size))
		return -EINVAL;
	if ((kargs->exit_signal & ~(u64)CSIGNAL) || kargs->exit_signal > _NSIG)
		return -EINVAL;
	if ((kargs->flags & CLONE_INTO_CGROUP) && (kargs->cgroup > 0x7fffffff || size < CLONE_ARGS_SIZE_VER2))
		return -EINVAL;
	return 0;
}

static bool clone3_args_valid(const struct clone_args *a)
{
	if (a->flags & ~(0xffffffffull | CLONE_CLEAR_SIGHAND | CLONE_INTO_CGROUP))
		return false;
	/* Kept free for clone3's future: CLONE_DETACHED and the exit-signal byte (CLONE_NEWTIME lives there). */
	if (a->flags & (CLONE_DETACHED | (CSIGNAL & ~CLONE_NEWTIME)))
		return false;
	if ((a->flags & (CLONE_SIGHAND | CLONE_CLEAR_SIGHAND)) == (CLONE_SIGHAND | CLONE_CLEAR_SIGHAND))
		return false;
	if ((a->flags & (CLONE_THREAD | CLONE_PARENT)) && a->exit_signal)
		return false;
	if (!a->stack != !a->stack_size)
		return false;
	if (a->stack && !access_ok((void *)a->stack, a->stack_size))
		return false;
	/* Not implemented: cgroups, choosing pids. */
	if ((a->flags & CLONE_INTO_CGROUP) || a->set_tid)
		return false;
	return true;
}

long sys_clone3(struct clone_args __user *uargs, size_t size)
{
	struct clone_args a;
	int err = copy_clone_args_from_user(&a, uargs, size);

	if (err)
		return err;
	if (!clone3_args_valid(&a))
		return -EINVAL;
	struct kernel_clone_args args = {
		.flags = a.flags,
		.child_tid = (int __user *)a.child_tid,
		.parent_tid = (int __user *)a.parent_tid,
		.exit_signal = (int)a.exit_signal,
		/* The stack grows down: the child starts at its top. */
		.stack = a.stack ? a.stack + a.stack_size : 0,
		.tls = a.tls,
	};
	return kernel_clone(&args);
}
