/*
 * The console terminal, /dev/console and /dev/tty: output goes to every
 * console (serial and VGA); input arrives a byte at a time from the serial
 * and keyboard interrupts and is edited a line at a time, as a terminal in
 * canonical mode does (termios(3), "Canonical and noncanonical mode"):
 * characters are echoed, backspace/DEL erase one, Ctrl-U erases the line,
 * Enter makes the line readable, and Ctrl-D makes what is typed so far
 * readable without a newline (at the start of a line: a read returns 0).
 * Ctrl-C and Ctrl-\ send SIGINT and SIGQUIT to the foreground process
 * group, which a shell sets with TIOCSPGRP (tcsetpgrp(3)).
 */
#include "vfs.h"
#include <console.h>
#include <printk.h>
#include <string.h>
#include <uaccess.h>
#include <wait.h>
#include <sched.h>
#include <signal.h>

#define TTY_BUF_SIZE 4096
#define CTRL(c) ((c) & 0x1f)
#define EOF_MARK CTRL('D') /* kept in the buffer where Ctrl-D ended a line */

#define TCGETS 0x5401
#define TCSETS 0x5402
#define TCSETSW 0x5403
#define TCSETSF 0x5404
#define TIOCGPGRP 0x540f
#define TIOCSPGRP 0x5410
#define TIOCGWINSZ 0x5413

/* The input: buf[0..ready) are finished lines, buf[ready..len) the line being typed. */
static struct {
	char buf[TTY_BUF_SIZE];
	size_t len, ready;
	struct wait_queue_head wait;
	pid_t pgrp; /* the foreground process group (global pid), 0 for none */
} tty = { .wait = WAIT_QUEUE_HEAD_INIT(tty.wait) };

static void echo(const char *s, size_t n)
{
	console_write(s, n);
}

static void erase_char(void)
{
	if (tty.len > tty.ready) {
		tty.len--;
		echo("\b \b", 3);
	}
}

static void finish_line(char end)
{
	tty.buf[tty.len++] = end;
	tty.ready = tty.len;
	wake_up(&tty.wait);
}

/* Ctrl-C, Ctrl-\: drop the line being typed and signal the foreground job. */
static void interrupt_job(char c, int sig)
{
	char shown[] = { '^', (char)(c + '@'), '\n' };

	echo(shown, sizeof(shown));
	tty.len = tty.ready;
	if (tty.pgrp)
		kill_pgrp(tty.pgrp, sig);
}

void console_input_char(char c)
{
	/* One byte stays free for the '\n' or Ctrl-D that ends a full line. */
	bool full = tty.len >= TTY_BUF_SIZE - 1;

	if (c == CTRL('C')) {
		interrupt_job(c, SIGINT);
	} else if (c == CTRL('\\')) {
		interrupt_job(c, SIGQUIT);
	} else if (c == '\b' || c == 0x7f) {
		erase_char();
	} else if (c == CTRL('U')) {
		while (tty.len > tty.ready)
			erase_char();
	} else if (c == CTRL('D')) {
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

/* A read returns at most one line (with its '\n'); a Ctrl-D mark is consumed, not returned. */
static ssize_t tty_read(struct file *f, struct io_buf *buf, size_t n, off_t *pos)
{
	(void)pos;
	if (!n)
		return 0;
	if (!tty.ready && (f->flags & O_NONBLOCK))
		return -EAGAIN;
	int err = wait_event_interruptible(tty.wait, tty.ready > 0);
	if (err)
		return err;
	size_t line = 0;
	while (tty.buf[line] != '\n' && tty.buf[line] != EOF_MARK)
		line++;
	bool eof = tty.buf[line] == EOF_MARK;
	size_t take = MIN(n, line + !eof);
	if (io_copy_out(buf, tty.buf, take))
		return -EFAULT;
	size_t consumed = take + (eof && take == line);
	memmove(tty.buf, tty.buf + consumed, tty.len - consumed);
	tty.len -= consumed;
	tty.ready -= consumed;
	return take;
}

static ssize_t tty_write(struct file *f, struct io_buf *buf, size_t n, off_t *pos)
{
	char chunk[256];
	size_t done = 0;

	(void)f;
	(void)pos;
	while (done < n) {
		size_t k = MIN(n - done, sizeof(chunk));
		if (io_copy_in(chunk, buf, k))
			return done ? (ssize_t)done : -EFAULT;
		console_write(chunk, k);
		done += k;
	}
	return done;
}

/* struct termios as the TCGETS ioctl returns it (asm-generic/termbits.h). */
struct kernel_termios {
	u32 c_iflag, c_oflag, c_cflag, c_lflag;
	u8 c_line;
	u8 c_cc[19];
};

struct winsize {
	u16 ws_row, ws_col, ws_xpixel, ws_ypixel;
};

/* What this line discipline does, in termios terms: ICRNL; OPOST|ONLCR; B38400|CS8|CREAD; ICANON|ECHO|ECHOE|ECHOK. */
static const struct kernel_termios console_termios = {
	.c_iflag = 0400,
	.c_oflag = 05,
	.c_cflag = 0277,
	.c_lflag = 072,
	.c_cc = { [2] = 0x7f, [3] = CTRL('U'), [4] = CTRL('D'), [6] = 1 }, /* VERASE VKILL VEOF VMIN */
};

/* tcsetpgrp(3): a process group of the caller's session becomes the foreground. */
static long tty_set_foreground(const pid_t __user *arg)
{
	pid_t vnr;
	struct task_struct *p, *leader = NULL;

	if (get_user_obj(&vnr, arg))
		return -EFAULT;
	if (vnr < 0)
		return -EINVAL;
	list_for_each_entry(p, &task_list, tasks)
		if (!p->exit_state && global_pid_vnr(p->signal->pgrp) == vnr &&
		    p->signal->session == current->signal->session)
			leader = p;
	if (!leader)
		return -EPERM;
	tty.pgrp = leader->signal->pgrp;
	return 0;
}

static long tty_ioctl(struct file *f, unsigned int cmd, unsigned long arg)
{
	static const struct winsize unknown_size; /* a serial line has no size: 0x0, as Linux reports */

	(void)f;
	switch (cmd) {
	case TCGETS:
		return put_user_obj((struct kernel_termios __user *)arg, &console_termios);
	case TCSETS:
	case TCSETSW:
	case TCSETSF:
		/* Accepted so programs that set modes run, but the discipline stays as above. */
		return 0;
	case TIOCGWINSZ:
		return put_user_obj((struct winsize __user *)arg, &unknown_size);
	case TIOCGPGRP: {
		pid_t vnr = global_pid_vnr(tty.pgrp);
		return put_user_obj((pid_t __user *)arg, &vnr);
	}
	case TIOCSPGRP:
		return tty_set_foreground((const pid_t __user *)arg);
	default:
		return -ENOTTY;
	}
}

const struct file_operations tty_fops = {
	.read = tty_read,
	.write = tty_write,
	.ioctl = tty_ioctl,
	.stream = true,
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
