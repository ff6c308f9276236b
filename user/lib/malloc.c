/*
 * A simple allocator with power-of-two size classes.
 *
 * Small blocks (up to 64 KiB including the header) come from the program
 * break and are never returned to the kernel: a freed block goes on the
 * free list of its class and is reused by the next request of that class.
 * Large blocks get their own anonymous mapping, which free unmaps.  Memory
 * is wasted up to half a block, but there is no splitting or merging to
 * get wrong.
 */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/user.h>
#include <unistd.h>

#define MIN_SHIFT 5  /* smallest block: 32 bytes */
#define MAX_SHIFT 16 /* largest block from the break: 64 KiB */

/* Sits before every block's data; 16 bytes keep the data 16-byte aligned as the ABI wants. */
struct header {
	size_t size; /* the whole block, header included */
	struct header *next_free; /* only meaningful while the block is free */
};

static struct header *free_lists[MAX_SHIFT + 1];

static int class_of(size_t size)
{
	int shift = MIN_SHIFT;

	while (((size_t)1 << shift) < size)
		shift++;
	return shift;
}

/* The break may start anywhere; the first block must start 16-byte aligned. */
static void *grow_heap(size_t size)
{
	uintptr_t top = (uintptr_t)sbrk(0);

	if (top % 16 && sbrk((long)(16 - top % 16)) == (void *)-1)
		return NULL;
	void *block = sbrk((long)size);
	return block == (void *)-1 ? NULL : block;
}

static struct header *alloc_small(size_t size)
{
	int shift = class_of(size);
	struct header *h = free_lists[shift];

	if (h) {
		free_lists[shift] = h->next_free;
		return h;
	}
	h = grow_heap((size_t)1 << shift);
	if (h)
		h->size = (size_t)1 << shift;
	return h;
}

static struct header *alloc_large(size_t size)
{
	size = (size + PAGE_SIZE - 1) & ~(PAGE_SIZE - 1);
	struct header *h = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (h == MAP_FAILED)
		return NULL;
	h->size = size;
	return h;
}

void *malloc(size_t size)
{
	if (size > SIZE_MAX / 2) { /* the header addition and rounding must not overflow */
		errno = ENOMEM;
		return NULL;
	}
	size_t total = size + sizeof(struct header);
	struct header *h = total <= ((size_t)1 << MAX_SHIFT) ? alloc_small(total) : alloc_large(total);
	if (!h) {
		errno = ENOMEM;
		return NULL;
	}
	return h + 1;
}

void free(void *ptr)
{
	if (!ptr)
		return;

	struct header *h = (struct header *)ptr - 1;
	if (h->size > ((size_t)1 << MAX_SHIFT)) {
		munmap(h, h->size);
		return;
	}
	int shift = class_of(h->size);
	h->next_free = free_lists[shift];
	free_lists[shift] = h;
}

/* The break's memory may be reused and dirty, so calloc clears it itself. */
void *calloc(size_t count, size_t size)
{
	if (size && count > SIZE_MAX / size) {
		errno = ENOMEM;
		return NULL;
	}
	void *p = malloc(count * size);
	return p ? memset(p, 0, count * size) : NULL;
}

void *realloc(void *ptr, size_t size)
{
	if (!ptr)
		return malloc(size);

	struct header *h = (struct header *)ptr - 1;
	size_t room = h->size - sizeof(struct header);
	if (size <= room)
		return ptr;

	void *moved = malloc(size);
	if (moved) {
		memcpy(moved, ptr, room);
		free(ptr);
	}
	return moved;
}
