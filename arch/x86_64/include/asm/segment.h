/*
 * GDT selectors, laid out as Linux does so that SYSCALL/SYSRET find them
 * where STAR says (Intel SDM vol. 2B, SYSCALL and SYSRET): SYSRET loads
 * CS = STAR[63:48] + 16 and SS = STAR[63:48] + 8.
 */
#ifndef ASM_SEGMENT_H
#define ASM_SEGMENT_H
#define GDT_ENTRY_KERNEL32_CS 1 /* the APs' trampoline (boot/trampoline.asm) */
#define GDT_ENTRY_KERNEL_CS 2
#define GDT_ENTRY_KERNEL_DS 3
#define GDT_ENTRY_USER32_CS 4
#define GDT_ENTRY_USER_DS 5
#define GDT_ENTRY_USER_CS 6
#define GDT_ENTRY_TSS 8
#define GDT_ENTRIES 10

#define __KERNEL32_CS (GDT_ENTRY_KERNEL32_CS * 8)
#define __KERNEL_CS (GDT_ENTRY_KERNEL_CS * 8)
#define __KERNEL_DS (GDT_ENTRY_KERNEL_DS * 8)
#define __USER32_CS (GDT_ENTRY_USER32_CS * 8 + 3)
#define __USER_DS (GDT_ENTRY_USER_DS * 8 + 3)
#define __USER_CS (GDT_ENTRY_USER_CS * 8 + 3)
#define __TSS_SEL (GDT_ENTRY_TSS * 8)
#endif
