/*
 * crash KIND: make a fault happen, so the shell can show which signal
 * killed the program.  KIND is one of segv, ill, fpe, trap, abort, textwrite.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void segv(void)
{
	*(volatile int *)0 = 1; /* page 0 is never mapped */
}

static void ill(void)
{
	__asm__ volatile("ud2"); /* the instruction defined to be invalid */
}

static void fpe(void)
{
	/* volatile: the compiler may neither fold the division nor replace it by a comparison */
	volatile int one = 1, zero = 0;
	volatile int result = one / zero;
	(void)result;
}

static void trap(void)
{
	__asm__ volatile("int3"); /* the breakpoint instruction */
}

static void textwrite(void)
{
	*(volatile unsigned char *)textwrite = 0xc3; /* code pages are mapped read-only */
}

static const struct {
	const char *name;
	void (*fault)(void);
} kinds[] = {
	{ "segv", segv }, { "ill", ill }, { "fpe", fpe },
	{ "trap", trap }, { "abort", abort }, { "textwrite", textwrite },
};

int main(int argc, char **argv)
{
	for (size_t i = 0; argc == 2 && i < sizeof(kinds) / sizeof(kinds[0]); i++) {
		if (strcmp(argv[1], kinds[i].name) == 0) {
			kinds[i].fault();
			fprintf(stderr, "crash: %s did not kill me\n", argv[1]);
			return 1;
		}
	}
	fprintf(stderr, "usage: crash segv|ill|fpe|trap|abort|textwrite\n");
	return 2;
}
