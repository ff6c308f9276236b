/*
 * sched_setaffinity(2) and sched_getaffinity(2), as Linux's
 * kernel/sched/syscalls.c has them.  In the ABI a CPU mask is an array of
 * unsigned longs, bit N for CPU N; the kernel's is one long (NR_CPUS = 8),
 * so cpumask_size() is 8 bytes.
 */
#include <sched.h>
#include <pid.h>
#include <syscalls.h>
#include <uaccess.h>
#include <string.h>
#include <uapi/errno.h>

#define cpumask_size() sizeof(struct cpumask)

/* pid 0 is the caller; another must be visible in its namespace. */
static struct task_struct *find_process_by_pid(pid_t pid)
{
	return pid ? find_task_by_vpid(pid) : current;
}

/*
 * A shorter user mask is the first bytes, the rest zero; a longer one is
 * cut to cpumask_size() (its CPUs beyond NR_CPUS cannot exist here).
 */
long sys_sched_setaffinity(pid_t pid, unsigned int len, const unsigned long __user *user_mask_ptr)
{
	struct cpumask mask = { 0 };
	struct task_struct *p;

	if (copy_from_user(&mask, user_mask_ptr, MIN((size_t)len, cpumask_size())))
		return -EFAULT;
	if (!(p = find_process_by_pid(pid)))
		return -ESRCH;
	return set_cpus_allowed_ptr(p, &mask);
}

/*
 * The buffer must be whole longs holding a bit for every possible CPU
 * (Linux's nr_cpu_ids); the mask, online CPUs only, fills cpumask_size()
 * bytes of it and the call returns that size.
 */
long sys_sched_getaffinity(pid_t pid, unsigned int len, unsigned long __user *user_mask_ptr)
{
	unsigned int nr_cpu_ids = cpumask_weight(cpu_possible_mask);
	struct task_struct *p;
	struct cpumask mask;

	if ((size_t)len * 8 < nr_cpu_ids || (len & (sizeof(unsigned long) - 1)))
		return -EINVAL;
	if (!(p = find_process_by_pid(pid)))
		return -ESRCH;
	mask.bits = p->cpus_mask.bits & cpu_online_mask->bits;
	if (copy_to_user(user_mask_ptr, &mask, cpumask_size()))
		return -EFAULT;
	return cpumask_size();
}
