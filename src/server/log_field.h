/* log_field.h: client strings made safe for billtopd's one-line-per-request log. */
#ifndef BILLTOPD_LOG_FIELD_H
#define BILLTOPD_LOG_FIELD_H

#include <stddef.h>

/*
 * Copies s (NULL: "") into out (n bytes) with every byte that is not printable
 * ASCII (controls, DEL, the space, every byte of a non-ASCII character) and '%'
 * itself written as %XX, so a field holds no terminal escape, cannot split the
 * line or be mistaken for two fields, and reads back unambiguously.  When it
 * does not fit it is cut at a whole byte and ends with "..." (n >= 4).
 */
void log_field(const char *s, char *out, size_t n);

#endif
