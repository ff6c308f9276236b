; The application processors' first instructions.  A STARTUP IPI starts an
; AP in real mode at CS:IP = (vector << 8):0, physical address vector * 4 KiB
; (Intel SDM vol. 3A, 8.4.4.1 and 10.6.1), so smp_init() copies this code
; to TRAMPOLINE_PHYS, a page below 1 MiB (arch/x86_64/smpboot.c).  It only
; enters 32-bit protected mode and jumps to secondary_startup_32 in
; boot.asm: from there the AP goes the boot CPU's way into long mode.
;
; The boot GDT lives here too, so that its copy in the trampoline page is
; reachable from real mode (the original, in the kernel image at 1 MiB, is
; not: real-mode offsets stop at 64 KiB) while the descriptor it loads
; points at the original, which both CPUs' far jumps use.

; X86_CR0_PE, __KERNEL32_CS, __KERNEL_CS and __KERNEL_DS from asm-offsets.c.
%include "asm-offsets.inc"

extern secondary_startup_32
global trampoline_start, trampoline_end, boot_gdt_ptr

section .boot.rodata
bits 16
align 16
trampoline_start:
	cli
	cld
	mov ax, cs                            ; the page's segment: offsets below are from its start
	mov ds, ax
	o32 lgdt [boot_gdt_ptr - trampoline_start] ; o32: all 32 bits of the base
	mov eax, cr0
	or eax, X86_CR0_PE
	mov cr0, eax
	jmp dword __KERNEL32_CS:secondary_startup_32

align 8
boot_gdt:
	dq 0
	dq 0x00cf9a000000ffff                 ; __KERNEL32_CS: 32-bit code, the APs' until long mode
	dq 0x00af9a000000ffff                 ; __KERNEL_CS: 64-bit kernel code (L=1)
	dq 0x00cf92000000ffff                 ; __KERNEL_DS: kernel data, flat 4 GiB
boot_gdt_ptr:
	dw $ - boot_gdt - 1
	dd boot_gdt                           ; the original's physical address
trampoline_end:
