/*
 * File pages are real page frames, and they come back: after a 4 MiB file
 * is written and removed (also one removed while still open) the free page
 * count is where it was.  When no frame can be had in the middle of a write
 * (/proc/cowl/fail_page_alloc), the write stops short or fails with ENOSPC
 * or ENOMEM, and the file holds exactly what was reported written.  Cowl
 * only: Linux has neither the fault injection nor a count that stays still.
 */
#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <time.h>
#include "procutil.h"
#include "test.h"

#define CHUNK (64 * 1024)
#define BIG (4 * 1024 * 1024)

static char path[64];
static char chunk[CHUNK], back[CHUNK];

static void fill(char *p, size_t n, unsigned seed)
{
	for (size_t i = 0; i < n; i++)
		p[i] = (char)(i * 13 + seed);
}

/* Write BIG bytes to a new file and return its fd (open) or -1. */
static int write_big(void)
{
	int fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0600);

	for (long off = 0; fd >= 0 && off < BIG; off += CHUNK)
		if (write(fd, chunk, CHUNK) != CHUNK) {
			close(fd);
			return -1;
		}
	return fd;
}

/* Faults in the stack the checks use, so a new stack page does not count as a file's. */
static void __attribute__((noinline)) touch_stack(void)
{
	volatile char pad[16384];

	for (size_t i = 0; i < sizeof(pad); i += 512)
		pad[i] = 0;
}

/*
 * Let every other task run and block again before counting: runtests
 * (reading our output) and its watchdog, forked after us, make their
 * copy-on-write copies and stack pages then, not while we count, nor while
 * the fault injection would make them fail.
 */
static void settle(void)
{
	struct timespec t = { 0, 50 * 1000 * 1000 };

	fflush(stdout);
	nanosleep(&t, NULL);
}

/* Both ways of freeing a file, once before counting: page tables and kmalloc slabs as the counted round needs them. */
static void warm_up(void)
{
	int fd = write_big();

	close(fd);
	unlink(path);
	fd = write_big();
	unlink(path);
	close(fd);
}

/* The counts are all read before anything is printed. */
static void frames_come_back(void)
{
	warm_up();
	settle();
	long free_before = vmstat("nr_free_pages"), file_before = vmstat("nr_file_pages");
	int fd = write_big();
	long file_big = vmstat("nr_file_pages"), free_big = vmstat("nr_free_pages");
	if (fd >= 0)
		close(fd);
	int unlinked = unlink(path);
	long free_unlinked = vmstat("nr_free_pages");
	fd = write_big();
	unlink(path);
	long file_open = vmstat("nr_file_pages");
	if (fd >= 0)
		close(fd);
	long free_closed = vmstat("nr_free_pages"), file_closed = vmstat("nr_file_pages");

	CHECK("big_file_written", fd >= 0);
	CHECK("file_pages_counted", file_big - file_before >= BIG / 4096);
	CHECK("free_pages_went_down", free_before - free_big >= BIG / 4096);
	CHECK_EQ("unlink_big", unlinked, 0);
	CHECK_EQ("frames_back_after_unlink", free_unlinked, free_before);
	CHECK("open_unlinked_keeps_frames", file_open - file_before >= BIG / 4096);
	CHECK_EQ("frames_back_after_close", free_closed, free_before);
	CHECK_EQ("file_pages_back", file_closed, file_before);
}

/* Writes until a write fails under a page budget; what the file holds must be what was written. */
static void out_of_frames(int ctl)
{
	static const char reset[] = "-1";
	settle();
	long free_before = vmstat("nr_free_pages");
	int fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0600);
	long written = 0, ret = 0;
	int err = 0;

	if (fd < 0 || write(ctl, "40", 2) != 2)
		return;
	for (int i = 0; i < 100 && ret >= 0; i++) {
		ret = write(fd, chunk, CHUNK);
		err = errno;
		written += ret > 0 ? ret : 0;
		if (ret >= 0 && ret < CHUNK)
			ret = -1; /* a short write: the next one would fail */
	}
	write(ctl, reset, 2);
	struct stat st;
	long size = fstat(fd, &st) == 0 ? st.st_size : -1;
	int same = 1;
	for (long off = 0; off < written; off += CHUNK) {
		long n = written - off < CHUNK ? written - off : CHUNK;
		same &= pread(fd, back, n, off) == n && !memcmp(back, chunk, n);
	}
	int again = write(fd, chunk, CHUNK) == CHUNK;
	close(fd);
	unlink(path);
	long free_after = vmstat("nr_free_pages");

	CHECK("write_fails_without_frames", ret < 0 && written < 100L * CHUNK);
	CHECK("error_is_enospc_or_enomem", written % CHUNK || err == ENOSPC || err == ENOMEM);
	CHECK_EQ("size_is_what_was_written", size, written);
	CHECK("data_intact", same);
	CHECK("writable_again", again);
	CHECK_EQ("frames_back_after_failure", free_after, free_before);
}

int main(void)
{
	if (!on_cowl()) {
		SKIP_ALL("Cowl only: Linux has no /proc/cowl/fail_page_alloc and a free count others change",
			 "big_file_written", "file_pages_counted", "free_pages_went_down", "unlink_big",
			 "frames_back_after_unlink", "open_unlinked_keeps_frames", "frames_back_after_close",
			 "file_pages_back", "write_fails_without_frames", "error_is_enospc_or_enomem",
			 "size_is_what_was_written", "data_intact", "writable_again", "frames_back_after_failure");
		return test_done();
	}
	snprintf(path, sizeof(path), "/tmp/fs_nospace.%d", getpid());
	fill(chunk, sizeof(chunk), 5);
	memset(back, 0, sizeof(back));
	vmstat("nr_free_pages"); /* fault in its buffer before counting */
	touch_stack();
	frames_come_back();
	int ctl = open("/proc/cowl/fail_page_alloc", O_WRONLY);
	if (CHECK("fail_page_alloc_opens", ctl >= 0))
		out_of_frames(ctl);
	close(ctl);
	return test_done();
}
