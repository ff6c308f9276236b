/*
 * Several CPUs (docs/smp.md): which one runs this code, and running a
 * function on all of them (Linux's smp.h; kernel/smp.c, arch/x86_64/smpboot.c).
 */
#ifndef SMP_H
#define SMP_H
#include <cpumask.h>
#include <asm/percpu.h>

/* This CPU's number, 0 for the boot CPU. */
static inline unsigned int smp_processor_id(void) { return this_cpu_read(cpu); }

typedef void (*smp_call_func_t)(void *info);

/*
 * Run func(info) on every online CPU, this one included, each with
 * interrupts off.  Returns when all have run it, whatever `wait` says (the
 * one request slot is free only then).  The other CPUs take the request by
 * IPI; a CPU spinning in on_each_cpu() itself takes it while it waits, so
 * two callers cannot wait for each other, and so does one spinning for the
 * big kernel lock.  Any other CPU must be able to take interrupts meanwhile
 * (idle, or in user mode): never call it holding a spinlock another CPU
 * may be spinning on.
 */
void on_each_cpu(smp_call_func_t func, void *info, int wait);
/*
 * The same for the online CPUs of mask other than this one (Linux's
 * smp_call_function_many): func(info) does not run here.  Returns when
 * every target has run it, with the same rules as on_each_cpu().
 */
void smp_call_function_many(const struct cpumask *mask, smp_call_func_t func, void *info, int wait);
/* Run the on_each_cpu() request that waits for this CPU, if one does: for loops that spin with interrupts off. */
void smp_call_function_poll(void);
/* The CALL_FUNCTION_VECTOR IPI (arch/x86_64/traps.c). */
void smp_call_function_interrupt(void);

/* Boot: the local APIC, then every CPU that maxcpus= allows (arch/x86_64/smpboot.c). */
void smp_init(void);
/* How many CPUs `maxcpus=`/`nosmp` allow, the boot CPU included (NR_CPUS without them). */
extern unsigned int setup_max_cpus;
#endif
