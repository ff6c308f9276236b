/* Address to symbol, through the table tools/kallsyms generated at link time. */
#include <kallsyms.h>
#include <string.h>

const char *kallsyms_lookup(unsigned long addr, unsigned long *start, unsigned long *size)
{
	unsigned long lo = 0, hi = kallsyms_num;

	if (!kallsyms_num || addr < kallsyms_addresses[0] || addr >= kallsyms_end)
		return NULL;
	/* The last symbol starting at or below addr: kallsyms_addresses[lo]. */
	while (hi - lo > 1) {
		unsigned long mid = lo + (hi - lo) / 2;
		if (kallsyms_addresses[mid] <= addr)
			lo = mid;
		else
			hi = mid;
	}
	/* Aliases share an address: the first of them names it, the next distinct one ends it. */
	while (lo > 0 && kallsyms_addresses[lo - 1] == kallsyms_addresses[lo])
		lo--;
	for (hi = lo + 1; hi < kallsyms_num && kallsyms_addresses[hi] == kallsyms_addresses[lo]; hi++)
		;
	*start = kallsyms_addresses[lo];
	*size = (hi < kallsyms_num ? kallsyms_addresses[hi] : kallsyms_end) - *start;
	return kallsyms_names + kallsyms_offsets[lo];
}

void sprint_symbol(char *buf, size_t size, unsigned long addr)
{
	unsigned long start, len;
	const char *name = kallsyms_lookup(addr, &start, &len);

	if (name)
		snprintf(buf, size, "%s+0x%lx/0x%lx", name, addr - start, len);
	else
		snprintf(buf, size, "0x%016lx", addr);
}
