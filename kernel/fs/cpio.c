/*
 * The cpio "newc" format (the one initramfs uses; see the kernel's
 * Documentation/driver-api/early-userspace/buffer-format.rst): each member
 * is a 110-byte ASCII header of "070701" and 13 eight-digit hex fields, then
 * the NUL-terminated name, then the data, name and data each padded to a
 * multiple of 4 bytes.  The member named "TRAILER!!!" ends the archive.
 */
#include "vfs.h"
#include <string.h>

#define CPIO_HDR_LEN 110
#define CPIO_TRAILER "TRAILER!!!"

enum cpio_field {
	F_INO, F_MODE, F_UID, F_GID, F_NLINK, F_MTIME, F_FILESIZE,
	F_DEVMAJOR, F_DEVMINOR, F_RDEVMAJOR, F_RDEVMINOR, F_NAMESIZE, F_CHECK,
	NR_FIELDS
};

/* Field i of the header as a number, or -1 if it is not 8 hex digits. */
static long hex_field(const char *hdr, enum cpio_field i)
{
	const char *s = hdr + 6 + 8 * i;
	long v = 0;

	for (int k = 0; k < 8; k++) {
		char c = s[k];
		int d = c >= '0' && c <= '9' ? c - '0'
		      : c >= 'a' && c <= 'f' ? c - 'a' + 10
		      : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
		if (d < 0)
			return -1;
		v = v * 16 + d;
	}
	return v;
}

static bool valid_header(const char *hdr, const long *f)
{
	/* "070702" is the same format with checksums, which we do not verify. */
	if (memcmp(hdr, "070701", 6) && memcmp(hdr, "070702", 6))
		return false;
	for (int i = 0; i < NR_FIELDS; i++)
		if (f[i] < 0)
			return false;
	return f[F_NAMESIZE] > 0;
}

int cpio_parse(const void *archive, size_t len, int (*fn)(const struct cpio_entry *e, void *arg),
	       void *arg)
{
	const char *base = archive;
	size_t off = 0;

	while (off + CPIO_HDR_LEN <= len) {
		const char *hdr = base + off;
		long f[NR_FIELDS];
		for (int i = 0; i < NR_FIELDS; i++)
			f[i] = hex_field(hdr, i);
		if (!valid_header(hdr, f))
			return -EINVAL;
		size_t name_off = off + CPIO_HDR_LEN;
		size_t data_off = ALIGN_UP(name_off + f[F_NAMESIZE], 4);
		size_t end = data_off + f[F_FILESIZE];
		if (end > len || base[name_off + f[F_NAMESIZE] - 1] != '\0')
			return -EINVAL;
		struct cpio_entry e = {
			.name = base + name_off,
			.mode = f[F_MODE],
			.rdev = MKDEV(f[F_RDEVMAJOR], f[F_RDEVMINOR]),
			.data = base + data_off,
			.size = f[F_FILESIZE],
		};
		if (!strcmp(e.name, CPIO_TRAILER))
			return 0;
		int err = fn(&e, arg);
		if (err)
			return err;
		off = ALIGN_UP(end, 4);
	}
	return -EINVAL; /* no trailer */
}
