/*
 * Credentials (kernel/cred.c): a task's user and group ids, as Linux keeps
 * them in struct cred.  Cowl has no capability sets: a task has every
 * privilege while its effective uid is 0 and none otherwise, which is what
 * Linux's capability rules give a process that never uses capset or
 * securebits (capabilities(7), "Effect of user ID changes on capabilities").
 */
#ifndef CRED_H
#define CRED_H
#include <types.h>

typedef unsigned int uid_t;
typedef unsigned int gid_t;

#define GLOBAL_ROOT_UID 0
#define INVALID_UID ((uid_t)-1)
#define INVALID_GID ((gid_t)-1)
#define NGROUPS_MAX 65536  /* Linux's bound on setgroups(2): EINVAL beyond */
#define NGROUPS_COWL 32    /* what a task can hold here: ENOMEM beyond */

/* One kind of id (user or group) in its four roles. */
struct id_set {
	unsigned int real, eff, saved, fs;
};

/* Linux's field names, and the same ids as two id_sets for the code both kinds share. */
struct cred {
	union {
		struct {
			uid_t uid, euid, suid, fsuid; /* real, effective, saved, file system */
		};
		struct id_set user;
	};
	union {
		struct {
			gid_t gid, egid, sgid, fsgid;
		};
		struct id_set group;
	};
	int ngroups;                    /* supplementary groups, sorted as Linux keeps them */
	gid_t groups[NGROUPS_COWL];
};

/* Linux's capable(CAP_...) for every capability Cowl checks (setuid, setgroups, setrlimit, kill, settime). */
bool capable(void);
/* Whether gid is current's file-system group or one of its supplementary groups (Linux's in_group_p). */
bool in_group_p(gid_t gid);
/* Tasks whose real uid is `uid`: what RLIMIT_NPROC counts. */
int nr_tasks_of_user(uid_t uid);
#endif
