/*
 * The VGA text console: 80x25 cells at physical 0xb8000, each a character
 * byte and an attribute byte.  It mirrors what the serial console shows.
 */
#include <console.h>
#include <string.h>
#include <asm/io.h>
#include <asm/page.h>

#define VGA_COLS 80
#define VGA_ROWS 25
#define VGA_ATTR 0x07 /* light grey on black */
#define CRTC_INDEX 0x3d4
#define CRTC_DATA 0x3d5

static u16 *const vga = (u16 *)__va(0xb8000);
static unsigned row, col;

static void vga_move_cursor(void)
{
	unsigned pos = row * VGA_COLS + col;

	outb(CRTC_INDEX, 0x0f);
	outb(CRTC_DATA, pos & 0xff);
	outb(CRTC_INDEX, 0x0e);
	outb(CRTC_DATA, pos >> 8);
}

static void vga_clear_row(unsigned r)
{
	for (unsigned c = 0; c < VGA_COLS; c++)
		vga[r * VGA_COLS + c] = (VGA_ATTR << 8) | ' ';
}

static void vga_newline(void)
{
	col = 0;
	if (++row < VGA_ROWS)
		return;
	memmove(vga, vga + VGA_COLS, (VGA_ROWS - 1) * VGA_COLS * 2);
	row = VGA_ROWS - 1;
	vga_clear_row(row);
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
	default:
		vga[row * VGA_COLS + col] = (VGA_ATTR << 8) | (u8)c;
		if (++col == VGA_COLS)
			vga_newline();
	}
}

void vga_init(void)
{
	for (unsigned r = 0; r < VGA_ROWS; r++)
		vga_clear_row(r);
	row = col = 0;
	vga_move_cursor();
}

void vga_write(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		vga_putc(s[i]);
	vga_move_cursor();
}
