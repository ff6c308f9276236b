/* hostname [NAME]: print the host name, or set it (the kernel checks permission). */
#include <stdio.h>
#include <string.h>
#include <sys/utsname.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	if (argc > 1) {
		if (sethostname(argv[1], strlen(argv[1])) < 0) {
			perror("hostname");
			return 1;
		}
		return 0;
	}

	struct utsname u;
	if (uname(&u) < 0) {
		perror("hostname");
		return 1;
	}
	puts(u.nodename);
	return 0;
}
