/* Measuring a clock against the TSC (arch/x86_64/timer.c). */
#ifndef ASM_TSC_H
#define ASM_TSC_H
#include <types.h>

/* A reading of a counter that runs with real time, and the TSC at that moment. */
struct tsc_sample {
	u64 tsc;
	u32 count;
};

/*
 * The counter read between two TSC reads, the best of a few tries: the
 * one whose TSC reads lie closest, so that the host cannot have paused the
 * vCPU between the reading and its TSC.
 */
struct tsc_sample tsc_sample(u32 (*read_count)(void));

#endif
