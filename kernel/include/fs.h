/*
 * Files as the rest of the kernel sees them (implemented in kernel/fs/).
 * The process code uses only what is declared here.
 */
#ifndef FS_H
#define FS_H
#include <types.h>

struct file;
struct files_struct;
struct fs_struct;

#define MAX_RW_COUNT (0x7fffffff & PAGE_MASK) /* read(2), getrandom(2): Linux transfers at most this much at once */
#define NR_OPEN 256 /* fds per table, the RLIMIT_NOFILE prlimit64(2) reports */

/* Boot: unpack the initrd archives (cpio newc) into the in-memory root. */
void vfs_init(void);

/* Open a file by kernel path (relative to current's cwd); ERR_PTR(-errno) on failure. */
struct file *filp_open(const char *path, int flags);
/* Read up to n bytes at pos; returns the count or -errno. */
ssize_t kernel_read(struct file *f, void *buf, size_t n, off_t pos);
/* Size of a regular file, or -errno for anything else (-EACCES for a directory, as exec wants). */
long file_regular_size(struct file *f);
bool file_executable(struct file *f);
/* The open file behind fd in the current task, referenced (fput it), or NULL. */
struct file *fget(unsigned int fd);
void get_file(struct file *f);
void fput(struct file *f);

/* fd tables (files_struct): shared with CLONE_FILES, copied otherwise. */
struct files_struct *files_alloc(void);
struct files_struct *dup_fd(struct files_struct *old);   /* NULL if out of memory */
void get_files_struct(struct files_struct *files);
void put_files_struct(struct files_struct *files);
void do_close_on_exec(struct files_struct *files);
/* Install /dev/console as fds 0, 1 and 2 of the current task (for init). */
int console_setup_stdio(void);

/* cwd and umask (fs_struct): shared with CLONE_FS, copied otherwise. */
struct fs_struct *fs_alloc_root(void);
struct fs_struct *copy_fs_struct(struct fs_struct *old); /* NULL if out of memory */
void get_fs_struct(struct fs_struct *fs);
void put_fs_struct(struct fs_struct *fs);
#endif
