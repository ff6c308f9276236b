/*
 * The VMAs of an address space, and the calls that edit them: mmap,
 * munmap, mprotect and brk (madvise.c edits them the same way).  VMAs are
 * kept sorted, on a list and in a red-black tree; an edit that covers part
 * of a VMA splits it, and neighbours that end up alike are merged again.
 * No address space has more than vm.max_map_count of them: a call that
 * would pass it fails with ENOMEM.
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
#include "internal.h"

/* Linux's defaults: nothing below 64 KiB (a NULL dereference stays a fault), and a 1 MiB gap under a stack. */
unsigned long mmap_min_addr = 64 * 1024;
#define STACK_GUARD_GAP (256ul << PAGE_SHIFT)

int sysctl_max_map_count = DEFAULT_MAX_MAP_COUNT;

/* The first VMA that ends above addr (it may start above addr too), or NULL: a walk down the tree. */
struct vm_area_struct *find_vma(struct mm_struct *mm, unsigned long addr)
{
	struct rb_node *node = mm->mm_rb.rb_node;
	struct vm_area_struct *found = NULL;

	while (node) {
		struct vm_area_struct *vma = rb_entry(node, struct vm_area_struct, vm_rb);
		if (addr >= vma->vm_end) {
			node = node->rb_child[RB_RIGHT];
			continue;
		}
		found = vma;
		if (addr >= vma->vm_start)
			break;
		node = node->rb_child[RB_LEFT];
	}
	return found;
}

/* Put vma in the tree and, before its successor there, on the list; it overlaps no other VMA. */
static void __vma_link(struct mm_struct *mm, struct vm_area_struct *vma)
{
	struct rb_node **link = &mm->mm_rb.rb_node, *parent = NULL;

	while (*link) {
		parent = *link;
		bool below = vma->vm_start < rb_entry(parent, struct vm_area_struct, vm_rb)->vm_start;
		link = &parent->rb_child[below ? RB_LEFT : RB_RIGHT];
	}
	rb_link_node(&vma->vm_rb, parent, link);
	rb_insert_color(&vma->vm_rb, &mm->mm_rb);
	struct rb_node *next = rb_next(&vma->vm_rb);
	list_add_tail(&vma->vm_list, next ? &rb_entry(next, struct vm_area_struct, vm_rb)->vm_list : &mm->mmap);
	mm->map_count++;
}

void vma_link(struct mm_struct *mm, struct vm_area_struct *vma)
{
	vma->vm_mm = mm;
	__vma_link(mm, vma);
	mm->total_vm += vma_pages(vma);
}

static void vma_unlink_free(struct vm_area_struct *vma)
{
	list_del(&vma->vm_list);
	rb_erase(&vma->vm_rb, &vma->vm_mm->mm_rb);
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

/* Cut vma in two at addr; the new upper part follows it.  Unchecked: munmap's cuts do not add VMAs in the end. */
static int __split_vma(struct vm_area_struct *vma, unsigned long addr)
{
	struct vm_area_struct *upper = vm_area_dup(vma);

	if (!upper)
		return -ENOMEM;
	upper->vm_start = addr;
	upper->vm_pgoff += (addr - vma->vm_start) >> PAGE_SHIFT;
	vma->vm_end = addr;
	__vma_link(vma->vm_mm, upper);
	return 0;
}

/* A cut that adds a VMA: refused at the limit, as Linux's split_vma. */
int split_vma(struct vm_area_struct *vma, unsigned long addr)
{
	return vma->vm_mm->map_count >= sysctl_max_map_count ? -ENOMEM : __split_vma(vma, addr);
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
void vma_merge_neighbours(struct vm_area_struct *vma)
{
	struct vm_area_struct *next = vma_next(vma), *prev = vma_prev(vma);

	if (next && can_merge(vma, next))
		vma_absorb(vma, next);
	if (prev && can_merge(prev, vma))
		vma_absorb(prev, vma);
}

/*
 * Split VMAs so that [start, end) begins and ends on VMA boundaries, with
 * split (which checks the map count, or not).  Returns the first VMA inside
 * the range (NULL if none).
 */
struct vm_area_struct *isolate_range(struct mm_struct *mm, unsigned long start, unsigned long end,
				     split_fn *split, int *err)
{
	struct vm_area_struct *vma = find_vma(mm, start);

	*err = 0;
	if (!vma || vma->vm_start >= end)
		return NULL;
	if (vma->vm_start < start) {
		if ((*err = split(vma, start)))
			return NULL;
		vma = vma_next(vma);
	}
	struct vm_area_struct *last = find_vma(mm, end - 1);
	if (last && last->vm_start < end && last->vm_end > end && (*err = split(last, end)))
		return NULL;
	return vma;
}

int do_munmap(struct mm_struct *mm, unsigned long start, unsigned long len)
{
	unsigned long end = start + PAGE_ALIGN(len);
	int err;

	if (!PAGE_ALIGNED(start) || !len || start >= TASK_SIZE || end > TASK_SIZE || end < start)
		return -EINVAL;
	/* Only a hole inside one VMA leaves one more; every other unmap removes as many as it cuts. */
	struct vm_area_struct *vma = find_vma(mm, start), *next;
	if (vma && vma->vm_start < start && end < vma->vm_end && mm->map_count >= sysctl_max_map_count)
		return -ENOMEM;
	/* odf: the tables the range cuts through are copied first, while failing still changes nothing. */
	if ((err = unshare_pte_tables(mm, start, end, true, "munmap")))
		return err;
	vma = isolate_range(mm, start, end, __split_vma, &err);
	if (err)
		return err;
	drop_pte_tables(mm, start, end, "munmap");
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
	return top >= len + mmap_min_addr ? top - len : 0;
}

/* No new VMA past the limit; Linux's do_mmap and do_brk_flags test with >, so one more fits. */
static bool map_count_full(const struct mm_struct *mm)
{
	return mm->map_count > sysctl_max_map_count;
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
	if (len > TASK_SIZE || map_count_full(mm))
		return -ENOMEM;
	len = PAGE_ALIGN(len);
	if (type == MAP_SHARED && file)
		return -ENODEV;
	unsigned long vm_flags = prot_to_vm_flags(prot) | VM_MAYREAD | VM_MAYWRITE | VM_MAYEXEC;
	if (type == MAP_SHARED)
		vm_flags |= VM_SHARED | VM_MAYSHARE;
	if (flags & MAP_GROWSDOWN) {
		/* A shared object has a fixed size: Linux refuses to let it grow. */
		if (type == MAP_SHARED)
			return -EINVAL;
		vm_flags |= VM_GROWSDOWN;
	}

	if (flags & (MAP_FIXED | MAP_FIXED_NOREPLACE)) {
		if (!PAGE_ALIGNED(addr) || addr >= TASK_SIZE || len > TASK_SIZE - addr)
			return -EINVAL;
		if (addr < mmap_min_addr)
			return -EPERM; /* Linux's security_mmap_addr; Cowl has no CAP_SYS_RAWIO to waive it */
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

/*
 * Grow a VM_GROWSDOWN VMA down to addr.  As Linux's expand_downwards, not
 * under mmap_min_addr, and not to within the guard gap of an accessible
 * mapping below (another stack may come closer: it grows the other way).
 */
int expand_stack(struct vm_area_struct *vma, unsigned long addr)
{
	unsigned long start = addr & PAGE_MASK;

	/* The stack may grow to RLIMIT_STACK, read at each growth as Linux's acct_stack_growth(). */
	if (!(vma->vm_flags & VM_GROWSDOWN) || vma->vm_end - start > rlimit(RLIMIT_STACK))
		return -ENOMEM;
	if (start < mmap_min_addr)
		return -EPERM;
	struct vm_area_struct *prev = vma_prev(vma);
	if (prev && prev->vm_end > start)
		return -ENOMEM;
	if (prev && !(prev->vm_flags & VM_GROWSDOWN) && (prev->vm_flags & (VM_READ | VM_WRITE | VM_EXEC)) &&
	    start - prev->vm_end < STACK_GUARD_GAP)
		return -ENOMEM;
	vma->vm_mm->total_vm += (vma->vm_start - start) >> PAGE_SHIFT;
	vma->vm_start = start;
	return 0;
}

void exit_mmap(struct mm_struct *mm)
{
	struct vm_area_struct *vma, *next;

	drop_pte_tables(mm, 0, TASK_SIZE, "exit");
	list_for_each_entry_safe(vma, next, &mm->mmap, vm_list) {
		zap_page_range(vma, vma->vm_start, vma->vm_end);
		vma_unlink_free(vma);
		mm_cond_resched(mm);
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
	if ((err = unshare_pte_tables(mm, start, end, false, "mprotect")))
		return err;
	struct vm_area_struct *vma = isolate_range(mm, start, end, split_vma, &err), *next;
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
		if ((next && next->vm_start < new_end) || map_count_full(mm))
			return mm->brk;
		if (new_vma(mm, old_end, new_end - old_end, VM_READ | VM_WRITE | VM_MAYREAD | VM_MAYWRITE | VM_MAYEXEC,
			    NULL, 0))
			return mm->brk;
	}
	mm->brk = brk;
	return brk;
}
