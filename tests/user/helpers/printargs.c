/*
 * printargs: prints what execve gave it, one item a line, for the exec
 * test to compare: argc, each argv and envp string, and checks of the
 * auxiliary vector (values that differ between runs are only checked).
 */
#include <stdio.h>
#include <sys/auxv.h>

extern char _start[]; /* crt0.asm: where the kernel should have entered */

int main(int argc, char **argv, char **envp)
{
	printf("argc=%d\n", argc);
	for (int i = 0; i < argc; i++)
		printf("argv[%d]=%s\n", i, argv[i]);
	printf("argv[argc]=%s\n", argv[argc] ? "not NULL" : "NULL");
	for (char **e = envp; *e; e++)
		printf("env=%s\n", *e);
	printf("AT_PAGESZ=%lu\n", getauxval(AT_PAGESZ));
	printf("AT_ENTRY=%s\n", getauxval(AT_ENTRY) == (unsigned long)_start ? "_start" : "wrong");
	printf("AT_PHDR=%s\n", getauxval(AT_PHDR) ? "set" : "missing");
	printf("AT_PHENT=%lu\n", getauxval(AT_PHENT));
	printf("AT_PHNUM=%s\n", getauxval(AT_PHNUM) ? "set" : "missing");
	return 42;
}
