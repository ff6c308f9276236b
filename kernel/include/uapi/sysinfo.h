/* sysinfo(2)'s result on x86-64 (include/uapi/linux/sysinfo.h). */
#ifndef UAPI_SYSINFO_H
#define UAPI_SYSINFO_H
#define SI_LOAD_SHIFT 16
struct sysinfo {
	long uptime;             /* seconds since boot */
	unsigned long loads[3];  /* 1, 5 and 15 minute load averages, << SI_LOAD_SHIFT */
	unsigned long totalram;  /* in units of mem_unit bytes */
	unsigned long freeram;
	unsigned long sharedram;
	unsigned long bufferram;
	unsigned long totalswap;
	unsigned long freeswap;
	unsigned short procs;    /* tasks in the system */
	unsigned short pad;
	unsigned long totalhigh;
	unsigned long freehigh;
	unsigned int mem_unit;
	char _f[20 - 2 * sizeof(long) - sizeof(int)];
};
#endif
