/*
 * BUG() and BUG_ON() as Linux has them on x86: a ud2 instruction, whose
 * address is recorded with the file and line in the __bug_table section.
 * The invalid-opcode trap looks the address up (report_bug), prints
 * "kernel BUG at FILE:LINE!", and the oops that follows gives the registers
 * and the call trace from the very place of the BUG.
 */
#ifndef BUG_H
#define BUG_H
#include <types.h>

struct bug_entry {
	unsigned long addr;
	const char *file;
	unsigned long line;
};

#define BUG()                                                                   \
	do {                                                                    \
		__asm__ volatile("1: ud2\n"                                     \
				 ".pushsection __bug_table, \"a\"\n"            \
				 ".balign 8\n"                                  \
				 ".quad 1b, %c0, %c1\n"                         \
				 ".popsection"                                  \
				 : : "i"(__FILE__), "i"(__LINE__));             \
		__builtin_unreachable();                                        \
	} while (0)

#define BUG_ON(cond)                                                            \
	do {                                                                    \
		if (unlikely(cond))                                             \
			BUG();                                                  \
	} while (0)

/* If a BUG() sits at addr, say where it is in the source. */
void report_bug(unsigned long addr);
#endif
