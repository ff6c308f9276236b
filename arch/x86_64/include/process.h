#ifndef PROCESS_H
#define PROCESS_H
#include <asm/ptrace.h>
/* Reset the registers for a new program starting at ip with stack sp. */
void start_thread(struct pt_regs *regs, unsigned long ip, unsigned long sp);
#endif
