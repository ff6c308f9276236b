/*
 * /proc/cpuinfo: one block per online CPU, in the fields and order Linux's
 * x86 show_cpuinfo() prints them, with its names for the CPUID feature
 * bits (arch/x86/include/asm/cpufeatures.h; a bit Linux hides or does not
 * name is not shown).  Left out: microcode (reading the revision needs an
 * MSR sequence Cowl does not do), bugs (none is recorded: an empty line),
 * and Linux's synthetic flags (constant_tsc, nopl, ...).
 */
#include <proc_fs.h>
#include <cpumask.h>
#include <time.h>
#include <asm/cpuinfo.h>

static const char *const cap_flags[NCAPINTS][32] = {
	[CPUID_1_EDX] = {
		"fpu", "vme", "de", "pse", "tsc", "msr", "pae", "mce", "cx8", "apic", NULL, "sep",
		"mtrr", "pge", "mca", "cmov", "pat", "pse36", "pn", "clflush", NULL, "dts", "acpi",
		"mmx", "fxsr", "sse", "sse2", "ss", "ht", "tm", "ia64", "pbe" },
	[CPUID_8000_0001_EDX] = {
		[11] = "syscall", [19] = "mp", [20] = "nx", [22] = "mmxext", [25] = "fxsr_opt",
		[26] = "pdpe1gb", [27] = "rdtscp", [29] = "lm", [30] = "3dnowext", [31] = "3dnow" },
	[CPUID_1_ECX] = {
		"pni", "pclmulqdq", "dtes64", "monitor", "ds_cpl", "vmx", "smx", "est", "tm2", "ssse3",
		"cid", "sdbg", "fma", "cx16", "xtpr", "pdcm", NULL, "pcid", "dca", "sse4_1", "sse4_2",
		"x2apic", "movbe", "popcnt", "tsc_deadline_timer", "aes", "xsave", NULL, "avx", "f16c",
		"rdrand", "hypervisor" },
	[CPUID_8000_0001_ECX] = {
		"lahf_lm", "cmp_legacy", "svm", "extapic", "cr8_legacy", "abm", "sse4a", "misalignsse",
		"3dnowprefetch", "osvw", "ibs", "xop", "skinit", "wdt", NULL, "lwp", "fma4", "tce", NULL,
		"nodeid_msr", NULL, "tbm", "topoext", "perfctr_core", "perfctr_nb", NULL, "bpext", "ptsc",
		"perfctr_llc", "mwaitx" },
	[CPUID_7_0_EBX] = {
		"fsgsbase", "tsc_adjust", "sgx", "bmi1", "hle", "avx2", NULL, "smep", "bmi2", "erms",
		"invpcid", "rtm", "cqm", NULL, "mpx", "rdt_a", "avx512f", "avx512dq", "rdseed", "adx",
		"smap", "avx512ifma", NULL, "clflushopt", "clwb", "intel_pt", "avx512pf", "avx512er",
		"avx512cd", "sha_ni", "avx512bw", "avx512vl" },
	[CPUID_7_0_ECX] = {
		[1] = "avx512vbmi", [2] = "umip", [3] = "pku", [4] = "ospke", [5] = "waitpkg",
		[6] = "avx512_vbmi2", [8] = "gfni", [9] = "vaes", [10] = "vpclmulqdq",
		[11] = "avx512_vnni", [12] = "avx512_bitalg", [13] = "tme", [14] = "avx512_vpopcntdq",
		[16] = "la57", [22] = "rdpid", [25] = "cldemote", [27] = "movdiri", [28] = "movdir64b" },
};

static u32 package_id(const struct cpuinfo_x86 *c)
{
	return c->initial_apicid >> c->apicid_shift;
}

/* The topology lines: a package is the APIC ids above apicid_shift; no SMT is told apart from cores. */
static void show_core(struct seq_buf *m, const struct cpuinfo_x86 *c)
{
	unsigned int cpu, siblings = 0;

	for_each_online_cpu(cpu)
		siblings += package_id(&cpu_data[cpu]) == package_id(c);
	seq_printf(m, "physical id\t: %u\nsiblings\t: %u\n", package_id(c), siblings);
	seq_printf(m, "core id\t\t: %u\ncpu cores\t: %u\n", c->initial_apicid & ((1u << c->apicid_shift) - 1),
		   siblings);
	seq_printf(m, "apicid\t\t: %u\ninitial apicid\t: %u\n", c->initial_apicid, c->initial_apicid);
}

static void show_cpu(struct seq_buf *m, unsigned int cpu)
{
	const struct cpuinfo_x86 *c = &cpu_data[cpu];
	u64 khz = tsc_khz();

	seq_printf(m, "processor\t: %u\nvendor_id\t: %s\ncpu family\t: %u\nmodel\t\t: %u\n", cpu,
		   c->vendor_id, c->family, c->model);
	seq_printf(m, "model name\t: %s\nstepping\t: %u\n", c->model_id, c->stepping);
	seq_printf(m, "cpu MHz\t\t: %lu.%03lu\n", khz / 1000, khz % 1000);
	if (c->cache_size_kb)
		seq_printf(m, "cache size\t: %u KB\n", c->cache_size_kb);
	show_core(m, c);
	seq_printf(m, "fpu\t\t: yes\nfpu_exception\t: yes\ncpuid level\t: %u\nwp\t\t: yes\nflags\t\t:",
		   c->cpuid_level);
	for (int w = 0; w < NCAPINTS; w++)
		for (int bit = 0; bit < 32; bit++)
			if ((c->capability[w] >> bit & 1) && cap_flags[w][bit])
				seq_printf(m, " %s", cap_flags[w][bit]);
	/* Linux's BogoMIPS, calibrated from the TSC, comes to twice its MHz. */
	seq_printf(m, "\nbugs\t\t:\nbogomips\t: %lu.%02lu\n", khz * 2 / 1000, khz * 2 % 1000 / 10);
	seq_printf(m, "clflush size\t: %u\ncache_alignment\t: %u\n", c->clflush_size, c->clflush_size);
	seq_printf(m, "address sizes\t: %u bits physical, %u bits virtual\npower management:\n\n",
		   c->phys_bits, c->virt_bits);
}

int proc_cpuinfo_show(struct task_struct *t, struct seq_buf *m)
{
	unsigned int cpu;

	(void)t;
	for_each_online_cpu(cpu)
		show_cpu(m, cpu);
	return 0;
}
