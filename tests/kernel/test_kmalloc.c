/* Self-tests of kmalloc: size classes, reuse, large objects, no lost pages. */
#include <selftest.h>
#include <slab.h>
#include <string.h>

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
