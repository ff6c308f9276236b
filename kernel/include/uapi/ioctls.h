/* The terminal ioctl numbers, as Linux's asm-generic/ioctls.h numbers them (ioctl_tty(2)). */
#ifndef UAPI_IOCTLS_H
#define UAPI_IOCTLS_H

#define TCGETS 0x5401
#define TCSETS 0x5402
#define TCSETSW 0x5403
#define TCSETSF 0x5404
#define TCFLSH 0x540b
#define TIOCSCTTY 0x540e
#define TIOCGPGRP 0x540f
#define TIOCSPGRP 0x5410
#define TIOCSTI 0x5412
#define TIOCGWINSZ 0x5413
#define TIOCSWINSZ 0x5414
#define FIONREAD 0x541b
#define TIOCNOTTY 0x5422
#define TIOCGSID 0x5429

/* What TIOCGWINSZ fills in. */
struct winsize {
	unsigned short ws_row, ws_col, ws_xpixel, ws_ypixel;
};
#endif
