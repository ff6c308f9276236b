/* futex: FUTEX_WAKE and FUTEX_WAIT's answers, and its errors (futex(2)). */
#include <sys/thread.h>
#include "test.h"

int main(void)
{
	int word = 1;
	struct timespec short_wait = { 0, 1000000 };

	CHECK_EQ("wake_nobody", futex(&word, FUTEX_WAKE, 1, NULL, NULL, 0), 0);
	CHECK_ERRNO("wait_value_changed_eagain", futex(&word, FUTEX_WAIT, 2, NULL, NULL, 0), EAGAIN);
	CHECK_ERRNO("wait_timeout_etimedout", futex(&word, FUTEX_WAIT, 1, &short_wait, NULL, 0), ETIMEDOUT);
	CHECK_ERRNO("wait_misaligned_einval", futex((int *)1, FUTEX_WAIT, 0, NULL, NULL, 0), EINVAL);
	CHECK_ERRNO("wait_unmapped_efault", futex((int *)8, FUTEX_WAIT, 0, NULL, NULL, 0), EFAULT);
	CHECK_ERRNO("bad_op_enosys", futex(&word, 99, 0, NULL, NULL, 0), ENOSYS);
	return test_done();
}
