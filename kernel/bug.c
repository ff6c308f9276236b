/* BUG(): from the address of its ud2 back to the file and line (bug.h). */
#include <bug.h>
#include <printk.h>

extern const struct bug_entry __start___bug_table[], __stop___bug_table[];

void report_bug(unsigned long addr)
{
	for (const struct bug_entry *b = __start___bug_table; b < __stop___bug_table; b++) {
		if (b->addr == addr) {
			printk(KERN_EMERG "kernel BUG at %s:%lu!\n", b->file, b->line);
			return;
		}
	}
}
