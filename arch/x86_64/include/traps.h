#ifndef TRAPS_H
#define TRAPS_H
#include <asm/ptrace.h>
void interrupt_dispatch(struct pt_regs *regs);
void show_regs(const struct pt_regs *regs);
__noreturn void die(const char *what, const struct pt_regs *regs);
void do_page_fault(struct pt_regs *regs, unsigned long error_code, unsigned long address);
#endif
