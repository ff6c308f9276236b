/* struct termios and its flags, as Linux's asm-generic/termbits.h lays them out (termios(3)). */
#ifndef UAPI_TERMBITS_H
#define UAPI_TERMBITS_H

typedef unsigned int tcflag_t;
typedef unsigned char cc_t;

#define NCCS 19
/* What TCGETS fills in and TCSETS takes: no speed fields, unlike the C library's struct. */
struct termios {
	tcflag_t c_iflag, c_oflag, c_cflag, c_lflag;
	cc_t c_line;
	cc_t c_cc[NCCS];
};

/* c_cc: the special characters, and the non-canonical read's count and timer. */
#define VINTR 0
#define VQUIT 1
#define VERASE 2
#define VKILL 3
#define VEOF 4
#define VTIME 5 /* tenths of a second */
#define VMIN 6
#define VSUSP 10

/* c_iflag */
#define INLCR 0000100
#define IGNCR 0000200
#define ICRNL 0000400

/* c_oflag */
#define OPOST 0000001
#define ONLCR 0000004

/* c_cflag */
#define B38400 0000017
#define CS8 0000060
#define CREAD 0000200

/* c_lflag */
#define ISIG 0000001
#define ICANON 0000002
#define ECHO 0000010
#define ECHOE 0000020
#define ECHOK 0000040
#define ECHONL 0000100
#define NOFLSH 0000200
#define TOSTOP 0000400

/* tcsetattr's `when`, and tcflush's `queue` */
#define TCSANOW 0
#define TCSADRAIN 1
#define TCSAFLUSH 2
#define TCIFLUSH 0
#define TCOFLUSH 1
#define TCIOFLUSH 2
#endif
