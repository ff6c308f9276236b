/* Sleeping; struct timespec is the kernel's. */
#ifndef _TIME_H
#define _TIME_H
#include <uapi/time.h>

int nanosleep(const struct timespec *req, struct timespec *rem);
#endif
