/*
 * The file layer's private interfaces: inodes, open files, the operations
 * each kind of file provides, and the helpers the kernel/fs/ files share.
 * The rest of the kernel sees only <fs.h> and <proc_fs.h>.
 *
 * An inode is a file; a dentry is one name of it, in a directory (see
 * docs/fs.md).  A file system mounted on a directory has a root dentry
 * with that directory's name and parent, so ".." and paths go through it.
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
#include <uapi/time_types.h>
#include <list.h>
#include <cred.h>

/* Not in uapi/fcntl.h: 64-bit Linux adds O_LARGEFILE to every open(2), and F_GETFL shows it. */
#ifndef O_LARGEFILE
#define O_LARGEFILE 0100000
#endif

/* st_dev of each file system, and Linux's encoding of device numbers (new_encode_dev). */
#define DEV_RAMFS 1
#define DEV_PIPEFS 2
#define DEV_PROC 3
#define DEV_TMPFS 4
#define MKDEV(major, minor) (((minor) & 0xff) | ((major) << 8) | (((minor) & ~0xff) << 12))

/* How many symbolic links one lookup may follow (path_resolution(7): ELOOP beyond). */
#define MAXSYMLINKS 40

/* The caller's buffer: user memory (system calls) or kernel memory (exec, self-tests). */
struct io_buf {
	char *p;
	bool user;
};
/* Copy n bytes to / from the buffer and advance it; 0 or -EFAULT. */
int io_copy_out(struct io_buf *b, const void *src, size_t n);
int io_copy_in(void *dst, struct io_buf *b, size_t n);

struct inode;
struct dentry;
struct file;
struct pipe;
struct task_struct;
struct poll_table;

/* readdir: the directory calls emit() for each entry from ctx->pos on. */
struct dir_context {
	/* false: no room for this entry, stop and resume from it next time */
	bool (*emit)(struct dir_context *ctx, const char *name, size_t len, unsigned long ino,
		     unsigned type);
	off_t pos;
};

/* One mounted file system: what statfs(2) reports and what its files may use. */
struct super_block {
	unsigned int dev;      /* st_dev of its files */
	unsigned long magic;   /* f_type (statfs(2)) */
	unsigned long next_ino;
	long max_pages;        /* file data pages allowed (0: no limit but memory, as ramfs) */
	long nr_pages;         /* file data pages in use */
	long nr_inodes;        /* inodes in use */
};

struct inode_operations {
	/* A referenced child dentry, or ERR_PTR(-ENOENT) ... */
	struct dentry *(*lookup)(struct dentry *dir, const char *name, size_t len);
	/* Free the inode (its count reached 0). */
	void (*evict)(struct inode *inode);
	/* Symbolic links: the target's text into buf (not NUL-terminated); its length or -errno. */
	int (*readlink)(struct dentry *link, char *buf, size_t size);
	/* Links that lead to an object rather than a name (/proc/PID/fd/N): the referenced dentry. */
	struct dentry *(*follow)(struct dentry *link);
	/* Writable directories (a missing operation is Linux's error for that call). */
	/* A new entry (a symlink to target if S_IFLNK, a device rdev if S_IFCHR/S_IFBLK), referenced. */
	struct dentry *(*create)(struct dentry *dir, const char *name, size_t len, mode_t mode,
				 unsigned int rdev, const char *target);
	int (*link)(struct dentry *old, struct dentry *dir, const char *name, size_t len);
	int (*unlink)(struct dentry *dir, struct dentry *victim);
	/* Move old to dir under name, replacing victim (the entry of that name there, or NULL). */
	int (*rename)(struct dentry *old, struct dentry *dir, const char *name, size_t len,
		      struct dentry *victim);
	/* Regular files: a new size (truncate(2)); 0 or -errno. */
	int (*setsize)(struct inode *inode, off_t size);
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

/* What a file is: its type, size, times and contents; it has no name of its own (see dentry). */
struct inode {
	int count; /* dentries and users holding it */
	unsigned long ino;
	mode_t mode;
	uid_t uid;          /* owner: the creator's fsuid (recorded and reported, not checked) */
	gid_t gid;
	unsigned int nlink; /* names in the tree (a directory: 2 + its subdirectories) */
	unsigned int rdev;
	off_t size;
	struct timespec atime, mtime, ctime;
	struct super_block *sb;
	const struct inode_operations *i_op;
	const struct file_operations *i_fop;
	struct pipe *i_pipe; /* pipes and FIFOs: the ring (pipe.c), while open */
};

#define DENTRY_UNLINKED 1 /* removed from its directory; still open or someone's cwd */

/*
 * A name for an inode: what lookup finds, a cwd or an open file refers to,
 * and what getcwd and /proc/PID/fd show.  A file with hard links has one
 * dentry per name.  Linked ramfs entries stay in their directory's
 * children list (one reference each); /proc makes them per lookup.
 */
struct dentry {
	int count; /* children, open files, cwds, the directory's list, lookups in progress */
	unsigned int flags;
	char *name;
	struct dentry *parent;     /* referenced; a root or an anonymous dentry is its own parent */
	struct inode *inode;       /* referenced */
	struct dentry *mounted;    /* the root of a file system mounted here, if any */
	struct list_head children; /* ramfs directories: the entries */
	struct list_head sibling;  /* in the parent's children */
	off_t d_off;               /* its readdir position there, stable while entries come and go */
};

extern struct dentry *vfs_root;

/* stat.c: the dentry dfd refers to, for AT_EMPTY_PATH (referenced, or ERR_PTR) */
struct dentry *fd_dentry(int dfd);
/*
 * stat.c: the dentry an *at(2) call names (Linux's user_path_at): upath
 * from dfd, or dfd itself for an empty path with AT_EMPTY_PATH; a last
 * symlink followed unless AT_SYMLINK_NOFOLLOW.  Referenced, or ERR_PTR.
 */
struct dentry *user_path_at(int dfd, const char __user *upath, int flags);

/* inode.c */
struct inode *new_inode(struct super_block *sb, mode_t mode, size_t size);
struct inode *iget(struct inode *inode);
void iput(struct inode *inode);
void inode_touch(struct inode *inode, bool modified); /* ctime (and mtime) now */
/* S_IFMT >> S_DT_SHIFT is the DT_* type getdents64 reports (Linux's S_DT()). */
#define S_DT_SHIFT 12
static inline unsigned inode_dtype(const struct inode *inode) { return (inode->mode & S_IFMT) >> S_DT_SHIFT; }

/* dcache.c */
/* A dentry naming inode (whose reference it takes over) under parent (NULL: its own parent). */
struct dentry *d_alloc(struct dentry *parent, const char *name, size_t len, struct inode *inode);
struct dentry *dget(struct dentry *d);
void dput(struct dentry *d);
int d_set_name(struct dentry *d, const char *name, size_t len);
/* The absolute path, written at the end of buf: where it starts, or NULL if it does not fit.
 * An unlinked dentry's path ends in " (deleted)", as /proc shows it. */
char *d_path(struct dentry *d, char *buf, size_t size);
/* The name's child in a directory's list (referenced), or NULL. */
struct dentry *d_find_child(struct dentry *dir, const char *name, size_t len);
bool d_is_ancestor(const struct dentry *a, const struct dentry *d);

/* file_table.c */
struct file {
	int count; /* fds (in any table) and kernel users sharing it */
	unsigned int flags; /* open(2) flags: access mode, O_NONBLOCK, O_APPEND */
	off_t pos;
	struct dentry *dentry; /* referenced: the name it was opened by */
	struct inode *inode;   /* dentry->inode */
	const struct file_operations *f_op;
	void *private_data;
};
/* Open the dentry's inode with its own operations; ERR_PTR on failure. */
struct file *open_dentry(struct dentry *d, unsigned int flags);
struct file *alloc_file(struct dentry *d, const struct file_operations *fops, unsigned int flags);
static inline bool file_readable(const struct file *f) { return (f->flags & O_ACCMODE) != O_WRONLY; }
static inline bool file_writable(const struct file *f) { return (f->flags & O_ACCMODE) != O_RDONLY; }

/* fdtable.c */
int fd_install(struct file *f, bool cloexec);       /* the lowest free fd, or -EMFILE */
/* The open file behind fd in task's table (referenced), or NULL. */
struct file *fget_task(struct task_struct *task, unsigned int fd);
/* The lowest open fd >= from in task's table, or -1. */
int next_fd(struct task_struct *task, unsigned int from);
/* Whether fd's close-on-exec bit (FD_CLOEXEC) is set in the table. */
bool close_on_exec(unsigned int fd, const struct files_struct *files);

/* fs_struct.c */
struct dentry *current_cwd(void);
int current_umask(void);
struct dentry *task_cwd(struct task_struct *task); /* referenced, or NULL */

/* namei.c */
#define LOOKUP_DIRECTORY 1 /* the result must be a directory (O_DIRECTORY, trailing '/') */
#define LOOKUP_PARENT 2    /* stop at the last component's directory */
#define LOOKUP_FOLLOW 4    /* a symbolic link as the last component is followed */
/* dfd/path as the *at() calls take them, path in kernel memory.  With
 * LOOKUP_PARENT: the last component's directory, *last pointing at the
 * component (NULL for "/"; a trailing "/" stays after it). */
struct dentry *lookup_at(int dfd, const char *path, unsigned flags, const char **last);
struct dentry *path_walk(struct dentry *start, const char *path, unsigned flags, const char **last);
/* Copy a user path: a kmalloc'd string (kfree it) or ERR_PTR. */
char *getname(const char __user *upath);
/* The length of the component p points at. */
size_t component_len(const char *p);
/* dir's entry name[0..len) (no symlink followed), referenced, or ERR_PTR. */
struct dentry *lookup_one(struct dentry *dir, const char *name, size_t len);
/* The last component of a path and the directory it is in. */
struct last_name {
	struct dentry *dir; /* referenced */
	const char *name;   /* NULL for "/" */
	size_t len;
	bool slash;         /* a '/' follows it */
};
int lookup_last(int dfd, const char *path, struct last_name *n);
bool last_is_dots(const struct last_name *n); /* "/", "." or ".." */
/* 0 if n may be made (a directory if dir): EEXIST, ENOENT, ENAMETOOLONG otherwise. */
int may_create(const struct last_name *n, bool dir);

/* ramfs.c */
/* A new, empty file system's root directory: ramfs (no limit) or tmpfs (max_pages). */
struct dentry *ramfs_new_root(unsigned int dev, unsigned long magic, long max_pages);
/* Remove everything in a file system made by ramfs_new_root, and the file system. */
void ramfs_free_root(struct dentry *root);
/* Create or replace `path` (relative to dir) with the given contents; 0 or -errno. */
int ramfs_install(struct dentry *dir, const char *path, mode_t mode, unsigned int rdev,
		  const void *data, size_t size);
/* ramfs_file.c: every file page in use, for /proc/vmstat's nr_file_pages */
extern long nr_file_pages;

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
struct pipe *pipe_alloc(void);
void pipe_free(struct pipe *p);
extern const struct file_operations pipe_fops; /* what opening a pipe or FIFO inode does */
ssize_t pipe_put(struct pipe *p, struct io_buf *buf, size_t n);
ssize_t pipe_get(struct pipe *p, struct io_buf *buf, size_t n);
size_t pipe_len(const struct pipe *p);
/* F_GETPIPE_SZ and F_SETPIPE_SZ; -EBADF if f is not a pipe. */
long pipe_fcntl(struct file *f, unsigned int cmd, unsigned long arg);

/* proc.c */
void proc_mount(struct dentry *mountpoint);
/* Mount root on mountpoint: root takes its name and parent. */
void d_mount(struct dentry *mountpoint, struct dentry *root);
/* kernel/fs/sysfs.c: /sys, the same way */
void sysfs_mount(struct dentry *mountpoint);

#endif
