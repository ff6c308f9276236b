/* System call numbers the kernel does not have return -ENOSYS (through the raw syscall). */
#include <sys/syscall.h>
#include "test.h"

int main(void)
{
	CHECK_EQ("raw_1000_enosys", __syscall0(1000), -ENOSYS);
	CHECK_EQ("raw_unassigned_400_enosys", __syscall0(400), -ENOSYS);
	CHECK_EQ("raw_huge_enosys", __syscall0(0x7fffffff), -ENOSYS);
	CHECK_ERRNO("syscall_sets_errno", syscall(1000), ENOSYS);
	CHECK("known_call_after_unknown", syscall(__NR_getpid) > 0);
	return test_done();
}
