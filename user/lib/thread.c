/* System calls that thread libraries are built on. */
#include <sys/syscall.h>
#include <sys/thread.h>

int arch_prctl(int code, unsigned long addr)
{
	return __syscall_ret(__syscall2(__NR_arch_prctl, code, addr));
}

pid_t set_tid_address(int *tidptr)
{
	return __syscall1(__NR_set_tid_address, tidptr); /* cannot fail: returns the caller's tid */
}

long futex(int *uaddr, int op, int val, const struct timespec *timeout, int *uaddr2, int val3)
{
	return __syscall_ret(__syscall6(__NR_futex, (long)uaddr, op, val, (long)timeout, (long)uaddr2, val3));
}
