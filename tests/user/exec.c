/* execve: what the new program receives, and the failures that leave the caller running. */
#include <sys/wait.h>
#include <unistd.h>
#include "test.h"

#define HELPER "tests/helpers/printargs"

static const char expected_output[] =
	"argc=3\n"
	"argv[0]=printargs\n"
	"argv[1]=one\n"
	"argv[2]=two words\n"
	"argv[argc]=NULL\n"
	"env=COWL=1\n"
	"env=EMPTY=\n"
	"AT_PAGESZ=4096\n"
	"AT_ENTRY=_start\n"
	"AT_PHDR=set\n"
	"AT_PHENT=56\n" /* sizeof(Elf64_Phdr) */
	"AT_PHNUM=set\n";

/* Runs the helper with its output in a pipe; returns its wait status and output. */
static int run_helper(char *buf, size_t size)
{
	char *argv[] = { "printargs", "one", "two words", NULL };
	char *envp[] = { "COWL=1", "EMPTY=", NULL };

	return run_capture(HELPER, argv, envp, buf, size);
}

static void successful_exec(void)
{
	char out[1024];
	int status = run_helper(out, sizeof(out));

	CHECK("helper_exit_status", WIFEXITED(status) && WEXITSTATUS(status) == 42);
	CHECK("argv_envp_auxv", strcmp(out, expected_output) == 0);
	if (strcmp(out, expected_output) != 0)
		printf("# got:\n%s", out);
}

static void failed_exec(void)
{
	char *argv[] = { "x", NULL };
	char *envp[] = { NULL };

	CHECK_ERRNO("missing_enoent", execve("tests/data/missing", argv, envp), ENOENT);
	CHECK_ERRNO("text_file_enoexec", execve("tests/data/notelf", argv, envp), ENOEXEC);
	CHECK("truncated_elf_enoexec", execve("tests/data/truncated.elf", argv, envp) == -1 &&
	      errno == ENOEXEC);
	CHECK_ERRNO("directory_eacces", execve("tests/data", argv, envp), EACCES);
	CHECK("not_executable_eacces", execve("tests/data/hello.txt", argv, envp) == -1 &&
	      errno == EACCES);
	CHECK("below_file_enotdir", execve("tests/data/hello.txt/x", argv, envp) == -1 &&
	      errno == ENOTDIR);
}

/* A child whose execve fails carries on and exits with a status of its own choosing. */
static void exec_then_exit(void)
{
	char *argv[] = { "x", NULL };

	execve("tests/data/missing", argv, argv + 1);
	_exit(7);
}

static void caller_survives(void)
{
	int status = run_in_child(exec_then_exit);

	CHECK("caller_runs_after_failure", WIFEXITED(status) && WEXITSTATUS(status) == 7);
}

int main(void)
{
	successful_exec();
	failed_exec();
	caller_survives();
	return test_done();
}
