/* Sizes of names and atomic writes (include/uapi/linux/limits.h). */
#ifndef UAPI_LIMITS_H
#define UAPI_LIMITS_H
#define NAME_MAX 255  /* bytes in one path component */
#define PATH_MAX 4096 /* bytes in a path, including the NUL */
#define PIPE_BUF 4096 /* writes up to this size are atomic (pipe(7)) */
#endif
