/*
 * Virtual memory layout (see docs/memory.md):
 *   0x0000000000000000 - 0x00007fffffffffff  user space (128 TiB)
 *   0xffff888000000000 - ...                 direct map of all physical memory
 *   0xffffffff80000000 - ...                 kernel image (text, data, bss)
 */
#ifndef ASM_PAGE_H
#define ASM_PAGE_H

#define PAGE_SHIFT 12
#define PAGE_SIZE (1ul << PAGE_SHIFT)
#define PAGE_MASK (~(PAGE_SIZE - 1))
#define PAGE_OFFSET 0xffff888000000000ul
#define KERNEL_VMA 0xffffffff80000000ul
#define TASK_SIZE 0x00007ffffffff000ul

#define PAGE_ALIGN(x) (((x) + PAGE_SIZE - 1) & PAGE_MASK)
#define PAGE_ALIGNED(x) (((x) & (PAGE_SIZE - 1)) == 0)

/*
 * Whole pages are cleared and copied eight bytes at a time: REP STOSQ/MOVSQ
 * do 512 iterations where the byte forms do 4096, which matters most under
 * emulation (the COW copy and the zero-fill are on the fault path).
 */
static inline void clear_page(void *page)
{
	unsigned long words = PAGE_SIZE / 8;

	__asm__ volatile("rep stosq" : "+D"(page), "+c"(words) : "a"(0ul) : "memory");
}

static inline void copy_page(void *to, const void *from)
{
	unsigned long words = PAGE_SIZE / 8;

	__asm__ volatile("rep movsq" : "+D"(to), "+S"(from), "+c"(words) : : "memory");
}

#define __va(pa) ((void *)((unsigned long)(pa) + PAGE_OFFSET))
/* Physical address of a direct-map or kernel-image address. */
#define __pa(va) ((unsigned long)(va) >= KERNEL_VMA ? (unsigned long)(va) - KERNEL_VMA \
                                                     : (unsigned long)(va) - PAGE_OFFSET)
#endif
