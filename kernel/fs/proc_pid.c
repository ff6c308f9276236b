/*
 * /proc/<pid>: one directory per process visible in the caller's pid
 * namespace (thread-group leaders in readdir; any task by lookup, as in
 * Linux), named by its pid there, holding the entries of
 * proc_pid_entries[]: files, links and the fd, fdinfo and task
 * directories.  task/<tid> holds all but task, for one thread.
 * The directory remembers the task's global pid and finds the task again
 * on each use, so a directory outliving its process just stops working.
 */
#include "proc_internal.h"
#include <sched.h>
#include <pid.h>
#include <mm.h>

#define PID_DIR_INO(pid) (0x10000ul + (unsigned long)(pid) * 64)


static int comm_show(struct task_struct *t, struct seq_buf *m)
{
	seq_printf(m, "%s\n", t->comm);
	return 0;
}

static const struct proc_entry proc_pid_entries[] = {
	{ .name = "cmdline", .read = proc_pid_cmdline_read },
	{ .name = "comm", .show = comm_show },
	{ .name = "cwd", .link = proc_cwd_link },
	{ .name = "exe", .link = proc_exe_link },
	{ .name = "maps", .show = proc_maps_show },
	{ .name = "pagemap", .read = proc_pagemap_read },
	{ .name = "smaps", .show = proc_smaps_show },
	{ .name = "stat", .show = proc_pid_stat_show },
	{ .name = "statm", .show = proc_pid_statm_show },
	{ .name = "status", .show = proc_pid_status_show },
	{ .name = "fd", .dir = &proc_fd_dir },
	{ .name = "fdinfo", .dir = &proc_fdinfo_dir },
	{ .name = "task", .dir = &proc_task_dir }, /* last: task/<tid> has all the others */
};
_Static_assert(ARRAY_SIZE(proc_pid_entries) < 64, "inode numbers: 64 per /proc/<pid>");

static const struct proc_dir pid_dir = {
	.entries = proc_pid_entries,
	.nr_entries = ARRAY_SIZE(proc_pid_entries),
	.ino_spaced = true,
};

static const struct proc_dir tid_dir = {
	.entries = proc_pid_entries,
	.nr_entries = ARRAY_SIZE(proc_pid_entries) - 1,
	.ino_spaced = true,
};

static struct task_struct *task_by_global_pid(pid_t pid)
{
	struct task_struct *t;

	list_for_each_entry(t, &task_list, tasks)
		if (t->pid == pid)
			return t;
	return NULL;
}

struct task_struct *proc_task(struct inode *inode)
{
	pid_t pid = PROC_I(inode)->pid;

	return pid ? task_by_global_pid(pid) : NULL;
}

/* The directory of task under parent, named name[0..len): its pid in the caller's namespace. */
static struct dentry *task_dir(struct dentry *parent, struct task_struct *task, const char *name, size_t len,
			       unsigned long ino, const struct proc_dir *d)
{
	struct dentry *dir = proc_new_dir(parent, name, len, ino, d);

	if (!IS_ERR(dir))
		PROC_I(dir->inode)->pid = task->pid;
	return dir;
}

struct dentry *proc_tid_dir(struct dentry *task_dir_dentry, struct task_struct *thread, const char *name,
			    size_t len)
{
	return task_dir(task_dir_dentry, thread, name, len, TID_DIR_INO(thread->pid), &tid_dir);
}

/* Any task by its pid, a thread too, as in Linux; readdir lists only the processes. */
struct dentry *proc_pid_lookup(struct dentry *root, struct task_struct *none, int nr, const char *name,
			       size_t len)
{
	struct task_struct *task = find_task_by_vpid(nr);

	(void)none;
	return task ? task_dir(root, task, name, len, PID_DIR_INO(task->pid), &pid_dir) : ERR_PTR(-ENOENT);
}

/* The visible process with the smallest pid >= from (in the caller's namespace), or NULL. */
static struct task_struct *next_process(pid_t from, pid_t *nr)
{
	struct task_struct *t, *best = NULL;
	pid_t best_nr = 0;

	list_for_each_entry(t, &task_list, tasks) {
		pid_t v = task_pid_vnr(t);
		if (v >= from && v > 0 && thread_group_leader(t) && (!best || v < best_nr)) {
			best = t;
			best_nr = v;
		}
	}
	*nr = best_nr;
	return best;
}

int proc_pid_next(struct inode *root, struct task_struct *none, int from, unsigned long *ino)
{
	pid_t nr;
	struct task_struct *t = next_process(from, &nr);

	(void)root, (void)none;
	*ino = t ? PID_DIR_INO(t->pid) : 0;
	return t ? nr : -1;
}
