/*
 * The line editor (lineedit.h).  While it reads, the terminal is in
 * non-canonical mode without echo or signals (termios(3)): every key
 * arrives as it is typed, and the editor echoes it and moves the cursor
 * itself.  It draws with nothing but '\r', '\b' and blanks, which the serial
 * terminal and Cowl's VGA console both understand, so a line is edited in
 * place as long as it fits on one screen row.  The keys' escape sequences
 * are the VT100 ones ("ESC [ A" for Up, ...), which a terminal emulator
 * sends and Cowl's keyboard driver makes.
 */
#include <lineedit.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#define HISTORY_SIZE 32
#define CTRL(c) ((c) & 0x1f)
#define ESC 0x1b

enum key { KEY_UP = 256, KEY_DOWN, KEY_RIGHT, KEY_LEFT, KEY_HOME, KEY_END, KEY_DELETE, KEY_NONE };

/* A ring: the newest entry is history[newest], and `count` entries are kept. */
static char history[HISTORY_SIZE][LINEEDIT_MAX];
static int count, newest;

struct edit {
	int fd;
	const char *prompt;
	char *buf;
	size_t size, len, pos; /* the line, its length and the cursor's place in it */
	int browsing;          /* history entries back from the newest; 0: the line being typed */
	char typed[LINEEDIT_MAX]; /* that line, kept while browsing */
};

static void put(struct edit *e, const char *s, size_t n)
{
	if (n)
		write(e->fd, s, n);
}

static void put_repeat(struct edit *e, char c, size_t n)
{
	while (n--)
		put(e, &c, 1);
}

/* Rewrites the line from the cursor on, blanks `erase` cells after it, and comes back. */
static void redraw_tail(struct edit *e, size_t erase)
{
	put(e, e->buf + e->pos, e->len - e->pos);
	put_repeat(e, ' ', erase);
	put_repeat(e, '\b', e->len - e->pos + erase);
}

static void insert(struct edit *e, char c)
{
	if (e->len + 1 >= e->size)
		return;
	memmove(e->buf + e->pos + 1, e->buf + e->pos, e->len - e->pos);
	e->buf[e->pos] = c;
	e->len++;
	put(e, e->buf + e->pos, e->len - e->pos);
	e->pos++;
	put_repeat(e, '\b', e->len - e->pos);
}

static void delete_at_cursor(struct edit *e)
{
	if (e->pos == e->len)
		return;
	memmove(e->buf + e->pos, e->buf + e->pos + 1, e->len - e->pos - 1);
	e->len--;
	redraw_tail(e, 1);
}

static void move_to(struct edit *e, size_t pos)
{
	if (pos < e->pos)
		put_repeat(e, '\b', e->pos - pos);
	else
		put(e, e->buf + e->pos, pos - e->pos);
	e->pos = pos;
}

/* Replaces the whole line by text, the cursor at its end. */
static void replace(struct edit *e, const char *text)
{
	size_t old = e->len, n = strlen(text);

	if (n >= e->size)
		n = e->size - 1;
	move_to(e, 0);
	memcpy(e->buf, text, n);
	e->len = n;
	put(e, e->buf, n);
	e->pos = n;
	if (old > n) {
		put_repeat(e, ' ', old - n);
		put_repeat(e, '\b', old - n);
	}
}

static const char *history_entry(int back)
{
	return history[(newest - back + 1 + HISTORY_SIZE) % HISTORY_SIZE];
}

/* Up (older, step 1) or Down (newer, step -1) through the history. */
static void browse(struct edit *e, int step)
{
	int to = e->browsing + step;

	if (to < 0 || to > count)
		return;
	if (e->browsing == 0) {
		memcpy(e->typed, e->buf, e->len);
		e->typed[e->len] = '\0';
	}
	e->browsing = to;
	replace(e, to == 0 ? e->typed : history_entry(to));
}

static void start_line(struct edit *e)
{
	e->len = e->pos = 0;
	e->browsing = 0;
	put(e, e->prompt, strlen(e->prompt));
}

/* Reads one key: a byte, or one of enum key for an escape sequence; -1 at end of input. */
static int read_key(int fd)
{
	unsigned char c, seq[2];

	if (read(fd, &c, 1) != 1)
		return -1;
	if (c != ESC)
		return c;
	if (read(fd, &seq[0], 1) != 1 || (seq[0] != '[' && seq[0] != 'O') || read(fd, &seq[1], 1) != 1)
		return KEY_NONE;
	switch (seq[1]) {
	case 'A': return KEY_UP;
	case 'B': return KEY_DOWN;
	case 'C': return KEY_RIGHT;
	case 'D': return KEY_LEFT;
	case 'H': return KEY_HOME;
	case 'F': return KEY_END;
	}
	/* "ESC [ n ~": 1 or 7 Home, 4 or 8 End, 3 Delete; the '~' follows. */
	if (seq[1] >= '0' && seq[1] <= '9' && read(fd, &c, 1) == 1 && c == '~')
		switch (seq[1]) {
		case '1': case '7': return KEY_HOME;
		case '4': case '8': return KEY_END;
		case '3': return KEY_DELETE;
		}
	return KEY_NONE;
}

/* Acts on one key; returns 1 when the line is finished, -1 at end of input, 0 to go on. */
static int edit_key(struct edit *e, int key)
{
	switch (key) {
	case -1: return -1;
	case '\n': case '\r': put(e, "\n", 1); return 1;
	case CTRL('D'):
		if (e->len == 0)
			return -1;
		delete_at_cursor(e);
		break;
	case CTRL('C'): put(e, "^C\n", 3); start_line(e); break;
	case CTRL('U'): replace(e, ""); break;
	case 0x7f: case '\b':
		if (e->pos > 0) {
			move_to(e, e->pos - 1);
			delete_at_cursor(e);
		}
		break;
	case KEY_DELETE: delete_at_cursor(e); break;
	case KEY_LEFT: if (e->pos > 0) move_to(e, e->pos - 1); break;
	case KEY_RIGHT: if (e->pos < e->len) move_to(e, e->pos + 1); break;
	case KEY_HOME: case CTRL('A'): move_to(e, 0); break;
	case KEY_END: case CTRL('E'): move_to(e, e->len); break;
	case KEY_UP: browse(e, 1); break;
	case KEY_DOWN: browse(e, -1); break;
	default:
		if (key >= ' ' && key < 0x7f)
			insert(e, (char)key);
	}
	return 0;
}

int lineedit_read(int fd, const char *prompt, char *buf, size_t size)
{
	struct edit e = { .fd = fd, .prompt = prompt, .buf = buf, .size = size };
	struct termios saved, raw;
	int done;

	if (size == 0 || tcgetattr(fd, &saved) < 0)
		return -1;
	raw = saved;
	raw.c_lflag &= ~(ICANON | ECHO | ISIG);
	raw.c_cc[VMIN] = 1;
	raw.c_cc[VTIME] = 0;
	tcsetattr(fd, TCSANOW, &raw);
	start_line(&e);
	while ((done = edit_key(&e, read_key(fd))) == 0)
		;
	tcsetattr(fd, TCSANOW, &saved);
	buf[e.len] = '\0';
	return done < 0 ? -1 : (int)e.len;
}

void lineedit_remember(const char *line)
{
	if (!*line || (count && strcmp(line, history_entry(1)) == 0))
		return;
	newest = (newest + 1) % HISTORY_SIZE;
	strncpy(history[newest], line, LINEEDIT_MAX - 1);
	history[newest][LINEEDIT_MAX - 1] = '\0';
	if (count < HISTORY_SIZE)
		count++;
}
