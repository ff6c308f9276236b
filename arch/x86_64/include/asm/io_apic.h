/* The I/O APIC (arch/x86_64/io_apic.c): device interrupts as messages to a local APIC. */
#ifndef ASM_IO_APIC_H
#define ASM_IO_APIC_H
#include <types.h>

/* Set it up, every input masked, if the MADT lists one; false if not (the 8259 PIC serves then). */
bool io_apic_init(void);
/* An I/O APIC delivers the ISA IRQs (and the PIC is masked). */
bool io_apic_enabled(void);
/* Route ISA IRQ irq, by the MADT's overrides, to the boot CPU on vector IRQ_BASE_VECTOR + irq. */
void io_apic_unmask_isa_irq(unsigned irq);
#endif
