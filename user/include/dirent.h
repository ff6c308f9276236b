/* Directory streams over getdents64. */
#ifndef _DIRENT_H
#define _DIRENT_H
#include <uapi/dirent.h>

struct dirent {
	unsigned long d_ino;
	unsigned char d_type; /* DT_* */
	char d_name[256];
};

typedef struct DIR DIR;

DIR *opendir(const char *path);
struct dirent *readdir(DIR *dir); /* NULL at the end or on error (errno says which) */
int closedir(DIR *dir);
#endif
