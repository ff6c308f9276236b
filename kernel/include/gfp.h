/* The page allocator (kernel/mm/page_alloc.c): a buddy allocator of free frames. */
#ifndef GFP_H
#define GFP_H
#include <types.h>

struct page;

#define MAX_ORDER 11 /* blocks of 2^0 .. 2^10 pages (4 KiB .. 4 MiB) */

void page_alloc_init(void);
struct page *alloc_pages(unsigned order);
struct page *alloc_page(void);
struct page *alloc_zeroed_page(void);
void __free_pages(struct page *page, unsigned order);
unsigned long nr_free_pages(void);
unsigned long nr_total_pages(void);
/* Give a boot module's frames (the whole pages inside it) to the allocator once it is unpacked. */
void free_initrd_mem(u64 base, u64 size);
/* Fault injection for tests: fail every allocation after `budget` more (-1: off). */
void page_alloc_fail_after(long budget);
long page_alloc_fail_budget(void);
#endif
