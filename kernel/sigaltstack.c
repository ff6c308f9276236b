/*
 * sigaltstack(2): a second stack for signal handlers, so that a handler
 * for SIGSEGV can run when the ordinary stack has overflowed.  A handler
 * installed with SA_ONSTACK runs on it (arch/x86_64/signal.c builds the
 * frame at its top); while a handler runs there the stack cannot be
 * changed (EPERM).  fork keeps it, a CLONE_VM thread and execve start
 * without one.
 */
#include <signal.h>
#include <sched.h>
#include <syscalls.h>
#include <uaccess.h>
#include <asm/ptrace.h>
#include <errno.h>

/* The stack grows down: sp is on the alternate stack if it lies in (base, base + size]. */
bool __on_sig_stack(unsigned long sp)
{
	return sp > current->sas_ss_sp && sp - current->sas_ss_sp <= current->sas_ss_size;
}

/* As the user sees it: with SS_AUTODISARM a running handler may install another stack. */
bool on_sig_stack(unsigned long sp)
{
	return !(current->sas_ss_flags & SS_AUTODISARM) && __on_sig_stack(sp);
}

int sas_ss_flags(unsigned long sp)
{
	if (!current->sas_ss_size)
		return SS_DISABLE;
	return on_sig_stack(sp) ? SS_ONSTACK : 0;
}

void sas_ss_reset(struct task_struct *p)
{
	p->sas_ss_sp = 0;
	p->sas_ss_size = 0;
	p->sas_ss_flags = 0;
}

/* Report the current stack in *oss and install *ss; sp is the user's stack pointer. */
int do_sigaltstack(const stack_t *ss, stack_t *oss, unsigned long sp)
{
	if (oss)
		*oss = (stack_t){ (void *)current->sas_ss_sp, sas_ss_flags(sp) | (int)(current->sas_ss_flags & SS_FLAG_BITS),
				  current->sas_ss_size };
	if (!ss)
		return 0;
	if (on_sig_stack(sp))
		return -EPERM; /* a handler is running on it */
	unsigned mode = (unsigned)ss->ss_flags & ~SS_FLAG_BITS;
	if (mode != SS_DISABLE && mode != SS_ONSTACK && mode != 0)
		return -EINVAL;
	if (mode == SS_DISABLE) {
		sas_ss_reset(current);
		return 0;
	}
	if (ss->ss_size < MINSIGSTKSZ)
		return -ENOMEM;
	current->sas_ss_sp = (unsigned long)ss->ss_sp;
	current->sas_ss_size = ss->ss_size;
	current->sas_ss_flags = (unsigned)ss->ss_flags;
	return 0;
}

long sys_sigaltstack(const stack_t __user *uss, stack_t __user *uoss)
{
	stack_t ss, oss;

	if (uss && copy_from_user(&ss, uss, sizeof(ss)))
		return -EFAULT;
	int err = do_sigaltstack(uss ? &ss : NULL, uoss ? &oss : NULL, current_pt_regs()->rsp);
	if (!err && uoss && copy_to_user(uoss, &oss, sizeof(oss)))
		err = -EFAULT;
	return err;
}
