/* Hardware interrupt lines: the ISA IRQs 0-15 (arch/x86_64/irq.c). */
#ifndef IRQ_H
#define IRQ_H
#define NR_IRQS 16
typedef void (*irq_handler_t)(void);
/* handler runs, under the big kernel lock, for each interrupt on the line, which this unmasks. */
void request_irq(unsigned irq, irq_handler_t handler);
/* From interrupt_dispatch(): acknowledge IRQ irq to its controller and run its handler. */
void handle_irq(unsigned irq);
#endif
