/* Self-tests of the buddy allocator and page reference counts. */
#include <selftest.h>
#include <mm.h>
#include <smp.h>
#include <string.h>
#include <printk.h>
#include <asm/cpu.h>

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

/*
 * The allocator and the reference counts on every CPU at once, in IPI
 * functions, which run without the big kernel lock (kernel/smp.c): what
 * zone_lock and the atomic refcount are for.  Each CPU holds a few pages
 * at a time with its own mark written in each, and checks the marks before
 * it frees them: a page handed to two CPUs at once carries the other's
 * mark.  Then all take references to one shared page, and then drop them.
 * Without zone_lock the marks, the free count and the free lists go
 * wrong; with a plain ++ or -- the shared count does.  On one CPU it
 * checks the single-CPU case only.
 */
#define STRESS_ROUNDS 10000
#define STRESS_HELD 8
#define STRESS_REFS 4000000 /* a tenth of a second or more: the vCPUs overlap even where the host time-slices them */

static struct {
	struct page *shared; /* each CPU takes STRESS_REFS references, then drops them */
	atomic_t stolen;     /* marks found overwritten: pages held by two CPUs at once */
	atomic_t failed;     /* allocations that returned NULL */
} stress;

static void hold_pages(struct page **held, u64 mark)
{
	for (int i = 0; i < STRESS_HELD; i++) {
		held[i] = alloc_page();
		if (held[i])
			WRITE_ONCE(*(u64 *)page_address(held[i]), mark + i);
		else
			atomic_inc(&stress.failed);
	}
}

/* A page this CPU alone holds has its mark and one reference; one that another CPU has too is left alone, not freed twice. */
static void check_and_free_pages(struct page **held, u64 mark)
{
	for (int i = 0; i < STRESS_HELD; i++) {
		if (!held[i])
			continue;
		if (READ_ONCE(*(u64 *)page_address(held[i])) != mark + i || page_count(held[i]) != 1)
			atomic_inc(&stress.stolen);
		else
			put_page(held[i]);
	}
}

static void alloc_and_free(void *arg)
{
	u64 cpu = smp_processor_id();
	struct page *held[STRESS_HELD];

	(void)arg;
	for (u64 round = 0; round < STRESS_ROUNDS; round++) {
		u64 mark = cpu << 32 | round * STRESS_HELD;
		hold_pages(held, mark);
		check_and_free_pages(held, mark);
	}
}

static void get_shared(void *arg)
{
	(void)arg;
	for (int i = 0; i < STRESS_REFS; i++) {
		get_page(stress.shared);
		barrier(); /* one increment each time: a plain ++ in this loop would be added up into one */
	}
}

static void put_shared(void *arg)
{
	(void)arg;
	for (int i = 0; i < STRESS_REFS; i++)
		put_page(stress.shared);
}

KERNEL_TEST(page_alloc_every_cpu_at_once)
{
	unsigned long before = nr_free_pages();
	int want_count = 1 + (int)num_online_cpus() * STRESS_REFS;

	memset(&stress, 0, sizeof(stress));
	stress.shared = alloc_page();
	KT_ASSERT(stress.shared);
	on_every_cpu_together(alloc_and_free, NULL);
	on_every_cpu_together(get_shared, NULL);
	printk("page_alloc: %u CPUs, %d pages each: %d held twice, %d not given, "
	       "free count %ld off, shared count %d of %d\n",
	       num_online_cpus(), STRESS_ROUNDS * STRESS_HELD, atomic_read(&stress.stolen),
	       atomic_read(&stress.failed), (long)(nr_free_pages() - (before - 1)),
	       page_count(stress.shared), want_count);
	KT_ASSERT(atomic_read(&stress.stolen) == 0 && atomic_read(&stress.failed) == 0);
	KT_ASSERT(nr_free_pages() == before - 1);
	KT_ASSERT(page_count(stress.shared) == want_count);
	on_every_cpu_together(put_shared, NULL);
	KT_ASSERT(page_count(stress.shared) == 1);
	put_page(stress.shared);
	KT_ASSERT(nr_free_pages() == before);
}
