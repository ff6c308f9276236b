/*
 * Exception fixups: an instruction that may fault on purpose (a user-memory
 * access) records its address and a place to continue at in __ex_table.
 * The fault handler looks the faulting RIP up and resumes at the fixup.
 */
#ifndef EXTABLE_H
#define EXTABLE_H
#include <asm/ptrace.h>

#define _ASM_EXTABLE(from, to)                                   \
	".pushsection __ex_table, \"a\"\n\t.balign 8\n\t.quad " #from ", " #to "\n\t.popsection\n"

bool fixup_exception(struct pt_regs *regs);
#endif
