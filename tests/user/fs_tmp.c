/*
 * /tmp is a file system of its own (a tmpfs on Cowl; on the host when it
 * is mounted so): its own st_dev, links and renames into the root's file
 * system fail with EXDEV, it cannot be removed (EBUSY), ".." leads back
 * to "/", and the pages a file takes show in statfs.  The host checks run
 * only where /tmp is a mount point; the page count is Cowl's (on the host,
 * others write to /tmp at the same time).
 */
#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include "procutil.h"
#include "test.h"

static char tmpfile[64], here[64];

static void separate_fs(void)
{
	struct stat tmp, root, up, cwd;

	CHECK("tmp_sticky_world_writable", stat("/tmp", &tmp) == 0 && S_ISDIR(tmp.st_mode) && (tmp.st_mode & 07777) == 01777);
	CHECK("tmp_dotdot_is_root", stat("/tmp/..", &up) == 0 && stat("/", &root) == 0 && up.st_ino == root.st_ino &&
	      up.st_dev == root.st_dev);
	stat(".", &cwd);
	if (tmp.st_dev == root.st_dev || cwd.st_dev == tmp.st_dev) {
		SKIP_ALL("/tmp is not a file system of its own here", "tmp_own_dev", "link_across_exdev",
			 "rename_across_exdev", "rename_dir_across_exdev", "rmdir_tmp_ebusy", "rename_tmp_ebusy");
		return;
	}
	CHECK("tmp_own_dev", tmp.st_dev != root.st_dev);
	int fd = open(tmpfile, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	close(fd);
	CHECK_ERRNO("link_across_exdev", link(tmpfile, here), EXDEV);
	CHECK_ERRNO("rename_across_exdev", rename(tmpfile, here), EXDEV);
	mkdir(here, 0700);
	char sub[96];
	snprintf(sub, sizeof(sub), "%s.dir", tmpfile);
	CHECK_ERRNO("rename_dir_across_exdev", rename(here, sub), EXDEV);
	rmdir(here);
	CHECK_ERRNO("rmdir_tmp_ebusy", rmdir("/tmp"), EBUSY);
	CHECK_ERRNO("rename_tmp_ebusy", rename("/tmp", here), EBUSY);
	unlink(tmpfile);
}

static void pages_counted(void)
{
	static char data[64 * 1024];
	struct statfs before, during, after;

	if (!on_cowl()) {
		SKIP_ALL("Cowl only: other programs write to the host's /tmp too", "tmpfs_pages_used", "tmpfs_pages_freed");
		return;
	}
	statfs("/tmp", &before);
	int fd = open(tmpfile, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	write(fd, data, sizeof(data));
	close(fd);
	statfs("/tmp", &during);
	CHECK_EQ("tmpfs_pages_used", before.f_bfree - during.f_bfree, sizeof(data) / 4096);
	unlink(tmpfile);
	statfs("/tmp", &after);
	CHECK_EQ("tmpfs_pages_freed", after.f_bfree, before.f_bfree);
}

int main(void)
{
	snprintf(tmpfile, sizeof(tmpfile), "/tmp/fs_tmp.%d", getpid());
	snprintf(here, sizeof(here), "fs_tmp.%d", getpid());
	separate_fs();
	pages_counted();
	return test_done();
}
