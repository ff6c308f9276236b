/*
 * The IDT: all 256 vectors point at the stubs in entry.asm, which save a
 * struct pt_regs and call interrupt_dispatch().  Every gate is an interrupt
 * gate (IF cleared on entry): the kernel runs with interrupts off, see
 * docs/processes.md.  #BP and #OF may be raised from ring 3 (int3, into).
 * Intel SDM vol. 3A, 6.14.1 "64-Bit Mode IDT".
 */
#include <asm/desc.h>
#include <asm/segment.h>

struct idt_gate {
	u16 offset_low;
	u16 selector;
	u8 ist;
	u8 type_attr;
	u16 offset_mid;
	u32 offset_high;
	u32 reserved;
} __packed;

#define GATE_INTERRUPT 0x8e /* present, DPL 0, type 0xe */
#define GATE_USER 0x60      /* DPL 3 */
#define VEC_BREAKPOINT 3
#define VEC_OVERFLOW 4
#define VEC_DOUBLE_FAULT 8

extern const u64 isr_stub_table[NR_VECTORS];
static struct idt_gate idt[NR_VECTORS] __aligned(16);

static void set_gate(unsigned vec, u64 handler, u8 attr, u8 ist)
{
	idt[vec] = (struct idt_gate){
		.offset_low = handler & 0xffff,
		.selector = __KERNEL_CS,
		.ist = ist,
		.type_attr = attr,
		.offset_mid = (handler >> 16) & 0xffff,
		.offset_high = handler >> 32,
	};
}

/* Every CPU loads the one IDT: the handlers find their CPU's data through GS. */
void idt_load(void)
{
	struct {
		u16 limit;
		u64 base;
	} __packed idtr = { sizeof(idt) - 1, (u64)idt };

	__asm__ volatile("lidt %0" : : "m"(idtr));
}

void idt_init(void)
{
	for (unsigned v = 0; v < NR_VECTORS; v++)
		set_gate(v, isr_stub_table[v], GATE_INTERRUPT, 0);
	set_gate(VEC_BREAKPOINT, isr_stub_table[VEC_BREAKPOINT], GATE_INTERRUPT | GATE_USER, 0);
	set_gate(VEC_OVERFLOW, isr_stub_table[VEC_OVERFLOW], GATE_INTERRUPT | GATE_USER, 0);
	set_gate(VEC_DOUBLE_FAULT, isr_stub_table[VEC_DOUBLE_FAULT], GATE_INTERRUPT, 1);
	idt_load();
}
