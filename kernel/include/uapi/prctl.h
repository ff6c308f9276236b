/*
 * prctl(2) options (include/uapi/linux/prctl.h) and arch_prctl(2) codes
 * for the FS and GS bases (arch/x86/include/uapi/asm/prctl.h).
 */
#ifndef UAPI_PRCTL_H
#define UAPI_PRCTL_H
#define PR_SET_PDEATHSIG 1
#define PR_GET_PDEATHSIG 2
#define PR_SET_NAME 15
#define PR_GET_NAME 16
#define PR_SET_CHILD_SUBREAPER 36
#define PR_GET_CHILD_SUBREAPER 37

#define ARCH_SET_GS 0x1001
#define ARCH_SET_FS 0x1002
#define ARCH_GET_FS 0x1003
#define ARCH_GET_GS 0x1004
#endif
