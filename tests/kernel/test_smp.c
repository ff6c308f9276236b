/*
 * Self-tests of the SMP bring-up, on_each_cpu() and spinlocks.  On one CPU
 * they check the single-CPU case; `make test` also boots with two CPUs
 * (the smp4: results), where the spinlock test has real contention.
 */
#include <selftest.h>
#include <smp.h>
#include <spinlock.h>
#include <smp_lock.h>
#include <sched.h>
#include <string.h>
#include <printk.h>
#include <cmdline.h>
#include <time.h>
#include <asm/acpi.h>
#include <asm/apic.h>
#include <asm/io.h>
#include <asm/io_apic.h>
#include <asm/cpu.h>

KERNEL_TEST(smp_every_cpu_online)
{
	unsigned int cpu, want = MIN(MAX(madt.nr_cpus, 1u), setup_max_cpus);
	unsigned long apic_ids_seen = 0;

	KT_ASSERT(num_online_cpus() == want);
	KT_ASSERT(cpu_online(0) && smp_processor_id() == 0);
	for_each_online_cpu(cpu) {
		struct percpu *c = per_cpu_area(cpu);
		KT_ASSERT(c->self == c && c->cpu == cpu);
		KT_ASSERT(!(apic_ids_seen & (1ul << c->apic_id))); /* each CPU its own local APIC */
		apic_ids_seen |= 1ul << c->apic_id;
		if (cpu) /* an AP runs its own idle task */
			KT_ASSERT(c->current_task && c->current_task != &init_task &&
				  !strncmp(c->current_task->comm, "swapper/", 8));
	}
}

static struct {
	unsigned long ran_on;   /* a bit per CPU that ran the function */
	atomic_t calls, wrong_cpu, irqs_on;
} reach;

static void record_cpu(void *arg)
{
	(void)arg;
	__atomic_fetch_or(&reach.ran_on, 1ul << smp_processor_id(), __ATOMIC_SEQ_CST);
	atomic_inc(&reach.calls);
	/* GS must lead to this CPU's own area: its local APIC says which CPU it is. */
	if (this_cpu()->apic_id != lapic_id())
		atomic_inc(&reach.wrong_cpu);
	if (!irqs_disabled())
		atomic_inc(&reach.irqs_on);
}

KERNEL_TEST(smp_on_each_cpu_reaches_every_cpu)
{
	for (int round = 0; round < 3; round++) {
		memset(&reach, 0, sizeof(reach));
		on_each_cpu(record_cpu, NULL, 1);
		KT_ASSERT(reach.ran_on == cpu_online_mask->bits);
		KT_ASSERT(atomic_read(&reach.calls) == (int)num_online_cpus());
		KT_ASSERT(atomic_read(&reach.wrong_cpu) == 0);
		KT_ASSERT(atomic_read(&reach.irqs_on) == 0);
	}
}

#define INCREMENTS 20000

static DEFINE_SPINLOCK(counter_lock); /* protects counter */
static unsigned long counter;
static atomic_t lock_waits;           /* times a CPU found the lock taken */

static void count_under_lock(void *arg)
{
	(void)arg;
	for (int i = 0; i < INCREMENTS; i++) {
		if (!spin_trylock(&counter_lock)) {
			atomic_inc(&lock_waits);
			spin_lock(&counter_lock);
		}
		/* A read, a pause, a write: without the lock, increments of other CPUs would be lost. */
		unsigned long v = READ_ONCE(counter);
		cpu_relax();
		WRITE_ONCE(counter, v + 1);
		spin_unlock(&counter_lock);
	}
}

KERNEL_TEST(spinlock_counter_exact_under_contention)
{
	counter = 0;
	atomic_set(&lock_waits, 0);
	on_every_cpu_together(count_under_lock, NULL);
	printk("spinlock: %u CPUs, %d waits for the lock\n", num_online_cpus(), atomic_read(&lock_waits));
	KT_ASSERT(counter == (unsigned long)INCREMENTS * num_online_cpus());
	KT_ASSERT(!spin_is_locked(&counter_lock));
}

KERNEL_TEST(spinlock_irqsave_restores_flags)
{
	static DEFINE_SPINLOCK(lock); /* protects nothing: the test's own */
	unsigned long flags;

	local_irq_enable();
	spin_lock_irqsave(&lock, flags);
	bool off_while_held = irqs_disabled(), held = spin_is_locked(&lock), retry = spin_trylock(&lock);
	bool owner_known = lock.owner_cpu == (int)smp_processor_id();
	spin_unlock_irqrestore(&lock, flags);
	bool on_after = !irqs_disabled();
	local_irq_disable();
	KT_ASSERT(off_while_held && held && !retry && owner_known);
	KT_ASSERT(on_after && !spin_is_locked(&lock));
	spin_lock_irqsave(&lock, flags); /* interrupts already off: they stay off */
	spin_unlock_irqrestore(&lock, flags);
	KT_ASSERT(irqs_disabled());
	KT_ASSERT(lock.owner_cpu == -1);
}

#define TICK_NS (NSEC_PER_SEC / HZ)

/* Let the ticks in (they take the big kernel lock, which the self-tests hold) for `ms` of the TSC. */
static void ticks_on_for(unsigned long ms)
{
	unlock_kernel();
	local_irq_enable();
	udelay(ms * USEC_PER_MSEC);
	local_irq_disable();
	lock_kernel();
}

static bool every_cpu_ticked_twice(const u64 *before)
{
	unsigned int cpu;

	for_each_online_cpu(cpu)
		if (READ_ONCE(per_cpu_area(cpu)->apic_timer_irqs) - before[cpu] < 2)
			return false;
	return true;
}

/*
 * Every CPU's local APIC timer ticks, and none faster than HZ.  How few
 * ticks came says nothing: a busy host runs a vCPU late and QEMU merges
 * the ticks it missed.  So wait (at least 100 ms, at most 10 s) until each
 * CPU has ticked twice, then compare the counts with the time that passed.
 */
KERNEL_TEST(smp_apic_timer_ticks)
{
	u64 before[NR_CPUS], start = ktime_get_ns(), elapsed;
	unsigned int cpu;

	for_each_online_cpu(cpu)
		before[cpu] = READ_ONCE(per_cpu_area(cpu)->apic_timer_irqs);
	do
		ticks_on_for(100);
	while (!every_cpu_ticked_twice(before) && ktime_get_ns() - start < 10 * NSEC_PER_SEC);
	elapsed = (ktime_get_ns() - start) / TICK_NS;
	KT_ASSERT(every_cpu_ticked_twice(before));
	for_each_online_cpu(cpu)
		KT_ASSERT(READ_ONCE(per_cpu_area(cpu)->apic_timer_irqs) - before[cpu] <= elapsed + 2);
}

/*
 * A tick that came late still counts the ticks it stood for: with this
 * CPU's interrupts off for 50 ms (the five ticks merge into one pending),
 * the next tick brings jiffies up to the TSC's count, never ahead of it.
 */
KERNEL_TEST(jiffies_count_missed_ticks)
{
	u64 before = jiffies, start = ktime_get_ns();

	udelay(50 * USEC_PER_MSEC);
	while (jiffies == before && ktime_get_ns() - start < 10 * NSEC_PER_SEC)
		ticks_on_for(1);
	KT_ASSERT(jiffies - before >= 5);
	KT_ASSERT(jiffies <= ktime_get_ns() / TICK_NS);
}

/* With an I/O APIC in the MADT it delivers the ISA interrupts and both PICs are masked whole (OCW1 reads back). */
KERNEL_TEST(smp_io_apic_masks_pic)
{
	if (!madt.nr_ioapics || cmdline_has(&kernel_cmdline, "noapic")) {
		KT_ASSERT(!io_apic_enabled());
		return;
	}
	KT_ASSERT(io_apic_enabled());
	KT_ASSERT(inb(0x21) == 0xff && inb(0xa1) == 0xff);
}

/*
 * What schedule() checks before it sleeps (schedule_debug(), which panics:
 * provoke-crash ATOMIC_SLEEP shows it, tools/test-debug checks it): each
 * spinlock counts while held, the last taken is named, locks let go out
 * of order are forgotten, and the big kernel lock does not count.
 */
KERNEL_TEST(spinlock_held_forbids_sleeping)
{
	static DEFINE_SPINLOCK(outer); /* protects nothing: the test's own */
	static DEFINE_SPINLOCK(inner); /* the same */

	KT_ASSERT(kernel_locked() && !in_atomic() && !last_held_spinlock());
	spin_lock(&outer);
	KT_ASSERT(in_atomic() && last_held_spinlock() == &outer);
	spin_lock(&inner);
	KT_ASSERT(last_held_spinlock() == &inner && this_cpu()->preempt_count == 2);
	spin_unlock(&outer);
	KT_ASSERT(last_held_spinlock() == &inner && this_cpu()->preempt_count == 1);
	spin_unlock(&inner);
	KT_ASSERT(!in_atomic() && !last_held_spinlock());
	KT_ASSERT(spin_trylock(&inner) && last_held_spinlock() == &inner && !spin_trylock(&inner));
	spin_unlock(&inner);
	KT_ASSERT(!in_atomic());
}
