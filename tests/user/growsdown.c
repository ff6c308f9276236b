/*
 * MAP_GROWSDOWN's rules, as Linux keeps them:
 *   - a shared mapping cannot grow down: mmap says EINVAL (Cowl once let it
 *     grow past its shared object's page array and panicked);
 *   - a private one grows by a page when the page below it is touched,
 *     unless that would leave less than the stack guard gap (1 MiB, Linux's
 *     stack_guard_gap default) above the mapping below it, or reach under
 *     mmap_min_addr: then the touch is SIGSEGV;
 *   - MAP_FIXED under mmap_min_addr is EPERM.
 * mmap_min_addr is read from /proc/sys/vm/mmap_min_addr (64 KiB where the
 * file is missing, Cowl's value).  Every touch that may fault runs in a child.
 */
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include "procutil.h"
#include "test.h"

#define PAGE 4096ul
#define GUARD_GAP (1ul << 20)
/* Far from the program, its heap, the mmap area and the stack, on Linux and Cowl. */
#define AREA 0x200000000ul

static volatile char *touch_at, *touch_next;

static void touch(void)
{
	*touch_at = 1;
	if (touch_next)
		*touch_next = 1;
	_exit(*touch_at == 1 ? 0 : 1);
}

/*
 * Touch addr, then next if not 0, in a child: 0 if it worked, the signal
 * that killed the child otherwise, -1 on other exits.
 */
static int touch_two_in_child(unsigned long addr, unsigned long next)
{
	touch_at = (volatile char *)addr;
	touch_next = (volatile char *)next;
	int status = run_in_child(touch);

	if (WIFEXITED(status))
		return WEXITSTATUS(status) ? -1 : 0;
	return WIFSIGNALED(status) ? WTERMSIG(status) : -1;
}

static int touch_in_child(unsigned long addr)
{
	return touch_two_in_child(addr, 0);
}

static unsigned long mmap_min_addr(void)
{
	char buf[32];
	int fd = open("/proc/sys/vm/mmap_min_addr", O_RDONLY);

	if (fd < 0)
		return 64 * 1024;
	read_all(fd, buf, sizeof(buf));
	close(fd);
	return strtoul(buf, NULL, 10);
}

static void *map_at(unsigned long addr, unsigned long len, int flags)
{
	return mmap((void *)addr, len, PROT_READ | PROT_WRITE, MAP_ANONYMOUS | MAP_FIXED_NOREPLACE | flags, -1, 0);
}

static void shared_refused(void)
{
	void *p = mmap(NULL, 4 * PAGE, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS | MAP_GROWSDOWN, -1, 0);

	if (CHECK("shared_growsdown_einval", p == MAP_FAILED && errno == EINVAL))
		return;
	/*
	 * Accepted after all: growing by the page below would shift the top page
	 * past the shared object's end.  One of the two touches must fault
	 * (SIGSEGV, or SIGBUS past the end), never reach beyond the object.
	 */
	int sig = touch_two_in_child((unsigned long)p - PAGE, (unsigned long)p + 3 * PAGE);
	CHECK("shared_growth_faults", sig == SIGSEGV || sig == SIGBUS);
	munmap((char *)p - PAGE, 5 * PAGE);
}

static void private_grows(void)
{
	unsigned long top = AREA + 64 * PAGE;

	if (!CHECK("private_growsdown_maps", map_at(top, 4 * PAGE, MAP_PRIVATE | MAP_GROWSDOWN) == (void *)top))
		return;
	CHECK_EQ("private_page_below_grows", touch_in_child(top - PAGE), 0);
	munmap((void *)top, 4 * PAGE);
}

/* A mapping lies gap bytes under the growsdown one; touching the page below must respect the guard gap. */
static void guard_gap(const char *name, unsigned long gap, int want)
{
	unsigned long low = AREA + 256 * PAGE, top = low + PAGE + gap;
	char maps[64];

	snprintf(maps, sizeof(maps), "%s_maps", name);
	if (!CHECK(maps, map_at(low, PAGE, MAP_PRIVATE) == (void *)low &&
				 map_at(top, 4 * PAGE, MAP_PRIVATE | MAP_GROWSDOWN) == (void *)top))
		return;
	CHECK_EQ(name, touch_in_child(top - PAGE), want);
	munmap((void *)low, PAGE);
	munmap((void *)top, 4 * PAGE);
}

static void min_addr_rules(unsigned long min)
{
	void *p;

	if (!CHECK("growsdown_at_min_addr_maps", map_at(min, 2 * PAGE, MAP_PRIVATE | MAP_GROWSDOWN) == (void *)min))
		return;
	CHECK_EQ("grow_under_min_addr_segv", touch_in_child(min - PAGE), SIGSEGV);
	munmap((void *)min, 2 * PAGE);
	p = mmap((void *)(min - PAGE), PAGE, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
	if (p != MAP_FAILED && !on_cowl() && __syscall0(__NR_geteuid) == 0) {
		/* Linux lets a process with CAP_SYS_RAWIO map low (cap_mmap_addr); Cowl has no capabilities. */
		SKIP("fixed_under_min_addr_eperm", "root with CAP_SYS_RAWIO may map under mmap_min_addr on Linux");
		munmap(p, PAGE);
		return;
	}
	CHECK("fixed_under_min_addr_eperm", p == MAP_FAILED && errno == EPERM);
}

int main(void)
{
	unsigned long min = mmap_min_addr();

	shared_refused();
	private_grows();
	guard_gap("guard_gap_too_small_segv", 64 * 1024, SIGSEGV);
	guard_gap("guard_gap_kept_grows", GUARD_GAP + 4 * PAGE, 0);
	if (min >= PAGE)
		min_addr_rules(min);
	else
		SKIP_ALL("mmap_min_addr is 0 here", "growsdown_at_min_addr_maps", "grow_under_min_addr_segv",
			 "fixed_under_min_addr_eperm");
	return test_done();
}
