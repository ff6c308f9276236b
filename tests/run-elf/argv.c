/*
 * Prints its argv and environment, each string's bytes in hex on a line of
 * its own ("arg 2f62", "env 504154483d2f62696e"), so that tools/test can
 * check that tools/run-elf delivered them byte for byte.  Built on the host
 * with `gcc -static`.
 */
#include <stdio.h>

static void print_hex(const char *what, const char *s)
{
	printf("%s ", what);
	for (; *s; s++)
		printf("%02x", (unsigned char)*s);
	printf("\n");
}

int main(int argc, char **argv, char **envp)
{
	printf("argc %d\n", argc);
	for (int i = 0; i < argc; i++)
		print_hex("arg", argv[i]);
	for (; *envp; envp++)
		print_hex("env", *envp);
	return 0;
}
