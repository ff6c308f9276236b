/*
 * The counts that tasks share (clone's CLONE_VM, CLONE_FILES, CLONE_FS)
 * are atomic_t: every CPU at once, without the big kernel lock (an IPI
 * function), takes references to one mm (both counts), one fd table and
 * one fs_struct, then drops them; the counts must be exact both times and
 * nothing may be freed early.  With a plain ++ or -- the counts come out
 * short or long.  On one CPU it checks the single-CPU case only.
 */
#include <selftest.h>
#include <mm.h>
#include <fs.h>
#include <smp.h>
#include <atomic.h>
#include <printk.h>

#define REFS 400000 /* per CPU: long enough that the vCPUs overlap */

static struct {
	struct mm_struct *mm;
	struct files_struct *files;
	struct fs_struct *fs;
} shared;

static void take_refs(void *arg)
{
	(void)arg;
	for (int i = 0; i < REFS; i++) {
		mmget(shared.mm);
		mmgrab(shared.mm);
		get_files_struct(shared.files);
		get_fs_struct(shared.fs);
	}
}

static void drop_refs(void *arg)
{
	(void)arg;
	for (int i = 0; i < REFS; i++) {
		mmput(shared.mm);
		mmdrop(shared.mm);
		put_files_struct(shared.files);
		put_fs_struct(shared.fs);
	}
}

KERNEL_TEST(shared_counts_every_cpu_at_once)
{
	int want = 1 + (int)num_online_cpus() * REFS;

	shared.mm = mm_alloc();
	shared.files = files_alloc();
	shared.fs = fs_alloc_root();
	KT_ASSERT(shared.mm && shared.files && shared.fs);
	on_every_cpu_together(take_refs, NULL);
	int users = atomic_read(&shared.mm->mm_users), count = atomic_read(&shared.mm->mm_count);
	printk("refcounts: %u CPUs, %d references each: mm_users %d, mm_count %d of %d\n", num_online_cpus(), REFS,
	       users, count, want);
	KT_ASSERT(users == want && count == want);
	on_every_cpu_together(drop_refs, NULL);
	KT_ASSERT(atomic_read(&shared.mm->mm_users) == 1 && atomic_read(&shared.mm->mm_count) == 1);
	mmput(shared.mm);
	put_files_struct(shared.files);
	put_fs_struct(shared.fs);
}
