/* Machine-wide calls: system names and power. */
#include <sys/reboot.h>
#include <sys/syscall.h>
#include <sys/utsname.h>
#include <unistd.h>

int uname(struct utsname *buf)
{
	return __syscall_ret(__syscall1(__NR_uname, buf));
}

int sethostname(const char *name, size_t len)
{
	return __syscall_ret(__syscall2(__NR_sethostname, name, len));
}

int reboot(unsigned int magic, unsigned int magic2, unsigned int cmd, void *arg)
{
	return __syscall_ret(__syscall4(__NR_reboot, magic, magic2, cmd, arg));
}
