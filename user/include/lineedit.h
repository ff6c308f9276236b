/*
 * The shell's line editor: reads a line from a terminal with the cursor
 * keys, Home/End, Delete, Ctrl-A/E/U, and a history browsed with Up/Down.
 */
#ifndef _LINEEDIT_H
#define _LINEEDIT_H
#include <stddef.h>

#define LINEEDIT_MAX 1024

/*
 * Prints prompt, then reads and edits one line from the terminal fd into
 * buf (at most size - 1 bytes, NUL-terminated, without the newline).
 * Ctrl-C drops the line and prompts again.  Returns the line's length, or
 * -1 at end of input: Ctrl-D on an empty line, or a failed read.
 */
int lineedit_read(int fd, const char *prompt, char *buf, size_t size);

/* Adds line to the history, unless it is empty or repeats the newest entry. */
void lineedit_remember(const char *line);
#endif
