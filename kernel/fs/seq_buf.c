/*
 * seq_buf: where a /proc file's text is generated.  It starts empty and
 * doubles whenever a write does not fit; a failed allocation is remembered
 * and reported once at the end (the caller checks `overflow`).
 */
#include <proc_fs.h>
#include <slab.h>
#include <string.h>

#define SEQ_MIN_SIZE 256

/* Make room for `need` more bytes plus a NUL; false if memory ran out. */
static bool seq_reserve(struct seq_buf *m, size_t need)
{
	size_t size = m->size ? m->size : SEQ_MIN_SIZE;

	if (m->overflow)
		return false;
	if (m->len + need < m->size)
		return true;
	while (size <= m->len + need)
		size *= 2;
	char *buf = kmalloc(size);
	if (!buf) {
		m->overflow = true;
		return false;
	}
	if (m->buf)
		memcpy(buf, m->buf, m->len);
	kfree(m->buf);
	m->buf = buf;
	m->size = size;
	return true;
}

void seq_printf(struct seq_buf *m, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (!seq_reserve(m, n))
		return;
	va_start(ap, fmt);
	vsnprintf(m->buf + m->len, m->size - m->len, fmt, ap);
	va_end(ap);
	m->len += n;
}

void seq_write(struct seq_buf *m, const void *data, size_t n)
{
	if (!seq_reserve(m, n))
		return;
	memcpy(m->buf + m->len, data, n);
	m->len += n;
}
