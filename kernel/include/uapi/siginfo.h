/*
 * The siginfo_t a SA_SIGINFO handler receives, as x86-64 Linux lays it out
 * (include/uapi/asm-generic/siginfo.h): 128 bytes, the union at offset 16.
 * Only the members Cowl fills are named.
 */
#ifndef UAPI_SIGINFO_H
#define UAPI_SIGINFO_H

/* si_code: who sent it */
#define SI_USER 0       /* kill(2) */
#define SI_KERNEL 0x80  /* the kernel */
#define SI_QUEUE (-1)   /* sigqueue(3) */
#define SI_TKILL (-6)   /* tkill(2), tgkill(2): raise(3) */
/* si_code for faults (si_addr says where) */
#define ILL_ILLOPN 2  /* SIGILL: illegal operand (x86's invalid opcode) */
#define FPE_INTDIV 1  /* SIGFPE: integer divide by zero */
#define SEGV_MAPERR 1 /* SIGSEGV: no mapping at the address */
#define SEGV_ACCERR 2 /* SIGSEGV: a mapping that does not allow the access */
#define BUS_ADRERR 2  /* SIGBUS: an address the mapping has no backing for */
/* si_code for SIGCHLD */
#define CLD_EXITED 1
#define CLD_KILLED 2
#define CLD_DUMPED 3
#define CLD_TRAPPED 4
#define CLD_STOPPED 5
#define CLD_CONTINUED 6

typedef struct siginfo {
	int si_signo;
	int si_errno;
	int si_code;
	union {
		int _pad[28];
		struct {
			int _pid;          /* the sender's pid, in the receiver's pid namespace */
			unsigned int _uid; /* the sender's real uid */
		} _kill;
		struct {
			int _pid;
			unsigned int _uid;
			int _status;       /* exit status or the signal that killed the child */
			long _utime, _stime; /* the child's CPU time in clock ticks */
		} _sigchld;
		struct {
			void *_addr;       /* the faulting address */
		} _sigfault;
	} _sifields;
} siginfo_t;

#define si_pid _sifields._kill._pid
#define si_uid _sifields._kill._uid
#define si_status _sifields._sigchld._status
#define si_utime _sifields._sigchld._utime
#define si_stime _sifields._sigchld._stime
#define si_addr _sifields._sigfault._addr
#endif
