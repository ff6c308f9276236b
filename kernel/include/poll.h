/*
 * Waiting on several files at once (poll, select: kernel/fs/select.c).  A
 * file's poll operation says which events are ready now and, given a
 * poll_table, queues the caller on each wait queue that will announce a
 * change (poll_wait), so one wake-up on any of them ends the sleep.
 */
#ifndef POLL_H
#define POLL_H
#include <wait.h>
#include <uapi/poll.h>

struct file;
struct poll_table_entry;

struct poll_table {
	struct poll_table_entry *entries; /* the queues the caller is on, each holding its file */
	int error;                        /* -ENOMEM if an entry could not be made */
};

/* Queue the caller on wq until the poll ends; nothing if pt is NULL (a second look, or one that found an event). */
void poll_wait(struct file *f, struct wait_queue_head *wq, struct poll_table *pt);

/* What a file without a poll operation is: always ready (Linux's DEFAULT_POLLMASK). */
#define DEFAULT_POLLMASK (POLLIN | POLLOUT | POLLRDNORM | POLLWRNORM)
#endif
