/*
 * /proc's symbolic links.  /proc/self and /proc/thread-self are ordinary
 * ones: their texts are the caller's pid and "pid/task/tid", looked up
 * again in /proc.  /proc/PID/exe, /proc/PID/cwd and
 * /proc/PID/fd/N are "magic" (proc(5)): following one leads straight to
 * the object (the program's file, the cwd, the open file's name, even a
 * pipe or a file since unlinked), and reading one gives that object's path
 * as d_path writes it ("/bin/sh", "pipe:[7]", "/tmp/x (deleted)").  So
 * opening /proc/self/fd/N (or /dev/fd/N, a link to it) opens the same file
 * again: a ramfs file with its own offset, a pipe's read or write end.
 */
#include "proc_internal.h"
#include <sched.h>
#include <pid.h>
#include <slab.h>
#include <string.h>
#include <mm.h>

/* The caller's ids as this /proc names them: tgid, or "tgid/task/tid"; -ENOENT outside its pid namespace. */
static int self_text(char *buf, size_t size, bool thread)
{
	char text[32];
	pid_t tgid = task_tgid_vnr(current), tid = task_pid_vnr(current);

	if (tgid <= 0 || tid <= 0)
		return -ENOENT;
	int len = thread ? snprintf(text, sizeof(text), "%d/task/%d", tgid, tid)
			 : snprintf(text, sizeof(text), "%d", tgid);
	memcpy(buf, text, MIN((size_t)len, size));
	return MIN((size_t)len, size);
}

int proc_self_text(char *buf, size_t size)
{
	return self_text(buf, size, false);
}

int proc_thread_self_text(char *buf, size_t size)
{
	return self_text(buf, size, true);
}

static int text_readlink(struct dentry *link, char *buf, size_t size)
{
	return PROC_I(link->inode)->entry->text(buf, size);
}

const struct inode_operations proc_text_link_iops = {
	.readlink = text_readlink,
	.evict = proc_evict,
};

/* A magic link's text: the path of where it leads. */
static int magic_readlink(struct dentry *link, char *buf, size_t size)
{
	struct dentry *d = link->inode->i_op->follow(link);
	char *page = IS_ERR(d) ? NULL : kmalloc(PATH_MAX);
	int ret = IS_ERR(d) ? PTR_ERR(d) : -ENOMEM;

	if (page) {
		char *path = d_path(d, page, PATH_MAX);
		ret = path ? (int)MIN(strlen(path), size) : -ENAMETOOLONG;
		if (path)
			memcpy(buf, path, ret);
		kfree(page);
	}
	if (!IS_ERR(d))
		dput(d);
	return ret;
}

/* exe and cwd: the entry's link() gives the dentry of the link's task. */
static struct dentry *entry_follow(struct dentry *link)
{
	struct task_struct *task = proc_task(link->inode);

	return task ? PROC_I(link->inode)->entry->link(task) : ERR_PTR(-ENOENT);
}

const struct inode_operations proc_link_iops = {
	.readlink = magic_readlink,
	.follow = entry_follow,
	.evict = proc_evict,
};

struct dentry *proc_exe_link(struct task_struct *task)
{
	struct mm_struct *mm = task->mm;

	return mm && mm->exe_file ? dget(mm->exe_file->dentry) : ERR_PTR(-ENOENT);
}

struct dentry *proc_cwd_link(struct task_struct *task)
{
	struct dentry *d = task_cwd(task);

	return d ? d : ERR_PTR(-ENOENT);
}

/* /proc/PID/fd/N: the name of the task's open file N. */
static struct dentry *fd_follow(struct dentry *link)
{
	struct task_struct *task = proc_task(link->inode);
	struct file *f = task ? fget_task(task, PROC_I(link->inode)->fd) : NULL;

	if (!f)
		return ERR_PTR(-ENOENT);
	struct dentry *d = dget(f->dentry);
	fput(f);
	return d;
}

const struct inode_operations proc_fd_link_iops = {
	.readlink = magic_readlink,
	.follow = fd_follow,
	.evict = proc_evict,
};
