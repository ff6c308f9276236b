/* nanosleep: argument checks, and a short sleep that returns 0.  No timing is asserted. */
#include <time.h>
#include <unistd.h>
#include "test.h"

int main(void)
{
	struct timespec t, rem;

	t = (struct timespec){ 0, 1000000 };
	CHECK("short_sleep", nanosleep(&t, &rem) == 0);
	t = (struct timespec){ 0, 0 };
	CHECK("zero_sleep", nanosleep(&t, NULL) == 0);
	t = (struct timespec){ 0, 1000000000 };
	CHECK("nsec_too_big_einval", nanosleep(&t, NULL) == -1 && errno == EINVAL);
	t = (struct timespec){ 0, -1 };
	CHECK("nsec_negative_einval", nanosleep(&t, NULL) == -1 && errno == EINVAL);
	t = (struct timespec){ -1, 0 };
	CHECK("sec_negative_einval", nanosleep(&t, NULL) == -1 && errno == EINVAL);
	CHECK("null_efault", nanosleep(NULL, NULL) == -1 && errno == EFAULT);
	CHECK("sleep_zero", sleep(0) == 0);
	return test_done();
}
