/*
 * Leaving the machine.  Under test, QEMU runs with -device isa-debug-exit
 * (I/O port 0xf4): writing V there ends QEMU with exit status (V << 1) | 1,
 * which is how `make test` and tools/run-elf learn the kernel's verdict.
 * Without that device the write is ignored and we try the ACPI power-off of
 * QEMU's PIIX4 power-management block, then halt.
 */
#include <power.h>
#include <asm/io.h>
#include <asm/cpu.h>

#define DEBUG_EXIT_PORT 0xf4
#define QEMU_ACPI_PM1A_CNT 0x604
#define ACPI_SLP_EN_S5 0x2000

void debug_exit_report(enum exit_code code)
{
	outb(DEBUG_EXIT_PORT, code);
}

__noreturn void machine_exit(enum exit_code code)
{
	local_irq_disable();
	debug_exit_report(code);
	outw(QEMU_ACPI_PM1A_CNT, ACPI_SLP_EN_S5);
	for (;;)
		halt();
}

__noreturn void machine_restart(void)
{
	local_irq_disable();
	/* Pulse the reset line through the keyboard controller. */
	while (inb(0x64) & 0x02)
		;
	outb(0x64, 0xfe);
	for (;;)
		halt();
}
