/*
 * The shell's redirections and $?, run through bin/sh as a user types
 * them: a script file of lines, and one-line `sh -c` commands that write,
 * append to and read back a new file; its jobs (`&`, jobs, fg, bg) from a
 * script, without a terminal (Ctrl-Z at the console: tty_ctty's checks of
 * the keys stand for it).
 */
#include <fcntl.h>
#include <stdlib.h>
#include "test.h"

static char out[4096];

/* Runs bin/sh with the given arguments; the output goes to out, the wait status is returned. */
static int sh(char *arg1, char *arg2)
{
	char *argv[] = { "sh", arg1, arg2, NULL };

	return run_capture("bin/sh", argv, environ, out, sizeof(out));
}

static void test_script(void)
{
	int status = sh("tests/data/shell.sh", NULL);

	CHECK("script_ran", WIFEXITED(status));
	CHECK("status_of_false", strstr(out, "status=1\n") != NULL);
	CHECK("single_quotes_keep_dollar", strstr(out, "single $? double 1\n") != NULL);
	CHECK("input_from_file", strstr(out, "Hello, Cowl!\n") != NULL);
	CHECK("output_to_dev_null", strstr(out, "dropped") == NULL);
	CHECK("status_after_redirect", strstr(out, "after=0\n") != NULL);
	CHECK("missing_input_fails", strstr(out, "missing=1\n") != NULL);
}

static void test_jobs(void)
{
	int status = sh("tests/data/jobs.sh", NULL);

	CHECK("jobs_script_ran", WIFEXITED(status));
	CHECK("background_job_numbered", strstr(out, "[1] ") == out);
	CHECK("jobs_lists_running", strstr(out, "[1] Running  sleep 1 &\n") != NULL);
	CHECK("fg_waits_for_it", strstr(out, "sleep 1 &\nfg=0\n") != NULL);
	CHECK("fg_gives_its_status", strstr(out, "false &\nfg_false=1\n") != NULL);
	CHECK("bg_without_job_fails", strstr(out, "bg_none=1\n") != NULL);
	CHECK("fg_unknown_job_fails", strstr(out, "fg_bad=1\n") != NULL);
}

/* A new file in /tmp (a tmpfs on Cowl), named with our pid so parallel runs on the host do not meet. */
static const char *writable_file(void)
{
	static char path[64];
	snprintf(path, sizeof(path), "/tmp/shell-test.%d", getpid());
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);

	if (fd < 0)
		return NULL;
	close(fd);
	unlink(path);
	return path;
}

static void test_new_file(void)
{
	const char *path = writable_file();
	char line[256];

	if (!path) {
		SKIP("write_append_read", "no writable /tmp here");
		return;
	}
	snprintf(line, sizeof(line), "echo one > %s", path);
	CHECK("write_new_file", sh("-c", line) == 0);
	snprintf(line, sizeof(line), "echo two >> %s", path);
	CHECK("append_to_file", sh("-c", line) == 0);
	snprintf(line, sizeof(line), "echo three > %s", path);
	sh("-c", line);
	snprintf(line, sizeof(line), "echo four >> %s", path);
	sh("-c", line);
	snprintf(line, sizeof(line), "cat < %s", path);
	CHECK("truncate_then_append", sh("-c", line) == 0 && strcmp(out, "three\nfour\n") == 0);
	unlink(path);
}

int main(void)
{
	test_script();
	test_jobs();
	test_new_file();
	return test_done();
}
