/*
 * Many VMAs, and the limit on them (vm.max_map_count, 65530 by default on
 * Linux and on Cowl).  Write-protecting every other page of one big mapping
 * cuts it into many VMAs, two more per mprotect.  Near the limit, a cut
 * fails with ENOMEM, and so does an munmap that would cut a VMA in three;
 * fork of 60,000 VMAs completes (its cost is `make bench`'s, not checked
 * here), and the child sees the pages as the parent left them.  The limit
 * is read from /proc/sys/vm/max_map_count where there is one.
 */
#include <fcntl.h>
#include <stdlib.h>
#include <sys/mman.h>
#include "test.h"

#define PAGE 4096ul
#define DEFAULT_MAX_MAP_COUNT 65530
#define FORK_VMAS 60000
#define MAP_PAGES (2ul * DEFAULT_MAX_MAP_COUNT + 64)

static char *map;

static long max_map_count(void)
{
	char buf[32];
	int fd = open("/proc/sys/vm/max_map_count", O_RDONLY);

	if (fd < 0)
		return DEFAULT_MAX_MAP_COUNT;
	read_all(fd, buf, sizeof(buf));
	close(fd);
	return strtol(buf, NULL, 10);
}

/* The number of VMAs: the lines of /proc/self/maps. */
static long count_vmas(void)
{
	static char buf[1 << 16];
	long lines = 0;
	ssize_t n;
	int fd = open("/proc/self/maps", O_RDONLY);

	if (fd < 0)
		return -1;
	while ((n = read(fd, buf, sizeof(buf))) > 0)
		for (ssize_t i = 0; i < n; i++)
			lines += buf[i] == '\n';
	close(fd);
	return lines;
}

/* Write-protect page 2i+1 for i from `from` on, while the VMAs stay under `want`; returns the next i. */
static long cut_until(long from, long vmas, long want, int *err)
{
	long i = from;

	*err = 0;
	for (; vmas + 2 <= want; i++, vmas += 2)
		if (mprotect(map + (2 * i + 1) * PAGE, PAGE, PROT_READ)) {
			*err = errno;
			break;
		}
	return i;
}

/* The child reads a written page and a write-protected one, and writes its own copy of the first. */
static void child_checks_pages(void)
{
	if (map[0] != 1 || map[PAGE] != 2)
		_exit(1);
	map[0] = 3;
	_exit(0);
}

/* Cut the mapping to 60,000 VMAs and fork; returns how many cuts were made. */
static long fork_many(long vmas)
{
	int err;
	long cut = cut_until(0, vmas, FORK_VMAS, &err);

	CHECK_EQ("cut_to_60000_vmas", err, 0);
	CHECK("count_near_60000", count_vmas() >= FORK_VMAS - 2);
	int status = run_in_child(child_checks_pages);
	CHECK("fork_60000_vmas", WIFEXITED(status) && WEXITSTATUS(status) == 0);
	CHECK("parent_page_kept", map[0] == 1);
	return cut;
}

int main(void)
{
	long limit = max_map_count(), base = count_vmas();
	int err;

	map = mmap(NULL, MAP_PAGES * PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1,
		   0);
	if (!CHECK("big_mapping", map != MAP_FAILED && base > 0 && limit > FORK_VMAS))
		return test_done();
	map[0] = 1;
	map[PAGE] = 2;
	long cut = fork_many(base + 1);
	/* On to the limit: the cut that would pass it is refused. */
	cut = cut_until(cut, base + 1 + 2 * cut, limit + 4, &err);
	CHECK_EQ("cut_past_limit_enomem", err, ENOMEM);
	long vmas = count_vmas();
	CHECK("count_at_limit", vmas >= limit - 1 && vmas <= limit + 1);
	/* An unmap inside one VMA would leave a piece each side: one VMA more, refused too. */
	char *last = map + (2 * cut + 4) * PAGE;
	CHECK_ERRNO("munmap_split_enomem", munmap(last, PAGE), ENOMEM);
	CHECK("pages_kept", map[0] == 1 && map[PAGE] == 2 && last[0] == 0);
	CHECK_EQ("munmap_all", munmap(map, MAP_PAGES * PAGE), 0);
	CHECK_EQ("count_back", count_vmas(), base);
	return test_done();
}
