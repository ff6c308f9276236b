/* The exception fixup table, filled by _ASM_EXTABLE (see extable.h). */
#include <extable.h>

struct exception_table_entry {
	unsigned long insn, fixup;
};

extern const struct exception_table_entry __start___ex_table[], __stop___ex_table[];

bool fixup_exception(struct pt_regs *regs)
{
	for (const struct exception_table_entry *e = __start___ex_table; e < __stop___ex_table; e++) {
		if (e->insn == regs->rip) {
			regs->rip = e->fixup;
			return true;
		}
	}
	return false;
}
