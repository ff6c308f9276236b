/*
 * /proc (kernel/fs/proc*.c): files generated from kernel state when they
 * are read, in Linux's formats.  The root holds self and thread-self
 * (links to the reader's /proc/<tgid> and /proc/<tgid>/task/<tid>), the
 * system's files, cowl (Cowl's controls) and a directory per process;
 * /proc/<pid> holds the process's files, exe and cwd, fd/<n> (links to
 * its open files), fdinfo/<n> (their offsets and flags) and task/<tid>
 * (each thread's own files: the same but task).  docs/processes.md lists
 * what each file shows.
 *
 * Adding a file is one entry in a table: proc_root_entries[] in proc.c for
 * /proc/<name>, proc_pid_entries[] in proc_pid.c for /proc/<pid>/<name>
 * (and /proc/<pid>/task/<tid>/<name>).
 * An entry gives either
 *   show: the whole contents, written into a seq_buf when the file is
 *         opened (a consistent snapshot; reads then page through it), or
 *   read: bytes generated on demand for the range each read(2) asks for,
 *         for large or sparse binary files (pagemap, kpagecount), where
 *         `pos` is the file offset, e.g. pfn * 8.
 * or `write` for a control file, `dir` for a subdirectory (what it holds:
 * struct proc_dir, kernel/fs/proc_internal.h), `link` for a symbolic link
 * leading to an object of the task (exe, cwd), or `text` for a link whose
 * text is made for the caller (self, thread-self).
 * `task` is the task of the /proc/<pid> or task/<tid> directory (NULL for
 * /proc's own files); it is looked up afresh for every open and every read, and a file
 * whose task has gone fails with ESRCH.
 */
#ifndef PROC_FS_H
#define PROC_FS_H
#include <types.h>

struct task_struct;
struct dentry;
struct proc_dir;
struct vm_area_struct;
struct mm_struct;

/* The name /proc/PID/maps shows for a VMA: its file's path, [heap], [stack] or "" (in buf or static). */
const char *proc_vma_name(const struct vm_area_struct *vma, char *buf, size_t size);

/* A text buffer that grows as it is written; seq_printf formats like snprintf. */
struct seq_buf {
	char *buf;
	size_t len, size;
	bool overflow; /* an allocation failed: the open fails with ENOMEM */
};

void seq_printf(struct seq_buf *m, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void seq_write(struct seq_buf *m, const void *data, size_t n);

struct proc_entry {
	const char *name;
	/* 0 or -errno */
	int (*show)(struct task_struct *task, struct seq_buf *m);
	/* Fill buf with up to n bytes from offset pos: the count (0 at the end) or -errno. */
	ssize_t (*read)(struct task_struct *task, char *buf, size_t n, off_t pos);
	/* A control file (mode 0644): one write(2) of a short text line, without its newline. 0 or -errno. */
	int (*write)(const char *text);
	/* A directory instead of a file: what it holds (kernel/fs/proc_internal.h). */
	const struct proc_dir *dir;
	/* A magic symbolic link instead: the dentry it leads to (referenced), or ERR_PTR. */
	struct dentry *(*link)(struct task_struct *task);
	/* An ordinary symbolic link instead: its text, made when it is read; the length or -errno. */
	int (*text)(char *buf, size_t size);
};

/* kernel/fs/proc_link.c: /proc/self and thread-self, /proc/<pid>/exe and cwd */
int proc_self_text(char *buf, size_t size);
int proc_thread_self_text(char *buf, size_t size);
struct dentry *proc_exe_link(struct task_struct *task);
struct dentry *proc_cwd_link(struct task_struct *task);

/* kernel/fs/proc_array.c: /proc/<pid>/stat, statm, status */
int proc_pid_stat_show(struct task_struct *t, struct seq_buf *m);
int proc_pid_statm_show(struct task_struct *t, struct seq_buf *m);
int proc_pid_status_show(struct task_struct *t, struct seq_buf *m);

/* arch/x86_64/proc_cpuinfo.c: /proc/cpuinfo */
int proc_cpuinfo_show(struct task_struct *t, struct seq_buf *m);

/* kernel/fs/proc_stat.c: /proc/stat, /proc/uptime, /proc/loadavg */
int proc_stat_show(struct task_struct *t, struct seq_buf *m);
int proc_uptime_show(struct task_struct *t, struct seq_buf *m);
int proc_loadavg_show(struct task_struct *t, struct seq_buf *m);

/* kernel/fs/proc_mm.c: the memory files */
/* Sizes of an address space in pages, as Linux's statm and status count them. */
struct mm_numbers {
	unsigned long total;             /* mapped by VMAs */
	unsigned long anon, file, shmem; /* present, by kind (the RSS counters) */
	unsigned long text;              /* the program's code, start_code to end_code */
	unsigned long data, stack, exec; /* in private writable, stack and executable VMAs */
};
void proc_mm_numbers(const struct mm_struct *mm, struct mm_numbers *n);
int proc_maps_show(struct task_struct *t, struct seq_buf *m);
int proc_smaps_show(struct task_struct *t, struct seq_buf *m);
/* /proc/<pid>/cmdline: the argument strings, read from the process's own memory */
ssize_t proc_pid_cmdline_read(struct task_struct *t, char *buf, size_t n, off_t pos);
ssize_t proc_pagemap_read(struct task_struct *t, char *buf, size_t n, off_t pos);
ssize_t proc_kpagecount_read(struct task_struct *t, char *buf, size_t n, off_t pos);
int proc_vmstat_show(struct task_struct *t, struct seq_buf *m);

/* kernel/fs/proc_cowl.c: /proc/cowl/{trace,fail_page_alloc,fork_mode,provoke-crash}, /proc/sysrq-trigger */
int proc_trace_show(struct task_struct *t, struct seq_buf *m);
int proc_trace_write(const char *text);
int proc_fail_page_alloc_show(struct task_struct *t, struct seq_buf *m);
int proc_fail_page_alloc_write(const char *text);
int proc_fork_mode_show(struct task_struct *t, struct seq_buf *m);
int proc_fork_mode_write(const char *text);
int proc_sysrq_write(const char *text);
int proc_provoke_crash_write(const char *text);
#endif
