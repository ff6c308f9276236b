; Copying to and from user memory.  The kernel touches user addresses only
; through these routines: each instruction that may fault on a bad user
; address has an __ex_table entry, so the page-fault handler, when it cannot
; resolve the fault, resumes at the fixup instead of panicking.
; The C wrappers in kernel/include/uaccess.h check that the range lies in
; user space first.

bits 64
default rel

%macro EXTABLE 2
	section __ex_table alloc noexec nowrite progbits align=8
	dq %1, %2
	section .text
%endmacro

section .text

; unsigned long __copy_user(void *dst, const void *src, unsigned long n)
; Returns the number of bytes NOT copied (0 on success).  Eight bytes at a
; time, then the tail byte by byte (QEMU's TCG runs each iteration of a REP
; string instruction apart: quadwords copy a page eight times faster).  A
; fault ends a REP instruction with RSI, RDI and RCX at the element that
; faulted (Intel SDM vol. 2B, REP: restartable), so after a fault among the
; quadwords the rest is copied byte by byte: the copy stops at the exact
; byte that cannot be reached, as a byte copy would.
global __copy_user
__copy_user:
	mov rcx, rdx
	shr rcx, 3
	and edx, 7
.copy_quads:
	rep movsq
	mov rcx, rdx
.copy_bytes:
	rep movsb
	xor eax, eax
	ret
.fault_quads:
	lea rcx, [rdx + rcx * 8]    ; the quadwords left, and the tail
	jmp .copy_bytes
.fault_bytes:
	mov rax, rcx                ; rep movsb leaves the remaining count in RCX
	ret
EXTABLE .copy_quads, .fault_quads
EXTABLE .copy_bytes, .fault_bytes

; unsigned long __clear_user(void *dst, unsigned long n): bytes NOT cleared.
global __clear_user
__clear_user:
	mov rcx, rsi
	xor eax, eax
.clear:
	rep stosb
	ret
.fault:
	mov rax, rcx
	ret
EXTABLE .clear, .fault

; long __strncpy_from_user(char *dst, const char *src, long count)
; Copies up to COUNT bytes, stopping after a NUL.  Returns the string length,
; COUNT if no NUL was found, or -EFAULT (-14).
global __strncpy_from_user
__strncpy_from_user:
	xor eax, eax
.next:
	cmp rax, rdx
	je .done
.load:
	mov cl, [rsi + rax]
	mov [rdi + rax], cl
	test cl, cl
	jz .done
	inc rax
	jmp .next
.done:
	ret
.fault:
	mov rax, -14
	ret
EXTABLE .load, .fault
