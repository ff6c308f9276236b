/*
 * Per-process file-system context: the current directory and the umask.
 * Shared by CLONE_FS, copied otherwise (clone(2)).
 */
#include "vfs.h"
#include <slab.h>
#include <sched.h>
#include <syscalls.h>
#include <uaccess.h>

struct fs_struct {
	atomic_t count;
	int umask;
	struct dentry *pwd;
};

struct fs_struct *fs_alloc_root(void)
{
	struct fs_struct *fs = kmalloc(sizeof(*fs));

	if (!fs)
		return NULL;
	atomic_set(&fs->count, 1);
	fs->umask = 022;
	fs->pwd = dget(vfs_root);
	return fs;
}

struct fs_struct *copy_fs_struct(struct fs_struct *old)
{
	struct fs_struct *fs = kmalloc(sizeof(*fs));

	if (!fs)
		return NULL;
	atomic_set(&fs->count, 1);
	fs->umask = old->umask;
	fs->pwd = dget(old->pwd);
	return fs;
}

void get_fs_struct(struct fs_struct *fs)
{
	atomic_inc(&fs->count);
}

void put_fs_struct(struct fs_struct *fs)
{
	if (!atomic_dec_and_test(&fs->count))
		return;
	dput(fs->pwd);
	kfree(fs);
}

/* Kernel threads without an fs_struct work relative to the root. */
struct dentry *current_cwd(void)
{
	return current->fs ? current->fs->pwd : vfs_root;
}

int current_umask(void)
{
	return current->fs ? current->fs->umask : 022;
}

struct dentry *task_cwd(struct task_struct *task)
{
	return task->fs ? dget(task->fs->pwd) : NULL;
}

static long set_cwd(struct dentry *dir)
{
	if (!S_ISDIR(dir->inode->mode)) {
		dput(dir);
		return -ENOTDIR;
	}
	dput(current->fs->pwd);
	current->fs->pwd = dir;
	return 0;
}

long sys_chdir(const char __user *upath)
{
	char *path = getname(upath);

	if (IS_ERR(path))
		return PTR_ERR(path);
	struct dentry *dir = lookup_at(AT_FDCWD, path, LOOKUP_DIRECTORY | LOOKUP_FOLLOW, NULL);
	kfree(path);
	if (IS_ERR(dir))
		return PTR_ERR(dir);
	return set_cwd(dir);
}

long sys_fchdir(unsigned int fd)
{
	struct file *f = fget(fd);

	if (!f)
		return -EBADF;
	struct dentry *dir = dget(f->dentry);
	fput(f);
	return set_cwd(dir);
}

/*
 * getcwd(2), the system call: returns the length including the NUL, ERANGE
 * if it does not fit, ENOENT if the directory has been removed.
 */
long sys_getcwd(char __user *ubuf, unsigned long size)
{
	if (current_cwd()->flags & DENTRY_UNLINKED)
		return -ENOENT;
	char *buf = kmalloc(PATH_MAX);
	if (!buf)
		return -ENOMEM;
	char *path = d_path(current_cwd(), buf, PATH_MAX);
	long len = path ? (long)(buf + PATH_MAX - path) : -ENAMETOOLONG;
	if (len > 0 && (unsigned long)len > size)
		len = -ERANGE;
	else if (len > 0 && copy_to_user(ubuf, path, len))
		len = -EFAULT;
	kfree(buf);
	return len;
}

long sys_umask(int mask)
{
	int old = current->fs->umask;

	current->fs->umask = mask & 0777;
	return old;
}
