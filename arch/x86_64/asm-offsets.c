/*
 * The numbers the assembly files share with C: struct pt_regs offsets,
 * segment selectors, errno values, page-table and control-register bits,
 * taken from the C definitions at build
 * time so that the two cannot drift apart (Linux's asm-offsets).
 *
 * This file is only compiled to assembly, never linked.  Each DEFINE leaves
 * a line `->NAME value` in the output, which the Makefile turns into
 * `%define NAME value` in build/include/asm-offsets.inc for NASM's %include.
 */
#include <stddef.h>
#include <errno.h>
#include <asm/ptrace.h>
#include <asm/segment.h>
#include <asm/pgtable.h>
#include <asm/cpu.h>
#include <asm/percpu.h>

/*
 * GCC prints the constant as an immediate operand, `$value`, which the
 * Makefile turns into `%define sym value`.  Widened to long, so that a value
 * like 0xc0000080 prints as itself rather than as a negative int.
 */
#define DEFINE(sym, val) __asm__ volatile("\n.ascii \"->" #sym " %0\"" : : "i"((long)(val)))
#define OFFSET(sym, str, mem) DEFINE(sym, offsetof(struct str, mem))

void asm_offsets(void);

void asm_offsets(void)
{
	OFFSET(PT_RAX, pt_regs, rax);
	OFFSET(PT_ORIG_RAX, pt_regs, orig_rax);
	OFFSET(PT_RIP, pt_regs, rip);
	OFFSET(PT_CS, pt_regs, cs);
	OFFSET(PT_RSP, pt_regs, rsp);

	/* entry.asm: the per-CPU area through GS */
	OFFSET(PCPU_TOP_OF_STACK, percpu, top_of_stack);
	OFFSET(PCPU_USER_RSP, percpu, user_rsp);

	DEFINE(__KERNEL32_CS, __KERNEL32_CS);
	DEFINE(__KERNEL_CS, __KERNEL_CS);
	DEFINE(__KERNEL_DS, __KERNEL_DS);
	DEFINE(__USER_CS, __USER_CS);
	DEFINE(__USER_DS, __USER_DS);

	DEFINE(ENOSYS, ENOSYS);

	/* boot/boot.asm: the early page tables and the switch to long mode */
	DEFINE(PAGE_SHIFT, PAGE_SHIFT);
	DEFINE(PMD_SHIFT, PMD_SHIFT);
	DEFINE(PTRS_PER_TABLE, PTRS_PER_TABLE);
	DEFINE(_PAGE_PRESENT, _PAGE_PRESENT);
	DEFINE(_PAGE_RW, _PAGE_RW);
	DEFINE(_PAGE_PSE, _PAGE_PSE);
	DEFINE(PAGE_OFFSET_PGD_INDEX, pgd_index(PAGE_OFFSET));
	DEFINE(KERNEL_VMA_PGD_INDEX, pgd_index(KERNEL_VMA));
	DEFINE(KERNEL_VMA_PUD_INDEX, pud_index(KERNEL_VMA));
	DEFINE(MSR_EFER, MSR_EFER);
	DEFINE(EFER_LME, EFER_LME);
	DEFINE(EFER_NX, EFER_NX);
	DEFINE(X86_CR0_PE, X86_CR0_PE);
	DEFINE(X86_CR0_WP, X86_CR0_WP);
	DEFINE(X86_CR0_PG, X86_CR0_PG);
	DEFINE(X86_CR4_PAE, X86_CR4_PAE);
	DEFINE(X86_EFLAGS_ID, X86_EFLAGS_ID);
}
