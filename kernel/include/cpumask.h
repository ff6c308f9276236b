/*
 * Sets of CPUs, one bit each (Linux's cpumask.h, for at most NR_CPUS = 8
 * CPUs: one word).  cpu_online_mask: the CPUs that run kernel code now;
 * cpu_possible_mask: the CPUs the MADT lists that Cowl could run (at most
 * NR_CPUS), online or not (maxcpus=, nosmp).
 */
#ifndef CPUMASK_H
#define CPUMASK_H
#include <atomic.h>
#include <asm/percpu.h>

struct cpumask {
	unsigned long bits;
};

#define CPU_BITS_ALL ((1UL << NR_CPUS) - 1)

extern struct cpumask __cpu_online_mask, __cpu_possible_mask;
#define cpu_online_mask (&__cpu_online_mask)
#define cpu_possible_mask (&__cpu_possible_mask)

static inline bool cpumask_test_cpu(unsigned int cpu, const struct cpumask *m) { return test_bit(cpu, &m->bits); }
static inline unsigned int cpumask_weight(const struct cpumask *m)
{
	unsigned int n = 0;

	for (unsigned long w = __atomic_load_n(&m->bits, __ATOMIC_SEQ_CST); w; w &= w - 1)
		n++; /* no POPCNT on the baseline x86-64 that QEMU's qemu64 is */
	return n;
}
/* The lowest CPU in m, NR_CPUS if m is empty. */
static inline unsigned int cpumask_first(const struct cpumask *m)
{
	return m->bits ? (unsigned int)__builtin_ctzl(m->bits) : NR_CPUS;
}
static inline bool cpu_online(unsigned int cpu) { return cpumask_test_cpu(cpu, cpu_online_mask); }
static inline unsigned int num_online_cpus(void) { return cpumask_weight(cpu_online_mask); }
static inline void set_cpu_online(unsigned int cpu) { set_bit(cpu, &__cpu_online_mask.bits); }
static inline void set_cpu_possible(unsigned int cpu) { set_bit(cpu, &__cpu_possible_mask.bits); }

static inline void cpumask_set_cpu(unsigned int cpu, struct cpumask *m) { set_bit(cpu, &m->bits); }
static inline void cpumask_clear_cpu(unsigned int cpu, struct cpumask *m) { clear_bit(cpu, &m->bits); }

#define for_each_cpu(cpu, mask)                \
	for ((cpu) = 0; (cpu) < NR_CPUS; (cpu)++) \
		if (cpumask_test_cpu((cpu), (mask)))
#define for_each_online_cpu(cpu) for_each_cpu(cpu, cpu_online_mask)
#endif
