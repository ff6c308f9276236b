/* File-system magic numbers statfs(2) reports in f_type (include/uapi/linux/magic.h). */
#ifndef UAPI_MAGIC_H
#define UAPI_MAGIC_H
#define RAMFS_MAGIC 0x858458f6
#define TMPFS_MAGIC 0x01021994
#define PROC_SUPER_MAGIC 0x9fa0
#define PIPEFS_MAGIC 0x50495045
#endif
