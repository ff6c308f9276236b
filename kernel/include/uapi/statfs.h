/* struct statfs as x86-64 Linux lays it out (asm-generic/statfs.h with 64-bit longs). */
#ifndef UAPI_STATFS_H
#define UAPI_STATFS_H
struct statfs {
	long f_type;
	long f_bsize;
	unsigned long f_blocks;
	unsigned long f_bfree;
	unsigned long f_bavail;
	unsigned long f_files;
	unsigned long f_ffree;
	struct {
		int val[2];
	} f_fsid;
	long f_namelen;
	long f_frsize;
	long f_flags;
	long f_spare[4];
};
/* f_flags: the mount flags (statvfs(3)); ST_VALID says f_flags is filled in. */
#define ST_NOSUID 0x0002
#define ST_NODEV 0x0004
#define ST_NOEXEC 0x0008
#define ST_VALID 0x0020
#define ST_RELATIME 0x1000
#endif
