/*
 * /proc (proc(5)): a read-only tree made up as it is looked at.  Its
 * root holds the files of proc_root_entries[], "self" and "thread-self"
 * (symlinks to the caller's own /proc/<pid> and /proc/<pid>/task/<tid>,
 * proc_link.c) and one directory per process
 * (proc_pid.c).  Inodes are made by each lookup and freed with
 * their last reference; numbers are fixed so stat(2) agrees across lookups.
 */
#include "proc_internal.h"
#include <slab.h>
#include <gfp.h>
#include <printk.h>
#include <sched.h>
#include <string.h>
#include <uapi/magic.h>

#define PROC_ROOT_INO 1
#define PROC_SELF_POS 2 /* readdir positions of "self" and "thread-self"; the root entries follow */
#define PROC_THREAD_SELF_POS 3
#define PROC_PID_POS 256 /* readdir position of /proc/<pid>: PROC_PID_POS + pid */

static int meminfo_show(struct task_struct *task, struct seq_buf *m)
{
	unsigned long kb_per_page = PAGE_SIZE / 1024;

	(void)task;
	seq_printf(m, "%-16s%8lu kB\n", "MemTotal:", nr_total_pages() * kb_per_page);
	seq_printf(m, "%-16s%8lu kB\n", "MemFree:", nr_free_pages() * kb_per_page);
	/* Nothing is cached or reclaimable here: all free memory is available. */
	seq_printf(m, "%-16s%8lu kB\n", "MemAvailable:", nr_free_pages() * kb_per_page);
	return 0;
}

/* /proc/cowl: Cowl's own controls (Linux has no such directory). */
static const struct proc_entry proc_cowl_entries[] = {
	{ .name = "trace", .show = proc_trace_show, .write = proc_trace_write },
	{ .name = "fail_page_alloc", .show = proc_fail_page_alloc_show, .write = proc_fail_page_alloc_write },
	{ .name = "fork_mode", .show = proc_fork_mode_show, .write = proc_fork_mode_write },
	{ .name = "provoke-crash", .write = proc_provoke_crash_write },
};

static const struct proc_entry proc_root_entries[] = {
	{ .name = "cpuinfo", .show = proc_cpuinfo_show },
	{ .name = "meminfo", .show = meminfo_show },
	{ .name = "kpagecount", .read = proc_kpagecount_read },
	{ .name = "vmstat", .show = proc_vmstat_show },
	{ .name = "stat", .show = proc_stat_show },
	{ .name = "uptime", .show = proc_uptime_show },
	{ .name = "loadavg", .show = proc_loadavg_show },
	{ .name = "sysrq-trigger", .write = proc_sysrq_write },
	{ .name = "cowl", .children = proc_cowl_entries, .nr_children = ARRAY_SIZE(proc_cowl_entries) },
};

#define PROC_SELF_INO (PROC_ROOT_INO + 1)
#define PROC_THREAD_SELF_INO (PROC_ROOT_INO + 2)
#define ROOT_FILE_INO (PROC_ROOT_INO + 3) /* after the root, "self" and "thread-self" */

static struct super_block proc_sb = { .dev = DEV_PROC, .magic = PROC_SUPER_MAGIC, .next_ino = 1 };

void proc_evict(struct inode *inode)
{
	kfree(PROC_I(inode));
}

const struct inode_operations proc_file_iops = {
	.evict = proc_evict,
};

/* The task of a /proc/<pid> file, looked up again for each use (NULL for /proc's own files). */
static int file_task(struct file *f, struct task_struct **task)
{
	*task = proc_task(f->inode);
	return (*task || !PROC_I(f->inode)->pid) ? 0 : -ESRCH;
}

int proc_seq_install(struct file *f, struct seq_buf *m, int err)
{
	if (!err && m->overflow)
		err = -ENOMEM;
	if (err) {
		kfree(m->buf);
		kfree(m);
		return err;
	}
	f->private_data = m;
	return 0;
}

static int proc_file_open(struct inode *inode, struct file *f)
{
	const struct proc_entry *e = PROC_I(inode)->entry;
	struct task_struct *task;
	int err = file_task(f, &task);

	if (err || !e->show)
		return err;
	struct seq_buf *m = kzalloc(sizeof(*m));
	if (!m)
		return -ENOMEM;
	return proc_seq_install(f, m, e->show(task, m));
}

static ssize_t seq_read(struct seq_buf *m, struct io_buf *buf, size_t n, off_t *pos)
{
	if (*pos >= (off_t)m->len)
		return 0;
	n = MIN(n, m->len - *pos);
	if (io_copy_out(buf, m->buf + *pos, n))
		return -EFAULT;
	*pos += n;
	return n;
}

/* Generate and copy out up to a page at a time, asking entry->read for each piece. */
static ssize_t generated_read(struct file *f, struct io_buf *buf, size_t n, off_t *pos)
{
	const struct proc_entry *e = PROC_I(f->inode)->entry;
	char *page = kmalloc(PAGE_SIZE);
	ssize_t done = 0, got = 0;

	if (!page)
		return -ENOMEM;
	while ((size_t)done < n) {
		struct task_struct *task;
		size_t want = MIN(n - done, PAGE_SIZE);
		got = file_task(f, &task);
		if (!got)
			got = e->read(task, page, want, *pos);
		if (got > 0 && io_copy_out(buf, page, got))
			got = -EFAULT;
		if (got <= 0)
			break;
		*pos += got;
		done += got;
		if ((size_t)got < want)
			break;
	}
	kfree(page);
	return done ? done : got;
}

#define PROC_WRITE_MAX 64

/* A control file takes one short line per write(2). */
static ssize_t proc_file_write(struct file *f, struct io_buf *buf, size_t n, off_t *pos)
{
	const struct proc_entry *e = PROC_I(f->inode)->entry;
	char text[PROC_WRITE_MAX];

	(void)pos;
	if (!e->write)
		return -EINVAL;
	if (n >= sizeof(text))
		return -EINVAL;
	if (io_copy_in(text, buf, n))
		return -EFAULT;
	text[n] = '\0';
	if (n && text[n - 1] == '\n')
		text[n - 1] = '\0';
	int err = e->write(text);
	return err ? err : (ssize_t)n;
}

ssize_t proc_file_read(struct file *f, struct io_buf *buf, size_t n, off_t *pos)
{
	if (f->private_data)
		return seq_read(f->private_data, buf, n, pos);
	if (!PROC_I(f->inode)->entry->read)
		return -EINVAL; /* a write-only control file */
	return generated_read(f, buf, n, pos);
}

void proc_file_release(struct file *f)
{
	struct seq_buf *m = f->private_data;

	if (m) {
		kfree(m->buf);
		kfree(m);
	}
}

static const struct file_operations proc_file_fops = {
	.open = proc_file_open,
	.read = proc_file_read,
	.write = proc_file_write,
	.release = proc_file_release,
};

/* A subdirectory made from a table: its entries start at inode number ino * 64. */
static struct dentry *proc_dir_lookup(struct dentry *dir, const char *name, size_t len)
{
	const struct proc_entry *e = PROC_I(dir->inode)->entry;

	return proc_lookup_entry(dir, name, len, e->children, e->nr_children, dir->inode->ino * 64);
}

static int proc_dir_iterate(struct file *f, struct dir_context *ctx)
{
	struct inode *dir = f->inode;
	const struct proc_entry *e = PROC_I(dir)->entry;

	if (!proc_emit_dots(ctx, f->dentry))
		return 0;
	proc_emit_entries(ctx, e->children, e->nr_children, 2, dir->ino * 64);
	return 0;
}

static const struct inode_operations proc_dir_iops = {
	.lookup = proc_dir_lookup,
	.evict = proc_evict,
};

static const struct file_operations proc_dir_fops = {
	.iterate = proc_dir_iterate,
};

/* "." and ".." at positions 0 and 1; false when the caller must stop. */
bool proc_emit_dots(struct dir_context *ctx, struct dentry *dir)
{
	if (ctx->pos == 0 && !ctx->emit(ctx, ".", 1, dir->inode->ino, DT_DIR))
		return false;
	return ctx->pos != 1 || ctx->emit(ctx, "..", 2, dir->parent->inode->ino, DT_DIR);
}

struct dentry *proc_new_inode(struct dentry *parent, const char *name, size_t len, mode_t mode,
			      unsigned long ino, const struct inode_operations *iops,
			      const struct file_operations *fops)
{
	struct inode *inode = new_inode(&proc_sb, mode, sizeof(struct proc_inode));

	if (!inode)
		return ERR_PTR(-ENOMEM);
	inode->ino = ino;
	inode->nlink = S_ISDIR(mode) ? 2 : 1;
	inode->i_op = iops;
	inode->i_fop = fops;
	PROC_I(inode)->pid = parent ? PROC_I(parent->inode)->pid : 0;
	struct dentry *d = d_alloc(parent, name, len, inode);
	if (!d) {
		iput(inode);
		return ERR_PTR(-ENOMEM);
	}
	return d;
}

/* Readable if it can show or generate something, writable if it takes control words. */
static mode_t proc_file_mode(const struct proc_entry *e)
{
	return (e->show || e->read ? 0444 : 0) | (e->write ? 0200 : 0);
}

struct dentry *proc_new_file(struct dentry *dir, const struct proc_entry *e, unsigned long ino)
{
	struct dentry *d = e->children
		? proc_new_inode(dir, e->name, strlen(e->name), S_IFDIR | 0555, ino, &proc_dir_iops, &proc_dir_fops)
		: e->link ? proc_new_inode(dir, e->name, strlen(e->name), S_IFLNK | 0777, ino, &proc_link_iops, NULL)
		: proc_new_inode(dir, e->name, strlen(e->name), S_IFREG | proc_file_mode(e), ino,
				 &proc_file_iops, &proc_file_fops);

	if (!IS_ERR(d))
		PROC_I(d->inode)->entry = e;
	return d;
}

struct dentry *proc_lookup_entry(struct dentry *dir, const char *name, size_t len,
				const struct proc_entry *entries, size_t n, unsigned long first_ino)
{
	for (size_t i = 0; i < n; i++)
		if (!strncmp(entries[i].name, name, len) && !entries[i].name[len])
			return proc_new_file(dir, &entries[i], first_ino + i);
	return ERR_PTR(-ENOENT);
}

bool proc_emit_entries(struct dir_context *ctx, const struct proc_entry *entries, size_t n,
		       off_t first_pos, unsigned long first_ino)
{
	for (off_t i = ctx->pos - first_pos; i >= 0 && (size_t)i < n; i++)
		if (!ctx->emit(ctx, entries[i].name, strlen(entries[i].name), first_ino + i,
			       entries[i].children ? DT_DIR : entries[i].link ? DT_LNK : DT_REG))
			return false;
	return true;
}

static struct dentry *proc_root_lookup(struct dentry *root, const char *name, size_t len)
{
	if (len == 4 && !strncmp(name, "self", 4))
		return proc_self_link(root, PROC_SELF_INO);
	if (len == 11 && !strncmp(name, "thread-self", 11))
		return proc_thread_self_link(root, PROC_THREAD_SELF_INO);
	struct dentry *d = proc_lookup_entry(root, name, len, proc_root_entries,
					     ARRAY_SIZE(proc_root_entries), ROOT_FILE_INO);
	return IS_ERR(d) && PTR_ERR(d) == -ENOENT ? proc_pid_lookup(root, name, len) : d;
}

static int proc_root_iterate(struct file *f, struct dir_context *ctx)
{
	if (!proc_emit_dots(ctx, f->dentry))
		return 0;
	if (ctx->pos == PROC_SELF_POS && !ctx->emit(ctx, "self", 4, PROC_SELF_INO, DT_LNK))
		return 0;
	if (ctx->pos == PROC_THREAD_SELF_POS && !ctx->emit(ctx, "thread-self", 11, PROC_THREAD_SELF_INO, DT_LNK))
		return 0;
	if (!proc_emit_entries(ctx, proc_root_entries, ARRAY_SIZE(proc_root_entries),
			       PROC_THREAD_SELF_POS + 1, ROOT_FILE_INO))
		return 0;
	return proc_pid_readdir(ctx, PROC_PID_POS);
}

static const struct inode_operations proc_root_iops = {
	.lookup = proc_root_lookup,
	.evict = proc_evict,
};

static const struct file_operations proc_root_fops = {
	.iterate = proc_root_iterate,
};

/* The proc root appears in place of `mountpoint`, under the same name and parent. */
void proc_mount(struct dentry *mountpoint)
{
	struct dentry *root = proc_new_inode(NULL, "", 0, S_IFDIR | 0555, PROC_ROOT_INO, &proc_root_iops,
					     &proc_root_fops);

	if (IS_ERR(root))
		panic("proc: out of memory");
	d_mount(mountpoint, root);
}
