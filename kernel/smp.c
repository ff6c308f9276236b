/*
 * on_each_cpu(): one request at a time, in call_data; each target CPU has
 * a flag in its per-CPU area saying a request waits for it, which it
 * clears, atomically, as it takes the request, so that the IPI and the
 * polling of a CPU waiting in on_each_cpu() never both run it.
 */
#include <smp.h>
#include <spinlock.h>
#include <asm/apic.h>
#include <asm/cpu.h>

struct cpumask __cpu_online_mask, __cpu_possible_mask;

static struct {
	spinlock_t lock;      /* one on_each_cpu() request at a time: it protects func and info */
	smp_call_func_t func;
	void *info;
	atomic_t pending;     /* target CPUs that have not finished func yet */
} call_data = { .lock = __SPIN_LOCK_UNLOCKED(call_data.lock) };

void smp_call_function_poll(void)
{
	if (!__atomic_exchange_n(&this_cpu()->call_pending, false, __ATOMIC_ACQ_REL))
		return;
	call_data.func(call_data.info);
	atomic_dec(&call_data.pending);
}

void smp_call_function_interrupt(void)
{
	smp_call_function_poll();
	lapic_eoi();
}

/* Interrupts off: take the request slot, then send the request to the online CPUs of mask but this one. */
static void call_send(const struct cpumask *mask, smp_call_func_t func, void *info)
{
	unsigned int cpu, self = smp_processor_id(), targets = 0;

	while (!spin_trylock(&call_data.lock)) {
		smp_call_function_poll(); /* the holder may be waiting for this CPU */
		cpu_relax();
	}
	call_data.func = func;
	call_data.info = info;
	for_each_cpu(cpu, mask)
		targets += cpu != self && cpu_online(cpu);
	atomic_set(&call_data.pending, targets);
	for_each_cpu(cpu, mask) {
		if (cpu == self || !cpu_online(cpu))
			continue;
		__atomic_store_n(&per_cpu_area(cpu)->call_pending, true, __ATOMIC_RELEASE);
		apic_send_ipi(per_cpu_area(cpu)->apic_id, CALL_FUNCTION_VECTOR);
	}
}

/* Wait until every target has run the request, then free the slot. */
static void call_wait(void)
{
	while (atomic_read(&call_data.pending))
		cpu_relax();
	spin_unlock(&call_data.lock);
}

void smp_call_function_many(const struct cpumask *mask, smp_call_func_t func, void *info, int wait)
{
	unsigned long flags = local_irq_save();

	(void)wait;
	call_send(mask, func, info);
	call_wait();
	local_irq_restore(flags);
}

/* This CPU runs func while the others do: a func may wait for all CPUs to be in it. */
void on_each_cpu(smp_call_func_t func, void *info, int wait)
{
	unsigned long flags = local_irq_save();

	(void)wait;
	call_send(cpu_online_mask, func, info);
	func(info);
	call_wait();
	local_irq_restore(flags);
}
