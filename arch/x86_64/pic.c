/*
 * The legacy 8259A PIC pair.  Remapped so IRQ 0-15 arrive on vectors 32-47
 * instead of colliding with CPU exceptions; every line starts masked.  It
 * delivers the ISA interrupts only where there is no I/O APIC (the IRQ
 * lines, arch/x86_64/irq.c, say which); with one, it stays masked whole.
 * (Intel 8259A datasheet, ICW1-ICW4; OSDev "8259 PIC".)
 */
#include <asm/io.h>
#include <asm/desc.h>
#include <asm/pic.h>

#define PIC1_CMD 0x20
#define PIC1_DATA 0x21
#define PIC2_CMD 0xa0
#define PIC2_DATA 0xa1
#define PIC_EOI 0x20
#define PIC_CASCADE_IRQ 2 /* the slave's INT on the master's IR2 */

static u16 irq_mask = 0xffff & ~(1 << PIC_CASCADE_IRQ);

static void pic_write_mask(void)
{
	outb(PIC1_DATA, irq_mask & 0xff);
	outb(PIC2_DATA, irq_mask >> 8);
}

void pic_init(void)
{
	outb(PIC1_CMD, 0x11); /* ICW1: initialise, ICW4 follows */
	outb(PIC2_CMD, 0x11);
	outb(PIC1_DATA, IRQ_BASE_VECTOR);     /* ICW2: vector base */
	outb(PIC2_DATA, IRQ_BASE_VECTOR + 8);
	outb(PIC1_DATA, 4);   /* ICW3: slave on IRQ 2 */
	outb(PIC2_DATA, 2);   /* ICW3: slave identity */
	outb(PIC1_DATA, 0x01); /* ICW4: 8086 mode */
	outb(PIC2_DATA, 0x01);
	pic_write_mask();
}

/* Every line masked, the cascade too (OCW1): the I/O APIC has the interrupts now. */
void pic_mask_all(void)
{
	irq_mask = 0xffff;
	pic_write_mask();
}

void pic_unmask_irq(unsigned irq)
{
	irq_mask &= ~(1u << irq);
	pic_write_mask();
}

bool pic_ack_irq(unsigned irq)
{
	/* IRQ 7 and 15 can be spurious: the in-service bit tells (OSDev "Spurious IRQs"). */
	if (irq == 7 || irq == 15) {
		u16 cmd = irq == 7 ? PIC1_CMD : PIC2_CMD;
		outb(cmd, 0x0b); /* OCW3: read the in-service register */
		if (!(inb(cmd) & 0x80)) {
			if (irq == 15)
				outb(PIC1_CMD, PIC_EOI);
			return false;
		}
	}
	if (irq >= 8)
		outb(PIC2_CMD, PIC_EOI);
	outb(PIC1_CMD, PIC_EOI);
	return true;
}
