/* ls [-l] [PATH...]: list directories (sorted, without dot files) or name files; -l adds type and size. */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static int long_format;

/* The first letter of a `ls -l` line. */
static char type_letter(unsigned int mode)
{
	switch (mode & S_IFMT) {
	case S_IFDIR: return 'd';
	case S_IFCHR: return 'c';
	case S_IFBLK: return 'b';
	case S_IFIFO: return 'p';
	case S_IFLNK: return 'l';
	case S_IFSOCK: return 's';
	default: return '-';
	}
}

/* Prints one entry: `name` as shown, `path` to stat it by. */
static void show(const char *path, const char *name)
{
	struct stat st;

	if (!long_format) {
		puts(name);
	} else if (stat(path, &st) < 0) {
		printf("? %8s %s\n", "?", name);
	} else {
		printf("%c %8ld %s\n", type_letter(st.st_mode), st.st_size, name);
	}
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Reads the names in dir (without dot files) into a new array; returns their number or -1. */
static long read_names(const char *dir, char ***names)
{
	DIR *d = opendir(dir);
	if (!d)
		return -1;

	long n = 0;
	struct dirent *e;
	*names = NULL;
	errno = 0;
	while ((e = readdir(d))) {
		if (e->d_name[0] == '.')
			continue;
		char **grown = realloc(*names, (size_t)(n + 1) * sizeof(char *));
		char *name = strdup(e->d_name);
		if (!grown || !name) {
			errno = ENOMEM;
			break;
		}
		*names = grown;
		(*names)[n++] = name;
	}
	int failed = errno != 0;
	closedir(d);
	return failed ? -1 : n;
}

static int list_dir(const char *dir)
{
	char **names;
	long n = read_names(dir, &names);

	if (n < 0)
		return -1;
	qsort(names, (size_t)n, sizeof(char *), by_name);
	for (long i = 0; i < n; i++) {
		char path[512];
		snprintf(path, sizeof(path), "%s/%s", dir, names[i]);
		show(path, names[i]);
		free(names[i]);
	}
	free(names);
	return 0;
}

static int list(const char *path)
{
	struct stat st;

	if (stat(path, &st) < 0 || (S_ISDIR(st.st_mode) && list_dir(path) < 0)) {
		fprintf(stderr, "ls: %s: %s\n", path, strerror(errno));
		return 1;
	}
	if (!S_ISDIR(st.st_mode))
		show(path, path);
	return 0;
}

int main(int argc, char **argv)
{
	int i = 1;
	int status = 0;

	if (i < argc && strcmp(argv[i], "-l") == 0) {
		long_format = 1;
		i++;
	}
	if (i == argc)
		return list(".");
	for (; i < argc; i++)
		status |= list(argv[i]);
	return status;
}
