/* util.h: small helpers shared by billtop and billtopd. */
#ifndef BILLTOP_UTIL_H
#define BILLTOP_UTIL_H

#include <stddef.h>

/* Bounded copy that always terminates dst; returns 0, or -1 if truncated. */
int str_copy(char *dst, size_t dstsz, const char *src);

#endif
