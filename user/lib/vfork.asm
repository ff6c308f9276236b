; pid_t vfork(void)
;
; The child borrows the parent's memory, stack included, and runs first.
; If we kept our return address on the stack, the child's next call would
; overwrite it and the parent, resuming later, would return into garbage.
; So the return address travels in a register (saved per task by the
; kernel) and is pushed back after the syscall, separately in each task.

bits 64

global vfork
extern __syscall_ret

; __NR_* and E* from the uapi headers (build/user/include/uapi.inc, made by user/user.mk)
%include "uapi.inc"

section .text
vfork:
	pop rdx                      ; our return address, out of the shared stack
	mov eax, __NR_vfork
	syscall
	push rdx
	mov rdi, rax
	jmp __syscall_ret            ; sets errno for -errno; returns to our caller

section .note.GNU-stack noalloc noexec nowrite progbits
