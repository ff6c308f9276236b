/*
 * The memory API: frames and their reference counts (which copy-on-write
 * relies on), VMA rights, and the functions that build, change and tear
 * down address spaces.  The types are in mm_types.h.
 */
#ifndef MM_H
#define MM_H
#include <types.h>
#include <mm_types.h>
#include <gfp.h>
#include <vmstat.h>
#include <asm/page.h>

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
#define VM_SEQ_READ 0x00008000   /* madvise: MADV_SEQUENTIAL */
#define VM_RAND_READ 0x00010000  /* madvise: MADV_RANDOM */
#define VM_DONTCOPY 0x00020000   /* madvise: MADV_DONTFORK, the child gets no such VMA */
#define VM_WIPEONFORK 0x02000000 /* madvise: MADV_WIPEONFORK, the child's copy starts empty */
#define VM_DONTDUMP 0x04000000   /* madvise: MADV_DONTDUMP */
#define VM_HUGEPAGE 0x20000000   /* madvise: MADV_HUGEPAGE (a hint; Cowl maps 4 KiB pages only) */
#define VM_NOHUGEPAGE 0x40000000 /* madvise: MADV_NOHUGEPAGE */

extern struct page *mem_map;
extern unsigned long max_pfn;

static inline unsigned long page_to_pfn(const struct page *p) { return p - mem_map; }
static inline struct page *pfn_to_page(unsigned long pfn) { return &mem_map[pfn]; }
static inline unsigned long page_to_phys(const struct page *p) { return page_to_pfn(p) << PAGE_SHIFT; }
static inline void *page_address(const struct page *p) { return __va(page_to_phys(p)); }
static inline struct page *virt_to_page(const void *va) { return pfn_to_page(__pa(va) >> PAGE_SHIFT); }

static inline void get_page(struct page *p) { atomic_inc(&p->refcount); }
static inline int page_count(const struct page *p) { return atomic_read(&p->refcount); }
/* Drop one reference; the frame goes back to the allocator at zero. */
void put_page(struct page *p);

/* A page of zeroes, mapped read-only for reads of never-written anonymous memory. */
extern struct page *zero_page;

static inline unsigned long vma_pages(const struct vm_area_struct *v) { return (v->vm_end - v->vm_start) >> PAGE_SHIFT; }
static inline unsigned long get_mm_rss(const struct mm_struct *mm)
{
	return mm->rss_stat[MM_FILEPAGES] + mm->rss_stat[MM_ANONPAGES] + mm->rss_stat[MM_SHMEMPAGES];
}

/* The frame a leaf entry maps, and the entry mapping a frame with these rights. */
static inline struct page *pte_page(pte_t pte) { return pfn_to_page(pte_pfn(pte)); }
static inline pte_t mk_pte(const struct page *page, pte_t prot) { return page_to_phys(page) | prot; }
/* Writable if the VMA may be written (Linux's maybe_mkwrite). */
static inline pte_t maybe_mkwrite(pte_t pte, const struct vm_area_struct *vma)
{
	return vma->vm_flags & VM_WRITE ? pte_mkwrite(pte) : pte;
}

/*
 * A private mapping that may be written: its pages are shared copy-on-write
 * after fork (write-protected in both page tables), and a write fault copies
 * or reuses them (do_wp_page).  A shared mapping's pages are never copied.
 */
static inline bool is_cow_mapping(unsigned long vm_flags)
{
	return (vm_flags & (VM_SHARED | VM_MAYWRITE)) == VM_MAYWRITE;
}

/*
 * The RSS counter a page of this VMA counts in.  Linux asks the page (anon
 * or file); here every page of a VMA is of the VMA's kind.  The zero page is
 * never counted.
 */
static inline enum mm_counter mm_counter(const struct vm_area_struct *vma)
{
	if (vma->vm_flags & VM_SHARED)
		return MM_SHMEMPAGES;
	return vma->vm_file ? MM_FILEPAGES : MM_ANONPAGES;
}
static inline void add_mm_counter(struct mm_struct *mm, enum mm_counter member, long value)
{
	mm->rss_stat[member] += value;
}

/* kernel/fork.c: creating and dropping address spaces */
struct mm_struct *mm_alloc(void);
static inline void mmget(struct mm_struct *mm) { atomic_inc(&mm->mm_users); }  /* one more user (CLONE_VM) */
void mmput(struct mm_struct *mm);    /* drop a user: tear down at the last */
static inline void mmgrab(struct mm_struct *mm) { atomic_inc(&mm->mm_count); } /* pin the struct and PML4 (lazy TLB) */
void mmdrop(struct mm_struct *mm);   /* drop a reference to the struct */

/* kernel/mm/mmap.c */
extern unsigned long mmap_min_addr; /* vm.mmap_min_addr: nothing is mapped below it */
#define DEFAULT_MAX_MAP_COUNT 65530 /* Linux's: USHRT_MAX - 5, room for ELF core dumps' section count */
extern int sysctl_max_map_count;    /* vm.max_map_count: VMAs per address space */
struct vm_area_struct *find_vma(struct mm_struct *mm, unsigned long addr);
long do_mmap(struct file *file, unsigned long addr, unsigned long len, unsigned long prot,
	     unsigned long flags, unsigned long pgoff);
int do_munmap(struct mm_struct *mm, unsigned long start, unsigned long len);
int expand_stack(struct vm_area_struct *vma, unsigned long addr);
void exit_mmap(struct mm_struct *mm);
struct vm_area_struct *vm_area_dup(struct vm_area_struct *orig);
void vma_link(struct mm_struct *mm, struct vm_area_struct *vma);
void shared_anon_put(struct shared_anon *obj);

/*
 * kernel/mm/odf.c: how fork copies page tables, fork=classic|odf on the
 * command line or /proc/cowl/fork_mode at run time (docs/fork.md).
 */
enum fork_mode { FORK_CLASSIC, FORK_ODF };
extern enum fork_mode fork_mode;
int fork_mode_parse(const char *name); /* the mode, or -1 for an unknown name */
const char *fork_mode_name(enum fork_mode mode);
struct task_struct;
void trace_odf_fork(struct task_struct *child);

/*
 * The page-table pages of the user half below the PML4 (Linux's
 * mm_pgtables_bytes, /proc/PID/status VmPTE); a leaf table that odf
 * shares counts for none of its sharers (kernel/mm/pgtable.c).
 */
unsigned long mm_pgtables_bytes(const struct mm_struct *mm);

/* kernel/mm/memory.c */
int handle_mm_fault(struct vm_area_struct *vma, unsigned long address, unsigned flags);
int copy_page_range(struct mm_struct *dst, struct mm_struct *src, struct vm_area_struct *vma);
void zap_page_range(struct vm_area_struct *vma, unsigned long start, unsigned long end);
void change_protection(struct vm_area_struct *vma, unsigned long start, unsigned long end);
void free_pgtables(struct mm_struct *mm);
void mm_cond_resched(const struct mm_struct *mm);
pte_t vma_page_prot(const struct vm_area_struct *vma);
#endif
