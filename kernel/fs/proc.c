/*
 * /proc (proc(5)): a read-only tree made up as it is looked at.  Its
 * root holds the entries of proc_root_entries[], among them "self" and
 * "thread-self" (symlinks to the caller's own /proc/<pid> and
 * /proc/<pid>/task/<tid>, proc_link.c), then one directory per process
 * (proc_pid.c).  Every directory, /sys's too (sysfs.c), is a struct
 * proc_dir served by proc_dir_lookup() and proc_dir_iterate().  Inodes
 * are made by each lookup and freed with their last reference; numbers
 * are fixed so stat(2) agrees across lookups.
 */
#include "proc_internal.h"
#include <slab.h>
#include <gfp.h>
#include <printk.h>
#include <sched.h>
#include <string.h>
#include <uapi/magic.h>

#define PROC_ROOT_INO 1
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
static const struct proc_dir proc_cowl_dir = {
	.entries = proc_cowl_entries,
	.nr_entries = ARRAY_SIZE(proc_cowl_entries),
};

static const struct proc_entry proc_root_entries[] = {
	{ .name = "self", .text = proc_self_text },
	{ .name = "thread-self", .text = proc_thread_self_text },
	{ .name = "cpuinfo", .show = proc_cpuinfo_show },
	{ .name = "meminfo", .show = meminfo_show },
	{ .name = "kpagecount", .read = proc_kpagecount_read },
	{ .name = "vmstat", .show = proc_vmstat_show },
	{ .name = "stat", .show = proc_stat_show },
	{ .name = "uptime", .show = proc_uptime_show },
	{ .name = "loadavg", .show = proc_loadavg_show },
	{ .name = "sysrq-trigger", .write = proc_sysrq_write },
	{ .name = "cowl", .dir = &proc_cowl_dir },
};
/* The table, then one directory per process (proc_pid.c). */
static const struct proc_dir proc_root_dir = {
	.entries = proc_root_entries,
	.nr_entries = ARRAY_SIZE(proc_root_entries),
	.ino_spaced = true,
	.next = proc_pid_next,
	.lookup_nr = proc_pid_lookup,
	.nr_pos = PROC_PID_POS,
	.nr_type = DT_DIR,
};

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

/* "." and ".." at positions 0 and 1; false when the caller must stop. */
static bool emit_dots(struct dir_context *ctx, struct dentry *dir)
{
	if (ctx->pos == 0 && !ctx->emit(ctx, ".", 1, dir->inode->ino, DT_DIR))
		return false;
	return ctx->pos != 1 || ctx->emit(ctx, "..", 2, dir->parent->inode->ino, DT_DIR);
}

static unsigned entry_type(const struct proc_entry *e)
{
	return e->dir ? DT_DIR : e->link || e->text ? DT_LNK : DT_REG;
}

/* ERR_PTR(-ENOENT) unless name[0..len) is one of the n entries: then a new inode for it. */
static struct dentry *lookup_entry(struct dentry *dir, const char *name, size_t len,
				   const struct proc_entry *entries, size_t n, unsigned long first_ino)
{
	for (size_t i = 0; i < n; i++)
		if (!strncmp(entries[i].name, name, len) && !entries[i].name[len])
			return proc_new_file(dir, &entries[i], first_ino + i);
	return ERR_PTR(-ENOENT);
}

/* Emit entries[ctx->pos - 2 ...]; false when the caller must stop. */
static bool emit_entries(struct dir_context *ctx, const struct proc_entry *entries, size_t n,
			 unsigned long first_ino)
{
	for (off_t i = ctx->pos - 2; i >= 0 && (size_t)i < n; i++)
		if (!ctx->emit(ctx, entries[i].name, strlen(entries[i].name), first_ino + i,
			       entry_type(&entries[i])))
			return false;
	return true;
}

/* A number as /proc names it: decimal, no sign, no leading zero, at most 9 digits (an int); -1 otherwise. */
static int parse_nr(const char *name, size_t len)
{
	int nr = 0;

	if (!len || len > 9 || (name[0] == '0' && len > 1))
		return -1;
	for (size_t i = 0; i < len; i++) {
		if (name[i] < '0' || name[i] > '9')
			return -1;
		nr = nr * 10 + (name[i] - '0');
	}
	return nr;
}

static unsigned long first_entry_ino(struct inode *dir)
{
	return PROC_I(dir)->dir->ino_spaced ? dir->ino + 1 : dir->ino * 64;
}

/* From ctx->pos on: number nr at position nr_pos + nr, as next() finds them. */
static void emit_numbered(struct dir_context *ctx, struct inode *dir, struct task_struct *task)
{
	const struct proc_dir *d = PROC_I(dir)->dir;
	unsigned long ino;
	char name[12];
	int nr;

	while ((nr = d->next(dir, task, ctx->pos > d->nr_pos ? ctx->pos - d->nr_pos : 0, &ino)) >= 0) {
		int len = snprintf(name, sizeof(name), "%d", nr);
		ctx->pos = d->nr_pos + nr;
		if (!ctx->emit(ctx, name, len, ino, d->nr_type))
			return;
	}
}

static struct dentry *proc_dir_lookup(struct dentry *dir, const char *name, size_t len)
{
	const struct proc_dir *d = PROC_I(dir->inode)->dir;
	struct task_struct *task = proc_task(dir->inode);

	if (PROC_I(dir->inode)->pid && !task)
		return ERR_PTR(-ENOENT); /* in a /proc/<pid> whose task has gone */
	struct dentry *found = lookup_entry(dir, name, len, d->entries, d->nr_entries, first_entry_ino(dir->inode));
	int nr = parse_nr(name, len);
	if (IS_ERR(found) && PTR_ERR(found) == -ENOENT && d->lookup_nr && nr >= 0)
		return d->lookup_nr(dir, task, nr, name, len);
	return found;
}

static int proc_dir_iterate(struct file *f, struct dir_context *ctx)
{
	struct inode *dir = f->inode;
	const struct proc_dir *d = PROC_I(dir)->dir;
	struct task_struct *task = proc_task(dir);

	/* The numbered entries of a /proc/<pid> directory are its task's (fds, threads): gone with it. */
	if (d->next && PROC_I(dir)->pid && !task)
		return -ENOENT;
	if (!emit_dots(ctx, f->dentry))
		return 0;
	if (!emit_entries(ctx, d->entries, d->nr_entries, first_entry_ino(dir)))
		return 0;
	if (d->next)
		emit_numbered(ctx, dir, task);
	return 0;
}

static const struct inode_operations proc_dir_iops = {
	.lookup = proc_dir_lookup,
	.evict = proc_evict,
};

static const struct file_operations proc_dir_fops = {
	.iterate = proc_dir_iterate,
};

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

struct dentry *proc_new_dir(struct dentry *parent, const char *name, size_t len, unsigned long ino,
			    const struct proc_dir *d)
{
	struct dentry *dir = proc_new_inode(parent, name, len, S_IFDIR | (d->owner_only ? 0500 : 0555), ino,
					    &proc_dir_iops, &proc_dir_fops);

	if (!IS_ERR(dir))
		PROC_I(dir->inode)->dir = d;
	return dir;
}

/* Readable if it can show or generate something, writable if it takes control words. */
static mode_t proc_file_mode(const struct proc_entry *e)
{
	return (e->show || e->read ? 0444 : 0) | (e->write ? 0200 : 0);
}

struct dentry *proc_new_file(struct dentry *dir, const struct proc_entry *e, unsigned long ino)
{
	size_t len = strlen(e->name);
	struct dentry *d = e->dir ? proc_new_dir(dir, e->name, len, ino, e->dir)
		: e->link ? proc_new_inode(dir, e->name, len, S_IFLNK | 0777, ino, &proc_link_iops, NULL)
		: e->text ? proc_new_inode(dir, e->name, len, S_IFLNK | 0777, ino, &proc_text_link_iops, NULL)
		: proc_new_inode(dir, e->name, len, S_IFREG | proc_file_mode(e), ino, &proc_file_iops,
				 &proc_file_fops);

	if (!IS_ERR(d))
		PROC_I(d->inode)->entry = e;
	return d;
}

/* The proc root appears in place of `mountpoint`, under the same name and parent. */
void proc_mount(struct dentry *mountpoint)
{
	struct dentry *root = proc_new_dir(NULL, "", 0, PROC_ROOT_INO, &proc_root_dir);

	if (IS_ERR(root))
		panic("proc: out of memory");
	d_mount(mountpoint, root);
}
