/*
 * On-demand fork (issue 13): leaf page tables shared copy-on-write.  A
 * region of three whole 2 MiB stretches, every page written, is forked,
 * and each process then writes, unmaps, protects or drops part of it:
 * the other must keep its data, whatever the kernel shares underneath.
 * These checks are plain fork semantics and pass on Linux too.
 *
 * On Cowl the test switches /proc/cowl/fork_mode to odf for its run (and
 * back), and also checks what odf does: tables shared at fork and copied
 * at a write (odf_table_* in /proc/vmstat), reads that copy nothing,
 * VmPTE of a child small under odf and not under classic, and fault
 * injection (/proc/cowl/fail_page_alloc) of the table copy at each step
 * leaking no frame.  Those SKIP on Linux, which has neither file.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>
#include "procutil.h"

#define PAGE 4096UL
#define STRETCH (2UL << 20)
#define STRETCHES 3
#define SIZE (STRETCHES * STRETCH)
#define NPAGES (SIZE / PAGE)
#define MID(s) ((s) * STRETCH + STRETCH / 2) /* a page in the middle of stretch s */
#define ONLY_COWL "Cowl only: Linux has no /proc/cowl/fork_mode or odf_table_* counters"

static int cowl;
static char *mem;

/* Write a byte back in place: the page faults in as written, its contents unchanged. */
static void touch(unsigned long off) { *(volatile char *)(mem + off) += 0; }

static unsigned char tag(unsigned long page, int round) { return (unsigned char)(page * 7 + round * 31 + 1); }

static void fill(int round)
{
	for (unsigned long i = 0; i < NPAGES; i++)
		mem[i * PAGE] = (char)tag(i, round);
}

/* Whether every page of [from, to) (byte offsets) still holds what fill(round) wrote. */
static int holds(unsigned long from, unsigned long to, int round)
{
	for (unsigned long off = from; off < to; off += PAGE)
		if ((unsigned char)mem[off] != tag(off / PAGE, round))
			return 0;
	return 1;
}

/* SIZE bytes of private anonymous memory, aligned to 2 MiB, so each stretch has one VMA over its whole table. */
static char *map_aligned(void)
{
	char *raw = mmap(NULL, SIZE + STRETCH, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	if (raw == MAP_FAILED)
		return NULL;
	char *start = (char *)(((unsigned long)raw + STRETCH - 1) & ~(STRETCH - 1));
	if (start > raw)
		munmap(raw, (size_t)(start - raw));
	munmap(start + SIZE, (size_t)(raw + STRETCH - start));
	return start;
}

static int write_text(const char *path, const char *text)
{
	int fd = open(path, O_WRONLY);
	ssize_t n = fd < 0 ? -1 : write(fd, text, strlen(text));

	if (fd >= 0)
		close(fd);
	return n == (ssize_t)strlen(text) ? 0 : -1;
}

static void set_mode(const char *mode)
{
	if (cowl)
		write_text("/proc/cowl/fork_mode", mode);
}

/* Runs fn in a child; its exit status is 0 if all was well. */
static int child_status(int (*fn)(void))
{
	int status;
	pid_t pid = fork();

	if (pid == 0)
		_exit(fn());
	if (pid < 0 || waitpid(pid, &status, 0) != pid || !WIFEXITED(status))
		return -1;
	return WEXITSTATUS(status);
}

static int child_writes_middle(void)
{
	mem[MID(1)] = 'c';
	return mem[MID(1)] == 'c' && holds(0, MID(1), 0) && holds(MID(1) + PAGE, SIZE, 0) ? 0 : 1;
}

static void write_in_child(void)
{
	long shared0 = vmstat("odf_table_share"), copied0 = vmstat("odf_table_copy");
	int st = child_status(child_writes_middle);
	long shared1 = vmstat("odf_table_share"), copied1 = vmstat("odf_table_copy");

	CHECK_EQ("child_write_mid_table_seen_by_child", st, 0);
	CHECK("child_write_leaves_parent_page", holds(0, SIZE, 0));
	if (!cowl) {
		SKIP("fork_shares_whole_tables", ONLY_COWL);
		SKIP("child_write_copies_a_table", ONLY_COWL);
		return;
	}
	CHECK("fork_shares_whole_tables", shared1 - shared0 >= STRETCHES);
	CHECK("child_write_copies_a_table", copied1 - copied0 >= 1);
}

/*
 * The child waits, reads, reports; the parent writes in the meantime.  Each
 * side closes the pipe ends it does not use: a parent killed by its write
 * (a kernel that cannot unshare) must end the child's wait, not hang it.
 */
static void write_in_parent(void)
{
	int go[2], done[2], status;
	char c = 0;

	pipe(go);
	pipe(done);
	pid_t pid = fork();
	if (pid == 0) {
		close(go[1]), close(done[0]);
		read(go[0], &c, 1);
		c = holds(0, SIZE, 0) ? 'y' : 'n';
		write(done[1], &c, 1);
		_exit(0);
	}
	close(go[0]), close(done[1]);
	mem[MID(0)] = 'p';
	mem[MID(2) + PAGE] = 'p';
	write(go[1], "x", 1);
	read(done[0], &c, 1);
	CHECK("parent_write_leaves_child_page", c == 'y');
	CHECK("parent_write_lands", mem[MID(0)] == 'p' && mem[MID(2) + PAGE] == 'p');
	CHECK("parent_child_exits", waitpid(pid, &status, 0) == pid && WIFEXITED(status));
	close(go[1]), close(done[0]);
	fill(0);
}

static int child_reads(void)
{
	long before = vmstat("odf_table_copy") + vmstat("odf_table_reuse");
	int ok = holds(0, SIZE, 0);
	long after = vmstat("odf_table_copy") + vmstat("odf_table_reuse");

	return !ok ? 1 : cowl && after != before ? 2 : 0;
}

static void reads_in_child(void)
{
	int st = child_status(child_reads);

	CHECK("child_reads_parent_data", st >= 0 && !(st & 1));
	if (cowl)
		CHECK("reads_never_unshare", st >= 0 && !(st & 2));
	else
		SKIP("reads_never_unshare", ONLY_COWL);
}

static int child_unmaps_part(void)
{
	/* 64 KiB from the middle of stretch 0, and the whole of stretch 2. */
	if (munmap(mem + MID(0), 16 * PAGE) || munmap(mem + 2 * STRETCH, STRETCH))
		return 1;
	return holds(0, MID(0), 0) && holds(MID(0) + 16 * PAGE, 2 * STRETCH, 0) ? 0 : 2;
}

static int child_protects(void)
{
	if (mprotect(mem + STRETCH, 8 * PAGE, PROT_READ) || mprotect(mem + MID(2), STRETCH / 2, PROT_NONE))
		return 1;
	return holds(0, MID(2), 0) ? 0 : 2;
}

static int child_drops(void)
{
	if (madvise(mem + MID(1), 4 * PAGE, MADV_DONTNEED) || madvise(mem, STRETCH, MADV_DONTNEED))
		return 1;
	for (unsigned long off = 0; off < STRETCH; off += PAGE)
		if (mem[off])
			return 2;
	return mem[MID(1)] == 0 && mem[MID(1) + 3 * PAGE] == 0 && holds(MID(1) + 4 * PAGE, SIZE, 0) ? 0 : 4;
}

static void edits_in_child(void)
{
	CHECK_EQ("child_munmap_part_and_whole", child_status(child_unmaps_part), 0);
	CHECK("munmap_in_child_parent_intact", holds(0, SIZE, 0));
	CHECK_EQ("child_mprotect", child_status(child_protects), 0);
	mem[STRETCH] = 'w', mem[MID(2)] = 'w';
	CHECK("mprotect_in_child_only", mem[STRETCH] == 'w' && mem[MID(2)] == 'w');
	fill(0);
	CHECK_EQ("child_madvise_dontneed_zeroes", child_status(child_drops), 0);
	CHECK("madvise_in_child_parent_intact", holds(0, SIZE, 0));
}

static int grandchild_writes(void)
{
	mem[MID(2)] = 'g';
	return holds(0, MID(2), 0) && holds(MID(2) + PAGE, SIZE, 0) ? 0 : 1;
}

/* A child that still shares its tables with us forks again: three address spaces on one table. */
static int child_forks_again(void)
{
	int st = child_status(grandchild_writes);

	if (st != 0)
		return 1;
	if (!holds(0, SIZE, 0))
		return 2;
	mem[MID(2)] = 'c';
	return holds(0, MID(2), 0) ? 0 : 4;
}

/*
 * A middle process forks and exits at once; its child, which shares the
 * tables with it (and with us), goes on once it has gone (EOF on `ready`,
 * whose write end only the middle process held) and reports on `out`.
 */
static void three_way_and_orphan(void)
{
	int out[2], ready[2], status;
	char c = 0;

	CHECK_EQ("three_way_sharing", child_status(child_forks_again), 0);
	CHECK("three_way_parent_intact", holds(0, SIZE, 0));
	pipe(out);
	pid_t pid = fork();
	if (pid == 0) {
		pipe(ready);
		if (fork() == 0) {
			close(ready[1]);
			read(ready[0], &c, 1);
			int ok = holds(0, SIZE, 0);
			fill(5);
			c = ok && holds(0, SIZE, 5) ? 'y' : 'n';
			write(out[1], &c, 1);
			_exit(0);
		}
		_exit(0);
	}
	close(out[1]);
	waitpid(pid, &status, 0);
	read(out[0], &c, 1);
	close(out[0]);
	CHECK("parent_exits_child_keeps_tables", c == 'y');
	CHECK("orphan_parent_intact", holds(0, SIZE, 0));
}

/* VmPTE of /proc/self/status in kB, -1 if there is no such line. */
static long vmpte_kb(void)
{
	char buf[4096];

	if (read_file("/proc/self/status", buf, sizeof(buf)) < 0)
		return -1;
	char *line = strstr(buf, "\nVmPTE:");
	return line ? strtol(line + sizeof("\nVmPTE:") - 1, NULL, 10) : -1;
}

static int child_vmpte(void)
{
	long kb = vmpte_kb();

	return kb < 0 ? 255 : kb / 4 > 254 ? 254 : (int)(kb / 4);
}

static void vmpte(void)
{
	CHECK("vmpte_line", vmpte_kb() > 0);
	if (!cowl) {
		SKIP("vmpte_child_small_under_odf", ONLY_COWL);
		return;
	}
	set_mode("classic");
	int classic = child_status(child_vmpte);
	set_mode("odf");
	int odf = child_status(child_vmpte);
	printf("# VmPTE of a child: %d kB classic, %d kB odf\n", classic * 4, odf * 4);
	CHECK("vmpte_child_small_under_odf", classic >= STRETCHES && odf >= 0 && odf + STRETCHES <= classic);
}

static int budget_fd = -1;

static void set_budget(long n)
{
	char text[24];
	int len = snprintf(text, sizeof(text), "%ld", n);

	write(budget_fd, text, (size_t)len);
}

/*
 * With a budget of `budget` frames, write into a shared table: killed
 * (SIGKILL) until the budget suffices.  The parent ends the budget.
 */
static int budget;
static int child_writes_with_budget(void)
{
	touch(0); /* our stack and the first stretch are ours before the budget starts */
	set_budget(budget);
	mem[MID(1)] = 'b';
	return 0;
}

static int child_edits_with_budget(void)
{
	touch(0);
	errno = 0; /* errno's page too is ours before the budget starts */
	set_budget(0);
	long um = munmap(mem + MID(1), PAGE), mp = mprotect(mem + MID(2), PAGE, PROT_READ);
	set_budget(-1);
	if (um != -1 || errno != ENOMEM || mp != -1)
		return 1;
	mem[MID(2)] = 'e'; /* still writable: the failed mprotect changed nothing */
	return holds(STRETCH, MID(2), 0) && holds(MID(2) + PAGE, SIZE, 0) ? 0 : 2;
}

static void fault_injection(void)
{
	static const char *const names[] = { "unshare_enomem_kills", "unshare_eventually_succeeds",
					     "no_frames_leaked_by_failed_unshare", "edits_enomem_change_nothing",
					     "no_frames_leaked_by_failed_edits" };
	int status, killed = 0, leaks = 0, ok = 0;

	if (!cowl || (budget_fd = open("/proc/cowl/fail_page_alloc", O_WRONLY)) < 0) {
		for (unsigned i = 0; i < sizeof(names) / sizeof(names[0]); i++)
			SKIP(names[i], ONLY_COWL);
		return;
	}
	for (budget = 0; budget < 8 && !ok; budget++) {
		long before = vmstat("nr_free_pages");
		pid_t pid = fork();
		if (pid == 0)
			_exit(child_writes_with_budget());
		waitpid(pid, &status, 0);
		set_budget(-1);
		killed += WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL;
		ok = WIFEXITED(status) && WEXITSTATUS(status) == 0;
		leaks += vmstat("nr_free_pages") != before;
	}
	printf("# the write after fork needed a budget of %d frames\n", budget - 1);
	CHECK("unshare_enomem_kills", killed >= 1);
	CHECK("unshare_eventually_succeeds", ok);
	CHECK_EQ("no_frames_leaked_by_failed_unshare", leaks, 0);
	long before = vmstat("nr_free_pages");
	int st = child_status(child_edits_with_budget);
	set_budget(-1);
	CHECK_EQ("edits_enomem_change_nothing", st, 0);
	CHECK_EQ("no_frames_leaked_by_failed_edits", vmstat("nr_free_pages") - before, 0);
	close(budget_fd);
}

int main(void)
{
	char old_mode[16] = "classic";

	cowl = on_cowl();
	if (cowl && read_file("/proc/cowl/fork_mode", old_mode, sizeof(old_mode)) > 0)
		old_mode[strcspn(old_mode, "\n")] = '\0';
	set_mode("odf");
	if (!CHECK("map_aligned", (mem = map_aligned()) != NULL))
		return test_done();
	fill(0);
	write_in_child();
	write_in_parent();
	reads_in_child();
	edits_in_child();
	three_way_and_orphan();
	vmpte();
	fault_injection();
	set_mode(old_mode);
	munmap(mem, SIZE);
	return test_done();
}
