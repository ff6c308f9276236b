/* Bad pointers handed to the kernel: the call fails with EFAULT and the process lives on. */
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/utsname.h>
#include <time.h>
#include <unistd.h>
#include "test.h"

/* The start of the kernel half of the address space: never accessible to user code. */
#define KERNEL_ADDRESS ((void *)0xffff800000000000UL)

/* An address that was mapped a moment ago and is certainly not mapped now. */
static void *unmapped_address(void)
{
	void *p = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	munmap(p, 4096);
	return p;
}

int main(void)
{
	void *unmapped = unmapped_address();
	int fd = open("tests/data/hello.txt", O_RDONLY);
	int fds[2];
	struct stat st;

	CHECK_ERRNO("read_into_page_zero", read(fd, (void *)1, 4), EFAULT);
	CHECK_ERRNO("read_into_unmapped", read(fd, unmapped, 4), EFAULT);
	CHECK_ERRNO("read_into_kernel", read(fd, KERNEL_ADDRESS, 4), EFAULT);
	CHECK("file_still_readable", lseek(fd, 0, SEEK_SET) == 0 && read(fd, &st, 5) == 5);

	pipe(fds);
	CHECK_ERRNO("write_from_unmapped", write(fds[1], unmapped, 4), EFAULT);
	CHECK_ERRNO("write_from_kernel", write(fds[1], KERNEL_ADDRESS, 4), EFAULT);
	close(fds[0]);
	close(fds[1]);

	CHECK_ERRNO("open_kernel_path", open(KERNEL_ADDRESS, O_RDONLY), EFAULT);
	CHECK_ERRNO("open_unmapped_path", open(unmapped, O_RDONLY), EFAULT);
	CHECK_ERRNO("stat_kernel_path", stat(KERNEL_ADDRESS, &st), EFAULT);
	CHECK_ERRNO("stat_into_kernel", stat("tests/data/hello.txt", KERNEL_ADDRESS), EFAULT);
	CHECK_ERRNO("fstat_into_unmapped", fstat(fd, unmapped), EFAULT);
	CHECK_ERRNO("pipe_into_kernel", pipe(KERNEL_ADDRESS), EFAULT);
	CHECK_ERRNO("uname_into_unmapped", uname(unmapped), EFAULT);
	CHECK_ERRNO("nanosleep_from_unmapped", nanosleep(unmapped, NULL), EFAULT);
	CHECK("getcwd_into_kernel", getcwd(KERNEL_ADDRESS, 256) == NULL && errno == EFAULT);
	CHECK_ERRNO("chdir_kernel_path", chdir(KERNEL_ADDRESS), EFAULT);
	CHECK_ERRNO("execve_kernel_path", execve(KERNEL_ADDRESS, NULL, NULL), EFAULT);

	char *bad_argv[] = { "printargs", KERNEL_ADDRESS, NULL };
	CHECK_ERRNO("execve_bad_argv", execve("tests/helpers/printargs", bad_argv, NULL), EFAULT);
	CHECK("execve_unmapped_argv", execve("tests/helpers/printargs", unmapped, NULL) == -1 &&
	      errno == EFAULT);
	close(fd);
	return test_done();
}
