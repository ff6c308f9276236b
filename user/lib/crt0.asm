; Program entry.  The kernel jumps to _start with the System V initial stack:
;   [rsp] argc, then argv[0..argc-1], NULL, envp[...], NULL, then the
;   auxiliary vector of (type, value) pairs ending with AT_NULL.
; There is no return address: _start must never return, so it calls exit.

bits 64
default rel

global _start
extern main, exit, environ, __auxv

section .text
_start:
	xor ebp, ebp                 ; outermost frame: ends frame-pointer walks
	mov rdi, [rsp]               ; argc
	lea rsi, [rsp + 8]           ; argv
	lea rdx, [rsi + rdi*8 + 8]   ; envp starts after argv's NULL
	mov [environ], rdx

	mov rcx, rdx                 ; the auxiliary vector starts after envp's NULL
.skip_env:
	add rcx, 8
	cmp qword [rcx - 8], 0
	jne .skip_env
	mov [__auxv], rcx

	and rsp, -16                 ; the ABI wants rsp 16-byte aligned at each call
	call main                    ; main(argc, argv, envp)
	mov edi, eax
	call exit

section .note.GNU-stack noalloc noexec nowrite progbits
