/*
 * The PS/2 keyboard on IRQ 1.  The i8042 controller hands us scancode set 1
 * (it translates for us by default): one byte per key press, the same byte
 * with bit 7 set on release, and 0xe0 before the keys added after the
 * original PC keyboard (OSDev "PS/2 Keyboard", "Scan Code Set 1").
 * Shift, Ctrl and Caps Lock are tracked here; every other key that has an
 * ASCII meaning goes to the console's line editing.
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

/* US layout, scancodes 0x00-0x39. */
static const char keymap[] = {
	0, 0x1b, '1', '2', '3', '4', '5', '6', '7', '8', '9', '0', '-', '=', '\b', '\t',
	'q', 'w', 'e', 'r', 't', 'y', 'u', 'i', 'o', 'p', '[', ']', '\n', 0, 'a', 's',
	'd', 'f', 'g', 'h', 'j', 'k', 'l', ';', '\'', '`', 0, '\\', 'z', 'x', 'c', 'v',
	'b', 'n', 'm', ',', '.', '/', 0, '*', 0, ' ',
};
static const char keymap_shift[] = {
	0, 0x1b, '!', '@', '#', '$', '%', '^', '&', '*', '(', ')', '_', '+', '\b', '\t',
	'Q', 'W', 'E', 'R', 'T', 'Y', 'U', 'I', 'O', 'P', '{', '}', '\n', 0, 'A', 'S',
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

static void handle_scancode(u8 sc)
{
	bool released = sc & SC_RELEASE;
	u8 code = sc & ~SC_RELEASE;
	bool extended = kbd.extended;

	kbd.extended = false;
	if (sc == SC_EXTENDED)
		kbd.extended = true;
	else if (code == SC_LSHIFT || code == SC_RSHIFT)
		kbd.shift = !released;
	else if (code == SC_LCTRL)
		kbd.ctrl = !released;
	else if (released || extended)
		return; /* releases, and arrows and the like, mean nothing to a line editor */
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
