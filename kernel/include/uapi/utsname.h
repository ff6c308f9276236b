/* uname(2)'s record (include/uapi/linux/utsname.h, struct new_utsname). */
#ifndef UAPI_UTSNAME_H
#define UAPI_UTSNAME_H
#define __NEW_UTS_LEN 64 /* characters in each field, without the NUL */

struct utsname {
	char sysname[__NEW_UTS_LEN + 1];
	char nodename[__NEW_UTS_LEN + 1];
	char release[__NEW_UTS_LEN + 1];
	char version[__NEW_UTS_LEN + 1];
	char machine[__NEW_UTS_LEN + 1];
	char domainname[__NEW_UTS_LEN + 1];
};
#endif
