/*
 * The user-mode signal frame, laid out as Linux's x86-64 struct rt_sigframe
 * (arch/x86/include/asm/sigframe.h, uapi/asm/sigcontext.h) so handlers that
 * read their siginfo and ucontext work as on Linux.  The handler runs with
 * RDI = signal, RSI = &info, RDX = &uc, and returns to sa_restorer, which
 * calls rt_sigreturn to restore the interrupted state from the frame.
 */
#include <sched.h>
#include <signal.h>
#include <syscalls.h>
#include <uaccess.h>
#include <string.h>
#include <asm/ptrace.h>
#include <asm/segment.h>
#include <asm/cpu.h>

struct sigcontext {
	u64 r8, r9, r10, r11, r12, r13, r14, r15;
	u64 rdi, rsi, rbp, rbx, rdx, rax, rcx, rsp, rip, eflags;
	u16 cs, gs, fs, ss;
	u64 err, trapno, oldmask, cr2;
	u64 fpstate; /* user address of the FXSAVE image */
	u64 reserved1[8];
};

struct ucontext {
	unsigned long uc_flags;
	u64 uc_link;
	stack_t uc_stack;
	struct sigcontext uc_mcontext;
	u64 uc_sigmask;
};

struct rt_sigframe {
	u64 pretcode; /* the handler's return address: sa_restorer */
	struct ucontext uc;
	siginfo_t info;
};
/* The RFLAGS bits a signal handler may change in the saved context (Linux's FIX_EFLAGS). */
#define FIX_EFLAGS 0x40dd5 /* AC OF DF TF SF ZF AF PF CF RF */
#define MXCSR_VALID 0xffbf

/*
 * Where the frame goes: below the red zone of the interrupted code, or at
 * the top of the alternate stack for an SA_ONSTACK handler when not already
 * on it.  A frame that would not fit on the alternate stack (entered now or
 * earlier) is an overflow: 0, and the caller kills the process (Linux's
 * get_sigframe).
 */
static unsigned long get_sigframe(const struct k_sigaction *ka, const struct pt_regs *regs,
				  unsigned long *fpstate)
{
	unsigned long sp = regs->rsp - 128; /* skip the red zone of the interrupted code */
	bool onstack = on_sig_stack(regs->rsp);

	if ((ka->flags & SA_ONSTACK) && sas_ss_flags(regs->rsp) == 0) {
		sp = current->sas_ss_sp + current->sas_ss_size;
		onstack = true;
	}
	*fpstate = ALIGN_DOWN(sp - sizeof(struct fpu_state), 64);
	unsigned long frame_addr = ALIGN_DOWN(*fpstate - sizeof(struct rt_sigframe), 16) - 8;
	if (onstack && !__on_sig_stack(frame_addr))
		return 0;
	return frame_addr;
}

/*
 * The user's siginfo_t from the kernel's record of who sent the signal.
 * As Linux's siginfo_layout(): a fault signal with a fault code carries the
 * address; everything else the sender (zero for SI_KERNEL) and, for
 * SIGCHLD, the child's status and times.
 */
static void copy_siginfo(siginfo_t *to, const struct kernel_siginfo *from)
{
	int sig = from->signo;
	bool fault = sig == SIGILL || sig == SIGFPE || sig == SIGSEGV || sig == SIGBUS || sig == SIGTRAP;

	to->si_signo = sig;
	to->si_code = from->code;
	if (fault && from->code > SI_USER && from->code < SI_KERNEL) {
		to->si_addr = (void *)from->addr;
		return;
	}
	to->si_pid = from->pid;
	to->si_uid = from->uid;
	to->si_status = from->status;
	to->si_utime = from->utime;
	to->si_stime = from->stime;
}

int setup_rt_frame(const struct kernel_siginfo *info, struct k_sigaction *ka, struct pt_regs *regs,
		   u64 oldmask)
{
	int sig = info->signo;
	struct fpu_state fpu;
	unsigned long fpstate, frame_addr = get_sigframe(ka, regs, &fpstate);
	struct rt_sigframe frame = { 0 };

	if (!(ka->flags & SA_RESTORER) || !frame_addr)
		return -EFAULT; /* x86-64 has no default trampoline: libc must supply one */
	fpu_save(&fpu);
	frame.pretcode = (u64)ka->restorer;
	frame.uc.uc_mcontext = (struct sigcontext){
		regs->r8, regs->r9, regs->r10, regs->r11, regs->r12, regs->r13, regs->r14, regs->r15,
		regs->rdi, regs->rsi, regs->rbp, regs->rbx, regs->rdx, regs->rax, regs->rcx, regs->rsp,
		regs->rip, regs->rflags, (u16)regs->cs, 0, 0, (u16)regs->ss,
		regs->error_code, in_syscall(regs) ? 0 : ~regs->orig_rax, oldmask, current->fault_address, fpstate, { 0 },
	};
	frame.uc.uc_sigmask = oldmask;
	/* The stack as it was, for sigreturn to put back (the raw flags: SS_AUTODISARM survives). */
	frame.uc.uc_stack = (stack_t){ (void *)current->sas_ss_sp, (int)current->sas_ss_flags, current->sas_ss_size };
	copy_siginfo(&frame.info, info);
	if (copy_to_user((void __user *)fpstate, &fpu, sizeof(fpu)) ||
	    copy_to_user((void __user *)frame_addr, &frame, sizeof(frame)))
		return -EFAULT;
	if (current->sas_ss_flags & SS_AUTODISARM)
		sas_ss_reset(current); /* the handler may use the stack's memory as it likes */

	regs->rdi = sig;
	regs->rsi = frame_addr + offsetof(struct rt_sigframe, info);
	regs->rdx = frame_addr + offsetof(struct rt_sigframe, uc);
	regs->rax = 0;
	regs->rsp = frame_addr;
	regs->rip = (u64)ka->handler;
	regs->rflags &= ~(X86_EFLAGS_DF | X86_EFLAGS_RF | X86_EFLAGS_TF);
	regs->cs = __USER_CS;
	regs->ss = __USER_DS;
	return 0;
}

long sys_rt_sigreturn(void)
{
	struct pt_regs *regs = current_pt_regs();
	unsigned long frame_addr = regs->rsp - 8; /* the handler's ret popped pretcode */
	struct rt_sigframe frame;
	struct fpu_state fpu;

	if (copy_from_user(&frame, (void __user *)frame_addr, sizeof(frame)))
		goto badframe;
	const struct sigcontext *sc = &frame.uc.uc_mcontext;
	if (sc->fpstate && copy_from_user(&fpu, (void __user *)sc->fpstate, sizeof(fpu)))
		goto badframe;
	regs->r8 = sc->r8, regs->r9 = sc->r9, regs->r10 = sc->r10, regs->r11 = sc->r11;
	regs->r12 = sc->r12, regs->r13 = sc->r13, regs->r14 = sc->r14, regs->r15 = sc->r15;
	regs->rdi = sc->rdi, regs->rsi = sc->rsi, regs->rbp = sc->rbp, regs->rbx = sc->rbx;
	regs->rdx = sc->rdx, regs->rax = sc->rax, regs->rcx = sc->rcx, regs->rsp = sc->rsp;
	regs->rip = sc->rip;
	regs->rflags = (regs->rflags & ~FIX_EFLAGS) | (sc->eflags & FIX_EFLAGS) | X86_EFLAGS_IF;
	regs->cs = __USER_CS;
	regs->ss = __USER_DS;
	regs->orig_rax = -1; /* not in a system call any more */
	if (sc->fpstate) {
		u32 *mxcsr = (u32 *)&fpu.bytes[24];
		*mxcsr &= MXCSR_VALID; /* reserved MXCSR bits would make FXRSTOR fault */
		fpu_restore(&fpu);
	}
	current->blocked = frame.uc.uc_sigmask & ~(sigmask(SIGKILL) | sigmask(SIGSTOP));
	/* Put the alternate stack back as it was (SS_AUTODISARM took it away); refusals are ignored as in Linux. */
	do_sigaltstack(&frame.uc.uc_stack, NULL, regs->rsp);
	return regs->rax; /* do_syscall_64 stores this back into RAX */

badframe:
	force_sig_fault(SIGSEGV, SI_KERNEL, frame_addr);
	return regs->rax;
}
