/*
 * mmap, mprotect and munmap split and merge VMAs, seen through
 * /proc/self/maps (proc(5)), the same file on Linux and on Cowl.
 */
#include <fcntl.h>
#include <stdlib.h>
#include <sys/mman.h>
#include "test.h"

#define PAGE 4096ul

/* How many lines of /proc/self/maps lie inside [start, end). */
static int vmas_in(char *start, char *end)
{
	static char maps[16384];
	int fd = open("/proc/self/maps", O_RDONLY), count = 0;

	read_all(fd, maps, sizeof(maps));
	close(fd);
	for (char *line = maps; *line; line = strchr(line, '\n') + 1) {
		unsigned long lo = strtoul(line, NULL, 16), hi = strtoul(strchr(line, '-') + 1, NULL, 16);
		if (lo >= (unsigned long)start && hi <= (unsigned long)end)
			count++;
		if (!strchr(line, '\n'))
			break;
	}
	return count;
}

int main(void)
{
	/* Four pages, reserved as one mapping so nothing else lands in between. */
	char *p = mmap(NULL, 4 * PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	char *end = p + 4 * PAGE;

	CHECK("one_mapping_one_vma", p != MAP_FAILED && vmas_in(p, end) == 1);
	CHECK("mprotect_middle_splits_in_three", mprotect(p + PAGE, PAGE, PROT_READ) == 0 && vmas_in(p, end) == 3);
	CHECK("mprotect_back_merges", mprotect(p + PAGE, PAGE, PROT_READ | PROT_WRITE) == 0 && vmas_in(p, end) == 1);
	CHECK("munmap_middle_leaves_two", munmap(p + 2 * PAGE, PAGE) == 0 && vmas_in(p, end) == 2);
	char *q = mmap(p + 2 * PAGE, PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
	CHECK("refilling_the_hole_merges", q == p + 2 * PAGE && vmas_in(p, end) == 1);
	p[0] = 1, p[3 * PAGE] = 2;
	CHECK("merged_memory_keeps_its_data", p[0] == 1 && p[3 * PAGE] == 2 && q[0] == 0);
	CHECK("different_rights_do_not_merge",
	      mprotect(p, 2 * PAGE, PROT_READ) == 0 && vmas_in(p, end) == 2);
	CHECK("munmap_all_leaves_none", munmap(p, 4 * PAGE) == 0 && vmas_in(p, end) == 0);
	return test_done();
}
