/* reboot(2) with the kernel's four arguments (glibc's wrapper takes only cmd). */
#ifndef _SYS_REBOOT_H
#define _SYS_REBOOT_H
#include <uapi/reboot.h>

int reboot(unsigned int magic, unsigned int magic2, unsigned int cmd, void *arg);
#endif
