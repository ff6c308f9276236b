/* Kernel command-line parsing; see cmdline.h for the syntax. */
#include <cmdline.h>
#include <string.h>
#include <uapi/errno.h>

struct cmdline kernel_cmdline;

/* Cut the next word out of *p (handling "quotes"), or NULL at the end. */
static char *next_word(char **p)
{
	char *s = *p, *out;
	bool quoted = false;

	while (*s == ' ' || *s == '\t' || *s == '\n')
		s++;
	if (!*s)
		return NULL;
	char *word = out = s;
	for (; *s && (quoted || (*s != ' ' && *s != '\t' && *s != '\n')); s++) {
		if (*s == '"')
			quoted = !quoted;
		else
			*out++ = *s;
	}
	*p = *s ? s + 1 : s;
	*out = '\0';
	return word;
}

int cmdline_parse(char *buf, struct cmdline *cl)
{
	char *p = buf, *word;
	bool init_part = false;

	*cl = (struct cmdline){ 0 };
	while ((word = next_word(&p))) {
		if (!init_part && !strcmp(word, "--")) {
			init_part = true;
			continue;
		}
		if (init_part) {
			if (cl->nr_init_args == CMDLINE_MAX_ARGS)
				return -E2BIG;
			cl->init_args[cl->nr_init_args++] = word;
			continue;
		}
		if (cl->nr_params == CMDLINE_MAX_ARGS)
			return -E2BIG;
		char *eq = strchr(word, '=');
		if (eq)
			*eq = '\0';
		cl->name[cl->nr_params] = word;
		cl->value[cl->nr_params++] = eq ? eq + 1 : NULL;
	}
	return 0;
}

const char *cmdline_get(const struct cmdline *cl, const char *name)
{
	for (unsigned i = cl->nr_params; i-- > 0;) /* the last one wins, as on Linux */
		if (!strcmp(cl->name[i], name))
			return cl->value[i] ? cl->value[i] : "";
	return NULL;
}

bool cmdline_has(const struct cmdline *cl, const char *name)
{
	return cmdline_get(cl, name) != NULL;
}

bool list_contains(const char *list, const char *item)
{
	size_t n = strlen(item);

	while (list && *list) {
		if (!strncmp(list, item, n) && (list[n] == ',' || list[n] == '\0'))
			return true;
		list = strchr(list, ',');
		if (list)
			list++;
	}
	return false;
}
