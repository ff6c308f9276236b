/* poll(2)'s events and struct pollfd, as Linux's asm-generic/poll.h has them. */
#ifndef UAPI_POLL_H
#define UAPI_POLL_H

#define POLLIN 0x0001     /* there is data to read */
#define POLLPRI 0x0002    /* urgent data */
#define POLLOUT 0x0004    /* writing will not block */
#define POLLERR 0x0008    /* an error (a pipe's write end with no reader) */
#define POLLHUP 0x0010    /* hung up (a pipe's read end with no writer) */
#define POLLNVAL 0x0020   /* the fd is not open */
#define POLLRDNORM 0x0040
#define POLLRDBAND 0x0080
#define POLLWRNORM 0x0100
#define POLLWRBAND 0x0200

struct pollfd {
	int fd;
	short events;  /* what the caller asks about */
	short revents; /* what is so: a subset of events, plus POLLERR, POLLHUP, POLLNVAL */
};
#endif
