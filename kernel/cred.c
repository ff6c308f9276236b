/*
 * User and group ids (credentials(7)): the get/set calls with Linux's rules
 * (kernel/sys.c in Linux: __sys_setuid, __sys_setreuid, __sys_setresuid,
 * __sys_setfsuid and their gid twins).  Every process starts as root.  The
 * rules are written once over a struct id_set and serve both kinds: a
 * change of uids needs CAP_SETUID, of gids CAP_SETGID, and Cowl has either
 * exactly while the effective uid is 0 (see cred.h).  As on Linux the ids
 * belong to one thread: the raw calls change only the caller.  The
 * supplementary groups (getgroups, setgroups) are part of the same cred.
 */
#include <cred.h>
#include <sched.h>
#include <syscalls.h>
#include <uaccess.h>
#include <errno.h>
#include <string.h>

bool capable(void)
{
	return current->cred.euid == GLOBAL_ROOT_UID;
}

bool in_group_p(gid_t gid)
{
	const struct cred *c = &current->cred;

	if (gid == c->fsgid)
		return true;
	for (int i = 0; i < c->ngroups; i++)
		if (c->groups[i] == gid)
			return true;
	return false;
}

int nr_tasks_of_user(uid_t uid)
{
	struct task_struct *p;
	int n = 0;

	list_for_each_entry(p, &task_list, tasks)
		n += !(p->flags & PF_KTHREAD) && p->cred.uid == uid;
	return n;
}

static bool is_one_of(unsigned int id, const struct id_set *ids)
{
	return id == ids->real || id == ids->eff || id == ids->saved;
}

/*
 * The end of every change, as Linux's commit_creds(): a new effective or
 * file-system id takes away the parent-death signal (PR_SET_PDEATHSIG).
 */
static long commit_ids(const struct id_set *ids, const struct id_set *old)
{
	if (ids->eff != old->eff || ids->fs != old->fs)
		current->pdeath_signal = 0;
	return 0;
}

/* setuid(2): privileged, all of real, effective and saved; otherwise the effective id only. */
static long set_id(struct id_set *ids, unsigned int id)
{
	struct id_set old = *ids;

	if (id == INVALID_UID)
		return -EINVAL;
	if (capable())
		ids->real = ids->saved = id;
	else if (id != ids->real && id != ids->saved)
		return -EPERM;
	ids->eff = ids->fs = id;
	return commit_ids(ids, &old);
}

/* An unprivileged caller may pick only one of its current three ids; -1 keeps an id. */
static bool may_set(unsigned int id, const struct id_set *ids)
{
	return id == INVALID_UID || capable() || is_one_of(id, ids);
}

static void set_unless_kept(unsigned int *id, unsigned int value)
{
	if (value != INVALID_UID)
		*id = value;
}

/* setreuid(2): the saved id follows the effective one when the real one is set or differs. */
static long set_re_id(struct id_set *ids, unsigned int real, unsigned int eff)
{
	if (real != INVALID_UID && !capable() && real != ids->real && real != ids->eff)
		return -EPERM;
	if (!may_set(eff, ids))
		return -EPERM;
	struct id_set old = *ids;
	set_unless_kept(&ids->real, real);
	set_unless_kept(&ids->eff, eff);
	if (real != INVALID_UID || (eff != INVALID_UID && eff != old.real))
		ids->saved = ids->eff;
	ids->fs = ids->eff;
	return commit_ids(ids, &old);
}

/* setresuid(2): each new id must be one of the current three, unless privileged. */
static long set_res_id(struct id_set *ids, unsigned int real, unsigned int eff, unsigned int saved)
{
	if (!may_set(real, ids) || !may_set(eff, ids) || !may_set(saved, ids))
		return -EPERM;
	struct id_set old = *ids;
	set_unless_kept(&ids->real, real);
	set_unless_kept(&ids->eff, eff);
	set_unless_kept(&ids->saved, saved);
	ids->fs = ids->eff;
	return commit_ids(ids, &old);
}

static long get_res_id(const struct id_set *ids, unsigned int __user *real, unsigned int __user *eff,
		       unsigned int __user *saved)
{
	if (put_user_obj(real, &ids->real) || put_user_obj(eff, &ids->eff) || put_user_obj(saved, &ids->saved))
		return -EFAULT;
	return 0;
}

/* setfsuid(2): always returns the old id; changes it only to a known id or with privilege. */
static long set_fs_id(struct id_set *ids, unsigned int id)
{
	struct id_set old = *ids;

	if (id != INVALID_UID && (capable() || is_one_of(id, ids) || id == ids->fs))
		ids->fs = id;
	commit_ids(ids, &old);
	return old.fs;
}

long sys_getuid(void) { return current->cred.uid; }
long sys_geteuid(void) { return current->cred.euid; }
long sys_getgid(void) { return current->cred.gid; }
long sys_getegid(void) { return current->cred.egid; }
long sys_setuid(uid_t uid) { return set_id(&current->cred.user, uid); }
long sys_setgid(gid_t gid) { return set_id(&current->cred.group, gid); }
long sys_setreuid(uid_t ruid, uid_t euid) { return set_re_id(&current->cred.user, ruid, euid); }
long sys_setregid(gid_t rgid, gid_t egid) { return set_re_id(&current->cred.group, rgid, egid); }
long sys_setfsuid(uid_t uid) { return set_fs_id(&current->cred.user, uid); }
long sys_setfsgid(gid_t gid) { return set_fs_id(&current->cred.group, gid); }

long sys_setresuid(uid_t ruid, uid_t euid, uid_t suid)
{
	return set_res_id(&current->cred.user, ruid, euid, suid);
}

long sys_setresgid(gid_t rgid, gid_t egid, gid_t sgid)
{
	return set_res_id(&current->cred.group, rgid, egid, sgid);
}

long sys_getresuid(uid_t __user *ruid, uid_t __user *euid, uid_t __user *suid)
{
	return get_res_id(&current->cred.user, ruid, euid, suid);
}

long sys_getresgid(gid_t __user *rgid, gid_t __user *egid, gid_t __user *sgid)
{
	return get_res_id(&current->cred.group, rgid, egid, sgid);
}

/* Linux keeps the list sorted (groups_sort), so getgroups returns it in order. */
static void sort_groups(gid_t *g, int n)
{
	for (int i = 1; i < n; i++)
		for (int j = i; j > 0 && g[j - 1] > g[j]; j--) {
			gid_t t = g[j];
			g[j] = g[j - 1];
			g[j - 1] = t;
		}
}

long sys_getgroups(int size, gid_t __user *list)
{
	const struct cred *c = &current->cred;

	if (size < 0)
		return -EINVAL;
	if (size && c->ngroups > size)
		return -EINVAL;
	if (size && copy_to_user(list, c->groups, c->ngroups * sizeof(gid_t)))
		return -EFAULT;
	return c->ngroups;
}

long sys_setgroups(int size, const gid_t __user *list)
{
	gid_t groups[NGROUPS_COWL];

	if (!capable())
		return -EPERM;
	if ((unsigned int)size > NGROUPS_MAX)
		return -EINVAL;
	if (size > NGROUPS_COWL)
		return -ENOMEM;
	if (copy_from_user(groups, list, size * sizeof(gid_t)))
		return -EFAULT;
	sort_groups(groups, size);
	memcpy(current->cred.groups, groups, size * sizeof(gid_t));
	current->cred.ngroups = size;
	return 0;
}
