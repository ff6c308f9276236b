/*
 * The buddy allocator.  Free memory is kept in blocks of 2^order pages,
 * each block aligned to its size; a block's "buddy" is the neighbour it was
 * split from (pfn ^ (1 << order)).  Freeing merges a block with its buddy
 * while the buddy is free and of the same order, so large blocks come back.
 * Every frame has a struct page in mem_map[], whose reference count is what
 * copy-on-write consults (see kernel/mm/memory.c); it is atomic, so that
 * get_page() and put_page() need no lock.
 */
#include <mm.h>
#include <memblock.h>
#include <bootinfo.h>
#include <spinlock.h>
#include <string.h>
#include <printk.h>
#include <bug.h>

struct page *mem_map;
unsigned long max_pfn;
struct page *zero_page;

/*
 * zone_lock (Linux's zone->lock; Cowl has one zone) protects free_area[],
 * the PG_buddy flag and order of every page on them, free_pages,
 * total_pages and fail_budget.  Every allocation and free takes it, on
 * any CPU, with or without the big kernel lock (an IPI function runs
 * without it).  With interrupts saved and off: the allocator is called
 * both where they are off and where they are on (cond_resched(), the idle
 * loop), and an interrupt that allocated on a CPU holding the lock would
 * wait for itself (the recursion check, spinlock.c, panics instead).
 */
static DEFINE_SPINLOCK(zone_lock);
static struct list_head free_area[MAX_ORDER];
static unsigned long free_pages, total_pages;
static long fail_budget = -1;

/* Changed only under zone_lock; one aligned load reads a value the count really had, exact. */
unsigned long nr_free_pages(void) { return READ_ONCE(free_pages); }
unsigned long nr_total_pages(void) { return READ_ONCE(total_pages); }
long page_alloc_fail_budget(void) { return READ_ONCE(fail_budget); }

void page_alloc_fail_after(long budget)
{
	unsigned long flags;

	spin_lock_irqsave(&zone_lock, flags);
	fail_budget = budget;
	spin_unlock_irqrestore(&zone_lock, flags);
}

static void add_to_free_area(struct page *page, unsigned order)
{
	page->flags |= PG_buddy;
	page->order = order;
	list_add(&page->lru, &free_area[order]);
}

static void remove_from_free_area(struct page *page)
{
	page->flags &= ~PG_buddy;
	list_del(&page->lru);
}

/* zone_lock held: put a block back on the free lists, merged with its free buddies. */
static void __free_one_page(struct page *page, unsigned order)
{
	unsigned long pfn = page_to_pfn(page);

	free_pages += 1ul << order;
	page->flags = 0;
	for (; order < MAX_ORDER - 1; order++) {
		unsigned long buddy_pfn = pfn ^ (1ul << order);
		struct page *buddy = pfn_to_page(buddy_pfn);
		if (buddy_pfn >= max_pfn || !(buddy->flags & PG_buddy) || buddy->order != order)
			break;
		remove_from_free_area(buddy);
		pfn &= ~(1ul << order);
	}
	add_to_free_area(pfn_to_page(pfn), order);
}

void __free_pages(struct page *page, unsigned order)
{
	unsigned long flags;

	atomic_set(&page->refcount, 0);
	spin_lock_irqsave(&zone_lock, flags);
	__free_one_page(page, order);
	spin_unlock_irqrestore(&zone_lock, flags);
}

/* zone_lock held: the smallest free block that fits, split down to 2^order pages. */
static struct page *__rmqueue_smallest(unsigned order)
{
	for (unsigned o = order; o < MAX_ORDER; o++) {
		if (list_empty(&free_area[o]))
			continue;
		struct page *page = list_first_entry(&free_area[o], struct page, lru);
		remove_from_free_area(page);
		/* Split: give the upper halves back until the block is the right size. */
		while (o > order) {
			o--;
			add_to_free_area(page + (1ul << o), o);
		}
		return page;
	}
	return NULL;
}

struct page *alloc_pages(unsigned order)
{
	struct page *page = NULL;
	unsigned long flags;

	spin_lock_irqsave(&zone_lock, flags);
	if (fail_budget != 0)
		page = __rmqueue_smallest(order);
	if (page) {
		free_pages -= 1ul << order;
		if (fail_budget > 0)
			fail_budget--;
	}
	spin_unlock_irqrestore(&zone_lock, flags);
	if (page)
		atomic_set(&page->refcount, 1); /* the block is ours alone now */
	return page;
}

struct page *alloc_page(void)
{
	return alloc_pages(0);
}

struct page *alloc_zeroed_page(void)
{
	struct page *page = alloc_page();

	if (page)
		clear_page(page_address(page));
	return page;
}

void put_page(struct page *page)
{
	int count = atomic_dec_return(&page->refcount);

	BUG_ON(count < 0);
	if (count == 0)
		__free_pages(page, 0);
}

/* A block of frames that were reserved becomes memory the allocator has, and is freed. */
static void free_reserved_block(unsigned long pfn, unsigned order)
{
	unsigned long flags;

	for (unsigned long i = 0; i < (1ul << order); i++)
		mem_map[pfn + i].flags = 0;
	spin_lock_irqsave(&zone_lock, flags);
	total_pages += 1ul << order;
	__free_one_page(&mem_map[pfn], order);
	spin_unlock_irqrestore(&zone_lock, flags);
}

/* Free [pfn, end) in the largest aligned blocks that fit: a few hundred calls, not one per page. */
static void free_range(unsigned long pfn, unsigned long end)
{
	while (pfn < end) {
		unsigned order = 0;
		while (order + 1 < MAX_ORDER && !(pfn & ((2ul << order) - 1)) && pfn + (2ul << order) <= end)
			order++;
		free_reserved_block(pfn, order);
		pfn += 1ul << order;
	}
}

/* Free the stretches of a RAM region that memblock has not reserved. */
static void free_ram_region(u64 base, u64 size)
{
	u64 phys = PAGE_ALIGN(base), end = (base + size) & PAGE_MASK;

	while (phys < end) {
		u64 reserved_end = memblock_reserved_end(phys);
		if (reserved_end) {
			phys = reserved_end;
			continue;
		}
		u64 run_end = MIN(end, memblock_next_reserved(phys));
		free_range(phys >> PAGE_SHIFT, run_end >> PAGE_SHIFT);
		phys = run_end;
	}
}

void free_initrd_mem(u64 base, u64 size)
{
	u64 start = PAGE_ALIGN(base), end = (base + size) & PAGE_MASK;

	if (start < end)
		free_range(start >> PAGE_SHIFT, end >> PAGE_SHIFT);
}

/* Allocate mem_map for all of RAM, then free every usable, unreserved frame. */
void page_alloc_init(void)
{
	for (unsigned i = 0; i < bootinfo.nr_ram; i++)
		max_pfn = MAX(max_pfn, (bootinfo.ram[i].base + bootinfo.ram[i].size) >> PAGE_SHIFT);
	u64 map_size = max_pfn * sizeof(struct page);
	mem_map = __va(memblock_alloc(map_size, PAGE_SIZE));
	memset(mem_map, 0, map_size);
	for (unsigned o = 0; o < MAX_ORDER; o++)
		INIT_LIST_HEAD(&free_area[o]);
	/* Everything is reserved (holes, firmware, the kernel) until freed below. */
	for (unsigned long pfn = 0; pfn < max_pfn; pfn++)
		mem_map[pfn].flags = PG_reserved;
	for (unsigned i = 0; i < bootinfo.nr_ram; i++)
		free_ram_region(bootinfo.ram[i].base, bootinfo.ram[i].size);
	zero_page = alloc_zeroed_page();
}
