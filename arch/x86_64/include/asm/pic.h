/* The two legacy 8259A interrupt controllers (arch/x86_64/pic.c). */
#ifndef ASM_PIC_H
#define ASM_PIC_H
void pic_init(void);
void pic_handle_irq(unsigned irq);
#endif
