/* The two legacy 8259A interrupt controllers (arch/x86_64/pic.c). */
#ifndef ASM_PIC_H
#define ASM_PIC_H
#include <types.h>

/* Remap IRQ 0-15 to vectors IRQ_BASE_VECTOR.., every line masked. */
void pic_init(void);
/* Mask every line for good: an I/O APIC delivers the ISA interrupts. */
void pic_mask_all(void);
void pic_unmask_irq(unsigned irq);
/* End of interrupt for irq; false (and no handler to run) if it was spurious. */
bool pic_ack_irq(unsigned irq);
#endif
