/*
 * Address spaces.  An mm_struct is one user address space: its page tables
 * and an ordered list of vm_area_structs (VMAs), each a range of addresses
 * with the same rights and the same backing (anonymous memory, a shared
 * anonymous object, or an initrd file).  Shared by CLONE_VM, copied by fork.
 */
#ifndef MM_TYPES_H
#define MM_TYPES_H
#include <types.h>
#include <list.h>
#include <asm/pgtable.h>

struct file;
struct page;

/* vm_flags, with Linux's values */
#define VM_READ 0x00000001
#define VM_WRITE 0x00000002
#define VM_EXEC 0x00000004
#define VM_SHARED 0x00000008
#define VM_MAYREAD 0x00000010
#define VM_MAYWRITE 0x00000020
#define VM_MAYEXEC 0x00000040
#define VM_MAYSHARE 0x00000080
#define VM_GROWSDOWN 0x00000100

enum mm_counter { MM_FILEPAGES, MM_ANONPAGES, MM_SHMEMPAGES, NR_MM_COUNTERS };

/*
 * The pages of a MAP_SHARED|MAP_ANONYMOUS mapping.  Every VMA made from it
 * (in the parent, in forked children, after splits) refers to the object,
 * so a page first touched after fork is still the same page everywhere.
 */
struct shared_anon {
	int refcount;
	unsigned long nr_pages;
	struct page *pages[];
};

struct vm_area_struct {
	unsigned long vm_start, vm_end;  /* [start, end), page aligned */
	unsigned long vm_flags;
	struct mm_struct *vm_mm;
	struct list_head vm_list;        /* in mm->mmap, by address */
	struct file *vm_file;            /* file backing, or NULL */
	unsigned long vm_pgoff;          /* offset in the file or shared object, in pages */
	struct shared_anon *vm_shared;   /* where a VM_SHARED mapping's pages are, or NULL */
};

struct mm_struct {
	pte_t *pgd;                      /* the PML4, a direct-map address */
	struct list_head mmap;           /* VMAs in address order */
	int map_count;
	int mm_users;                    /* tasks using this address space */
	int mm_count;                    /* references to the struct and PML4: the users count as one, a lazy kernel thread as one */
	unsigned long start_code, end_code, start_data, end_data;
	unsigned long start_brk, brk, start_stack;
	unsigned long arg_start, arg_end, env_start, env_end;
	unsigned long mmap_base;         /* mmap() searches down from here */
	unsigned long total_vm;          /* pages mapped by VMAs */
	long rss_stat[NR_MM_COUNTERS];   /* pages present, by kind */
};

static inline unsigned long vma_pages(const struct vm_area_struct *v) { return (v->vm_end - v->vm_start) >> 12; }
static inline unsigned long get_mm_rss(const struct mm_struct *mm)
{
	return mm->rss_stat[MM_FILEPAGES] + mm->rss_stat[MM_ANONPAGES] + mm->rss_stat[MM_SHMEMPAGES];
}

/* kernel/fork.c: creating and dropping address spaces */
struct mm_struct *mm_alloc(void);
static inline void mmget(struct mm_struct *mm) { mm->mm_users++; }  /* one more user (CLONE_VM) */
void mmput(struct mm_struct *mm);    /* drop a user: tear down at the last */
static inline void mmgrab(struct mm_struct *mm) { mm->mm_count++; } /* pin the struct and PML4 (lazy TLB) */
void mmdrop(struct mm_struct *mm);   /* drop a reference to the struct */

/* kernel/mm/mmap.c */
struct vm_area_struct *find_vma(struct mm_struct *mm, unsigned long addr);
long do_mmap(struct file *file, unsigned long addr, unsigned long len, unsigned long prot,
	     unsigned long flags, unsigned long pgoff);
int do_munmap(struct mm_struct *mm, unsigned long start, unsigned long len);
int expand_stack(struct vm_area_struct *vma, unsigned long addr);
void exit_mmap(struct mm_struct *mm);
struct vm_area_struct *vm_area_dup(struct vm_area_struct *orig);
void vma_link(struct mm_struct *mm, struct vm_area_struct *vma);
void shared_anon_put(struct shared_anon *obj);

/* kernel/mm/memory.c */
int handle_mm_fault(struct vm_area_struct *vma, unsigned long address, unsigned flags);
int copy_page_range(struct mm_struct *dst, struct mm_struct *src, struct vm_area_struct *vma);
void zap_page_range(struct vm_area_struct *vma, unsigned long start, unsigned long end);
void change_protection(struct vm_area_struct *vma, unsigned long start, unsigned long end);
void free_pgtables(struct mm_struct *mm);
pte_t vma_page_prot(const struct vm_area_struct *vma);

/* Event counters shown in /proc/vmstat (kernel-private: Linux has no such lines). */
enum vm_event {
	COW_FAULT_COPY,   /* a write to a shared private page copied it */
	COW_FAULT_REUSE,  /* ... the writer was the last owner: made writable in place */
	ZERO_PAGE_MAP,    /* a read mapped the shared zero page */
	DEMAND_ZERO,      /* a new zero-filled anonymous page */
	DEMAND_FILE,      /* a page read in from a file */
	NR_VM_EVENTS,
};
extern unsigned long vm_events[NR_VM_EVENTS];
#endif
