/* Self-tests of the buddy allocator and page reference counts. */
#include <selftest.h>
#include <mm.h>
#include <string.h>

KERNEL_TEST(page_alloc_single)
{
	unsigned long before = nr_free_pages();
	struct page *a = alloc_page(), *b = alloc_page();

	KT_ASSERT(a && b && a != b);
	KT_ASSERT(page_count(a) == 1);
	KT_ASSERT(nr_free_pages() == before - 2);
	memset(page_address(a), 0xaa, PAGE_SIZE); /* the direct map reaches it */
	KT_ASSERT(((u8 *)page_address(a))[PAGE_SIZE - 1] == 0xaa);
	put_page(a);
	put_page(b);
	KT_ASSERT(nr_free_pages() == before);
}

KERNEL_TEST(page_alloc_orders_are_aligned)
{
	for (unsigned order = 0; order < MAX_ORDER; order++) {
		struct page *p = alloc_pages(order);
		KT_ASSERT(p);
		KT_ASSERT((page_to_pfn(p) & ((1ul << order) - 1)) == 0);
		__free_pages(p, order);
	}
}

/* Splitting a big block and freeing the pieces must merge it back. */
KERNEL_TEST(page_alloc_buddies_merge)
{
	struct page *big = alloc_pages(MAX_ORDER - 1);
	KT_ASSERT(big);
	unsigned long pfn = page_to_pfn(big);
	__free_pages(big, MAX_ORDER - 1);

	struct page *pages[16];
	for (int i = 0; i < 16; i++)
		pages[i] = alloc_page();
	for (int i = 0; i < 16; i++)
		KT_ASSERT(pages[i]);
	for (int i = 0; i < 16; i++)
		put_page(pages[i]);
	big = alloc_pages(MAX_ORDER - 1);
	KT_ASSERT(big);
	KT_ASSERT(page_to_pfn(big) == pfn);
	__free_pages(big, MAX_ORDER - 1);
}

KERNEL_TEST(page_refcount_frees_at_zero)
{
	unsigned long before = nr_free_pages();
	struct page *p = alloc_page();

	get_page(p);
	KT_ASSERT(page_count(p) == 2);
	put_page(p);
	KT_ASSERT(nr_free_pages() == before - 1);
	put_page(p);
	KT_ASSERT(nr_free_pages() == before);
}

KERNEL_TEST(page_alloc_fault_injection)
{
	page_alloc_fail_after(1);
	struct page *a = alloc_page(), *b = alloc_page();
	page_alloc_fail_after(-1);
	KT_ASSERT(a && !b);
	put_page(a);
}
