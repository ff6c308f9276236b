/*
 * Raw system calls: the `syscall` instruction with the Linux x86-64
 * convention (number in rax; arguments in rdi, rsi, rdx, r10, r8, r9;
 * result in rax, -errno on failure).  The CPU overwrites rcx and r11.
 */
#ifndef _SYS_SYSCALL_H
#define _SYS_SYSCALL_H
#include <uapi/unistd.h>

static inline long __syscall6(long nr, long a, long b, long c, long d, long e, long f)
{
	register long r10 __asm__("r10") = d;
	register long r8 __asm__("r8") = e;
	register long r9 __asm__("r9") = f;
	long ret;
	__asm__ volatile("syscall"
			 : "=a"(ret)
			 : "a"(nr), "D"(a), "S"(b), "d"(c), "r"(r10), "r"(r8), "r"(r9)
			 : "rcx", "r11", "memory");
	return ret;
}

/* Fewer arguments: the unused registers are simply passed as zero. */
#define __syscall0(n) __syscall6(n, 0, 0, 0, 0, 0, 0)
#define __syscall1(n, a) __syscall6(n, (long)(a), 0, 0, 0, 0, 0)
#define __syscall2(n, a, b) __syscall6(n, (long)(a), (long)(b), 0, 0, 0, 0)
#define __syscall3(n, a, b, c) __syscall6(n, (long)(a), (long)(b), (long)(c), 0, 0, 0)
#define __syscall4(n, a, b, c, d) \
	__syscall6(n, (long)(a), (long)(b), (long)(c), (long)(d), 0, 0)
#define __syscall5(n, a, b, c, d, e) \
	__syscall6(n, (long)(a), (long)(b), (long)(c), (long)(d), (long)(e), 0)

/* Turn a raw result into the C library convention: -1 with errno set. */
long __syscall_ret(long ret);

/* glibc's syscall(2): any number, up to six arguments, errno on failure. */
long syscall(long nr, ...);
#endif
