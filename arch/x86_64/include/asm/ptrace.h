/*
 * The registers saved on the kernel stack on every entry from user mode
 * (syscall, interrupt, exception), in Linux's struct pt_regs order.  The
 * last five words are the hardware interrupt frame (Intel SDM vol. 3A,
 * 6.14.1); syscall entry builds the same frame by hand.
 */
#ifndef ASM_PTRACE_H
#define ASM_PTRACE_H
#include <types.h>

struct pt_regs {
	u64 r15, r14, r13, r12, rbp, rbx, r11, r10, r9, r8;
	u64 rax, rcx, rdx, rsi, rdi;
	u64 orig_rax;   /* syscall number, or ~vector for an interrupt or exception */
	u64 error_code; /* CPU error code for exceptions that push one, else 0 */
	u64 rip, cs, rflags, rsp, ss;
};

static inline bool user_mode(const struct pt_regs *regs) { return (regs->cs & 3) == 3; }
static inline bool in_syscall(const struct pt_regs *regs) { return (long)regs->orig_rax >= 0; }
/* Make the interrupted system call again: back over the 2-byte SYSCALL instruction. */
static inline void syscall_restart(struct pt_regs *regs)
{
	regs->rax = regs->orig_rax;
	regs->rip -= 2;
}
#endif
