/*
 * cowdemo: watch copy-on-write happen to four pages.
 *
 * The page frame number (PFN) behind each virtual page comes from
 * /proc/<pid>/pagemap, and how many page tables map that frame from
 * /proc/kpagecount: Linux's own files, so this runs unchanged on Linux
 * (as root, which may read PFNs).  A child created by fork is driven step
 * by step over a pipe, so that the tables show one event at a time.
 *
 * On Cowl under fork=odf (/proc/cowl/fork_mode) fork shares the leaf page
 * table itself: then the pages lie at the start of a 2 MiB-aligned mapping
 * of 2 MiB, so their table is one fork may share, and the captions and the
 * odf_table_* counters of /proc/vmstat follow what the kernel does then.
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/user.h>
#include <sys/wait.h>
#include <unistd.h>

#define NPAGES 4
#define STRETCH (2UL << 20) /* what one leaf page table maps */
#define PM_PRESENT (1ull << 63)
#define PM_PFN_MASK ((1ull << 55) - 1)

static char *pages; /* NPAGES private anonymous pages, at the start of a 2 MiB stretch */
static int odf;     /* Cowl, fork=odf */

/* 2 MiB of private anonymous memory on a 2 MiB boundary: one leaf table maps all of it. */
static char *map_stretch(void)
{
	char *raw = mmap(NULL, 2 * STRETCH, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	if (raw == MAP_FAILED)
		return raw;
	char *start = (char *)(((unsigned long)raw + STRETCH - 1) & ~(STRETCH - 1));
	if (start > raw)
		munmap(raw, (size_t)(start - raw));
	munmap(start + STRETCH, (size_t)(raw + STRETCH - start));
	return start;
}

/* Whether Cowl's fork mode is odf (0 on Linux, which has no such file). */
static int fork_mode_is_odf(void)
{
	char mode[16] = "";
	int fd = open("/proc/cowl/fork_mode", O_RDONLY);

	if (fd < 0)
		return 0;
	ssize_t n = read(fd, mode, sizeof(mode) - 1);
	close(fd);
	return n >= 3 && !strncmp(mode, "odf", 3);
}

/* Under odf: the kernel's counts of leaf tables shared, copied and taken back, from /proc/vmstat. */
static void show_odf_counters(void)
{
	static const char *const names[] = { "odf_table_share", "odf_table_copy", "odf_table_reuse" };
	char buf[4096] = "";
	int fd = open("/proc/vmstat", O_RDONLY);

	if (!odf || fd < 0)
		return;
	ssize_t n = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	buf[n > 0 ? n : 0] = '\0';
	printf("  tables (whole system):");
	for (int i = 0; i < 3; i++) {
		char *line = strstr(buf, names[i]);
		printf(" %s %ld", names[i] + 10, line ? strtol(line + strlen(names[i]), NULL, 10) : -1L);
	}
	putchar('\n');
}

/* Reads the 8-byte entry number `index` of a /proc table file; 0 if unreadable. */
static unsigned long long read_entry(const char *path, unsigned long long index)
{
	unsigned long long entry = 0;
	int fd = open(path, O_RDONLY);

	if (fd < 0)
		return 0;
	if (lseek(fd, (off_t)(index * 8), SEEK_SET) < 0 || read(fd, &entry, 8) != 8)
		entry = 0;
	close(fd);
	return entry;
}

/* The frame that maps page i of `pid`, or 0 if the page is not present. */
static unsigned long pfn_of(pid_t pid, int i)
{
	char path[64];

	snprintf(path, sizeof(path), "/proc/%d/pagemap", pid);
	unsigned long long e = read_entry(path, (unsigned long)(pages + i * PAGE_SIZE) / PAGE_SIZE);
	return e & PM_PRESENT ? (unsigned long)(e & PM_PFN_MASK) : 0;
}

static unsigned long map_count(unsigned long pfn)
{
	return (unsigned long)read_entry("/proc/kpagecount", pfn);
}

/* One row per page: the frame each process maps and how many page tables map it. */
static void show(const char *title, pid_t parent, pid_t child)
{
	printf("\n%s\n", title);
	printf("  page  parent frame  count%s\n", child ? "   child frame  count  same frame?" : "");
	for (int i = 0; i < NPAGES; i++) {
		unsigned long p = pfn_of(parent, i);
		printf("  %4d  %12lx  %5lu", i, p, map_count(p));
		if (child) {
			unsigned long c = pfn_of(child, i);
			printf("  %12lx  %5lu  %s", c, map_count(c), c == p ? "yes" : "no (copied)");
		}
		putchar('\n');
	}
	show_odf_counters();
	fflush(stdout);
}

/* The child: waits for a page number on `cmd`, writes to that page, acknowledges on `ack`. */
static void child_loop(int cmd, int ack)
{
	char page;

	while (read(cmd, &page, 1) == 1) {
		pages[page * PAGE_SIZE] = 'C';
		write(ack, &page, 1);
	}
	_exit(0);
}

/* Asks the child to write page i and waits until it has. */
static void child_writes(int cmd, int ack, char i)
{
	write(cmd, &i, 1);
	read(ack, &i, 1);
}

int main(void)
{
	int to_child[2], to_parent[2];
	pid_t me = getpid();

	odf = fork_mode_is_odf();
	/* Only odf needs the whole stretch (elsewhere, Linux with THP could map it as one huge page). */
	pages = odf ? map_stretch() : mmap(NULL, NPAGES * PAGE_SIZE, PROT_READ | PROT_WRITE,
					      MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (pages == MAP_FAILED || pipe(to_child) < 0 || pipe(to_parent) < 0) {
		perror("cowdemo");
		return 1;
	}
	for (int i = 0; i < NPAGES; i++)
		pages[i * PAGE_SIZE] = 'P'; /* a write gives each page its own frame */
	if (!pfn_of(me, 0)) {
		puts("cowdemo: /proc/self/pagemap shows no frame numbers (on Linux, run as root)");
		return 1;
	}
	printf("cowdemo (pid %d): %d private pages at %p, each written once.%s\n", me, NPAGES, (void *)pages,
	       odf ? "  fork mode: odf." : "");
	show("1. Before fork: each page has its own frame, mapped once.", me, 0);

	pid_t child = fork();
	if (child < 0) {
		perror("fork");
		return 1;
	}
	if (child == 0) {
		close(to_child[1]); /* or our own copy would keep the pipe open: no EOF, no exit */
		child_loop(to_child[0], to_parent[1]);
	}
	close(to_child[0]);
	close(to_parent[1]);

	show(odf ? "2. After fork (odf): the child got no copies and no leaf page table: its PMD\n"
		   "   entry points at the parent's table, both entries read-only.  ONE table\n"
		   "   maps the SAME frames for both, so each frame is mapped once."
		 : "2. After fork: the child got no copies.  Both page tables map the SAME\n"
		   "   frames, now read-only, so each frame is mapped twice.",
	     me, child);

	child_writes(to_child[1], to_parent[0], 1);
	show(odf ? "3. The child wrote page 1: the write faulted on the read-only PMD entry; the\n"
		   "   kernel gave the child its own copy of the table (every PTE read-only, so\n"
		   "   every frame is now mapped twice), then the ordinary COW fault copied\n"
		   "   page 1 for the child.  The parent's frame 1 is mapped only once."
		 : "3. The child wrote page 1: the write faulted, the kernel saw the frame was\n"
		   "   shared (count 2), gave the child a copy, and dropped the child's mapping\n"
		   "   of the old frame.  The parent's frame is now mapped only once.",
	     me, child);

	unsigned long before = pfn_of(me, 1);
	pages[1 * PAGE_SIZE] = 'p';
	unsigned long after = pfn_of(me, 1);
	show(odf ? "4. The parent wrote page 1: it faulted too.  It was the last user of the\n"
		   "   shared table, so the kernel took the table back (PMD entry writable,\n"
		   "   no copy); its PTE was still read-only, the frame's last user again:\n"
		   "   made writable, copied nothing."
		 : "4. The parent wrote page 1: it faulted too (its PTE was still read-only),\n"
		   "   but it is the frame's last user, so the kernel made the PTE writable\n"
		   "   again and copied nothing.",
	     me, child);
	printf("   parent's page 1: frame %lx before the write, %lx after: %s\n", before, after,
	       before == after ? "reused, no copy" : "copied (unexpected!)");

	close(to_child[1]);
	waitpid(child, NULL, 0);
	show("5. The child exited: its mappings are gone, every frame is mapped once again.", me, 0);
	printf("\nPages 0, 2 and 3 were never written after fork, so they were never copied.\n");
	return 0;
}
