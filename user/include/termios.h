/* Terminal modes (termios(3)); struct termios is the kernel's layout (uapi/termbits.h). */
#ifndef _TERMIOS_H
#define _TERMIOS_H
#include <uapi/termbits.h>

int tcgetattr(int fd, struct termios *t);
int tcsetattr(int fd, int when, const struct termios *t);
int tcflush(int fd, int queue);
#endif
