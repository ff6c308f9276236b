/*
 * CPU set-up beyond what boot.asm did: SSE for user programs (the kernel is
 * built without it), the SYSCALL/SYSRET MSRs, SMEP where the CPU has it,
 * and the FPU state a new program starts with.  Intel SDM vol. 3A, 13.1.4 "Initialization of the
 * SSE Extensions"; vol. 2B, SYSCALL.
 */
#include <asm/cpu.h>
#include <asm/segment.h>
#include <asm/fpu.h>
#include <asm/processor.h>

extern char entry_SYSCALL_64[];

void fpu_init(void)
{
	write_cr0((read_cr0() & ~(X86_CR0_EM | X86_CR0_TS)) | X86_CR0_MP | X86_CR0_NE);
	write_cr4(read_cr4() | X86_CR4_OSFXSR | X86_CR4_OSXMMEXCPT);
}

#define CPUID_7_EBX_SMEP (1u << 7)

/*
 * SMEP: the kernel faults instead of executing an instruction from a user
 * page, so a kernel bug cannot be steered into code a user wrote (Intel SDM
 * vol. 3A, 4.6.1).  Only where CPUID leaf 7 reports it (QEMU's qemu64 does not).
 */
void setup_smep(void)
{
	u32 max_leaf, a, b, c, d;

	cpuid(0, &max_leaf, &b, &c, &d);
	if (max_leaf < 7)
		return;
	cpuid(7, &a, &b, &c, &d);
	if (b & CPUID_7_EBX_SMEP)
		write_cr4(read_cr4() | X86_CR4_SMEP);
}

void syscall_init(void)
{
	wrmsr(MSR_EFER, rdmsr(MSR_EFER) | EFER_SCE);
	/* STAR[47:32]: SYSCALL CS (SS = +8); STAR[63:48]: SYSRET base (CS = +16, SS = +8). */
	wrmsr(MSR_STAR, ((u64)__USER32_CS << 48) | ((u64)__KERNEL_CS << 32));
	wrmsr(MSR_LSTAR, (u64)entry_SYSCALL_64);
	/* Run the kernel with interrupts off, no single-step, DF clear, AC clear. */
	wrmsr(MSR_FMASK, X86_EFLAGS_IF | X86_EFLAGS_TF | X86_EFLAGS_DF | X86_EFLAGS_AC);
}

void fpu_save(struct fpu_state *f)
{
	__asm__ volatile("fxsaveq %0" : "=m"(*f));
}

void fpu_restore(const struct fpu_state *f)
{
	__asm__ volatile("fxrstorq %0" : : "m"(*f));
}

/* The state after FNINIT with SSE exceptions masked (MXCSR 0x1f80), as a new program gets. */
void fpu_init_state(struct fpu_state *f)
{
	*f = (struct fpu_state){ 0 };
	f->bytes[0] = 0x7f; /* FCW 0x037f */
	f->bytes[1] = 0x03;
	f->bytes[24] = 0x80; /* MXCSR 0x1f80 */
	f->bytes[25] = 0x1f;
}
