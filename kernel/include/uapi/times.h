/* times(2)'s buffer, in clock ticks (include/uapi/linux/times.h). */
#ifndef UAPI_TIMES_H
#define UAPI_TIMES_H
struct tms {
	long tms_utime;
	long tms_stime;
	long tms_cutime;
	long tms_cstime;
};
#endif
