/*
 * /proc/<pid>: one directory per process visible in the caller's pid
 * namespace (thread-group leaders in readdir; any task by lookup, as in
 * Linux), named by its pid there, holding the files and links of
 * proc_pid_entries[] and the fd, fdinfo and task directories; task/<tid>
 * holds the same for one thread.
 * The directory remembers the task's global pid and finds the task again
 * on each use, so a directory outliving its process just stops working.
 */
#include "proc_internal.h"
#include <sched.h>
#include <pid.h>
#include <string.h>
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
};
/*
 * The directories after the table's entries, in readdir and in inode
 * numbers, each made by its own code: the open files (proc_fd.c) and,
 * last and only in a process's directory (not in task/<tid>), its threads
 * (proc_task.c).
 */
static const struct {
	const char *name;
	struct dentry *(*make)(struct dentry *dir, unsigned long ino);
} pid_subdirs[] = {
	{ "fd", proc_fd_dir },
	{ "fdinfo", proc_fdinfo_dir },
	{ "task", proc_task_dir },
};
#define SUBDIR_INDEX ARRAY_SIZE(proc_pid_entries)
#define NR_TID_SUBDIRS (ARRAY_SIZE(pid_subdirs) - 1) /* all but "task" */
_Static_assert(SUBDIR_INDEX + ARRAY_SIZE(pid_subdirs) < 64, "inode numbers: 64 per /proc/<pid>");

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

/* name in a /proc/<pid> or task/<tid> directory, which has the first nr_subdirs of pid_subdirs. */
static struct dentry *pid_entry_lookup(struct dentry *dir, const char *name, size_t len, size_t nr_subdirs)
{
	if (!proc_task(dir->inode))
		return ERR_PTR(-ENOENT);
	for (size_t i = 0; i < nr_subdirs; i++)
		if (!strncmp(pid_subdirs[i].name, name, len) && !pid_subdirs[i].name[len])
			return pid_subdirs[i].make(dir, dir->inode->ino + 1 + SUBDIR_INDEX + i);
	return proc_lookup_entry(dir, name, len, proc_pid_entries, ARRAY_SIZE(proc_pid_entries),
				 dir->inode->ino + 1);
}

static int pid_entry_iterate(struct file *f, struct dir_context *ctx, size_t nr_subdirs)
{
	struct inode *dir = f->inode;

	if (!proc_emit_dots(ctx, f->dentry))
		return 0;
	if (!proc_emit_entries(ctx, proc_pid_entries, ARRAY_SIZE(proc_pid_entries), 2, dir->ino + 1))
		return 0;
	for (size_t i = ctx->pos - 2 - SUBDIR_INDEX; i < nr_subdirs; i++)
		if (!ctx->emit(ctx, pid_subdirs[i].name, strlen(pid_subdirs[i].name),
			       dir->ino + 1 + SUBDIR_INDEX + i, DT_DIR))
			return 0;
	return 0;
}

static struct dentry *pid_dir_lookup(struct dentry *dir, const char *name, size_t len)
{
	return pid_entry_lookup(dir, name, len, ARRAY_SIZE(pid_subdirs));
}

static int pid_dir_iterate(struct file *f, struct dir_context *ctx)
{
	return pid_entry_iterate(f, ctx, ARRAY_SIZE(pid_subdirs));
}

static struct dentry *tid_dir_lookup(struct dentry *dir, const char *name, size_t len)
{
	return pid_entry_lookup(dir, name, len, NR_TID_SUBDIRS);
}

static int tid_dir_iterate(struct file *f, struct dir_context *ctx)
{
	return pid_entry_iterate(f, ctx, NR_TID_SUBDIRS);
}

static const struct inode_operations pid_dir_iops = {
	.lookup = pid_dir_lookup,
	.evict = proc_evict,
};

static const struct file_operations pid_dir_fops = {
	.iterate = pid_dir_iterate,
};

static const struct inode_operations tid_dir_iops = {
	.lookup = tid_dir_lookup,
	.evict = proc_evict,
};

static const struct file_operations tid_dir_fops = {
	.iterate = tid_dir_iterate,
};

/* The directory of task under parent, named by its pid in the caller's namespace. */
static struct dentry *task_dir(struct dentry *parent, struct task_struct *task, unsigned long ino,
			       const struct inode_operations *iops, const struct file_operations *fops)
{
	char name[12];
	pid_t nr = task_pid_vnr(task);

	if (nr <= 0)
		return ERR_PTR(-ENOENT); /* not in the caller's namespace */
	int len = snprintf(name, sizeof(name), "%d", nr);
	struct dentry *dir = proc_new_inode(parent, name, len, S_IFDIR | 0555, ino, iops, fops);
	if (!IS_ERR(dir))
		PROC_I(dir->inode)->pid = task->pid;
	return dir;
}

struct dentry *proc_pid_dir(struct dentry *root, struct task_struct *task)
{
	return task_dir(root, task, PID_DIR_INO(task->pid), &pid_dir_iops, &pid_dir_fops);
}

struct dentry *proc_tid_dir(struct dentry *task_dir_dentry, struct task_struct *thread)
{
	return task_dir(task_dir_dentry, thread, TID_DIR_INO(thread->pid), &tid_dir_iops, &tid_dir_fops);
}

pid_t proc_parse_pid(const char *name, size_t len)
{
	pid_t nr = 0;

	if (!len || len > 5 || name[0] == '0')
		return -1;
	for (size_t i = 0; i < len; i++) {
		if (name[i] < '0' || name[i] > '9')
			return -1;
		nr = nr * 10 + (name[i] - '0');
	}
	return nr;
}

struct dentry *proc_pid_lookup(struct dentry *root, const char *name, size_t len)
{
	pid_t nr = proc_parse_pid(name, len);
	struct task_struct *task = nr > 0 ? find_task_by_vpid(nr) : NULL;

	return task ? proc_pid_dir(root, task) : ERR_PTR(-ENOENT);
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

/* Processes sit at positions first_pos + pid, so a resumed readdir continues after the last one. */
int proc_pid_readdir(struct dir_context *ctx, off_t first_pos)
{
	struct task_struct *t;
	pid_t nr;

	while ((t = next_process(ctx->pos > first_pos ? ctx->pos - first_pos : 0, &nr))) {
		char name[12];
		int len = snprintf(name, sizeof(name), "%d", nr);
		ctx->pos = first_pos + nr;
		if (!ctx->emit(ctx, name, len, PID_DIR_INO(t->pid), DT_DIR))
			break;
	}
	return 0;
}
