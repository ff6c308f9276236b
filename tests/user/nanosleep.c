/* nanosleep: argument checks, and a short sleep that returns 0.  No timing is asserted. */
#include <time.h>
#include <unistd.h>
#include "test.h"

int main(void)
{
	struct timespec t, rem;

	t = (struct timespec){ 0, 1000000 };
	CHECK_EQ("short_sleep", nanosleep(&t, &rem), 0);
	t = (struct timespec){ 0, 0 };
	CHECK_EQ("zero_sleep", nanosleep(&t, NULL), 0);
	t = (struct timespec){ 0, 1000000000 };
	CHECK_ERRNO("nsec_too_big_einval", nanosleep(&t, NULL), EINVAL);
	t = (struct timespec){ 0, -1 };
	CHECK_ERRNO("nsec_negative_einval", nanosleep(&t, NULL), EINVAL);
	t = (struct timespec){ -1, 0 };
	CHECK_ERRNO("sec_negative_einval", nanosleep(&t, NULL), EINVAL);
	CHECK_ERRNO("null_efault", nanosleep(NULL, NULL), EFAULT);
	CHECK_EQ("sleep_zero", sleep(0), 0);
	return test_done();
}
