/*
 * The types of memory management, apart from the functions on them (mm.h).
 *
 * struct page describes one 4 KiB physical frame (mem_map[pfn]).  An
 * mm_struct is one user address space: its page tables and its
 * vm_area_structs (VMAs), each a range of addresses with the same rights and
 * the same backing (anonymous memory, a shared anonymous object, or an
 * initrd file).  The VMAs are on a list in address order, to walk them, and
 * in a red-black tree by address, to find one in O(log n) (find_vma).
 * Shared by CLONE_VM, copied by fork.
 */
#ifndef MM_TYPES_H
#define MM_TYPES_H
#include <types.h>
#include <list.h>
#include <cpumask.h>
#include <rbtree.h>
#include <atomic.h>
#include <asm/pgtable.h>

struct file;

enum page_flags {
	PG_reserved = 1 << 0, /* never allocatable: firmware, kernel image, holes */
	PG_buddy = 1 << 1,    /* free, heading a block of 2^order pages */
	PG_slab = 1 << 2,     /* holds small kmalloc objects */
	PG_large = 1 << 3,    /* first page of a multi-page kmalloc */
};

struct page {
	u32 flags;
	atomic_t refcount;      /* users of the frame, on any CPU: freed when it drops to 0 */
	u16 order;              /* block order while free or large-kmalloc */
	union {
		u16 inuse;      /* slab: objects handed out */
		u16 pt_rss;     /* leaf table: the pages it maps that count in RSS (odf moves them with it) */
	};
	/*
	 * Leaf table under odf: how many PMD entries beyond the first point at
	 * it (Linux's ptdesc pt_share_count), 0 when one mm has it to itself.
	 * Changed atomically: its sharers may fault on different CPUs.
	 */
	int pt_share_count;
	u16 objsize;            /* slab: size class */
	struct list_head lru;   /* free list, or the slab's partial list */
	void *freelist;         /* slab: first free object */
};

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
	unsigned long vm_flags;          /* VM_* (mm.h) */
	struct mm_struct *vm_mm;
	struct list_head vm_list;        /* in mm->mmap, by address */
	struct rb_node vm_rb;            /* in mm->mm_rb, by address */
	struct file *vm_file;            /* file backing, or NULL */
	unsigned long vm_pgoff;          /* offset in the file or shared object, in pages */
	struct shared_anon *vm_shared;   /* where a VM_SHARED mapping's pages are, or NULL */
};

struct mm_struct {
	pte_t *pgd;                      /* the PML4, a direct-map address */
	struct file *exe_file;           /* the program exec ran (/proc/PID/exe), referenced */
	struct list_head mmap;           /* VMAs in address order */
	struct rb_root mm_rb;            /* the same VMAs, searchable */
	int map_count;                   /* how many: at most sysctl_max_map_count (+1, as Linux) */
	atomic_t mm_users;               /* tasks using this address space */
	atomic_t mm_count;               /* references to the struct and PML4: the users count as one, a lazy kernel thread as one */
	unsigned long start_code, end_code, start_data, end_data;
	unsigned long start_brk, brk, start_stack;
	unsigned long arg_start, arg_end, env_start, env_end;
	unsigned long mmap_base;         /* mmap() searches down from here */
	unsigned long total_vm;          /* pages mapped by VMAs */
	long rss_stat[NR_MM_COUNTERS];   /* pages present, by kind */
	unsigned long cow_faults;        /* write faults do_wp_page resolved in a COW mapping (Cowl's own) */
	struct cpumask cpu_bitmap;       /* the CPUs that have it loaded (switch_mm), atomic bits: mm_cpumask() */
};

/* The CPUs whose TLB may hold this mm's translations: a TLB shootdown interrupts these only. */
static inline struct cpumask *mm_cpumask(struct mm_struct *mm) { return &mm->cpu_bitmap; }
#endif
