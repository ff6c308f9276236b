/*
 * What CPUID says about each CPU (Linux's struct cpuinfo_x86), read by the
 * CPU itself as it starts (identify_cpu(), arch/x86_64/cpuinfo.c) and shown
 * by /proc/cpuinfo (arch/x86_64/proc_cpuinfo.c).
 */
#ifndef ASM_CPUINFO_H
#define ASM_CPUINFO_H
#include <types.h>
#include <asm/percpu.h>

/* The feature words, in the order Linux's cpufeatures.h numbers them. */
enum cpuid_word {
	CPUID_1_EDX,
	CPUID_8000_0001_EDX,
	CPUID_1_ECX,
	CPUID_8000_0001_ECX,
	CPUID_7_0_EBX,
	CPUID_7_0_ECX,
	NCAPINTS
};

struct cpuinfo_x86 {
	char vendor_id[13];
	char model_id[49];       /* the brand string, leaves 0x80000002-4; empty if absent */
	u32 family, model, stepping;
	u32 cpuid_level;         /* the highest basic leaf */
	u32 capability[NCAPINTS];
	u32 initial_apicid;      /* CPUID.1:EBX[31:24] */
	u32 apicid_shift;        /* the APIC id bits below the package's (logical CPUs per package, rounded up) */
	u32 clflush_size;        /* bytes */
	u32 cache_size_kb;       /* the L2 cache, leaf 0x80000006; 0 if unknown */
	u32 phys_bits, virt_bits;
};

extern struct cpuinfo_x86 cpu_data[NR_CPUS];

/* Fill cpu_data[cpu] from CPUID, on that CPU, and set its IA32_TSC_AUX for RDTSCP/RDPID. */
void identify_cpu(unsigned int cpu);
#endif
