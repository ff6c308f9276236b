/*
 * kernel_main: where boot.asm lands, in 64-bit mode on the higher-half
 * mapping with a temporary stack.  It brings the machine up in the order
 * each part needs the previous one (see docs/boot.md), then either runs the
 * self-tests or starts the first user process.
 */
#include <bootinfo.h>
#include <cmdline.h>
#include <string.h>
#include <console.h>
#include <printk.h>
#include <mm.h>
#include <time.h>
#include <selftest.h>
#include <power.h>
#include <arch.h>
#include <pic.h>
#include <asm/desc.h>
#include <asm/cpu.h>

static char cmdline_buf[CMDLINE_MAX];

static void parse_command_line(void)
{
	strlcpy(cmdline_buf, bootinfo.cmdline, sizeof(cmdline_buf));
	if (cmdline_parse(cmdline_buf, &kernel_cmdline) < 0)
		pr_warn("command line: too many words, the rest is ignored\n");
	if (cmdline_has(&kernel_cmdline, "quiet"))
		console_loglevel = CONSOLE_LOGLEVEL_QUIET;
}

static void mm_init(void)
{
	memblock_init();
	page_alloc_init();
	paging_init();
	kmalloc_init();
}

static void print_banner(void)
{
	pr_info("Cowl: a teaching kernel for x86-64 (fork, clone and copy-on-write)\n");
	pr_info("command line: %s\n", bootinfo.cmdline);
	pr_info("memory: %lu KiB total, %lu KiB free; TSC %lu MHz\n",
		nr_total_pages() * 4, nr_free_pages() * 4, (unsigned long)(tsc_khz() / 1000));
}

static __noreturn void run_selftests_and_exit(const char *selection)
{
	int failed = run_kernel_selftests(selection);

	pr_info("selftest: %d failed\n", failed);
	machine_exit(failed ? EXIT_TESTS_FAILED : EXIT_OK);
}

__noreturn void kernel_main(u32 mb_magic, u64 mb_info)
{
	serial_init();
	vga_init();
	multiboot2_parse(mb_magic, mb_info);
	parse_command_line();
	gdt_init();
	idt_init();
	fpu_init();
	pic_init();
	mm_init();
	timer_init();
	print_banner();

	const char *selection = cmdline_get(&kernel_cmdline, "selftest");
	if (selection)
		run_selftests_and_exit(selection);
	pr_info("no init yet: halting\n");
	for (;;)
		safe_halt();
}
