; Kernel entry and exit: interrupt and exception stubs, the SYSCALL entry,
; the return to user mode, the context switch and the first return of a new
; task.  Every entry from user mode leaves a struct pt_regs (asm/ptrace.h)
; at the top of the task's kernel stack.
;
; The kernel runs with interrupts disabled (all IDT gates are interrupt
; gates and SYSCALL masks IF), so nothing here races with an interrupt.
;
; GS: in the kernel its base is this CPU's struct percpu (asm/percpu.h),
; in user mode the user's own (arch_prctl(ARCH_SET_GS)).  SWAPGS exchanges
; GS.base with the KERNEL_GS_BASE MSR (Intel SDM vol. 2B, SWAPGS), so every
; entry from ring 3 does it first and every exit to ring 3 last; an entry
; from ring 0 already has the kernel's.

bits 64
default rel

; PT_* (struct pt_regs offsets), __USER_CS, __USER_DS and ENOSYS, generated
; from the C definitions by arch/x86_64/asm-offsets.c.
%include "asm-offsets.inc"

extern interrupt_dispatch
extern do_syscall_64
extern exit_to_user_mode
extern schedule_tail

; SAVE_REGS pushes the 15 general registers in the order struct pt_regs
; lists them, so that they end just below orig_rax.
%if PT_ORIG_RAX <> 15 * 8
%error "SAVE_REGS does not match struct pt_regs in asm/ptrace.h"
%endif

%macro SAVE_REGS 0
	push rdi
	push rsi
	push rdx
	push rcx
	push rax
	push r8
	push r9
	push r10
	push r11
	push rbx
	push rbp
	push r12
	push r13
	push r14
	push r15
%endmacro

%macro RESTORE_REGS 0
	pop r15
	pop r14
	pop r13
	pop r12
	pop rbp
	pop rbx
	pop r11
	pop r10
	pop r9
	pop r8
	pop rax
	pop rcx
	pop rdx
	pop rsi
	pop rdi
%endmacro

section .text

; Exceptions 8, 10-14, 17, 21, 29 and 30 push an error code; for the rest the
; stub pushes 0 so the frame is always the same (Intel SDM vol. 3A, 6.13).
%macro ISR 1
isr_%1:
%if %1 = 8 || (%1 >= 10 && %1 <= 14) || %1 = 17 || %1 = 21 || %1 = 29 || %1 = 30
%else
	push 0
%endif
	push ~%1                    ; orig_rax: ~vector, negative: not a system call
	jmp common_interrupt
%endmacro

%assign v 0
%rep 256
ISR v
%assign v v+1
%endrep

; On entry: orig_rax, error_code, then the CPU's frame (RIP, CS, ...).
%define ENTRY_RIP 16
%define ENTRY_CS 24
common_interrupt:
	cld
	test byte [rsp + ENTRY_CS], 3
	jnz .from_user
	; From ring 0 only a fault of the IRETQ to ring 3 itself (a bad frame)
	; comes with the user's GS, as Linux's error_entry also checks.
	cmp qword [rsp + ENTRY_RIP], iret_to_user
	jne .gs_is_kernel
.from_user:
	swapgs
.gs_is_kernel:
	SAVE_REGS
	mov rdi, rsp
	call interrupt_dispatch
	test byte [rsp + PT_CS], 3
	jz restore_and_iret
	mov rdi, rsp
	call exit_to_user_mode
global restore_and_iret
restore_and_iret:
	RESTORE_REGS
	add rsp, PT_RIP - PT_ORIG_RAX ; orig_rax and error_code
	test byte [rsp + 8], 3        ; the CS being returned to
	jnz .to_user
	iretq
.to_user:
	swapgs
iret_to_user:
	iretq

; SYSCALL: RCX = user RIP, R11 = user RFLAGS, RSP still the user's.
; (Intel SDM vol. 2B, SYSCALL.)  Build the same frame an interrupt would.
global entry_SYSCALL_64
entry_SYSCALL_64:
	swapgs
	mov [gs:PCPU_USER_RSP], rsp
	mov rsp, [gs:PCPU_TOP_OF_STACK]
	push __USER_DS              ; ss
	push qword [gs:PCPU_USER_RSP]
	push r11                    ; rflags
	push __USER_CS              ; cs
	push rcx                    ; rip
	push 0                      ; error_code
	push rax                    ; orig_rax: the syscall number
	SAVE_REGS
	mov qword [rsp + PT_RAX], -ENOSYS ; the result until a handler sets one
	mov rdi, rsp
	call do_syscall_64          ; also runs exit_to_user_mode
	test al, al
	jz restore_and_iret         ; SYSRET would be unsafe: return with IRETQ
	RESTORE_REGS
	mov rsp, [rsp + PT_RSP - PT_ORIG_RAX] ; RESTORE_REGS left RSP at orig_rax
	swapgs
	o64 sysret

; void switch_context(unsigned long *prev_sp, unsigned long next_sp)
; Saves the callee-saved registers on the old stack, switches stacks and
; restores them from the new one.
global switch_context
switch_context:
	push rbp
	push rbx
	push r12
	push r13
	push r14
	push r15
	mov [rdi], rsp
	mov rsp, rsi
	pop r15
	pop r14
	pop r13
	pop r12
	pop rbx
	pop rbp
	ret

; A new task's first return from switch_context lands here.  copy_thread()
; leaves RBX = a kernel thread's function (0 for a user task) and R12 = its
; argument; below them on the stack is the task's struct pt_regs.
global ret_from_fork
ret_from_fork:
	call schedule_tail
	test rbx, rbx
	jz .to_user
	mov rdi, r12
	call rbx                    ; a kernel thread that returns has exec'd a user program
.to_user:
	mov rdi, rsp
	call exit_to_user_mode
	jmp restore_and_iret

section .rodata
global isr_stub_table
isr_stub_table:
%assign v 0
%rep 256
	dq isr_ %+ v
%assign v v+1
%endrep
