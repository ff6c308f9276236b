/* The log rings (log_ring.h): append, overwriting the oldest bytes. */
#include <log_ring.h>

void log_ring_write(struct log_ring *r, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		r->buf[(r->head + i) % r->size] = s[i];
	r->head += n;
}
