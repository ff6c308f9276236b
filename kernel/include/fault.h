/* What the architecture's page-fault handler asks of the memory manager. */
#ifndef FAULT_H
#define FAULT_H

#define FAULT_FLAG_WRITE (1u << 0)
#define FAULT_FLAG_INSTRUCTION (1u << 1)
#define FAULT_FLAG_USER (1u << 2)

/* Resolve a fault at a user address in the current address space: 0, -EFAULT or -ENOMEM. */
int handle_user_fault(unsigned long address, unsigned flags);
#endif
