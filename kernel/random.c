/*
 * A xorshift64* generator seeded from the TSC.  Good enough to make
 * AT_RANDOM and getrandom() differ between runs; not for cryptography.
 */
#include <random.h>
#include <syscalls.h>
#include <uaccess.h>
#include <fs.h>
#include <mm.h>
#include <sched.h>
#include <signal.h>
#include <uapi/random.h>
#include <uapi/errno.h>
#include <asm/cpu.h>

static u64 state;

u64 get_random_u64(void)
{
	if (!state)
		state = rdtsc() | 1;
	state ^= state >> 12;
	state ^= state << 25;
	state ^= state >> 27;
	return state * 0x2545f4914f6cdd1dull;
}

/*
 * A page of numbers at a time, copied out whole (as Linux's
 * get_random_bytes_user works in blocks), with a preemption point between
 * pages; a signal ends a long call with the bytes done so far.  The pool
 * never blocks, so the flags change nothing, but unknown ones are EINVAL.
 */
long sys_getrandom(void __user *buf, size_t count, unsigned int flags)
{
	if ((flags & ~(GRND_NONBLOCK | GRND_RANDOM | GRND_INSECURE)) ||
	    (flags & (GRND_RANDOM | GRND_INSECURE)) == (GRND_RANDOM | GRND_INSECURE))
		return -EINVAL;
	struct page *page = alloc_page();
	if (!page)
		return -ENOMEM;
	u64 *block = page_address(page);
	size_t done = 0;
	count = MIN(count, MAX_RW_COUNT);
	while (done < count) {
		size_t n = MIN(PAGE_SIZE, count - done);
		for (size_t i = 0; i < (n + sizeof(u64) - 1) / sizeof(u64); i++)
			block[i] = get_random_u64();
		unsigned long left = copy_to_user((u8 __user *)buf + done, block, n);
		done += n - left; /* a buffer that ends in an inaccessible page: the bytes before it, as Linux */
		if (left)
			break;
		if (done < count) {
			cond_resched();
			if (signal_pending(current))
				break;
		}
	}
	put_page(page);
	return done ? (long)done : -EFAULT;
}
