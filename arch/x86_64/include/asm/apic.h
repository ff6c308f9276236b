/*
 * The local APIC (arch/x86_64/apic.c): every CPU's own interrupt
 * controller, at the same physical address on each (Intel SDM vol. 3A,
 * chapter 10 "Advanced Programmable Interrupt Controller (APIC)").
 */
#ifndef ASM_APIC_H
#define ASM_APIC_H
#include <types.h>

/* Vectors above the PIC's 32-47, as Linux numbers them (arch/x86/include/asm/irq_vectors.h). */
#define LOCAL_TIMER_VECTOR 0xec
#define CALL_FUNCTION_VECTOR 0xfc
#define RESCHEDULE_VECTOR 0xfd
#define SPURIOUS_APIC_VECTOR 0xff

/* The boot CPU's interrupt controllers and tick: the I/O APIC (or the PIC), its local APIC and timer. */
void apic_intr_mode_init(void);
/* Enable this CPU's local APIC (on the boot CPU without an I/O APIC, the 8259 PIC's interrupts pass through it). */
void lapic_init(void);
/* Boot CPU: measure the local APIC timer's rate against the TSC. */
void lapic_timer_calibrate(void);
/* This CPU's timer: an interrupt on LOCAL_TIMER_VECTOR HZ times a second. */
void lapic_timer_start(void);
/* Its interrupt: the tick (arch/x86_64/traps.c calls it). */
void smp_apic_timer_interrupt(void);
/* This CPU's local APIC id. */
u32 lapic_id(void);
/* End of an interrupt the local APIC delivered (not one of the PIC's). */
void lapic_eoi(void);
/* A fixed IPI with this vector to the CPU whose local APIC id is apic_id. */
void apic_send_ipi(u32 apic_id, u8 vector);
/* INIT, then STARTUP twice: the AP starts in real mode at start_phys (a page below 1 MiB). */
void wakeup_secondary_cpu_via_init(u32 apic_id, unsigned long start_phys);
#endif
