; Boot path: GRUB (multiboot2) enters _start in 32-bit protected mode with
; paging off, EAX = magic, EBX = physical address of the boot information.
; We check that the CPU can run us, build just enough page tables to enter
; long mode, and jump to the higher-half kernel.  The real page tables are
; rebuilt later in C (arch/x86_64/mm/init.c).
;
; Early mappings (2 MiB pages):
;   0 .. 1 GiB       -> identity              (so the next instruction after
;                                              enabling paging still exists)
;   0 .. 4 GiB       -> PAGE_OFFSET + phys    (the direct map, used by C code)
;   0 .. 1 GiB       -> KERNEL_VMA + phys     (where the kernel is linked)

%define MB2_MAGIC        0xe85250d6
%define MB2_BOOT_MAGIC   0x36d76289
%define COM1             0x3f8

; _PAGE_*, the table indices, the control-register bits and the selectors,
; generated from the C definitions by arch/x86_64/asm-offsets.c.
%include "asm-offsets.inc"

section .multiboot
align 8
mb2_header:
	dd MB2_MAGIC
	dd 0                                  ; architecture: i386 protected mode
	dd mb2_header_end - mb2_header
	dd -(MB2_MAGIC + 0 + (mb2_header_end - mb2_header))
	; end tag
	dw 0, 0
	dd 8
mb2_header_end:

section .boot.bss nobits
align 4096
boot_pml4:      resb 4096
boot_pdpt_low:  resb 4096                 ; PML4[0]
boot_pdpt_dmap: resb 4096                 ; PML4[PAGE_OFFSET_PGD_INDEX]: PAGE_OFFSET
boot_pdpt_high: resb 4096                 ; PML4[KERNEL_VMA_PGD_INDEX]: KERNEL_VMA
boot_pd:        resb 4096 * 4             ; 4 GiB of 2 MiB pages
boot_stack:     resb 4096
boot_stack_top:

extern boot_gdt_ptr                       ; boot/trampoline.asm: the APs load it too

section .boot.rodata
msg_magic:   db "Cowl: not booted by a multiboot2 loader", 0
msg_cpuid:   db "Cowl: this CPU has no CPUID instruction", 0
msg_longmode:db "Cowl: this CPU does not support 64-bit long mode (x86-64); cannot boot", 0
msg_nx:      db "Cowl: this CPU lacks the NX (no-execute) page bit; cannot boot", 0

section .boot.text
bits 32
global _start
_start:
	cli
	cld
	mov esp, boot_stack_top
	mov edi, eax                          ; keep magic and info for kernel_main
	mov esi, ebx

	cmp eax, MB2_BOOT_MAGIC
	jne .no_magic
	call check_cpu
	call build_page_tables
	xor ebp, ebp                          ; the boot CPU: long_mode_entry goes on to kernel_main
.enter_long_mode:
	call enable_long_mode
	lgdt [boot_gdt_ptr]
	jmp __KERNEL_CS:long_mode_entry

.no_magic:
	mov ebx, msg_magic
	jmp boot_fail

; An application processor, from boot/trampoline.asm: 32-bit protected mode,
; paging off.  It takes the boot CPU's way into long mode on the same boot
; page tables, which stay in the kernel image (only CR3 stops pointing at
; them); smp_init() starts one AP at a time, so they can share boot_stack.
global secondary_startup_32
secondary_startup_32:
	mov ax, __KERNEL_DS
	mov ds, ax
	mov es, ax
	mov ss, ax
	mov esp, boot_stack_top
	mov ebp, 1                            ; an AP: long_mode_entry goes on to start_secondary
	jmp _start.enter_long_mode

; CPUID exists if EFLAGS.ID (bit 21) can be toggled (Intel SDM vol. 2A, CPUID).
check_cpu:
	pushfd
	pop eax
	mov ecx, eax
	xor eax, X86_EFLAGS_ID
	push eax
	popfd
	pushfd
	pop eax
	push ecx
	popfd
	cmp eax, ecx
	je .no_cpuid
	mov eax, 0x80000000
	cpuid
	cmp eax, 0x80000001
	jb .no_longmode
	mov eax, 0x80000001
	cpuid
	test edx, 1 << 29                     ; LM
	jz .no_longmode
	test edx, 1 << 20                     ; NX
	jz .no_nx
	ret
.no_cpuid:
	mov ebx, msg_cpuid
	jmp boot_fail
.no_longmode:
	mov ebx, msg_longmode
	jmp boot_fail
.no_nx:
	mov ebx, msg_nx
	jmp boot_fail

build_page_tables:
	; 4 * 512 PD entries mapping 0..4 GiB with 2 MiB pages
	mov ecx, 0
.fill_pd:
	mov eax, ecx
	shl eax, PMD_SHIFT
	or eax, _PAGE_PRESENT | _PAGE_RW | _PAGE_PSE
	mov [boot_pd + ecx * 8], eax
	mov eax, ecx
	shr eax, 32 - PMD_SHIFT               ; high half of the physical address
	mov [boot_pd + ecx * 8 + 4], eax
	inc ecx
	cmp ecx, 4 * PTRS_PER_TABLE
	jne .fill_pd
	; direct map: PDPT entries 0..3 point at the four PDs
	mov ecx, 0
.fill_dmap:
	mov eax, ecx
	shl eax, PAGE_SHIFT
	add eax, boot_pd
	or eax, _PAGE_PRESENT | _PAGE_RW
	mov [boot_pdpt_dmap + ecx * 8], eax
	inc ecx
	cmp ecx, 4
	jne .fill_dmap
	mov eax, boot_pd
	or eax, _PAGE_PRESENT | _PAGE_RW
	mov [boot_pdpt_low], eax              ; identity 0..1 GiB
	mov [boot_pdpt_high + KERNEL_VMA_PUD_INDEX * 8], eax
	mov eax, boot_pdpt_low
	or eax, _PAGE_PRESENT | _PAGE_RW
	mov [boot_pml4], eax
	mov eax, boot_pdpt_dmap
	or eax, _PAGE_PRESENT | _PAGE_RW
	mov [boot_pml4 + PAGE_OFFSET_PGD_INDEX * 8], eax
	mov eax, boot_pdpt_high
	or eax, _PAGE_PRESENT | _PAGE_RW
	mov [boot_pml4 + KERNEL_VMA_PGD_INDEX * 8], eax
	ret

; Intel SDM vol. 3A, 10.8.5 "Initializing IA-32e Mode": PAE on, load CR3,
; set EFER.LME, then enable paging.  NXE lets page tables use bit 63.
enable_long_mode:
	mov eax, cr4
	or eax, X86_CR4_PAE
	mov cr4, eax
	mov eax, boot_pml4
	mov cr3, eax
	mov ecx, MSR_EFER
	rdmsr
	or eax, EFER_LME | EFER_NX
	wrmsr
	mov eax, cr0
	or eax, X86_CR0_PG | X86_CR0_WP
	mov cr0, eax
	ret

; Print the message at EBX on COM1 and on the VGA text screen, then halt.
boot_fail:
	mov dx, COM1 + 3
	mov al, 0x03                          ; 8N1, DLAB off (GRUB already set the baud rate)
	out dx, al
	mov edi, 0xb8000
	mov ecx, 80 * 25
	mov ax, 0x4f20
	rep stosw
	mov edi, 0xb8000
.next:
	mov al, [ebx]
	test al, al
	jz .halt
	mov ah, 0x4f
	mov [edi], ax
	add edi, 2
	mov ah, al
	mov dx, COM1 + 5
.wait:
	in al, dx
	test al, 0x20                         ; transmit holding register empty
	jz .wait
	mov al, ah
	mov dx, COM1
	out dx, al
	inc ebx
	jmp .next
.halt:
	hlt
	jmp .halt

bits 64
long_mode_entry:
	mov ax, __KERNEL_DS
	mov ds, ax
	mov es, ax
	mov ss, ax
	xor ax, ax
	mov fs, ax
	mov gs, ax
	mov rax, higher_half_entry
	test ebp, ebp
	jz .high
	mov rax, secondary_startup_64
.high:
	jmp rax

; The boot CPU's first kernel stack; it becomes the idle task's stack.
section .bss
align 16
global init_stack
init_stack:     resb 16384
init_stack_top:

section .text
extern kernel_main
extern start_secondary
extern smp_boot_stack
higher_half_entry:
	mov rsp, init_stack_top
	xor ebp, ebp
	; edi = multiboot2 magic, esi = info physical address (zero-extended)
	mov edi, edi
	mov esi, esi
	call kernel_main
.hang:
	cli
	hlt
	jmp .hang

; An AP on the higher-half mapping: the idle stack smp_init() chose for it.
secondary_startup_64:
	mov rsp, [rel smp_boot_stack]
	xor ebp, ebp
	call start_secondary                  ; never returns
	jmp higher_half_entry.hang
