/*
 * The VMA list of an address space, and the calls that edit it: mmap,
 * munmap, mprotect and brk.  VMAs are kept sorted; an edit that covers part
 * of a VMA splits it, and neighbours that end up alike are merged again.
 */
#include <mm_types.h>
#include <mm.h>
#include <slab.h>
#include <sched.h>
#include <fs.h>
#include <syscalls.h>
#include <uapi/mman.h>
#include <uapi/resource.h>
#include <uapi/errno.h>

struct vm_area_struct *find_vma(struct mm_struct *mm, unsigned long addr)
{
	struct vm_area_struct *vma;

	list_for_each_entry(vma, &mm->mmap, vm_list)
		if (addr < vma->vm_end)
			return vma;
	return NULL;
}

void vma_link(struct mm_struct *mm, struct vm_area_struct *vma)
{
	struct vm_area_struct *next = find_vma(mm, vma->vm_start);

	vma->vm_mm = mm;
	list_add_tail(&vma->vm_list, next ? &next->vm_list : &mm->mmap);
	mm->map_count++;
	mm->total_vm += vma_pages(vma);
}

static void vma_unlink_free(struct vm_area_struct *vma)
{
	list_del(&vma->vm_list);
	vma->vm_mm->map_count--;
	vma->vm_mm->total_vm -= vma_pages(vma);
	if (vma->vm_file)
		fput(vma->vm_file);
	if (vma->vm_shared)
		shared_anon_put(vma->vm_shared);
	kfree(vma);
}

void shared_anon_put(struct shared_anon *obj)
{
	if (--obj->refcount)
		return;
	for (unsigned long i = 0; i < obj->nr_pages; i++)
		if (obj->pages[i])
			put_page(obj->pages[i]);
	kfree(obj);
}

struct vm_area_struct *vm_area_dup(struct vm_area_struct *orig)
{
	struct vm_area_struct *vma = kmalloc(sizeof(*vma));

	if (!vma)
		return NULL;
	*vma = *orig;
	INIT_LIST_HEAD(&vma->vm_list);
	if (vma->vm_file)
		get_file(vma->vm_file);
	if (vma->vm_shared)
		vma->vm_shared->refcount++;
	return vma;
}

/* Cut vma in two at addr; the new upper part follows it in the list. */
static int split_vma(struct vm_area_struct *vma, unsigned long addr)
{
	struct vm_area_struct *upper = vm_area_dup(vma);

	if (!upper)
		return -ENOMEM;
	upper->vm_start = addr;
	upper->vm_pgoff += (addr - vma->vm_start) >> PAGE_SHIFT;
	vma->vm_end = addr;
	list_add(&upper->vm_list, &vma->vm_list);
	vma->vm_mm->map_count++;
	return 0;
}

static bool can_merge(const struct vm_area_struct *a, const struct vm_area_struct *b)
{
	return a->vm_end == b->vm_start && a->vm_flags == b->vm_flags && a->vm_file == b->vm_file &&
	       a->vm_shared == b->vm_shared &&
	       (!a->vm_file && !(a->vm_flags & VM_SHARED) ? true : a->vm_pgoff + vma_pages(a) == b->vm_pgoff);
}

/* Absorb b into a (a directly precedes b and they are alike); b is freed. */
static void vma_absorb(struct vm_area_struct *a, struct vm_area_struct *b)
{
	unsigned long pages = vma_pages(b);

	a->vm_end = b->vm_end;
	vma_unlink_free(b);
	a->vm_mm->total_vm += pages; /* the pages stay mapped, now through a */
}

static struct vm_area_struct *vma_next(struct vm_area_struct *vma)
{
	return vma->vm_list.next == &vma->vm_mm->mmap ? NULL
						      : list_entry(vma->vm_list.next, struct vm_area_struct, vm_list);
}

static struct vm_area_struct *vma_prev(struct vm_area_struct *vma)
{
	return vma->vm_list.prev == &vma->vm_mm->mmap ? NULL
						      : list_entry(vma->vm_list.prev, struct vm_area_struct, vm_list);
}

/* Merge vma with its successor and predecessor where they are alike. */
static void vma_merge_neighbours(struct vm_area_struct *vma)
{
	struct vm_area_struct *next = vma_next(vma), *prev = vma_prev(vma);

	if (next && can_merge(vma, next))
		vma_absorb(vma, next);
	if (prev && can_merge(prev, vma))
		vma_absorb(prev, vma);
}

/*
 * Split VMAs so that [start, end) begins and ends on VMA boundaries.
 * Returns the first VMA inside the range (NULL if none).
 */
static struct vm_area_struct *isolate_range(struct mm_struct *mm, unsigned long start, unsigned long end,
					    int *err)
{
	struct vm_area_struct *vma = find_vma(mm, start);

	*err = 0;
	if (!vma || vma->vm_start >= end)
		return NULL;
	if (vma->vm_start < start) {
		if ((*err = split_vma(vma, start)))
			return NULL;
		vma = vma_next(vma);
	}
	struct vm_area_struct *last = find_vma(mm, end - 1);
	if (last && last->vm_start < end && last->vm_end > end && (*err = split_vma(last, end)))
		return NULL;
	return vma;
}

int do_munmap(struct mm_struct *mm, unsigned long start, unsigned long len)
{
	unsigned long end = start + PAGE_ALIGN(len);
	int err;

	if (!PAGE_ALIGNED(start) || !len || start >= TASK_SIZE || end > TASK_SIZE || end < start)
		return -EINVAL;
	struct vm_area_struct *vma = isolate_range(mm, start, end, &err), *next;
	if (err)
		return err;
	for (; vma && vma->vm_start < end; vma = next) {
		next = vma_next(vma);
		zap_page_range(vma, vma->vm_start, vma->vm_end);
		vma_unlink_free(vma);
	}
	return 0;
}

/* Top-down search for a free range of len bytes below mmap_base. */
static unsigned long get_unmapped_area(struct mm_struct *mm, unsigned long len)
{
	unsigned long top = mm->mmap_base;
	/* Walk the VMAs from the highest down, looking for a gap under `top`. */
	for (struct list_head *l = mm->mmap.prev; l != &mm->mmap; l = l->prev) {
		struct vm_area_struct *vma = list_entry(l, struct vm_area_struct, vm_list);
		if (vma->vm_start >= top)
			continue;
		if (vma->vm_end + len <= top)
			return top - len;
		top = vma->vm_start;
	}
	return top >= len + PAGE_SIZE * 16 ? top - len : 0;
}

static unsigned long prot_to_vm_flags(unsigned long prot)
{
	return (prot & PROT_READ ? VM_READ : 0) | (prot & PROT_WRITE ? VM_WRITE : 0) |
	       (prot & PROT_EXEC ? VM_EXEC : 0);
}

static int new_vma(struct mm_struct *mm, unsigned long addr, unsigned long len, unsigned long vm_flags,
		   struct file *file, unsigned long pgoff)
{
	struct vm_area_struct *vma = kzalloc(sizeof(*vma));

	if (!vma)
		return -ENOMEM;
	vma->vm_start = addr;
	vma->vm_end = addr + len;
	vma->vm_flags = vm_flags;
	vma->vm_pgoff = pgoff;
	if (vm_flags & VM_SHARED) {
		vma->vm_shared = kzalloc(sizeof(struct shared_anon) + (len >> PAGE_SHIFT) * sizeof(struct page *));
		if (!vma->vm_shared) {
			kfree(vma);
			return -ENOMEM;
		}
		vma->vm_shared->refcount = 1;
		vma->vm_shared->nr_pages = len >> PAGE_SHIFT;
		vma->vm_pgoff = 0;
	}
	if (file) {
		get_file(file);
		vma->vm_file = file;
	}
	vma_link(mm, vma);
	vma_merge_neighbours(vma);
	return 0;
}

/*
 * Map len bytes (anonymous, or of an initrd file for exec's PT_LOAD
 * segments).  Shared mappings are supported for anonymous memory only.
 */
long do_mmap(struct file *file, unsigned long addr, unsigned long len, unsigned long prot,
	     unsigned long flags, unsigned long pgoff)
{
	struct mm_struct *mm = current->mm;
	unsigned long type = flags & MAP_TYPE;

	if (!len || (type != MAP_PRIVATE && type != MAP_SHARED) || (prot & ~(PROT_READ | PROT_WRITE | PROT_EXEC)))
		return -EINVAL;
	if (len > TASK_SIZE)
		return -ENOMEM;
	len = PAGE_ALIGN(len);
	if (type == MAP_SHARED && file)
		return -ENODEV;
	unsigned long vm_flags = prot_to_vm_flags(prot) | VM_MAYREAD | VM_MAYWRITE | VM_MAYEXEC;
	if (type == MAP_SHARED)
		vm_flags |= VM_SHARED | VM_MAYSHARE;
	if (flags & MAP_GROWSDOWN)
		vm_flags |= VM_GROWSDOWN;

	if (flags & (MAP_FIXED | MAP_FIXED_NOREPLACE)) {
		if (!PAGE_ALIGNED(addr) || addr >= TASK_SIZE || len > TASK_SIZE - addr)
			return -EINVAL;
		struct vm_area_struct *v = find_vma(mm, addr);
		if ((flags & MAP_FIXED_NOREPLACE) && v && v->vm_start < addr + len)
			return -EEXIST;
		int err = do_munmap(mm, addr, len);
		if (err)
			return err;
	} else {
		addr = get_unmapped_area(mm, len);
		if (!addr)
			return -ENOMEM;
	}
	int err = new_vma(mm, addr, len, vm_flags, file, pgoff);
	return err ? err : (long)addr;
}

int expand_stack(struct vm_area_struct *vma, unsigned long addr)
{
	unsigned long start = addr & PAGE_MASK;

	/* The stack may grow to RLIMIT_STACK, read at each growth as Linux's acct_stack_growth(). */
	if (!(vma->vm_flags & VM_GROWSDOWN) || vma->vm_end - start > rlimit(RLIMIT_STACK))
		return -ENOMEM;
	struct vm_area_struct *prev = vma_prev(vma);
	if (prev && prev->vm_end > start)
		return -ENOMEM;
	vma->vm_mm->total_vm += (vma->vm_start - start) >> PAGE_SHIFT;
	vma->vm_start = start;
	return 0;
}

void exit_mmap(struct mm_struct *mm)
{
	struct vm_area_struct *vma, *next;

	list_for_each_entry_safe(vma, next, &mm->mmap, vm_list) {
		zap_page_range(vma, vma->vm_start, vma->vm_end);
		vma_unlink_free(vma);
	}
	free_pgtables(mm);
}

/*
 * Anonymous mappings, private or shared, and private mappings of initrd
 * files.  The files are read-only, so a shared file mapping could never be
 * written back: it is refused with ENODEV.
 */
long sys_mmap(unsigned long addr, unsigned long len, unsigned long prot, unsigned long flags,
	      unsigned long fd, unsigned long off)
{
	if (off & ~PAGE_MASK)
		return -EINVAL;
	if (flags & MAP_ANONYMOUS)
		return do_mmap(NULL, addr, len, prot, flags, 0);
	struct file *file = fget(fd);
	if (!file)
		return -EBADF;
	long r = file_regular_size(file) < 0 ? -EACCES
	       : (flags & MAP_TYPE) == MAP_SHARED ? -ENODEV
	       : do_mmap(file, addr, len, prot, flags, off >> PAGE_SHIFT);
	fput(file);
	return r;
}

long sys_munmap(unsigned long addr, size_t len)
{
	return do_munmap(current->mm, addr, len);
}

long sys_mprotect(unsigned long start, size_t len, unsigned long prot)
{
	struct mm_struct *mm = current->mm;
	unsigned long end = start + PAGE_ALIGN(len);
	int err;

	if (!PAGE_ALIGNED(start) || (prot & ~(PROT_READ | PROT_WRITE | PROT_EXEC)) || end < start)
		return -EINVAL;
	if (!len)
		return 0;
	/* The whole range must be mapped, without holes. */
	unsigned long at = start;
	for (struct vm_area_struct *v = find_vma(mm, start); at < end; v = find_vma(mm, at)) {
		if (!v || v->vm_start > at)
			return -ENOMEM;
		at = v->vm_end;
	}
	struct vm_area_struct *vma = isolate_range(mm, start, end, &err), *next;
	if (err)
		return err;
	for (; vma && vma->vm_start < end; vma = next) {
		next = vma_next(vma);
		vma->vm_flags = (vma->vm_flags & ~(VM_READ | VM_WRITE | VM_EXEC)) | prot_to_vm_flags(prot);
		change_protection(vma, vma->vm_start, vma->vm_end);
	}
	vma_merge_neighbours(find_vma(mm, start));
	return 0;
}

long sys_madvise(unsigned long start, size_t len, int advice)
{
	(void)start, (void)len, (void)advice;
	return 0; /* advice only: ignoring it is allowed */
}

/*
 * brk: move the end of the heap.  The result is the new break, or the old
 * one when the request cannot be met (Linux's raw brk(2) behaviour).
 */
long sys_brk(unsigned long brk)
{
	struct mm_struct *mm = current->mm;
	unsigned long old_end = PAGE_ALIGN(mm->brk), new_end = PAGE_ALIGN(brk);

	if (brk < mm->start_brk || brk >= mm->mmap_base)
		return mm->brk;
	if (new_end < old_end) {
		if (do_munmap(mm, new_end, old_end - new_end))
			return mm->brk;
	} else if (new_end > old_end) {
		struct vm_area_struct *next = find_vma(mm, old_end);
		if (next && next->vm_start < new_end)
			return mm->brk;
		if (new_vma(mm, old_end, new_end - old_end, VM_READ | VM_WRITE | VM_MAYREAD | VM_MAYWRITE | VM_MAYEXEC,
			    NULL, 0))
			return mm->brk;
	}
	mm->brk = brk;
	return brk;
}
