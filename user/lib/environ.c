/* What the kernel passed a new program besides argv (set up by crt0.asm). */
#include <stdlib.h>
#include <string.h>
#include <sys/auxv.h>
#include <unistd.h>

char **environ;
unsigned long *__auxv; /* (type, value) pairs ending with AT_NULL */

char *getenv(const char *name)
{
	size_t len = strlen(name);

	for (char **e = environ; e && *e; e++)
		if (strncmp(*e, name, len) == 0 && (*e)[len] == '=')
			return *e + len + 1;
	return NULL;
}

unsigned long getauxval(unsigned long type)
{
	for (unsigned long *a = __auxv; a && a[0] != AT_NULL; a += 2)
		if (a[0] == type)
			return a[1];
	return 0;
}
