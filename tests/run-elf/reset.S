/* Resets the machine through /proc/sysrq-trigger ("b"): no verdict, run-elf says so (126). */
	.globl _start
	.text
_start:
	mov $2, %eax            /* open(path, O_WRONLY) */
	lea path(%rip), %rdi
	mov $1, %esi
	syscall
	mov %eax, %edi          /* write(fd, "b", 1) */
	mov $1, %eax
	lea cmd(%rip), %rsi
	mov $1, %edx
	syscall
	mov $231, %eax
	xor %edi, %edi
	syscall
	.section .rodata
path:	.asciz "/proc/sysrq-trigger"
cmd:	.ascii "b"
