/*
 * vfs_init: build the root file system.  Every boot module is a cpio newc
 * archive (an initramfs); they are unpacked in boot order into one ramfs
 * tree, so a later archive adds to and replaces what an earlier one put
 * there.  File data is copied into page frames, so every file can be
 * written, and the modules' own frames are then freed.  Then the device
 * nodes, the links /dev/fd, /dev/stdin, /dev/stdout and /dev/stderr, and
 * the /proc, /sys and /tmp mount points are added if missing, and /proc,
 * /sys and a tmpfs mounted on them.
 */
#include "vfs.h"
#include <bootinfo.h>
#include <gfp.h>
#include <printk.h>
#include <asm/page.h>
#include <string.h>
#include <uapi/magic.h>

/* Linux's numbers for the character devices we provide (devices.txt). */
static const struct {
	const char *path;
	unsigned int rdev;
} dev_nodes[] = {
	{ "dev/null", MKDEV(1, 3) },    { "dev/zero", MKDEV(1, 5) },
	{ "dev/kmsg", MKDEV(1, 11) },   { "dev/tty", MKDEV(5, 0) },
	{ "dev/console", MKDEV(5, 1) }, { "dev/tty1", MKDEV(4, 1) },
};

/* The links udev (or systemd-tmpfiles) makes in /dev on Linux: through the caller's fd table. */
static const struct {
	const char *path, *target;
} dev_links[] = {
	{ "dev/fd", "/proc/self/fd" },
	{ "dev/stdin", "/proc/self/fd/0" },
	{ "dev/stdout", "/proc/self/fd/1" },
	{ "dev/stderr", "/proc/self/fd/2" },
};

static int unpack_entry(const struct cpio_entry *e, void *root)
{
	mode_t type = e->mode & S_IFMT;

	if (type != S_IFDIR && type != S_IFREG && type != S_IFCHR && type != S_IFLNK) {
		pr_warn("initrd: %s: only directories, regular files, symlinks and character devices are supported\n",
			e->name);
		return 0;
	}
	int err = ramfs_install(root, e->name, e->mode, e->rdev, e->data, e->size);
	if (err)
		pr_warn("initrd: %s: error %d\n", e->name, err);
	return 0;
}

static void unpack_modules(void)
{
	for (unsigned i = 0; i < bootinfo.nr_modules; i++) {
		struct mem_region *m = &bootinfo.modules[i];
		if (cpio_parse(__va(m->base), m->size, unpack_entry, vfs_root))
			pr_warn("initrd: module %u is not a complete cpio newc archive\n", i);
		free_initrd_mem(m->base, m->size);
		pr_info("Freeing initrd memory: %luK\n", (unsigned long)(m->size / 1024));
	}
}

/* The node at path, made if missing (an archive's own node of the same name wins); referenced. */
static struct dentry *add_missing(const char *path, mode_t mode, unsigned int rdev, const char *target)
{
	struct dentry *d = path_walk(vfs_root, path, 0, NULL);

	if (IS_ERR(d) && ramfs_install(vfs_root, path, mode, rdev, target, target ? strlen(target) : 0))
		panic("vfs: cannot create /%s", path);
	if (IS_ERR(d))
		d = path_walk(vfs_root, path, 0, NULL);
	if (IS_ERR(d) || (S_ISDIR(mode) && !S_ISDIR(d->inode->mode)))
		panic("vfs: /%s is not a directory", path);
	return d;
}

/* tmpfs on /tmp, world-writable and sticky, and (Linux's default) up to half of memory. */
static void mount_tmp(void)
{
	struct dentry *tmp = add_missing("tmp", S_IFDIR | 01777, 0, NULL);
	struct dentry *root = ramfs_new_root(DEV_TMPFS, TMPFS_MAGIC, nr_total_pages() / 2);

	root->inode->mode = S_IFDIR | 01777;
	d_mount(tmp, root);
	dput(tmp);
}

void vfs_init(void)
{
	vfs_root = ramfs_new_root(DEV_RAMFS, RAMFS_MAGIC, 0);
	unpack_modules();
	for (size_t i = 0; i < ARRAY_SIZE(dev_nodes); i++)
		dput(add_missing(dev_nodes[i].path, S_IFCHR | 0666, dev_nodes[i].rdev, NULL));
	for (size_t i = 0; i < ARRAY_SIZE(dev_links); i++)
		dput(add_missing(dev_links[i].path, S_IFLNK | 0777, 0, dev_links[i].target));
	struct dentry *proc = add_missing("proc", S_IFDIR | 0555, 0, NULL);
	proc_mount(proc);
	dput(proc);
	struct dentry *sys = add_missing("sys", S_IFDIR | 0555, 0, NULL);
	sysfs_mount(sys);
	dput(sys);
	mount_tmp();
}
