/*
 * printk: format, strip the level prefix, keep the message in the kernel
 * log, decide which consoles see it.
 */
#include <printk.h>
#include <string.h>
#include <console.h>
#include <log_ring.h>

#define LOG_BUF_LEN (64 * 1024)

int console_loglevel = 7;
/* Every message, whatever its level (cowl-dmesg in gdb). */
DEFINE_LOG_RING(log_buf, LOG_BUF_LEN);

static int message_level(const char **fmt)
{
	const char *f = *fmt;

	if (f[0] == KERN_SOH[0] && f[1] >= '0' && f[1] <= '7') {
		*fmt = f + 2;
		return f[1] - '0';
	}
	return LOGLEVEL_DEFAULT;
}

void console_write(const char *s, size_t n)
{
	serial_write(s, n);
	vga_write(s, n);
}

/* Kernel text for every console and the log port, whatever the log level (trace lines). */
void console_print(const char *s, size_t n)
{
	debugcon_write(s, n);
	console_write(s, n);
}

int vprintk(const char *fmt, va_list ap)
{
	char buf[512];
	int level = message_level(&fmt);
	int n = vsnprintf(buf, sizeof(buf), fmt, ap);
	size_t len = MIN((size_t)n, sizeof(buf) - 1);

	log_ring_write(&log_buf, buf, len);
	if (level <= console_loglevel)
		console_print(buf, len);
	else
		debugcon_write(buf, len);
	return n;
}

int printk(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vprintk(fmt, ap);
	va_end(ap);
	return n;
}
