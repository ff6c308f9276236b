/*
 * Writes the first character of argv[1] to Linux's /proc/sysrq-trigger:
 * "c" makes the kernel panic, "b" resets the machine.  run-elf must say so.
 */
	.globl _start
	.text
_start:
	mov 16(%rsp), %r12      /* argv[1] (the initial stack: argc, argv[0], argv[1]) */
	mov $2, %eax            /* open(path, O_WRONLY) */
	lea path(%rip), %rdi
	mov $1, %esi
	syscall
	mov %eax, %edi          /* write(fd, argv[1], 1) */
	mov $1, %eax
	mov %r12, %rsi
	mov $1, %edx
	syscall
	mov $231, %eax          /* exit_group(0): only reached if the kernel ignored us */
	xor %edi, %edi
	syscall
	.section .rodata
path:	.asciz "/proc/sysrq-trigger"
