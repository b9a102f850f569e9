/* util.h: small helpers shared by billtop and billtopd. */
#ifndef BILLTOP_UTIL_H
#define BILLTOP_UTIL_H

#include <stddef.h>

/* Bounded copy that always terminates dst; returns 0, or -1 if truncated. */
int str_copy(char *dst, size_t dstsz, const char *src);

/*
 * Appends to a fixed caller buffer, remembering overflow so that a chain of
 * appends is checked once at the end by strbuf_finish.
 */
struct strbuf {
	char *buf;
	size_t size;
	size_t len;
	int overflow;
};

void strbuf_init(struct strbuf *sb, char *buf, size_t size);
void strbuf_addn(struct strbuf *sb, const char *s, size_t k);
void strbuf_add(struct strbuf *sb, const char *s);
void strbuf_addc(struct strbuf *sb, char c);
/* 0, or -1 after an overflow (buf is then set to "" when size > 0). */
int strbuf_finish(struct strbuf *sb);

#endif
