/* Running a program (kernel/exec.c). */
#ifndef BINFMTS_H
#define BINFMTS_H
/* exec from a kernel thread, with arguments in kernel memory. */
int kernel_execve(const char *filename, const char *const *argv, const char *const *envp);
#endif
