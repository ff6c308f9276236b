/*
 * The VGA text console: 80x25 cells at physical 0xb8000, each a character
 * byte and an attribute byte.  It mirrors what the serial console shows.
 *
 * Every row written is also kept in a ring of VGA_HISTORY rows, so that
 * Shift+PgUp can show what scrolled off the top (vga_scroll); new output
 * brings the view back to the bottom.  A word that would run past the
 * right edge moves whole to the next row, so a number in a trace line is
 * never split across two rows.
 */
#include <console.h>
#include <string.h>
#include <asm/io.h>
#include <asm/page.h>

#define VGA_COLS 80
#define VGA_ROWS 25
#define VGA_HISTORY 400 /* rows kept, the screen's included */
#define VGA_ATTR 0x07   /* light grey on black */
#define VGA_BLANK ((VGA_ATTR << 8) | ' ')
#define CRTC_INDEX 0x3d4
#define CRTC_DATA 0x3d5
#define CRTC_CURSOR_HIGH 0x0e
#define CRTC_CURSOR_LOW 0x0f

static u16 *const vga = (u16 *)__va(0xb8000);
static u16 history[VGA_HISTORY][VGA_COLS];
static unsigned long row; /* the cursor's row, counted from the first row ever written */
static unsigned col;
static unsigned long back; /* rows the view is scrolled back from the bottom */

static u16 *history_row(unsigned long r)
{
	return history[r % VGA_HISTORY];
}

/* The row shown at the top of the screen when the view is at the bottom. */
static unsigned long bottom_top(void)
{
	return row < VGA_ROWS ? 0 : row - (VGA_ROWS - 1);
}

static void vga_move_cursor(void)
{
	unsigned pos = (unsigned)(row - bottom_top()) * VGA_COLS + col;

	if (back)
		pos = VGA_ROWS * VGA_COLS; /* off the screen while looking back */
	outb(CRTC_INDEX, CRTC_CURSOR_LOW);
	outb(CRTC_DATA, pos & 0xff);
	outb(CRTC_INDEX, CRTC_CURSOR_HIGH);
	outb(CRTC_DATA, pos >> 8);
}

static void redraw(void)
{
	unsigned long top = bottom_top() - back;

	for (unsigned r = 0; r < VGA_ROWS; r++) {
		if (top + r <= row)
			memcpy(vga + r * VGA_COLS, history_row(top + r), VGA_COLS * 2);
		else
			for (unsigned c = 0; c < VGA_COLS; c++)
				vga[r * VGA_COLS + c] = VGA_BLANK;
	}
	vga_move_cursor();
}

/* Sets one cell of the cursor's row, in the history and (at the bottom) on the screen. */
static void put_cell(unsigned c, u16 cell)
{
	history_row(row)[c] = cell;
	vga[(row - bottom_top()) * VGA_COLS + c] = cell;
}

static void vga_newline(void)
{
	col = 0;
	row++;
	for (unsigned c = 0; c < VGA_COLS; c++)
		history_row(row)[c] = VGA_BLANK;
	if (row < VGA_ROWS)
		return;
	memmove(vga, vga + VGA_COLS, (VGA_ROWS - 1) * VGA_COLS * 2);
	memcpy(vga + (VGA_ROWS - 1) * VGA_COLS, history_row(row), VGA_COLS * 2);
}

static bool is_word_cell(u16 cell)
{
	return (u8)cell != ' ';
}

/*
 * The row is full and c continues a word: carry the word's start to the
 * next row, unless the word fills the whole row (then it must break).
 */
static void wrap_word(void)
{
	u16 *old = history_row(row);
	unsigned start = VGA_COLS;

	while (start > 0 && is_word_cell(old[start - 1]))
		start--;
	unsigned long from = row;
	vga_newline();
	if (start == 0 || start == VGA_COLS)
		return;
	for (unsigned c = start; c < VGA_COLS; c++) {
		put_cell(col++, history_row(from)[c]);
		history_row(from)[c] = VGA_BLANK;
	}
	if (from >= bottom_top())
		memcpy(vga + (from - bottom_top()) * VGA_COLS, history_row(from), VGA_COLS * 2);
}

static void vga_putc(char c)
{
	switch (c) {
	case '\n':
		vga_newline();
		break;
	case '\r':
		col = 0;
		break;
	case '\b':
		if (col)
			col--;
		break;
	case '\t':
		col = (col + 8) & ~7u;
		if (col >= VGA_COLS)
			vga_newline();
		break;
	case ' ':
		if (col == VGA_COLS)
			vga_newline(); /* the blank between two words ends up as the row's end */
		else
			put_cell(col++, VGA_BLANK);
		break;
	default:
		if (col == VGA_COLS)
			wrap_word();
		put_cell(col++, (VGA_ATTR << 8) | (u8)c);
	}
}

void vga_init(void)
{
	row = col = back = 0;
	for (unsigned c = 0; c < VGA_COLS; c++)
		history_row(0)[c] = VGA_BLANK;
	redraw();
}

void vga_write(const char *s, size_t n)
{
	if (back) {
		back = 0;
		redraw();
	}
	for (size_t i = 0; i < n; i++)
		vga_putc(s[i]);
	vga_move_cursor();
}

void vga_scroll(long rows)
{
	unsigned long kept = MIN(row + 1, (unsigned long)VGA_HISTORY);
	unsigned long most = kept > VGA_ROWS ? kept - VGA_ROWS : 0;
	long target = (long)back - rows;

	back = target < 0 ? 0 : MIN((unsigned long)target, most);
	redraw();
}
