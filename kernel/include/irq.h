/* Hardware interrupt lines (legacy PIC IRQ 0-15). */
#ifndef IRQ_H
#define IRQ_H
#define NR_IRQS 16
typedef void (*irq_handler_t)(void);
void request_irq(unsigned irq, irq_handler_t handler);
#endif
