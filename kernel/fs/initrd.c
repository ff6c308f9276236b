/*
 * vfs_init: build the root file system.  Every boot module is a cpio newc
 * archive (an initramfs); they are unpacked in boot order into one ramfs
 * tree, so a later archive adds to and replaces what an earlier one put
 * there.  File data stays in the modules (memblock keeps them reserved).
 * Then the device nodes and the /proc mount point are added if missing.
 */
#include "vfs.h"
#include <bootinfo.h>
#include <printk.h>
#include <asm/page.h>

/* Linux's numbers for the character devices we provide (devices.txt). */
static const struct {
	const char *path;
	unsigned int rdev;
} dev_nodes[] = {
	{ "dev/null", MKDEV(1, 3) },    { "dev/zero", MKDEV(1, 5) },
	{ "dev/kmsg", MKDEV(1, 11) },   { "dev/tty", MKDEV(5, 0) },
	{ "dev/console", MKDEV(5, 1) }, { "dev/tty1", MKDEV(4, 1) },
};

static int unpack_entry(const struct cpio_entry *e, void *root)
{
	mode_t type = e->mode & S_IFMT;

	if (type != S_IFDIR && type != S_IFREG && type != S_IFCHR) {
		pr_warn("initrd: %s: only directories, regular files and character devices are supported\n",
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
	}
}

/* An archive's own node of the same name wins. */
static void add_missing(const char *path, mode_t mode, unsigned int rdev)
{
	struct inode *old = path_walk(vfs_root, vfs_root, path, 0, NULL);

	if (!IS_ERR(old)) {
		iput(old);
		return;
	}
	if (ramfs_install(vfs_root, path, mode, rdev, NULL, 0))
		panic("vfs: cannot create /%s", path);
}

/* A generated file system on /name, which is made if the initrd has none. */
static void mount_on(const char *name, void (*mount)(struct inode *mountpoint))
{
	add_missing(name, S_IFDIR | 0555, 0);
	struct inode *dir = path_walk(vfs_root, vfs_root, name, LOOKUP_DIRECTORY, NULL);
	if (IS_ERR(dir))
		panic("vfs: /%s is not a directory", name);
	mount(dir);
	iput(dir);
}

void vfs_init(void)
{
	vfs_root = ramfs_new_root();
	if (!vfs_root)
		panic("vfs: out of memory");
	unpack_modules();
	for (size_t i = 0; i < ARRAY_SIZE(dev_nodes); i++)
		add_missing(dev_nodes[i].path, S_IFCHR | 0666, dev_nodes[i].rdev);
	mount_on("proc", proc_mount);
	mount_on("sys", sysfs_mount);
}
