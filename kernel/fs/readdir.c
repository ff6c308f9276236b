/*
 * getdents64(2): directory entries as struct linux_dirent64 records, each
 * padded to 8 bytes.  d_off is the position to resume from after the entry
 * (what lseek(fd, d_off, SEEK_SET) would take).
 */
#include "vfs.h"
#include <stddef.h>
#include <string.h>
#include <syscalls.h>
#include <uaccess.h>

struct getdents_ctx {
	struct dir_context ctx;
	char __user *buf;
	size_t room, used;
	int error;
};

static bool fill_dirent(struct dir_context *ctx, const char *name, size_t len, unsigned long ino,
			unsigned type)
{
	struct getdents_ctx *g = container_of(ctx, struct getdents_ctx, ctx);
	size_t reclen = ALIGN_UP(offsetof(struct linux_dirent64, d_name) + len + 1, 8);
	char rec[ALIGN_UP(offsetof(struct linux_dirent64, d_name) + NAME_MAX + 1, 8)];
	struct linux_dirent64 *d = (struct linux_dirent64 *)rec;

	if (reclen > g->room - g->used) {
		/* getdents64(2): EINVAL if not even one entry fits */
		g->error = g->used ? 0 : -EINVAL;
		return false;
	}
	memset(rec, 0, reclen);
	d->d_ino = ino;
	d->d_off = ctx->pos + 1;
	d->d_reclen = reclen;
	d->d_type = type;
	memcpy(d->d_name, name, len);
	if (copy_to_user(g->buf + g->used, rec, reclen)) {
		g->error = -EFAULT;
		return false;
	}
	g->used += reclen;
	ctx->pos++;
	return true;
}

long sys_getdents64(unsigned int fd, void __user *dirent, unsigned int count)
{
	struct file *f = fget(fd);

	if (!f)
		return -EBADF;
	struct getdents_ctx g = { { fill_dirent, f->pos }, dirent, count, 0, 0 };
	long ret = -ENOTDIR;
	if (f->f_op->iterate) {
		ret = f->f_op->iterate(f, &g.ctx);
		if (!ret)
			ret = g.error ? g.error : (long)g.used;
		f->pos = g.ctx.pos;
	}
	fput(f);
	return ret;
}
