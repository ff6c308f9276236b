/* The page size, as glibc's <sys/user.h> gives it on x86-64. */
#ifndef _SYS_USER_H
#define _SYS_USER_H
#define PAGE_SHIFT 12
#define PAGE_SIZE (1UL << PAGE_SHIFT)
#endif
