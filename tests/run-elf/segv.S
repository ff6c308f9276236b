/* Dereferences NULL: killed by SIGSEGV, so run-elf exits with 128 + 11. */
	.globl _start
	.text
_start:
	mov 0, %rax
