/* Built on the host with `gcc -static -nostdlib`: writes a line, exits 42. */
	.globl _start
	.text
_start:
	mov $1, %eax            /* write(1, msg, len) */
	mov $1, %edi
	lea msg(%rip), %rsi
	mov $len, %edx
	syscall
	mov $231, %eax          /* exit_group(42) */
	mov $42, %edi
	syscall
	.section .rodata
msg:	.ascii "hello from a host-built binary\n"
	len = . - msg
