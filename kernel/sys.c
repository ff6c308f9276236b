/* Small system calls: the caller's ids and limits, accounting, prctl(2), and the machine (getcpu(2) too). */
#include <sched.h>
#include <nsproxy.h>
#include <pid.h>
#include <utsname.h>
#include <syscalls.h>
#include <uaccess.h>
#include <power.h>
#include <fs.h>
#include <printk.h>
#include <string.h>
#include <uapi/errno.h>
#include <uapi/reboot.h>
#include <gfp.h>
#include <time.h>
#include <asm/page.h>
#include <uapi/resource.h>
#include <uapi/times.h>
#include <uapi/sysinfo.h>
#include <uapi/prctl.h>

#define MQ_BYTES_MAX 819200       /* RLIMIT_MSGQUEUE's default (include/uapi/linux/mqueue.h) */
#define MLOCK_LIMIT (8 * 1024 * 1024) /* RLIMIT_MEMLOCK's (include/uapi/linux/resource.h) */

long sys_getpid(void)
{
	return task_tgid_vnr(current);
}

long sys_gettid(void)
{
	return task_pid_vnr(current);
}

/* The parent as seen from our namespace: 0 if it lives outside it. */
long sys_getppid(void)
{
	return task_tgid_vnr(current->group_leader->real_parent);
}

long sys_set_tid_address(int __user *tidptr)
{
	current->clear_child_tid = tidptr;
	return task_pid_vnr(current);
}

long sys_uname(struct utsname __user *name)
{
	return put_user_obj(name, &current->nsproxy->uts_ns->name);
}

long sys_sethostname(const char __user *name, int len)
{
	char buf[sizeof(((struct utsname *)0)->nodename)];

	if (len < 0 || len >= (int)sizeof(buf))
		return -EINVAL;
	if (copy_from_user(buf, name, len))
		return -EFAULT;
	buf[len] = '\0';
	memcpy(current->nsproxy->uts_ns->name.nodename, buf, len + 1);
	return 0;
}

long sys_reboot(int magic1, int magic2, unsigned int cmd, void __user *arg)
{
	(void)arg;
	if ((unsigned)magic1 != LINUX_REBOOT_MAGIC1 || magic2 != LINUX_REBOOT_MAGIC2)
		return -EINVAL;
	switch (cmd) {
	case LINUX_REBOOT_CMD_POWER_OFF:
	case LINUX_REBOOT_CMD_HALT:
		pr_notice("reboot: Power down\n");
		machine_exit(EXIT_OK);
	case LINUX_REBOOT_CMD_RESTART:
		pr_notice("reboot: Restarting system\n");
		machine_restart();
	default:
		return -EINVAL;
	}
}

/*
 * Linux's do_prlimit(): the old limit is reported as it was; a new one
 * needs soft <= hard, an fd limit within the fd table (Linux's nr_open),
 * and privilege to raise the hard limit.  Lowering is always allowed.
 */
static long do_prlimit(struct task_struct *tsk, unsigned int resource, const struct rlimit64 *new,
		       struct rlimit64 *old)
{
	if (resource >= RLIM_NLIMITS)
		return -EINVAL;
	struct rlimit64 *rlim = &tsk->signal->rlim[resource];
	if (new) {
		if (new->rlim_cur > new->rlim_max)
			return -EINVAL;
		if (resource == RLIMIT_NOFILE && new->rlim_max > NR_OPEN)
			return -EPERM;
		if (new->rlim_max > rlim->rlim_max && !capable())
			return -EPERM;
	}
	if (old)
		*old = *rlim;
	if (new)
		*rlim = *new;
	return 0;
}

/* Linux's check_prlimit_permission(): another process needs all our uids and gids, or privilege. */
static long check_prlimit_permission(const struct task_struct *tsk)
{
	const struct cred *c = &current->cred, *tc = &tsk->cred;

	if (tsk == current || capable())
		return 0;
	if (c->uid == tc->uid && c->uid == tc->euid && c->uid == tc->suid &&
	    c->gid == tc->gid && c->gid == tc->egid && c->gid == tc->sgid)
		return 0;
	return -EPERM;
}

/* Linux reads the new limit before anything else: a bad pointer is EFAULT, not ESRCH or EINVAL. */
long sys_prlimit64(pid_t pid, unsigned int resource, const struct rlimit64 __user *new_rlim,
		   struct rlimit64 __user *old_rlim)
{
	struct rlimit64 old, new;
	struct task_struct *tsk = pid ? find_task_by_vpid(pid) : current;

	if (new_rlim && get_user_obj(&new, new_rlim))
		return -EFAULT;
	if (!tsk)
		return -ESRCH;
	long err = check_prlimit_permission(tsk);
	if (!err)
		err = do_prlimit(tsk, resource, new_rlim ? &new : NULL, old_rlim ? &old : NULL);
	if (!err && old_rlim && put_user_obj(old_rlim, &old))
		return -EFAULT;
	return err;
}

/* struct rlimit is struct rlimit64 on x86-64: the same bytes, the same infinity. */
long sys_getrlimit(unsigned int resource, struct rlimit __user *rlim)
{
	struct rlimit64 old;
	long err = do_prlimit(current, resource, NULL, &old);

	if (!err && put_user_obj(rlim, &old))
		return -EFAULT;
	return err;
}

long sys_setrlimit(unsigned int resource, const struct rlimit __user *rlim)
{
	struct rlimit64 new;

	if (get_user_obj(&new, rlim))
		return -EFAULT;
	return do_prlimit(current, resource, &new, NULL);
}

/* The limits of the first process, as Linux's INIT_RLIMITS; the task limits are Linux's max_threads / 2. */
void init_rlimits(struct rlimit64 *rlim)
{
	for (int i = 0; i < RLIM_NLIMITS; i++)
		rlim[i] = (struct rlimit64){ RLIM64_INFINITY, RLIM64_INFINITY };
	rlim[RLIMIT_STACK].rlim_cur = _STK_LIM;
	rlim[RLIMIT_CORE].rlim_cur = 0;
	rlim[RLIMIT_NPROC] = rlim[RLIMIT_SIGPENDING] = (struct rlimit64){ MAX_THREADS / 2, MAX_THREADS / 2 };
	rlim[RLIMIT_NOFILE] = (struct rlimit64){ NR_OPEN, NR_OPEN };
	rlim[RLIMIT_MEMLOCK] = (struct rlimit64){ MLOCK_LIMIT, MLOCK_LIMIT };
	rlim[RLIMIT_MSGQUEUE] = (struct rlimit64){ MQ_BYTES_MAX, MQ_BYTES_MAX };
	rlim[RLIMIT_NICE] = rlim[RLIMIT_RTPRIO] = (struct rlimit64){ 0, 0 };
}

/* ------------------------------------------------ accounting: getrusage, times, sysinfo */

static void fill_rusage(int who, struct rusage *r)
{
	struct signal_struct *sig = current->signal;
	u64 utime, stime;

	if (who == RUSAGE_THREAD) {
		utime = current->utime;
		stime = current->stime;
	} else if (who == RUSAGE_CHILDREN) {
		utime = sig->cutime;
		stime = sig->cstime;
	} else {
		thread_group_cputime(sig, &utime, &stime);
	}
	*r = (struct rusage){ .ru_utime = jiffies_to_timeval(utime), .ru_stime = jiffies_to_timeval(stime) };
}

long sys_getrusage(int who, struct rusage __user *ru)
{
	struct rusage r;

	if (who != RUSAGE_SELF && who != RUSAGE_CHILDREN && who != RUSAGE_THREAD)
		return -EINVAL;
	fill_rusage(who, &r);
	return put_user_obj(ru, &r);
}

/* Clock ticks (USER_HZ, which is Cowl's HZ); the result counts ticks since boot. */
long sys_times(struct tms __user *tbuf)
{
	struct signal_struct *sig = current->signal;
	u64 utime, stime;

	thread_group_cputime(sig, &utime, &stime);
	struct tms t = { (long)utime, (long)stime, (long)sig->cutime, (long)sig->cstime };
	if (tbuf && put_user_obj(tbuf, &t))
		return -EFAULT;
	return (long)jiffies;
}

/* Memory in bytes (mem_unit 1, as Linux gives on 64-bit); no load average, no swap. */
long sys_sysinfo(struct sysinfo __user *info)
{
	u64 ns = ktime_get_ns();
	struct sysinfo si = {
		.uptime = (long)(ns / NSEC_PER_SEC) + (ns % NSEC_PER_SEC != 0),
		.totalram = nr_total_pages() * PAGE_SIZE,
		.freeram = nr_free_pages() * PAGE_SIZE,
		.procs = (unsigned short)nr_threads,
		.mem_unit = 1,
	};
	return put_user_obj(info, &si);
}

/* ------------------------------------------------------------- prctl */

/* PR_SET_NAME: at most TASK_COMM_LEN - 1 bytes are read; a longer name is cut, as on Linux. */
static long prctl_set_name(const char __user *name)
{
	char comm[TASK_COMM_LEN] = { 0 };
	long n = strncpy_from_user(comm, name, TASK_COMM_LEN - 1);

	if (n < 0 && n != -ENAMETOOLONG)
		return n;
	comm[TASK_COMM_LEN - 1] = '\0';
	set_task_comm(current, comm);
	return 0;
}

long sys_prctl(int option, unsigned long arg2, unsigned long arg3, unsigned long arg4, unsigned long arg5)
{
	int value;

	(void)arg3, (void)arg4, (void)arg5;
	switch (option) {
	case PR_SET_PDEATHSIG:
		if (arg2 > _NSIG)
			return -EINVAL;
		current->pdeath_signal = (int)arg2;
		return 0;
	case PR_GET_PDEATHSIG:
		return put_user_obj((int __user *)arg2, &current->pdeath_signal);
	case PR_SET_NAME:
		return prctl_set_name((const char __user *)arg2);
	case PR_GET_NAME:
		return copy_to_user((void __user *)arg2, current->comm, TASK_COMM_LEN) ? -EFAULT : 0;
	case PR_SET_CHILD_SUBREAPER:
		current->signal->is_child_subreaper = arg2 != 0;
		return 0;
	case PR_GET_CHILD_SUBREAPER:
		value = current->signal->is_child_subreaper;
		return put_user_obj((int __user *)arg2, &value);
	default:
		return -EINVAL;
	}
}

/* getcpu(2): the caller's CPU (a task stays on its own, docs/smp.md) and NUMA node, 0: there is one. */
long sys_getcpu(unsigned int __user *cpup, unsigned int __user *nodep, void __user *unused)
{
	unsigned int cpu = current->cpu, node = 0;

	(void)unused; /* Linux has ignored the cache argument since 2.6.24 */
	if (cpup && put_user_obj(cpup, &cpu))
		return -EFAULT;
	if (nodep && put_user_obj(nodep, &node))
		return -EFAULT;
	return 0;
}
