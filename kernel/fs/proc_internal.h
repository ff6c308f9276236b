/* What the /proc files (proc*.c) share. */
#ifndef FS_PROC_INTERNAL_H
#define FS_PROC_INTERNAL_H
#include "vfs.h"
#include <proc_fs.h>
#include <time.h>

struct task_struct;

struct proc_inode {
	struct inode vfs;
	pid_t pid;                      /* global pid of the /proc/<pid> task; 0 outside them */
	const struct proc_entry *entry; /* regular files and links: what generates them */
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
struct dentry *proc_new_file(struct dentry *dir, const struct proc_entry *e, unsigned long ino);
bool proc_emit_dots(struct dir_context *ctx, struct dentry *dir);
/* ERR_PTR(-ENOENT) unless name[0..len) is one of the n entries: then a new inode for it. */
struct dentry *proc_lookup_entry(struct dentry *dir, const char *name, size_t len,
				const struct proc_entry *entries, size_t n, unsigned long first_ino);
/* Emit entries[ctx->pos - first_pos ...]; false when the caller must stop. */
bool proc_emit_entries(struct dir_context *ctx, const struct proc_entry *entries, size_t n,
		       off_t first_pos, unsigned long first_ino);

/* USER_HZ: the clock ticks /proc counts time in (sysconf(_SC_CLK_TCK) on Linux x86-64). */
#define USER_HZ 100
static inline u64 jiffies_to_clock_t(u64 ticks)
{
	return ticks * USER_HZ / HZ;
}

/* proc_array.c: "R (running)", "S (sleeping)", ...; stat shows the letter */
const char *task_state(const struct task_struct *t);

/* proc_link.c */
extern const struct inode_operations proc_link_iops;    /* exe, cwd */
extern const struct inode_operations proc_fd_link_iops; /* fd/N, whose PROC_I(inode)->fd is N */
struct dentry *proc_self_link(struct dentry *root, unsigned long ino);
struct dentry *proc_thread_self_link(struct dentry *root, unsigned long ino);

/* proc_fd.c: /proc/<pid>/fd and /proc/<pid>/fdinfo */
struct dentry *proc_fd_dir(struct dentry *pid_dir, unsigned long ino);
struct dentry *proc_fdinfo_dir(struct dentry *pid_dir, unsigned long ino);

/* proc_task.c: /proc/<pid>/task */
struct dentry *proc_task_dir(struct dentry *pid_dir, unsigned long ino);

/* proc_pid.c */
/* task/<tid> differs from /proc/<tid>: find(1) must not see a directory inside itself. */
#define TID_DIR_INO(pid) (0x20000000ul + (unsigned long)(pid) * 64)
/* A pid as /proc names it: decimal, no sign, no leading zero; -1 otherwise. */
pid_t proc_parse_pid(const char *name, size_t len);
struct task_struct *proc_task(struct inode *inode); /* NULL: gone, or not a /proc/<pid> file */
struct dentry *proc_pid_dir(struct dentry *root, struct task_struct *task);
/* /proc/<pid>/task/<tid>: the thread's own directory, without a task subdirectory. */
struct dentry *proc_tid_dir(struct dentry *task_dir, struct task_struct *thread);
struct dentry *proc_pid_lookup(struct dentry *root, const char *name, size_t len);
int proc_pid_readdir(struct dir_context *ctx, off_t first_pos);
#endif
