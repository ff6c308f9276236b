/*
 * qsort as an insertion sort: quadratic, but short and obviously correct,
 * and our programs sort only directory listings and process tables.
 */
#include <stdlib.h>

static void swap(char *a, char *b, size_t size)
{
	while (size--) {
		char t = *a;
		*a++ = *b;
		*b++ = t;
	}
}

void qsort(void *base, size_t count, size_t size, int (*compare)(const void *, const void *))
{
	char *items = base;

	/* Sink each element left past the larger ones before it. */
	for (size_t i = 1; i < count; i++)
		for (size_t j = i; j > 0 && compare(items + (j - 1) * size, items + j * size) > 0; j--)
			swap(items + (j - 1) * size, items + j * size, size);
}
