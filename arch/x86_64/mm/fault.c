/*
 * The page-fault handler (#PF, vector 14).  The CPU gives the faulting
 * address in CR2 and says in the error code why (Intel SDM vol. 3A, 4.7
 * "Page-Fault Exceptions").  A fault in a user address is resolved by the
 * memory manager (handle_mm_fault: demand paging or copy-on-write); what it
 * cannot resolve becomes SIGSEGV (SIGBUS past a backing object, SIGKILL when
 * memory ran out) for a user program, a fixup for the kernel's user-copy
 * routines, or a kernel oops.
 */
#include <asm/traps.h>
#include <printk.h>
#include <extable.h>
#include <fault.h>
#include <sched.h>
#include <mm_types.h>
#include <mm.h>
#include <signal.h>
#include <uapi/errno.h>

#define PF_PROT (1 << 0)  /* 0: page not present, 1: protection violation */
#define PF_WRITE (1 << 1) /* the access was a write */
#define PF_USER (1 << 2)  /* it came from ring 3 */
#define PF_RSVD (1 << 3)  /* a reserved bit was set in a paging entry */
#define PF_INSTR (1 << 4) /* it was an instruction fetch */

static void report_kernel_fault(unsigned long error_code, unsigned long address)
{
	printk(KERN_EMERG "BUG: unable to handle page fault for address %016lx\n", address);
	printk(KERN_EMERG "#PF: %s %s in %s mode%s\n",
	       error_code & PF_INSTR ? "instruction fetch" : error_code & PF_WRITE ? "write" : "read",
	       error_code & PF_PROT ? "of a protected page" : "of a not-present page",
	       error_code & PF_USER ? "user" : "kernel",
	       error_code & PF_RSVD ? " (reserved bit set)" : "");
}

/* Linux's bad_area (nothing mapped there) or access_error (a mapping that forbids it). */
static int segv_code(unsigned long address)
{
	struct vm_area_struct *vma = current->mm ? find_vma(current->mm, address) : NULL;

	return vma && address >= vma->vm_start ? SEGV_ACCERR : SEGV_MAPERR;
}

void do_page_fault(struct pt_regs *regs, unsigned long error_code, unsigned long address)
{
	unsigned flags = (error_code & PF_WRITE ? FAULT_FLAG_WRITE : 0) |
			 (error_code & PF_INSTR ? FAULT_FLAG_INSTRUCTION : 0) |
			 (error_code & PF_USER ? FAULT_FLAG_USER : 0);

	int err = error_code & PF_RSVD ? -EFAULT : handle_user_fault(address, flags);

	if (!err)
		return;
	if (user_mode(regs)) {
		/*
		 * Out of memory kills the process (Linux's OOM killer would pick one); an
		 * address past a mapping's backing object is SIGBUS; a bad access is SIGSEGV.
		 */
		if (err == -ENOMEM)
			force_sig_fault(SIGKILL, SI_KERNEL, address);
		else if (err == -EIO)
			force_sig_fault(SIGBUS, BUS_ADRERR, address);
		else
			force_sig_fault(SIGSEGV, segv_code(address), address);
		return;
	}
	if (fixup_exception(regs))
		return;
	report_kernel_fault(error_code, address);
	die("page fault", regs);
}
