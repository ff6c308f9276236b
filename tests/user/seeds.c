/*
 * The seed articles' examples (user/bin/...seed.c) run and print what the
 * articles show: cloneseed (clone with SIGCHLD), utsseed (CLONE_NEWUTS)
 * and nptlseed (a thread with NPTL's flags, joined through the cleared
 * tid), as the articles write them; vforkseed (vfork), for which the
 * articles give the rule but no program.
 */
#include <sched.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>
#include "procutil.h"
#include "test.h"

/* Runs bin/<name> with stdout on a pipe; returns its wait status, the output in out. */
static int run(const char *name, char *out, size_t size)
{
	char path[64];
	char *argv[] = { (char *)name, NULL };

	snprintf(path, sizeof(path), "bin/%s", name);
	return run_capture(path, argv, environ, out, size);
}

static long number_after(const char *s, const char *prefix)
{
	const char *p = strstr(s, prefix);

	return p ? strtol(p + strlen(prefix), NULL, 10) : -1;
}

static int exited_0(int status)
{
	return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

static void cloneseed(void)
{
	char out[512];
	int status = run("cloneseed", out, sizeof(out));

	long parent = number_after(out, "Parent process: PID = ");
	long child = number_after(out, ", Child PID = ");
	long child_says = number_after(out, "Child process: PID = ");
	CHECK("cloneseed_status", exited_0(status));
	CHECK("cloneseed_parent_line", parent > 0 && child > 0 && child != parent);
	CHECK_EQ("cloneseed_child_line_same_pid", child_says, child);
}

static void utsseed(void)
{
	char out[512], before[128] = "", after[128] = "";
	int status;

	if (!may_clone(CLONE_NEWUTS)) {
		SKIP_ALL("CLONE_NEWUTS needs privileges we lack on this host (CAP_SYS_ADMIN)", "utsseed_status",
			 "utsseed_child_hostname", "utsseed_parent_hostname_unchanged");
		return;
	}
	status = run("utsseed", out, sizeof(out));
	const char *b = strstr(out, "parent: hostname before: ");
	const char *a = strstr(out, "parent: hostname after: ");

	if (b)
		snprintf(before, sizeof(before), "%.*s", (int)strcspn(b + 25, "\n"), b + 25);
	if (a)
		snprintf(after, sizeof(after), "%.*s", (int)strcspn(a + 24, "\n"), a + 24);
	CHECK("utsseed_status", exited_0(status));
	CHECK("utsseed_child_hostname", strstr(out, "namespace:\nNewNamespace\n") != NULL);
	CHECK("utsseed_parent_hostname_unchanged", b && a && *before && strcmp(before, after) == 0 &&
	      strcmp(after, "NewNamespace") != 0);
}

static void vforkseed(void)
{
	char out[512];
	int status = run("vforkseed", out, sizeof(out));
	const char *child = strstr(out, "child: pid = ");
	const char *parent = strstr(out, "parent: pid = ");

	CHECK("vforkseed_status", exited_0(status));
	CHECK("vforkseed_before", strncmp(out, "before vfork: glob = 6, var = 88\n", 33) == 0);
	CHECK("vforkseed_child_first", child && parent && child < parent);
	CHECK("vforkseed_shared_memory", parent && strstr(parent, "glob = 7, var = 89\n"));
}

static void nptlseed(void)
{
	char out[512];
	int status = run("nptlseed", out, sizeof(out));

	CHECK("nptlseed_status", exited_0(status));
	CHECK("nptlseed_output", strcmp(out, "sub thread\nmain thread:123\n") == 0);
}

int main(void)
{
	cloneseed();
	utsseed();
	vforkseed();
	nptlseed();
	return test_done();
}
