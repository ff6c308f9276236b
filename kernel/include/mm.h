/*
 * Physical memory: one struct page per 4 KiB frame (mem_map[pfn]), a buddy
 * allocator for free frames, reference counts that copy-on-write relies on,
 * and kmalloc for small objects.
 */
#ifndef MM_H
#define MM_H
#include <types.h>
#include <list.h>
#include <asm/page.h>
#include <mm_types.h>

#define MAX_ORDER 11 /* blocks of 2^0 .. 2^10 pages (4 KiB .. 4 MiB) */

enum page_flags {
	PG_reserved = 1 << 0, /* never allocatable: firmware, kernel image, holes */
	PG_buddy = 1 << 1,    /* free, heading a block of 2^order pages */
	PG_slab = 1 << 2,     /* holds small kmalloc objects */
	PG_large = 1 << 3,    /* first page of a multi-page kmalloc */
};

struct page {
	u32 flags;
	int refcount;           /* users of the frame; freed when it drops to 0 */
	u16 order;              /* block order while free or large-kmalloc */
	u16 inuse;              /* slab: objects handed out */
	u16 objsize;            /* slab: size class */
	struct list_head lru;   /* free list, or the slab's partial list */
	void *freelist;         /* slab: first free object */
};

extern struct page *mem_map;
extern unsigned long max_pfn;

static inline unsigned long page_to_pfn(const struct page *p) { return p - mem_map; }
static inline struct page *pfn_to_page(unsigned long pfn) { return &mem_map[pfn]; }
static inline unsigned long page_to_phys(const struct page *p) { return page_to_pfn(p) << PAGE_SHIFT; }
static inline void *page_address(const struct page *p) { return __va(page_to_phys(p)); }
static inline struct page *virt_to_page(const void *va) { return pfn_to_page(__pa(va) >> PAGE_SHIFT); }

/* Early boot allocator, used until the buddy allocator is running. */
void memblock_init(void);
u64 memblock_alloc(u64 size, u64 align);
/* The end of the reserved range holding phys, or 0 if phys is not reserved. */
u64 memblock_reserved_end(u64 phys);
/* The start of the first reserved range above phys (~0 if none). */
u64 memblock_next_reserved(u64 phys);

void page_alloc_init(void);
struct page *alloc_pages(unsigned order);
struct page *alloc_page(void);
struct page *alloc_zeroed_page(void);
void __free_pages(struct page *page, unsigned order);
unsigned long nr_free_pages(void);
unsigned long nr_total_pages(void);
/* Fault injection for tests: fail every allocation after `budget` more (-1: off). */
void page_alloc_fail_after(long budget);
long page_alloc_fail_budget(void);

static inline void get_page(struct page *p) { p->refcount++; }
static inline int page_count(const struct page *p) { return p->refcount; }
/* Drop one reference; the frame goes back to the allocator at zero. */
void put_page(struct page *p);

/* A page of zeroes, mapped read-only for reads of never-written anonymous memory. */
extern struct page *zero_page;

void kmalloc_init(void);
void *kmalloc(size_t size);
void *kzalloc(size_t size);
void kfree(const void *p);

void paging_init(void);

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
static inline void inc_mm_counter(struct mm_struct *mm, enum mm_counter member) { add_mm_counter(mm, member, 1); }
static inline void dec_mm_counter(struct mm_struct *mm, enum mm_counter member) { add_mm_counter(mm, member, -1); }
#endif
