/*
 * A xorshift64* generator seeded from the TSC.  Good enough to make
 * AT_RANDOM and getrandom() differ between runs; not for cryptography.
 */
#include <random.h>
#include <syscalls.h>
#include <uaccess.h>
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

long sys_getrandom(void __user *buf, size_t count, unsigned int flags)
{
	(void)flags;
	for (size_t done = 0; done < count; done += 8) {
		u64 r = get_random_u64();
		if (copy_to_user((u8 __user *)buf + done, &r, MIN(8, count - done)))
			return -EFAULT;
	}
	return (long)count;
}
