/*
 * panic: the kernel cannot go on.  Say why, show how it got here, then do
 * what panic=N on the command line asks, as Linux's kernel/panic.c does:
 *   panic=0 (the default)  halt the CPU: the machine stays as it was, so a
 *                          debugger attached to QEMU can look at it
 *   panic=N, N > 0         reboot after N seconds
 *   panic=N, N < 0         reboot at once
 * Before a reboot the verdict goes to QEMU's isa-debug-exit device when it
 * is there: the test boots (tools/qemu --headless, which passes panic=-1)
 * then end with the panic status instead of rebooting.
 */
#include <printk.h>
#include <string.h>
#include <power.h>
#include <time.h>
#include <asm/cpu.h>

int panic_timeout;

int panic_timeout_parse(const char *value)
{
	bool negative = value[0] == '-';
	const char *end;
	unsigned long n = simple_strtoul(value + negative, &end, 10);

	if (*end || end == value + negative || n > 3600)
		return -1;
	panic_timeout = negative ? -(int)n : (int)n;
	return 0;
}

__noreturn void panic(const char *fmt, ...)
{
	char buf[256];
	va_list ap;

	local_irq_disable();
	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	printk(KERN_EMERG "Kernel panic - not syncing: %s\n", buf);
	if (!oops_in_progress)
		dump_stack(); /* an oops has printed its own trace */
	if (panic_timeout) {
		if (panic_timeout > 0) {
			printk(KERN_EMERG "Rebooting in %d seconds..\n", panic_timeout);
			udelay((unsigned long)panic_timeout * USEC_PER_SEC); /* interrupts stay off: no tick */
		}
		debug_exit_report(EXIT_PANIC);
		machine_restart();
	}
	printk(KERN_EMERG "---[ end Kernel panic - not syncing: %s ]---\n", buf);
	for (;;)
		halt();
}
