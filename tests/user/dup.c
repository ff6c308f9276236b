/* dup and dup2: a duplicate is the same open file, so the file offset is shared. */
#include <fcntl.h>
#include <unistd.h>
#include "test.h"

static void shared_offset(void)
{
	char c;
	int fd = open("tests/data/hello.txt", O_RDONLY);
	int copy = dup(fd);

	CHECK("dup_new_fd", copy >= 0 && copy != fd);
	CHECK("dup_shares_offset", read(fd, &c, 1) == 1 && c == 'H' && read(copy, &c, 1) == 1 && c == 'e');
	CHECK("dup_shares_seek", lseek(copy, 7, SEEK_SET) == 7 && lseek(fd, 0, SEEK_CUR) == 7);
	CHECK("close_original_keeps_copy", close(fd) == 0 && read(copy, &c, 1) == 1 && c == 'C');
	CHECK_EQ("dup_reuses_lowest", dup(copy), fd);
	close(fd);
	close(copy);
}

static void dup2_semantics(void)
{
	char c;
	int hello = open("tests/data/hello.txt", O_RDONLY);
	int inner = open("tests/data/dir/inner.txt", O_RDONLY);

	CHECK_EQ("dup2_returns_target", dup2(hello, inner), inner);
	CHECK("dup2_replaced_target", read(inner, &c, 1) == 1 && c == 'H');
	CHECK_EQ("dup2_same_fd", dup2(hello, hello), hello);
	CHECK("dup2_high_fd", dup2(hello, 100) == 100 && read(100, &c, 1) == 1 && c == 'e');
	close(100);
	close(inner);
	CHECK_ERRNO("dup2_bad_old_ebadf", dup2(inner, hello), EBADF);
	CHECK("dup2_bad_old_keeps_target", read(hello, &c, 1) == 1 && c == 'l');
	CHECK_ERRNO("dup2_same_closed_ebadf", dup2(inner, inner), EBADF);
	CHECK_ERRNO("dup2_negative_ebadf", dup2(hello, -1), EBADF);
	CHECK("dup_bad_ebadf", dup(-1) == -1 && errno == EBADF && dup(inner) == -1 && errno == EBADF);
	close(hello);
}

/* After fork the child's descriptors refer to the same open files: the offset is shared too. */
static int inherited_fd;

static void child_reads_one(void)
{
	char c;
	_exit(read(inherited_fd, &c, 1) == 1 && c == 'H' ? 0 : 1);
}

static void inherited_offset(void)
{
	char c;
	int fd = inherited_fd = open("tests/data/hello.txt", O_RDONLY);
	int status = run_in_child(child_reads_one);
	CHECK("fork_child_reads", WIFEXITED(status) && WEXITSTATUS(status) == 0);
	CHECK("fork_shares_offset", read(fd, &c, 1) == 1 && c == 'e');
	close(fd);
}

int main(void)
{
	shared_offset();
	dup2_semantics();
	inherited_offset();
	return test_done();
}
