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
#include <memblock.h>
#include <gfp.h>
#include <slab.h>
#include <pgtable.h>
#include <time.h>
#include <selftest.h>
#include <power.h>
#include <binfmts.h>
#include <asm/fpu.h>
#include <asm/pic.h>
#include <asm/processor.h>
#include <asm/cpuinfo.h>
#include <asm/desc.h>
#include <asm/cpu.h>
#include <asm/percpu.h>
#include <asm/acpi.h>
#include <asm/apic.h>
#include <smp.h>
#include <smp_lock.h>
#include <sched.h>
#include <fs.h>
#include <trace.h>
#include <mm.h>

static char cmdline_buf[CMDLINE_MAX];
static u64 tsc_at_entry; /* the TSC counts from the machine's reset, so this is the firmware's and GRUB's time */

static void parse_command_line(void)
{
	strlcpy(cmdline_buf, bootinfo.cmdline, sizeof(cmdline_buf));
	if (cmdline_parse(cmdline_buf, &kernel_cmdline) < 0)
		pr_warn("command line: too many words, the rest is ignored\n");
	if (cmdline_has(&kernel_cmdline, "quiet"))
		console_loglevel = CONSOLE_LOGLEVEL_QUIET;
	const char *panic_arg = cmdline_get(&kernel_cmdline, "panic");
	if (panic_arg && panic_timeout_parse(panic_arg) < 0)
		pr_warn("panic=%s: not a number of seconds, panics halt\n", panic_arg);
	const char *mode = cmdline_get(&kernel_cmdline, "fork");
	int m = mode ? fork_mode_parse(mode) : FORK_CLASSIC;
	if (m < 0)
		pr_warn("fork=%s: unknown mode (know: classic,odf), fork stays classic\n", mode);
	fork_mode = m < 0 ? FORK_CLASSIC : m;
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
	u64 khz = tsc_khz();
	pr_info("memory: %lu KiB total, %lu KiB free; TSC %lu MHz\n",
		nr_total_pages() * (PAGE_SIZE / 1024), nr_free_pages() * (PAGE_SIZE / 1024), (unsigned long)(khz / 1000));
	pr_info("boot: %lu ms from reset to kernel_main, %lu ms in the kernel so far\n",
		(unsigned long)(tsc_at_entry / khz), (unsigned long)((rdtsc() - tsc_at_entry) / khz));
}

/* pid 1 starts as a kernel thread and becomes /sbin/init by exec. */
static int kernel_init(void *unused)
{
	static const char *const envp[] = { "HOME=/", "TERM=linux", "PATH=/bin:/sbin", NULL };
	const char *argv[CMDLINE_MAX_ARGS + 2] = { "/sbin/init" };

	(void)unused;
	for (unsigned i = 0; i < kernel_cmdline.nr_init_args; i++)
		argv[i + 1] = kernel_cmdline.init_args[i];
	if (console_setup_stdio() < 0)
		panic("cannot open /dev/console");
	int err = kernel_execve(argv[0], argv, envp);
	if (err)
		panic("no working init found: /sbin/init: error %d", err);
	return 0; /* ret_from_fork returns to user mode, into init */
}

static void run_selftests(const char *selection)
{
	int failed = run_kernel_selftests(selection);

	pr_info("selftest: %d failed\n", failed);
	if (!kernel_cmdline.nr_init_args)
		machine_exit(failed ? EXIT_TESTS_FAILED : EXIT_OK);
}

static void start_processes(void)
{
	sched_init();
	vfs_init();
	init_task.files = files_alloc();
	init_task.fs = fs_alloc_root();
	if (!init_task.files || !init_task.fs)
		panic("out of memory starting init");
	syscall_init();
	if (kernel_thread(kernel_init, NULL, "init", 0) < 0)
		panic("cannot create init");
}

__noreturn void kernel_main(u32 mb_magic, u64 mb_info)
{
	tsc_at_entry = rdtsc();
	percpu_setup(0, &init_task);
	serial_init();
	vga_init();
	multiboot2_parse(mb_magic, mb_info);
	parse_command_line();
	gdt_init();
	idt_init();
	fpu_init();
	setup_smep();
	identify_cpu(0);
	pic_init();
	mm_init();
	timer_init();
	timekeeping_init();
	print_banner();
	acpi_init();
	apic_intr_mode_init();

	const char *trace = cmdline_get(&kernel_cmdline, "trace");
	if (trace && (int)(trace_mask = trace_parse(trace)) < 0) {
		pr_warn("trace=%s: unknown event kind (know: cow,fault,clone,exec,exit,wait,sched,odf,all)\n", trace);
		trace_mask = 0;
	}
	lock_kernel(); /* kernel code runs under the big kernel lock from here on, as on every CPU (smp_lock.h) */
	start_processes();
	smp_init();
	const char *selection = cmdline_get(&kernel_cmdline, "selftest");
	if (selection)
		run_selftests(selection);
	serial_enable_rx_irq();
	keyboard_init();
	unlock_kernel(); /* cpu_idle() takes it to schedule */
	cpu_idle();
}
