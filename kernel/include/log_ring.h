/*
 * A byte ring that keeps the last `size` bytes written to it: the kernel
 * log (log_buf, kernel/printk.c, as Linux's printk buffer that dmesg reads)
 * and the recent trace events (trace_ring, kernel/trace.c).  Nothing in
 * the kernel reads them back; they are there for a debugger, which finds
 * the text with head and size (tools/gdb/cowl.py: cowl-dmesg, cowl-trace).
 */
#ifndef LOG_RING_H
#define LOG_RING_H
#include <types.h>

struct log_ring {
	char *buf;
	size_t size;
	u64 head; /* bytes ever written: the next one goes to buf[head % size] */
};

#define DEFINE_LOG_RING(name, bytes)          \
	static char name##_data[bytes];       \
	struct log_ring name = { name##_data, bytes, 0 }

void log_ring_write(struct log_ring *r, const char *s, size_t n);
#endif
