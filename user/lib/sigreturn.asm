; void __restore_rt(void)
;
; Signal handler trampoline.  sigaction() passes it to the kernel as the
; SA_RESTORER; the kernel pushes its address as the handler's return
; address, so when the handler returns it lands here, and rt_sigreturn
; restores the registers and mask saved in the signal frame.  It is never
; called like a function.

bits 64

global __restore_rt

; __NR_* and E* from the uapi headers (build/user/include/uapi.inc, made by user/user.mk)
%include "uapi.inc"

section .text
__restore_rt:
	mov eax, __NR_rt_sigreturn
	syscall

section .note.GNU-stack noalloc noexec nowrite progbits
