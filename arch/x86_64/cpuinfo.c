/*
 * Identifying a CPU through CPUID (Intel SDM vol. 2A, CPUID; AMD64 APM
 * vol. 3, appendix E): vendor, family, model and stepping, the feature
 * words, the brand string, cache and address sizes, and where the CPU has
 * RDTSCP or RDPID, the CPU number they read from IA32_TSC_AUX.
 */
#include <asm/cpuinfo.h>
#include <asm/cpu.h>
#include <string.h>

#define MSR_TSC_AUX 0xc0000103
#define FEATURE_HT (1u << 28)       /* CPUID.1:EDX: leaf 1 EBX counts logical CPUs per package */
#define FEATURE_RDTSCP (1u << 27)   /* CPUID.80000001H:EDX */
#define FEATURE_RDPID (1u << 22)    /* CPUID.(EAX=7,ECX=0):ECX */

struct cpuinfo_x86 cpu_data[NR_CPUS];

/* SDM vol. 2A, CPUID, "Feature Information": the extended fields add to family 15 and models of 6 and 15. */
static void read_signature(struct cpuinfo_x86 *c, u32 eax)
{
	c->family = (eax >> 8) & 0xf;
	c->model = (eax >> 4) & 0xf;
	c->stepping = eax & 0xf;
	if (c->family == 0xf)
		c->family += (eax >> 20) & 0xff;
	if (c->family >= 6)
		c->model += ((eax >> 16) & 0xf) << 4;
}

/* Leaves 0x80000002-4: 48 bytes of brand string, leading blanks dropped as Linux does. */
static void read_brand(struct cpuinfo_x86 *c)
{
	u32 *w = (u32 *)c->model_id;
	char *p = c->model_id;

	for (u32 leaf = 0x80000002; leaf <= 0x80000004; leaf++, w += 4)
		cpuid(leaf, &w[0], &w[1], &w[2], &w[3]);
	c->model_id[48] = '\0';
	while (*p == ' ')
		p++;
	memmove(c->model_id, p, strlen(p) + 1);
}

static void read_extended(struct cpuinfo_x86 *c)
{
	u32 max, a, b, ecx, edx;

	cpuid(0x80000000, &max, &b, &ecx, &edx);
	if (max >= 0x80000001) {
		cpuid(0x80000001, &a, &b, &ecx, &edx);
		c->capability[CPUID_8000_0001_ECX] = ecx;
		c->capability[CPUID_8000_0001_EDX] = edx;
	}
	if (max >= 0x80000004)
		read_brand(c);
	if (max >= 0x80000006) {
		cpuid(0x80000006, &a, &b, &ecx, &edx);
		c->cache_size_kb = ecx >> 16;
	}
	c->phys_bits = 36; /* what a 64-bit CPU without leaf 0x80000008 is taken to have */
	c->virt_bits = 48;
	if (max >= 0x80000008) {
		cpuid(0x80000008, &a, &b, &ecx, &edx);
		c->phys_bits = a & 0xff;
		c->virt_bits = (a >> 8) & 0xff;
	}
}

void identify_cpu(unsigned int cpu)
{
	struct cpuinfo_x86 *c = &cpu_data[cpu];
	u32 a, b, ecx, edx, *v = (u32 *)c->vendor_id;

	cpuid(0, &c->cpuid_level, &v[0], &v[2], &v[1]); /* the vendor is EBX, EDX, ECX */
	c->vendor_id[12] = '\0';
	cpuid(1, &a, &b, &ecx, &edx);
	read_signature(c, a);
	c->capability[CPUID_1_EDX] = edx;
	c->capability[CPUID_1_ECX] = ecx;
	c->clflush_size = ((b >> 8) & 0xff) * 8;
	c->initial_apicid = b >> 24;
	if (edx & FEATURE_HT)
		while ((1u << c->apicid_shift) < ((b >> 16) & 0xff))
			c->apicid_shift++;
	if (c->cpuid_level >= 7) {
		cpuid(7, &a, &b, &ecx, &edx);
		c->capability[CPUID_7_0_EBX] = b;
		c->capability[CPUID_7_0_ECX] = ecx;
	}
	read_extended(c);
	/* SDM vol. 2B, RDTSCP and RDPID: they read IA32_TSC_AUX; Linux puts the node above bit 12 (0 here). */
	if ((c->capability[CPUID_8000_0001_EDX] & FEATURE_RDTSCP) || (c->capability[CPUID_7_0_ECX] & FEATURE_RDPID))
		wrmsr(MSR_TSC_AUX, cpu);
}
