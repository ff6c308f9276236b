/*
 * The GDT and the TSS.  In long mode segmentation is mostly off: the code
 * segments only carry the privilege level and the L bit, and the TSS only
 * holds stack pointers: RSP0, used on entry from ring 3, and an interrupt
 * stack (IST1) for double faults so a blown kernel stack still gets reported
 * (Intel SDM vol. 3A, 3.4.5 "Segment Descriptors", 8.7 "Task Management in
 * 64-bit Mode").
 */
#include <asm/desc.h>
#include <asm/segment.h>
#include <string.h>

struct tss {
	u32 reserved0;
	u64 rsp[3];
	u64 reserved1;
	u64 ist[7];
	u64 reserved2;
	u16 reserved3;
	u16 iopb_offset;
} __packed;

/* Access byte: present, DPL, S=1, type. Flags: G=1, L=1 (64-bit) or D=1. */
#define SEG(access, flags) (0x000000000000fffful | (u64)(access) << 40 | (u64)(flags) << 52 | 0xful << 48)

static u64 gdt[GDT_ENTRIES] __aligned(16) = {
	[1] = SEG(0x9a, 0xc),                   /* kernel 32-bit code, unused */
	[GDT_ENTRY_KERNEL_CS] = SEG(0x9a, 0xa), /* ring 0 code, L=1 */
	[GDT_ENTRY_KERNEL_DS] = SEG(0x92, 0xc), /* ring 0 data */
	[GDT_ENTRY_USER32_CS] = SEG(0xfa, 0xc), /* ring 3 32-bit code (SYSRET base) */
	[GDT_ENTRY_USER_DS] = SEG(0xf2, 0xc),   /* ring 3 data */
	[GDT_ENTRY_USER_CS] = SEG(0xfa, 0xa),   /* ring 3 code, L=1 */
};

static struct tss tss __aligned(16);
static u8 double_fault_stack[4096] __aligned(16);

/* Where entry_SYSCALL_64 switches to: SYSCALL, unlike an interrupt, does not load RSP0. */
u64 syscall_kernel_sp;

void tss_set_kernel_stack(unsigned long sp)
{
	tss.rsp[0] = sp;
	syscall_kernel_sp = sp;
}

static void set_tss_descriptor(void)
{
	u64 base = (u64)&tss, limit = sizeof(tss) - 1;

	/* A 16-byte system descriptor, type 9 = available 64-bit TSS. */
	gdt[GDT_ENTRY_TSS] = (limit & 0xffff) | (base & 0xffffff) << 16 | 0x89ul << 40 |
			     ((limit >> 16) & 0xf) << 48 | ((base >> 24) & 0xff) << 56;
	gdt[GDT_ENTRY_TSS + 1] = base >> 32;
}

void gdt_init(void)
{
	struct {
		u16 limit;
		u64 base;
	} __packed gdtr = { sizeof(gdt) - 1, (u64)gdt };

	tss.ist[0] = (u64)double_fault_stack + sizeof(double_fault_stack);
	tss.iopb_offset = sizeof(tss); /* no I/O permission bitmap */
	set_tss_descriptor();

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
