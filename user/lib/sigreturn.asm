; void __restore_rt(void)
;
; Signal handler trampoline.  sigaction() passes it to the kernel as the
; SA_RESTORER; the kernel pushes its address as the handler's return
; address, so when the handler returns it lands here, and rt_sigreturn
; restores the registers and mask saved in the signal frame.  It is never
; called like a function.

bits 64

global __restore_rt

NR_rt_sigreturn equ 15           ; __NR_rt_sigreturn in uapi/unistd.h

section .text
__restore_rt:
	mov eax, NR_rt_sigreturn
	syscall

section .note.GNU-stack noalloc noexec nowrite progbits
