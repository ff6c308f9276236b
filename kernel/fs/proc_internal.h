/* What the /proc files (proc*.c) share. */
#ifndef FS_PROC_INTERNAL_H
#define FS_PROC_INTERNAL_H
#include "vfs.h"
#include <proc_fs.h>
#include <time.h>

struct task_struct;

/*
 * What a /proc (or /sys) directory holds after "." and "..": the entries
 * of a table, from readdir position 2, then, if next is set, numbered
 * ones (fds, thread ids, pids), number nr at position nr_pos + nr so that
 * a resumed readdir goes on after the last one listed.  proc_dir_iops and
 * proc_dir_fops (proc.c) serve every directory from the proc_dir it was
 * made with.
 */
struct proc_dir {
	const struct proc_entry *entries;
	size_t nr_entries;
	/*
	 * The table's inode numbers: with ino_spaced they follow the
	 * directory's own, which is 64 apart from its neighbours' (the root,
	 * /proc/<pid>, task/<tid>); without, the directory sits among its
	 * siblings' numbers (a subdirectory in a table) and its entries'
	 * start at 64 times its own.
	 */
	bool ino_spaced;
	bool owner_only; /* dr-x------ (fd, as Linux has it); otherwise dr-xr-xr-x */
	/* The smallest number >= from that dir (of task) lists, with its inode number; -1: none. */
	int (*next)(struct inode *dir, struct task_struct *task, int from, unsigned long *ino);
	/* The entry numbered nr, named name[0..len); ERR_PTR(-ENOENT) when there is none. */
	struct dentry *(*lookup_nr)(struct dentry *dir, struct task_struct *task, int nr, const char *name,
				    size_t len);
	off_t nr_pos;
	unsigned char nr_type; /* the numbered entries' DT_ type */
};

struct proc_inode {
	struct inode vfs;
	pid_t pid;                      /* global pid of the /proc/<pid> task; 0 outside them */
	const struct proc_entry *entry; /* regular files and links: what generates them */
	const struct proc_dir *dir;     /* directories: what they hold */
	int fd;                         /* /proc/<pid>/fd/<fd> links, /proc/<pid>/fdinfo/<fd> files */
};

static inline struct proc_inode *PROC_I(struct inode *inode)
{
	return container_of(inode, struct proc_inode, vfs);
}

/* proc.c */
void proc_evict(struct inode *inode);
extern const struct inode_operations proc_file_iops; /* a regular file's: only evict */
/* m, filled by a show that returned err, becomes f's text (freed instead if err or m overflowed); 0 or -errno. */
int proc_seq_install(struct file *f, struct seq_buf *m, int err);
/* The read and release of a file whose text proc_seq_install made. */
ssize_t proc_file_read(struct file *f, struct io_buf *buf, size_t n, off_t *pos);
void proc_file_release(struct file *f);
/* A new inode and the dentry naming it under parent (NULL: the root). */
struct dentry *proc_new_inode(struct dentry *parent, const char *name, size_t len, mode_t mode,
			      unsigned long ino, const struct inode_operations *iops,
			      const struct file_operations *fops);
/* A new directory holding what d describes. */
struct dentry *proc_new_dir(struct dentry *parent, const char *name, size_t len, unsigned long ino,
			    const struct proc_dir *d);
struct dentry *proc_new_file(struct dentry *dir, const struct proc_entry *e, unsigned long ino);

/* USER_HZ: the clock ticks /proc counts time in (sysconf(_SC_CLK_TCK) on Linux x86-64). */
#define USER_HZ 100
static inline u64 jiffies_to_clock_t(u64 ticks)
{
	return ticks * USER_HZ / HZ;
}

/* proc_array.c: "R (running)", "S (sleeping)", ...; stat shows the letter */
const char *task_state(const struct task_struct *t);

/* proc_link.c */
extern const struct inode_operations proc_link_iops;      /* exe, cwd */
extern const struct inode_operations proc_text_link_iops; /* self, thread-self: the entry's text() */
extern const struct inode_operations proc_fd_link_iops;   /* fd/N, whose PROC_I(inode)->fd is N */

/* proc_fd.c: /proc/<pid>/fd and /proc/<pid>/fdinfo */
extern const struct proc_dir proc_fd_dir, proc_fdinfo_dir;

/* proc_task.c: /proc/<pid>/task */
extern const struct proc_dir proc_task_dir;

/* proc_pid.c */
/* task/<tid> differs from /proc/<tid>: find(1) must not see a directory inside itself. */
#define TID_DIR_INO(pid) (0x20000000ul + (unsigned long)(pid) * 64)
struct task_struct *proc_task(struct inode *inode); /* NULL: gone, or not a /proc/<pid> file */
/* /proc/<pid>/task/<tid>, named name[0..len): the thread's own directory, without a task subdirectory. */
struct dentry *proc_tid_dir(struct dentry *task_dir, struct task_struct *thread, const char *name,
			    size_t len);
/* The root's numbered entries, the processes: struct proc_dir's next and lookup_nr. */
int proc_pid_next(struct inode *root, struct task_struct *none, int from, unsigned long *ino);
struct dentry *proc_pid_lookup(struct dentry *root, struct task_struct *none, int nr, const char *name,
			       size_t len);
#endif
