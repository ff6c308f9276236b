/* panic: the kernel cannot go on.  Say why, then stop the machine. */
#include <printk.h>
#include <string.h>
#include <power.h>
#include <asm/cpu.h>

__noreturn void panic(const char *fmt, ...)
{
	char buf[256];
	va_list ap;

	local_irq_disable();
	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	printk(KERN_EMERG "Kernel panic - not syncing: %s\n", buf);
	machine_exit(EXIT_PANIC);
}
