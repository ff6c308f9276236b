/*
 * The ISA interrupt lines, IRQ 0-15, whichever controller delivers them:
 * the I/O APIC where the MADT lists one (arch/x86_64/io_apic.c), else the
 * 8259 PIC (pic.c) through the boot CPU's LINT0.  Either way IRQ n comes
 * on vector IRQ_BASE_VECTOR + n to the boot CPU.
 */
#include <irq.h>
#include <kernel_stat.h>
#include <smp.h>
#include <asm/apic.h>
#include <asm/io_apic.h>
#include <asm/percpu.h>
#include <asm/pic.h>

static irq_handler_t irq_handlers[NR_IRQS];
u64 kstat_irqs[NR_IRQS];

void request_irq(unsigned irq, irq_handler_t handler)
{
	irq_handlers[irq] = handler;
	if (io_apic_enabled())
		io_apic_unmask_isa_irq(irq);
	else
		pic_unmask_irq(irq);
}

/*
 * Acknowledge first: a handler may switch tasks and not return soon.  An
 * I/O APIC's interrupt ends with the local APIC's EOI (Intel SDM vol. 3A,
 * 10.8.5; for a level-triggered one the local APIC passes it on to the I/O
 * APIC, 82093AA datasheet 3.2.4 "Remote IRR").
 */
void handle_irq(unsigned irq)
{
	if (io_apic_enabled())
		lapic_eoi();
	else if (!pic_ack_irq(irq))
		return;
	kstat_irqs[irq]++;
	if (irq_handlers[irq])
		irq_handlers[irq]();
}

/* The interrupts that have no IRQ number, as Linux's arch_irq_stat(): the local APIC timers' ticks. */
u64 arch_irq_stat(void)
{
	unsigned int cpu;
	u64 sum = 0;

	for_each_online_cpu(cpu)
		sum += READ_ONCE(per_cpu_area(cpu)->apic_timer_irqs);
	return sum;
}
