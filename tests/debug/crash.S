/*
 * Writes argv[1] (PANIC, BUG, EXCEPTION or SPINLOCKUP) to /proc/cowl/provoke-crash, so
 * the kernel crashes that way; tools/test-debug reads the oops it prints.
 */
	.globl _start
	.text
_start:
	mov 16(%rsp), %r12      /* argv[1] (the initial stack: argc, argv[0], argv[1]) */
	mov %r12, %rdi          /* its length, for write */
	xor %eax, %eax
	mov $-1, %rcx
	repne scasb
	not %rcx
	dec %rcx
	mov %rcx, %r13
	mov $2, %eax            /* open(path, O_WRONLY) */
	lea path(%rip), %rdi
	mov $1, %esi
	syscall
	mov %eax, %edi          /* write(fd, argv[1], strlen(argv[1])) */
	mov $1, %eax
	mov %r12, %rsi
	mov %r13, %rdx
	syscall
	mov $231, %eax          /* exit_group(1): only reached if the kernel did not crash */
	mov $1, %edi
	syscall
	.section .rodata
path:	.asciz "/proc/cowl/provoke-crash"
