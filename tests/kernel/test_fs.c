/*
 * Self-tests of the file layer: cpio unpacking into a ramfs tree, path
 * lookup, the pipe ring, canonical console input and fd tables.  Each test
 * builds its own tree so the real root is left alone.
 */
#include <selftest.h>
#include <sched.h>
#include <string.h>
#include <slab.h>
#include <syscalls.h>
#include <console.h>
#include "../../kernel/fs/vfs.h"

/* Append one cpio newc member to buf at *off. */
static void cpio_add(char *buf, size_t *off, const char *name, mode_t mode, const char *data)
{
	size_t namesize = strlen(name) + 1, size = data ? strlen(data) : 0;

	*off += snprintf(buf + *off, 111, "070701%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X",
			 1u, mode, 0u, 0u, 1u, 0u, (unsigned)size, 0u, 0u, 0u, 0u, (unsigned)namesize, 0u);
	memcpy(buf + *off, name, namesize);
	*off = ALIGN_UP(*off + namesize, 4);
	memcpy(buf + *off, data, size);
	*off = ALIGN_UP(*off + size, 4);
}

static int install(const struct cpio_entry *e, void *root)
{
	return ramfs_install(root, e->name, e->mode, e->rdev, e->data, e->size);
}

/* A tree from one archive: ./bin/, bin/hello, etc/motd (etc/ implied). */
static struct dentry *build_tree(char *archive)
{
	size_t len = 0;
	struct dentry *root = ramfs_new_root(DEV_RAMFS, 0, 0);

	cpio_add(archive, &len, ".", S_IFDIR | 0755, NULL);
	cpio_add(archive, &len, "./bin", S_IFDIR | 0755, NULL);
	cpio_add(archive, &len, "bin/hello", S_IFREG | 0755, "hi\n");
	cpio_add(archive, &len, "etc/motd", S_IFREG | 0644, "welcome");
	cpio_add(archive, &len, "TRAILER!!!", 0, NULL);
	if (root && cpio_parse(archive, len, install, root)) {
		ramfs_free_root(root);
		return NULL;
	}
	return root;
}

/* The error path_walk gives for path in tree root (0 if it finds something). */
static long walk_err(struct dentry *root, const char *path, unsigned flags)
{
	struct dentry *d = path[0] == '/' ? ERR_PTR(-EINVAL) : path_walk(root, path, flags, NULL);

	if (IS_ERR(d))
		return PTR_ERR(d);
	dput(d);
	return 0;
}

/* Relative paths only: an absolute one would start at the real root. */
static bool walk_is(struct dentry *start, const char *path, const char *name)
{
	struct dentry *d = path_walk(start, path, 0, NULL);

	if (IS_ERR(d))
		return false;
	bool same = !strcmp(d->name, name);
	dput(d);
	return same;
}

KERNEL_TEST(fs_cpio_unpacks_into_ramfs)
{
	static char archive[1024];
	struct dentry *root = build_tree(archive);
	char buf[16] = { 0 };

	KT_ASSERT(root);
	struct dentry *hello = path_walk(root, "bin/hello", 0, NULL);
	KT_ASSERT(!IS_ERR(hello));
	struct inode *h = hello->inode;
	KT_ASSERT(S_ISREG(h->mode) && h->size == 3 && (h->mode & 0777) == 0755);
	struct file *f = open_dentry(hello, O_RDONLY);
	dput(hello);
	KT_ASSERT(!IS_ERR(f));
	KT_ASSERT(kernel_read(f, buf, sizeof(buf), 0) == 3 && !memcmp(buf, "hi\n", 3));
	KT_ASSERT(kernel_read(f, buf, sizeof(buf), 3) == 0);
	fput(f);
	KT_ASSERT(root->inode->nlink == 4); /* ".", bin/.., etc/.. */
	ramfs_free_root(root);
}

static int count_entry(const struct cpio_entry *e, void *count)
{
	(void)e;
	++*(int *)count;
	return 0;
}

KERNEL_TEST(fs_cpio_rejects_bad_archives)
{
	static char archive[1024];
	size_t len = 0;
	int count = 0;

	cpio_add(archive, &len, "a", S_IFREG | 0644, "data");
	KT_ASSERT(cpio_parse(archive, len, count_entry, &count) == -EINVAL && count == 1); /* no trailer */
	KT_ASSERT(cpio_parse(archive, 100, count_entry, &count) == -EINVAL && count == 1); /* truncated */
	archive[0] = 'x';
	KT_ASSERT(cpio_parse(archive, len, count_entry, &count) == -EINVAL && count == 1); /* bad magic */
}

KERNEL_TEST(fs_later_archive_replaces)
{
	static char archive[1024];
	struct dentry *root = build_tree(archive);

	KT_ASSERT(root);
	KT_ASSERT(ramfs_install(root, "bin/hello", S_IFREG | 0644, 0, "new!", 4) == 0);
	KT_ASSERT(ramfs_install(root, "etc/motd", S_IFDIR | 0755, 0, NULL, 0) == 0);
	KT_ASSERT(ramfs_install(root, "bin/sh", S_IFLNK | 0777, 0, "hello", 5) == 0);
	struct dentry *hello = path_walk(root, "bin/hello", 0, NULL);
	KT_ASSERT(!IS_ERR(hello));
	bool replaced = hello->inode->size == 4 && (hello->inode->mode & 0777) == 0644;
	dput(hello);
	KT_ASSERT(replaced);
	struct dentry *sh = path_walk(root, "bin/sh", 0, NULL), *target = path_walk(root, "bin/sh", LOOKUP_FOLLOW, NULL);
	bool linked = !IS_ERR(sh) && S_ISLNK(sh->inode->mode) && !IS_ERR(target) && target == hello;
	if (!IS_ERR(sh))
		dput(sh);
	if (!IS_ERR(target))
		dput(target);
	KT_ASSERT(linked);
	KT_ASSERT(walk_err(root, "etc/motd", LOOKUP_DIRECTORY) == 0);
	KT_ASSERT(ramfs_install(root, "bin/hello/x", S_IFREG, 0, "", 0) == -ENOTDIR);
	ramfs_free_root(root);
}

KERNEL_TEST(fs_path_lookup)
{
	static char archive[1024];
	static char longname[NAME_MAX + 2];
	struct dentry *root = build_tree(archive);

	KT_ASSERT(root);
	struct dentry *bin = path_walk(root, "bin", 0, NULL);
	KT_ASSERT(!IS_ERR(bin));
	bool relative = walk_is(bin, "hello", "hello") && walk_is(bin, "../etc/motd", "motd")
		     && walk_is(bin, ".", "bin") && walk_is(bin, ".//./hello", "hello");
	dput(bin);
	KT_ASSERT(relative);
	KT_ASSERT(walk_is(root, "bin///hello", "hello"));
	KT_ASSERT(walk_err(root, "", 0) == -ENOENT);
	KT_ASSERT(walk_err(root, "nope", 0) == -ENOENT);
	KT_ASSERT(walk_err(root, "bin/nope/x", 0) == -ENOENT);
	KT_ASSERT(walk_err(root, "bin/hello/", 0) == -ENOTDIR);
	KT_ASSERT(walk_err(root, "bin/hello/x", 0) == -ENOTDIR);
	KT_ASSERT(walk_err(root, "bin/hello", LOOKUP_DIRECTORY) == -ENOTDIR);
	KT_ASSERT(walk_err(root, "bin/", LOOKUP_DIRECTORY) == 0);
	memset(longname, 'a', NAME_MAX + 1);
	KT_ASSERT(walk_err(root, longname, 0) == -ENAMETOOLONG);
	longname[NAME_MAX] = '\0';
	KT_ASSERT(walk_err(root, longname, 0) == -ENOENT);
	const char *last;
	struct dentry *dir = path_walk(root, "etc/newfile", LOOKUP_PARENT, &last);
	KT_ASSERT(!IS_ERR(dir));
	bool parent_ok = !strcmp(dir->name, "etc") && !strcmp(last, "newfile");
	dput(dir);
	KT_ASSERT(parent_ok);
	ramfs_free_root(root);
}

KERNEL_TEST(fs_pipe_ring_wraps)
{
	enum { CAP = 16 * PAGE_SIZE };
	struct pipe *p = pipe_alloc();
	char *data = kmalloc(CAP), *out = kmalloc(CAP);
	struct io_buf in, got;

	KT_ASSERT(p && data && out);
	for (size_t i = 0; i < CAP; i++)
		data[i] = (char)(i * 7);
	in = (struct io_buf){ data, false };
	KT_ASSERT(pipe_put(p, &in, 100) == 100);
	got = (struct io_buf){ out, false };
	KT_ASSERT(pipe_get(p, &got, 60) == 60 && !memcmp(out, data, 60));
	/* Fill it: the write wraps past the end of the ring and stops when full. */
	in = (struct io_buf){ data, false };
	KT_ASSERT(pipe_put(p, &in, CAP) == CAP - 40 && pipe_len(p) == CAP);
	KT_ASSERT(pipe_put(p, &in, 1) == 0);
	got = (struct io_buf){ out, false };
	KT_ASSERT(pipe_get(p, &got, CAP + 1) == CAP);
	KT_ASSERT(!memcmp(out, data + 60, 40) && !memcmp(out + 40, data, CAP - 40));
	KT_ASSERT(pipe_len(p) == 0 && pipe_get(p, &got, 1) == 0);
	kfree(data);
	kfree(out);
	pipe_free(p);
}

KERNEL_TEST(fs_console_line_editing)
{
	static const char typed[] = "ab\bc\025xy\x7fz\nq\004\004";
	struct file f = { .flags = O_RDONLY };
	char buf[8];
	struct io_buf b;

	for (const char *c = typed; *c; c++)
		console_input_char(*c);
	b = (struct io_buf){ buf, false };
	KT_ASSERT(tty_fops.read(&f, &b, sizeof(buf), &f.pos) == 3 && !memcmp(buf, "xz\n", 3));
	b = (struct io_buf){ buf, false };
	KT_ASSERT(tty_fops.read(&f, &b, sizeof(buf), &f.pos) == 1 && buf[0] == 'q');
	b = (struct io_buf){ buf, false };
	KT_ASSERT(tty_fops.read(&f, &b, sizeof(buf), &f.pos) == 0); /* Ctrl-D on an empty line */
}

/* Runs fn with a fresh fd table in place of current's. */
static void with_files(struct kernel_test *t, void (*fn)(struct kernel_test *t, struct file *f))
{
	KT_ASSERT(current);
	struct dentry *root = ramfs_new_root(DEV_RAMFS, 0, 0);
	struct files_struct *saved = current->files, *files = files_alloc();
	KT_ASSERT(files);
	struct file *f = alloc_file(root, &tty_fops, O_RDONLY);
	KT_ASSERT(!IS_ERR(f));
	current->files = files;
	fn(t, f);
	current->files = saved;
	put_files_struct(files);
	fput(f);
	ramfs_free_root(root);
}

static void fd_dup_and_close(struct kernel_test *t, struct file *f)
{
	get_file(f);
	KT_ASSERT(fd_install(f, false) == 0);
	KT_ASSERT(sys_dup(0) == 1 && sys_dup2(0, 5) == 5 && sys_dup2(5, 5) == 5);
	KT_ASSERT(sys_dup2(7, 3) == -EBADF && sys_dup2(0, NR_OPEN) == -EBADF);
	KT_ASSERT(sys_fcntl(0, F_DUPFD, 10) == 10 && sys_fcntl(0, F_DUPFD_CLOEXEC, 10) == 11);
	KT_ASSERT(sys_fcntl(11, F_GETFD, 0) == FD_CLOEXEC && sys_fcntl(10, F_GETFD, 0) == 0);
	KT_ASSERT(sys_fcntl(0, F_DUPFD, NR_OPEN) == -EINVAL);
	KT_ASSERT(f->count == 6); /* ours + fds 0, 1, 5, 10, 11 */
	struct files_struct *copy = dup_fd(current->files);
	KT_ASSERT(copy && f->count == 11);
	do_close_on_exec(current->files);
	KT_ASSERT(sys_close(11) == -EBADF && f->count == 10);
	put_files_struct(copy);
	KT_ASSERT(sys_close(1) == 0 && sys_close(1) == -EBADF && f->count == 4);
	sys_fcntl(0, F_SETFL, O_NONBLOCK);
	struct file *same = fget(5);
	KT_ASSERT(same == f && (same->flags & O_NONBLOCK)); /* dup'd fds share the open file */
	fput(same);
}

static void fd_table_fills_up(struct kernel_test *t, struct file *f)
{
	get_file(f);
	KT_ASSERT(fd_install(f, false) == 0);
	for (int fd = 1; fd < NR_OPEN; fd++)
		KT_ASSERT(sys_dup(0) == fd);
	KT_ASSERT(sys_dup(0) == -EMFILE && sys_fcntl(0, F_DUPFD, 0) == -EMFILE);
	KT_ASSERT(sys_close(100) == 0 && sys_dup(0) == 100);
}

KERNEL_TEST(fs_fd_dup_and_close)
{
	with_files(t, fd_dup_and_close);
}

KERNEL_TEST(fs_fd_table_fills_up)
{
	with_files(t, fd_table_fills_up);
}
