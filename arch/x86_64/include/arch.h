/* Per-CPU architecture set-up and per-task architecture state. */
#ifndef ARCH_H
#define ARCH_H
#include <types.h>

/* The FXSAVE area: x87, MMX and SSE registers (Intel SDM vol. 1, 10.5.1). */
struct fpu_state {
	u8 bytes[512];
} __aligned(16);

void fpu_init(void);
void syscall_init(void);
void setup_smep(void);
void fpu_save(struct fpu_state *f);
void fpu_restore(const struct fpu_state *f);
void fpu_init_state(struct fpu_state *f);
#endif
