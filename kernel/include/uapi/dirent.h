/* getdents64(2)'s record and its d_type values (Linux's struct linux_dirent64, DT_* as glibc's <dirent.h>). */
#ifndef UAPI_DIRENT_H
#define UAPI_DIRENT_H
struct linux_dirent64 {
	unsigned long d_ino;
	long d_off;
	unsigned short d_reclen;
	unsigned char d_type;
	char d_name[];
};
#define DT_UNKNOWN 0
#define DT_FIFO 1
#define DT_CHR 2
#define DT_DIR 4
#define DT_REG 8
#define DT_LNK 10
#endif
