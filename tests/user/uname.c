/* uname: every field is a terminated string, and the machine is x86_64. */
#include <sys/utsname.h>
#include "test.h"

static int terminated(const char *field)
{
	return memchr(field, '\0', 65) != NULL;
}

int main(void)
{
	struct utsname u;

	memset(&u, 'x', sizeof(u));
	if (!CHECK_EQ("uname", uname(&u), 0))
		return test_done();
	CHECK("fields_terminated", terminated(u.sysname) && terminated(u.nodename) && terminated(u.release) &&
	      terminated(u.version) && terminated(u.machine) && terminated(u.domainname));
	CHECK("sysname_set", u.sysname[0] != '\0');
	CHECK("release_set", u.release[0] != '\0');
	CHECK("machine_x86_64", strcmp(u.machine, "x86_64") == 0);
	return test_done();
}
