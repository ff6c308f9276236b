/*
 * Access to user memory.  No user pointer is trusted: the range must lie
 * below TASK_SIZE (checked here) and every page must be mapped with the
 * needed rights (checked by the MMU; a fault the page-fault handler cannot
 * resolve ends the copy through an exception fixup).
 */
#ifndef UACCESS_H
#define UACCESS_H
#include <types.h>
#include <asm/page.h>
#include <uapi/errno.h>

unsigned long __copy_user(void *dst, const void *src, unsigned long n);
unsigned long __clear_user(void *dst, unsigned long n);
long __strncpy_from_user(char *dst, const char *src, long count);

static inline bool access_ok(const void __user *p, unsigned long size)
{
	unsigned long a = (unsigned long)p;

	return size <= TASK_SIZE && a <= TASK_SIZE - size;
}

/* Both return the number of bytes that could not be copied. */
static inline unsigned long copy_from_user(void *dst, const void __user *src, unsigned long n)
{
	return access_ok(src, n) ? __copy_user(dst, src, n) : n;
}
static inline unsigned long copy_to_user(void __user *dst, const void *src, unsigned long n)
{
	return access_ok(dst, n) ? __copy_user(dst, src, n) : n;
}
static inline unsigned long clear_user(void __user *dst, unsigned long n)
{
	return access_ok(dst, n) ? __clear_user(dst, n) : n;
}

/* Length of the string, -EFAULT, or -ENAMETOOLONG if it does not fit in `count`. */
static inline long strncpy_from_user(char *dst, const char __user *src, long count)
{
	if (!access_ok(src, 1))
		return -EFAULT;
	/* Never read past the end of user space. */
	unsigned long room = TASK_SIZE - (unsigned long)src;
	long n = __strncpy_from_user(dst, src, MIN((unsigned long)count, room));
	if (n >= 0 && n == count)
		return -ENAMETOOLONG;
	if (n >= 0 && (unsigned long)n == room)
		return -EFAULT;
	return n;
}

/* Copy a whole object or fail with -EFAULT. */
#define get_user_obj(kptr, uptr) (copy_from_user((kptr), (uptr), sizeof(*(kptr))) ? -EFAULT : 0)
#define put_user_obj(uptr, kptr) (copy_to_user((uptr), (kptr), sizeof(*(kptr))) ? -EFAULT : 0)
#endif
