/* The terminal ioctl numbers, as Linux's asm-generic/ioctls.h numbers them (ioctl_tty(2)). */
#ifndef UAPI_IOCTLS_H
#define UAPI_IOCTLS_H

#define TCGETS 0x5401
#define TCSETS 0x5402
#define TCSETSW 0x5403
#define TCSETSF 0x5404
#define TCFLSH 0x540b
#define TIOCGPGRP 0x540f
#define TIOCSPGRP 0x5410
#define TIOCGWINSZ 0x5413
#define FIONREAD 0x541b

/* What TIOCGWINSZ fills in. */
struct winsize {
	unsigned short ws_row, ws_col, ws_xpixel, ws_ypixel;
};
#endif
