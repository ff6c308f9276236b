/* Port I/O (Intel SDM vol. 2: IN, OUT) and memory-mapped device registers. */
#ifndef ASM_IO_H
#define ASM_IO_H
#include <types.h>

static inline void outb(u16 port, u8 val) { __asm__ volatile("outb %0, %1" : : "a"(val), "Nd"(port)); }
static inline void outw(u16 port, u16 val) { __asm__ volatile("outw %0, %1" : : "a"(val), "Nd"(port)); }
static inline void outl(u16 port, u32 val) { __asm__ volatile("outl %0, %1" : : "a"(val), "Nd"(port)); }
static inline u8 inb(u16 port)
{
	u8 v;
	__asm__ volatile("inb %1, %0" : "=a"(v) : "Nd"(port));
	return v;
}

/* A 32-bit device register: volatile, so each access is exactly one load or store. */
static inline u32 readl(const volatile void *addr) { return *(const volatile u32 *)addr; }
static inline void writel(u32 val, volatile void *addr) { *(volatile u32 *)addr = val; }

/* Map [phys, phys + size) for the kernel, uncached where it is not RAM (arch/x86_64/mm/ioremap.c). */
void *ioremap(u64 phys, size_t size);
#endif
