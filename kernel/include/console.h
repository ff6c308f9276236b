/* The consoles printk and /dev/console write to, and where input comes from. */
#ifndef CONSOLE_H
#define CONSOLE_H
#include <types.h>

void serial_init(void);
void serial_write(const char *s, size_t n);
void serial_enable_rx_irq(void);
void vga_init(void);
void vga_write(const char *s, size_t n);
/* Moves the VGA view `rows` rows down (negative: back into what scrolled off), at most to the bottom. */
void vga_scroll(long rows);
#define VGA_SCROLL_STEP 12 /* rows per Shift+PgUp / Shift+PgDn: half a screen */
void debugcon_write(const char *s, size_t n);

/* Called from the serial and keyboard interrupt handlers with one input byte. */
void console_input_char(char c);
/* The PS/2 keyboard (arch/x86_64/keyboard.c): feeds console_input_char from IRQ 1. */
void keyboard_init(void);
#endif
