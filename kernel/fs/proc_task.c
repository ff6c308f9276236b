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

static int task_next(struct inode *dir, struct task_struct *process, int from, unsigned long *ino)
{
	pid_t nr;
	struct task_struct *t = next_thread_from(process, from, &nr);

	(void)dir;
	*ino = t ? TID_DIR_INO(t->pid) : 0;
	return t ? nr : -1;
}

static struct dentry *task_lookup(struct dentry *dir, struct task_struct *process, int nr, const char *name,
				  size_t len)
{
	pid_t found;
	struct task_struct *thread = next_thread_from(process, nr, &found);

	return thread && found == nr ? proc_tid_dir(dir, thread, name, len) : ERR_PTR(-ENOENT);
}

const struct proc_dir proc_task_dir = {
	.next = task_next,
	.lookup_nr = task_lookup,
	.nr_pos = 2,
	.nr_type = DT_DIR,
};
