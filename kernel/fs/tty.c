/*
 * The console terminal, /dev/console and /dev/tty: output goes to every
 * console (serial and VGA); input arrives a byte at a time from the serial
 * and keyboard interrupts and passes through a line discipline that keeps
 * the modes of termios(3):
 *  - canonical (ICANON, the default): input is edited a line at a time;
 *    backspace/DEL erase one character, Ctrl-U the line, Enter makes the
 *    line readable, and Ctrl-D makes what is typed so far readable without
 *    a newline (at the start of a line: a read returns 0);
 *  - non-canonical: every byte is readable at once, and a read waits as
 *    VMIN and VTIME say ("Canonical and noncanonical mode");
 *  - ECHO echoes input, ICRNL turns the Enter key's '\r' into '\n', and ISIG
 *    makes Ctrl-C, Ctrl-\ and Ctrl-Z send SIGINT, SIGQUIT and SIGTSTP to
 *    the foreground process group, which a shell sets with TIOCSPGRP
 *    (tcsetpgrp(3)); the input is flushed first unless NOFLSH is set;
 *  - TOSTOP makes a write from a background group raise SIGTTOU, as a
 *    read from one always raises SIGTTIN (tty_jobctrl.c).
 * Other flags are kept as set, so a program reads back what it wrote, but
 * change nothing here: output is never post-processed beyond the serial
 * line's "\n" to "\r\n".  The terminal is /dev/tty1 (Linux's first
 * virtual console; here also the serial line), /dev/console, and /dev/tty
 * for the processes whose controlling terminal it is.
 */
#include "vfs.h"
#include <tty.h>
#include <poll.h>
#include <cred.h>
#include <console.h>
#include <printk.h>
#include <string.h>
#include <time.h>
#include <uaccess.h>
#include <wait.h>
#include <sched.h>
#include <pid.h>
#include <signal.h>
#include <uapi/ioctls.h>
#include <uapi/termbits.h>

#define CTRL(c) ((c) & 0x1f)
#define EOF_MARK CTRL('D') /* kept in the buffer where Ctrl-D ended a line */

static struct tty_struct tty = {
	.read_wait = WAIT_QUEUE_HEAD_INIT(tty.read_wait),
	/* Linux's defaults for a console, less what this discipline cannot do. */
	.termios = {
		.c_iflag = ICRNL,
		.c_oflag = OPOST | ONLCR,
		.c_cflag = B38400 | CS8 | CREAD,
		.c_lflag = ISIG | ICANON | ECHO | ECHOE | ECHOK,
		.c_cc = { [VINTR] = CTRL('C'), [VQUIT] = CTRL('\\'), [VERASE] = 0x7f,
			  [VKILL] = CTRL('U'), [VEOF] = CTRL('D'), [VMIN] = 1, [VSUSP] = CTRL('Z') },
	},
};

static bool lflag(tcflag_t flag)
{
	return tty.termios.c_lflag & flag;
}

/* Is c the special character cc[which]?  A zero there disables it (_POSIX_VDISABLE). */
static bool is_special(char c, int which)
{
	return tty.termios.c_cc[which] && c == (char)tty.termios.c_cc[which];
}

static void echo(const char *s, size_t n)
{
	if (lflag(ECHO))
		console_write(s, n);
}

static void flush_input(void)
{
	tty.len = tty.ready = 0;
}

static void erase_char(void)
{
	if (tty.len > tty.ready) {
		tty.len--;
		echo("\b \b", 3);
	}
}

static void make_readable(size_t end)
{
	tty.ready = end;
	wake_up(&tty.read_wait);
}

static void finish_line(char end)
{
	tty.buf[tty.len++] = end;
	make_readable(tty.len);
}

/*
 * Ctrl-C, Ctrl-\, Ctrl-Z: flush the input (unless NOFLSH) and signal the
 * foreground job.  Echoed as "^C" with no newline, as Linux's ECHOCTL does:
 * the shell that sees the job end or stop starts the next line itself.
 */
static void interrupt_job(char c, int sig)
{
	char shown[] = { '^', (char)(c + '@') };

	echo(shown, sizeof(shown));
	if (!lflag(NOFLSH))
		flush_input();
	if (tty.pgrp)
		kill_pgrp(tty.pgrp, sig);
}

static void canonical_input(char c)
{
	/* One byte stays free for the '\n' or Ctrl-D that ends a full line. */
	bool full = tty.len >= TTY_BUF_SIZE - 1;

	if (is_special(c, VERASE) || c == '\b') {
		erase_char();
	} else if (is_special(c, VKILL)) {
		while (tty.len > tty.ready)
			erase_char();
	} else if (is_special(c, VEOF)) {
		if (tty.len < TTY_BUF_SIZE)
			finish_line(EOF_MARK);
	} else if (c == '\n') {
		if (tty.len < TTY_BUF_SIZE) {
			echo("\n", 1);
			finish_line('\n');
		}
	} else if (!full) {
		tty.buf[tty.len++] = c;
		echo(&c, 1);
	}
}

static void raw_input(char c)
{
	if (tty.len == TTY_BUF_SIZE)
		return;
	tty.buf[tty.len++] = c;
	echo(&c, 1);
	make_readable(tty.len);
}

void console_input_char(char c)
{
	if (c == '\r' && (tty.termios.c_iflag & IGNCR))
		return;
	if (c == '\r' && (tty.termios.c_iflag & ICRNL))
		c = '\n';
	else if (c == '\n' && (tty.termios.c_iflag & INLCR))
		c = '\r';
	if (lflag(ISIG) && is_special(c, VINTR))
		interrupt_job(c, SIGINT);
	else if (lflag(ISIG) && is_special(c, VQUIT))
		interrupt_job(c, SIGQUIT);
	else if (lflag(ISIG) && is_special(c, VSUSP))
		interrupt_job(c, SIGTSTP);
	else if (lflag(ICANON))
		canonical_input(c);
	else
		raw_input(c);
}

/* Hands buf[0..take) to the reader and drops `consumed` bytes from the input. */
static ssize_t consume(struct io_buf *buf, size_t take, size_t consumed)
{
	if (io_copy_out(buf, tty.buf, take))
		return -EFAULT;
	memmove(tty.buf, tty.buf + consumed, tty.len - consumed);
	tty.len -= consumed;
	tty.ready -= consumed;
	return take;
}

/* A canonical read returns at most one line (with its '\n'); a Ctrl-D mark is consumed, not returned. */
static ssize_t canonical_read(struct file *f, struct io_buf *buf, size_t n)
{
	if (!tty.ready && (f->flags & O_NONBLOCK))
		return -EAGAIN;
	int err = wait_event_interruptible(tty.read_wait, tty.ready > 0);
	if (err)
		return err;
	size_t line = 0;
	while (tty.buf[line] != '\n' && tty.buf[line] != EOF_MARK)
		line++;
	bool eof = tty.buf[line] == EOF_MARK;
	size_t take = MIN(n, line + !eof);
	return consume(buf, take, take + (eof && take == line));
}

/*
 * A non-canonical read waits for MIN(n, VMIN) bytes; with VTIME set, for at
 * most VTIME tenths of a second after the last byte (or, with VMIN 0, for
 * the first one).  VMIN and VTIME both 0: whatever is there, even nothing.
 */
static ssize_t raw_read(struct file *f, struct io_buf *buf, size_t n)
{
	size_t min = tty.termios.c_cc[VMIN];
	long timer = tty.termios.c_cc[VTIME] * (HZ / 10);
	size_t want = MIN(n, MAX(min, 1));

	while (tty.ready < want && (min || timer)) {
		if (f->flags & O_NONBLOCK) {
			if (!tty.ready)
				return -EAGAIN;
			break;
		}
		if (signal_pending_current()) {
			if (!tty.ready)
				return -ERESTARTSYS;
			break;
		}
		if (!timer || (min && !tty.ready))
			sleep_on(&tty.read_wait); /* no timer runs before the first byte when VMIN > 0 */
		else if (!sleep_on_timeout(&tty.read_wait, timer))
			break;
	}
	size_t take = MIN(n, tty.ready);
	return consume(buf, take, take);
}

static ssize_t tty_read(struct file *f, struct io_buf *buf, size_t n, off_t *pos)
{
	int err = tty_check_change(&tty, SIGTTIN);

	(void)pos;
	if (err)
		return err;
	if (!n)
		return 0;
	return lflag(ICANON) ? canonical_read(f, buf, n) : raw_read(f, buf, n);
}

static ssize_t tty_write(struct file *f, struct io_buf *buf, size_t n, off_t *pos)
{
	char chunk[256];
	size_t done = 0;
	int err = lflag(TOSTOP) ? tty_check_change(&tty, SIGTTOU) : 0;

	(void)f;
	(void)pos;
	if (err)
		return err;
	while (done < n) {
		size_t k = MIN(n - done, sizeof(chunk));
		if (io_copy_in(chunk, buf, k))
			return done ? (ssize_t)done : -EFAULT;
		console_write(chunk, k);
		done += k;
	}
	return done;
}

/* TCSETS, TCSETSW (output is never queued, so there is nothing to drain) and TCSETSF. */
static long tty_set_termios(const struct termios __user *arg, bool flush)
{
	struct termios t;
	int err = tty_check_change(&tty, SIGTTOU);

	if (err)
		return err;
	if (get_user_obj(&t, arg))
		return -EFAULT;
	tty.termios = t;
	if (flush)
		flush_input();
	/* Leaving canonical mode makes the line being typed readable as it is. */
	if (!lflag(ICANON))
		make_readable(tty.len);
	return 0;
}

static long tty_flush(unsigned long queue)
{
	int err = tty_check_change(&tty, SIGTTOU);

	if (err)
		return err;
	if (queue != TCIFLUSH && queue != TCOFLUSH && queue != TCIOFLUSH)
		return -EINVAL;
	if (queue != TCOFLUSH)
		flush_input();
	return 0;
}

/* TIOCSWINSZ: the foreground group hears of a new size (SIGWINCH). */
static long tty_set_winsize(const struct winsize __user *arg)
{
	struct winsize ws;

	if (get_user_obj(&ws, arg))
		return -EFAULT;
	if (!memcmp(&ws, &tty.winsize, sizeof(ws)))
		return 0;
	tty.winsize = ws;
	if (tty.pgrp)
		kill_pgrp(tty.pgrp, SIGWINCH);
	return 0;
}

/* TIOCSTI: a byte as if typed; only at one's own terminal, unless privileged. */
static long tty_simulate_input(const char __user *arg)
{
	char c;

	if (current->signal->tty != &tty && !capable())
		return -EPERM;
	if (get_user_obj(&c, arg))
		return -EFAULT;
	console_input_char(c);
	return 0;
}

static long tty_ioctl(struct file *f, unsigned int cmd, unsigned long arg)
{
	long ret = tty_jobctrl_ioctl(&tty, f, cmd, arg);

	if (ret != -ENOIOCTLCMD)
		return ret;
	switch (cmd) {
	case TCGETS:
		return put_user_obj((struct termios __user *)arg, &tty.termios);
	case TCSETS:
	case TCSETSW:
	case TCSETSF:
		return tty_set_termios((const struct termios __user *)arg, cmd == TCSETSF);
	case TCFLSH:
		return tty_flush(arg);
	case FIONREAD: {
		int ready = (int)tty.ready;
		return put_user_obj((int __user *)arg, &ready);
	}
	case TIOCGWINSZ: /* 0x0 until set: a serial line has no size, as Linux reports */
		return put_user_obj((struct winsize __user *)arg, &tty.winsize);
	case TIOCSWINSZ:
		return tty_set_winsize((const struct winsize __user *)arg);
	case TIOCSTI:
		return tty_simulate_input((const char __user *)arg);
	default:
		return -ENOTTY;
	}
}

/* Readable as a read would not wait: a line (canonical), or VMIN bytes (1 with a VTIME timer); always writable. */
static unsigned int tty_poll(struct file *f, struct poll_table *pt)
{
	size_t min = tty.termios.c_cc[VMIN] && !tty.termios.c_cc[VTIME] ? tty.termios.c_cc[VMIN] : 1;

	poll_wait(f, &tty.read_wait, pt);
	if (lflag(ICANON) ? tty.ready > 0 : tty.ready >= min)
		return POLLIN | POLLRDNORM | POLLOUT | POLLWRNORM;
	return POLLOUT | POLLWRNORM;
}

/* /dev/tty is the caller's controlling terminal (ENXIO without one); only /dev/tty1 can become one by opening. */
static int tty_open(struct inode *inode, struct file *f)
{
	if (inode->rdev == MKDEV(TTYAUX_MAJOR, 0))
		return current->signal->tty ? 0 : -ENXIO;
	tty_open_proc_set_tty(f, &tty, inode->rdev == MKDEV(TTYAUX_MAJOR, 1));
	return 0;
}

const struct file_operations tty_fops = {
	.open = tty_open,
	.read = tty_read,
	.write = tty_write,
	.ioctl = tty_ioctl,
	.stream = true,
	.poll = tty_poll,
};

int console_setup_stdio(void)
{
	struct file *f = filp_open("/dev/console", O_RDWR);

	if (IS_ERR(f))
		return PTR_ERR(f);
	for (int fd = 0; fd < 3; fd++) {
		if (fd)
			get_file(f);
		int err = fd_install(f, false);
		if (err < 0) {
			fput(f);
			return err;
		}
	}
	return 0;
}
