; int clone(int (*fn)(void *), void *stack, int flags, void *arg,
;           pid_t *ptid, void *tls, pid_t *ctid)
;
; The child starts on a new stack with no return address to go back to, so
; it cannot return from this function like fork's child does.  Instead fn
; and arg are left on the new stack; the child pops them, calls fn(arg) and
; ends itself (only this task: the exit syscall, not exit_group) with fn's
; result.

bits 64

global clone
extern __syscall_ret

; __NR_* and E* from the uapi headers (build/user/include/uapi.inc, made by user/user.mk)
%include "uapi.inc"

section .text
clone:
	test rdi, rdi                ; like glibc: fn and stack are required
	jz .invalid
	test rsi, rsi
	jz .invalid

	and rsi, -16                 ; the child's stack: aligned, holding fn and arg
	sub rsi, 16
	mov [rsi], rdi
	mov [rsi + 8], rcx

	mov edi, edx                 ; kernel order: flags, stack, ptid, ctid, tls
	mov rdx, r8
	mov r10, [rsp + 8]           ; ctid, the 7th argument, on our stack
	mov r8, r9
	mov eax, __NR_clone
	syscall
	test rax, rax
	jz .child
	mov rdi, rax                 ; parent: the child's tid, or -errno
	jmp __syscall_ret

.child:
	xor ebp, ebp                 ; the child's outermost frame
	pop rax                      ; fn
	pop rdi                      ; arg
	call rax
	mov edi, eax
	mov eax, __NR_exit
	syscall

.invalid:
	mov rdi, -EINVAL
	jmp __syscall_ret

section .note.GNU-stack noalloc noexec nowrite progbits
