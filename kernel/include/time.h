/* The timer tick and time since boot. */
#ifndef TIME_H
#define TIME_H
#include <types.h>

#define HZ 100
extern volatile u64 jiffies;

void timer_init(void);
/* Nanoseconds since boot, from the TSC calibrated against the PIT. */
u64 ktime_get_ns(void);
u64 tsc_khz(void);
void timer_wake_sleepers(void);
#endif
