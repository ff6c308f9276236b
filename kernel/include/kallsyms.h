/*
 * kallsyms: the kernel's own symbol table (text symbols), built into the
 * kernel at link time by tools/kallsyms, so that an oops can name the
 * functions of its call trace ("do_wp_page+0x3a/0x120") as Linux's does.
 */
#ifndef KALLSYMS_H
#define KALLSYMS_H
#include <types.h>

/* The generated table (build/k/kallsyms.c): sorted by address. */
extern const unsigned long kallsyms_num;
extern const unsigned long kallsyms_addresses[];
extern const unsigned int kallsyms_offsets[];
extern const char kallsyms_names[];
extern const unsigned long kallsyms_end;

#define KSYM_NAME_LEN 128
#define KSYM_SYMBOL_LEN (KSYM_NAME_LEN + 40)

/* The symbol holding addr: its name, start and size; NULL if none does. */
const char *kallsyms_lookup(unsigned long addr, unsigned long *start, unsigned long *size);
/* "name+0xoff/0xsize", or the bare address outside every symbol (Linux's %pS). */
void sprint_symbol(char *buf, size_t size, unsigned long addr);
#endif
