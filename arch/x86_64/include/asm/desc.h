/* Descriptor tables: GDT with TSS, and the IDT. */
#ifndef ASM_DESC_H
#define ASM_DESC_H
#include <types.h>

#define IRQ_BASE_VECTOR 32 /* PIC IRQ n arrives on vector 32 + n */
#define NR_VECTORS 256

void gdt_init(void);
void idt_init(void);
void idt_load(void);
/* The stack the CPU switches to on entry from user mode (TSS.RSP0). */
void tss_set_kernel_stack(unsigned long sp);
#endif
