/* Interrupts, exceptions and the page fault as they arrive from entry.asm (arch/x86_64/traps.c, mm/fault.c). */
#ifndef ASM_TRAPS_H
#define ASM_TRAPS_H
#include <asm/ptrace.h>
void interrupt_dispatch(struct pt_regs *regs);
void show_regs(const struct pt_regs *regs);
__noreturn void die(const char *what, const struct pt_regs *regs);
void do_page_fault(struct pt_regs *regs, unsigned long error_code, unsigned long address);
#endif
