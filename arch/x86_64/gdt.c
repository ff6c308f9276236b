/*
 * The GDT and the TSS, one of each per CPU (in its struct percpu): a TSS
 * is busy once loaded, so no two CPUs can share one.  In long mode
 * segmentation is mostly off: the code segments only carry the privilege
 * level and the L bit, and the TSS only holds stack pointers: RSP0, used on
 * entry from ring 3, and an interrupt stack (IST1) for double faults so a
 * blown kernel stack still gets reported (Intel SDM vol. 3A, 3.4.5 "Segment
 * Descriptors", 8.7 "Task Management in 64-bit Mode").
 */
#include <asm/desc.h>
#include <asm/segment.h>
#include <asm/percpu.h>
#include <string.h>

/* Access byte: present, DPL, S=1, type. Flags: G=1, L=1 (64-bit) or D=1. */
#define SEG(access, flags) (0x000000000000fffful | (u64)(access) << 40 | (u64)(flags) << 52 | 0xful << 48)

static const u64 gdt_template[GDT_ENTRIES] = {
	[GDT_ENTRY_KERNEL32_CS] = SEG(0x9a, 0xc), /* kernel 32-bit code, unused after boot */
	[GDT_ENTRY_KERNEL_CS] = SEG(0x9a, 0xa), /* ring 0 code, L=1 */
	[GDT_ENTRY_KERNEL_DS] = SEG(0x92, 0xc), /* ring 0 data */
	[GDT_ENTRY_USER32_CS] = SEG(0xfa, 0xc), /* ring 3 32-bit code (SYSRET base) */
	[GDT_ENTRY_USER_DS] = SEG(0xf2, 0xc),   /* ring 3 data */
	[GDT_ENTRY_USER_CS] = SEG(0xfa, 0xa),   /* ring 3 code, L=1 */
};

/*
 * RSP0 is where an interrupt from ring 3 switches stacks; SYSCALL, unlike
 * an interrupt, loads no stack, so entry_SYSCALL_64 takes top_of_stack.
 */
void tss_set_kernel_stack(unsigned long sp)
{
	struct percpu *c = this_cpu();

	c->tss.rsp[0] = sp;
	c->top_of_stack = sp;
}

static void set_tss_descriptor(struct percpu *c)
{
	u64 base = (u64)&c->tss, limit = sizeof(c->tss) - 1;

	/* A 16-byte system descriptor, type 9 = available 64-bit TSS. */
	c->gdt[GDT_ENTRY_TSS] = (limit & 0xffff) | (base & 0xffffff) << 16 | 0x89ul << 40 |
				((limit >> 16) & 0xf) << 48 | ((base >> 24) & 0xff) << 56;
	c->gdt[GDT_ENTRY_TSS + 1] = base >> 32;
}

/* Load this CPU's GDT and TSS (percpu_setup() has pointed GS at its area). */
void gdt_init(void)
{
	struct percpu *c = this_cpu();
	struct {
		u16 limit;
		u64 base;
	} __packed gdtr = { sizeof(c->gdt) - 1, (u64)c->gdt };

	memcpy(c->gdt, gdt_template, sizeof(c->gdt));
	c->tss.ist[0] = (u64)c->double_fault_stack + sizeof(c->double_fault_stack);
	c->tss.iopb_offset = sizeof(c->tss); /* no I/O permission bitmap */
	set_tss_descriptor(c);

	__asm__ volatile("lgdt %0" : : "m"(gdtr));
	/* Reload CS with a far return, then the data segments and the task register. */
	__asm__ volatile("pushq %0\n\t"
			 "leaq 1f(%%rip), %%rax\n\t"
			 "pushq %%rax\n\t"
			 "lretq\n"
			 "1:\n\t"
			 "movw %w1, %%ds\n\t"
			 "movw %w1, %%es\n\t"
			 "movw %w1, %%ss\n\t"
			 "ltr %w2"
			 : : "i"(__KERNEL_CS), "r"(__KERNEL_DS), "r"(__TSS_SEL) : "rax", "memory");
}
