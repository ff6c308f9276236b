/* Futexes (kernel/futex.c): sleeping on a user-space word. */
#ifndef FUTEX_H
#define FUTEX_H
#include <types.h>
#include <uapi/futex.h>

struct task_struct;
/* Wake up to nr tasks waiting on uaddr; returns how many were woken. */
int futex_wake(u32 __user *uaddr, int nr);
/* At exit or exec: release the robust futexes the thread still holds. */
void exit_robust_list(struct task_struct *tsk);
#endif
