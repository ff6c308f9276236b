/* Ending the run: power off with a verdict, or reset. */
#ifndef POWER_H
#define POWER_H
#include <types.h>

/* What QEMU's isa-debug-exit device reports: QEMU exits with (code << 1) | 1. */
enum exit_code {
	EXIT_OK = 0,           /* QEMU status 1: normal power-off, all tests passed */
	EXIT_TESTS_FAILED = 1, /* QEMU status 3 */
	EXIT_PANIC = 0x10,     /* QEMU status 33 */
};

/* Give a test harness the verdict (isa-debug-exit); returns if the device is absent. */
void debug_exit_report(enum exit_code code);
__noreturn void machine_exit(enum exit_code code);
__noreturn void machine_restart(void);
#endif
