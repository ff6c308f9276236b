/*
 * printk with Linux's log levels: a message may start with KERN_<LEVEL>.
 * Messages at or below console_loglevel reach the console (serial + VGA);
 * every message also goes to the debug port 0xe9 (QEMU -debugcon), which is
 * how tools/run-elf reads the kernel log apart from a program's output.
 */
#ifndef PRINTK_H
#define PRINTK_H
#include <types.h>

#define KERN_SOH "\001"
#define KERN_EMERG KERN_SOH "0"
#define KERN_ALERT KERN_SOH "1"
#define KERN_CRIT KERN_SOH "2"
#define KERN_ERR KERN_SOH "3"
#define KERN_WARNING KERN_SOH "4"
#define KERN_NOTICE KERN_SOH "5"
#define KERN_INFO KERN_SOH "6"
#define KERN_DEBUG KERN_SOH "7"

#define LOGLEVEL_DEFAULT 6 /* a message without a level is KERN_INFO */
#define CONSOLE_LOGLEVEL_QUIET 4

extern int console_loglevel;

int printk(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
int vprintk(const char *fmt, va_list ap);
/* Write raw bytes to every console (used by /dev/console). */
void console_write(const char *s, size_t n);
/* Write to the consoles and the log port regardless of console_loglevel. */
void console_print(const char *s, size_t n);

#define pr_err(...) printk(KERN_ERR __VA_ARGS__)
#define pr_warn(...) printk(KERN_WARNING __VA_ARGS__)
#define pr_notice(...) printk(KERN_NOTICE __VA_ARGS__)
#define pr_info(...) printk(KERN_INFO __VA_ARGS__)
#define pr_debug(...) printk(KERN_DEBUG __VA_ARGS__)

__noreturn void panic(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* panic=N from the command line (kernel/panic.c); -1 if value is not a number. */
extern int panic_timeout;
int panic_timeout_parse(const char *value);
/* An oops is being reported: panic() need not print its call trace again. */
extern bool oops_in_progress;
/* The call trace from the caller (arch/x86_64/dumpstack.c). */
void dump_stack(void);
#endif
