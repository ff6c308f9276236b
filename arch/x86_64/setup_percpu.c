/*
 * The per-CPU areas (asm/percpu.h): static, in .bss, so that bringing up a
 * CPU takes no page frame and the free page count the tests compare is the
 * same on one CPU as on eight.
 */
#include <asm/percpu.h>
#include <asm/cpu.h>

struct percpu percpu_areas[NR_CPUS];

void percpu_setup(unsigned int cpu, struct task_struct *idle)
{
	struct percpu *c = &percpu_areas[cpu];

	c->self = c;
	c->cpu = cpu;
	c->current_task = c->idle = idle;
	INIT_LIST_HEAD(&c->runqueue);
	wrmsr(MSR_GS_BASE, (u64)c);
	/* The user's GS base until a task sets one: SWAPGS on the way out loads it. */
	wrmsr(MSR_KERNEL_GS_BASE, 0);
}
