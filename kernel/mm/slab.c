/*
 * kmalloc: small objects carved out of whole pages ("slabs"), one size class
 * per slab, power-of-two sizes from 16 to 2048 bytes.  A slab's struct page
 * records its size class, how many objects are out and its free list, so
 * kfree() needs no size and an empty slab goes straight back to the page
 * allocator (nothing is cached: the free page count stays exact).
 * Requests over 2048 bytes get whole pages.
 *
 * slab_lock makes it callable on any CPU, with the big kernel lock or
 * without (an IPI function).  It is taken with interrupts off, as callers
 * run with them off and on.  Lock order: slab_lock, then zone_lock (a new
 * slab's page is allocated with slab_lock held).
 */
#include <mm.h>
#include <slab.h>
#include <string.h>
#include <printk.h>
#include <bug.h>
#include <spinlock.h>

#define MIN_SHIFT 4
#define MAX_SHIFT 11
#define NR_CLASSES (MAX_SHIFT - MIN_SHIFT + 1)

/* Protects partial[] and, of every slab page, its freelist, inuse count, lru link and PG_slab. */
static DEFINE_SPINLOCK(slab_lock);
static struct list_head partial[NR_CLASSES]; /* slabs with at least one free object */

void kmalloc_init(void)
{
	for (unsigned i = 0; i < NR_CLASSES; i++)
		INIT_LIST_HEAD(&partial[i]);
}

static unsigned size_class(size_t size)
{
	unsigned c = 0;

	while ((1ul << (c + MIN_SHIFT)) < size)
		c++;
	return c;
}

static struct page *new_slab(unsigned cls)
{
	struct page *page = alloc_page();
	size_t objsize = 1ul << (cls + MIN_SHIFT);

	if (!page)
		return NULL;
	page->flags |= PG_slab;
	page->objsize = objsize;
	page->inuse = 0;
	page->freelist = NULL;
	char *base = page_address(page);
	for (size_t off = PAGE_SIZE; off >= objsize; off -= objsize) {
		void **obj = (void **)(base + off - objsize);
		*obj = page->freelist;
		page->freelist = obj;
	}
	list_add(&page->lru, &partial[cls]);
	return page;
}

static unsigned order_for(size_t size)
{
	unsigned order = 0;

	while ((PAGE_SIZE << order) < size)
		order++;
	return order;
}

static void *kmalloc_large(size_t size)
{
	unsigned order = order_for(size);
	struct page *page = order < MAX_ORDER ? alloc_pages(order) : NULL;

	if (!page)
		return NULL;
	page->flags |= PG_large;
	page->order = order;
	return page_address(page);
}

void *kmalloc(size_t size)
{
	if (size > (1ul << MAX_SHIFT))
		return kmalloc_large(size);
	unsigned cls = size_class(size);
	unsigned long flags;
	void **obj = NULL;

	spin_lock_irqsave(&slab_lock, flags);
	struct page *page = list_empty(&partial[cls]) ? new_slab(cls)
						      : list_first_entry(&partial[cls], struct page, lru);
	if (page) {
		obj = page->freelist;
		page->freelist = *obj;
		page->inuse++;
		if (!page->freelist)
			list_del(&page->lru);
	}
	spin_unlock_irqrestore(&slab_lock, flags);
	return obj;
}

void *kzalloc(size_t size)
{
	void *p = kmalloc(size);

	if (p)
		memset(p, 0, size);
	return p;
}

void kfree(const void *p)
{
	if (!p)
		return;
	struct page *page = virt_to_page(p);
	if (page->flags & PG_large) {
		page->flags &= ~PG_large;
		__free_pages(page, page->order);
		return;
	}
	unsigned long flags;
	bool empty;

	spin_lock_irqsave(&slab_lock, flags);
	BUG_ON(!(page->flags & PG_slab));
	if (!page->freelist)
		list_add(&page->lru, &partial[size_class(page->objsize)]);
	*(void **)p = page->freelist;
	page->freelist = (void *)p;
	empty = --page->inuse == 0;
	if (empty) {
		list_del(&page->lru);
		page->flags &= ~PG_slab;
	}
	spin_unlock_irqrestore(&slab_lock, flags);
	if (empty)
		__free_pages(page, 0); /* no other CPU can reach the page any more */
}
