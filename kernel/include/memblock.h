/* The early boot allocator (kernel/mm/memblock.c), used until the buddy allocator is running. */
#ifndef MEMBLOCK_H
#define MEMBLOCK_H
#include <types.h>

void memblock_init(void);
u64 memblock_alloc(u64 size, u64 align);
/* The end of the reserved range holding phys, or 0 if phys is not reserved. */
u64 memblock_reserved_end(u64 phys);
/* The start of the first reserved range above phys (~0 if none). */
u64 memblock_next_reserved(u64 phys);
#endif
