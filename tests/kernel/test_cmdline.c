/* Self-tests of the command-line parser. */
#include <selftest.h>
#include <cmdline.h>
#include <string.h>

KERNEL_TEST(cmdline_parses_params_and_init_args)
{
	char buf[] = "quiet trace=cow,clone name=\"a b\" -- /bin/prog x \"y z\"";
	struct cmdline cl;

	KT_ASSERT(cmdline_parse(buf, &cl) == 0);
	KT_ASSERT(cl.nr_params == 3 && cl.nr_init_args == 3);
	KT_ASSERT(cmdline_has(&cl, "quiet") && !strcmp(cmdline_get(&cl, "quiet"), ""));
	KT_ASSERT(!strcmp(cmdline_get(&cl, "trace"), "cow,clone"));
	KT_ASSERT(!strcmp(cmdline_get(&cl, "name"), "a b"));
	KT_ASSERT(!cmdline_get(&cl, "absent"));
	KT_ASSERT(!strcmp(cl.init_args[0], "/bin/prog") && !strcmp(cl.init_args[2], "y z"));
}

KERNEL_TEST(cmdline_last_value_wins)
{
	char buf[] = "a=1 a=2";
	struct cmdline cl;

	KT_ASSERT(cmdline_parse(buf, &cl) == 0);
	KT_ASSERT(!strcmp(cmdline_get(&cl, "a"), "2"));
}

KERNEL_TEST(cmdline_list_contains)
{
	KT_ASSERT(list_contains("cow,clone,exit", "clone"));
	KT_ASSERT(list_contains("cow", "cow"));
	KT_ASSERT(!list_contains("cow,clone", "clo"));
	KT_ASSERT(!list_contains("", "cow"));
}
