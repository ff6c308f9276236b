/* Directory streams: getdents64 fills a buffer with records; readdir hands them out one by one. */
#include <dirent.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/getdents.h>
#include <unistd.h>

struct DIR {
	int fd;
	size_t pos, len; /* the unread records are buf[pos..len) */
	struct dirent entry;
	char buf[2048];
};

DIR *opendir(const char *path)
{
	int fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd < 0)
		return NULL;

	DIR *dir = malloc(sizeof(*dir));
	if (!dir) {
		close(fd);
		return NULL;
	}
	dir->fd = fd;
	dir->pos = dir->len = 0;
	return dir;
}

struct dirent *readdir(DIR *dir)
{
	if (dir->pos >= dir->len) {
		ssize_t n = getdents64(dir->fd, dir->buf, sizeof(dir->buf));
		if (n <= 0)
			return NULL; /* 0 at the end; -1 with errno on error */
		dir->pos = 0;
		dir->len = (size_t)n;
	}

	struct linux_dirent64 *rec = (struct linux_dirent64 *)(dir->buf + dir->pos);
	dir->pos += rec->d_reclen;
	dir->entry.d_ino = rec->d_ino;
	dir->entry.d_type = rec->d_type;
	strncpy(dir->entry.d_name, rec->d_name, sizeof(dir->entry.d_name) - 1);
	dir->entry.d_name[sizeof(dir->entry.d_name) - 1] = '\0';
	return &dir->entry;
}

int closedir(DIR *dir)
{
	int ret = close(dir->fd);

	free(dir);
	return ret;
}
