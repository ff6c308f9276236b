/*
 * The PS/2 keyboard on IRQ 1.  The i8042 controller hands us scancode set 1
 * (it translates for us by default): one byte per key press, the same byte
 * with bit 7 set on release, and 0xe0 before the keys added after the
 * original PC keyboard (OSDev "PS/2 Keyboard", "Scan Code Set 1").
 * Shift, Ctrl and Caps Lock are tracked here; every other key that has an
 * ASCII meaning goes to the console's input, Enter as '\r' and the arrows,
 * Home, End and Delete as the escape sequences a VT100-style terminal sends
 * for them (so a line editor reads the same bytes from either console).
 * Shift+PgUp and Shift+PgDn scroll the VGA screen back and forth instead.
 */
#include <console.h>
#include <irq.h>
#include <asm/io.h>

#define KBD_DATA 0x60
#define KBD_STATUS 0x64
#define KBD_OUTPUT_FULL 0x01
#define IRQ_KEYBOARD 1

#define SC_RELEASE 0x80
#define SC_EXTENDED 0xe0
#define SC_LCTRL 0x1d /* also right Ctrl after 0xe0 */
#define SC_LSHIFT 0x2a
#define SC_RSHIFT 0x36
#define SC_CAPSLOCK 0x3a
/* After SC_EXTENDED */
#define SC_HOME 0x47
#define SC_UP 0x48
#define SC_PGUP 0x49
#define SC_LEFT 0x4b
#define SC_RIGHT 0x4d
#define SC_END 0x4f
#define SC_DOWN 0x50
#define SC_PGDN 0x51
#define SC_DELETE 0x53

/* US layout, scancodes 0x00-0x39. */
static const char keymap[] = {
	0, 0x1b, '1', '2', '3', '4', '5', '6', '7', '8', '9', '0', '-', '=', '\b', '\t',
	'q', 'w', 'e', 'r', 't', 'y', 'u', 'i', 'o', 'p', '[', ']', '\r', 0, 'a', 's',
	'd', 'f', 'g', 'h', 'j', 'k', 'l', ';', '\'', '`', 0, '\\', 'z', 'x', 'c', 'v',
	'b', 'n', 'm', ',', '.', '/', 0, '*', 0, ' ',
};
static const char keymap_shift[] = {
	0, 0x1b, '!', '@', '#', '$', '%', '^', '&', '*', '(', ')', '_', '+', '\b', '\t',
	'Q', 'W', 'E', 'R', 'T', 'Y', 'U', 'I', 'O', 'P', '{', '}', '\r', 0, 'A', 'S',
	'D', 'F', 'G', 'H', 'J', 'K', 'L', ':', '"', '~', 0, '|', 'Z', 'X', 'C', 'V',
	'B', 'N', 'M', '<', '>', '?', 0, '*', 0, ' ',
};
_Static_assert(sizeof(keymap) == sizeof(keymap_shift), "keymaps differ in size");

static struct {
	bool shift, ctrl, capslock, extended;
} kbd;

static bool is_letter(char c)
{
	return c >= 'a' && c <= 'z';
}

/* The byte a key press produces, or 0 for none. */
static char translate(u8 code)
{
	if (code >= sizeof(keymap) || !keymap[code])
		return 0;
	char c = keymap[code];
	bool upper = kbd.shift != (kbd.capslock && is_letter(c));
	if (kbd.ctrl)
		return is_letter(c) ? c & 0x1f : 0;
	return upper ? keymap_shift[code] : c;
}

static void input_string(const char *s)
{
	while (*s)
		console_input_char(*s++);
}

/* The keys after 0xe0 that mean something: the cursor keys, and scrolling. */
static void extended_key(u8 code)
{
	switch (code) {
	case SC_UP: input_string("\x1b[A"); break;
	case SC_DOWN: input_string("\x1b[B"); break;
	case SC_RIGHT: input_string("\x1b[C"); break;
	case SC_LEFT: input_string("\x1b[D"); break;
	case SC_HOME: input_string("\x1b[H"); break;
	case SC_END: input_string("\x1b[F"); break;
	case SC_DELETE: input_string("\x1b[3~"); break;
	case SC_PGUP: if (kbd.shift) vga_scroll(-VGA_SCROLL_STEP); break;
	case SC_PGDN: if (kbd.shift) vga_scroll(VGA_SCROLL_STEP); break;
	}
}

static void handle_scancode(u8 sc)
{
	bool released = sc & SC_RELEASE;
	u8 code = sc & ~SC_RELEASE;
	bool extended = kbd.extended;

	kbd.extended = false;
	if (sc == SC_EXTENDED)
		kbd.extended = true;
	else if (code == SC_LSHIFT || code == SC_RSHIFT)
		kbd.shift = extended ? kbd.shift : !released; /* 0xe0 0x2a is a "fake shift": not a key */
	else if (code == SC_LCTRL)
		kbd.ctrl = !released;
	else if (released)
		return;
	else if (extended)
		extended_key(code);
	else if (code == SC_CAPSLOCK)
		kbd.capslock = !kbd.capslock;
	else if (translate(code))
		console_input_char(translate(code));
}

static void keyboard_interrupt(void)
{
	while (inb(KBD_STATUS) & KBD_OUTPUT_FULL)
		handle_scancode(inb(KBD_DATA));
}

void keyboard_init(void)
{
	/* Drop whatever was typed before we listened (e.g. at the GRUB menu). */
	while (inb(KBD_STATUS) & KBD_OUTPUT_FULL)
		inb(KBD_DATA);
	request_irq(IRQ_KEYBOARD, keyboard_interrupt);
}
