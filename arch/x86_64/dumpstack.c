/*
 * Oops output: the registers, and a call trace with symbol names
 * (kallsyms.h), as Linux's arch/x86/kernel/dumpstack.c prints them.
 *
 * The kernel is built with -fno-omit-frame-pointer, so a C function starts
 * with "push rbp; mov rbp, rsp": [rbp] holds the caller's rbp and [rbp + 8]
 * the return address into the caller (System V AMD64 ABI, 3.2.2).  As
 * Linux's, the trace reads every word of the stack from the stack pointer
 * up and prints each one that points into kernel text: those in the frame
 * chain are the calls, the others are marked "? " (stale, or the caller of
 * a function that had not pushed its frame yet, or of one that never does:
 * gcc gives a noreturn function such as a BUG() no frame).  Only the current
 * task's kernel stack is read, at most STACK_MAX_LINES lines: a corrupt rbp
 * only turns the rest of the trace into "? " lines, it cannot fault or loop.
 */
#include <asm/traps.h>
#include <asm/cpu.h>
#include <printk.h>
#include <kallsyms.h>
#include <sched.h>

#define STACK_MAX_LINES 48

bool oops_in_progress;

static void show_trace(const unsigned long *sp, unsigned long rbp)
{
	const unsigned long *top = (const unsigned long *)((char *)current->stack + THREAD_SIZE);
	unsigned long start, size;
	char sym[KSYM_SYMBOL_LEN];
	int lines = 0;

	printk(KERN_EMERG "Call Trace:\n");
	if (sp < (const unsigned long *)current->stack || sp >= top || ((unsigned long)sp & 7)) {
		printk(KERN_EMERG " (stack pointer %p is off the task's stack)\n", (const void *)sp);
		return;
	}
	for (; sp < top && lines < STACK_MAX_LINES; sp++) {
		if (!kallsyms_lookup(*sp, &start, &size))
			continue;
		bool in_chain = (unsigned long)sp == rbp + 8;
		if (in_chain)
			rbp = sp[-1]; /* the caller's frame */
		sprint_symbol(sym, sizeof(sym), *sp);
		printk(KERN_EMERG " %s%s\n", in_chain ? "" : "? ", sym);
		lines++;
	}
}

static void show_task_header(void)
{
	printk(KERN_EMERG "CPU: 0 PID: %d Comm: %s\n", current ? current->pid : 0,
	       current ? current->comm : "(boot)");
}

void dump_stack(void)
{
	show_task_header();
	unsigned long *frame = __builtin_frame_address(0);

	show_trace(frame, (unsigned long)frame);
}

void show_regs(const struct pt_regs *r)
{
	char sym[KSYM_SYMBOL_LEN];

	sprint_symbol(sym, sizeof(sym), r->rip);
	printk(KERN_EMERG "RIP: %04lx:%s\n", r->cs, sym);
	printk(KERN_EMERG "RSP: %04lx:%016lx RFLAGS: %08lx ERR: %lx\n", r->ss, r->rsp, r->rflags, r->error_code);
	printk(KERN_EMERG "RAX: %016lx RBX: %016lx RCX: %016lx\n", r->rax, r->rbx, r->rcx);
	printk(KERN_EMERG "RDX: %016lx RSI: %016lx RDI: %016lx\n", r->rdx, r->rsi, r->rdi);
	printk(KERN_EMERG "RBP: %016lx R08: %016lx R09: %016lx\n", r->rbp, r->r8, r->r9);
	printk(KERN_EMERG "R10: %016lx R11: %016lx R12: %016lx\n", r->r10, r->r11, r->r12);
	printk(KERN_EMERG "R13: %016lx R14: %016lx R15: %016lx\n", r->r13, r->r14, r->r15);
	printk(KERN_EMERG "CR0: %016lx CR2: %016lx CR3: %016lx CR4: %016lx\n",
	       read_cr0(), read_cr2(), read_cr3(), read_cr4());
}

/* An exception the kernel cannot handle: the trace starts where it hit. */
__noreturn void die(const char *what, const struct pt_regs *regs)
{
	oops_in_progress = true;
	printk(KERN_EMERG "Oops: %s in kernel mode\n", what);
	show_task_header();
	show_regs(regs);
	show_trace((const unsigned long *)regs->rsp, regs->rbp);
	panic("%s", what);
}
