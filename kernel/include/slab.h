/* kmalloc: small kernel objects, carved out of whole pages (kernel/mm/slab.c). */
#ifndef SLAB_H
#define SLAB_H
#include <types.h>

void kmalloc_init(void);
void *kmalloc(size_t size);
void *kzalloc(size_t size);
void kfree(const void *p);
#endif
