/* Self-tests of kmalloc: size classes, reuse, large objects, no lost pages. */
#include <selftest.h>
#include <slab.h>
#include <string.h>
#include <mm.h>
#include <smp.h>
#include <atomic.h>
#include <printk.h>

KERNEL_TEST(kmalloc_sizes)
{
	static const size_t sizes[] = { 1, 16, 17, 100, 512, 2048, 2049, 5000, 70000 };
	void *p[ARRAY_SIZE(sizes)];

	for (size_t i = 0; i < ARRAY_SIZE(sizes); i++) {
		p[i] = kmalloc(sizes[i]);
		KT_ASSERT(p[i]);
		memset(p[i], (int)i, sizes[i]);
	}
	for (size_t i = 0; i < ARRAY_SIZE(sizes); i++) {
		KT_ASSERT(((u8 *)p[i])[0] == i && ((u8 *)p[i])[sizes[i] - 1] == i);
		kfree(p[i]);
	}
}

KERNEL_TEST(kmalloc_many_objects_do_not_overlap)
{
	enum { N = 600 };
	static u32 *objs[N];

	for (u32 i = 0; i < N; i++) {
		objs[i] = kmalloc(24);
		KT_ASSERT(objs[i]);
		*objs[i] = i;
	}
	for (u32 i = 0; i < N; i++)
		KT_ASSERT(*objs[i] == i);
	for (u32 i = 0; i < N; i++)
		kfree(objs[i]);
}

KERNEL_TEST(kzalloc_zeroes)
{
	u8 *p = kmalloc(64);
	KT_ASSERT(p);
	memset(p, 0xff, 64);
	kfree(p);
	p = kzalloc(64);
	KT_ASSERT(p);
	for (int i = 0; i < 64; i++)
		KT_ASSERT(p[i] == 0);
	kfree(p);
}

/*
 * kmalloc and kfree on every CPU at once, without the big kernel lock (an
 * IPI function): what slab_lock is for.  Each CPU holds a few objects of
 * two size classes at a time, its own mark in each, and checks the marks
 * before it frees them: an object handed to two CPUs at once carries the
 * other's mark, or the free-list link kfree wrote into it.  The free page
 * count must come back.  On one CPU it checks the single-CPU case only.
 */
#define KSTRESS_ROUNDS 20000
#define KSTRESS_HELD 8

static struct {
	atomic_t stolen; /* marks found overwritten: objects held by two CPUs at once */
	atomic_t failed; /* allocations that returned NULL */
} kstress;

static void kmalloc_and_free(void *arg)
{
	u64 cpu = smp_processor_id(), *held[KSTRESS_HELD];

	(void)arg;
	for (u64 round = 0; round < KSTRESS_ROUNDS; round++) {
		u64 mark = cpu << 32 | round * KSTRESS_HELD;
		for (int i = 0; i < KSTRESS_HELD; i++) {
			held[i] = kmalloc(i & 1 ? 48 : 200);
			if (held[i])
				WRITE_ONCE(*held[i], mark + i);
			else
				atomic_inc(&kstress.failed);
		}
		for (int i = 0; i < KSTRESS_HELD; i++) {
			if (!held[i])
				continue;
			if (READ_ONCE(*held[i]) != mark + (u64)i)
				atomic_inc(&kstress.stolen); /* left alone: the other holder frees it */
			else
				kfree(held[i]);
		}
	}
}

KERNEL_TEST(kmalloc_every_cpu_at_once)
{
	unsigned long before = nr_free_pages();

	memset(&kstress, 0, sizeof(kstress));
	on_every_cpu_together(kmalloc_and_free, NULL);
	printk("kmalloc: %u CPUs, %d objects each: %d held twice, %d not given, free count %ld off\n",
	       num_online_cpus(), KSTRESS_ROUNDS * KSTRESS_HELD, atomic_read(&kstress.stolen),
	       atomic_read(&kstress.failed), (long)(nr_free_pages() - before));
	KT_ASSERT(atomic_read(&kstress.stolen) == 0 && atomic_read(&kstress.failed) == 0);
	KT_ASSERT(nr_free_pages() == before);
}
