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

#define __va(pa) ((void *)((unsigned long)(pa) + PAGE_OFFSET))
/* Physical address of a direct-map or kernel-image address. */
#define __pa(va) ((unsigned long)(va) >= KERNEL_VMA ? (unsigned long)(va) - KERNEL_VMA \
                                                     : (unsigned long)(va) - PAGE_OFFSET)
#endif
