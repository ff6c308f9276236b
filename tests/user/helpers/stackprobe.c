/* stackprobe KIB: uses KIB kibibytes of stack by recursion and exits 0 (or dies of SIGSEGV). */
#include <stdlib.h>

/* Not a tail call, and the volatile buffer cannot be optimised away: every level takes its KiB. */
static int probe(int kib)
{
	volatile char buf[1024];

	buf[0] = (char)kib;
	return (kib > 1 ? probe(kib - 1) : 0) + buf[0];
}

int main(int argc, char **argv)
{
	if (argc < 2)
		return 2;
	probe(atoi(argv[1]));
	return 0;
}
