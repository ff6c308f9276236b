/*
 * /proc/<pid>/task (proc(5)): one directory per thread of the process,
 * named by its thread id in the caller's pid namespace and holding that
 * thread's own files (proc_tid_dir, proc_pid.c).  /proc/thread-self leads
 * to the caller's.  Thread tid sits at readdir position 2 + tid, so a
 * resumed readdir continues after the last one listed.
 */
#include "proc_internal.h"
#include <sched.h>
#include <pid.h>
#include <string.h>

/* The thread of the directory's process with the smallest tid >= from (in the caller's namespace), or NULL. */
static struct task_struct *next_thread_from(struct task_struct *process, pid_t from, pid_t *nr)
{
	struct task_struct *t, *best = NULL;
	pid_t best_nr = 0;

	list_for_each_entry(t, &process->signal->thread_head, thread_node) {
		pid_t v = task_pid_vnr(t);
		if (v >= from && v > 0 && (!best || v < best_nr)) {
			best = t;
			best_nr = v;
		}
	}
	*nr = best_nr;
	return best;
}

static struct dentry *task_dir_lookup(struct dentry *dir, const char *name, size_t len)
{
	struct task_struct *process = proc_task(dir->inode), *thread;
	pid_t nr = proc_parse_pid(name, len), found;

	thread = process && nr > 0 ? next_thread_from(process, nr, &found) : NULL;
	return thread && found == nr ? proc_tid_dir(dir, thread) : ERR_PTR(-ENOENT);
}

static int task_dir_iterate(struct file *f, struct dir_context *ctx)
{
	struct task_struct *process = proc_task(f->inode), *t;
	pid_t nr;

	if (!process)
		return -ENOENT;
	if (!proc_emit_dots(ctx, f->dentry))
		return 0;
	while ((t = next_thread_from(process, ctx->pos - 2, &nr))) {
		char name[12];
		int len = snprintf(name, sizeof(name), "%d", nr);
		ctx->pos = 2 + nr;
		if (!ctx->emit(ctx, name, len, TID_DIR_INO(t->pid), DT_DIR))
			break;
	}
	return 0;
}

static const struct inode_operations task_dir_iops = {
	.lookup = task_dir_lookup,
	.evict = proc_evict,
};

static const struct file_operations task_dir_fops = {
	.iterate = task_dir_iterate,
};

struct dentry *proc_task_dir(struct dentry *pid_dir, unsigned long ino)
{
	return proc_new_inode(pid_dir, "task", 4, S_IFDIR | 0555, ino, &task_dir_iops, &task_dir_fops);
}
