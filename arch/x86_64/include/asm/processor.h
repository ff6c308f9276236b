/* Setting up the CPU for user programs (arch/x86_64/cpu.c, arch/x86_64/process.c). */
#ifndef ASM_PROCESSOR_H
#define ASM_PROCESSOR_H
#include <asm/ptrace.h>

/* Enable SYSCALL/SYSRET and point SYSCALL at entry_SYSCALL_64 (EFER, STAR, LSTAR, FMASK). */
void syscall_init(void);
/* Turn on SMEP where CPUID reports it: the kernel then faults on executing a user page. */
void setup_smep(void);
/* Reset the registers for a new program starting at ip with stack sp. */
void start_thread(struct pt_regs *regs, unsigned long ip, unsigned long sp);
#endif
