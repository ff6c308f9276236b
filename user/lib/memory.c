/* The address space: the program break and mappings. */
#include <errno.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

/*
 * The raw brk syscall never fails in the usual way: it returns the new
 * break, or the unchanged old one if it could not move.  We remember the
 * current break so sbrk does not have to ask each time.
 */
static unsigned long current_break;

int brk(void *addr)
{
	unsigned long got = __syscall1(__NR_brk, addr);

	current_break = got;
	if (got != (unsigned long)addr) {
		errno = ENOMEM;
		return -1;
	}
	return 0;
}

void *sbrk(long increment)
{
	if (current_break == 0)
		current_break = __syscall1(__NR_brk, 0);

	unsigned long old = current_break;
	if (increment != 0 && brk((void *)(old + increment)) < 0)
		return (void *)-1;
	return (void *)old;
}

void *mmap(void *addr, size_t len, int prot, int flags, int fd, off_t offset)
{
	return (void *)__syscall_ret(__syscall6(__NR_mmap, (long)addr, (long)len, prot, flags, fd, offset));
}

int munmap(void *addr, size_t len)
{
	return __syscall_ret(__syscall2(__NR_munmap, addr, len));
}

int mprotect(void *addr, size_t len, int prot)
{
	return __syscall_ret(__syscall3(__NR_mprotect, addr, len, prot));
}

int madvise(void *addr, size_t len, int advice)
{
	return __syscall_ret(__syscall3(__NR_madvise, addr, len, advice));
}
