/* Not cryptographic randomness: enough for AT_RANDOM and getrandom(2) in a teaching kernel. */
#ifndef RANDOM_H
#define RANDOM_H
#include <types.h>
u64 get_random_u64(void);
#endif
