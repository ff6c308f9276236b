/* Small system calls about the caller's identity and the machine. */
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
#include <uapi/resource.h>

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

long sys_getuid(void)
{
	return 0;
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

/* Resource limits are not enforced and cannot be changed; report what Linux reports by default. */
long sys_prlimit64(pid_t pid, unsigned int resource, const void __user *new_rlim, void __user *old_rlim)
{
	struct rlimit64 lim = { RLIM64_INFINITY, RLIM64_INFINITY }, want;

	/* Linux reads the new limit before anything else: a bad pointer is EFAULT, not EPERM. */
	if (new_rlim && copy_from_user(&want, new_rlim, sizeof(want)))
		return -EFAULT;
	if (pid && !find_task_by_vpid(pid))
		return -ESRCH;
	if (resource >= RLIM_NLIMITS)
		return -EINVAL;
	if (new_rlim)
		return -EPERM;
	if (resource == RLIMIT_STACK)
		lim.rlim_cur = _STK_LIM;
	else if (resource == RLIMIT_NOFILE)
		lim.rlim_cur = lim.rlim_max = NR_OPEN;
	else if (resource == RLIMIT_NPROC)
		lim.rlim_cur = lim.rlim_max = MAX_THREADS;
	return old_rlim && copy_to_user(old_rlim, &lim, sizeof(lim)) ? -EFAULT : 0;
}
