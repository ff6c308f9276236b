/*
 * Where every interrupt and exception lands (from entry.asm).  IRQs go to
 * arch/x86_64/irq.c, IPIs to kernel/smp.c.  An exception raised by a user program becomes a signal to
 * it, as on Linux (arch/x86/kernel/traps.c); one raised by the kernel is
 * either expected (a fixup in __ex_table) or a bug: an oops (dumpstack.c).
 */
#include <asm/ptrace.h>
#include <asm/desc.h>
#include <asm/cpu.h>
#include <printk.h>
#include <extable.h>
#include <signal.h>
#include <irq.h>
#include <asm/apic.h>
#include <smp.h>
#include <smp_lock.h>
#include <asm/traps.h>
#include <bug.h>

#define VEC_INVALID_OPCODE 6
#define VEC_PAGE_FAULT 14

static const struct {
	const char *name;
	int signo;
	int code; /* si_code; 0: SI_KERNEL (Linux's force_sig) */
} exceptions[32] = {
	[0] = { "divide error", SIGFPE, FPE_INTDIV },
	[1] = { "debug", SIGTRAP },
	[2] = { "NMI", 0 },
	[3] = { "breakpoint", SIGTRAP },
	[4] = { "overflow", SIGSEGV },
	[5] = { "bound range exceeded", SIGSEGV },
	[6] = { "invalid opcode", SIGILL, ILL_ILLOPN },
	[7] = { "device not available", SIGFPE },
	[8] = { "double fault", 0 },
	[9] = { "coprocessor segment overrun", SIGFPE },
	[10] = { "invalid TSS", SIGSEGV },
	[11] = { "segment not present", SIGBUS },
	[12] = { "stack segment fault", SIGBUS },
	[13] = { "general protection fault", SIGSEGV },
	[14] = { "page fault", SIGSEGV },
	[16] = { "x87 floating-point error", SIGFPE },
	[17] = { "alignment check", SIGBUS },
	[18] = { "machine check", 0 },
	[19] = { "SIMD floating-point exception", SIGFPE },
	[20] = { "virtualization exception", 0 },
	[21] = { "control protection", SIGSEGV },
};

static void do_exception(struct pt_regs *regs, unsigned vec)
{
	const char *name = vec < 32 && exceptions[vec].name ? exceptions[vec].name : "reserved exception";

	if (vec == VEC_PAGE_FAULT) {
		do_page_fault(regs, regs->error_code, read_cr2());
		return;
	}
	if (user_mode(regs) && vec < 32 && exceptions[vec].signo) {
		force_sig_fault(exceptions[vec].signo, exceptions[vec].code ? exceptions[vec].code : SI_KERNEL, regs->rip);
		return;
	}
	if (fixup_exception(regs))
		return;
	if (vec == VEC_INVALID_OPCODE)
		report_bug(regs->rip);
	die(name, regs);
}

/*
 * The IPIs run without the big kernel lock: their sender may hold it.  The
 * rest take it unless this CPU holds it already (an interrupt at a
 * cond_resched() point, a fault in a system call); from user mode it is
 * taken again by exit_to_user_mode().
 */
void interrupt_dispatch(struct pt_regs *regs)
{
	unsigned vec = ~regs->orig_rax;

	if (vec == CALL_FUNCTION_VECTOR) {
		smp_call_function_interrupt();
		return;
	}
	if (vec == RESCHEDULE_VECTOR) { /* it only had to end an idle CPU's HLT */
		lapic_eoi();
		return;
	}
	bool lock = !kernel_locked();
	if (lock)
		lock_kernel();
	if (vec < IRQ_BASE_VECTOR)
		do_exception(regs, vec);
	else if (vec < IRQ_BASE_VECTOR + 16)
		handle_irq(vec - IRQ_BASE_VECTOR);
	else if (vec == LOCAL_TIMER_VECTOR)
		smp_apic_timer_interrupt();
	/* SPURIOUS_APIC_VECTOR takes no EOI (Intel SDM vol. 3A, 10.9); nothing else is sent. */
	if (lock)
		unlock_kernel();
}
