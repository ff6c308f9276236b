/*
 * Each process's count of copy-on-write faults, the "CowFaults:" line of
 * /proc/PID/status (lab cow, optional part): every write fault that
 * do_wp_page resolves in a COW mapping, by a copy or by reusing the page,
 * counts once in the address space that took it; a child's count starts
 * at zero.  Cowl only: Linux's status file has no such line, so there the
 * checks SKIP.
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>
#include "test.h"

#define PAGE 4096UL
#define PAGES 64
#define SLACK 8 /* faults of our own stack and buffers around the measured writes */

/* The CowFaults value of process pid (0: ourselves), or -1 if its status has none. */
static long cow_faults(pid_t pid)
{
	static char buf[2048];
	char path[64];
	ssize_t n, len = 0;

	snprintf(path, sizeof(path), "/proc/%d/status", pid ? pid : getpid());
	int fd = open(path, O_RDONLY);
	if (fd < 0)
		return -1;
	while (len + 1 < (ssize_t)sizeof(buf) && (n = read(fd, buf + len, sizeof(buf) - 1 - (size_t)len)) > 0)
		len += n;
	close(fd);
	buf[len] = '\0';
	char *line = strstr(buf, "\nCowFaults:");
	return line ? strtol(line + sizeof("\nCowFaults:") - 1, NULL, 10) : -1;
}

static void write_pages(volatile char *mem, char value)
{
	for (unsigned long i = 0; i < PAGES; i++)
		mem[i * PAGE] = value;
}

static int about(long got, long want)
{
	return got >= want && got <= want + SLACK;
}

/* The child exits at once: each page has one owner left, our writes reuse them all. */
static void parent_reuses(volatile char *mem)
{
	int status;
	pid_t pid = fork();

	if (pid == 0)
		_exit(0);
	waitpid(pid, &status, 0);
	long before = cow_faults(0);
	write_pages(mem, 2);
	CHECK("parent_counts_its_reuses", about(cow_faults(0) - before, PAGES));
}

/* The parent keeps the pages mapped: the child's writes copy them all, in the child's count only. */
static void child_copies(volatile char *mem)
{
	int report[2], go[2], status;
	long counts[2] = { -1, -1 };
	char c;

	pipe(report);
	pipe(go);
	long parent_before = cow_faults(0);
	pid_t pid = fork();
	if (pid == 0) {
		counts[0] = cow_faults(0);
		write_pages(mem, 3);
		counts[1] = cow_faults(0);
		write(report[1], counts, sizeof(counts));
		read(go[0], &c, 1);
		_exit(0);
	}
	read(report[0], counts, sizeof(counts));
	long seen = cow_faults(pid);
	write(go[1], "x", 1);
	waitpid(pid, &status, 0);
	/* Ours is at least PAGES by now: a child that inherited it would start there. */
	CHECK("child_starts_fresh", counts[0] >= 0 && counts[0] < PAGES && parent_before >= PAGES);
	CHECK("child_counts_its_copies", about(counts[1] - counts[0], PAGES));
	CHECK("seen_from_another_process", about(seen, counts[1]));
	CHECK("parent_count_unchanged", about(cow_faults(0), parent_before));
}

int main(void)
{
	if (cow_faults(0) < 0) {
		SKIP_ALL("Cowl only: Linux's /proc/PID/status has no CowFaults line", "parent_counts_its_reuses",
			 "child_starts_fresh", "child_counts_its_copies", "seen_from_another_process",
			 "parent_count_unchanged");
		return test_done();
	}
	volatile char *mem = mmap(NULL, PAGES * PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (!CHECK("map", mem != MAP_FAILED))
		return test_done();
	write_pages(mem, 1);
	parent_reuses(mem);
	child_copies(mem);
	munmap((void *)mem, PAGES * PAGE);
	return test_done();
}
