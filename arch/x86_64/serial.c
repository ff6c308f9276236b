/*
 * COM1, the 16550 UART at I/O port 0x3f8: 115200 baud, 8N1.  Output is
 * polled (the transmit register drains quickly under QEMU); input raises
 * IRQ 4, handled by serial_interrupt().
 *
 * The FIFOs stay as the firmware left them (GRUB leaves them off).
 * Turning them on or clearing them empties the receiver (16550 data sheet,
 * FCR), and standard input piped into QEMU is there from reset: a byte
 * that came in between draining the receiver and writing FCR was lost (the
 * second byte of every piped input).  Left alone, what arrives before the
 * console wants input waits in the UART, QEMU holding the rest back, until
 * the interrupt reads it.
 */
#include <console.h>
#include <asm/io.h>
#include <irq.h>

#define COM1 0x3f8
#define UART_DATA 0
#define UART_IER 1    /* interrupt enable */
#define UART_LCR 3    /* line control */
#define UART_MCR 4    /* modem control: OUT2 gates the IRQ line */
#define UART_LSR 5    /* line status */
#define LSR_DATA_READY 0x01
#define LSR_THR_EMPTY 0x20
#define IRQ_COM1 4

void serial_init(void)
{
	outb(COM1 + UART_IER, 0x00);
	outb(COM1 + UART_LCR, 0x80);  /* DLAB on: next two ports are the divisor */
	outb(COM1 + 0, 1);            /* 115200 / 1 */
	outb(COM1 + 1, 0);
	outb(COM1 + UART_LCR, 0x03);  /* 8 bits, no parity, 1 stop, DLAB off */
	outb(COM1 + UART_MCR, 0x0b);  /* DTR, RTS, OUT2 */
}

static void serial_putc(char c)
{
	while (!(inb(COM1 + UART_LSR) & LSR_THR_EMPTY))
		;
	outb(COM1 + UART_DATA, c);
}

/* A terminal needs CR LF; the kernel and programs write LF alone (ONLCR). */
void serial_write(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '\n')
			serial_putc('\r');
		serial_putc(s[i]);
	}
}

static void serial_interrupt(void)
{
	/* A terminal's Enter key sends '\r': the tty's ICRNL makes it '\n'. */
	while (inb(COM1 + UART_LSR) & LSR_DATA_READY)
		console_input_char(inb(COM1 + UART_DATA));
}

void serial_enable_rx_irq(void)
{
	request_irq(IRQ_COM1, serial_interrupt);
	outb(COM1 + UART_IER, 0x01); /* interrupt when data is received */
}

/* QEMU's -debugcon device: one OUT per byte to port 0xe9, no handshake. */
void debugcon_write(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		outb(0xe9, s[i]);
}
