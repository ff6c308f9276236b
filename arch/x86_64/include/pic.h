#ifndef PIC_H
#define PIC_H
void pic_init(void);
void pic_handle_irq(unsigned irq);
#endif
