/* Sending and delivering signals (kernel/signal.c, arch/x86_64/signal.c). */
#ifndef SIGNAL_H
#define SIGNAL_H
#include <types.h>
#include <uapi/signal.h>
#include <uapi/siginfo.h>

struct task_struct;
struct pt_regs;

#define sigmask(sig) (1ull << ((sig) - 1))

/* Queue `sig` for task p (a thread); wakes it if it sleeps interruptibly. */
void send_sig(int sig, struct task_struct *p);
/* Queue `sig` for the whole thread group of p, as sent by current (kill(2): SI_USER). */
void send_group_sig(int sig, struct task_struct *p);
/* The same with the siginfo given (SIGCHLD's CLD_* codes). */
struct kernel_siginfo;
void send_group_sig_info(const struct kernel_siginfo *info, struct task_struct *p);
/* Signal every process of a process group (global pgid); -ESRCH if there is none. */
int kill_pgrp(pid_t pgrp, int sig);
/* The same for kill(2): only the members the caller may signal; -EPERM if none. */
int kill_pgrp_from_user(pid_t pgrp, int sig);
/* Is the caller's process group orphaned (POSIX: no member has a parent in another group of the session)? */
bool is_current_pgrp_orphaned(void);
/* The process `tsk` leads is ending (or, with `parent`, is being re-parented away from it): SIGHUP and
 * SIGCONT to a process group this leaves orphaned with stopped members (kernel/pgrp.c). */
void kill_orphaned_pgrp(struct task_struct *tsk, struct task_struct *parent);
/* Tell tsk's parent its process stopped or continued (why: CLD_STOPPED, CLD_CONTINUED; kernel/exit.c). */
void do_notify_parent_cldstop(struct task_struct *tsk, int why);
/* An exiting thread leaves a group stop under way. */
void exit_signals(struct task_struct *tsk);
/* May current signal t (kill(2), tgkill(2))?  0 or -EPERM (Linux's check_kill_permission). */
int check_kill_permission(int sig, struct task_struct *t);
/* A fault in user mode: deliver `sig` now even if blocked or ignored (code: SEGV_MAPERR, ..., or SI_KERNEL). */
void force_sig_fault(int sig, int code, unsigned long addr);
bool signal_pending(const struct task_struct *p);
/* ppoll, pselect6: the caller's mask from user memory until the call ends (NULL: unchanged); -EINVAL, -EFAULT. */
int set_user_sigmask(const u64 __user *umask, size_t sigsetsize);
/* ... and at its end: put the old mask back, unless a signal cut the call short (then after the handler). */
void restore_saved_sigmask_unless(bool interrupted);
/* On the way back to user mode: act on pending signals. */
void do_signal(struct pt_regs *regs);

/* The alternate signal stack (kernel/sigaltstack.c). */
bool __on_sig_stack(unsigned long sp);
bool on_sig_stack(unsigned long sp);
/* SS_DISABLE, SS_ONSTACK or 0 for the user stack pointer sp. */
int sas_ss_flags(unsigned long sp);
void sas_ss_reset(struct task_struct *p);
int do_sigaltstack(const stack_t *ss, stack_t *oss, unsigned long sp);
#endif
