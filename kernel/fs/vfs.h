/*
 * The file layer's private interfaces: inodes, open files, the operations
 * each kind of file provides, and the helpers the kernel/fs/ files share.
 * The rest of the kernel sees only <fs.h> and <proc_fs.h>.
 *
 * An inode here is also its directory entry: it knows its name and its
 * parent, which is all a tree of read-only files needs for "..", getcwd
 * and mount points.
 */
#ifndef FS_VFS_H
#define FS_VFS_H
#include <types.h>
#include <fs.h>
#include <uapi/errno.h>
#include <uapi/fcntl.h>
#include <uapi/stat.h>
#include <uapi/dirent.h>
#include <uapi/limits.h>

/* Not in uapi/fcntl.h: 64-bit Linux adds O_LARGEFILE to every open(2), and F_GETFL shows it. */
#ifndef O_LARGEFILE
#define O_LARGEFILE 0100000
#endif
#ifndef AT_SYMLINK_NOFOLLOW
#define AT_SYMLINK_NOFOLLOW 0x100
#define AT_NO_AUTOMOUNT 0x800
#endif

/* st_dev of each file system, and Linux's encoding of device numbers (new_encode_dev). */
#define DEV_RAMFS 1
#define DEV_PIPEFS 2
#define DEV_PROC 3
#define MKDEV(major, minor) (((minor) & 0xff) | ((major) << 8) | (((minor) & ~0xff) << 12))

/* The caller's buffer: user memory (system calls) or kernel memory (exec, self-tests). */
struct io_buf {
	char *p;
	bool user;
};
/* Copy n bytes to / from the buffer and advance it; 0 or -EFAULT. */
int io_copy_out(struct io_buf *b, const void *src, size_t n);
int io_copy_in(void *dst, struct io_buf *b, size_t n);

struct inode;
struct file;
struct poll_table;

/* readdir: the directory calls emit() for each entry from ctx->pos on. */
struct dir_context {
	/* false: no room for this entry, stop and resume from it next time */
	bool (*emit)(struct dir_context *ctx, const char *name, size_t len, unsigned long ino,
		     unsigned type);
	off_t pos;
};

struct inode_operations {
	/* A referenced child, or ERR_PTR(-ENOENT) ... */
	struct inode *(*lookup)(struct inode *dir, const char *name, size_t len);
	/* Free the inode (its count reached 0). */
	void (*evict)(struct inode *inode);
};

struct file_operations {
	int (*open)(struct inode *inode, struct file *f);
	ssize_t (*read)(struct file *f, struct io_buf *buf, size_t n, off_t *pos);
	ssize_t (*write)(struct file *f, struct io_buf *buf, size_t n, off_t *pos);
	/* Directories: emit entries from ctx->pos; 0 or -errno. */
	int (*iterate)(struct file *f, struct dir_context *ctx);
	long (*ioctl)(struct file *f, unsigned int cmd, unsigned long arg);
	void (*release)(struct file *f);
	bool stream; /* no file position: lseek and pread fail with ESPIPE */
	/* poll(2): the POLL* events ready now, queueing the caller (poll_wait) on pt; NULL: always ready */
	unsigned int (*poll)(struct file *f, struct poll_table *pt);
};

struct inode {
	int count;
	unsigned long ino;
	mode_t mode;
	unsigned int nlink;
	unsigned int dev, rdev;
	off_t size;
	const struct inode_operations *i_op;
	const struct file_operations *i_fop;
	struct inode *parent;  /* referenced, except by the root, which is its own parent */
	struct inode *mounted; /* the root of a file system mounted here, if any */
	char *name;
};

extern struct inode *vfs_root;

/* inode.c */
int inode_init(struct inode *inode, struct inode *parent, const char *name, size_t len);
void inode_free_name(struct inode *inode);
struct inode *iget(struct inode *inode);
void iput(struct inode *inode);
/* The absolute path, written at the end of buf: where it starts, or NULL if it does not fit. */
char *inode_path(struct inode *inode, char *buf, size_t size);
/* S_IFMT >> S_DT_SHIFT is the DT_* type getdents64 reports (Linux's S_DT()). */
#define S_DT_SHIFT 12
static inline unsigned inode_dtype(const struct inode *inode) { return (inode->mode & S_IFMT) >> S_DT_SHIFT; }

/* file_table.c */
struct file {
	int count; /* fds (in any table) and kernel users sharing it */
	unsigned int flags; /* open(2) flags: access mode, O_NONBLOCK, O_APPEND */
	off_t pos;
	struct inode *inode;
	const struct file_operations *f_op;
	void *private_data;
};
/* Open `inode` with its own operations; ERR_PTR on failure. */
struct file *open_inode(struct inode *inode, unsigned int flags);
struct file *alloc_file(struct inode *inode, const struct file_operations *fops, unsigned int flags);
static inline bool file_readable(const struct file *f) { return (f->flags & O_ACCMODE) != O_WRONLY; }
static inline bool file_writable(const struct file *f) { return (f->flags & O_ACCMODE) != O_RDONLY; }

/* fdtable.c */
int fd_install(struct file *f, bool cloexec);       /* the lowest free fd, or -EMFILE */

/* fs_struct.c */
struct inode *current_cwd(void);

/* namei.c */
#define LOOKUP_DIRECTORY 1 /* the result must be a directory (O_DIRECTORY, trailing '/') */
#define LOOKUP_PARENT 2    /* stop at the last component's directory */
struct inode *path_walk(struct inode *root, struct inode *start, const char *path, unsigned flags,
			const char **last);
/* dfd/path as the *at() calls take them, path in kernel memory. */
struct inode *lookup_at(int dfd, const char *path, unsigned flags, const char **last);
/* Copy a user path: a kmalloc'd string (kfree it) or ERR_PTR. */
char *getname(const char __user *upath);

/* ramfs.c */
struct inode *ramfs_new_root(void);
/* Create or replace `path` (relative to dir) with the given contents; 0 or -errno. */
int ramfs_install(struct inode *dir, const char *path, mode_t mode, unsigned int rdev,
		  const void *data, size_t size);
/* Unlink an entry, recursively for a directory. */
void ramfs_remove(struct inode *inode);

/* cpio.c: one archive member */
struct cpio_entry {
	const char *name; /* NUL-terminated, inside the archive */
	mode_t mode;
	unsigned int rdev;
	const void *data;
	size_t size;
};
/* Call fn for each member; 0, or -EINVAL for a malformed archive. */
int cpio_parse(const void *archive, size_t len, int (*fn)(const struct cpio_entry *e, void *arg),
	       void *arg);

/* devices.c: the driver of a character device number, or NULL */
const struct file_operations *chrdev_fops(unsigned int rdev);
/* tty.c */
extern const struct file_operations tty_fops;

/* pipe.c */
struct pipe;
struct pipe *pipe_alloc(void);
void pipe_unref(struct pipe *p);
ssize_t pipe_put(struct pipe *p, struct io_buf *buf, size_t n);
ssize_t pipe_get(struct pipe *p, struct io_buf *buf, size_t n);
size_t pipe_len(const struct pipe *p);
/* F_GETPIPE_SZ and F_SETPIPE_SZ; -EBADF if f is not a pipe. */
long pipe_fcntl(struct file *f, unsigned int cmd, unsigned long arg);

/* proc.c */
void proc_mount(struct inode *mountpoint);
/* kernel/fs/sysfs.c: /sys, the same way */
void sysfs_mount(struct inode *mountpoint);

#endif
