/*
 * The scheduler: round robin over one run queue per CPU.  Each CPU's timer
 * takes a tick off its running task's slice; when it is used up,
 * need_resched is set and the task is switched out on its way back to user
 * mode, or at a cond_resched() point of long kernel work (the kernel is
 * never preempted anywhere else).  When nothing is runnable a CPU's idle
 * task (pid 0: the boot context on CPU 0) halts until the next interrupt.
 *
 * A task stays on the CPU it was given at creation (select_task_rq()),
 * unless sched_setaffinity(2) takes that CPU out of its cpus_mask; the
 * threads of one process may be on different CPUs, whose TLBs the
 * shootdowns of arch/x86_64/mm/tlb.c keep right.  The run queues, like
 * everything else, are protected by the big kernel lock (smp_lock.h).
 */
#include <sched.h>
#include <mm.h>
#include <pgtable.h>
#include <signal.h>
#include <trace.h>
#include <asm/mmu_context.h>
#include <nsproxy.h>
#include <pid_namespace.h>
#include <kernel_stat.h>
#include <smp.h>
#include <smp_lock.h>
#include <printk.h>
#include <spinlock.h>
#include <asm/apic.h>
#include <asm/desc.h>
#include <asm/cpu.h>
#include <asm/ptrace.h>
#include <uapi/unistd.h>

#define TIME_SLICE 5 /* ticks (50 ms at HZ = 100) */

extern char init_stack[];
void switch_context(unsigned long *prev_sp, unsigned long next_sp);

struct task_struct init_task = {
	.__state = TASK_RUNNING,
	.flags = PF_KTHREAD,
	.comm = "swapper",
	.cpus_mask = { CPU_BITS_ALL },
	.stack = init_stack,
	.group_leader = &init_task,
	.children = LIST_HEAD_INIT(init_task.children),
	.sibling = LIST_HEAD_INIT(init_task.sibling),
	.tasks = LIST_HEAD_INIT(init_task.tasks),
	.run_list = LIST_HEAD_INIT(init_task.run_list),
	.thread_node = LIST_HEAD_INIT(init_task.thread_node),
};
LIST_HEAD(task_list);
struct kernel_cpustat kcpustat[NR_CPUS];
static u64 nr_switches;

static struct sighand_struct init_sighand = { .count = ATOMIC_INIT(1) };
static struct signal_struct init_signal = {
	.count = ATOMIC_INIT(1),
	.nr_threads = 1,
	.live = 1,
	.thread_head = LIST_HEAD_INIT(init_signal.thread_head),
	.wait_chldexit = WAIT_QUEUE_HEAD_INIT(init_signal.wait_chldexit),
};

/* Make the boot context the idle task, with the structures its children copy. */
void sched_init(void)
{
	init_task.sighand = &init_sighand;
	init_task.signal = &init_signal;
	init_task.nsproxy = &init_nsproxy;
	init_task.pid_ns = &init_pid_ns;
	atomic_set(&init_task.usage, 1);
	init_rlimits(init_signal.rlim);
	list_add(&init_task.thread_node, &init_signal.thread_head);
	fpu_init_state(&init_task.thread.fpu);
}

/* On its CPU's queue; an idle CPU is woken from HLT to run it. */
static void enqueue(struct task_struct *p)
{
	struct percpu *c = per_cpu_area(p->cpu);

	list_add_tail(&p->run_list, &c->runqueue);
	if (p->cpu != smp_processor_id() && c->current_task == c->idle)
		apic_send_ipi(c->apic_id, RESCHEDULE_VECTOR);
}

/* The tasks a CPU has to run: its queue, and the one it runs unless that is its idle task. */
static unsigned int cpu_load(unsigned int cpu)
{
	struct percpu *c = per_cpu_area(cpu);
	struct task_struct *t;
	unsigned int n = c->current_task != c->idle;

	list_for_each_entry(t, &c->runqueue, run_list)
		n++;
	return n;
}

/*
 * A new task's CPU, one its mask allows (sched_setaffinity() keeps some
 * online CPU in every mask).  A kernel thread, and a vfork child (its
 * parent sleeps until it execs or exits: nothing would run in parallel),
 * stay on their creator's if allowed.  Any other user task, a thread of the
 * same process too (TLB shootdowns keep its mm's TLBs right wherever it
 * runs), goes to another allowed CPU only if that one has fewer tasks (the
 * next in turn among such), so that two threads really run at once where a
 * CPU is free; else it stays: a CPU as busy elsewhere would not run it any
 * sooner, and a creation across CPUs costs IPIs and a second CR3 load
 * (make bench's scaling rows: 2 CPUs made 0.53x and 0.34x the fork and
 * thread throughput of one with the old "another CPU among equals").
 */
static unsigned int select_task_rq(const struct task_struct *p)
{
	static unsigned int next_cpu; /* protected by the big kernel lock */
	struct cpumask allowed = { p->cpus_mask.bits & cpu_online_mask->bits };
	unsigned int best = current->cpu;

	/* The creator's CPU runs, so it is online (even before smp_init() says so). */
	if (cpumask_test_cpu(best, &p->cpus_mask)) {
		if (!p->mm || p->vfork_done)
			return best;
	} else {
		best = cpumask_first(&allowed);
	}
	for (unsigned int i = 1; i <= NR_CPUS; i++) {
		unsigned int cpu = (next_cpu + i) % NR_CPUS;
		if (cpumask_test_cpu(cpu, &allowed) && cpu != current->cpu && cpu_load(cpu) < cpu_load(best))
			best = cpu;
	}
	return next_cpu = best;
}

/*
 * Linux's set_cpus_allowed_ptr(): p may run only on the CPUs of new_mask
 * (those offline ignored; -EINVAL if that leaves none), and leaves its CPU
 * at once if the mask excludes it.  Queued, it moves to the new CPU's queue;
 * running here, it switches out onto that queue; running on another CPU (in
 * user mode, or waiting for the big kernel lock this CPU holds), that CPU
 * is told to reschedule, and schedule() there queues it on its new CPU.
 */
int set_cpus_allowed_ptr(struct task_struct *p, const struct cpumask *new_mask)
{
	struct cpumask allowed = { new_mask->bits & cpu_online_mask->bits };
	struct percpu *c = per_cpu_area(p->cpu);
	bool queued = p->__state == TASK_RUNNING && p != c->current_task;

	if (!allowed.bits)
		return -EINVAL;
	p->cpus_mask.bits = new_mask->bits & CPU_BITS_ALL;
	if (cpumask_test_cpu(p->cpu, &allowed))
		return 0;
	if (queued)
		list_del(&p->run_list);
	p->cpu = cpumask_first(&allowed);
	if (queued) {
		enqueue(p);
	} else if (p == current) {
		schedule();
	} else if (p == c->current_task) {
		c->need_resched = true;
		apic_send_ipi(c->apic_id, RESCHEDULE_VECTOR);
	}
	return 0;
}

void wake_up_state(struct task_struct *p, unsigned int state)
{
	if (!(p->__state & state))
		return;
	p->__state = TASK_RUNNING;
	if (p != current)
		enqueue(p);
}

/* A sleeper; never a stopped task, which only SIGCONT or SIGKILL wakes. */
void wake_up_process(struct task_struct *p)
{
	wake_up_state(p, TASK_NORMAL);
}

void wake_up_new_task(struct task_struct *p)
{
	p->time_slice = TIME_SLICE;
	p->cpu = select_task_rq(p);
	wake_up_state(p, TASK_NEW);
}

/* Load the next task's page tables, stack for entries from ring 3, FPU and TLS. */
static void context_switch(struct task_struct *prev, struct task_struct *next)
{
	struct mm_struct *oldmm = prev->active_mm;
	if (!next->mm) {
		/* A kernel thread runs on the loaded page tables (lazy TLB: no CR3 write) and pins them. */
		next->active_mm = oldmm;
		if (prev->mm)
			mmgrab(oldmm);
		else
			prev->active_mm = NULL; /* prev's reference, if any, passes to next */
	} else {
		next->active_mm = next->mm;
		switch_mm(next->mm);
		if (!prev->mm && oldmm) {
			prev->active_mm = NULL;
			mmdrop(oldmm); /* next's own page tables are loaded now */
		}
	}
	tss_set_kernel_stack((unsigned long)next->stack + THREAD_SIZE);
	fpu_save(&prev->thread.fpu);
	fpu_restore(&next->thread.fpu);
	prev->thread.fsbase = rdmsr(MSR_FS_BASE);
	wrmsr(MSR_FS_BASE, next->thread.fsbase);
	/* The user's GS base is in KERNEL_GS_BASE while the kernel runs (entry.asm). */
	prev->thread.gsbase = rdmsr(MSR_KERNEL_GS_BASE);
	wrmsr(MSR_KERNEL_GS_BASE, next->thread.gsbase);
	this_cpu_write(current_task, next);
	trace_switch(prev->pid, next->pid);
	switch_context(&prev->thread.sp, next->thread.sp);
}

/*
 * Linux's schedule_debug(): a CPU must not switch tasks holding a spinlock.
 * The next task could spin on it forever (or the lock's interrupts stay
 * off until the sleeper wakes), so say which lock, which task and which
 * call instead of hanging.
 */
static void schedule_debug(const char *what)
{
	spinlock_t *lock = last_held_spinlock();

	if (!in_atomic())
		return;
	panic("scheduling while atomic: %s/%d in %s holds spinlock %s (%u held)", current->comm, current->pid, what,
	      lock ? lock->name : "?", this_cpu()->preempt_count);
}

void schedule(void)
{
	struct task_struct *prev = current, *next;
	struct percpu *c = this_cpu();

	schedule_debug("schedule");
	c->need_resched = false;
	if (prev->__state == TASK_RUNNING && prev != c->idle)
		enqueue(prev);
	if (list_empty(&c->runqueue)) {
		next = c->idle;
	} else {
		next = list_first_entry(&c->runqueue, struct task_struct, run_list);
		list_del(&next->run_list);
	}
	if (next->time_slice <= 0)
		next->time_slice = TIME_SLICE;
	if (next != prev) {
		/* Linux's switch counts: a task that gave up the CPU to sleep switched voluntarily. */
		if (prev->__state == TASK_RUNNING)
			prev->nivcsw++;
		else
			prev->nvcsw++;
		nr_switches++;
		context_switch(prev, next);
		finish_dead_task();
	}
}

void scheduler_tick(void)
{
	struct task_struct *p = current;

	if (p == this_cpu()->idle) {
		kcpustat_this_cpu->cpustat[CPUTIME_IDLE]++;
		return;
	}
	if (user_mode(task_pt_regs(p)) && !this_cpu()->in_irq_window) {
		p->utime++;
		kcpustat_this_cpu->cpustat[CPUTIME_USER]++;
	} else {
		p->stime++;
		kcpustat_this_cpu->cpustat[CPUTIME_SYSTEM]++;
	}
	if (--p->time_slice <= 0)
		this_cpu()->need_resched = true;
}

/*
 * The last stop before returning to user mode: switch tasks if the time
 * slice is over, act on pending signals (which may not return), and
 * restart a system call a signal interrupted when that is the rule.  The
 * big kernel lock is let go last (an interrupt that found nothing to lock
 * for, an IPI, comes here without it).
 */
void exit_to_user_mode(struct pt_regs *regs)
{
	if (!kernel_locked())
		lock_kernel();
	for (;;) {
		if (this_cpu()->need_resched)
			schedule();
		else if (signal_pending(current))
			do_signal(regs);
		else
			break;
	}
	/* No handler ran: rt_sigsuspend's caller gets its own mask back. */
	if (current->restore_sigmask) {
		current->blocked = current->saved_sigmask;
		current->restore_sigmask = false;
	}
	/* Interrupted, but no handler ran (a stop, or a signal that was ignored): just call again. */
	if (in_syscall(regs) && (regs->rax == (u64)-ERESTARTSYS || regs->rax == (u64)-ERESTARTNOHAND)) {
		syscall_restart(regs);
	} else if (in_syscall(regs) && regs->rax == (u64)-ERESTART_RESTARTBLOCK) {
		regs->orig_rax = __NR_restart_syscall; /* go on where the call left off */
		syscall_restart(regs);
	}
	unlock_kernel();
}

u64 nr_context_switches(void)
{
	return nr_switches;
}

/*
 * A preemption point for long kernel work (Linux's cond_resched).  The
 * kernel runs with interrupts off, so the timer tick that ends a time slice
 * would wait for the return to user mode: here pending interrupts are taken
 * (STI enables them after the next instruction, Intel SDM vol. 2B, STI) and
 * another task runs if the slice is over.  The caller holds nothing another
 * task might need meanwhile, so the big kernel lock is let go too: kernel
 * code of other CPUs may run in between, as another task's would here.
 */
void cond_resched(void)
{
	struct percpu *c = this_cpu();

	schedule_debug("cond_resched");
	unlock_kernel();
	c->in_irq_window = true;
	local_irq_window();
	c->in_irq_window = false;
	lock_kernel();
	if (c->need_resched)
		schedule();
}

/* Every CPU ends here.  The lock is let go before HLT: an interrupt takes it again if it needs it. */
__noreturn void cpu_idle(void)
{
	struct percpu *c = this_cpu();

	for (;;) {
		lock_kernel();
		while (!list_empty(&c->runqueue))
			schedule();
		unlock_kernel();
		safe_halt();
	}
}

/* kernel/include/wait.h */
void sleep_on(struct wait_queue_head *wq)
{
	struct wait_queue_entry wait = { .task = current };

	list_add_tail(&wait.entry, &wq->head);
	current->__state = TASK_INTERRUPTIBLE;
	schedule();
	list_del(&wait.entry);
}

void wake_up(struct wait_queue_head *wq)
{
	struct wait_queue_entry *w;

	list_for_each_entry(w, &wq->head, entry)
		wake_up_process(w->task);
}

bool signal_pending_current(void)
{
	return signal_pending(current);
}

long sys_sched_yield(void)
{
	this_cpu()->need_resched = true;
	return 0;
}
