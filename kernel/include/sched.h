/*
 * Tasks.  As in Linux, a task_struct is one thread of execution; what makes
 * a set of tasks a "process" or "threads" is only which of the structures
 * below they share (mm, files, fs, sighand, signal), decided by the clone
 * flags in kernel/fork.c.
 */
#ifndef SCHED_H
#define SCHED_H
#include <types.h>
#include <list.h>
#include <wait.h>
#include <asm/fpu.h>
#include <asm/page.h>
#include <asm/ptrace.h>
#include <asm/percpu.h>
#include <cpumask.h>
#include <atomic.h>
#include <cred.h>
#include <uapi/signal.h>
#include <uapi/resource.h>

struct mm_struct;
struct files_struct;
struct fs_struct;
struct pt_regs;
struct pid_namespace;
struct nsproxy;
struct robust_list_head;
struct tty_struct;
struct timespec;
struct pollfd;

/* __state values, as Linux numbers them */
#define TASK_RUNNING 0x0000
#define TASK_INTERRUPTIBLE 0x0001
#define TASK_UNINTERRUPTIBLE 0x0002
#define __TASK_STOPPED 0x0004
#define TASK_WAKEKILL 0x0100 /* a fatal signal wakes it */
#define TASK_NEW 0x0800
#define TASK_STOPPED (TASK_WAKEKILL | __TASK_STOPPED)
#define TASK_NORMAL (TASK_INTERRUPTIBLE | TASK_UNINTERRUPTIBLE)
/* exit_state values */
#define EXIT_DEAD 0x0010
#define EXIT_ZOMBIE 0x0020

/* flags */
#define PF_EXITING 0x00000004
#define PF_KTHREAD 0x00200000

/* jobctl: this thread is to stop on its way back to user mode (a group stop is under way) */
#define JOBCTL_STOP_PENDING (1u << 17)

/* signal_struct flags, as Linux numbers them: the group's stop state and what the parent is yet to hear */
#define SIGNAL_STOP_STOPPED 0x00000001   /* every thread has stopped */
#define SIGNAL_STOP_CONTINUED 0x00000002 /* SIGCONT came after a stop: wait's WCONTINUED reports it */
#define SIGNAL_CLD_STOPPED 0x00000010    /* the parent is to be told CLD_STOPPED ... */
#define SIGNAL_CLD_CONTINUED 0x00000020  /* ... or CLD_CONTINUED */
#define SIGNAL_CLD_MASK (SIGNAL_CLD_STOPPED | SIGNAL_CLD_CONTINUED)
#define SIGNAL_STOP_MASK (SIGNAL_CLD_MASK | SIGNAL_STOP_STOPPED | SIGNAL_STOP_CONTINUED)

#define TASK_COMM_LEN 16
#define THREAD_SIZE (4 * PAGE_SIZE) /* kernel stack */
#define THREAD_ORDER 2
#define MAX_PID_NS_LEVEL 4
#define PID_MAX 32768
#define MAX_THREADS 512 /* tasks in the system: fork beyond it is -EAGAIN */

struct thread_struct {
	unsigned long sp;        /* kernel stack pointer while switched out */
	unsigned long fsbase;    /* user FS base (TLS), arch_prctl(ARCH_SET_FS) */
	unsigned long gsbase;
	struct fpu_state fpu;    /* user x87/SSE registers while switched out */
};

/* How restart_syscall(2) goes on with a call a stop interrupted: to the same deadline. */
struct restart_block {
	long (*fn)(struct restart_block *rb); /* NULL: nothing to go on with (EINTR) */
	u64 deadline;                         /* absolute, on the call's clock */
	union {
		struct {
			int clock;
			struct timespec __user *rem;
		} nanosleep;
		struct {
			struct pollfd __user *ufds;
			unsigned int nfds;
		} poll;
	};
};

struct vfork_completion {
	bool done;
	struct task_struct *waiter;
};

/* Who sent a pending signal, kept from its first sending (Linux keeps one per standard signal). */
struct kernel_siginfo {
	int signo, code;     /* siginfo_t's si_signo, si_code, ... (uapi/siginfo.h) */
	pid_t pid;
	uid_t uid;
	int status;
	long utime, stime;
	unsigned long addr;
};

struct k_sigpending {
	u64 signal; /* bit (sig - 1) set: signal pending */
	struct kernel_siginfo info[_NSIG]; /* info[sig - 1]: valid while the bit is set */
};

/* Signal handlers: shared with CLONE_SIGHAND. */
struct sighand_struct {
	atomic_t count;
	struct k_sigaction action[_NSIG];
};

/* The thread group ("process"): shared with CLONE_THREAD. */
struct signal_struct {
	atomic_t count;                   /* references (tasks + waiters) */
	int nr_threads;                   /* tasks in the group */
	int live;                         /* ... that have not exited yet */
	struct list_head thread_head;     /* the tasks, through thread_node */
	struct k_sigpending shared_pending;
	int group_exit_code;              /* the exit status; while stopped, the stop signal until reported */
	bool group_exit;                  /* exit_group or a fatal signal is under way */
	unsigned int flags;               /* SIGNAL_STOP_*, SIGNAL_CLD_*: job control */
	int group_stop_count;             /* threads still to stop in a group stop */
	pid_t pgrp;                       /* process group and session (global pids): */
	pid_t session;                    /* job control, setpgid(2), setsid(2) */
	struct tty_struct *tty;           /* the controlling terminal, NULL for none (kernel/fs/tty_jobctrl.c) */
	struct wait_queue_head wait_chldexit; /* parents in wait4 sleep here */
	u64 utime, stime;                 /* ticks of the group's threads that have exited */
	u64 cutime, cstime;               /* ticks of reaped children and their reaped children */
	struct rlimit64 rlim[RLIM_NLIMITS]; /* resource limits: setrlimit(2), inherited by fork */
	bool is_child_subreaper;          /* PR_SET_CHILD_SUBREAPER: adopts orphaned descendants */
};

struct task_struct {
	struct thread_struct thread;      /* first: the context switch saves here */
	volatile long __state;
	unsigned int flags;
	unsigned int jobctl;              /* JOBCTL_* */
	unsigned int cpu;                 /* the CPU it runs on (kernel/sched/core.c) */
	struct cpumask cpus_mask;         /* the CPUs it may run on: sched_setaffinity(2), inherited by fork */
	int exit_state;
	int exit_code;                    /* wait status reported to the parent */
	int exit_signal;                  /* sent to the parent at exit; -1 for threads */
	int pdeath_signal;                /* PR_SET_PDEATHSIG: sent to us when the parent thread exits */

	pid_t pid;                        /* global (initial namespace) ids */
	pid_t tgid;
	pid_t numbers[MAX_PID_NS_LEVEL];  /* pid in each namespace level 0..pid_ns->level */
	struct pid_namespace *pid_ns;     /* the namespace the task is visible in */

	struct task_struct *real_parent;  /* who created it (or the reaper after reparenting) */
	struct task_struct *parent;       /* who gets SIGCHLD and wait4 */
	struct list_head children;        /* my children, through their sibling */
	struct list_head sibling;
	struct task_struct *group_leader;
	struct list_head thread_node;     /* in signal->thread_head */
	struct list_head tasks;           /* all tasks */
	struct list_head run_list;        /* the run queue */

	void *stack;                      /* base of the kernel stack (THREAD_SIZE) */
	struct mm_struct *mm;             /* NULL for kernel threads */
	struct mm_struct *active_mm;      /* the page tables in use */
	struct files_struct *files;
	struct fs_struct *fs;
	struct sighand_struct *sighand;
	struct signal_struct *signal;
	struct nsproxy *nsproxy;

	u64 blocked;                      /* blocked signals mask */
	u64 saved_sigmask;                /* rt_sigsuspend: the mask to put back ... */
	bool restore_sigmask;             /* ... once a handler's frame has it, or on the way out */
	struct k_sigpending pending;      /* signals for this thread only */

	int __user *set_child_tid;        /* CLONE_CHILD_SETTID */
	int __user *clear_child_tid;      /* CLONE_CHILD_CLEARTID, set_tid_address */
	struct robust_list_head __user *robust_list; /* set_robust_list: futexes to release at exit */
	struct restart_block restart_block; /* set by a call that returns -ERESTART_RESTARTBLOCK */
	struct vfork_completion *vfork_done; /* CLONE_VFORK: the parent waiting for our exec or exit */
	unsigned long fault_address;      /* si_addr of the last fault signal */
	unsigned long sas_ss_sp;          /* sigaltstack: base of the alternate signal stack */
	size_t sas_ss_size;               /* its size; 0 when there is none (SS_DISABLE) */
	unsigned sas_ss_flags;            /* the ss_flags it was set with (SS_AUTODISARM matters) */
	atomic_t usage;                   /* references to this task_struct */

	int time_slice;                   /* ticks left before preemption */
	u64 start_time;                   /* jiffies at creation */
	u64 utime, stime;                 /* ticks spent in user and kernel mode */
	unsigned long min_flt, maj_flt;   /* page faults resolved without and with I/O (never, here) */
	unsigned long nvcsw, nivcsw;      /* switches away while sleeping, and preempted while runnable */
	struct cred cred;                 /* ids: per thread, as Linux's (kernel/cred.c) */
	char comm[TASK_COMM_LEN];
};

/* The task this CPU runs (Linux's get_current(): one load through GS, asm/percpu.h). */
static inline struct task_struct *get_current(void) { return this_cpu_read(current_task); }
#define current get_current()
extern struct task_struct init_task; /* pid 0, the idle task */
extern struct list_head task_list;   /* every task, through ->tasks */
extern int nr_threads;

static inline bool thread_group_leader(const struct task_struct *p) { return p->group_leader == p; }
static inline struct pt_regs *task_pt_regs(const struct task_struct *p)
{
	return (struct pt_regs *)((char *)p->stack + THREAD_SIZE) - 1;
}
static inline struct pt_regs *current_pt_regs(void) { return task_pt_regs(current); }
/* The soft limit of a resource for the current process (Linux's rlimit()). */
static inline u64 rlimit(unsigned int resource) { return current->signal->rlim[resource].rlim_cur; }

/* kernel/sched/core.c */
void sched_init(void);
void schedule(void);
void scheduler_tick(void);
void cond_resched(void); /* a point where long kernel work lets interrupts in and yields at the end of a slice */
void wake_up_process(struct task_struct *p);
/* Wake p if its state is one of `state` (TASK_STOPPED: SIGCONT); wake_up_process is TASK_NORMAL. */
void wake_up_state(struct task_struct *p, unsigned int state);
void wake_up_new_task(struct task_struct *p);
/* Let p run only on new_mask's CPUs, moving it now if its own is not one; -EINVAL if none is online. */
int set_cpus_allowed_ptr(struct task_struct *p, const struct cpumask *new_mask);
void exit_to_user_mode(struct pt_regs *regs);
__noreturn void cpu_idle(void);
/* Sleep for `ticks` jiffies or until woken; returns the ticks left (kernel/time.c). */
long schedule_timeout(long ticks);

/* kernel/fork.c */
struct kernel_clone_args;
pid_t kernel_clone(struct kernel_clone_args *args);
pid_t kernel_thread(int (*fn)(void *), void *arg, const char *name, unsigned long flags);
void put_task_struct(struct task_struct *p);
void put_sighand(struct sighand_struct *sighand);
void put_signal(struct signal_struct *sig);
/* A new task's first code, from ret_from_fork in entry.asm. */
void schedule_tail(void);
/* CLONE_VFORK and CLONE_CHILD_CLEARTID: done when a task leaves its mm (exit or exec). */
void mm_release(struct task_struct *tsk, struct mm_struct *mm);

/* kernel/exit.c */
__noreturn void do_exit(int code);
__noreturn void do_group_exit(int code);
void release_task(struct task_struct *p);
/* Free the kernel stack of a task that exited (it could not free its own). */
void finish_dead_task(void);

void set_task_comm(struct task_struct *p, const char *name);
/* kernel/sys.c: the resource limits the first process starts with. */
void init_rlimits(struct rlimit64 *rlim);
#endif
