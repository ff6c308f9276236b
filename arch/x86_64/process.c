/*
 * The architecture's part of a task: its first kernel stack frame and
 * registers after clone (copy_thread), the registers of a freshly exec'd
 * program (start_thread), and the FS/GS bases behind arch_prctl(2).
 */
#include <sched.h>
#include <fork.h>
#include <asm/processor.h>
#include <syscalls.h>
#include <uaccess.h>
#include <asm/ptrace.h>
#include <asm/segment.h>
#include <asm/cpu.h>
#include <uapi/sched.h>
#include <uapi/prctl.h>
#include <uapi/errno.h>

extern char ret_from_fork[];

/* What switch_context() pops on the first switch to a new task. */
struct fork_frame {
	unsigned long r15, r14, r13, r12, rbx, rbp;
	unsigned long ret_addr;
	struct pt_regs regs;
};

/*
 * Linux's do_set_thread_area_64(): a base at or above TASK_SIZE_MAX (the end
 * of user space) is refused, whether it comes from arch_prctl or CLONE_SETTLS;
 * a kernel base would let user code address kernel memory through FS/GS, and
 * a non-canonical one would fault in the kernel at the WRMSR (Intel SDM vol.
 * 3A, 3.4.4: the base MSRs must hold canonical addresses).
 */
static long set_thread_base(struct task_struct *p, int code, unsigned long addr)
{
	if (addr >= TASK_SIZE)
		return -EPERM;
	if (code == ARCH_SET_FS)
		p->thread.fsbase = addr;
	else
		p->thread.gsbase = addr;
	/* The user's GS base waits in KERNEL_GS_BASE until SWAPGS on the way out (entry.asm). */
	if (p == current)
		wrmsr(code == ARCH_SET_FS ? MSR_FS_BASE : MSR_KERNEL_GS_BASE, addr);
	return 0;
}

int copy_thread(struct task_struct *p, const struct kernel_clone_args *args)
{
	struct fork_frame *frame = (struct fork_frame *)((char *)p->stack + THREAD_SIZE) - 1;

	*frame = (struct fork_frame){ .ret_addr = (unsigned long)ret_from_fork };
	p->thread.sp = (unsigned long)frame;
	if (args->fn) { /* a kernel thread: ret_from_fork calls fn(arg) */
		frame->rbx = (unsigned long)args->fn;
		frame->r12 = (unsigned long)args->fn_arg;
		fpu_init_state(&p->thread.fpu);
		p->thread.fsbase = 0;
		p->thread.gsbase = 0;
		return 0;
	}
	/* A user task resumes where the parent made the system call, with result 0. */
	frame->regs = *current_pt_regs();
	frame->regs.rax = 0;
	if (args->stack)
		frame->regs.rsp = args->stack;
	fpu_save(&p->thread.fpu); /* the parent's live FPU state */
	p->thread.fsbase = rdmsr(MSR_FS_BASE);
	p->thread.gsbase = rdmsr(MSR_KERNEL_GS_BASE);
	return args->flags & CLONE_SETTLS ? set_thread_base(p, ARCH_SET_FS, args->tls) : 0;
}

void start_thread(struct pt_regs *regs, unsigned long ip, unsigned long sp)
{
	*regs = (struct pt_regs){
		.rip = ip,
		.rsp = sp,
		.cs = __USER_CS,
		.ss = __USER_DS,
		.rflags = X86_EFLAGS_IF,
	};
	/* As Linux's start_thread_common(), whose null selector loads clear both bases. */
	current->thread.fsbase = 0;
	current->thread.gsbase = 0;
	wrmsr(MSR_FS_BASE, 0);
	wrmsr(MSR_KERNEL_GS_BASE, 0);
	fpu_init_state(&current->thread.fpu);
	fpu_restore(&current->thread.fpu);
}

long sys_arch_prctl(int code, unsigned long addr)
{
	unsigned long v;

	switch (code) {
	case ARCH_SET_FS:
	case ARCH_SET_GS:
		return set_thread_base(current, code, addr);
	case ARCH_GET_FS:
	case ARCH_GET_GS:
		v = rdmsr(code == ARCH_GET_FS ? MSR_FS_BASE : MSR_KERNEL_GS_BASE);
		return put_user_obj((unsigned long __user *)addr, &v);
	default:
		return -EINVAL;
	}
}
