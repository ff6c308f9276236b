/*
 * execve: replace the calling process's program.  Everything that can fail
 * because of the request (a missing file, a malformed ELF, bad pointers,
 * too many arguments) is checked while the old program is still intact; only
 * then is the old address space thrown away (the "point of no return") and
 * the new one built: PT_LOAD segments mapped from the file, a zeroed bss,
 * and a System V initial stack (argc, argv, envp, auxv).
 */
#include <sched.h>
#include <mm_types.h>
#include <mm.h>
#include <slab.h>
#include <pgtable.h>
#include <fs.h>
#include <elf.h>
#include <signal.h>
#include <syscalls.h>
#include <uaccess.h>
#include <string.h>
#include <time.h>
#include <trace.h>
#include <asm/mmu_context.h>
#include <binfmts.h>
#include <asm/processor.h>
#include <random.h>
#include <uapi/mman.h>
#include <uapi/auxvec.h>
#include <uapi/limits.h>
#include <uapi/resource.h>
#include <uapi/errno.h>

#define MAX_ARG_BYTES (32 * PAGE_SIZE) /* argv + envp strings */
#define MAX_ARG_STRINGS 0x7fffffff
#define MAX_PHNUM 64
#define STACK_TOP TASK_SIZE
#define STACK_INITIAL (128 * 1024)   /* the stack VMA grows down from here */
#define MAX_GAP (TASK_SIZE / 6 * 5)  /* Linux's cap on the room left for the stack */
#define ET_DYN_BASE 0x555555554000ul /* where a static-pie program is placed, as on Linux */

/* What exec carries from the old program to the new one. */
struct linux_binprm {
	char *filename;
	struct file *file;
	struct elf64_hdr ehdr;
	struct elf64_phdr phdrs[MAX_PHNUM];
	unsigned long load_bias;
	char *strings;      /* argv then envp strings, NUL-separated */
	size_t strings_len;
	int argc, envc;
};

/* ------------------------------------------------------- arguments */

/* Append one string to the argument block. */
static int add_string(struct linux_binprm *b, const char *s, bool from_user)
{
	size_t room = MAX_ARG_BYTES - b->strings_len;
	long n;

	if (from_user) {
		n = strncpy_from_user(b->strings + b->strings_len, s, room);
		if (n == -ENAMETOOLONG)
			return -E2BIG;
		if (n < 0)
			return (int)n;
	} else {
		n = strlen(s);
		if ((size_t)n >= room)
			return -E2BIG;
		memcpy(b->strings + b->strings_len, s, n + 1);
	}
	b->strings_len += n + 1;
	return 0;
}

/* Copy a NULL-terminated array of strings (argv or envp); returns the count. */
static int copy_strings(struct linux_binprm *b, const char *const *vec, bool from_user)
{
	int count = 0;

	for (;; count++) {
		const char *s;
		if (!vec)
			break;
		if (from_user) {
			if (get_user_obj(&s, (const char *const __user *)vec + count))
				return -EFAULT;
		} else {
			s = vec[count];
		}
		if (!s)
			break;
		if (count == MAX_ARG_STRINGS)
			return -E2BIG;
		int err = add_string(b, s, from_user);
		if (err)
			return err;
	}
	return count;
}

/* ------------------------------------------------------ ELF checks */

static bool phdr_ok(const struct elf64_phdr *ph, long file_size)
{
	if (ph->p_type != PT_LOAD)
		return true;
	return ph->p_filesz <= ph->p_memsz && ph->p_offset <= (u64)file_size &&
	       ph->p_filesz <= (u64)file_size - ph->p_offset && ph->p_vaddr < TASK_SIZE &&
	       ph->p_memsz < TASK_SIZE - ph->p_vaddr && (ph->p_vaddr & ~PAGE_MASK) == (ph->p_offset & ~PAGE_MASK);
}

/* Read and check the ELF header and program headers: -ENOEXEC if they are not for us. */
static int check_elf(struct linux_binprm *b)
{
	struct elf64_hdr *h = &b->ehdr;
	long size = file_regular_size(b->file);

	if (size < 0)
		return (int)size;
	if (!file_executable(b->file))
		return -EACCES;
	if (kernel_read(b->file, h, sizeof(*h), 0) != sizeof(*h))
		return -ENOEXEC;
	if (memcmp(h->e_ident, ELFMAG, 4) || h->e_ident[4] != ELFCLASS64 || h->e_ident[5] != ELFDATA2LSB ||
	    (h->e_type != ET_EXEC && h->e_type != ET_DYN) || h->e_machine != EM_X86_64 ||
	    h->e_phentsize != sizeof(struct elf64_phdr) || h->e_phnum == 0 || h->e_phnum > MAX_PHNUM)
		return -ENOEXEC;
	size_t phsize = h->e_phnum * sizeof(struct elf64_phdr);
	if (h->e_phoff > (u64)size || kernel_read(b->file, b->phdrs, phsize, h->e_phoff) != (ssize_t)phsize)
		return -ENOEXEC;
	bool loadable = false;
	for (int i = 0; i < h->e_phnum; i++) {
		if (b->phdrs[i].p_type == PT_INTERP)
			return -ENOEXEC; /* dynamically linked: no loader here, only static programs */
		if (!phdr_ok(&b->phdrs[i], size))
			return -ENOEXEC;
		loadable |= b->phdrs[i].p_type == PT_LOAD;
	}
	if (!loadable)
		return -ENOEXEC;
	b->load_bias = h->e_type == ET_DYN ? ET_DYN_BASE : 0;
	return 0;
}

/* ------------------------------------------- the point of no return */

/* Leave the old address space (and other threads); install a fresh one. */
static int exec_mmap(void)
{
	struct task_struct *t, *tsk = current;
	struct mm_struct *old = tsk->mm, *active, *mm = mm_alloc();

	if (!mm)
		return -ENOMEM;
	/* Other threads of the group die; the exec'ing one carries on alone. */
	list_for_each_entry(t, &tsk->signal->thread_head, thread_node)
		if (t != tsk)
			send_sig(SIGKILL, t);
	while (tsk->signal->live > 1) {
		/* Still runnable: the others get this CPU, and the big kernel lock on theirs, to die. */
		this_cpu()->need_resched = true;
		cond_resched();
	}
	/* Clear the tid and wake a vfork parent while the old memory is still ours. */
	if (old)
		mm_release(tsk, old);
	active = tsk->active_mm; /* read after the waiting: a kernel thread borrows anew each time it runs */
	tsk->mm = tsk->active_mm = mm;
	switch_mm(mm);
	if (old)
		mmput(old);
	else if (active)
		mmdrop(active); /* a kernel thread's borrowed address space (lazy TLB) */
	return 0;
}

static unsigned long vm_prot(u32 p_flags)
{
	return (p_flags & PF_R ? PROT_READ : 0) | (p_flags & PF_W ? PROT_WRITE : 0) | (p_flags & PF_X ? PROT_EXEC : 0);
}

/* Map one PT_LOAD segment: file pages, then anonymous zero pages for the rest of bss. */
static int load_segment(struct linux_binprm *b, const struct elf64_phdr *ph)
{
	unsigned long vaddr = b->load_bias + ph->p_vaddr;
	unsigned long start = vaddr & PAGE_MASK, file_end = vaddr + ph->p_filesz;
	unsigned long mem_end = PAGE_ALIGN(vaddr + ph->p_memsz);
	unsigned long prot = vm_prot(ph->p_flags);
	long r;

	if (ph->p_filesz) {
		r = do_mmap(b->file, start, PAGE_ALIGN(file_end) - start, prot, MAP_PRIVATE | MAP_FIXED,
			    (ph->p_offset & PAGE_MASK) >> PAGE_SHIFT);
		if (r < 0)
			return (int)r;
		/* The file's next bytes share the last page: bss starts zeroed (Linux's padzero). */
		if (PAGE_ALIGN(file_end) != file_end && (prot & PROT_WRITE) && ph->p_memsz > ph->p_filesz &&
		    clear_user((void __user *)file_end, PAGE_ALIGN(file_end) - file_end))
			return -EFAULT;
	}
	unsigned long anon_start = PAGE_ALIGN(file_end);
	if (ph->p_filesz == 0)
		anon_start = start;
	if (mem_end > anon_start) {
		r = do_mmap(NULL, anon_start, mem_end - anon_start, prot, MAP_PRIVATE | MAP_FIXED | MAP_ANONYMOUS, 0);
		if (r < 0)
			return (int)r;
	}
	return 0;
}

static int load_segments(struct linux_binprm *b)
{
	struct mm_struct *mm = current->mm;
	unsigned long end = 0;

	mm->start_code = mm->start_data = TASK_SIZE;
	for (int i = 0; i < b->ehdr.e_phnum; i++) {
		const struct elf64_phdr *ph = &b->phdrs[i];
		if (ph->p_type != PT_LOAD)
			continue;
		int err = load_segment(b, ph);
		if (err)
			return err;
		unsigned long vaddr = b->load_bias + ph->p_vaddr;
		if (ph->p_flags & PF_X) {
			mm->start_code = MIN(mm->start_code, vaddr);
			mm->end_code = MAX(mm->end_code, vaddr + ph->p_filesz);
		} else {
			mm->start_data = MIN(mm->start_data, vaddr);
			mm->end_data = MAX(mm->end_data, vaddr + ph->p_filesz);
		}
		end = MAX(end, vaddr + ph->p_memsz);
	}
	mm->start_brk = mm->brk = PAGE_ALIGN(end);
	return 0;
}

/* The address of the program headers in the new image, for AT_PHDR. */
static unsigned long phdr_address(const struct linux_binprm *b)
{
	for (int i = 0; i < b->ehdr.e_phnum; i++) {
		const struct elf64_phdr *ph = &b->phdrs[i];
		if (ph->p_type == PT_LOAD && b->ehdr.e_phoff >= ph->p_offset &&
		    b->ehdr.e_phoff < ph->p_offset + ph->p_filesz)
			return b->load_bias + ph->p_vaddr + (b->ehdr.e_phoff - ph->p_offset);
	}
	return 0;
}

static int push(unsigned long *sp, const void *data, size_t n)
{
	*sp -= n;
	return copy_to_user((void __user *)*sp, data, n) ? -EFAULT : 0;
}

/* Write count string pointers starting at user address *s, then a NULL. */
static u64 *string_pointers(u64 *w, unsigned long *s, int count, const char *kstrings, unsigned long ustrings)
{
	for (int i = 0; i < count; i++) {
		*w++ = *s;
		*s += strlen(kstrings + (*s - ustrings)) + 1;
	}
	*w++ = 0;
	return w;
}

/* argc, the argv and envp pointers (each list NULL-terminated) and the auxv, as one block. */
static u64 *build_vectors(struct linux_binprm *b, unsigned long strings, const u64 *auxv, size_t auxv_words,
			  size_t *words)
{
	size_t n = 1 + b->argc + 1 + b->envc + 1 + auxv_words;
	u64 *v = kmalloc(n * sizeof(u64)), *w = v;
	struct mm_struct *mm = current->mm;
	unsigned long s = strings;

	if (!v)
		return NULL;
	*w++ = b->argc;
	mm->arg_start = strings;
	w = string_pointers(w, &s, b->argc, b->strings, strings);
	mm->arg_end = mm->env_start = s;
	w = string_pointers(w, &s, b->envc, b->strings, strings);
	mm->env_end = s;
	memcpy(w, auxv, auxv_words * sizeof(u64));
	*words = n;
	return v;
}

/*
 * The System V x86-64 initial stack (ABI 3.4.1), from the top down:
 * strings, 16 random bytes, then (16-aligned) argc, argv[], NULL, envp[],
 * NULL, auxv pairs ending with AT_NULL.
 */
static int create_stack(struct linux_binprm *b, unsigned long *sp_out)
{
	unsigned long sp = STACK_TOP;
	u64 random[2] = { get_random_u64(), get_random_u64() };
	size_t words;

	long r = do_mmap(NULL, STACK_TOP - STACK_INITIAL, STACK_INITIAL, PROT_READ | PROT_WRITE,
			 MAP_PRIVATE | MAP_FIXED | MAP_ANONYMOUS | MAP_GROWSDOWN, 0);
	if (r < 0)
		return (int)r;
	if (push(&sp, b->strings, b->strings_len))
		return -EFAULT;
	unsigned long strings = sp;
	if (push(&sp, random, sizeof(random)))
		return -EFAULT;
	const u64 auxv[] = { AT_PHDR, phdr_address(b), AT_PHENT, sizeof(struct elf64_phdr),
			     AT_PHNUM, b->ehdr.e_phnum, AT_PAGESZ, PAGE_SIZE, AT_ENTRY,
			     b->load_bias + b->ehdr.e_entry, AT_UID, 0, AT_EUID, 0, AT_GID, 0, AT_EGID, 0,
			     AT_SECURE, 0, AT_CLKTCK, HZ, AT_RANDOM, sp, AT_EXECFN, strings, AT_NULL, 0 };
	u64 *vec = build_vectors(b, strings, auxv, ARRAY_SIZE(auxv), &words);
	if (!vec)
		return -ENOMEM;
	sp = ALIGN_DOWN(sp - words * sizeof(u64), 16);
	int err = copy_to_user((void __user *)sp, vec, words * sizeof(u64)) ? -EFAULT : 0;
	kfree(vec);
	current->mm->start_stack = sp;
	*sp_out = sp;
	return err;
}

/* Every byte of comm is rewritten: nothing of an older, longer name is left after the NUL. */
void set_task_comm(struct task_struct *p, const char *name)
{
	memset(p->comm, 0, sizeof(p->comm));
	strlcpy(p->comm, name, sizeof(p->comm));
}

/* A new program: handlers reset (ignored stays ignored), close-on-exec fds closed, no signal stack. */
static void flush_old_exec_state(struct linux_binprm *b)
{
	struct sighand_struct *sh = current->sighand;
	const char *base = b->filename;

	for (const char *p = b->filename; *p; p++)
		if (*p == '/')
			base = p + 1;
	set_task_comm(current, base);
	for (int i = 0; i < _NSIG; i++)
		if (sh->action[i].handler != SIG_IGN)
			sh->action[i] = (struct k_sigaction){ 0 };
	do_close_on_exec(current->files);
	sas_ss_reset(current); /* the old program's signal stack is gone with its memory */
	current->flags &= ~PF_KTHREAD;
}

/*
 * Room below the stack for it to grow, kept free of mmap: RLIMIT_STACK as
 * the new program starts (as Linux's mmap_base()), at least the default
 * 8 MiB, at most MAX_GAP when unlimited.
 */
static unsigned long stack_gap(void)
{
	u64 gap = ALIGN_UP(MIN(rlimit(RLIMIT_STACK), (u64)MAX_GAP), PAGE_SIZE);

	return MAX(gap, (u64)_STK_LIM);
}

static int exec_binprm(struct linux_binprm *b)
{
	unsigned long sp;
	int err = exec_mmap();

	if (err)
		return err;
	get_file(b->file);
	current->mm->exe_file = b->file;
	/* From here the old program is gone: a failure kills the process. */
	err = load_segments(b);
	if (!err)
		err = create_stack(b, &sp);
	if (err) {
		send_sig(SIGKILL, current);
		return err;
	}
	current->mm->mmap_base = STACK_TOP - stack_gap();
	trace_exec(b->filename); /* under the old name: "pid 2 (sh) /bin/cowdemo" */
	flush_old_exec_state(b);
	start_thread(current_pt_regs(), b->load_bias + b->ehdr.e_entry, sp);
	return 0;
}

/* The program's path, from user or kernel memory, into buf (PATH_MAX bytes). */
static int copy_filename(char *buf, const char *filename, bool from_user)
{
	if (from_user) {
		long n = strncpy_from_user(buf, filename, PATH_MAX);
		return n < 0 ? (int)n : 0;
	}
	return strlcpy(buf, filename, PATH_MAX) < PATH_MAX ? 0 : -ENAMETOOLONG;
}

/*
 * Gather everything the new program needs while the old one is intact,
 * then exec_binprm().  The labels at the end release, in reverse, what the
 * steps took; success passes through them too, as the binprm is only
 * needed until the new program is set up.
 */
static int do_execve(const char *filename, const char *const *argv, const char *const *envp, bool from_user)
{
	struct linux_binprm *b = kzalloc(sizeof(*b));
	int err = -ENOMEM;

	if (!b)
		return -ENOMEM;
	if (!(b->strings = kmalloc(MAX_ARG_BYTES)))
		goto out_free;
	if (!(b->filename = kmalloc(PATH_MAX)))
		goto out_cleanup_strings;
	if ((err = copy_filename(b->filename, filename, from_user)))
		goto out_cleanup_filename;
	b->file = filp_open(b->filename, 0);
	if (IS_ERR(b->file)) {
		err = PTR_ERR(b->file);
		goto out_cleanup_filename;
	}
	if ((err = check_elf(b)))
		goto out_cleanup_file;
	if ((err = b->argc = copy_strings(b, argv, from_user)) < 0)
		goto out_cleanup_file;
	if ((err = b->envc = copy_strings(b, envp, from_user)) < 0)
		goto out_cleanup_file;
	err = exec_binprm(b);

out_cleanup_file:
	fput(b->file);
out_cleanup_filename:
	kfree(b->filename);
out_cleanup_strings:
	kfree(b->strings);
out_free:
	kfree(b);
	return err;
}

long sys_execve(const char __user *filename, const char __user *const __user *argv,
		const char __user *const __user *envp)
{
	return do_execve(filename, argv, envp, true);
}

/* exec from a kernel thread (the first user program): arguments in kernel memory. */
int kernel_execve(const char *filename, const char *const *argv, const char *const *envp)
{
	return do_execve(filename, argv, envp, false);
}
