/* The user's x87/SSE registers, saved and restored around switches and signals (arch/x86_64/cpu.c). */
#ifndef ASM_FPU_H
#define ASM_FPU_H
#include <types.h>

/* The FXSAVE area: x87, MMX and SSE registers (Intel SDM vol. 1, 10.5.1). */
struct fpu_state {
	u8 bytes[512];
} __aligned(16);

void fpu_init(void);
void fpu_save(struct fpu_state *f);
void fpu_restore(const struct fpu_state *f);
void fpu_init_state(struct fpu_state *f);
#endif
