#ifndef SCHED_H
#define SCHED_H
void scheduler_tick(void);
#endif
