/*
 * Self-tests of exception handling: a deliberate page fault in a user-copy
 * routine must be caught by its fixup and reported, not crash the kernel.
 */
#include <selftest.h>
#include <uaccess.h>

KERNEL_TEST(extable_fixup_catches_page_fault)
{
	char buf[16];
	/* Nothing is mapped in the lower half of the kernel's own page tables. */
	const void *unmapped = (const void *)0x10000;

	KT_ASSERT(__copy_user(buf, unmapped, sizeof(buf)) == sizeof(buf));
	KT_ASSERT(__strncpy_from_user(buf, unmapped, sizeof(buf)) == -EFAULT);
}

KERNEL_TEST(uaccess_rejects_kernel_addresses)
{
	char buf[8];

	KT_ASSERT(copy_from_user(buf, (const void *)PAGE_OFFSET, sizeof(buf)) == sizeof(buf));
	KT_ASSERT(copy_to_user((void *)(TASK_SIZE - 4), buf, sizeof(buf)) == sizeof(buf));
	KT_ASSERT(strncpy_from_user(buf, (const char *)KERNEL_VMA, sizeof(buf)) == -EFAULT);
}
