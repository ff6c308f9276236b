/* The auxiliary vector the kernel placed above envp; AT_* from the uapi header. */
#ifndef _SYS_AUXV_H
#define _SYS_AUXV_H
#include <uapi/auxvec.h>

/* The value of entry `type`, or 0 if absent. */
unsigned long getauxval(unsigned long type);
#endif
