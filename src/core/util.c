/* util.c: small helpers shared by billtop and billtopd. */
#include <config.h>

#include <string.h>

#include "core/util.h"

int
str_copy(char *dst, size_t dstsz, const char *src)
{
	size_t n;

	if (dstsz == 0)
		return -1;
	n = strlen(src);
	if (n >= dstsz) {
		memcpy(dst, src, dstsz - 1);
		dst[dstsz - 1] = '\0';
		return -1;
	}
	memcpy(dst, src, n + 1);
	return 0;
}

void
strbuf_init(struct strbuf *sb, char *buf, size_t size)
{
	sb->buf = buf;
	sb->size = size;
	sb->len = 0;
	sb->overflow = size == 0;
	if (size > 0)
		buf[0] = '\0';
}

void
strbuf_addn(struct strbuf *sb, const char *s, size_t k)
{
	if (sb->overflow)
		return;
	if (k >= sb->size - sb->len) {
		sb->overflow = 1;
		return;
	}
	memcpy(sb->buf + sb->len, s, k);
	sb->len += k;
	sb->buf[sb->len] = '\0';
}

void
strbuf_add(struct strbuf *sb, const char *s)
{
	strbuf_addn(sb, s, strlen(s));
}

void
strbuf_addc(struct strbuf *sb, char c)
{
	strbuf_addn(sb, &c, 1);
}

int
strbuf_finish(struct strbuf *sb)
{
	if (!sb->overflow)
		return 0;
	if (sb->size > 0)
		sb->buf[0] = '\0';
	sb->len = 0;
	return -1;
}
