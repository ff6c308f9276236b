/* Our C library's own functions: formatting, conversions, strings, allocation, environment. */
#include <sched.h>
#include <signal.h>
#include <stdlib.h>
#include <unistd.h>
#include "test.h"

/* Formats into a buffer and compares with what C specifies. */
#define FORMATS(name, expected, ...) \
	CHECK(name, (snprintf(buf, sizeof(buf), __VA_ARGS__), strcmp(buf, expected) == 0))

static void formatting(void)
{
	char buf[64];

	FORMATS("fmt_int", "-42 7", "%d %i", -42, 7);
	FORMATS("fmt_unsigned", "4294967295", "%u", 0xffffffffu);
	FORMATS("fmt_hex", "ff FF", "%x %X", 255, 255);
	FORMATS("fmt_long", "-9223372036854775808 18446744073709551615", "%ld %lu", -9223372036854775807L - 1,
		~0UL);
	FORMATS("fmt_long_long_size", "123456789012 5", "%lld %zu", 123456789012LL, (size_t)5);
	FORMATS("fmt_lx", "deadbeefcafe", "%lx", 0xdeadbeefcafeUL);
	FORMATS("fmt_pointer", "0x1000", "%p", (void *)0x1000);
	FORMATS("fmt_string_char", "ab c %", "%s %c %%", "ab", 'c');
	const char *volatile null_string = NULL; /* volatile: hides the NULL from GCC's format check */
	FORMATS("fmt_null_string", "(null)", "%s", null_string);
	FORMATS("fmt_width", "[   42][42   ][00042][  -42][-0042]", "[%5d][%-5d][%05d][%5d][%05d]", 42, 42, 42,
		-42, -42);
	FORMATS("fmt_string_width", "[  ab][ab  ][abc]", "[%4s][%-4s][%.3s]", "ab", "ab", "abcdef");
	FORMATS("fmt_star", "[  7]", "[%*d]", 3, 7);
	CHECK("snprintf_truncates", snprintf(buf, 4, "%s", "abcdef") == 6 && strcmp(buf, "abc") == 0);
	CHECK_EQ("snprintf_size_zero", snprintf(NULL, 0, "%d", 12345), 5);
}

static void conversions(void)
{
	char *end;

	CHECK_EQ("atoi", atoi("  -123x"), -123);
	CHECK("strtol_end", strtol("42abc", &end, 10) == 42 && strcmp(end, "abc") == 0);
	CHECK("strtol_hex_auto", strtol("0x1F", NULL, 0) == 31 && strtol("ff", NULL, 16) == 255);
	CHECK_EQ("strtol_octal_auto", strtol("017", NULL, 0), 15);
	CHECK("strtol_no_digits", strtol("xyz", &end, 10) == 0 && strcmp(end, "xyz") == 0);
	errno = 0;
	CHECK("strtol_min", strtol("-9223372036854775808", NULL, 10) == -9223372036854775807L - 1 && errno == 0);
	CHECK("strtol_overflow_erange", strtol("9223372036854775808", NULL, 10) == 9223372036854775807L &&
	      errno == ERANGE);
	CHECK("strtoul_max", strtoul("18446744073709551615", NULL, 10) == ~0UL);
	CHECK("strtoul_negative_wraps", strtoul("-1", NULL, 10) == ~0UL);
}

static void strings(void)
{
	char buf[32];
	char overlap[] = "abcdef";

	CHECK("strlen", strlen("hello") == 5 && strlen("") == 0);
	CHECK("strcmp", strcmp("abc", "abd") < 0 && strcmp("b", "a") > 0 && strcmp("x", "x") == 0);
	CHECK("strncmp", strncmp("abcx", "abcy", 3) == 0 && strncmp("ab", "abc", 3) < 0);
	CHECK("strcpy_strcat", strcat(strcpy(buf, "ab"), "cd") == buf && strcmp(buf, "abcd") == 0);
	CHECK("strchr", strchr("hello", 'l') - "hello" >= 0 && *strchr("hello", 'l') == 'l' &&
	      strchr("hello", 'z') == NULL);
	CHECK("strrchr", strcmp(strrchr("a/b/c", '/'), "/c") == 0);
	CHECK("strstr", strcmp(strstr("find the needle", "needle"), "needle") == 0 && !strstr("abc", "abd"));
	CHECK_EQ("strcspn", strcspn("/bin:/usr/bin", ":"), 4);
	CHECK("memmove_overlap", memmove(overlap + 1, overlap, 4) && strcmp(overlap, "aabcdf") == 0);
	CHECK("memset_memcmp", memset(buf, 'x', 3) && memcmp(buf, "xxxd", 4) == 0);
	CHECK("strerror", strcmp(strerror(ENOENT), "No such file or directory") == 0);
	CHECK("strsignal", strcmp(strsignal(SIGSEGV), "Segmentation fault") == 0);
	CHECK("sigabbrev", strcmp(sigabbrev_np(SIGKILL), "KILL") == 0);
}

static int by_value(const void *a, const void *b)
{
	return *(const int *)a - *(const int *)b;
}

static void allocation(void)
{
	char *small = malloc(10), *big = malloc(200000);
	int ok = small && big;

	CHECK("malloc", ok && (unsigned long)small % 16 == 0 && (unsigned long)big % 16 == 0);
	if (!ok)
		return;
	memset(small, 's', 10);
	memset(big, 'b', 200000);
	small = realloc(small, 1000);
	CHECK("realloc_keeps_data", small && small[0] == 's' && small[9] == 's');
	free(big);
	free(small);
	int *zeros = calloc(100, sizeof(int));
	int all_zero = zeros != NULL;
	for (int i = 0; zeros && i < 100; i++)
		all_zero &= zeros[i] == 0;
	CHECK("calloc_zeroed", all_zero);
	free(zeros);
	CHECK("calloc_overflow", calloc(~0UL / 2, 4) == NULL && errno == ENOMEM);
	CHECK("malloc_huge_fails", malloc(~0UL - 8) == NULL && errno == ENOMEM);

	/* Freed blocks are reused and distinct live blocks never overlap. */
	char *blocks[50];
	for (int i = 0; i < 50; i++) {
		blocks[i] = malloc((size_t)(i * 37 + 1));
		memset(blocks[i], i, (size_t)(i * 37 + 1));
	}
	int intact = 1;
	for (int i = 0; i < 50; i++)
		for (int j = 0; j < i * 37 + 1; j++)
			intact &= blocks[i][j] == (char)i;
	CHECK("blocks_independent", intact);
	for (int i = 0; i < 50; i++)
		free(blocks[i]);

	int values[] = { 5, -3, 9, 0, 5, 2 };
	qsort(values, 6, sizeof(int), by_value);
	CHECK("qsort", values[0] == -3 && values[1] == 0 && values[2] == 2 && values[3] == 5 && values[5] == 9);
}

static int never_runs(void *arg)
{
	(void)arg;
	return 1;
}

/* The clone wrapper refuses a child without a stack before any system call, as glibc's does. */
static void clone_wrapper(void)
{
	CHECK_ERRNO("clone_no_stack_einval", clone(never_runs, NULL, CLONE_VM | SIGCHLD, NULL), EINVAL);
}

static void environment(char **envp)
{
	CHECK_EQ("environ_is_envp", environ, envp);
	char *envp_fake[] = { "PATHX=no", "PATH=/somewhere", NULL };
	char **saved = environ;
	environ = envp_fake;
	CHECK("getenv_exact_name", getenv("PATH") && strcmp(getenv("PATH"), "/somewhere") == 0);
	CHECK("getenv_missing", getenv("NOPE") == NULL && getenv("PAT") == NULL);
	environ = saved;
}

int main(int argc, char **argv, char **envp)
{
	(void)argc;
	(void)argv;
	formatting();
	conversions();
	strings();
	allocation();
	environment(envp);
	clone_wrapper();
	return test_done();
}
