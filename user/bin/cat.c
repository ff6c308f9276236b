/* cat [FILE...]: copy the files, or standard input if none, to standard output. */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <errno.h>
#include <unistd.h>

/* Returns 0, or -1 with errno set if a read or write failed. */
static int copy(int in)
{
	char buf[4096];
	ssize_t n;

	while ((n = read(in, buf, sizeof(buf))) > 0) {
		for (ssize_t done = 0; done < n;) {
			ssize_t w = write(STDOUT_FILENO, buf + done, (size_t)(n - done));
			if (w < 0)
				return -1;
			done += w;
		}
	}
	return n < 0 ? -1 : 0;
}

static int cat_file(const char *path)
{
	int fd = open(path, O_RDONLY);

	if (fd < 0 || copy(fd) < 0) {
		fprintf(stderr, "cat: %s: %s\n", path, strerror(errno));
		if (fd >= 0)
			close(fd);
		return 1;
	}
	close(fd);
	return 0;
}

int main(int argc, char **argv)
{
	int status = 0;

	if (argc < 2) {
		if (copy(STDIN_FILENO) < 0) {
			perror("cat");
			return 1;
		}
		return 0;
	}
	for (int i = 1; i < argc; i++)
		status |= cat_file(argv[i]);
	return status;
}
